/**
 * Mutations for the fuzz targets, as fast-check arbitraries. A mutation is data — a kind and
 * positions written as fractions of the text's length — so that fast-check can shrink it and one
 * mutation applies to a text of any length. Documents get the edits a hurried author or a hostile
 * one makes: spans deleted, duplicated or swapped, LaTeX specials and unbalanced braces inserted,
 * numbers made huge, NUL, CJK, lone surrogates, CRLF. Network blocks get line edits and values a
 * schema must refuse (huge numbers, `.nan`, YAML aliases and tags, hostile names), with the
 * integers that set sizes (padding, stride, pool size) kept small, so that a mutated network stays
 * within what a linear time bound can say anything about (networks at the size budgets are the
 * budget tests' business).
 */
import fc from 'fast-check';

/** Text an edit may insert into a document. */
export const SPECIALS: readonly string[] = [
	'{', '}', '{{', '}}}', '$', '$$', '\\', '\\\\', '&', '%', '^', '_', '#', '~', '\\(', '\\)', '\\[', '\\]',
	'\\frac{', '\\frac{1}{', '\\sqrt[', '\\left(', '\\right)', '\\left.', '\\begin{aligned}', '\\end{aligned}',
	'\\begin{bmatrix}', '\\end{bmatrix}', '\\begin{align}', '\\end{align*}', '\\text{', '\\mathbf{', '\\hat{',
	'\\partial', '\\sum_{i=1}^{3}', '\\max\\{', '\\}', '\\cdot', '\\times', '=', ' = ', '\\approx', '\\leftarrow', ':=',
	'^{(1)}', '^{[2]}', '_{o1}', '^+', "'", '^T', '\\odot', '\\sigma(', '\\ln(', 'e^{', '\\pm',
	'1e308', '-1e308', '1e-400', '9'.repeat(400), `0.${'9'.repeat(60)}`, '-0', '0.000', '1,000', '.5', '5.',
	'\u0000', '\u0007', '\t', '\r', '\r\n', '\n', '\n\n', '\u2028', '\ufeff', '\ud800', '\udfff', '😀',
	'卷积核', '正向传播', '反向传播', '＝', '−', '×', '·', '≈', 'δ', 'σ(',
	'```', '```network\n', '```math\n', '<!--', '-->', '<!-- derivcheck-disable-next-line -->\n', '% derivcheck-disable\n', '% network\n',
	'](command:x)', '<img src=x onerror=alert(1)>', '![x](http://e)', '`', '|',
];

export type Mutation =
	| { readonly kind: 'delete' | 'duplicate'; readonly at: number; readonly length: number }
	| { readonly kind: 'swap'; readonly at: number; readonly other: number; readonly length: number }
	| { readonly kind: 'insert'; readonly at: number; readonly text: string }
	| { readonly kind: 'number'; readonly which: number; readonly text: string }
	| { readonly kind: 'crlf' };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
/** How long a span an edit takes, as a fraction of the text: mostly a few characters, sometimes a large part. */
const spanLength = fc.oneof(fc.double({ min: 0, max: 0.02, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }));

/** A number a mutation writes in place of a written one. */
export const hugeNumber = fc.oneof(
	fc.constantFrom('1e308', '-1e308', '1e309', '1e-400', '0', '-0', '.nan', '.inf', '-.inf', '9'.repeat(400), `0.${'0'.repeat(40)}1`, '0x10', '1_000', 'NaN'),
	fc.double({ noNaN: false }).map(String),
	fc.integer({ min: -1000, max: 1000 }).map(String),
	fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 0, max: 9999 })).map(([a, b]) => `${a}.${b}`),
);

export const documentMutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fraction, length: spanLength }),
	fc.record({ kind: fc.constant('swap' as const), at: fraction, other: fraction, length: spanLength }),
	fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 8 }), fc.fullUnicodeString({ maxLength: 4 })) }),
	fc.record({ kind: fc.constant('number' as const), which: fraction, text: hugeNumber }),
	fc.constant({ kind: 'crlf' as const }),
);

