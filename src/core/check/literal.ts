/**
 * Literals as the checker sees them: a number with its sign (`-0.349`, `(-0.177)`), and the
 * interval it stands for under the tolerance policy. Integers, the numbers a network block
 * declares and the learning rate are exact (DESIGN 3.3); every other decimal stands for all the
 * values that round to it.
 *
 * What is computed from exact numbers alone is exact too: a stated result that a member computes
 * as a single point equal to it (`0.5 \cdot 1 + 0.95 \cdot 1 = 1.45`) is recorded in the policy,
 * and a later number the substitution pairing writes for that name (`\sigma(in_{h1}) =
 * \sigma(1.45)`) is exact as well. A number doubles cannot hold (`1e400`, an integer beyond 2^53)
 * is no literal at all here, so whatever uses it stays unchecked.
 */
import type { Expr, NumberNode } from '../syntax/ast';
import { nodesOf } from '../syntax/walk';
import type { Span } from '../text/span';
import { representable } from '../eval/exact';
import { intersects, type Interval } from '../eval/interval';
import type { TolerancePolicy } from '../service';
import type { StatedValue } from './facts';
import type { LeafPair } from './shape';

export interface SignedLiteral {
	readonly node: NumberNode;
	readonly value: number;
	/** The literal with its sign, without surrounding parentheses: the text a fix replaces. */
	readonly span: Span;
	readonly text: string;
}

/**
 * `-0.349`, `(-0.177)`, `+0.5` and `0.5` are signed literals; `-(0.5)`, `2 \cdot 3`, `1e400` and
 * `123456789012345678` are not.
 */
export function signedLiteral(expr: Expr, text: string): SignedLiteral | undefined {
	let e = expr;
	while (e.kind === 'group' && e.open === '(') e = e.inner;
	if (e.kind === 'number') return representable(e) ? { node: e, value: e.value, span: e.span, text: e.text } : undefined;
	if (e.kind === 'unary' && (e.op === '-' || e.op === '+') && e.operand.kind === 'number' && representable(e.operand)) {
		const n = e.operand;
		const s = { start: e.span.start, end: n.span.end };
		return { node: n, value: e.op === '-' ? -n.value : n.value, span: s, text: text.slice(s.start, s.end) };
	}
	return undefined;
}

/** How literals turn into intervals in one document. */
export interface LiteralPolicy {
	readonly tolerance: TolerancePolicy;
	/** Absolute values declared exact by a network block (its numbers and learning rate). */
	readonly exactValues: ReadonlySet<number>;
	/**
	 * Where the stated results start that are exact: computed from exact numbers alone, and equal
	 * to them. Made on the first such result (see `markExact`).
	 */
	readonly exactResults?: Set<number>;
}

/** What holds the policy of one check: the check context. */
interface PolicyHolder {
	policy: LiteralPolicy;
}

/** The number of significant digits written: `0.558` → 3, `0.060` → 2, `0.1` → 1, `1.5e-3` → 2. */
export function significantDigits(text: string): number {
	const digits = text.split(/[eE]/)[0].replace(/[^0-9]/g, '').replace(/^0+/, '');
	return Math.max(1, digits.length);
}

/** The interval an input literal stands for, under the policy (see `Settings.tolerance`). */
export function inputInterval(node: NumberNode, policy: LiteralPolicy): Interval {
	const exact =
		node.isInteger ||
		policy.tolerance === 'strict' ||
		policy.exactValues.has(Math.abs(node.value)) ||
		(policy.tolerance === 'digits' && significantDigits(node.text) === 1);
	if (exact) return { lo: node.value, hi: node.value };
	return { lo: node.value - node.halfUlp, hi: node.value + node.halfUlp };
}

/**
 * The interval a stated result stands for: every value that rounds to it. A decimal result is
 * rounded at its own last place. An integer result is exact, unless `places` says the computation
 * it ends was done on decimals with that many places: `-0.005 \times 0.11 = 0` reads 0 as 0.000.
 */
