/**
 * Evaluation of matrix expressions (DESIGN 2.2): matrix environments and tuples, their sums,
 * differences, scalar multiples, matrix products, element-wise products (`\odot`), transposes and
 * functions applied element by element (`\sigma(W x)`). The strategy is to walk the tree down to
 * the first subtrees that hold no matrix and hand those to the scalar `evaluate` (through a
 * callback, so literals and names follow the caller's policy), then combine whole grids of values
 * with the same point-and-interval operations. A tuple is a vector whose orientation the
 * operation decides (`W (1, 2)` is a column), until a transpose fixes it (`[1, 0]^T` is a column).
 * A name is a matrix when the caller says so (`named`): the document stated its elements earlier.
 * A number added to or taken from a matrix is taken element by element (`1 - a`).
 * Whatever does not fit — mismatched dimensions, a matrix to a power, a grid beyond `MAX_CELLS`
 * or a product beyond `MAX_WORK` multiply-adds — is unsupported: the chain stays unchecked.
 */
import type { DerivativeNode, Expr, NameNode } from '../syntax/ast';
import { someNode } from '../syntax/walk';
import { applyFunction, binary, type Outcome, type Value } from './evaluate';

/** The most cells any grid may have, and the most multiply-adds one product may cost. */
export const MAX_CELLS = 10_000;
export const MAX_WORK = 1_000_000;
const MAX_DEPTH = 500;

/** A grid of values in row-major order; `free` for a tuple's vector, which fits either orientation. */
export interface Grid {
	readonly rows: number;
	readonly cols: number;
	readonly cells: readonly Value[];
	readonly free: boolean;
}

type Evaluated = { readonly scalar: Value } | { readonly grid: Grid };

export type MatrixOutcome = { readonly ok: true; readonly grid: Grid } | { readonly ok: false; readonly message: string };

/**
 * One evaluation's state: the first reason it could not go on. Every step returns `undefined` after
 * noting why, as `evaluate` does, so nothing here throws on what a document holds.
 */
class Walk {
	problem: string | undefined;

	constructor(private readonly scalar: (e: Expr) => Outcome, private readonly named?: (e: NameNode | DerivativeNode) => Grid | undefined) {}

	/** True when `e` holds a matrix, a tuple or a name that stands for a matrix. */
	matrixy(e: Expr): boolean {
		return someNode(e, (x) => x.kind === 'matrix' || x.kind === 'tuple' || ((x.kind === 'name' || x.kind === 'derivative') && this.named?.(x) !== undefined));
	}

	fail(message: string): undefined {
		this.problem ??= message;
		return undefined;
	}

	grid(rows: number, cols: number, cells: readonly (Value | undefined)[], free = false): Grid | undefined {
		if (rows * cols > MAX_CELLS) return this.fail('The matrix is too large to check.');
		if (cells.some((c) => !c)) return this.fail('An element has no finite value.');
		return { rows, cols, cells: cells as Value[], free };
	}

	/** `g` as an n × 1 column (`column`) or 1 × n row, when it is a free vector; otherwise `g` itself. */
	orient(g: Grid, column: boolean): Grid {
		if (!g.free) return g;
		const n = g.cells.length;
		return column ? { rows: n, cols: 1, cells: g.cells, free: false } : { rows: 1, cols: n, cells: g.cells, free: false };
	}

	transpose(g: Grid): Grid {
		if (g.free) return this.orient(g, true);
		const cells: Value[] = [];
		for (let k = 0; k < g.cols; k++) for (let j = 0; j < g.rows; j++) cells.push(g.cells[j * g.cols + k]);
		return { rows: g.cols, cols: g.rows, cells, free: false };
	}

	/** `a` and `b` made the same shape for an element-wise operation, or `undefined`. */
	alike(a: Grid, b: Grid): [Grid, Grid] | undefined {
		if (a.free && b.free) {
			if (a.cells.length === b.cells.length) return [a, b];
		} else if (a.free || b.free) {
			const column = (a.free ? b : a).cols === 1;
			const x = this.orient(a, column);
			const y = this.orient(b, column);
			if (x.rows === y.rows && x.cols === y.cols) return [x, y];
		} else if (a.rows === b.rows && a.cols === b.cols) return [a, b];
		return this.fail('The dimensions do not match.');
	}

	elementwise(op: '+' | '-' | '*', a: Grid, b: Grid): Grid | undefined {
		const pair = this.alike(a, b);
		if (!pair) return undefined;
		const [x, y] = pair;
		return this.grid(x.rows, x.cols, x.cells.map((v, i) => binary(op, v, y.cells[i])), x.free && y.free);
	}

	scale(op: '*' | '/', g: Grid, s: Value, scalarFirst: boolean): Grid | undefined {
		return this.grid(g.rows, g.cols, g.cells.map((v) => (op === '/' ? binary('/', v, s) : scalarFirst ? binary('*', s, v) : binary('*', v, s))), g.free);
	}

	product(a0: Grid, b0: Grid): Grid | undefined {
		const a = this.orient(a0, false);
		const b = this.orient(b0, true);
		if (a.cols !== b.rows) return this.fail('The dimensions do not match.');
		if (a.rows * a.cols * b.cols > MAX_WORK) return this.fail('The product is too large to check.');
		const cells: (Value | undefined)[] = [];
		for (let j = 0; j < a.rows; j++) {
			for (let k = 0; k < b.cols; k++) {
				let acc = binary('*', a.cells[j * a.cols], b.cells[k]);
				for (let i = 1; i < a.cols && acc; i++) {
					const term = binary('*', a.cells[j * a.cols + i], b.cells[i * b.cols + k]);
					acc = term && binary('+', acc, term);
				}
				cells.push(acc);
			}
		}
		return this.grid(a.rows, b.cols, cells);
	}

