/**
 * Matrix chains (DESIGN 2.2): `\begin{bmatrix}0.1&0.2\\0.3&0.4\end{bmatrix}\begin{bmatrix}1\\2\end{bmatrix}
 * = \begin{bmatrix}0.5\\1.1\end{bmatrix}` holds element by element. The strategy mirrors the scalar
 * `arithmetic` check: a member that is a matrix (or tuple) of plain numbers is stated; a member that
 * computes a matrix from numbers alone is evaluated (`eval/matrix.ts`) and compared, element by
 * element, with the nearest stated matrix to its right (or, when none, to its left). Each element
 * that no value of the rounded inputs reaches gets its own `arithmetic` diagnostic, on that element,
 * with its fix. Dimensions that do not match leave the member unchecked; they are never an error.
 * A named matrix of numbers states every element, under the key `elementKey` gives it, and from then
 * on the name stands for that matrix in a later matrix expression (`\sigma(z^{(1)})`); a name read
 * there must have one value the document stated, else the member stays unchecked. Where a computed
 * member has the shape of the member before it (`W x = \begin{bmatrix}0.5 & 0.3\end{bmatrix} (1, 2)`),
 * each number written for an element of a stated matrix, or for a name with one stated value, is
 * checked against it (`substitution`), as the scalar substitution check does for plain numbers.
 */
import { evaluate } from '../eval/evaluate';
import { intersects } from '../eval/interval';
import { formatInterval, formatLike, formatValue, printsAsPoint } from '../eval/format';
import { evaluateMatrix, type Grid } from '../eval/matrix';
import type { Value } from '../eval/evaluate';
import type { Expr, NameNode } from '../syntax/ast';
import { numberNode } from '../syntax/nodes';
import { someNode } from '../syntax/walk';
import type { Chain } from './chains';
import { lineOf, sourceOf, type CheckContext } from './context';
import { namedMember, type Facts } from './facts';
import { updatedKey } from './substitution';
import { inputInterval, placesIn, resultInterval, signedLiteral, type SignedLiteral } from './literal';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';

/** A matrix or tuple of plain numbers, as written. */
interface Stated {
	readonly rows: number;
	readonly cols: number;
	readonly lits: readonly SignedLiteral[];
	/** A tuple: a vector of either orientation. */
	readonly free: boolean;
}

/** The member without its parentheses; brackets too around a matrix (`\left[\begin{matrix}…\end{matrix}\right]`). */
function strip(e: Expr): Expr {
	let x = e;
	while (x.kind === 'group' && (x.open === '(' || x.inner.kind === 'matrix' || x.inner.kind === 'group')) x = x.inner;
	return x;
}

/** The matrix of numbers a member is, or `undefined`: `\begin{bmatrix}1 & 0\end{bmatrix}`, `(0.1, 0.2)`. */
export function statedMatrix(e: Expr, text: string): Stated | undefined {
	const x = strip(e);
	const cells = x.kind === 'matrix' ? x.rows.flat() : x.kind === 'tuple' ? x.items : undefined;
	if (!cells) return undefined;
	const lits = cells.map((c) => signedLiteral(c, text));
	if (lits.some((l) => !l)) return undefined;
	if (x.kind === 'tuple') return { rows: 1, cols: lits.length, lits: lits as SignedLiteral[], free: true };
	return x.kind === 'matrix' ? { rows: x.rows.length, cols: x.rows[0].length, lits: lits as SignedLiteral[], free: false } : undefined;
}

/**
 * The matrix a transposed matrix or tuple of numbers is, as a value a name is stated to have:
 * `x = [1, 0]^T` states a column. Only for stating: a member written so is not taken for a result
 * (`statedMatrix`), so `\begin{bmatrix} 1 & 2 \end{bmatrix}^T = …` is still checked.
 */
