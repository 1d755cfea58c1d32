/**
 * Which element a number in a matrix is (DESIGN 2.2: "hovers on a matrix element say which
 * element it is"). The number under the cursor is looked up in the matrices of the chain that holds
 * it; its row and column are read off the matrix node, and when the matrix is what the chain states
 * for a whole name (`W^{(1)} = \begin{bmatrix} … \end{bmatrix}`, `z^{(1)} = … = \begin{bmatrix} … \end{bmatrix}`),
 * the element's own name is given too (`W^{(1)}_{12}`). Pure reading of a finished analysis.
 */
import type { Analysis } from '../check/analyze';
import { wholeName } from '../check/elements';
import type { Expr, MatrixNode } from '../syntax/ast';
import { nodesOf } from '../syntax/walk';
import { containsOffset } from '../text/span';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';

export interface MatrixElement {
	/** 1-based row and column in the matrix as written. */
	readonly row: number;
	readonly col: number;
	readonly rows: number;
	readonly cols: number;
	/** The whole name the matrix is stated for, as written, when there is one (`W^{(1)}`). */
	readonly of?: string;
}

/** The cell of `m` that holds `offset`, as 1-based row and column. */
function cellAt(m: MatrixNode, offset: number): [number, number] | undefined {
	for (let r = 0; r < m.rows.length; r++) {
		for (let c = 0; c < m.rows[r].length; c++) if (containsOffset(m.rows[r][c].span, offset)) return [r + 1, c + 1];
	}
	return undefined;
}

function strip(e: Expr): Expr {
	let x = e;
	while (x.kind === 'group') x = x.inner;
	return x;
}

/** The matrix element at `offset`, or `undefined` when the offset is in no matrix cell. */
export function matrixElementAt(a: Analysis, offset: number): MatrixElement | undefined {
	const chain = a.chains.find((c) => containsOffset(c.span, offset));
	if (!chain) return undefined;
	for (const [i, member] of chain.members.entries()) {
		if (!containsOffset(member.span, offset)) continue;
		for (const x of nodesOf(member)) {
			if (x.kind !== 'matrix' || !containsOffset(x.span, offset)) continue;
			const at = cellAt(x, offset);
			if (!at) continue;
			// A matrix that is a whole member states the value of the whole names before it.
			const whole = strip(member) === x ? chain.members.slice(0, i).map(wholeName).find((n) => n?.kind === 'name') : undefined;
			return { row: at[0], col: at[1], rows: x.rows.length, cols: x.rows[0]?.length ?? 0, of: whole ? a.text.slice(whole.span.start, whole.span.end) : undefined };
		}
	}
	return undefined;
}

/** One line for a hover: `Element (1, 2) of W^{(1)} (2 × 2).`; `code` formats the name as inline code, escaped. */
export function describeElement(e: MatrixElement, code: (s: string) => string, locale?: Locale): string {
	const of = e.of ? code(e.of) : message('hover.thisMatrix', {}, locale);
	return e.rows === 1 || e.cols === 1
		? message('hover.element', { index: e.rows === 1 ? e.col : e.row, of, rows: e.rows, cols: e.cols }, locale)
		: message('hover.elementAt', { row: e.row, column: e.col, of, rows: e.rows, cols: e.cols }, locale);
}
