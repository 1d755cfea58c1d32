/**
 * Renders one math region with KaTeX and marks the numbers that carry diagnostics inside it.
 *
 * Strategy for the marks: KaTeX runs with `trust` as a function, never `true`. Before rendering,
 * each marked span of the source is wrapped as `{\htmlClass{NONCE-i}{…}}`, where NONCE is random
 * per render (the caller's, from `crypto.getRandomValues`), and the trust function allows exactly
 * `\htmlClass` with a class `NONCE-<digits>` and nothing else: a document cannot know the nonce, so
 * its own `\htmlClass`, `\href`, `\url` and `\includegraphics` stay untrusted and render as KaTeX's
 * error-coloured text. After rendering, the one span KaTeX made for each class
 * (`<span class="enclosing NONCE-i">`) becomes our `<mark>`, its closing tag found by counting
 * `<span`/`</span>` (KaTeX escapes `<` in text and attributes, and puts only SVG, never spans,
 * inside its SVG, so the count is exact). The TeX annotation in the MathML is replaced by the
 * escaped original source, so the nonce never shows. So nothing of the document can become a mark,
 * and every attribute of a mark is written, escaped, by this file.
 *
 * Bounds: `maxSize` and `maxExpand` keep `\rule` and macros small; a region longer than
 * MAX_RENDER_MATH_CHARS or nesting braces deeper than MAX_RENDER_BRACE_DEPTH is not given to KaTeX
 * (its parser recurses per group) and is shown as escaped source, as is anything KaTeX throws. A
 * span KaTeX cannot take wrapped (a parse error once wrapped, or a span that overlaps another) is
 * still marked once: the region renders without it and the mark follows the region.
 */
import katex from 'katex';
import { MAX_RENDER_BRACE_DEPTH, MAX_RENDER_MATH_CHARS } from '../../budgets';
import { escapeHtml } from './html';

/** A mark to place: a span relative to the math source, and the mark's attributes as plain strings (escaped here). */
export interface MathMark {
	readonly start: number;
	readonly end: number;
	readonly attrs: Readonly<Record<string, string>>;
	/** The text shown when the mark cannot go inside the math (the number as written). */
	readonly text: string;
}

export interface MathRenderOptions {
	readonly displayMode: boolean;
	/** Letters and digits only, random per render; see the file comment. */
	readonly nonce: string;
	/** `html` (with MathML for screen readers) needs KaTeX's CSS and fonts; `mathml` needs neither. */
	readonly output: 'htmlAndMathml' | 'mathml';
}

/** Opens a mark with its attributes: `openMark({ class: 'dc-error' })` is `<mark class="dc-error">`. */
export function openMark(attrs: Readonly<Record<string, string>>): string {
	const names = Object.keys(attrs).filter((k) => /^[a-z][a-z-]*$/.test(k));
	return `<mark${names.map((k) => ` ${k}="${escapeHtml(attrs[k])}"`).join('')}>`;
}

/** The deepest nesting of `{` in `s`, counting escaped braces as text: `braceDepth('{a{b}}')` is 2. */
export function braceDepth(s: string): number {
	let depth = 0, max = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (c === '\\') i++;
		else if (c === '{') max = Math.max(max, ++depth);
		else if (c === '}') depth = Math.max(0, depth - 1);
	}
	return max;
}

function katexOptions(o: MathRenderOptions, throwOnError: boolean): katex.KatexOptions {
	const allowed = new RegExp(`^${o.nonce}-\\d+$`);
	return {
		displayMode: o.displayMode,
		output: o.output,
		throwOnError,
		trust: (context) => context.command === '\\htmlClass' && allowed.test(context.class),
		maxSize: 20,
		maxExpand: 1000,
		strict: 'ignore',
		globalGroup: false,
	};
}

/** Keeps the marks that nest or stand apart (an overlapping one is returned as rejected). */
function nestable(marks: readonly MathMark[]): { inside: MathMark[]; outside: MathMark[] } {
	const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
	const inside: MathMark[] = [], outside: MathMark[] = [], open: MathMark[] = [];
	for (const m of sorted) {
		while (open.length > 0 && open[open.length - 1].end <= m.start) open.pop();
		const parent = open[open.length - 1];
		if (m.start >= m.end || (parent && m.end > parent.end)) outside.push(m);
		else {
			inside.push(m);
			open.push(m);
		}
	}
	return { inside, outside };
}