export function statedTranspose(e: Expr, text: string): Stated | undefined {
	const x = strip(e);
	if (x.kind !== 'call' || x.fn !== 'transpose' || x.args.length !== 1) return undefined;
	const m = statedMatrix(x.args[0], text);
	if (!m) return undefined;
	if (m.free) return { rows: m.cols, cols: 1, lits: m.lits, free: false };
	const lits = m.lits.map((_, i) => m.lits[(i % m.rows) * m.cols + Math.floor(i / m.rows)]);
	return { rows: m.cols, cols: m.rows, lits, free: false };
}

/** The matrix a member states as a name's value: one of numbers, as written or transposed, or one number in brackets (`b^{(2)} = [-0.5]`, a vector of one). */
export function statedValue(e: Expr, text: string): Stated | undefined {
	return statedMatrix(e, text) ?? statedTranspose(e, text) ?? statedBracket(e, text);
}

function statedBracket(e: Expr, text: string): Stated | undefined {
	if (e.kind !== 'group' || e.open !== '[') return undefined;
	const lit = signedLiteral(e.inner, text);
	return lit && { rows: 1, cols: 1, lits: [lit], free: true };
}

/**
 * The key of element `indices` (1-based) of the matrix or vector `key` names: `W` with (1, 2) gives
 * `W12`, `W'` gives `W12'`, and any index beyond 9 puts commas between them (`W1,10`), as names
 * in the block are spelled (DESIGN 2.4). The one place this mapping lives.
 */
export function elementKey(key: string, indices: readonly number[]): string {
	const updated = key.endsWith("'");
	const base = updated ? key.slice(0, -1) : key;
	return `${base}${indexText(indices)}${updated ? "'" : ''}`;
}

/** The subscript of an element's indices: `12` for (1, 2), `1,10` when one passes 9. */
export function indexText(indices: readonly number[]): string {
	return indices.every((i) => i < 10) ? indices.join('') : indices.join(',');
}

/** The indices of element `i` of a stated matrix: one index for a vector, row and column otherwise. */
export function elementIndices(m: { rows: number; cols: number; free: boolean }, i: number): number[] {
	if (m.free || m.rows === 1 || m.cols === 1) return [i + 1];
	return [Math.floor(i / m.cols) + 1, (i % m.cols) + 1];
}

function label(m: Stated, i: number, locale?: Locale): string {
	const ix = elementIndices(m, i);
	return ix.length === 1 ? message('matrix.element', { index: ix[0] }, locale) : message('matrix.elementAt', { row: ix[0], column: ix[1] }, locale);
}

/** A named matrix's shape, and the chain that stated it. */
export type Shape = Pick<Stated, 'rows' | 'cols' | 'free'> & { readonly chain: number };

/** The shapes of the named matrices each document has stated, by key; kept beside its facts. */
const shapes = new WeakMap<Facts, Map<string, Shape[]>>();
const shapesLog = new WeakMap<Facts, { key: string; shape: Shape }[]>();

/**
 * The one value the document stated for `key` before chain `chain`, as an input (the interval its
 * literal stands for under the policy, as if written here), or `undefined` when none or two (an update).
 */
function single(ctx: CheckContext, key: string, chain: number): Value | undefined {
	const acceptable = ctx.facts.acceptable(key, chain);
	if (acceptable.length !== 1) return undefined;
	const v = acceptable[0];
	const digits = v.text.replace(/^[-+]/, '');
	if (!/^[0-9.eE+-]+$/.test(digits)) return { value: v.value, iv: v.iv };
	const iv = inputInterval(numberNode(digits, v.span), ctx.policy);
	return { value: v.value, iv: v.value < 0 ? { lo: -iv.hi, hi: -iv.lo } : iv };
}

