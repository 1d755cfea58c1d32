/**
 * The syntax tree of the derivation language (DESIGN 2.2, 2.3). Parsing never fails: what the
 * parser does not understand becomes an `error` node with a message, and the statement holding
 * it stays unchecked. Every node carries its absolute span; the tokens under a region, joined,
 * give back its text exactly (the tree is lossless through its token list).
 */
import type { Span } from '../text/span';

export type TokenKind =
	| 'number' // 0.5, 12, 1e-3, .5
	| 'ident' // a run of ASCII letters and digits starting with a letter: outpp, KK, x2
	| 'command' // \frac, \cdot, \alpha, \\ (line break), \, \; \! (spacing), \{ \}
	| 'symbol' // + - * / = ( ) [ ] , ; ^ _ ' & | < > !
	| 'lbrace' // {
	| 'rbrace' // }
	| 'whitespace' // spaces, tabs, newlines
	| 'comment' // % to end of line (LaTeX)
	| 'other'; // anything else, one code point at a time (Chinese text, stray symbols)

export interface Token {
	readonly kind: TokenKind;
	readonly text: string;
	/** Absolute offsets into the document. */
	readonly start: number;
	readonly end: number;
}

/**
 * A name (DESIGN 2.3): `w_1`, `out_{C1}`, `\text{coef}_{o1}`, `\bar{in}_{cc_1}`, `\delta_{h1}`, `w_5^+`,
 * `z^{(1)}_2`, `\hat{y}_1`, `W^{[2]}_{12}`. It keeps its structure, as KaTeX keeps base, sub- and
 * superscript apart: the base, its marks (`\hat`, `\bar` …), the layer superscript, the subscript
 * and the update mark. `key` is the normalised form used for comparison: typography (`\text
 * \mathrm \operatorname \mathbf \boldsymbol \vec …`), braces and `_` dropped, Greek commands
 * spelled without the backslash, case kept, marks written before the base (`hat.y1`), the layer
 * index in parentheses after it (`z(1)2`), and the update mark, if any, appended as `'`:
 * `\bar{in}_{cc_1}` → `bar.incc1`, `w_5^+` → `w5'`, `\delta^{(2)}_1` → `delta(2)1`, `E_{\text{total}}` → `Etotal`.
 * A document whose base means nothing else drops the mark (`settleMarks`): `\bar{in}_{cc_1}` alone
 * is `incc1`.
 */
export interface NameRef {
	readonly span: Span;
	/** Source text of the whole name. */
	readonly text: string;
	/** Normalised key with the update mark (see above); two names are the same name iff keys are equal. */
	readonly key: string;
	/** Normalised key without the update mark: `w5` for `w_5^+`. */
	readonly baseKey: string;
	/** The normalised base alone (`in` for `\bar{in}_{cc_1}`, `delta` for `\delta_{h1}`). */
	readonly base: string;
	/** The normalised subscript alone (`cc1`); empty when there is none. */
	readonly sub: string;
	/** True for `w'`, `w^+`, `w^{new}`, `w^{(t+1)}`: the value after the update step. */
	readonly updated: boolean;
	/** Marks as written, outermost first: `['hat']` for `\hat{y}_1`; empty for most names. */
	readonly marks: readonly string[];
	/** The layer superscript: `'1'` for `z^{(1)}_2` and `b^{[1]}`, `'L'` for `a^{(L)}`; absent when none. */
	readonly layer?: string;
}

export interface NumberNode {
	readonly kind: 'number';
	readonly span: Span;
	readonly text: string;
	/** The value of the literal as written (`-` signs are unary nodes, never part of the literal). */
	readonly value: number;
	/**
	 * Half a unit in the last written place: `0.558` → 0.0005, `12` → 0.5, `1.5e-3` → 0.00005.
	 * Integers are exact to the checker (DESIGN 3.3), but the parser records what was written.
	 */
	readonly halfUlp: number;
	/** True when the literal has no decimal point and no exponent. */
	readonly isInteger: boolean;
}

export interface NameNode {
	readonly kind: 'name';
	readonly span: Span;
	readonly name: NameRef;
}

/**
 * `±` and `∓` are `\pm` and `\mp`: an expression holding them has one value per choice of signs.
 * `⊙` is the element-wise product `\odot` (also `\circ`); on numbers it is the product.
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '±' | '∓' | '⊙';

export interface BinaryNode {
	readonly kind: 'binary';
	readonly span: Span;
	readonly op: BinaryOp;
	/**
	 * How the operator was written: `+`, `-`, `*`, `\cdot`, `\times`, `/`, `\frac`, `\dfrac`,
	 * `\tfrac`, `^`, or `` (empty) for an implicit product such as `0.5 (1 - 0.074)`.
	 */
	readonly written: string;
	/** The operator's own span; empty (start = end) for implicit products. */
	readonly opSpan: Span;
	readonly left: Expr;
	readonly right: Expr;
}

