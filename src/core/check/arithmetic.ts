/**
 * The `arithmetic` check (DESIGN 3.3): every member of a chain that is plain arithmetic on numbers
 * is evaluated on intervals and compared with the number the chain states for it — the nearest
 * plain number to its right (or, when none, to its left). The check fires only when no value the
 * written inputs could stand for rounds to the stated result, so rounding carried forward never
 * fires. When all the steps before a stated number disagree with it, the number is wrong and gets
 * the fix; when some agree and one does not, that one step is wrong and is marked instead. A number
 * a step writes for a part of the step before (`\sigma(A) = \sigma(0.9190)`) is checked against that
 * part, and where it is wrong it, not the steps that carry it, is where the error starts.
 */
import { isNumeric, usesLog, type Outcome } from '../eval/evaluate';
import { intersects, type Interval } from '../eval/interval';
import { formatInterval, formatLike, formatValue, printsAsPoint } from '../eval/format';
import { evaluateShared } from '../eval/tight';
import { message } from '../messages/message';
import type { Expr, NumberNode } from '../syntax/ast';
import type { Chain } from './chains';
import { sourceOf, type CheckContext } from './context';
import { derivativeKey } from './facts';
import { checkMatrices, statedMatrix } from './matrices';
import { inputInterval, markExact, pairedInputs, placesIn, resultInterval, signedLiteral, type SignedLiteral } from './literal';
import { memberPairs, type LeafPair } from './shape';
import { someNode } from '../syntax/walk';

/**
 * Evaluates a numeric member; `\log` is tried as natural, then base 10 and 2, against `target`.
 * `paired` says which numbers the substitution pairing shows to be exact values of names, and which
 * are one value written twice (evaluated tightly, as one function of it).
 */
function evaluateNumeric(e: Expr, ctx: CheckContext, target: Interval, paired?: ReturnType<typeof pairedInputs>): Outcome {
	const literal = (n: NumberNode) => paired?.exact.get(n) ?? inputInterval(n, ctx.policy);
	const shared = paired?.shared ?? [];
	const first = evaluateShared(e, { literal }, shared, target);
	if (!first.ok || intersects(first.iv, target) || !usesLog(e)) return first;
	for (const logBase of [10, 2]) {
		const other = evaluateShared(e, { literal, logBase }, shared, target);
		if (other.ok && intersects(other.iv, target)) return other;
	}
	return first;
}

/** A group that only groups (not `|x|`), which a rewritten step may drop or add. */
function ungrouped(e: Expr): Expr {
	let x = e;
	while (x.kind === 'group' && x.open !== '|') x = x.inner;
	return x;
}

/** Most parts one step may write as numbers for the step before it; a longer list pairs nothing. */
const MAX_WRITTEN_PARTS = 64;

/**
 * The numbers a step writes for parts of the step before it, each with the part:
 * `\sigma(0.7186 \times 0.6236 + 0.8171 \times 0.5759) = \sigma(0.9190)` writes 0.9190 for the sum.
 * The two steps must be one tree but where the later has a number and the earlier a computation
 * of numbers: the same operators and functions, the same names, equal numbers elsewhere. Anything
 * else (a regrouped sum, a rewritten function, another number in another place) pairs nothing, so
 * a step is never read as a part it does not stand for.
 */
