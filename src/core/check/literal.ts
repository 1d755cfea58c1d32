/**
 * Literals as the checker sees them: a number with its sign (`-0.349`, `(-0.177)`), and the
 * interval it stands for under the tolerance policy. Integers, the numbers a network block
 * declares and the learning rate are exact (DESIGN 3.3); every other decimal stands for all the
 * values that round to it.
 */
import type { Expr, NumberNode } from '../syntax/ast';
import { nodesOf } from '../syntax/walk';
import type { Span } from '../text/span';
import type { Interval } from '../eval/interval';
import type { TolerancePolicy } from '../service';

export interface SignedLiteral {
	readonly node: NumberNode;
	readonly value: number;
	/** The literal with its sign, without surrounding parentheses: the text a fix replaces. */
	readonly span: Span;
	readonly text: string;
}

/** `-0.349`, `(-0.177)`, `+0.5` and `0.5` are signed literals; `-(0.5)` and `2 \cdot 3` are not. */
export function signedLiteral(expr: Expr, text: string): SignedLiteral | undefined {
	let e = expr;
	while (e.kind === 'group' && e.open === '(') e = e.inner;
	if (e.kind === 'number') return { node: e, value: e.value, span: e.span, text: e.text };
	if (e.kind === 'unary' && (e.op === '-' || e.op === '+') && e.operand.kind === 'number') {
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
