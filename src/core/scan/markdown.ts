/**
 * The Markdown scanner. Strategy: markdown-it parses the block structure only (its inline
 * phase is switched off), which tells us, by line, what is a paragraph, heading or table (scanned
 * for inline math by `inline.ts` over the raw text), what is code or HTML (never scanned), what
 * is a `$$`/`\[` display block or a bare `\begin{align}` environment (`mathBlock.ts`) and what
 * is a `math` or `network` fence. All offsets are then found in the original text through a line
 * table, so CRLF, tabs, surrogate pairs and block-quote prefixes cannot shift them. Inside a block quote, a region that spans
 * lines keeps the `> ` markers of its later lines in `inner`; `MathRegion.prefixes` lists them so
 * the parser can read them as whitespace.
 */
import MarkdownIt from 'markdown-it';
import { scanInline } from './inline';
import { lineOf, lineTable, type LineTable } from './lines';
import { ordered } from './order';
import { MATH_BLOCK, mathBlockPlugin } from './mathBlock';
import type { MathRegion, NetworkBlockRegion, ScanResult, YamlSegment } from './region';
import type { Span } from '../text/span';

type Token = MarkdownIt.Token;

let parser: MarkdownIt | undefined;

function markdownParser(): MarkdownIt {
	if (!parser) {
		parser = new MarkdownIt({ html: true });
		parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
		mathBlockPlugin(parser);
	}
	return parser;
}

/**
 * Finds the math regions and network blocks of a Markdown document.
 * For example `scanMarkdown('Set $x_1 = 0.5$.')` gives one inline region whose inner span is
 * `{ start: 5, end: 14 }`, the text `x_1 = 0.5`.
 */
export function scanMarkdown(text: string): ScanResult {
	const lines = lineTable(text);
	const regions: MathRegion[] = [];
	const networks: NetworkBlockRegion[] = [];
	let tokens: Token[];
	try {
		tokens = markdownParser().parse(text, {});
	} catch {
		return { regions, networks };
	}
	let quoteDepth = 0;
	for (const token of tokens) {
		if (token.type === 'blockquote_open') quoteDepth++;
		else if (token.type === 'blockquote_close') quoteDepth--;
		if (!token.map) continue;
		const [first, end] = token.map;
		const found: MathRegion[] = [];
		if (token.type === 'paragraph_open' || token.type === 'heading_open' || token.type === 'table_open') {
			scanInline(text, lines.starts[first], lines.ends[end - 1], found);
		} else if (token.type === MATH_BLOCK) {
			const block = displayBlock(text, lines, first, end, token.markup);
			if (block) found.push(block);
		} else if (token.type === 'fence') {
			const info = token.info.trim().split(/\s+/)[0];
			if (info === 'math') {
				const fence = fenceParts(text, lines, token);
				found.push({ kind: 'fence', outer: fence.outer, inner: fence.body });
			} else if (info === 'network') {
				networks.push(networkBlock(text, lines, token));
			}
		}
		for (const region of found) regions.push(withPrefixes(text, lines, region, quoteDepth));
	}
	return { regions: ordered(regions), networks };
}

/**
 * The `$$ … $$`, `\[ … \]` or `\begin{align} … \end{align}` region of a display block that fills
 * lines `first` to `end - 1`; an environment is a region of its own kind, read as in LaTeX.
 */
function displayBlock(text: string, lines: LineTable, first: number, end: number, open: string): MathRegion | undefined {
	const environment = /^\\begin\{([A-Za-z]+\*?)\}$/.exec(open)?.[1];
	const close = environment !== undefined ? `\\end{${environment}}` : open === '$$' ? '$$' : '\\]';
	const start = text.indexOf(open, lines.starts[first]);
	const lastEnd = lines.ends[end - 1];
	const closeAt = text.lastIndexOf(close, lastEnd - close.length);
	if (start < 0 || closeAt < start + open.length || closeAt + close.length > lastEnd) return undefined;
	const outer = { start, end: closeAt + close.length };
	const inner = { start: start + open.length, end: closeAt };
	return environment !== undefined ? { kind: 'environment', outer, inner, environment } : { kind: 'display', outer, inner };
}