	number(e: Expr): Value | undefined {
		if (this.matrixy(e)) return this.fail('A matrix inside a matrix is not checked.');
		const o = this.scalar(e);
		return o.ok ? { value: o.value, iv: o.iv } : this.fail(o.message);
	}

	go(e: Expr, depth: number): Evaluated | undefined {
		if (depth > MAX_DEPTH) return this.fail('The expression is nested too deeply.');
		if (!this.matrixy(e)) {
			const v = this.number(e);
			return v && { scalar: v };
		}
		const wrap = (g: Grid | undefined) => g && { grid: g };
		switch (e.kind) {
			case 'name': case 'derivative':
				return wrap(this.named?.(e));
			case 'matrix':
				return wrap(this.grid(e.rows.length, e.rows[0]?.length ?? 0, e.rows.flat().map((c) => this.number(c))));
			case 'tuple':
				return wrap(this.grid(1, e.items.length, e.items.map((c) => this.number(c)), true));
			case 'group':
				return this.go(e.inner, depth + 1);
			case 'unary': {
				const v = this.go(e.operand, depth + 1);
				if (!v || e.op === '+') return v;
				if (e.op !== '-' || !('grid' in v)) return this.fail('A sign with two values on a matrix is not checked.');
				return wrap(this.scale('*', v.grid, { value: -1, iv: { lo: -1, hi: -1 } }, true));
			}
			case 'binary':
				return this.binaryOf(e, depth);
			case 'call': {
				if (e.args.length !== 1) return this.fail(`\`${e.written}\` on a matrix is not checked.`);
				const v = this.go(e.args[0], depth + 1);
				if (!v) return undefined;
				if (!('grid' in v)) return this.fail(`\`${e.written}\` here is not checked.`);
				if (e.fn === 'transpose') return wrap(this.transpose(v.grid));
				if (!ELEMENTWISE_FUNCTIONS.has(e.fn)) return this.fail(`\`${e.written}\` on a matrix is not checked.`);
				const g = v.grid;
				return wrap(this.grid(g.rows, g.cols, g.cells.map((c) => applyFunction(e.fn, c)), g.free));
			}
			default:
				return this.fail('This expression is not a matrix the checker can evaluate.');
		}
	}

	binaryOf(e: Expr & { kind: 'binary' }, depth: number): Evaluated | undefined {
		const a = this.go(e.left, depth + 1);
		const b = a && this.go(e.right, depth + 1);
		if (!a || !b) return undefined;
		const wrap = (g: Grid | undefined) => g && { grid: g };
		if ('scalar' in a && 'scalar' in b) {
			const v = binary(e.op, a.scalar, b.scalar);
			return v ? { scalar: v } : this.fail('An element has no finite value.');
		}
		if ('grid' in a && 'grid' in b) {
			if (e.op === '+' || e.op === '-') return wrap(this.elementwise(e.op, a.grid, b.grid));
			if (e.op === '⊙') return wrap(this.elementwise('*', a.grid, b.grid));
			if (e.op === '*') return wrap(this.product(a.grid, b.grid));
		} else if (e.op === '*' || e.op === '⊙') {
			return 'grid' in a ? wrap(this.scale('*', a.grid, (b as { scalar: Value }).scalar, false)) : wrap(this.scale('*', (b as { grid: Grid }).grid, a.scalar, true));
		} else if (e.op === '/' && 'grid' in a && 'scalar' in b) return wrap(this.scale('/', a.grid, b.scalar, false));
		else if (e.op === '+' || e.op === '-') {
			// `1 - a` with a vector `a` is taken element by element, as notes write σ'(z) = a ⊙ (1 − a).
			const g = 'grid' in a ? a.grid : (b as { grid: Grid }).grid;
			const op = e.op;
			const at = (v: Value) => ('grid' in a ? binary(op, v, (b as { scalar: Value }).scalar) : binary(op, a.scalar, v));
			return wrap(this.grid(g.rows, g.cols, g.cells.map(at), g.free));
		}
		return this.fail(`\`${e.written || '·'}\` between these operands is not checked.`);
	}
}

/** True when the expression holds a matrix or a tuple somewhere. */
export function holdsMatrix(e: Expr): boolean {
	return someNode(e, (x) => x.kind === 'matrix' || x.kind === 'tuple');
}

const ELEMENTWISE_FUNCTIONS = new Set(['sigma', 'exp', 'tanh', 'relu', 'ln', 'sqrt', 'abs']);

/**
 * Evaluates a matrix expression to a grid of values. `scalar` evaluates a subtree without matrices;
 * `named` gives the grid a name (or a derivative with respect to a whole matrix) stands for, if any.
 * `evaluateMatrix(\begin{bmatrix}0.1&0.2\\0.3&0.4\end{bmatrix}\begin{bmatrix}1\\2\end{bmatrix}, …)`
 * gives the 2 × 1 grid 0.5, 1.1.
 */
export function evaluateMatrix(expr: Expr, scalar: (e: Expr) => Outcome, named?: (e: NameNode | DerivativeNode) => Grid | undefined): MatrixOutcome {
	const walk = new Walk(scalar, named);
	const result = walk.go(expr, 0);
	if (!result) return { ok: false, message: walk.problem ?? 'The matrix has no value.' };
	if ('scalar' in result) return { ok: false, message: 'The expression is a number, not a matrix.' };
	return { ok: true, grid: result.grid };
}