/** The grid a name stands for: a named matrix stated earlier, each element with one value. */
function namedGrid(ctx: CheckContext, chain: number, n: NameNode): Grid | undefined {
	const key = n.name.key;
	// The latest shape stated, as each statement of a matrix replaces the one before.
	const shape = latestShape(ctx.facts, key);
	// With no shape stated before, every look-up finds none: one note says so for all of them.
	if (ctx.reads && shapesAdded(ctx.facts).length === 0) ctx.reads.noShapes = true;
	else if (ctx.reads && !ctx.reads.shapes.has(key)) ctx.reads.shapes.set(key, shape);
	// A name stated as a number after it was stated as a matrix is a number from then on.
	if (!shape || shape.chain >= chain || ctx.facts.history(key).some((v) => v.chain > shape.chain && v.chain < chain)) return undefined;
	const cells: Value[] = [];
	for (let e = 0; e < shape.rows * shape.cols; e++) {
		const v = single(ctx, elementKey(key, elementIndices(shape, e)), chain);
		if (!v) return undefined;
		cells.push(v);
	}
	return { rows: shape.rows, cols: shape.cols, free: shape.free, cells };
}

/** True when the shapes agree: the same rows and columns, or two vectors of one length where either is a tuple. */
function fits(s: Stated, g: Grid): boolean {
	if (s.lits.length !== g.cells.length) return false;
	if (s.free || g.free) return (s.free || s.rows === 1 || s.cols === 1) && (g.free || g.rows === 1 || g.cols === 1);
	return s.rows === g.rows && s.cols === g.cols;
}

/** A number written for a name: the name's key and how it was written, the literal, and its place in a matrix. */
interface Written {
	/** The key of the name as written (`W`), and of what the number stands for (`W12`). */
	readonly name: string;
	readonly key: string;
	readonly written: string;
	readonly lit: SignedLiteral;
}

/**
 * Pairs the names of `symbolic` with the numbers `numeric` writes in their place, for a member that
 * computes a matrix: a stated matrix's name with a matrix of numbers of its shape (element by
 * element), a name with one number. Shapes must agree node by node, else nothing is paired.
 */
function pairNumbers(symbolic: Expr, numeric: Expr, ctx: CheckContext, named: (n: NameNode) => Grid | undefined): Written[] | undefined {
	const out: Written[] = [];
	const stack: [Expr, Expr][] = [[symbolic, numeric]];
	while (stack.length > 0) {
		const [s0, n0] = stack.pop()!;
		let s = s0;
		while (s.kind === 'group') s = s.inner;
		let n = n0;
		while (n.kind === 'group' && (n.open === '(' || n.inner.kind === 'matrix')) n = n.inner;
		// `W^T` written as the numbers of W transposed: element (r, c) written is W's (c, r).
		const t = s.kind === 'call' && s.fn === 'transpose' && s.args.length === 1 ? strip(s.args[0]) : undefined;
		if (t?.kind === 'name') {
			const grid = named(t);
			const m = grid && statedMatrix(n, ctx.text);
			if (!grid || !m || m.lits.length !== grid.cells.length || (!grid.free && !(m.rows === grid.cols && m.cols === grid.rows))) return undefined;
			const written = ctx.text.slice(t.span.start, t.span.end);
			m.lits.forEach((lit, e) => {
				const [r, c] = elementIndices(m, e);
				const ix = c === undefined ? [r] : [c, r];
				out.push({ name: t.name.key, key: elementKey(t.name.key, ix), written: `${written}[${[r, c].filter((x) => x !== undefined).join(', ')}]`, lit });
			});
			continue;
		}
		// A part the author worked out before writing its numbers (`(1 - a)` as its values) pairs nothing.
		if (s.kind !== 'name' && statedMatrix(n, ctx.text) && someNode(s, (x) => x.kind === 'name')) continue;
		if (s.kind === 'name') {
			const written = ctx.text.slice(s.span.start, s.span.end);
			const grid = named(s);
			const m = grid && statedMatrix(n, ctx.text);
			if (grid && m && m.lits.length === grid.cells.length && fits(m, grid)) {
				m.lits.forEach((lit, e) => out.push({ name: s.name.key, key: elementKey(s.name.key, elementIndices(grid, e)), written: `${written}[${elementIndices(grid, e).join(', ')}]`, lit }));
				continue;
			}
			// A whole name the document never stated as a matrix (a network's input) pairs nothing.
			if (!grid && statedMatrix(n, ctx.text)) continue;
			const lit = !grid && n.kind !== 'matrix' && n.kind !== 'tuple' ? signedLiteral(n, ctx.text) : undefined;
			if (!lit) return undefined;
			out.push({ name: s.name.key, key: s.name.key, written, lit });
			continue;
		}
		if (s.kind === 'number') {
			if (n.kind !== 'number' || n.value !== s.value) return undefined;
		} else if (s.kind === 'unary' && n.kind === 'unary' && n.op === s.op) stack.push([s.operand, n.operand]);
		else if (s.kind === 'binary' && n.kind === 'binary' && n.op === s.op) stack.push([s.left, n.left], [s.right, n.right]);
		else if (s.kind === 'call' && n.kind === 'call' && n.fn === s.fn && n.args.length === s.args.length) s.args.forEach((a, i) => stack.push([a, n.args[i]]));
		else return undefined;
	}
	return out;
}