function writtenParts(before: Expr, after: Expr, text: string): { part: Expr; lit: SignedLiteral }[] {
	const parts: { part: Expr; lit: SignedLiteral }[] = [];
	const stack: [Expr, Expr][] = [[before, after]];
	while (stack.length > 0) {
		const [b0, a0] = stack.pop()!;
		const lit = signedLiteral(a0, text);
		if (lit) {
			const was = signedLiteral(b0, text);
			if (was) {
				if (was.value !== lit.value) return [];
				continue;
			}
			if (!isNumeric(b0) || parts.length >= MAX_WRITTEN_PARTS) return [];
			parts.push({ part: b0, lit });
			continue;
		}
		const b = ungrouped(b0), a = ungrouped(a0);
		if (b.kind === 'name' && a.kind === 'name') {
			if (b.name.key !== a.name.key) return [];
		} else if (b.kind === 'binary' && a.kind === 'binary' && b.op === a.op) stack.push([b.left, a.left], [b.right, a.right]);
		else if (b.kind === 'unary' && a.kind === 'unary' && b.op === a.op) stack.push([b.operand, a.operand]);
		else if (b.kind === 'call' && a.kind === 'call' && b.fn === a.fn && b.args.length === a.args.length && b.fn !== 'indexsum') b.args.forEach((x, i) => stack.push([x, a.args[i]]));
		else if (b.kind === 'group' && a.kind === 'group' && b.open === a.open) stack.push([b.inner, a.inner]);
		else if (b.kind === 'matrix' && a.kind === 'matrix' && b.rows.length === a.rows.length && b.rows.every((r, k) => r.length === a.rows[k].length)) b.rows.forEach((r, k) => r.forEach((x, c) => stack.push([x, a.rows[k][c]])));
		else if (b.kind === 'tuple' && a.kind === 'tuple' && b.items.length === a.items.length) b.items.forEach((x, k) => stack.push([x, a.items[k]]));
		else return [];
	}
	return parts;
}

/**
 * Checks the numbers a step writes for parts of the step before it (`writtenParts`) as results of
 * those parts, with the rounding the stated result gets; each wrong one is reported with its fix.
 * Returns how many it compared, and adds to `explained` the two steps whose disagreement with the
 * stated result the wrong number explains: the one computed from the part, or the one computed
 * from the number written for it.
 */
function checkWrittenParts(chain: Chain, lits: readonly (SignedLiteral | undefined)[], ctx: CheckContext, explained: Set<number>, faithful: Set<number>): number {
	const members = chain.members;
	let compared = 0;
	// Numbers only, in matrices too (`\begin{bmatrix} 0.1 \cdot 0.5 + … \end{bmatrix} = \begin{bmatrix} 0.17 \end{bmatrix}`): each part is a plain computation.
	const numbers = (m: Expr) => !someNode(m, (x) => x.kind === 'name' || x.kind === 'derivative' || x.kind === 'error');
	for (let i = 1; i < members.length; i++) {
		// A matrix of numbers stated as the result is the matrices check's (`matrices.ts`), element by element.
		if (lits[i] || lits[i - 1] || !numbers(members[i]) || !numbers(members[i - 1]) || statedMatrix(members[i], ctx.text)) continue;
		const parts = writtenParts(members[i - 1], members[i], ctx.text);
		let held = parts.length > 0;
		for (const { part, lit } of parts) {
			const places = lit.node.isInteger ? placesIn(part) : 0;
			const target = resultInterval(lit, places);
			const o = evaluateNumeric(part, ctx, target);
			if (!o.ok) {
				held = false;
				continue;
			}
			compared++;
			// Faithful: the part computed on the numbers as written rounds to the number written for it (0.5 · 0.567 = 0.2835).
			if (Math.abs(o.value - lit.value) > (target.hi - target.lo) / 2 + 1e-12 * Math.max(1, Math.abs(lit.value))) held = false;
			if (intersects(o.iv, target)) continue;
			held = false;
			reportWrongResult(ctx, part, o, lit, places);
			explained.add(i - 1).add(i);
		}
		if (held) faithful.add(i);
	}
	return compared;
}

/**
 * A step that holds only by the width of its interval does not vouch for the stated result when the
 * step after it writes its parts faithfully (`faithful`: each number written for a part is that
 * part computed on the numbers as written, rounded) and does not hold: the rewrite narrowed the
 * slack away, so the author's own computation disagrees with the result. `\sigma(0.5 \cdot 0.567 + 0.6 \cdot 0.591 + 0.1) =
 * \sigma(0.2835 + 0.3546 + 0.1) = \sigma(0.7381) = 0.676`: the first step could round to 0.676, the
 * two after it give 0.67658, so 0.676 is the wrong number, not those two steps. Returns the steps
 * it took the agreement from: they are not wrong themselves, so never reported as disagreeing.
 */
