/**
 * The HTML report, rendered from fixtures and from hostile documents and read back with a small tag
 * reader: the renderer escapes `<` everywhere but in its own tags, so every `<` in the output must
 * open a well-formed tag, and the reader sees every element. Each diagnostic is marked exactly once,
 * with its code, line and severity, inside KaTeX's rendered math; nothing else is marked; hostile
 * text (scripts, `javascript:` links, `\href`, huge `\rule`, deep braces, `<img onerror>`) comes
 * out escaped and bounded.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { createLanguageService, LineIndex, type Diagnostic } from '../../../../src/core/index';
import { renderReport, type ReportFile } from '../../../../src/core/features/report/report';
import { renderMath } from '../../../../src/core/features/report/math';

interface Tag {
	readonly name: string;
	readonly closing: boolean;
	readonly attrs: Readonly<Record<string, string>>;
	/** The names of the elements open around this tag, outermost first, with their classes. */
	readonly ancestors: readonly string[];
}

/** Reads every tag of `html`, failing when a `<` does not open a well-formed one. */
function tags(html: string): Tag[] {
	const out: Tag[] = [];
	const stack: string[] = [];
	const voids = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'path', 'line']);
	const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*"[^"<]*")?)*)\s*(\/?)>|<!DOCTYPE html>/y;
	const body = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
	for (let i = body.indexOf('<'); i >= 0; i = body.indexOf('<', i + 1)) {
		re.lastIndex = i;
		const m = re.exec(body);
		assert.ok(m, `a well-formed tag at ${JSON.stringify(body.slice(i, i + 60))}`);
		if (!m[2]) continue;
		const attrs: Record<string, string> = {};
		for (const a of (m[3] ?? '').matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*"([^"]*)")?/g)) attrs[a[1].toLowerCase()] = a[2] ?? '';
		const name = m[2].toLowerCase();
		out.push({ name, closing: m[1] === '/', attrs, ancestors: [...stack] });
		if (m[1] === '/') stack.pop();
		else if (!voids.has(name) && m[4] !== '/') stack.push(`${name}.${(attrs.class ?? '').split(' ').join('.')}`);
	}
	return out;
}

const marks = (html: string): Tag[] => tags(html).filter((t) => t.name === 'mark' && !t.closing);
const service = createLanguageService();

async function reportOf(path: string): Promise<{ html: string; diagnostics: readonly Diagnostic[]; text: string }> {
	const text = readFileSync(join(__dirname, '../../../..', path), 'utf8');
	const language = path.endsWith('.tex') ? 'latex' : 'markdown';
	const report = await service.check({ uri: `file:///${path}`, languageId: language, version: 1, text });
	assert.ok(report);
	const file: ReportFile = { path, text, language, diagnostics: report.diagnostics };
	return { html: renderReport([file], { katexCss: '.katex{}', nonce: 'n0nce' }), diagnostics: report.diagnostics, text };
}

function key(code: string, line: string | number, severity: string): string {
	return `${code}@${line}:${severity}`;
}

