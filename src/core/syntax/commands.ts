/**
 * The command table, in the style of KaTeX's `defineFunction`: each family of commands is
 * defined once, with what the parser needs to know about it, so supporting a new command touches
 * this file only. Unicode symbols that OCR and editors put into math (`×`, `−`, `≈`, `α`) are
 * mapped here to the command they stand for.
 */
import type { BinaryOp, FunctionName } from './ast';

/** How a function takes its argument: a group `(…)`/`\{…\}` or one loose factor (`\ln 0.5`), or braces (`\sqrt{x}`). */
export type ArgumentStyle = 'group-or-factor' | 'group-only' | 'braced';

export type CommandSpec =
	| { readonly kind: 'operator'; readonly op: BinaryOp }
	| { readonly kind: 'relation'; readonly relation: '=' | 'approx' | 'assign' }
	/** `<`, `\le`, `\to` …: not an equality; ends a chain. */
	| { readonly kind: 'inequality' }
	| { readonly kind: 'function'; readonly fn: FunctionName; readonly args: ArgumentStyle }
	/** `\,` `\;` (narrow, always spacing) or `\quad` (wide: separates statements at the top level). */
	| { readonly kind: 'spacing'; readonly wide: boolean; readonly numArgs: number }
	/**
	 * `\mathbf`, `\text`, `\hat` …: around a name. Typography is dropped from names; `text` marks
	 * text-mode commands that may hold prose. A `mark` (`\hat`, `\bar` …) is kept where it
	 * distinguishes (DESIGN 2.3): `\hat{y}_1` beside `y_1` is the prediction beside the target.
	 */
	| { readonly kind: 'decoration'; readonly text: boolean; readonly mark?: string }
	/** `\big`, `\left`, `\right`, `\displaystyle`, `\label{…}`: no meaning for the checker. */
	| { readonly kind: 'ignored'; readonly numArgs: number; readonly delimiter: boolean }
	| { readonly kind: 'open'; readonly open: '(' | '[' | '\\{' | '|' }
	| { readonly kind: 'close'; readonly close: ')' | ']' | '\\}' | '|' }
	| { readonly kind: 'greek'; readonly name: string }
	| { readonly kind: 'frac' }
	| { readonly kind: 'partial' }
	| { readonly kind: 'begin' }
	| { readonly kind: 'end' }
	| { readonly kind: 'linebreak' }
	/** `\cdots`, `\pm`, `\infty`: known, but with no value the checker can use. */
	| { readonly kind: 'unsupported' };

const table = new Map<string, CommandSpec>();

/** Defines one family: `defineCommands(['\\cdot', '\\times'], { kind: 'operator', op: '*' })`. */
function defineCommands(names: readonly string[], spec: CommandSpec): void {
	for (const name of names) table.set(name, spec);
}

defineCommands(['\\cdot', '\\times', '\\ast', '\\centerdot'], { kind: 'operator', op: '*' });
defineCommands(['\\div'], { kind: 'operator', op: '/' });
defineCommands(['\\approx', '\\thickapprox', '\\simeq', '\\doteq'], { kind: 'relation', relation: 'approx' });
defineCommands(['\\eq'], { kind: 'relation', relation: '=' });
defineCommands(['\\leftarrow', '\\gets', '\\longleftarrow', '\\coloneqq', '\\coloneq', '\\Coloneqq'], { kind: 'relation', relation: 'assign' });
defineCommands(
	['\\le', '\\leq', '\\ge', '\\geq', '\\ne', '\\neq', '\\lt', '\\gt', '\\to', '\\rightarrow', '\\Rightarrow', '\\Leftarrow',
		'\\implies', '\\iff', '\\mapsto', '\\longrightarrow', '\\Longrightarrow', '\\sim', '\\propto', '\\ll', '\\gg', '\\in', '\\notin',
		'\\subset', '\\subseteq', '\\equiv', '\\leqslant', '\\geqslant'],
	{ kind: 'inequality' },
);
defineCommands(['\\ln'], { kind: 'function', fn: 'ln', args: 'group-or-factor' });
defineCommands(['\\log', '\\lg'], { kind: 'function', fn: 'log', args: 'group-or-factor' });
defineCommands(['\\exp'], { kind: 'function', fn: 'exp', args: 'group-or-factor' });
defineCommands(['\\tanh'], { kind: 'function', fn: 'tanh', args: 'group-or-factor' });
defineCommands(['\\max'], { kind: 'function', fn: 'max', args: 'group-only' });
defineCommands(['\\min'], { kind: 'function', fn: 'min', args: 'group-only' });
defineCommands(['\\sum'], { kind: 'function', fn: 'sum', args: 'group-only' });
defineCommands(['\\sqrt'], { kind: 'function', fn: 'sqrt', args: 'braced' });
defineCommands(['\\,', '\\;', '\\:', '\\!', '\\ ', '\\>', '\\thinspace', '\\medspace', '\\thickspace', '\\enspace', '\\negthinspace', '\\negmedspace', '\\negthickspace'],
	{ kind: 'spacing', wide: false, numArgs: 0 });
