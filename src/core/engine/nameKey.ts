/**
 * Normalised keys for names the block declares, the same normalisation DESIGN 2.3 prescribes
 * for names in the math (and `NameRef.key` carries): decorations (`\text`, `\mathrm`,
 * `\operatorname`, `\bar`, `\hat`, `\tilde`, `\overline`), braces, `_` and spaces dropped,
 * Greek commands without the backslash, case kept, and an update mark (`'`, `^+`, `^{new}`,
 * `^{(1)}`) turned into a trailing `'`.
 */

/** `nameKey('KK_{11}')` is `KK11`; `nameKey('\\bar{in}_{cc_1}')` is `incc1`; `nameKey('w_5^+')` is `w5'`. */
export function nameKey(text: string): string {
	let s = text.trim();
	let updated = false;
	s = s.replace(/\^\{?(\+|new|\(1\))\}?|'+/g, () => { updated = true; return ''; });
	s = s.replace(/\\(text|mathrm|operatorname|bar|hat|tilde|overline|mathit|mathbf)\b/g, '');
	s = s.replace(/\\([A-Za-z]+)/g, '$1');
	s = s.replace(/[{}_\s]/g, '');
	return updated ? `${s}'` : s;
}