/** Checks the numbers written for names in the matrix members of a chain; returns how many it compared. */
function checkMatrixSubstitution(chain: Chain, ctx: CheckContext, named: (n: NameNode) => Grid | undefined, selfKey: string | undefined): number {
	let compared = 0;
	const members = chain.members;
	for (let i = 1; i < members.length; i++) {
		const numeric = members[i];
		if (!someNode(numeric, (x) => x.kind === 'matrix' || x.kind === 'tuple') || statedMatrix(numeric, ctx.text)) continue;
		if (someNode(numeric, (x) => x.kind === 'name' || x.kind === 'derivative' || x.kind === 'error')) continue;
		const pairs = pairNumbers(members[i - 1], numeric, ctx, named);
		for (const { name, key, written, lit } of pairs ?? []) {
			// The starting value of an update is for the truth check to judge, as in the scalar substitution check.
			if (name === selfKey) continue;
			const acceptable = ctx.facts.acceptable(key, chain.index);
			if (acceptable.length === 0) continue;
			compared++;
			const iv = inputInterval(lit.node, ctx.policy);
			const signed = lit.value < 0 ? { lo: -iv.hi, hi: -iv.lo } : iv;
			if (acceptable.some((v) => intersects(v.iv, signed))) continue;
			const latest = acceptable[0];
			ctx.diagnostics.push({
				code: 'substitution',
				severity: 'warning',
				span: lit.span,
				message: message('substitution.stated', { number: lit.text, name: written, value: message('substitution.statedAt', { value: latest.text, line: lineOf(ctx, latest.span.start) }, ctx.locale), also: '' }, ctx.locale),
				stated: lit.text,
				expected: latest.text,
				related: acceptable.map((v) => ({ span: v.span, message: message('substitution.statedHere', { name: written, value: v.text }, ctx.locale) })),
				fix: { span: lit.span, newText: latest.text },
			});
		}
	}
	return compared;
}