defineCommands(['\\quad', '\\qquad'], { kind: 'spacing', wide: true, numArgs: 0 });
defineCommands(['\\hspace', '\\hskip', '\\kern', '\\mkern', '\\mskip'], { kind: 'spacing', wide: true, numArgs: 1 });
defineCommands(['\\text', '\\textrm', '\\textit', '\\textbf', '\\textsf', '\\texttt', '\\textnormal', '\\mbox'], { kind: 'decoration', text: true });
defineCommands(
	['\\mathrm', '\\operatorname', '\\mathbf', '\\boldsymbol', '\\bm', '\\mathit', '\\mathsf', '\\mathcal', '\\mathnormal', '\\vec',
		'\\underline', '\\mathbb', '\\mathscr', '\\mathfrak', '\\mathtt', '\\pmb'],
	{ kind: 'decoration', text: false },
);
// Marks: `\widehat{y}` is `\hat{y}`, `\overline{x}` is `\bar{x}`, `\widetilde` is `\tilde`.
for (const [names, mark] of [[['\\hat', '\\widehat'], 'hat'], [['\\bar', '\\overline'], 'bar'], [['\\tilde', '\\widetilde'], 'tilde'],
	[['\\dot'], 'dot'], [['\\ddot'], 'ddot'], [['\\check'], 'check']] as const) {
	defineCommands(names, { kind: 'decoration', text: false, mark });
}
defineCommands(['\\big', '\\Big', '\\bigg', '\\Bigg', '\\bigl', '\\bigr', '\\Bigl', '\\Bigr', '\\biggl', '\\biggr', '\\Biggl', '\\Biggr', '\\bigm', '\\Bigm', '\\left', '\\right', '\\middle'],
	{ kind: 'ignored', numArgs: 0, delimiter: true });
defineCommands(['\\displaystyle', '\\textstyle', '\\scriptstyle', '\\limits', '\\nolimits', '\\nonumber', '\\notag', '\\relax', '\\hline'], { kind: 'ignored', numArgs: 0, delimiter: false });
defineCommands(['\\label', '\\tag', '\\phantom', '\\hphantom', '\\vphantom', '\\color'], { kind: 'ignored', numArgs: 1, delimiter: false });
// Colour and boxes around a number are the number: `\textcolor{red}{0.2}` leaves `{0.2}`, `\boxed{0.2}` is 0.2.
defineCommands(['\\textcolor', '\\colorbox'], { kind: 'ignored', numArgs: 1, delimiter: false });
defineCommands(['\\boxed', '\\fbox', '\\cancel'], { kind: 'decoration', text: false });
defineCommands(['\\lparen'], { kind: 'open', open: '(' });
defineCommands(['\\lbrack'], { kind: 'open', open: '[' });
defineCommands(['\\{', '\\lbrace'], { kind: 'open', open: '\\{' });
defineCommands(['\\lvert', '\\vert', '\\|', '\\lVert', '\\Vert'], { kind: 'open', open: '|' });
defineCommands(['\\rparen'], { kind: 'close', close: ')' });
defineCommands(['\\rbrack'], { kind: 'close', close: ']' });
defineCommands(['\\}', '\\rbrace'], { kind: 'close', close: '\\}' });
defineCommands(['\\rvert', '\\rVert'], { kind: 'close', close: '|' });
defineCommands(['\\frac', '\\dfrac', '\\tfrac', '\\cfrac'], { kind: 'frac' });
defineCommands(['\\partial'], { kind: 'partial' });
defineCommands(['\\begin'], { kind: 'begin' });
defineCommands(['\\end'], { kind: 'end' });
defineCommands(['\\\\', '\\newline', '\\cr'], { kind: 'linebreak' });
defineCommands(['\\pm'], { kind: 'operator', op: '±' });
defineCommands(['\\mp'], { kind: 'operator', op: '∓' });
defineCommands(['\\odot', '\\circ'], { kind: 'operator', op: '⊙' });
defineCommands(['\\cdots', '\\ldots', '\\dots', '\\vdots', '\\ddots', '\\infty', '\\prod', '\\int', '\\nabla', '\\%', '\\prime'],
	{ kind: 'unsupported' });

