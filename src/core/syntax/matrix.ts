/**
 * Matrix environments (DESIGN 2.2). The stream keeps `\begin{bmatrix}…\end{bmatrix}` as one item, so
 * the statement parser never splits a matrix at its `\\` or `&`. The strategy here is one forward
 * walk over the environment's tokens that cuts cells at `&` and rows at `\\`, outside braces and
 * nested environments, then parses each cell as an expression on its own. A matrix too large
 * (`MAX_CELLS`), ragged, holding an empty cell, a nested environment or a cell that is not one
 * expression becomes a single error node, so its chain stays unchecked; nothing is ever guessed.
 * `array` is read the same, its column specification skipped. A `vmatrix` is a determinant and
 * never reaches this file: it stays an unsupported environment.
 */
import type { Expr, MatrixNode, Token } from './ast';
import type { Cursor } from './cursor';
import { skipSpace } from './names';
import type { Item } from './stream';
import type { Span } from '../text/span';

/** The most cells a matrix may have; beyond it, the matrix is not read (100 × 100). */
export const MAX_CELLS = 10_000;

/** Parses one cell's tokens (absolute offsets) as an expression; `undefined` when they are not exactly one. */
export type CellParser = (tokens: readonly Token[], span: Span) => Expr | undefined;

const LINE_BREAKS = new Set(['\\\\', '\\cr', '\\newline']);

/** Cuts `[a, b)` into rows of cells (token ranges); `undefined` when the matrix is too large or holds an environment. */
function cutCells(tokens: readonly Token[], match: Int32Array, a: number, b: number): [number, number][][] | undefined {
	const rows: [number, number][][] = [[]];
	let cells = 0;
	let start = a;
	const endCell = (k: number) => {
		rows[rows.length - 1].push([start, k]);
		cells++;
		start = k + 1;
	};
	for (let k = a; k < b; k++) {
		const t = tokens[k];
		if (t.kind === 'lbrace') {
			if (match[k] < 0 || match[k] >= b) return undefined;
			k = match[k];
		} else if (t.text === '\\begin' || t.text === '\\end') return undefined;
		else if (t.text === '&') endCell(k);
		else if (LINE_BREAKS.has(t.text)) {
			endCell(k);
			rows.push([]);
		}
		if (cells > MAX_CELLS) return undefined;
	}
	endCell(b);
	return rows;
}

/** True when tokens `[a, b)` are only whitespace and comments. */
function blank(tokens: readonly Token[], a: number, b: number): boolean {
	for (let k = a; k < b; k++) if (tokens[k].kind !== 'whitespace' && tokens[k].kind !== 'comment') return false;
	return true;
}

/**
 * Parses the matrix item at the cursor: `\begin{bmatrix} 0.1 & 0.2 \\ 0.3 & 0.4 \end{bmatrix}` gives a
 * `matrix` node with rows `[0.1, 0.2]` and `[0.3, 0.4]`, each cell spanning its own text.
 */
export function parseMatrix(p: Cursor, item: Item, parseCell: CellParser): Expr {
	const tokens = p.stream.tokens;
	const match = p.stream.match;
	p.pos++;
	const start = tokens[item.first].start;
	const end = tokens[item.end - 1].end;
	const fail = (message: string) => p.error(start, end, message);
	// `\begin{name}` ends at its name's `}`; `\end{name}` is the last four-or-more tokens before `item.end`.
	let open = item.first + 1;
	while (open < item.end && tokens[open].kind !== 'lbrace') open++;
	let a = match[open] + 1;
	// `\begin{array}{cc}` and `\begin{bmatrix*}[r]`: the column specification is layout.
	const spec = skipSpace(tokens, a);
	if (item.env === 'array' && tokens[spec]?.kind === 'lbrace' && match[spec] > spec) a = match[spec] + 1;
	else if (item.env?.endsWith('*') && tokens[spec]?.text === '[') {
		let close = spec + 1;
		while (close < item.end && tokens[close].text !== ']' && close < spec + 8) close++;
		if (tokens[close]?.text === ']') a = close + 1;
	}
	let b = item.end - 1;
	while (b > a && tokens[b].text !== '\\end') b--;
	if (a <= 0 || b <= a || tokens[b].text !== '\\end') return fail(`This \`${item.env}\` environment is not closed.`);
	const cut = cutCells(tokens, match, a, b);
	if (!cut) return fail(`This \`${item.env}\` is too large or holds a nested environment, so it is not checked.`);
	const last = cut[cut.length - 1];
	if (cut.length > 1 && last.length === 1 && blank(tokens, last[0][0], last[0][1])) cut.pop();
	const width = cut[0].length;
	if (cut.some((row) => row.length !== width)) return fail(`The rows of this \`${item.env}\` differ in length.`);
	const rows: Expr[][] = [];
	for (const row of cut) {
		const cells: Expr[] = [];
		for (const [x, y] of row) {
			if (blank(tokens, x, y)) return fail(`This \`${item.env}\` has an empty cell.`);
			const cell = parseCell(tokens.slice(x, y), { start: tokens[x].start, end: tokens[y - 1].end });
			if (!cell) return fail(`A cell of this \`${item.env}\` is not one expression.`);
			cells.push(cell);
		}
		rows.push(cells);
	}
	const node: MatrixNode = { kind: 'matrix', span: { start, end }, env: item.env ?? 'matrix', rows };
	return node;
}