/** Checks the matrix members of one chain; returns how many elements it compared. */
export function checkMatrices(chain: Chain, ctx: CheckContext, explained: ReadonlySet<number> = new Set()): number {
	const members = chain.members;
	// One grid per name and chain: a name may be read many times while a member is walked.
	const namedGrids = new Map<string, Grid | undefined>();
	const named = (n: NameNode) => {
		if (!namedGrids.has(n.name.key)) namedGrids.set(n.name.key, namedGrid(ctx, chain.index, n));
		return namedGrids.get(n.name.key);
	};
	const matrixy = (m: Expr) => someNode(m, (x) => x.kind === 'matrix' || x.kind === 'tuple' || (x.kind === 'name' && named(x) !== undefined));
	if (!members.some(matrixy)) return 0;
	const stated = members.map((m) => statedMatrix(m, ctx.text));
	let compared = 0;
	const literal = (n: Parameters<typeof inputInterval>[0]) => inputInterval(n, ctx.policy);
	const scalarName = (n: NameNode) => single(ctx, n.name.key, chain.index);
	const readable = (m: Expr) => !someNode(m, (x) => x.kind === 'derivative' || x.kind === 'error' || (x.kind === 'name' && !named(x) && !scalarName(x)));
	compared += checkMatrixSubstitution(chain, ctx, named, updatedKey(chain));
	const byTarget = new Map<number, number[]>();
	members.forEach((m, i) => {
		if (stated[i] || namedMember(m) || !matrixy(m) || !readable(m)) return;
		let j = stated.findIndex((s, k) => k > i && s !== undefined);
		if (j < 0) j = stated.map((s, k) => (k < i && s ? k : -1)).reduce((a, b) => Math.max(a, b), -1);
		if (j >= 0) byTarget.set(j, [...(byTarget.get(j) ?? []), i]);
	});
	for (const [j, steps] of byTarget) {
		const target = stated[j]!;
		const grids = steps.map((i) => evaluateMatrix(members[i], (e) => evaluate(e, { literal, name: scalarName }), (n) => (n.kind === 'name' ? named(n) : undefined)));
		const usable = steps.map((_, k) => {
			const g = grids[k];
			return g.ok && fits(target, g.grid) ? g.grid : undefined;
		});
		target.lits.forEach((lit, e) => {
			const places = lit.node.isInteger ? steps.reduce((a, i) => Math.max(a, placesIn(members[i])), -Infinity) : 0;
			const want = resultInterval(lit, places);
			const verdicts = usable.map((g) => (g ? intersects(g.cells[e].iv, want) : undefined));
			const evaluated = verdicts.filter((v) => v !== undefined).length;
			compared += evaluated;
			const failing = steps.filter((_, k) => verdicts[k] === false);
			if (failing.length === 0) return;
			if (failing.length === evaluated) {
				const k = steps.indexOf(failing.reduce((a, b) => (Math.abs(b - j) < Math.abs(a - j) ? b : a)));
				const cell = usable[k]!.cells[e];
				const expected = formatLike(cell.value, places > 0 ? `0.${'0'.repeat(places)}` : lit.text);
				const spread = printsAsPoint(cell.iv.lo, cell.iv.hi) ? '' : message('arithmetic.spread', { range: formatInterval(cell.iv.lo, cell.iv.hi) }, ctx.locale);
				ctx.diagnostics.push({
					code: 'arithmetic',
					severity: 'error',
					span: lit.span,
					message: formatValue(cell.value) === expected
						? message('matrix.is', { element: label(target, e, ctx.locale), step: sourceOf(ctx, members[steps[k]].span, 48), value: formatValue(cell.value), spread, stated: lit.text }, ctx.locale)
						: message('matrix.rounds', { element: label(target, e, ctx.locale), step: sourceOf(ctx, members[steps[k]].span, 48), value: formatValue(cell.value), spread, expected, stated: lit.text }, ctx.locale),
					stated: lit.text,
					expected,
					fix: { span: lit.span, newText: expected },
				});
			}
		});
		steps.forEach((i, k) => {
			const g = usable[k];
			if (!g) return;
			const wrong = target.lits.findIndex((lit, e) => !intersects(g.cells[e].iv, resultInterval(lit, lit.node.isInteger ? placesIn(members[i]) : 0)));
			const othersHold = usable.some((h, m) => m !== k && h && target.lits.every((lit, e) => intersects(h.cells[e].iv, resultInterval(lit, lit.node.isInteger ? placesIn(members[steps[m]]) : 0))));
			// A step with names that disagrees while the numbers written for them agree is a substitution, reported on the number;
			// one whose disagreement a wrong number written for its part explains (`arithmetic.ts`) is reported there.
			if (wrong < 0 || !othersHold || someNode(members[i], (x) => x.kind === 'name')) return;
			// A step that agrees with such a step where it disagrees carries the same error.
			if (steps.some((x, m) => explained.has(x) && usable[m] !== undefined && intersects(usable[m]!.cells[wrong].iv, g.cells[wrong].iv))) return;
			ctx.diagnostics.push({
				code: 'arithmetic',
				severity: 'error',
				span: members[i].span,
				message: message('matrix.stepDisagrees', { element: label(target, wrong, ctx.locale), value: formatValue(g.cells[wrong].value), stated: target.lits[wrong].text }, ctx.locale),
				stated: sourceOf(ctx, members[i].span),
			});
		});
	}
	return compared + checkAdjacentMatrices(stated, ctx);
}