export const GREEK_LETTERS: readonly string[] = [
	'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda', 'mu', 'nu',
	'xi', 'omicron', 'pi', 'varpi', 'rho', 'varrho', 'sigma', 'varsigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
	'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega', 'ell',
];
for (const name of GREEK_LETTERS) table.set(`\\${name}`, { kind: 'greek', name });

/** The spec of a command (`'\\frac'` → `{ kind: 'frac' }`), or `undefined` for an unknown command. */
export function commandSpec(name: string): CommandSpec | undefined {
	return table.get(name);
}

/** Environments whose `&` and `\\` only align lines: their content is parsed as statements. */
export const ALIGN_ENVIRONMENTS: ReadonlySet<string> = new Set([
	'aligned', 'align', 'align*', 'gather', 'gather*', 'gathered', 'split', 'equation', 'equation*', 'eqnarray', 'eqnarray*',
	'multline', 'multline*', 'alignat', 'alignat*', 'alignedat', 'flalign', 'flalign*',
]);

/** Environments that are matrices (DESIGN 2.2): rows by `\\\\`, cells by `&`, kept whole by the statement parser. */
export const MATRIX_ENVIRONMENTS: ReadonlySet<string> = new Set(['matrix', 'bmatrix', 'pmatrix', 'Bmatrix', 'smallmatrix', 'bmatrix*', 'pmatrix*', 'array']);

/** Identifiers that are functions when a parenthesis follows: `relu(x)`, `\operatorname{ReLU}(x)`. */
const IDENT_FUNCTIONS = new Map<string, FunctionName>([
	['relu', 'relu'], ['sigmoid', 'sigma'], ['tanh', 'tanh'], ['exp', 'exp'], ['ln', 'ln'], ['log', 'log'], ['max', 'max'], ['min', 'min'],
	['sqrt', 'sqrt'], ['abs', 'abs'], ['sum', 'sum'],
]);

/** The function an identifier names when it is called: `identFunction('ReLU')` → `'relu'`. */
export function identFunction(word: string): FunctionName | undefined {
	return IDENT_FUNCTIONS.get(word.toLowerCase());
}

/** Unicode characters that stand for a command or symbol: `'×'` → `'\\times'`, `'−'` → `'-'`. */
const UNICODE = new Map<string, string>([
	['×', '\\times'], ['·', '\\cdot'], ['⋅', '\\cdot'], ['∙', '\\cdot'], ['∗', '*'], ['÷', '\\div'], ['−', '-'], ['–', '-'], ['＋', '+'],
	['±', '\\pm'], ['∓', '\\mp'], ['←', '\\leftarrow'], ['≔', '\\coloneqq'], ['…', '\\ldots'], ['⋯', '\\cdots'], ['⊙', '\\odot'], ['∘', '\\circ'],
	['⊤', '\\top'], ['√', '\\sqrt'], ['ρ', '\\rho'], ['π', '\\pi'], ['ξ', '\\xi'], ['ζ', '\\zeta'], ['κ', '\\kappa'], ['ν', '\\nu'], ['ψ', '\\psi'],
	['≈', '\\approx'], ['＝', '='], ['≤', '\\le'], ['≥', '\\ge'], ['≠', '\\ne'], ['→', '\\to'], ['⇒', '\\Rightarrow'], ['∂', '\\partial'],
	['（', '('], ['）', ')'], ['［', '['], ['］', ']'], ['，', ','], ['；', ';'], ['：', ':'], ['。', '.'], ['~', '\\,'],
	['α', '\\alpha'], ['β', '\\beta'], ['γ', '\\gamma'], ['δ', '\\delta'], ['ε', '\\epsilon'], ['η', '\\eta'], ['θ', '\\theta'],
	['λ', '\\lambda'], ['μ', '\\mu'], ['σ', '\\sigma'], ['τ', '\\tau'], ['φ', '\\phi'], ['ω', '\\omega'], ['Δ', '\\Delta'], ['Σ', '\\sum'],
]);

/** What a token's text means to the parser: commands and symbols as written, Unicode ones mapped. */
export function canonical(text: string): string {
	return UNICODE.get(text) ?? text;
}