export interface UnaryNode {
	readonly kind: 'unary';
	readonly span: Span;
	readonly op: '-' | '+' | '±' | '∓';
	readonly operand: Expr;
}

/** Parentheses, brackets or braces, with or without `\left`/`\right`. */
export interface GroupNode {
	readonly kind: 'group';
	readonly span: Span;
	readonly open: '(' | '[' | '\\{' | '{' | '|';
	readonly inner: Expr;
}

/**
 * `logb` is `\log_b x` with arguments `[b, x]`; `root` is `\sqrt[n]{x}` with arguments `[n, x]`, in the order written.
 * `transpose` is `x^T`, `x^\top`, `x^{\mathsf{T}}`, with written `^T` as the author wrote it.
 */
export type FunctionName = 'sqrt' | 'ln' | 'log' | 'exp' | 'max' | 'min' | 'sigma' | 'tanh' | 'relu' | 'sum' | 'abs' | 'logb' | 'root' | 'transpose' | 'indexsum';

/** `\ln x`, `\exp(x)`, `e^{x}` (as exp), `\max\{a, b\}`, `\sigma(x)`, `\sqrt{x}`, `\sum` over explicit terms. */
export interface CallNode {
	readonly kind: 'call';
	readonly span: Span;
	readonly fn: FunctionName;
	/** The function's name as written: `\ln`, `e^`, `\operatorname{ReLU}`, `relu`. */
	readonly written: string;
	readonly args: readonly Expr[];
	/** For `indexsum` (`\sum_{i=1}^{3} …`): the index and the bounds written, if any (`to` only with `from`). */
	readonly index?: { readonly name: string; readonly from?: number; readonly to?: number };
}

/** `\frac{\partial A}{\partial B}`, also `\partial A / \partial B`: the derivative of A with respect to B. */
export interface DerivativeNode {
	readonly kind: 'derivative';
	readonly span: Span;
	readonly of: NameRef;
	readonly wrt: NameRef;
}

/** `(0.1, 0.2, 0.3)`: a vector, as in `KK_1 = (0.1, 0.2, 0.3)`. */
export interface TupleNode {
	readonly kind: 'tuple';
	readonly span: Span;
	readonly items: readonly Expr[];
}

/**
 * A matrix environment (`bmatrix`, `pmatrix`, `Bmatrix`, `matrix`, `smallmatrix`): rows split by
 * `\\`, cells by `&`, every row as long as the first. `\begin{bmatrix}1\\2\end{bmatrix}` is a column.
 */
export interface MatrixNode {
	readonly kind: 'matrix';
	readonly span: Span;
	readonly env: string;
	readonly rows: readonly (readonly Expr[])[];
}

/** What the parser could not understand. A statement with an error node is not checked. */
export interface ErrorNode {
	readonly kind: 'error';
	readonly span: Span;
	readonly message: string;
}

export type Expr = NumberNode | NameNode | BinaryNode | UnaryNode | GroupNode | CallNode | DerivativeNode | TupleNode | MatrixNode | ErrorNode;

export interface Relation {
	/** `=`, `\approx` (which counts as `=`), or an assignment `\leftarrow`, `\gets`, `:=`, `\coloneqq` (an update, DESIGN 2.2). */
	readonly kind: '=' | 'approx' | 'assign';
	readonly span: Span;
}

/**
 * An equality chain `e0 = e1 = … = en` (DESIGN 2.2). `members.length === relations.length + 1`.
 * A statement may run over several lines (`… \\ = 0.166`). A line that begins with a relation,
 * within a region or as the first thing in a region (`$$= coef_{f1} \cdot w_1 … $$` after
 * another display), is parsed with `continues: true` and an `error`-free empty first member
 * omitted: its `members` then start after that relation, and `relations[0]` is that leading
 * relation, so `members.length === relations.length`. The check layer joins it to the previous
 * statement.
 */
export interface Statement {
	readonly span: Span;
	readonly members: readonly Expr[];
	readonly relations: readonly Relation[];
	readonly continues: boolean;
}

export interface SyntaxError {
	readonly span: Span;
	readonly message: string;
}

export interface ParseResult {
	/** Every token of the region's inner text, in order; their texts joined equal that text. */
	readonly tokens: readonly Token[];
	/** Statements in source order. Pieces of math with no relation (`\max\{0.646, 0.659\}`) are not statements. */
	readonly statements: readonly Statement[];
	readonly errors: readonly SyntaxError[];
}