suite('html report', () => {
	for (const path of ['test/fixtures/docs/wrong-arithmetic.md', 'test/fixtures/docs/wrong-arithmetic.tex', 'examples/cnn-1d-mistakes.md']) {
		test(`marks every diagnostic of ${path} once, inside the rendered math, and nothing else`, async () => {
			const { html, diagnostics, text } = await reportOf(path);
			assert.ok(diagnostics.length > 0);
			const index = new LineIndex(text);
			const expected = diagnostics.map((d) => key(d.code, index.rangeOf(d.span).start.line + 1, d.severity)).sort();
			const found = marks(html);
			assert.deepStrictEqual(found.map((m) => key(m.attrs['data-code'], m.attrs['data-line'], m.attrs.class.replace(/^dc-/, ''))).sort(), expected);
			for (const m of found) {
				assert.ok(m.ancestors.some((a) => a.startsWith('span.katex-html')), `mark ${m.attrs.id} is inside KaTeX's HTML`);
				assert.ok(m.attrs.title.length > 0);
			}
			const links = tags(html).filter((t) => t.name === 'a' && t.attrs.href?.startsWith('#dc-')).map((t) => t.attrs.href.slice(1));
			assert.deepStrictEqual(links.sort(), found.map((m) => m.attrs.id).sort(), 'the summary links each mark');
			assert.ok(!html.includes('n0nce'), 'the nonce never shows');
		});
	}

	test('marks a number the summary table also lists with stated and expected', async () => {
		const { html } = await reportOf('test/fixtures/docs/wrong-arithmetic.md');
		assert.match(html, /<td>arithmetic<\/td><td>error<\/td><td>[^<]+<\/td><td>[-0-9.]+ → [-0-9.]+<\/td>/);
	});

	test('renders hostile Markdown escaped and bounded, with nothing of its own marked or run', () => {
		const deep = '{'.repeat(10000) + 'x' + '}'.repeat(10000);
		const text = [
			'# <script>alert(1)</script>',
			'',
			'[click](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](javascript:alert(2))',
			'',
			'$\\href{javascript:alert(3)}{x} + \\url{javascript:alert(4)}$ and $\\rule{100000em}{100000em}$',
			'',
			`$$${deep}$$`,
			'',
			'$\\text{<img src=x onerror=alert(5)>} = \\htmlClass{dc-error}{1} + \\htmlData{a=b}{2}$',
			'',
			'```network',
			'input_names: ["<img src=x onerror=alert(6)>", "](command:evil)"]',
			'```',
			'',
			'$\\def\\a{\\a\\a}\\a$ $\\htmlClass{n0nce-0}{7}$',
		].join('\n');
		const html = renderReport([{ path: '<b>x.md</b>', text, language: 'markdown', diagnostics: [] }], { katexCss: '.katex{}', nonce: 'n0nce' });
		const all = tags(html);
		assert.deepStrictEqual(all.filter((t) => ['script', 'img', 'iframe', 'object', 'b'].includes(t.name)), []);
		assert.deepStrictEqual(all.filter((t) => Object.keys(t.attrs).some((a) => a.startsWith('on'))), []);
		assert.deepStrictEqual(all.filter((t) => t.name === 'a' && !(t.attrs.href ?? '').startsWith('#')), []);
		assert.deepStrictEqual(marks(html), []);
		assert.ok(html.includes('&lt;script&gt;'), 'the script is text');
		assert.ok(html.includes('<code class="dc-math-source dc-display">{{{'), 'the deep braces are shown as source');
		for (const m of html.matchAll(/(?:height|width|min-width):([0-9.]+)em/g)) assert.ok(Number(m[1]) <= 25, `a size of ${m[1]}em is bounded`);
		assert.ok(html.length < 200_000, 'the output is bounded');
	});

	test('renders a hostile LaTeX document as escaped text', () => {
		const text = '\\section{<script>x</script>}\n% network\n% input_names: ["<img onerror=1>"]\n\\[\\href{javascript:x}{y} = 1\\]\n';
		const html = renderReport([{ path: 'x.tex', text, language: 'latex', diagnostics: [] }], { nonce: 'n0nce' });
		assert.deepStrictEqual(tags(html).filter((t) => ['script', 'img', 'a'].includes(t.name)), []);
		assert.ok(html.includes('&lt;img onerror=1&gt;'));
	});

	test('marks a number KaTeX cannot take wrapped once, after its region', () => {
		const mark = { start: 3, end: 4, attrs: { class: 'dc-error', 'data-code': 'arithmetic' }, text: '2' };
		const html = renderMath('1 +\\frac 2', [mark], { displayMode: false, nonce: 'n0nce', output: 'mathml' });
		assert.strictEqual(marks(html).length, 1);
	});

	test('marks a network finding in the block', () => {
		const text = '```network\nlayers: [{type: nope}]\n```\n';
		const at = text.indexOf('nope');
		const d: Diagnostic = { code: 'network', severity: 'error', message: 'nope is no layer type.', span: { start: at, end: at + 4 } };
		const html = renderReport([{ path: 'n.md', text, language: 'markdown', diagnostics: [d] }], { nonce: 'n0nce' });
		const found = marks(html);
		assert.strictEqual(found.length, 1);
		assert.strictEqual(found[0].attrs['data-line'], '2');
		assert.match(html, /<mark [^>]*>nope<\/mark>/);
	});
});
