/**
 * Normalised keys for names the block declares, by the same reader the math uses (DESIGN 2.3,
 * `syntax/names.ts`), so a declared `KK_{11}`, `W^{(1)}_{12}` or `\hat{y}_1` compares equal to the
 * same name in a formula. A declared name the reader does not take as one name (`w 1`, `w-1`)
 * keeps a plain key: typography, braces, `_` and spaces dropped, Greek commands without the
 * backslash, case kept.
 */
import { normalizeNameText } from '../syntax/names';

/** `nameKey('KK_{11}')` is `KK11`; `nameKey('\\bar{in}_{cc_1}')` is `bar.incc1`; `nameKey('w_5^+')` is `w5'`; `nameKey('W^{(1)}_{12}')` is `W(1)12`. */
export function nameKey(text: string): string {
	const ref = normalizeNameText(text);
	if (ref) return ref.key;
	let s = text.trim();
	s = s.replace(/\\(text|mathrm|operatorname|mathit|mathbf|boldsymbol|bm|mathsf|vec)\b/g, '');
	s = s.replace(/\\([A-Za-z]+)/g, '$1');
	return s.replace(/[{}_\s]/g, '');
}
