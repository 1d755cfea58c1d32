/**
 * Suppression comments, as markdownlint and ESLint users write them. Strategy: one pass over the
 * text finds the directives — `<!-- derivcheck-disable-next-line [codes] -->` and friends in
 * Markdown, `% derivcheck-disable-next-line [codes]` in LaTeX — outside math, code fences and
 * inline code, and turns each into spans of the document where the named codes are silent. A
 * finding is suppressed when its start lies in a span for its code. The checkers never see any of
 * this: the language service drops suppressed findings on the way out and counts them apart.
 *
 * - `disable-line` covers the comment's own line, `disable-next-line` the line after it. When that
 *   line opens a block no comment can go inside without breaking it (in Markdown a `$$`, `\[` or
 *   `math` display over several lines, or a `network` fence; in LaTeX a `% network` block), the
 *   directive covers the whole block.
 * - `disable` silences from the comment on, up to an `enable` of the same code or the end.
 * - Codes are separated by spaces or commas; none means every code. An unknown code suppresses
 *   nothing, so a typo never silences more than was asked.
 */
import { DiagnosticCode } from '../check/diagnostic';
import type { DocumentLanguage, ScanResult } from '../scan/region';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/span';

/** The codes a directive may name: every reported code. */
export const suppressibleCodes: readonly DiagnosticCode[] = Object.values(DiagnosticCode).filter((c) => c !== 'unchecked');

type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

/** One directive as written: its kind, the codes it names (all when none were named), and where it is. */
export interface Directive {
	readonly kind: DirectiveKind;
	readonly codes: readonly DiagnosticCode[];
	readonly span: Span;
}

const MARKDOWN = /<!--[ \t]*derivcheck-(disable-next-line|disable-line|disable|enable)(?![\w-])([^]*?)-->/g;
const LATEX = /^%+[ \t]*derivcheck-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*)$/;

/** The codes a directive's text names: `' arithmetic, value'` gives both; `''` gives all; `' nonsense'` none. */
function codesOf(written: string): DiagnosticCode[] {
	const words = written.split(/\s--\s/)[0].split(/[\s,]+/).filter((w) => w.length > 0);
	if (words.length === 0) return [...suppressibleCodes];
	return suppressibleCodes.filter((c) => words.includes(c));
}

/** The spans of fenced code in Markdown (``` or ~~~ fences, closed by a fence of the same kind at least as long). */
function codeFences(text: string): Span[] {
	const fences: Span[] = [];
	const line = /^([ \t]*(?:>[ \t]?)*[ \t]{0,3})(`{3,}|~{3,})[^\n]*$/gm;
	let open: { start: number; marker: string } | undefined;
	for (let m = line.exec(text); m; m = line.exec(text)) {
		const marker = m[2];
		if (!open) open = { start: m.index, marker };
		else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && m[0].slice(m[1].length).trim() === marker) {
			fences.push({ start: open.start, end: m.index + m[0].length });
			open = undefined;
		}
	}
	if (open) fences.push({ start: open.start, end: text.length });
	return fences;
}

function inside(spans: readonly Span[], offset: number): boolean {
	return spans.some((s) => offset >= s.start && offset < s.end);
}

/** True when `offset` sits inside an inline code span of its line (an odd number of backticks before it). */
function inInlineCode(text: string, offset: number): boolean {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	return (text.slice(lineStart, offset).match(/`/g)?.length ?? 0) % 2 === 1;
}

function markdownDirectives(text: string, scan: ScanResult): Directive[] {
	const out: Directive[] = [];
	// Read on every check: the code fences are looked for only when a comment is there to place.
	if (!text.includes('derivcheck-')) return out;
	let skipped: Span[] | undefined;
	for (const m of text.matchAll(MARKDOWN)) {
		const at = m.index ?? 0;
		skipped ??= [...codeFences(text), ...scan.regions.map((r) => r.outer), ...scan.networks.map((n) => n.outer)];
		if (inside(skipped, at) || inInlineCode(text, at)) continue;
		out.push({ kind: m[1] as DirectiveKind, codes: codesOf(m[2]), span: { start: at, end: at + m[0].length } });
	}
	return out;
}