/** `… = \begin{bmatrix}0.5\end{bmatrix} = \begin{bmatrix}0.6\end{bmatrix}`: two stated matrices side by side agree element by element. */
function checkAdjacentMatrices(stated: readonly (Stated | undefined)[], ctx: CheckContext): number {
	let compared = 0;
	for (let i = 0; i + 1 < stated.length; i++) {
		const a = stated[i];
		const b = stated[i + 1];
		if (!a || !b || a.lits.length !== b.lits.length || (!a.free && !b.free && (a.rows !== b.rows || a.cols !== b.cols))) continue;
		b.lits.forEach((lit, e) => {
			compared++;
			if (intersects(resultInterval(a.lits[e]), resultInterval(lit))) return;
			ctx.diagnostics.push({
				code: 'arithmetic',
				severity: 'error',
				span: lit.span,
				message: message('matrix.adjacent', { element: label(b, e, ctx.locale), b: lit.text, a: a.lits[e].text }, ctx.locale),
				stated: lit.text,
			});
		});
	}
	return compared;
}

/**
 * Records what `N = \begin{bmatrix} 0.5 & 0.3 \\ 0.2 & 0.4 \end{bmatrix}` (or `N = (0.1, 0.2)`) states:
 * each element under `elementKey` (`N11 = 0.5`, `N12 = 0.3` …), and its shape. `members` are the
 * members after the name; the first that is a matrix or tuple of numbers is its value. Returns
 * false when there is none.
 */
export function recordMatrixFacts(key: string, written: string, members: readonly Expr[], ctx: CheckContext, chain: number, update: boolean): boolean {
	const m = members.map((x) => statedValue(x, ctx.text)).find((s) => s !== undefined);
	if (!m) return false;
	m.lits.forEach((l, e) => {
		const ix = elementIndices(m, e);
		ctx.facts.add({ key: elementKey(key, ix), written: `${written}[${ix.join(', ')}]`, value: l.value, iv: resultInterval(l), text: l.text, span: l.span, chain, update });
	});
	addShape(ctx.facts, key, { rows: m.rows, cols: m.cols, free: m.free, chain });
	return true;
}

/** Every shape recorded in `facts`, in order, with its key (a re-check replays a chain's from here, `reuse.ts`). */
export function shapesAdded(facts: Facts): readonly { readonly key: string; readonly shape: Shape }[] {
	return shapesLog.get(facts) ?? [];
}

/** Records a shape again, as the chain that stated it did (`reuse.ts`). */
export function addShape(facts: Facts, key: string, shape: Shape): void {
	let byKey = shapes.get(facts);
	if (!byKey) shapes.set(facts, (byKey = new Map()));
	const list = byKey.get(key);
	if (list) list.push(shape);
	else byKey.set(key, [shape]);
	let log = shapesLog.get(facts);
	if (!log) shapesLog.set(facts, (log = []));
	log.push({ key, shape });
}

/** The latest shape stated for `key`, as a re-check compares it. */
export function latestShape(facts: Facts, key: string): Shape | undefined {
	const stated = shapes.get(facts)?.get(key);
	return stated?.[stated.length - 1];
}
