/**
 * The written formula of a whole vector or matrix against the network (DESIGN 2.2, 3 step 4):
 * `b^{(2)} \leftarrow b^{(2)} + \eta \frac{\partial L}{\partial b^{(2)}}` is evaluated element by element on
 * the network's true values and compared with the true value of each element of the quantity it
 * is written for. A whole name is read as the grid of its elements' true values (`W^{(2)}` as its
 * units × inputs weights, `z^{(1)}` as a column); the grid's shape is found by binding elements
 * until one does not bind. What cannot be evaluated stays unchecked.
 */
import type { Network, QuantityId } from '../../engine/index';
import { evaluate, type Value } from '../../eval/evaluate';
import { evaluateMatrix, MAX_CELLS, type Grid } from '../../eval/matrix';
import { point } from '../../eval/interval';
import type { DerivativeNode, Expr, NameNode } from '../../syntax/ast';
import type { NameScope } from '../../engine/resolve';
import { elementOf } from '../elements';
import { bind, trueValues } from './bind';

/** One element's id and true value, or `undefined` when it does not bind. */
function element(net: Network, whole: NameNode | DerivativeNode, ix: number[], updated: boolean, scope: NameScope | undefined): { id: QuantityId; value: number } | undefined {
	const b = bind(net, elementOf(whole, ix), updated, scope);
	return b.kind === 'bound' ? { id: b.id, value: b.value } : undefined;
}

/** The true values of a whole name's elements as a grid: a column for a vector, rows × columns for a matrix. */
export function trueGrid(net: Network, whole: NameNode | DerivativeNode, updated: boolean, scope: NameScope | undefined): (Grid & { ids: QuantityId[] }) | undefined {
	const cells: Value[] = [];
	const ids: QuantityId[] = [];
	if (element(net, whole, [1, 1], updated, scope)) {
		let rows = 0, cols = 0;
		while (rows < MAX_CELLS && element(net, whole, [rows + 1, 1], updated, scope)) rows++;
		while (cols < MAX_CELLS && element(net, whole, [1, cols + 1], updated, scope)) cols++;
		if (rows * cols > MAX_CELLS) return undefined;
		for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) {
			const e = element(net, whole, [r, c], updated, scope);
			if (!e) return undefined;
			cells.push({ value: e.value, iv: point(e.value) });
			ids.push(e.id);
		}
		return { rows, cols, cells, free: false, ids };
	}
	for (let j = 1; j <= MAX_CELLS; j++) {
		const e = element(net, whole, [j], updated, scope);
		if (!e) break;
		cells.push({ value: e.value, iv: point(e.value) });
		ids.push(e.id);
	}
	return cells.length > 0 ? { rows: cells.length, cols: 1, cells, free: false, ids } : undefined;
}

/** The grid a matrix member evaluates to on the network's true values, or `undefined`. */
export function evaluateOnTruth(net: Network, member: Expr, scope: NameScope | undefined): Grid | undefined {
	const values = trueValues(net, scope);
	const scalar = (e: Expr) => evaluate(e, values);
	const named = (n: NameNode | DerivativeNode) => (bind(net, n, false, scope).kind === 'bound' ? undefined : trueGrid(net, n, false, scope));
	const outcome = evaluateMatrix(member, scalar, named);
	return outcome.ok ? outcome.grid : undefined;
}

/**
 * The first element where `grid` differs from the quantity's true grid, as its index, or -1 when
 * every element agrees; `undefined` when the shapes do not match.
 */
export function firstDifference(grid: Grid, truth: Grid): number | undefined {
	if (grid.cells.length !== truth.cells.length) return undefined;
	if (!grid.free && !(grid.rows === truth.rows && grid.cols === truth.cols) && !(grid.rows === 1 || grid.cols === 1)) return undefined;
	for (let i = 0; i < grid.cells.length; i++) {
		const a = grid.cells[i].value, b = truth.cells[i].value;
		if (Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b))) return i;
	}
	return -1;
}
