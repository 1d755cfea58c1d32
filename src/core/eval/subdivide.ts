/**
 * Subdivision: the hull of an interval function over pieces of its inputs (DESIGN 3.3). Interval
 * arithmetic treats every reading of a value as independent, so `x (1 - x)` at x ∈ [0.45, 0.55]
 * comes out as [0.2025, 0.3025] although the function only takes values in [0.2475, 0.25]. When
 * the caller knows which readings are one value, each such value's interval is cut into equal
 * pieces whose ends are its own ends, the function is enclosed on every combination of pieces, and
 * the hull of those enclosures is intersected with the plain one. Every piece result is a sound
 * enclosure, so the hull is too, and it shrinks towards the true range as the pieces shrink.
 *
 * The work is bounded: at most three shared values (the widest), 32, 16 or 8 pieces each for one,
 * two or three of them, and fewer when the expression is large, so that about 2·10^5 node visits
 * are the most one evaluation costs. This file knows only intervals, so the engine's formula terms
 * and the checker's expressions both use it.
 */
import type { Interval } from './interval';

/** Pieces per shared value, by how many values are shared. */
const PIECES = [1, 32, 16, 8];

/** About how many node visits one tightened evaluation may cost. */
const BUDGET = 200_000;

/** At most this many shared values are subdivided: the widest. */
const MAX_SHARED = 3;

function width(iv: Interval): number {
	return iv.hi - iv.lo;
}

/** The intersection of two intervals, `undefined` when they share no value. */
export function meet(a: Interval, b: Interval): Interval | undefined {
	const lo = Math.max(a.lo, b.lo);
	const hi = Math.min(a.hi, b.hi);
	return lo <= hi ? { lo, hi } : undefined;
}

/** Piece `j` of `n` of `iv`; the first starts at `iv.lo` and the last ends at `iv.hi` exactly, and neighbours share their ends. */
function piece(iv: Interval, j: number, n: number): Interval {
	const at = (k: number) => (k === 0 ? iv.lo : k === n ? iv.hi : iv.lo + (width(iv) * k) / n);
	return { lo: at(j), hi: at(j + 1) };
}

/**
 * The hull of `f` over every combination of pieces of `vars`, or `undefined` when the work would
 * exceed the budget for an expression of `size` nodes, or when some piece has no enclosure.
 * `subdivide([{lo: 0.45, hi: 0.55}], ([x]) => mul(x, sub(point(1), x)), 5)` is about [0.2461, 0.2516].
 */
export function subdivide(vars: readonly Interval[], f: (box: readonly Interval[]) => Interval | undefined, size: number): Interval | undefined {
	const k = vars.length;
	if (k === 0 || k > MAX_SHARED) return undefined;
	const n = Math.min(PIECES[k], Math.floor((BUDGET / Math.max(1, size)) ** (1 / k)));
	if (n < 2) return undefined;
	const index = new Array<number>(k).fill(0);
	let lo = Infinity;
	let hi = -Infinity;
	for (;;) {
		const r = f(vars.map((v, i) => piece(v, index[i], n)));
		if (!r) return undefined;
		lo = Math.min(lo, r.lo);
		hi = Math.max(hi, r.hi);
		let i = 0;
		while (i < k && ++index[i] === n) index[i++] = 0;
		if (i === k) return { lo, hi };
	}
}

/**
 * `plain` narrowed by subdividing `vars` (see `subdivide`): the intersection of two sound
 * enclosures, or `plain` itself when subdivision is not worth it or not possible.
 */
export function tighten(plain: Interval, vars: readonly Interval[], f: (box: readonly Interval[]) => Interval | undefined, size: number): Interval {
	const live = vars.filter((v) => width(v) > 0);
	if (live.length !== vars.length || live.length === 0) return plain;
	const hull = subdivide(vars, f, size);
	return (hull && meet(plain, hull)) ?? plain;
}

/** The widest `MAX_SHARED` of `candidates` whose interval has a width, widest first. */
export function widest<T>(candidates: readonly T[], iv: (c: T) => Interval | undefined): { item: T; iv: Interval }[] {
	const out: { item: T; iv: Interval }[] = [];
	for (const item of candidates) {
		const v = iv(item);
		if (v && width(v) > 0) out.push({ item, iv: v });
	}
	return out.sort((a, b) => width(b.iv) - width(a.iv)).slice(0, MAX_SHARED);
}
