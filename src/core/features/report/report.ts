/**
 * The standalone HTML report (`derivcheck --format html`): one page with a summary table of every
 * finding at the top, each row linking to its mark, then each document rendered (document.ts) with
 * a `<mark class="dc-<severity>" data-code="<code>" data-line="<1-based line>" title="…">` on the
 * number each diagnostic is about, so other tools can read the marks. Pure: the caller supplies
 * KaTeX's CSS (fonts embedded as data URIs) or none, in which case the math is KaTeX's MathML
 * alone, which browsers draw with their own fonts. A strict Content-Security-Policy in the page
 * forbids every script and every fetch, so even a mistake in escaping could not run or load
 * anything.
 */
import MarkdownIt from 'markdown-it';
import type { Diagnostic } from '../../check/diagnostic';
import type { DocumentLanguage } from '../../scan/index';
import { LineIndex } from '../../text/lineIndex';
import { renderDocument, type DocumentMark } from './document';
import { escapeHtml } from './html';
import { message } from '../../messages/message';
import type { Locale } from '../../messages/locale';

export interface ReportFile {
	/** The path as the user gave it. */
	readonly path: string;
	readonly text: string;
	readonly language: DocumentLanguage;
	readonly diagnostics: readonly Diagnostic[];
}

export interface ReportOptions {
	/** KaTeX's stylesheet with its fonts inlined; absent, the math is rendered as MathML only. */
	readonly katexCss?: string;
	/** Letters and digits, random per run (see math.ts); tests pass their own. */
	readonly nonce?: string;
	/** The language of the page's own words (title, table, marks' titles); English when absent. */
	readonly locale?: Locale;
}

/** A random nonce of 16 hex digits, from the platform's cryptographic generator (`Math.random` where there is none). */
export function randomNonce(): string {
	const bytes = new Uint8Array(8);
	if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
	else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
	return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The attributes of a diagnostic's mark: `markAttrs(d, 3, 'dc-0-1')` has `data-line="3"`. */
export function markAttrs(d: Diagnostic, line: number, id?: string, locale?: Locale): Record<string, string> {
	const truth = d.expected !== undefined ? message('report.truth', { value: d.expected }, locale) : '';
	return { ...(id ? { id } : {}), class: `dc-${d.severity}`, 'data-code': d.code, 'data-line': String(line), title: d.message + truth };
}

const style = `
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1f2328; }
table.dc-summary { border-collapse: collapse; width: 100%; font-size: 13px; }
.dc-summary th, .dc-summary td { border: 1px solid #d0d7de; padding: 2px 6px; text-align: left; vertical-align: top; }
mark { background: none; color: inherit; border-radius: 2px; }
mark.dc-error { background: #ffd7d5; box-shadow: 0 2px 0 #cf222e; }
mark.dc-warning { background: #fff1c2; box-shadow: 0 2px 0 #bf8700; }
mark.dc-information { background: #ddf4ff; box-shadow: 0 2px 0 #0969da; }
mark.dc-hint { background: #eaeef2; box-shadow: 0 1px 0 #8c959f; }
pre.dc-latex { white-space: pre-wrap; }
.dc-display-math { display: block; overflow-x: auto; }
code.dc-math-source { color: #cf222e; }
`;

/** The summary table: file, line, code, severity, message, stated → expected, each row a link to its mark. */
function summary(rows: readonly { file: ReportFile; d: Diagnostic; line: number; id: string }[], locale?: Locale): string {
	if (rows.length === 0) return `<p class="dc-clean">${escapeHtml(message('report.clean', {}, locale))}</p>`;
	const body = rows.map(({ file, d, line, id }) => {
		const change = d.stated !== undefined ? `${d.stated} → ${d.expected ?? '?'}` : '';
		return `<tr><td>${escapeHtml(file.path)}</td><td><a href="#${id}">${line}</a></td><td>${escapeHtml(d.code)}</td>` +
			`<td>${escapeHtml(d.severity)}</td><td>${escapeHtml(d.message)}</td><td>${escapeHtml(change)}</td></tr>`;
	}).join('\n');
	const heads = (['report.file', 'report.line', 'report.code', 'report.severity', 'report.message', 'report.change'] as const).map((h) => `<th>${escapeHtml(message(h, {}, locale))}</th>`).join('');
	return `<table class="dc-summary"><thead><tr>${heads}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/** Renders the report of the given files as one standalone HTML page. */
export function renderReport(files: readonly ReportFile[], options: ReportOptions = {}): string {
	const nonce = options.nonce ?? randomNonce();
	const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
	const rows: { file: ReportFile; d: Diagnostic; line: number; id: string }[] = [];
	const sections = files.map((file, f) => {
		const index = new LineIndex(file.text);
		const marks: DocumentMark[] = file.diagnostics.map((d, i) => {
			const line = index.rangeOf(d.span).start.line + 1;
			const id = `dc-${f}-${i}`;
			rows.push({ file, d, line, id });
			return { span: d.span, attrs: markAttrs(d, line, id, options.locale) };
		});
		const body = renderDocument(file.text, file.language, marks, { nonce, md, output: options.katexCss ? 'htmlAndMathml' : 'mathml' });
		return `<section class="dc-file"><h2>${escapeHtml(file.path)}</h2>\n${body}</section>`;
	});
	const csp = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";
	return `<!DOCTYPE html>
<html lang="${options.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(message('report.title', {}, options.locale))}</title>
<style>${(options.katexCss ?? '').replace(/<\//g, '<\\/')}</style>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(message('report.title', {}, options.locale))}</h1>
${summary(rows, options.locale)}
${sections.join('\n')}
</body>
</html>
`;
}