/** The offset of the `%` that starts a comment on the line `[start, end)`, or -1 (`\%` is text). */
function commentStart(text: string, start: number, end: number): number {
	for (let i = start; i < end; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === '%') return i;
	}
	return -1;
}

function latexDirectives(text: string): Directive[] {
	const out: Directive[] = [];
	if (!text.includes('derivcheck-')) return out;
	for (let start = 0; start < text.length;) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
		const at = commentStart(text, start, lineEnd);
		const m = at >= 0 ? LATEX.exec(text.slice(at, lineEnd)) : null;
		if (m) out.push({ kind: m[1] as DirectiveKind, codes: codesOf(m[2]), span: { start: at, end: lineEnd } });
		start = end + 1;
	}
	return out;
}

/** The directives of a document, in document order. */
export function readDirectives(text: string, language: DocumentLanguage, scan: ScanResult): Directive[] {
	return language === 'latex' ? latexDirectives(text) : markdownDirectives(text, scan);
}

/** The blocks a comment cannot go inside, so that a `disable-next-line` before one covers it whole. */
export function closedBlocks(text: string, language: DocumentLanguage, scan: ScanResult): Span[] {
	const networks = scan.networks.map((n) => n.outer);
	if (language === 'latex') return networks;
	const index = new LineIndex(text);
	const multiLine = scan.regions.filter((r) => r.kind !== 'inline' && index.positionAt(r.outer.start).line !== index.positionAt(r.outer.end).line);
	return [...multiLine.map((r) => r.outer), ...networks];
}

/** Where findings are silenced: for each code, the spans in which a finding's start is suppressed. */
export class Suppressions {
	private readonly spans = new Map<DiagnosticCode, Span[]>();

	constructor(text: string, language: DocumentLanguage, scan: ScanResult) {
		const directives = readDirectives(text, language, scan);
		if (directives.length === 0) return;
		const index = new LineIndex(text);
		const lineSpan = (line: number): Span => ({ start: index.offsetAt({ line, character: 0 }), end: index.offsetAt({ line: line + 1, character: 0 }) });
		const blocks = closedBlocks(text, language, scan);
		const openSince = new Map<DiagnosticCode, number>();
		for (const d of directives) {
			if (d.kind === 'disable-line' || d.kind === 'disable-next-line') {
				const line = index.positionAt(d.span.end).line + (d.kind === 'disable-next-line' ? 1 : 0);
				let covered = lineSpan(line);
				const block = d.kind === 'disable-next-line' ? blocks.find((b) => b.start >= covered.start && b.start < covered.end) : undefined;
				if (block) covered = { start: covered.start, end: Math.max(covered.end, lineSpan(index.positionAt(block.end).line).end) };
				for (const c of d.codes) this.add(c, covered);
			} else if (d.kind === 'disable') {
				for (const c of d.codes) if (!openSince.has(c)) openSince.set(c, d.span.end);
			} else {
				for (const c of d.codes) {
					const from = openSince.get(c);
					if (from !== undefined) this.add(c, { start: from, end: d.span.start });
					openSince.delete(c);
				}
			}
		}
		for (const [c, from] of openSince) this.add(c, { start: from, end: text.length + 1 });
	}

	private add(code: DiagnosticCode, s: Span): void {
		const list = this.spans.get(code) ?? [];
		list.push(s);
		this.spans.set(code, list);
	}

	/** True when a finding of `code` that starts at `offset` is suppressed. */
	covers(code: DiagnosticCode, offset: number): boolean {
		return this.spans.get(code)?.some((s) => offset >= s.start && offset < s.end) ?? false;
	}
}
