/**
 * LaTeX names in the block's flow lists (DESIGN 2.4): authors copy names from their notes, so
 * `target_names: [target_{o1}, target_{o2}]` must mean two names, though to YAML `{o1}` opens a
 * flow mapping. Before YAML sees the text, every item of a `…_names:` flow list that holds `{`,
 * `}`, `\`, `^` or `'` and is not quoted already is put in single quotes (a `'` inside doubled,
 * YAML's own escape). The quotes shift offsets, so the rewrite keeps the points where it inserted
 * text and maps an offset in the quoted text back to the original one; problems are placed on
 * the author's text, never on a quote they did not write. Items already quoted are read as YAML
 * reads them, to their closing quote, so a quoted name may hold brackets and commas.
 *
 * Only flow lists after a key ending in `_names` are touched: elsewhere braces keep their YAML
 * meaning (`notation: {pre: [in]}`).
 */

export interface QuotedYaml {
	readonly text: string;
	/** The offset in the original text of an offset in `text`. */
	toOriginal(offset: number): number;
}

const NEEDS_QUOTES = /[{}\\^']/;

/** Quotes LaTeX names in `…_names:` flow lists: `w_names: [w_{11}]` → `w_names: ['w_{11}']`. */
export function quoteLatexNames(yaml: string): QuotedYaml {
	// Each insertion: at original offset `at`, `length` characters were inserted before it.
	const inserts: { at: number; length: number }[] = [];
	let out = '';
	let last = 0;
	const key = /^[ \t]*(?:-[ \t]+)?[A-Za-z_]*_names[ \t]*:[ \t]*\[/gm;
	for (let m = key.exec(yaml); m; m = key.exec(yaml)) {
		const open = m.index + m[0].length - 1;
		if (open < last) continue;
		const items = flowItems(yaml, open);
		if (!items) continue;
		for (const [a, b] of items) {
			const item = yaml.slice(a, b);
			if (!NEEDS_QUOTES.test(item) || item.startsWith("'") || item.startsWith('"')) continue;
			out += yaml.slice(last, a);
			const quoted = `'${item.replace(/'/g, "''")}'`;
			out += quoted;
			inserts.push({ at: a, length: 1 });
			inserts.push({ at: b, length: quoted.length - item.length - 1 });
			last = b;
		}
	}
	out += yaml.slice(last);
	if (inserts.length === 0) return { text: yaml, toOriginal: (o) => o };
	return {
		text: out,
		toOriginal(offset) {
			let shift = 0;
			for (const ins of inserts) {
				const quotedAt = ins.at + shift;
				if (offset < quotedAt) break;
				if (offset < quotedAt + ins.length) return ins.at;
				shift += ins.length;
			}
			return offset - shift;
		},
	};
}

/**
 * The items of the flow list whose `[` is at `open`, as trimmed [start, end) ranges, at every
 * nesting depth (`[[w_1, w_2], [w_3, w_4]]` gives four). Braces inside an item do not nest the
 * list. `undefined` when the list does not close, or closes after a line break that is not
 * followed by more of the list (the rewrite then leaves the text to YAML and its message).
 */
function flowItems(yaml: string, open: number): [number, number][] | undefined {
	const items: [number, number][] = [];
	let depth = 0;
	let braces = 0;
	let start = -1;
	const flush = (end: number) => {
		if (start < 0) return;
		let a = start, b = end;
		while (a < b && /\s/.test(yaml[a])) a++;
		while (b > a && /\s/.test(yaml[b - 1])) b--;
		if (b > a) items.push([a, b]);
		start = -1;
	};
	for (let i = open; i < yaml.length && i < open + 100_000; i++) {
		const c = yaml[i];
		if (c === '#' && braces === 0 && /\s/.test(yaml[i - 1] ?? ' ')) return undefined;
		if (braces > 0) {
			if (c === '{') braces++;
			else if (c === '}') braces--;
			continue;
		}
		if (c === '[') {
			depth++;
			start = i + 1;
		} else if (c === ']') {
			flush(i);
			depth--;
			if (depth === 0) return items;
		} else if (c === ',') {
			flush(i);
			start = i + 1;
		} else if ((c === '"' || c === "'") && (start < 0 || yaml.slice(start, i).trim() === '')) {
			// A quoted item is YAML's already: its brackets and commas are text, so skip to its closing quote.
			if (start < 0) start = i;
			i = closingQuote(yaml, i);
		} else if (c === '{') {
			if (start < 0) start = i;
			braces++;
		} else if (start < 0 && !/\s/.test(c)) start = i;
	}
	return undefined;
}

/** The offset of the quote that closes the YAML scalar opened at `open` (`''` and `\"` are escapes), or the text's end. */
function closingQuote(yaml: string, open: number): number {
	const q = yaml[open];
	for (let i = open + 1; i < yaml.length; i++) {
		if (q === '"' && yaml[i] === '\\') i++;
		else if (yaml[i] === q) {
			if (q === "'" && yaml[i + 1] === "'") i++;
			else return i;
		}
	}
	return yaml.length;
}