/** Wraps each mark's span as `{\htmlClass{NONCE-i}{…}}`, `i` its index in `marks`. */
function wrap(source: string, marks: readonly MathMark[], nonce: string): string {
	const events: { at: number; text: string; order: number }[] = [];
	marks.forEach((m, i) => {
		events.push({ at: m.start, text: `{\\htmlClass{${nonce}-${i}}{`, order: 1000000 - (m.end - m.start) });
		events.push({ at: m.end, text: '}}', order: -1000000 + (m.end - m.start) });
	});
	events.sort((a, b) => a.at - b.at || a.order - b.order);
	let out = '', last = 0;
	for (const e of events) {
		out += source.slice(last, e.at) + e.text;
		last = e.at;
	}
	return out + source.slice(last);
}

/** Turns KaTeX's span for each nonce class into that mark, closing it where the span closes. */
function toMarks(html: string, marks: readonly MathMark[], nonce: string): { html: string; placed: Set<number> } {
	const placed = new Set<number>();
	const open = new RegExp(`<span class="enclosing ${nonce}-(\\d+)(?: [a-z0-9 -]*)?">`, 'g');
	let out = html;
	for (let m = open.exec(out); m; m = open.exec(out)) {
		const i = Number(m[1]);
		const mark = marks[i];
		let depth = 1, at = m.index + m[0].length, close = -1;
		const tags = /<span\b|<\/span>/g;
		tags.lastIndex = at;
		for (let t = tags.exec(out); t; t = tags.exec(out)) {
			depth += t[0] === '</span>' ? -1 : 1;
			if (depth === 0) {
				close = t.index;
				break;
			}
		}
		if (!mark || placed.has(i) || close < 0) continue;
		placed.add(i);
		const opening = openMark(mark.attrs);
		out = out.slice(0, m.index) + opening + out.slice(at, close) + '</mark>' + out.slice(close + '</span>'.length);
		at = m.index + opening.length;
		open.lastIndex = at;
	}
	return { html: out, placed };
}

/** The escaped source, as shown when KaTeX is not given a region. */
function asSource(source: string, displayMode: boolean): string {
	return `<code class="dc-math-source${displayMode ? ' dc-display' : ''}">${escapeHtml(source)}</code>`;
}

/**
 * Renders `source` with KaTeX and places `marks` (spans relative to `source`): every mark appears
 * exactly once, inside the math where KaTeX can take it, else right after the region.
 * `renderMath('1+1=3', [{ start: 4, end: 5, attrs: { class: 'dc-error' }, text: '3' }], o)` has
 * `<mark class="dc-error">` around KaTeX's `3`.
 */
export function renderMath(source: string, marks: readonly MathMark[], o: MathRenderOptions): string {
	const after = (rest: readonly MathMark[]): string =>
		rest.map((m) => ` ${openMark(m.attrs)}${escapeHtml(m.text)}</mark>`).join('');
	if (source.length > MAX_RENDER_MATH_CHARS || braceDepth(source) > MAX_RENDER_BRACE_DEPTH) return asSource(source, o.displayMode) + after(marks);
	const { inside, outside } = nestable(marks);
	const annotation = /<annotation encoding="application\/x-tex">[^<]*<\/annotation>/;
	const original = `<annotation encoding="application/x-tex">${escapeHtml(source)}</annotation>`;
	try {
		if (inside.length > 0) {
			try {
				const html = katex.renderToString(wrap(source, inside, o.nonce), katexOptions(o, true));
				const { html: marked, placed } = toMarks(html, inside, o.nonce);
				const missed = inside.filter((_, i) => !placed.has(i));
				return marked.replace(annotation, () => original) + after([...missed, ...outside]);
			} catch {
				// The wrapped source does not parse (or the source itself does not): render it plain below.
			}
		}
		const html = katex.renderToString(source, katexOptions(o, false));
		return html.replace(annotation, () => original) + after([...inside, ...outside]);
	} catch {
		return asSource(source, o.displayMode) + after(marks);
	}
}
