/**
 * Formats numbers for messages, hovers and fixes. A fix writes the correct value at the author's
 * own precision (`formatLike(0.16913, '0.191')` is `0.169`), so the corrected document uses the
 * same number of places the author chose.
 */

/** The number of digits after the decimal point in a literal's mantissa: `0.558` → 3, `12` → 0, `1.5e-3` → 1. */
export function decimalsOf(text: string): number {
	const mantissa = text.split(/[eE]/)[0];
	const dot = mantissa.indexOf('.');
	return dot < 0 ? 0 : mantissa.length - dot - 1;
}

/** Formats `value` the way `like` is written: same places, same exponent form. `formatLike(-0.0246, '-0.475')` → `-0.025`. */
export function formatLike(value: number, like: string): string {
	const places = decimalsOf(like);
	const exp = /[eE]([+-]?\d+)$/.exec(like);
	if (exp) {
		const e = Number(exp[1]);
		return `${clean((value / 10 ** e).toFixed(places))}e${exp[1].startsWith('+') ? '+' : ''}${e}`;
	}
	return clean(value.toFixed(places));
}

function clean(s: string): string {
	return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A value for people: up to 6 significant digits, no trailing zeros. `formatValue(0.169131)` → `0.169131`. */
export function formatValue(value: number): string {
	if (value === 0) return '0';
	if (!Number.isFinite(value)) return String(value);
	const abs = Math.abs(value);
	if (abs >= 1e6 || abs < 1e-5) return value.toExponential(5).replace(/\.?0+e/, 'e');
	return String(Number(value.toPrecision(6)));
}

/** An interval for people: `[0.5575, 0.5585]`. */
export function formatInterval(lo: number, hi: number): string {
	return lo === hi ? formatValue(lo) : `[${formatValue(lo)}, ${formatValue(hi)}]`;
}
