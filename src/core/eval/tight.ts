/**
 * Tight evaluation of a written expression (DESIGN 3.3): numbers the substitution pairing writes
 * for one name (`0.558 (1 - 0.558)` for `out_{C1}(1 - out_{C1})`) are one value, so the expression
 * is evaluated as one function of it by subdivision (`subdivide.ts`), not with each reading
 * independent; a wrong result is then not hidden by a needlessly wide interval. Nothing is
 * subdivided unless a value is read twice, nor when the plain interval already decides the
 * comparison with the stated result (inside it, or apart from it).
 */
import { evaluateSigned, type EvalContext, type Outcome } from './evaluate';
import { intersects, type Interval } from './interval';
import { meet, tighten, widest } from './subdivide';
import type { Expr, NumberNode } from '../syntax/ast';
import { nodesOf } from '../syntax/walk';

/**
 * Evaluates `expr` as `evaluateSigned` does, with each group of `shared` literals read as one
 * value: `0.558 (1 - 0.558)` with both 0.558s in one group is x (1 - x) over x ∈ [0.5575, 0.5585],
 * [0.24657, 0.24670], instead of [0.24614, 0.24714].
 */
export function evaluateShared(expr: Expr, ctx: EvalContext, shared: readonly (readonly NumberNode[])[], target: Interval): Outcome {
	const plain = evaluateSigned(expr, ctx, target);
	if (!plain.ok || shared.length === 0 || !intersects(plain.iv, target) || (target.lo <= plain.iv.lo && plain.iv.hi <= target.hi)) return plain;
	const groups = widest(shared, (g) => g.map((n) => ctx.literal(n)).reduce<Interval | undefined>((a, b) => a && meet(a, b), { lo: -Infinity, hi: Infinity }));
	if (groups.length === 0) return plain;
	const at = new Map<NumberNode, number>();
	groups.forEach((g, i) => g.item.forEach((n) => at.set(n, i)));
	const size = [...nodesOf(expr)].length;
	const iv = tighten(plain.iv, groups.map((g) => g.iv), (box) => {
		const literal = (n: NumberNode) => {
			const i = at.get(n);
			return i === undefined ? ctx.literal(n) : box[i];
		};
		const o = evaluateSigned(expr, { ...ctx, literal }, target);
		return o.ok ? o.iv : undefined;
	}, size);
	return { ...plain, iv };
}
