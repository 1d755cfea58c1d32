/**
 * Interval arithmetic for written numbers. A decimal the author wrote stands for every value that
 * rounds to it (`0.558` is [0.5575, 0.5585], DESIGN 3.3); evaluating an expression on intervals
 * gives every value the author's inputs could have meant. Each operation returns `undefined` when
 * the result is not a bounded interval (division by an interval that holds zero, `\ln` of a
 * non-positive number), and the caller leaves such a member unchecked rather than guess.
 *
 * Floating-point error is far below the precision of anything a person writes by hand, so the
 * bounds are computed in doubles and widened once, at comparison, by a relative 1e-9.
 */

export interface Interval {
	readonly lo: number;
	readonly hi: number;
}

export function point(x: number): Interval {
	return { lo: x, hi: x };
}

export function around(x: number, radius: number): Interval {
	return { lo: x - radius, hi: x + radius };
}

function ok(lo: number, hi: number): Interval | undefined {
	return Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? { lo, hi } : undefined;
}

export function add(a: Interval, b: Interval): Interval | undefined {
	return ok(a.lo + b.lo, a.hi + b.hi);
}

export function sub(a: Interval, b: Interval): Interval | undefined {
	return ok(a.lo - b.hi, a.hi - b.lo);
}

export function neg(a: Interval): Interval {
	return { lo: -a.hi, hi: -a.lo };
}

export function mul(a: Interval, b: Interval): Interval | undefined {
	const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
	return ok(Math.min(...p), Math.max(...p));
}

export function div(a: Interval, b: Interval): Interval | undefined {
	if (b.lo <= 0 && b.hi >= 0) return undefined;
	return mul(a, { lo: 1 / b.hi, hi: 1 / b.lo });
}

/** Applies a function that never decreases, such as exp, the logistic sigmoid or ReLU. */
export function monotone(a: Interval, f: (x: number) => number): Interval | undefined {
	return ok(f(a.lo), f(a.hi));
}

/** `a ^ b`. Integer exponents work for any base; other exponents need a positive base. */
export function pow(a: Interval, b: Interval): Interval | undefined {
	if (b.lo === b.hi && Number.isInteger(b.lo)) {
		const n = b.lo;
		if (n === 0) return point(1);
		if (n < 0) {
			const positive = pow(a, point(-n));
			return positive && div(point(1), positive);
		}
		if (n % 2 === 1 || a.lo >= 0) return ok(Math.min(a.lo ** n, a.hi ** n), Math.max(a.lo ** n, a.hi ** n));
		if (a.hi <= 0) return ok(a.hi ** n, a.lo ** n);
		return ok(0, Math.max(a.lo ** n, a.hi ** n));
	}
	if (a.lo <= 0) return undefined;
	const p = [a.lo ** b.lo, a.lo ** b.hi, a.hi ** b.lo, a.hi ** b.hi];
	return ok(Math.min(...p), Math.max(...p));
}

export function sqrt(a: Interval): Interval | undefined {
	if (a.lo < 0) return undefined;
	return ok(Math.sqrt(a.lo), Math.sqrt(a.hi));
}

export function log(a: Interval, base = Math.E): Interval | undefined {
	if (a.lo <= 0) return undefined;
	const k = Math.log(base);
	return ok(Math.log(a.lo) / k, Math.log(a.hi) / k);
}

export function abs(a: Interval): Interval {
	if (a.lo >= 0) return a;
	if (a.hi <= 0) return neg(a);
	return { lo: 0, hi: Math.max(-a.lo, a.hi) };
}

export function max(a: Interval, b: Interval): Interval {
	return { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export function min(a: Interval, b: Interval): Interval {
	return { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

/** True when the intervals share a value, allowing a relative 1e-9 for floating-point error. */
export function intersects(a: Interval, b: Interval): boolean {
	const scale = Math.max(1, Math.abs(a.lo), Math.abs(a.hi), Math.abs(b.lo), Math.abs(b.hi));
	const eps = 1e-9 * scale;
	return a.lo <= b.hi + eps && b.lo <= a.hi + eps;
}

export function contains(a: Interval, x: number): boolean {
	return intersects(a, point(x));
}
