/**
 * Renders a whole document to HTML with its math through KaTeX (math.ts) and marks on given spans.
 *
 * Strategy: the core's scanner says where math is, so the rendering and the checker agree. For
 * Markdown, each math region (delimiters included) is replaced in the source by a placeholder word
 * of letters and digits carrying a per-render nonce, and each mark outside math (a `network`
 * finding in the block's YAML) is bracketed by two such words; markdown-it (HTML disabled, its
 * own link validation, so `<script>` is text and `javascript:` links stay text) renders the
 * result, and the placeholders are then replaced by the KaTeX HTML and the mark tags — only where
 * they stand in text, never inside a tag (`replaceInText`). A LaTeX document is preformatted text,
 * escaped, with its math regions rendered in place. Every character of the document reaches the
 * output escaped, by markdown-it or by `escapeHtml`.
 */
import type MarkdownIt from 'markdown-it';
import type { Span } from '../../text/span';
import { scanDocument, type DocumentLanguage, type MathRegion } from '../../scan/index';
import { escapeHtml, replaceInText } from './html';
import { openMark, renderMath, type MathMark } from './math';

/** A mark on an absolute span of the document. */
export interface DocumentMark {
	readonly span: Span;
	readonly attrs: Readonly<Record<string, string>>;
}

export interface DocumentRenderOptions {
	readonly nonce: string;
	readonly output: 'htmlAndMathml' | 'mathml';
	/** The Markdown renderer, created with `html: false`. */
	readonly md: MarkdownIt;
}

/** The source KaTeX reads for a region, and where it starts: environments whole, others between their delimiters; block-quote markers blanked. */
function mathSource(text: string, r: MathRegion): { source: string; start: number; display: boolean } {
	const whole = r.kind === 'environment';
	const start = whole ? r.outer.start : r.inner.start;
	const end = whole ? r.outer.end : r.inner.end;
	let source = text.slice(start, end);
	for (const p of r.prefixes ?? []) source = source.slice(0, p.start - start) + ' '.repeat(p.end - p.start) + source.slice(p.end - start);
	return { source, start, display: r.kind !== 'inline' };
}

/** Splits the marks into those inside each region (relative to its math source) and those outside all math. */
export function assign(text: string, regions: readonly MathRegion[], marks: readonly DocumentMark[]) {
	const perRegion = regions.map(() => [] as MathMark[]);
	const outside: DocumentMark[] = [];
	for (const m of marks) {
		const i = regions.findIndex((r) => {
			const s = mathSource(text, r);
			return m.span.start >= s.start && m.span.end <= s.start + s.source.length;
		});
		if (i < 0) {
			outside.push(m);
			continue;
		}
		const start = mathSource(text, regions[i]).start;
		perRegion[i].push({ start: m.span.start - start, end: m.span.end - start, attrs: m.attrs, text: text.slice(m.span.start, m.span.end) });
	}
	return { perRegion, outside };
}

/** Renders one region (its display math in a block span) with its marks. */
export function renderRegion(text: string, r: MathRegion, marks: readonly MathMark[], o: Pick<DocumentRenderOptions, 'nonce' | 'output'>): string {
	const s = mathSource(text, r);
	const html = renderMath(s.source, marks, { displayMode: s.display, nonce: o.nonce, output: o.output });
	return s.display ? `<span class="dc-display-math">${html}</span>` : html;
}

/** Renders a LaTeX document as preformatted, escaped text with its math rendered and marks placed. */
function renderLatex(text: string, regions: readonly MathRegion[], marks: readonly DocumentMark[], o: DocumentRenderOptions): string {
	const { perRegion, outside } = assign(text, regions, marks);
	const events: { at: number; html: string; skipTo?: number }[] = [];
	regions.forEach((r, i) => events.push({ at: r.outer.start, html: renderRegion(text, r, perRegion[i], o), skipTo: r.outer.end }));
	for (const m of outside) {
		events.push({ at: m.span.start, html: openMark(m.attrs) });
		events.push({ at: m.span.end, html: '</mark>' });
	}
	events.sort((a, b) => a.at - b.at);
	let out = '', at = 0;
	for (const e of events) {
		if (e.at < at) {
			// A mark that starts or ends inside a region already rendered: keep the tag so marks stay balanced.
			if (e.skipTo === undefined) out += e.html;
			continue;
		}
		out += escapeHtml(text.slice(at, e.at)) + e.html;
		at = e.skipTo ?? e.at;
	}
	return `<pre class="dc-latex">${out}${escapeHtml(text.slice(at))}</pre>`;
}

/** Renders Markdown through markdown-it with placeholders for math and for marks outside math. */
function renderMarkdown(text: string, regions: readonly MathRegion[], marks: readonly DocumentMark[], o: DocumentRenderOptions): string {
	const { perRegion, outside } = assign(text, regions, marks);
	const word = (kind: string, i: number): string => `DC${o.nonce}${kind}${i}X`;
	const events: { at: number; text: string; skipTo?: number }[] = [];
	regions.forEach((r, i) => events.push({ at: r.outer.start, text: word('M', i), skipTo: r.outer.end }));
	outside.forEach((m, i) => {
		events.push({ at: m.span.start, text: word('O', i) });
		events.push({ at: m.span.end, text: word('C', i) });
	});
	events.sort((a, b) => a.at - b.at);
	let source = '', at = 0;
	for (const e of events) {
		if (e.at < at) continue;
		source += text.slice(at, e.at) + e.text;
		at = e.skipTo ?? e.at;
	}
	source += text.slice(at);
	const html = o.md.render(source);
	const opened = new Set<number>();
	return replaceInText(html, new RegExp(`DC${o.nonce}([MOC])(\\d+)X`, 'g'), (m) => {
		const i = Number(m[2]);
		if (m[1] === 'M') return regions[i] ? renderRegion(text, regions[i], perRegion[i], o) : '';
		if (m[1] === 'O') {
			opened.add(i);
			return openMark(outside[i].attrs);
		}
		return opened.delete(i) ? '</mark>' : '';
	}) + [...opened].map(() => '</mark>').join('');
}

/**
 * Renders a document's body: `renderDocument('$1+1=3$', 'markdown', [{ span: { start: 5, end: 6 },
 * attrs: { class: 'dc-error' } }], o)` is a paragraph with the KaTeX math and the `3` marked.
 */
export function renderDocument(text: string, language: DocumentLanguage, marks: readonly DocumentMark[], o: DocumentRenderOptions): string {
	const { regions } = scanDocument(text, language);
	return language === 'latex' ? renderLatex(text, regions, marks, o) : renderMarkdown(text, regions, marks, o);
}