/** `text` with `m` applied; positions are fractions of the current length. */
export function applyMutation(text: string, m: Mutation): string {
	const n = text.length;
	const pos = (f: number) => Math.min(n, Math.floor(f * (n + 1)));
	switch (m.kind) {
		case 'delete': case 'duplicate': {
			const a = pos(m.at), b = Math.min(n, a + Math.ceil(m.length * n));
			return m.kind === 'delete' ? text.slice(0, a) + text.slice(b) : text.slice(0, b) + text.slice(a, b) + text.slice(b);
		}
		case 'swap': {
			const len = Math.ceil(m.length * n / 2);
			let a = pos(m.at), b = pos(m.other);
			if (a > b) [a, b] = [b, a];
			const aEnd = Math.min(a + len, b), bEnd = Math.min(b + len, n);
			return text.slice(0, a) + text.slice(b, bEnd) + text.slice(aEnd, b) + text.slice(a, aEnd) + text.slice(bEnd);
		}
		case 'insert': { const a = pos(m.at); return text.slice(0, a) + m.text + text.slice(a); }
		case 'number': {
			const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?/g)];
			if (numbers.length === 0) return text;
			const hit = numbers[Math.floor(m.which * numbers.length)];
			return text.slice(0, hit.index) + m.text + text.slice(hit.index + hit[0].length);
		}
		case 'crlf': return text.replace(/\r?\n/g, '\r\n');
	}
}

/** Applies the mutations in order. */
export function mutate(text: string, ms: readonly Mutation[]): string {
	return ms.reduce(applyMutation, text);
}

/** A line edit on a network block's YAML (fences and `% ` prefixes stay as they are). */
export type BlockMutation =
	| { readonly kind: 'deleteLine' | 'duplicateLine'; readonly line: number }
	| { readonly kind: 'swapLines'; readonly line: number; readonly other: number }
	| { readonly kind: 'value'; readonly which: number; readonly text: string }
	| { readonly kind: 'setting'; readonly key: string; readonly value: string }
	| { readonly kind: 'insertLine'; readonly line: number; readonly text: string }
	| { readonly kind: 'name'; readonly which: number; readonly text: string };

/** Names, quoted for YAML, that would be a link, an image, HTML or a broken code span if a hover did not escape them. */
export const HOSTILE_NAMES: readonly string[] = ['"](command:x)"', '"<b>x</b>"', '"a`<img src=x>`b"', '"`"', '"![i](http://e)"', '"*x*|y"', '"[l](http://e)"', '"<a href=x>"', '"&lt;b&gt;"'];

/** Lines a block mutation may add: other keys, other layers, YAML's own syntax, broken structure. */
const BLOCK_LINES = [
	'  - maxpool: P', '  - avgpool: Q', '    size: 2', '  - flatten', '  - activation: relu', '  - dense: D', '    weights: [[1]]',
	'    stride: 2', '    padding: same', '    padding: 1', '    flip: true', '    activation: softmax', '    bias: 0.35',
	'frozen: [w_1, b_1]', 'frozen: [w_1, w_1, w_1]', 'notation: {}', 'loss: half_sse', 'learning_rate: -1', 'input: []', 'target: 7',
	'&a [1, 2]', '*a', '<<: *a', 'x: !!js/function "f"', '!!binary AAAA', '? complex', '- [', ']]', '{', '"\\u0000"', "'", 'layers:', 'layers: 3',
	'\t- conv1d: T', '    kernels: [[[[[1]]]]]', '    kernel_names: [[a, b], [c]]', '    weight_names: ["](command:x)", "<img src=x>"]', '    bias_names: 卷积核',
];

const SIZE_KEY = /^\s*(padding|stride|size):/;

/** Settings whose values a mutation may change, with the values it may write (sizes kept small). */
const SETTINGS: Record<string, readonly string[]> = {
	loss: ['cross_entropy', 'mse', 'half_sse', 'binary_cross_entropy', 'hinge', '3', ''],
	activation: ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'softmax', 'linear', 'gelu', '[relu]'],
	padding: ['valid', 'same', '0', '1', '3', '-1', '1.5', 'full'],
	stride: ['1', '2', '3', '0', '-2', '1.5'],
	size: ['1', '2', '3', '0', '-1', '40', 'big'],
	flip: ['true', 'false', 'yes', '2'],
	learning_rate: ['0.5', '0', '-0.1', '1e308', '.nan'],
};

