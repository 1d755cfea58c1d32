/**
 * The one way document and block text enters hover Markdown. A hover is Markdown that an editor
 * renders, and the text it quotes — names from the network block, layer names, the author's own
 * expressions — is the document's, so a name like `](command:x)`, `<img src=x onerror=…>` or
 * `![x](http://evil)` must reach the reader as those characters, never as a link, raw HTML or a
 * remote image. Strategy: quoted text goes into a code span that it cannot close (its backticks
 * become `'`), or, outside code, has every ASCII punctuation character backslash-escaped, which
 * CommonMark defines as the literal character; line breaks become spaces in both, so quoted text
 * cannot start a block of its own. The hover's own words and structure are written by us and
 * never pass through here. The whole hover is bounded too (`capHover`).
 */
import { MAX_HOVER_CHARS } from '../budgets';

/**
 * Text as literal Markdown inside a line: `mdText('![x](http://evil)')` is `\!\[x\]\(http\://evil\)`.
 * Every character that can open a link, an image, HTML, an entity, emphasis, code or a table cell
 * is escaped, and so is `:` (no `http:` or `command:` autolink) and every `.` that is not between
 * two digits (no `www.` autolink), so numbers such as `0.558` read as they are written.
 */
export function mdText(s: string): string {
	return s.replace(/\s+/g, ' ').replace(/[\\`*_[\]()<>!&|~#:${}]|\.(?!\d)|(?<!\d)\./g, '\\$&');
}

/**
 * A code span holding `s` literally, cut at `max` characters with an ellipsis. Backticks, the only
 * characters that could close the span, become `'`; a table cell also needs its `|` escaped, which
 * GFM reads as a cell border even inside code (`cell`).
 */
export function mdCode(s: string, max = 80, cell = false): string {
	const t = s.replace(/\s+/g, ' ').trim();
	const body = (t.length > max ? `${t.slice(0, max - 1)}…` : t).replace(/`/g, "'");
	return '`' + (cell ? body.replace(/\|/g, '\\|') : body) + '`';
}

/**
 * A hover cut to `max` characters at a line break, with a note that says so; a shorter hover is
 * returned as it is. Cutting between lines keeps every code span and table row whole.
 */
export function capHover(markdown: string, max = MAX_HOVER_CHARS): string {
	if (markdown.length <= max) return markdown;
	const cut = markdown.lastIndexOf('\n', max);
	return `${markdown.slice(0, cut > 0 ? cut : max)}\n\n*… cut here: this hover is longer than ${max.toLocaleString('en-US')} characters.*`;
}
