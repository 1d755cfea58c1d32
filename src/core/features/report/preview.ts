/**
 * The Markdown preview's plugin: a markdown-it plugin that renders the document's math with KaTeX
 * and marks the numbers that carry diagnostics, the same way as the HTML report (document.ts).
 *
 * Strategy: VS Code's preview parses a document once (its tokens are cached per version) and
 * renders the tokens again whenever it refreshes, so the plugin splits its work the same way. At
 * parse time a core rule, run right after markdown-it normalises line endings, scans the source
 * with the core's scanner and replaces each math region by a placeholder word carrying a nonce,
 * so neither markdown-it nor VS Code's own math plugin sees the `$`; the regions and the original
 * text ride along in a hidden token. At render time the wrapped `renderer.render` asks for the
 * document's current diagnostics (`diagnosticsFor(env)`, given in lines and characters, as the
 * editor has them), renders each region with its marks, and puts the HTML where the
 * placeholders stand in text (never inside a tag). The preview marks numbers inside math only;
 * a finding on a network block's YAML is shown in the editor, not here.
 */
import type MarkdownIt from 'markdown-it';
import type { Severity } from '../../check/diagnostic';
import { scanDocument, type MathRegion } from '../../scan/index';
import { LineIndex, type Position } from '../../text/lineIndex';
import { assign, renderRegion, type DocumentMark } from './document';
import { escapeHtml, replaceInText } from './html';
import { randomNonce } from './report';

/** A diagnostic as the editor holds it: 0-based lines and characters. */
export interface PreviewDiagnostic {
	readonly start: Position;
	readonly end: Position;
	readonly severity: Severity;
	readonly code: string;
	readonly message: string;
}

interface ParsedMath {
	readonly text: string;
	readonly regions: readonly MathRegion[];
	readonly nonce: string;
}

const TOKEN = 'derivcheck_math';

/** The attributes of a preview mark: `dc-<severity>`, the code, the 1-based line and the message as its tooltip. */
function attrs(d: PreviewDiagnostic): Record<string, string> {
	return { class: `dc-${d.severity}`, 'data-code': d.code, 'data-line': String(d.start.line + 1), title: d.message };
}

/**
 * Adds the plugin to `md`: `derivcheckPreview(md, (env) => diagnosticsOf(env))`, then
 * `md.render('$1+1=3$', env)` has the `3` in a `<mark class="dc-error" …>` when a diagnostic
 * covers it.
 */
export function derivcheckPreview(md: MarkdownIt, diagnosticsFor: (env: unknown) => readonly PreviewDiagnostic[]): MarkdownIt {
	const nonce = randomNonce();
	md.core.ruler.after('normalize', 'derivcheck_math', (state) => {
		const text = state.src;
		let regions: readonly MathRegion[];
		try {
			regions = scanDocument(text, 'markdown').regions;
		} catch {
			// A bug here must cost the preview its marks, never the preview: markdown-it goes on as without the plugin.
			return;
		}
		if (regions.length === 0) return;
		let source = '', at = 0;
		regions.forEach((r, i) => {
			if (r.outer.start < at) return;
			source += text.slice(at, r.outer.start) + `DC${nonce}M${i}X`;
			at = r.outer.end;
		});
		state.src = source + text.slice(at);
		const token = new state.Token(TOKEN, '', 0);
		token.hidden = true;
		token.meta = { text, regions, nonce } satisfies ParsedMath;
		state.tokens.push(token);
	});
	md.renderer.rules[TOKEN] = () => '';
	const render = md.renderer.render.bind(md.renderer);
	md.renderer.render = (tokens, options, env) => {
		const html = render(tokens, options, env);
		const parsed = tokens.find((t) => t.type === TOKEN)?.meta as ParsedMath | undefined;
		if (!parsed) return html;
		let marks: DocumentMark[] = [];
		try {
			const index = new LineIndex(parsed.text);
			marks = diagnosticsFor(env).map((d) => ({ span: { start: index.offsetAt(d.start), end: index.offsetAt(d.end) }, attrs: attrs(d) }));
		} catch {
			// No diagnostics to be had: the math still renders, unmarked.
		}
		const placeholder = new RegExp(`DC${parsed.nonce}M(\\d+)X`, 'g');
		try {
			const { perRegion } = assign(parsed.text, parsed.regions, marks);
			return replaceInText(html, placeholder, (m) => {
				const i = Number(m[1]);
				const r = parsed.regions[i];
				return r ? renderRegion(parsed.text, r, perRegion[i], { nonce: parsed.nonce, output: 'htmlAndMathml' }) : '';
			});
		} catch {
			// A bug in the marks must not cost the reader the math: each region is shown as its escaped source.
			return replaceInText(html, placeholder, (m) => {
				const r = parsed.regions[Number(m[1])];
				return r ? escapeHtml(parsed.text.slice(r.outer.start, r.outer.end)) : '';
			});
		}
	};
	return md;
}
