/**
 * Where doubles stop being exact (DESIGN 3.3). The checker computes in doubles and widens each
 * comparison by a relative 1e-9, which covers rounding in any computation a person writes by hand,
 * with one exception: numbers that doubles cannot hold. A literal beyond the double range (`1e400`)
 * has no value at all, and an integer beyond 2^53 (`123456789012345678`) is silently rounded to a
 * neighbour, so `123456789012345678 - 123456789012345677` computes 0. Such a literal, or an exact
 * result beyond 2^53, makes its member unchecked, never wrong: the checker says nothing it cannot
 * prove.
 */
import type { NumberNode } from '../syntax/ast';
import type { Interval } from './interval';

/** The largest magnitude up to which doubles hold every integer exactly. */
export const MAX_EXACT_INTEGER = 2 ** 53;

/** The smallest positive double with full precision; below it digits are lost. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * True when a double holds what the literal says: `0.558`, `1e300` and `9007199254740992` do;
 * `1e400` (beyond the range), `1e-400` (below it) and `123456789012345678` (beyond 2^53) do not.
 */
export function representable(n: NumberNode): boolean {
	const v = n.value;
	if (!Number.isFinite(v)) return false;
	if (n.isInteger) return Math.abs(v) <= MAX_EXACT_INTEGER;
	if (v === 0) return !/[1-9]/.test(n.text.split(/[eE]/)[0]);
	return Math.abs(v) >= MIN_NORMAL;
}

/**
 * True for an interval that should be exact but that doubles may hold only approximately: a point
 * (or a width below double resolution) beyond 2^53, such as the product `2^{60} \cdot 3`.
 */
export function beyondExact(iv: Interval): boolean {
	const m = Math.max(Math.abs(iv.lo), Math.abs(iv.hi));
	return m > MAX_EXACT_INTEGER && iv.hi - iv.lo <= m * 2 ** -50;
}