function narrowedHolds(steps: readonly number[], holds: boolean[], faithful: ReadonlySet<number>): Set<number> {
	const narrowed = new Set<number>();
	for (let k = steps.length - 1; k > 0; k--) {
		const i = steps[k];
		if (steps[k - 1] !== i - 1 || !faithful.has(i) || holds[k] || !holds[k - 1]) continue;
		holds[k - 1] = false;
		narrowed.add(i - 1);
	}
	return narrowed;
}

/** Checks one chain; returns how many comparisons it made. */
export function checkArithmetic(chain: Chain, ctx: CheckContext): number {
	const members = chain.members;
	const lits = members.map((m) => signedLiteral(m, ctx.text));
	// A wrong number written for a part of the step before is where that step's error starts.
	const explained = new Set<number>();
	const faithful = new Set<number>();
	let compared = checkWrittenParts(chain, lits, ctx, explained, faithful);
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
		// `… \approx 0` says the result rounds to a whole number; after `=` an integer is read at the places of the steps.
		const approx = chain.relations[j - 1]?.kind === 'approx' || (j < steps[0] && chain.relations[j]?.kind === 'approx');
		const places = stated.node.isInteger && !approx ? steps.reduce((a, i) => Math.max(a, placesIn(members[i])), -Infinity) : 0;
		const target = approx && stated.node.isInteger ? roundedInterval(stated) : resultInterval(stated, places);
		const outcomes = steps.map((i) => evaluateNumeric(members[i], ctx, target, pairedOf(chain, i, ctx)));
		const holds = linkedHolds(steps, j, outcomes, target);
		const narrowed = narrowedHolds(steps, holds, faithful);
		for (const o of outcomes) if (o.ok && markExact(ctx, stated, o.iv)) break;
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
			// A step explained by a wrong number written for a part, or one that agrees with such a step (computed on from it, or the form it rewrote), carries that error.
			const carries = (i: number) => steps.some((e, k) => explained.has(e) && outcomes[k].ok && (e === i || intersects((outcomes[k] as Extract<Outcome, { ok: true }>).iv, (outcomes[steps.indexOf(i)] as Extract<Outcome, { ok: true }>).iv)));
			for (const i of failing) {
				if (carries(i) || narrowed.has(i)) continue;
				const o = outcomes[steps.indexOf(i)] as Extract<Outcome, { ok: true }>;
				ctx.diagnostics.push({
					code: 'arithmetic',
					severity: 'error',
					span: members[i].span,
					message: message('arithmetic.stepDisagrees', { value: formatValue(o.value), stated: stated.text }, ctx.locale),
					stated: sourceOf(ctx, members[i].span),
					expected: formatLike(o.value, places > 0 ? `0.${'0'.repeat(places)}` : stated.text),
				});
			}
		}
	}
	compared += checkAdjacentNumbers(lits, chain.relations, ctx) + checkMatrices(chain, ctx, explained);
	return compared;
}

/**
 * Whether each step holds: it agrees with the stated number, or with a step nearer to it that
 * holds. `\frac{1}{1 + e^{-0.720}} = \frac{1}{1 + 0.487} = 0.672` holds link by link although its
 * first step alone is 0.6726 (0.673): the second step carries the rounding of e^{-0.720} to 0.487.
 */
function linkedHolds(steps: readonly number[], j: number, outcomes: readonly Outcome[], target: Interval): boolean[] {
	const holds = outcomes.map((o) => o.ok && intersects(o.iv, target));
	for (const side of [-1, 1]) {
		const order = steps.map((_, k) => k).filter((k) => Math.sign(steps[k] - j) === side).sort((a, b) => Math.abs(steps[a] - j) - Math.abs(steps[b] - j));
		let nearer: Interval | undefined;
		for (const k of order) {
			const o = outcomes[k];
			if (!o.ok) continue;
			if (!holds[k] && nearer && intersects(o.iv, nearer)) holds[k] = true;
			nearer = holds[k] ? o.iv : undefined;
		}
	}
	return holds;
}

/**
 * True when a step of `chain` stated equal to `lit` connects `local` (the engine's formula on the
 * author's values) with `lit`: re-evaluated with `exact` (the absolute values of the formula's
 * exact parents) as points, the step agrees with `local` and with `lit` or a step that holds.
 * `out_{CC3} = \frac{1}{1 + e^{-0.720}} = \frac{1}{1 + 0.487} = 0.672` reaches σ(0.720) = 0.6726
 * through its second step, which carries the author's rounding of e^{-0.720}; `out_{h1} =
 * \sigma(1.45) = 0.80998` with 1.45 exact does not, since its only step is then 0.8099984.
 */
