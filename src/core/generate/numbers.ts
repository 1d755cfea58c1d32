/**
 * How a generated derivation writes its numbers. A result is rounded to `digits` significant
 * digits and written in plain decimals with its trailing zeros (`0.500`, `-0.00860`), so every
 * written result carries its precision for the check (DESIGN 3.3) and never reads as an exact
 * integer: a value of 10^digits or more keeps one decimal place (`148.4`, not `148`). A result that
 * is exactly zero is written `0`. Givens (inputs, parameters, targets, the learning rate) are
 * written as the block declares them, in their shortest round-trip form.
 */

/** The smallest and largest `--digits` a derivation may ask for. One digit would read as exact under the default tolerance. */
export const MIN_DIGITS = 2;
export const MAX_DIGITS = 10;

/** Plain decimal text of a finite number, without an exponent: `1.23e-7` → `0.000000123`. */
function plain(text: string): string {
	const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
	if (!m) return text;
	const [, sign, int, frac = '', e] = m;
	const digits = int + frac, point = int.length + Number(e);
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A computed value as the author writes it: `roundedText(0.16913, 3)` is `0.169`,
 * `roundedText(-0.008597, 3)` is `-0.00860`, `roundedText(148.413, 3)` is `148.4`, `roundedText(0, 3)` is `0`.
 */
export function roundedText(value: number, digits: number): string {
	if (value === 0 || Object.is(value, -0)) return '0';
	const magnitude = Math.floor(Math.log10(Math.abs(value)));
	let text = plain(value.toPrecision(digits));
	if (!text.includes('.') && magnitude >= digits - 1) text = plain(value.toFixed(1));
	return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A given as the block declares it: `givenText(0.1)` is `0.1`, `givenText(1e-7)` is `0.0000001`. */
export function givenText(value: number): string {
	return plain(String(value === 0 ? 0 : value));
}

/** A number inside a product or after a minus: negative numbers in parentheses, as the seed notes write them (`(-0.177)`). */
export function operandText(text: string): string {
	return text.startsWith('-') ? `(${text})` : text;
}
