/**
 * The `arithmetic` check (DESIGN 3.3): every member of a chain that is plain arithmetic on numbers
 * is evaluated on intervals and compared with the number the chain states for it — the nearest
 * plain number to its right (or, when none, to its left). The check fires only when no value the
 * written inputs could stand for rounds to the stated result, so rounding carried forward never
 * fires. When all the steps before a stated number disagree with it, the number is wrong and gets
 * the fix; when some agree and one does not, that one step is wrong and is marked instead.
 */
import { evaluateSigned, isNumeric, usesLog, type Outcome } from '../eval/evaluate';
import { intersects, type Interval } from '../eval/interval';
import { formatInterval, formatLike, formatValue } from '../eval/format';
import type { Expr } from '../syntax/ast';
import type { Chain } from './chains';
import { sourceOf, type CheckContext } from './context';
import { checkMatrices } from './matrices';
import { inputInterval, placesIn, resultInterval, signedLiteral, type SignedLiteral } from './literal';

/** Evaluates a numeric member; `\log` is tried as natural, then base 10 and 2, against `target`. */
function evaluateNumeric(e: Expr, ctx: CheckContext, target: Interval): Outcome {
	const literal = (n: Parameters<typeof inputInterval>[0]) => inputInterval(n, ctx.policy);
	const first = evaluateSigned(e, { literal }, target);
	if (!first.ok || intersects(first.iv, target) || !usesLog(e)) return first;
	for (const logBase of [10, 2]) {
		const other = evaluateSigned(e, { literal, logBase }, target);
		if (other.ok && intersects(other.iv, target)) return other;
	}
	return first;
}

/** Checks one chain; returns how many comparisons it made. */
export function checkArithmetic(chain: Chain, ctx: CheckContext): number {
	const members = chain.members;
	const lits = members.map((m) => signedLiteral(m, ctx.text));
	let compared = 0;
	const computed: number[] = [];
	members.forEach((m, i) => {
		if (!lits[i] && isNumeric(m)) computed.push(i);
	});
	const byTarget = new Map<number, number[]>();
	for (const i of computed) {
		let j = lits.findIndex((l, k) => k > i && l !== undefined);
		if (j < 0) j = lits.map((l, k) => (k < i && l ? k : -1)).reduce((a, b) => Math.max(a, b), -1);
		if (j < 0) continue;
		byTarget.set(j, [...(byTarget.get(j) ?? []), i]);
	}
	for (const [j, steps] of byTarget) {
		const stated = lits[j]!;
		const places = stated.node.isInteger ? Math.max(...steps.map((i) => placesIn(members[i]))) : 0;
		const target = resultInterval(stated, places);
		const outcomes = steps.map((i) => evaluateNumeric(members[i], ctx, target));
		const holds = outcomes.map((o) => o.ok && intersects(o.iv, target));
		steps.forEach((i, k) => {
			const o = outcomes[k];
			ctx.members.push({ span: members[i].span, chain: chain.index, expr: members[i], value: o.ok ? o.value : undefined, iv: o.ok ? o.iv : undefined, stated, statedIv: target, holds: o.ok ? holds[k] : undefined });
		});
		const evaluated = steps.filter((_, k) => outcomes[k].ok);
		compared += evaluated.length;
		const failing = steps.filter((_, k) => outcomes[k].ok && !holds[k]);
		if (failing.length === 0) continue;
		if (failing.length === evaluated.length) {
			const nearest = failing.reduce((a, b) => (Math.abs(b - j) < Math.abs(a - j) ? b : a));
			const o = outcomes[steps.indexOf(nearest)] as Extract<Outcome, { ok: true }>;
			reportWrongResult(ctx, members[nearest], o, stated, places);
		} else {
			for (const i of failing) {
				const o = outcomes[steps.indexOf(i)] as Extract<Outcome, { ok: true }>;
				ctx.diagnostics.push({
					code: 'arithmetic',
					severity: 'error',
					span: members[i].span,
					message: `This step evaluates to ${formatValue(o.value)}, but the steps around it agree on ${stated.text}: it does not follow from them.`,
					stated: sourceOf(ctx, members[i].span),
					expected: formatLike(o.value, places > 0 ? `0.${'0'.repeat(places)}` : stated.text),
				});
			}
		}
	}
	compared += checkAdjacentNumbers(lits, ctx) + checkMatrices(chain, ctx);
	return compared;
}

function reportWrongResult(ctx: CheckContext, step: Expr, o: Extract<Outcome, { ok: true }>, stated: SignedLiteral, places: number): void {
	const expected = formatLike(o.value, places > 0 ? `0.${'0'.repeat(places)}` : stated.text);
	const range = formatInterval(o.iv.lo, o.iv.hi);
	const spread = o.iv.lo === o.iv.hi ? '' : ` (allowing for the rounding of its inputs, anything in ${range})`;
	ctx.diagnostics.push({
		code: 'arithmetic',
		severity: 'error',
		span: stated.span,
		message: `${sourceOf(ctx, step.span, 48)} is ${formatValue(o.value)}${spread}, which rounds to ${expected}, not ${stated.text}.`,
		stated: stated.text,
		expected,
		fix: { span: stated.span, newText: expected },
	});
}

/** `… = 0.823 = 0.813`: two plain numbers side by side must agree within their rounding. */
function checkAdjacentNumbers(lits: (SignedLiteral | undefined)[], ctx: CheckContext): number {
	let compared = 0;
	for (let i = 0; i + 1 < lits.length; i++) {
		const a = lits[i];
		const b = lits[i + 1];
		if (!a || !b) continue;
		compared++;
		if (intersects(resultInterval(a), resultInterval(b))) continue;
		ctx.diagnostics.push({
			code: 'arithmetic',
			severity: 'error',
			span: b.span,
			message: `${b.text} is written equal to ${a.text}, but the two differ by more than their rounding.`,
			stated: b.text,
		});
	}
	return compared;
}
