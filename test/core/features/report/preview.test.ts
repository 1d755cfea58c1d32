/**
 * The Markdown preview's plugin on a markdown-it instance like VS Code's, with given diagnostics:
 * the fixture's diagnostics each marked once inside KaTeX's math and nothing else marked; a
 * re-render of the same tokens with new diagnostics shows the new marks (VS Code caches tokens);
 * hostile text escaped; a document without math unchanged.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import MarkdownIt from 'markdown-it';
import { createLanguageService, LineIndex } from '../../../../src/core/index';
import { derivcheckPreview, type PreviewDiagnostic } from '../../../../src/core/features/report/preview';

const markRe = /<mark class="dc-([a-z]+)" data-code="([a-z]+)" data-line="(\d+)" title="[^"<]*">/g;

function plugin(diagnostics: () => readonly PreviewDiagnostic[]): MarkdownIt {
	return derivcheckPreview(new MarkdownIt({ html: false }), (env) => {
		assert.deepStrictEqual(env, { currentDocument: 'file:///notes.md' });
		return diagnostics();
	});
}

suite('markdown preview plugin', () => {
	test('marks each diagnostic of the fixture once, inside the rendered math', async () => {
		const text = readFileSync(join(__dirname, '../../../../examples/cnn-1d-mistakes.md'), 'utf8');
		const report = await createLanguageService().check({ uri: 'file:///notes.md', languageId: 'markdown', version: 1, text });
		assert.ok(report && report.diagnostics.length > 0);
		const index = new LineIndex(text);
		const given: PreviewDiagnostic[] = report.diagnostics.map((d) => {
			const r = index.rangeOf(d.span);
			return { start: r.start, end: r.end, severity: d.severity, code: d.code, message: d.message };
		});
		const html = plugin(() => given).render(text, { currentDocument: 'file:///notes.md' });
		const found = [...html.matchAll(markRe)].map((m) => `${m[2]}@${m[3]}:${m[1]}`).sort();
		assert.deepStrictEqual(found, given.map((d) => `${d.code}@${d.start.line + 1}:${d.severity}`).sort());
		assert.strictEqual((html.match(/<mark/g) ?? []).length, given.length, 'nothing else is marked');
		assert.ok(html.includes('class="katex"'));
		assert.doesNotMatch(html, /\$\$/, 'no math left for another plugin');
	});

	test('renders the same tokens again with the diagnostics of the moment', () => {
		let current: PreviewDiagnostic[] = [];
		const md = plugin(() => current);
		const env = { currentDocument: 'file:///notes.md' };
		const tokens = md.parse('Sum: $0.3 + 0.4 = 0.8$\n', env);
		assert.doesNotMatch(md.renderer.render(tokens, md.options, env), /<mark/);
		current = [{ start: { line: 0, character: 18 }, end: { line: 0, character: 21 }, severity: 'error', code: 'arithmetic', message: '0.3 + 0.4 is 0.7 <b>' }];
		const html = md.renderer.render(tokens, md.options, env);
		assert.match(html, /<mark class="dc-error" data-code="arithmetic" data-line="1" title="0.3 \+ 0.4 is 0.7 &lt;b&gt;"><span class="mord">0.8<\/span><\/mark>/);
	});

	test('escapes hostile text and keeps a document without math as markdown-it renders it', () => {
		const md = plugin(() => []);
		const env = { currentDocument: 'file:///notes.md' };
		const html = md.render('<script>x</script> [a](javascript:alert(1)) $\\href{javascript:alert(1)}{y}$ $\\text{<img onerror=1>}$', env);
		assert.doesNotMatch(html, /<script|<img|href="javascript/);
		assert.strictEqual(md.render('# Title\n\nText *here*.\n', env), new MarkdownIt({ html: false }).render('# Title\n\nText *here*.\n'));
	});
});