interface FenceParts {
	readonly outer: Span;
	readonly body: Span;
	readonly bodyLines: readonly number[];
}

/** The spans of a fence: from its opening marker to the end of its closing line, and its body lines. */
function fenceParts(text: string, lines: LineTable, token: Token): FenceParts {
	const [first, end] = token.map ?? [0, 0];
	const markup = token.markup || '```';
	const openAt = Math.max(lines.starts[first], text.indexOf(markup, lines.starts[first]));
	const last = end - 1;
	const closingLine = text.slice(lines.starts[last], lines.ends[last]).replace(/^[\s>]*/, '');
	const closed = last > first && closingLine.startsWith(markup) && closingLine.replace(/\s+$/, '').split('').every(ch => ch === markup[0]);
	const bodyEndLine = closed ? last : end;
	const bodyLines: number[] = [];
	for (let l = first + 1; l < bodyEndLine; l++) bodyLines.push(l);
	const bodyStart = first + 1 < lines.starts.length ? lines.starts[first + 1] : text.length;
	const outerEnd = Math.max(openAt, lines.ends[last]);
	// An empty body sits where the next line starts, or, for a fence left open on the last line, at the
	// end of its opening line: inside the fence either way.
	const bodyEnd = bodyLines.length > 0 ? lines.ends[bodyLines[bodyLines.length - 1]] : Math.min(bodyStart, text.length, outerEnd);
	return {
		outer: { start: openAt, end: outerEnd },
		body: { start: Math.min(bodyStart, bodyEnd), end: bodyEnd },
		bodyLines,
	};
}

/**
 * A `network` fence. At the top level the body is copied as one segment; where markdown-it
 * stripped container prefixes or indentation, each body line becomes a segment of its own.
 */
function networkBlock(text: string, lines: LineTable, token: Token): NetworkBlockRegion {
	const fence = fenceParts(text, lines, token);
	const contentLines = token.content.replace(/\n$/, '').split('\n');
	const raw = fence.bodyLines.map(l => text.slice(lines.starts[l], lines.ends[l]));
	if (raw.every((line, i) => line === contentLines[i])) {
		const yaml = text.slice(fence.body.start, fence.body.end);
		return { yaml, segments: [{ yamlStart: 0, docStart: fence.body.start, length: yaml.length }], outer: fence.outer };
	}
	const segments: YamlSegment[] = [];
	const parts: string[] = [];
	let yamlStart = 0;
	fence.bodyLines.forEach((l, i) => {
		const content = contentLines[i] ?? '';
		const rawLine = raw[i];
		const part = rawLine.endsWith(content) ? content : rawLine.replace(/^[\s>]*/, '');
		segments.push({ yamlStart, docStart: lines.ends[l] - part.length, length: part.length });
		parts.push(part);
		yamlStart += part.length + 1;
	});
	return { yaml: parts.join('\n'), segments, outer: fence.outer };
}

/** Adds the spans of the block-quote markers that open the later lines of a region. */
function withPrefixes(text: string, lines: LineTable, region: MathRegion, quoteDepth: number): MathRegion {
	if (quoteDepth <= 0) return region;
	const prefixes: Span[] = [];
	for (let l = lineOf(lines, region.inner.start) + 1; l < lines.starts.length && lines.starts[l] < region.inner.end; l++) {
		let at = lines.starts[l];
		for (let depth = 0; depth < quoteDepth; depth++) {
			const marker = /^[ ]{0,3}>[ \t]?/.exec(text.slice(at, Math.min(at + 6, region.inner.end)));
			if (!marker) break;
			at += marker[0].length;
		}
		if (at > lines.starts[l]) prefixes.push({ start: lines.starts[l], end: Math.min(at, region.inner.end) });
	}
	return prefixes.length > 0 ? { ...region, prefixes } : region;
}
