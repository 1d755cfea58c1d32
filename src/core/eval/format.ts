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

const MAX_PLACES = 100;

/** Formats `value` the way `like` is written: same places, same exponent form. `formatLike(-0.0246, '-0.475')` → `-0.025`. */
export function formatLike(value: number, like: string): string {
	// `toFixed` takes at most 100 places; a literal written with more is written with 100.
	const places = Math.min(decimalsOf(like), MAX_PLACES);
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

/** An interval for people: `[0.5575, 0.5585]`; one whose ends print alike is that one number, never `[0.082167, 0.082167]`. */
export function formatInterval(lo: number, hi: number): string {
	return printsAsPoint(lo, hi) ? formatValue(lo) : `[${formatValue(lo)}, ${formatValue(hi)}]`;
}

/** True when an interval's ends print alike: to a reader it is one number, and is shown as one. */
export function printsAsPoint(lo: number, hi: number): boolean {
	return formatValue(lo) === formatValue(hi);
}

/**
 * How far a fix may move a number: a corrected value more than a million times the number written
 * (or than 1, for small numbers) means the expression was read in a way the author did not mean
 * (`e^{710}` for a misplaced brace), so no fix is offered and the diagnostic stands alone.
 */
export const FIX_RANGE = 1e6;

/**
 * The text a quick fix writes in place of `stated`, from the `proposed` correct value the checker
 * wrote at the author's precision; `undefined` when no fix is sensible. A value that is not a
 * finite decimal, or lies beyond `FIX_RANGE`, is not offered; nor is one that writes the same
 * number again. A proposed value that is exactly a number the document declares (`exact`, given
 * its absolute value) is written as short as it is declared, as the author writes it: replacing
 * `-0.1295` for a weight declared `-0.3` writes `-0.3`, not `-0.3000`.
 * `fixText('0.5', '9.868025738458568e+306')` is `undefined`; `fixText('0.191', '0.169')` is `0.169`.
 */
export function fixText(stated: string, proposed: string, exact: (abs: number) => boolean = () => false): string | undefined {
	const value = Number(proposed);
	const was = Number(stated);
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(proposed) || !Number.isFinite(value)) return undefined;
	if (Number.isFinite(was) && Math.abs(value) > FIX_RANGE * Math.max(1, Math.abs(was))) return undefined;
	if (/[eE]/.test(proposed) && !/[eE]/.test(stated)) return undefined;
	let text = proposed;
	const short = /^([+-]?\d+)\.(\d*?)0+$/.exec(proposed);
	if (short && value !== 0 && exact(Math.abs(value))) text = short[2] ? `${short[1]}.${short[2]}` : short[1];
	return Number(text) === was ? undefined : text;
}