export function reachedByLinks(ctx: CheckContext, chain: Chain, lit: SignedLiteral, local: Interval, exact: ReadonlySet<number>): boolean {
	const steps = ctx.members.filter((m) => m.chain === chain.index && m.stated?.span.start === lit.span.start && m.iv !== undefined && m.statedIv !== undefined);
	return steps.some((m) => {
		const i = chain.members.indexOf(m.expr);
		const paired = i >= 0 ? pairedOf(chain, i, ctx) : undefined;
		const literal = (n: NumberNode) => (exact.has(n.value) ? { lo: n.value, hi: n.value } : paired?.exact.get(n) ?? inputInterval(n, ctx.policy));
		const o = evaluateShared(m.expr, { literal }, paired?.shared ?? [], m.statedIv!);
		return o.ok && intersects(o.iv, local) && (intersects(o.iv, m.statedIv!) || steps.some((h) => h !== m && h.holds && intersects(o.iv, h.iv!)));
	});
}

const keyOf = (p: LeafPair) => (p.symbol.kind === 'name' ? p.symbol.name.key : derivativeKey(p.symbol));

/** What the substitution pairing says about the numbers of member `i` (see `pairedInputs`). */
function pairedOf(chain: Chain, i: number, ctx: CheckContext): ReturnType<typeof pairedInputs> | undefined {
	const pairs = memberPairs(chain.members, i, ctx.text);
	return pairs && pairedInputs(pairs, keyOf, (key) => ctx.facts.acceptable(key, chain.index), ctx.policy);
}

function reportWrongResult(ctx: CheckContext, step: Expr, o: Extract<Outcome, { ok: true }>, stated: SignedLiteral, places: number): void {
	const expected = formatLike(o.value, places > 0 ? `0.${'0'.repeat(places)}` : stated.text);
	const range = formatInterval(o.iv.lo, o.iv.hi);
	const spread = printsAsPoint(o.iv.lo, o.iv.hi) ? '' : message('arithmetic.spread', { range }, ctx.locale);
	const value = formatValue(o.value);
	ctx.diagnostics.push({
		code: 'arithmetic',
		severity: 'error',
		span: stated.span,
		// "is 0.17, which rounds to 0.17" says nothing twice: a value already at the author's precision is given once.
		message: value === expected
			? message('arithmetic.is', { step: sourceOf(ctx, step.span, 48), value, spread, stated: stated.text }, ctx.locale)
			: message('arithmetic.rounds', { step: sourceOf(ctx, step.span, 48), value, spread, expected, stated: stated.text }, ctx.locale),
		stated: stated.text,
		expected,
		fix: { span: stated.span, newText: expected },
	});
}

/** What a whole number stands for when the author says it is approximate (`\approx 0`): anything that rounds to it. */
function roundedInterval(lit: SignedLiteral): Interval {
	return { lo: lit.value - 0.5, hi: lit.value + 0.5 };
}

/** `… = 0.823 = 0.813`: two plain numbers side by side must agree within their rounding. */
function checkAdjacentNumbers(lits: (SignedLiteral | undefined)[], relations: Chain['relations'], ctx: CheckContext): number {
	let compared = 0;
	for (let i = 0; i + 1 < lits.length; i++) {
		const a = lits[i];
		const b = lits[i + 1];
		if (!a || !b) continue;
		compared++;
		// `0.00423 \approx 0`: a whole number beside `\approx` is that number rounded.
		const read = (l: SignedLiteral) => (relations[i]?.kind === 'approx' && l.node.isInteger ? roundedInterval(l) : resultInterval(l));
		if (intersects(read(a), read(b))) continue;
		ctx.diagnostics.push({
			code: 'arithmetic',
			severity: 'error',
			span: b.span,
			message: message('arithmetic.adjacent', { b: b.text, a: a.text }, ctx.locale),
			stated: b.text,
		});
	}
	return compared;
}
