/**
 * Pairs the leaves of a symbolic member with those of a numeric member of the same shape:
 * `coef_{o1} \cdot out_{C1}` and `(-0.177) \cdot 0.588` pair `coef_{o1}` with -0.177 and
 * `out_{C1}` with 0.588. The shapes must agree operator by operator (`\cdot`, `\times`, `*` and
 * implicit products are one operator; parentheses are ignored); where they do not, nothing is
 * paired, so no number is ever attributed to a name on a guess.
 */
import { isNumeric } from '../eval/evaluate';
import type { Expr } from '../syntax/ast';
import { signedLiteral, type SignedLiteral } from './literal';

export interface LeafPair {
	/** The symbolic leaf: a name or a derivative. */
	readonly symbol: Expr & { kind: 'name' | 'derivative' };
	readonly number: SignedLiteral;
}

function strip(e: Expr): Expr {
	let x = e;
	while (x.kind === 'group') x = x.inner;
	return x;
}

/** Pairs leaves of `symbolic` and `numeric`; `undefined` when their shapes differ. */
export function pairLeaves(symbolic: Expr, numeric: Expr, text: string): LeafPair[] | undefined {
	const pairs: LeafPair[] = [];
	const stack: [Expr, Expr][] = [[symbolic, numeric]];
	while (stack.length > 0) {
		const [s0, n0] = stack.pop()!;
		const s = strip(s0);
		if (s.kind === 'name' || s.kind === 'derivative') {
			const lit = signedLiteral(n0, text);
			if (!lit) return undefined;
			pairs.push({ symbol: s, number: lit });
			continue;
		}
		const n = strip(n0);
		if (s.kind === 'number') {
			if (n.kind !== 'number' || n.value !== s.value) return undefined;
			continue;
		}
		if (s.kind === 'unary') {
			if (n.kind !== 'unary' || n.op !== s.op) return undefined;
			stack.push([s.operand, n.operand]);
			continue;
		}
		if (s.kind === 'binary') {
			if (n.kind !== 'binary' || n.op !== s.op) return undefined;
			stack.push([s.left, n.left], [s.right, n.right]);
			continue;
		}
		if (s.kind === 'call') {
			if (n.kind !== 'call' || n.fn !== s.fn || n.args.length !== s.args.length) return undefined;
			s.args.forEach((a, i) => stack.push([a, n.args[i]]));
			continue;
		}
		return undefined;
	}
	return pairs.sort((a, b) => a.number.span.start - b.number.span.start);
}

/**
 * The pairs of chain member `i` with the symbolic member before it, when `i` is a computed numeric
 * member: `out_{C1}(1 - out_{C1}) = 0.558 (1 - 0.558)` pairs both 0.558s with `out_{C1}`. This is
 * the reading the substitution check makes; the arithmetic check uses it to know which numbers are
 * one value.
 */
export function memberPairs(members: readonly Expr[], i: number, text: string): LeafPair[] | undefined {
	if (i < 1) return undefined;
	const numeric = members[i];
	const symbolic = members[i - 1];
	if (!isNumeric(numeric) || signedLiteral(numeric, text) || isNumeric(symbolic)) return undefined;
	return pairLeaves(symbolic, numeric, text);
}