export function resultInterval(lit: SignedLiteral, places = 0): Interval {
	const half = lit.node.isInteger ? (places > 0 ? 0.5 * 10 ** -places : 0) : lit.node.halfUlp;
	return { lo: lit.value - half, hi: lit.value + half };
}

/** The most places after the point among the number literals in `e`: `0.5 (1 - 0.074)` → 3. */
export function placesIn(e: Expr): number {
	let places = 0;
	for (const x of nodesOf(e)) if (x.kind === 'number' && !x.isInteger) places = Math.max(places, Math.round(-Math.log10(2 * x.halfUlp)));
	return places;
}

/** True when `iv` is a single point (up to floating-point error) at `value`. */
export function exactlyAt(iv: Interval, value: number): boolean {
	const scale = Math.max(1, Math.abs(value));
	return iv.hi - iv.lo <= 1e-12 * scale && Math.abs(iv.lo - value) <= 1e-9 * scale;
}

/**
 * Records a stated result as exact when what it states was computed as exactly that value
 * (`computed` a point at it); returns whether it did.
 */
export function markExact(holder: PolicyHolder, lit: SignedLiteral, computed: Interval | undefined): boolean {
	if (!computed || !exactlyAt(computed, lit.value)) return false;
	const known = holder.policy.exactResults;
	if (known) known.add(lit.span.start);
	else holder.policy = { ...holder.policy, exactResults: new Set([lit.span.start]) };
	return true;
}

/**
 * The value an author's stated result stands for in later local checks (the truth check's record):
 * the point itself when it is exact — computed so by the document, given by the engine's formula
 * as exactly it (`localIv`), or the block's own value of the quantity — else every value that
 * rounds to it. An exact one is recorded, so numbers written for it later are exact too.
 */
export function authorInterval(holder: PolicyHolder, lit: SignedLiteral, localIv: Interval | undefined, trueValue: number): Interval {
	const declared = holder.policy.exactValues.has(Math.abs(trueValue)) ? { lo: trueValue, hi: trueValue } : undefined;
	const exact = holder.policy.exactResults?.has(lit.span.start) || markExact(holder, lit, localIv) || markExact(holder, lit, declared);
	return exact ? { lo: lit.value, hi: lit.value } : resultInterval(lit);
}

/**
 * The numbers in one numeric member that the substitution pairing writes for names, read as values
 * of those names. `exact` gives a point to each number written for a name whose earlier values it
 * matches are all exact and equal to it (`\sigma(1.45)` for `\sigma(in_{h1})` after `in_{h1} =
 * 0.5 \cdot 1 + 0.95 \cdot 1 = 1.45`). `shared` groups the numbers written for one name twice or
 * more with one value (`0.558 (1 - 0.558)` for `out_{C1}(1 - out_{C1})`): they are one value, not
 * independent intervals (DESIGN 3.3). The same number with no name to pair it stays independent.
 */
export function pairedInputs(pairs: readonly LeafPair[], keyOf: (p: LeafPair) => string, acceptable: (key: string) => readonly StatedValue[], policy: LiteralPolicy): { exact: Map<NumberNode, Interval>; shared: NumberNode[][] } {
	const exact = new Map<NumberNode, Interval>();
	const byKey = new Map<string, LeafPair[]>();
	for (const p of pairs) {
		const key = keyOf(p);
		byKey.set(key, [...(byKey.get(key) ?? []), p]);
		const iv = inputInterval(p.number.node, policy);
		const signed = p.number.value < 0 ? { lo: -iv.hi, hi: -iv.lo } : iv;
		const matching = acceptable(key).filter((v) => intersects(v.iv, signed));
		if (matching.length > 0 && matching.every((v) => v.value === p.number.value && policy.exactResults?.has(v.span.start))) {
			exact.set(p.number.node, { lo: p.number.node.value, hi: p.number.node.value });
		}
	}
	const shared: NumberNode[][] = [];
	for (const group of byKey.values()) {
		if (group.length > 1 && group.every((p) => p.number.value === group[0].number.value)) shared.push(group.map((p) => p.number.node));
	}
	return { exact, shared };
}
