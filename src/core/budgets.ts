/**
 * Every limit on the work one document may cause, in one place, so that no input — however large,
 * deep or hostile — can make a check, a hover or the engine cache take unbounded time or memory.
 * Each budget is checked before the work it bounds is done (a network's bytes before anything is
 * allocated, a block's items before YAML reads it), and each one that is hit says so in words: a
 * diagnostic on the offending text, or a note in the hover, never a silent truncation.
 *
 * Sizes are counted in what they cost: a network in the bytes its arrays and tables will retain,
 * a hover in characters of Markdown, a path search in the steps it takes (not in paths found,
 * since most routes through a max pool end nowhere).
 */

/** The most characters of one document that are checked; math after that point is left unchecked and a diagnostic says so. */
export const MAX_DOCUMENT_CHARS = 8_000_000;

/** How deeply the expression parser may recurse; deeper input becomes an `error` node. */
export const MAX_EXPRESSION_DEPTH = 200;

/** The most characters of YAML in one network block. */
export const MAX_BLOCK_CHARS = 1_000_000;

/**
 * The most items (numbers, names, keys) one network block may write. YAML keeps a node of about
 * 150 bytes per item while it reads, so this is counted on the raw text before YAML sees it.
 */
export const MAX_BLOCK_ITEMS = 200_000;

/** The most bytes one network may retain: its run's typed arrays and the connectivity tables formulas build. */
export const MAX_NETWORK_BYTES = 96 * 1024 * 1024;

/** The most bytes all cached parses and networks together may retain; the least recently used go first. */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** The most multiply-accumulates one forward pass may take. */
export const MAX_MACS = 100_000_000;

/**
 * The most multiply-accumulates the alternative networks of one set of open choices may take in
 * all (`check/truth/choices.ts`: a tie or a kink judged under each admissible choice); past it the
 * quantities those choices can change are left unjudged.
 */
export const MAX_ALTERNATIVE_MACS = 2_000_000;

/** The most steps (quantities visited) one chain-rule path search may take. */
export const MAX_PATH_STEPS = 20_000;

/** The most characters of Markdown in one hover; a longer one is cut and says so. */
export const MAX_HOVER_CHARS = 20_000;

/** The most characters of one rendered formula in a hover; a longer one ends in an ellipsis and a note. */
export const MAX_FORMULA_CHARS = 2_000;

/**
 * The most lines of Markdown one hover shows (VS Code's hover is about 250 px tall, some 12 lines);
 * what does not fit is in the network panel, one click away.
 */
export const MAX_HOVER_LINES = 12;

/** The most characters of one formula in a hover (about two wrapped lines); the panel shows the rest. */
export const MAX_HOVER_FORMULA_CHARS = 160;

/** The most cells a hover's heatmap draws; a bigger layer is drawn in blocks, each cell the mean of its block. */
export const MAX_HEATMAP_CELLS = 384;

/** The most channels (or kernels) a hover's heatmap draws side by side; past it, only the one that holds the element. */
export const MAX_HEATMAP_PANELS = 8;

/** The bytes one formula-connectivity entry (an object in an array) retains, for `MAX_NETWORK_BYTES`; measured on a 150 × 150 conv2d. */
export const BYTES_PER_USE = 72;

/** The most characters of one math region the report and the preview give KaTeX; a longer one is shown as escaped source. */
export const MAX_RENDER_MATH_CHARS = 20_000;

/** How deeply braces may nest in a math region given KaTeX (whose parser recurses per group); deeper is shown as escaped source. */
export const MAX_RENDER_BRACE_DEPTH = 100;

/** The most elements one table of the network panel shows (a layer's outputs, a kernel's weights); a bigger one is listed by its size alone. */
export const MAX_PANEL_GRID_CELLS = 1_024;

/** The most elements the network panel shows in all; the tables past it are listed by their size alone. */
export const MAX_PANEL_CELLS = 16_384;

/**
 * The most forward formulas read when a network is read off a document without a block (`infer/`);
 * a derivation by hand writes a few hundred. Past it the rest is not read, so the reading declines
 * rather than verify thousands of formulas against the engine.
 */
export const MAX_INFER_FORMULAS = 2_000;

/**
 * The most layers a network read off a document may have. The reader finds each layer by looking
 * over every formula not yet placed, so its work grows with layers times formulas; LeNet-5 has eight
 * layers, and a document with more than this many is not read.
 */
export const MAX_INFER_LAYERS = 64;

/**
 * The most terms a generated derivation may write (each product in a weighted sum, each element of
 * a window, forward and backward): about 50 characters each, so a derivation stays a few
 * megabytes. Counted from the network's shape before anything is written.
 */
export const MAX_GENERATED_TERMS = 60_000;
