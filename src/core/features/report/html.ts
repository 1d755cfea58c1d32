/**
 * HTML escaping for the report, in one place: every piece of document text, message and path that
 * reaches the report's HTML goes through `escapeHtml`, which escapes the five characters that can
 * end a text run or an attribute value, so the same function serves both.
 */

/** Escapes text for HTML content and quoted attributes: `escapeHtml('<a "b">')` is `&lt;a &quot;b&quot;&gt;`. */
export function escapeHtml(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Replaces placeholder words in rendered HTML, but only in text, never inside a tag: the HTML comes
 * from a renderer that escapes `<` and `>` in text and attributes, so a `<` always opens a tag and
 * the next `>` closes it. A placeholder found inside a tag (an image's `alt`, say) is removed.
 * `replaceInText('<p>X1</p>', /X\d/g, () => '<b>1</b>')` is `<p><b>1</b></p>`.
 */
export function replaceInText(html: string, pattern: RegExp, replace: (match: RegExpExecArray) => string): string {
	let out = '';
	let inTag = false;
	let last = 0;
	const flags = pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g';
	const re = new RegExp(pattern.source, flags);
	// Tag boundaries before each match decide whether it sits in text.
	let scanned = 0;
	for (let m = re.exec(html); m; m = re.exec(html)) {
		for (let i = scanned; i < m.index; i++) {
			if (html[i] === '<') inTag = true;
			else if (html[i] === '>') inTag = false;
		}
		scanned = m.index + m[0].length;
		out += html.slice(last, m.index) + (inTag ? '' : replace(m));
		last = scanned;
	}
	return out + html.slice(last);
}