export const blockMutation: fc.Arbitrary<BlockMutation> = fc.oneof(
	fc.record({ kind: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const), line: fraction }),
	fc.record({ kind: fc.constant('swapLines' as const), line: fraction, other: fraction }),
	fc.record({ kind: fc.constant('value' as const), which: fraction, text: hugeNumber }),
	fc.constantFrom(...Object.keys(SETTINGS)).chain((key) => fc.record({ kind: fc.constant('setting' as const), key: fc.constant(key), value: fc.constantFrom(...SETTINGS[key]) })),
	fc.record({ kind: fc.constant('insertLine' as const), line: fraction, text: fc.oneof(fc.constantFrom(...BLOCK_LINES), fc.string({ maxLength: 12 })) }),
	fc.record({ kind: fc.constant('name' as const), which: fraction, text: fc.oneof(fc.constantFrom('w', 'b', 'KK', 'out', '\\hat{y}', 'w_1', '卷积', '""', '[]', '{a: 1}', 'null', ...HOSTILE_NAMES), fc.string({ minLength: 1, maxLength: 6 })) }),
);

/**
 * `block` (a fenced or `% network` block, as written) with `m` applied to its YAML lines: the first
 * and, for a fence, the last line are left alone, and a LaTeX block keeps its `% ` prefixes.
 */
export function applyBlockMutation(block: string, m: BlockMutation): string {
	const lines = block.split('\n');
	const fenced = lines[0].startsWith('```');
	const prefix = fenced ? '' : '% ';
	const first = 1, last = fenced ? lines.length - 1 : lines.length;
	const body = lines.slice(first, last).map((l) => (fenced ? l : l.replace(/^% ?/, '')));
	const at = (f: number) => Math.min(body.length - 1, Math.floor(f * body.length));
	switch (m.kind) {
		case 'deleteLine': if (body.length > 0) body.splice(at(m.line), 1); break;
		case 'duplicateLine': if (body.length > 0) body.splice(at(m.line), 0, body[at(m.line)]); break;
		case 'swapLines': if (body.length > 0) { const a = at(m.line), b = at(m.other); [body[a], body[b]] = [body[b], body[a]]; } break;
		case 'insertLine': body.splice(Math.max(0, at(m.line)), 0, m.text); break;
		case 'setting': {
			const i = body.findIndex((l) => new RegExp(`^\\s*(- )?${m.key}:`).test(l));
			if (i >= 0) body[i] = body[i].replace(/:.*$/, `: ${m.value}`);
			break;
		}
		case 'value': case 'name': {
			// Names: in `_names` lists, and a layer's own name, which formulas and tables quote for its quantities.
			const pattern = m.kind === 'value' ? /-?\d+(?:\.\d+)?(?:e-?\d+)?/g : /(?<=_names:\s*\[?\s*)[^\s,\][]+|(?<=\[\s*)[A-Za-z\\][^\s,\][]*|(?<=- (?:conv1d|conv2d|dense|maxpool|avgpool|maxpool2d|avgpool2d):\s*)[^\s#]+/g;
			const spots: { line: number; index: number; length: number }[] = [];
			// The integers that set sizes are the `setting` mutation's, which keeps them small.
			body.forEach((l, line) => { if (!SIZE_KEY.test(l)) for (const hit of l.matchAll(pattern)) spots.push({ line, index: hit.index, length: hit[0].length }); });
			if (spots.length === 0) break;
			const s = spots[Math.floor(m.which * spots.length)];
			const l = body[s.line];
			body[s.line] = l.slice(0, s.index) + m.text + l.slice(s.index + s.length);
			break;
		}
	}
	return [lines[0], ...body.map((l) => prefix + l), ...(fenced ? [lines[lines.length - 1]] : [])].join('\n');
}

/** Applies the block mutations in order. */
export function mutateBlock(block: string, ms: readonly BlockMutation[]): string {
	return ms.reduce(applyBlockMutation, block);
}
