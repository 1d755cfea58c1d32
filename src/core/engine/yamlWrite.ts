/**
 * The scalars and flow lists of a written network block, each in the form the block reader
 * (`block.ts`, `latexNames.ts`, `yamlRead.ts`) reads back as the same value. The strategy is to
 * write what an author would write where that is safe — `0.1`, `KK`, `[w_{11}, w_{12}]` (the
 * reader quotes LaTeX names in `…_names` lists itself) — and to quote everything else: single
 * quotes for printable text, double quotes with escapes for text holding a control character or a
 * line break, so no name can end a line, open a comment or a mapping. The `yaml` package's own
 * stringifier is not used: it knows nothing of the reader's unquoted LaTeX names, and the block's
 * layout (one layer entry per item, lists on one line) is ours to keep. `writeBlock.ts` parses
 * what it wrote and refuses a block that does not read back exactly, so a rule here can only make
 * a block less pretty, never wrong.
 */

/** Words YAML reads as something other than a string, in either version's core schema. */
const SPECIAL_WORDS = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** A plain word that is a string in any YAML context: `KK`, `cross_entropy`, `b_1`. */
const PLAIN_WORD = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A name the reader's quoting of `…_names` lists (or YAML itself) reads back as written: `w_{11}`, `\hat{y}_1`, `w_5^+`. */
const PLAIN_NAME = /^[A-Za-z\\][A-Za-z0-9_{}\\^'+\-.()*|]*$/;

/** A number, exactly: the shortest text that reads back as the same double (`0.1`, `1e-7`, `-0`). */
export function yamlNumber(v: number): string {
	return Object.is(v, -0) ? '-0' : String(v);
}

/** True when every character is one YAML may hold in a single-quoted scalar without folding. */
function printable(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c > 0xfffd) return false;
		if (c >= 0xd800 && c <= 0xdfff) {
			// A surrogate pair is a printable astral character; a lone surrogate is not text.
			const next = s.charCodeAt(i + 1);
			if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
			i++;
		}
	}
	return true;
}

/** Text in quotes: `'w_{11}'`, `'it''s'`, or `"a\nb"` when it holds a character single quotes cannot. */
export function yamlQuoted(s: string): string {
	if (printable(s)) return `'${s.replace(/'/g, "''")}'`;
	let out = '"';
	for (let i = 0; i < s.length; i++) {
		const ch = s[i], c = s.charCodeAt(i);
		if (ch === '\\' || ch === '"') out += `\\${ch}`;
		else if (c >= 0x20 && c < 0x7f) out += ch;
		else if (c >= 0xd800 && c <= 0xdbff && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) out += s.slice(i, ++i + 1);
		else if (printable(ch) && c !== 0x85) out += ch;
		else out += `\\u${c.toString(16).padStart(4, '0')}`;
	}
	return `${out}"`;
}

/** A word as a string scalar anywhere: plain when it is a plain word (`KK`), else quoted. */
export function yamlWord(s: string): string {
	return PLAIN_WORD.test(s) && !SPECIAL_WORDS.test(s) ? s : yamlQuoted(s);
}

/** True when `{` and `}` pair up in order, so the reader's list splitting keeps the name whole. */
function balanced(s: string): boolean {
	let depth = 0;
	for (const ch of s) {
		if (ch === '{') depth++;
		else if (ch === '}' && --depth < 0) return false;
	}
	return depth === 0;
}

/** An item of a `…_names` list: as written when the reader takes it so (`KK_{11}`, `\delta_1`), else quoted. */
export function yamlName(s: string): string {
	if (PLAIN_WORD.test(s)) return SPECIAL_WORDS.test(s) ? yamlQuoted(s) : s;
	return PLAIN_NAME.test(s) && balanced(s) && /[{}\\^']/.test(s) ? s : yamlQuoted(s);
}

/** Items shaped by `dims` as nested flow lists: `flowList([1, 2, 3, 4], [2, 2], String)` is `[[1, 2], [3, 4]]`. */
export function flowList<T>(items: ArrayLike<T>, dims: readonly number[], write: (x: T) => string): string {
	let at = 0;
	const level = (d: number): string => {
		if (d === dims.length) return write(items[at++]);
		const inner: string[] = [];
		for (let i = 0; i < dims[d]; i++) inner.push(level(d + 1));
		return `[${inner.join(', ')}]`;
	};
	return level(0);
}
