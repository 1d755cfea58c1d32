/**
 * The language service facade with in-memory documents: checks, hovers at a `$0` cursor mark,
 * code actions, fix-all, settings and cancellation.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { createLanguageService, defaultSettings, type DocumentInput } from '../../../src/core/index';

function doc(text: string, uri = 'file:///notes.md', version = 1): DocumentInput {
	return { uri, languageId: uri.endsWith('.tex') ? 'latex' : 'markdown', version, text };
}

/** Splits the cursor mark `‸` out of a fixture (`$0` would clash with TeX's dollars): the text and the offset. */
function cursor(input: string): { text: string; offset: number } {
	const offset = input.indexOf('‸');
	assert.ok(offset >= 0, 'the fixture has a ‸ cursor');
	return { text: input.slice(0, offset) + input.slice(offset + 1), offset };
}

function apply(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
	let out = text;
	for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
	return out;
}

const wrong = '$$0.1 - 0.7 \\times (-0.177) \\times 0.558 = 0.191$$\n\n$$\\frac{2.160}{2.625} = 0.813$$\n\n$$0.5 \\times 0.349 \\times 0.034 = 0.006$$\n';

suite('language service', () => {
	test('checks a document and summarises it', async () => {
		const ls = createLanguageService();
		const report = await ls.check(doc(wrong));
		assert.ok(report);
		assert.deepStrictEqual(report.diagnostics.map((d) => [d.code, d.severity, d.stated, d.expected]), [
			['arithmetic', 'error', '0.191', '0.169'],
			['arithmetic', 'error', '0.813', '0.823'],
		]);
		assert.deepStrictEqual({ ...report.summary, uncheckedNames: [...report.summary.uncheckedNames] }, { checked: 3, wrong: 2, unchecked: 0, uncheckedNames: [], suppressed: 0 });
	});

	test('hovers on a stated result with the computed value and the verdict', async () => {
		const ls = createLanguageService();
		const { text, offset } = cursor('$$0.1 - 0.7 \\times (-0.177) \\times 0.558 = 0.1‸91$$');
		const hover = await ls.hover(doc(text), offset);
		assert.ok(hover);
		assert.strictEqual(text.slice(hover.span.start, hover.span.end), '0.191');
		assert.match(hover.markdown, /0\.169136/);
		assert.match(hover.markdown, /\[0\.1905, 0\.1915\]/);
		assert.match(hover.markdown, /does not hold/);
	});

	test('hovers on an input number with the interval it stands for', async () => {
		const ls = createLanguageService();
		const { text, offset } = cursor('$$0.1 - 0.7 \\times (-0.1‸77) \\times 0.558 = 0.169$$');
		const hover = await ls.hover(doc(text), offset);
		assert.ok(hover);
		assert.strictEqual(text.slice(hover.span.start, hover.span.end), '0.177');
		assert.match(hover.markdown, /\[0\.1765, 0\.1775\]/);
	});

	test('hovers on a name with the values the document stated for it', async () => {
		const ls = createLanguageService();
		const { text, offset } = cursor('$$out_{C1} = \\sigma(0.233) = 0.558$$\n\n$$g = 2 \\cdot o‸ut_{C1} = 2 \\cdot 0.558 = 1.116$$');
		const hover = await ls.hover(doc(text), offset);
		assert.ok(hover);
		assert.match(hover.markdown, /stated 0\.558 on line 1/);
	});

	test('offers the fix for the number under the cursor, and fix-all', async () => {
		const ls = createLanguageService();
		const d = doc(wrong);
		const at = wrong.indexOf('0.191');
		const actions = await ls.codeActions(d, { start: at, end: at });
		assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [
			['Replace 0.191 with 0.169', 'quickfix'],
			['Fix all arithmetic in this file (2)', 'quickfix'],
			['Fix all arithmetic in this file', 'source.fixAll'],
			['Ignore this finding on this line (arithmetic)', 'quickfix'],
		]);
		const fixed = apply(wrong, actions[0].edits);
		assert.strictEqual(fixed, wrong.replace('0.191', '0.169'));
		const all = apply(wrong, await ls.fixAll(d));
		const after = await ls.check(doc(all, d.uri, 2));
		assert.deepStrictEqual(after?.diagnostics, []);
	});

	test('applies severity overrides and per-language switches', async () => {
		const ls = createLanguageService({ ...defaultSettings, severity: { arithmetic: 'warning' } });
		const r1 = await ls.check(doc(wrong));
		assert.deepStrictEqual(r1?.diagnostics.map((d) => d.severity), ['warning', 'warning']);
		ls.updateSettings({ ...defaultSettings, severity: { arithmetic: 'off' } });
		assert.deepStrictEqual((await ls.check(doc(wrong)))?.diagnostics, []);
		ls.updateSettings({ ...defaultSettings, enabled: { markdown: false, latex: true } });
		assert.deepStrictEqual((await ls.check(doc(wrong)))?.diagnostics, []);
	});

	test('checks LaTeX documents', async () => {
		const ls = createLanguageService();
		const r = await ls.check(doc('\\begin{align} 0.3 + 0.4 &= 0.8 \\end{align}', 'file:///notes.tex'));
		assert.deepStrictEqual(r?.diagnostics.map((d) => d.stated), ['0.8']);
	});

	test('answers undefined for a cancelled check', async () => {
		const ls = createLanguageService();
		const big = Array.from({ length: 4000 }, (_, i) => `$$${i} + 1 = ${i + 1}$$`).join('\n\n');
		const r = await ls.check(doc(big), { isCancellationRequested: true });
		assert.strictEqual(r, undefined);
		const ok = await ls.check(doc(big));
		assert.strictEqual(ok?.summary.checked, 4000);
	});

	test('a check never inherits the cancellation of a hover on the same version', async () => {
		const ls = createLanguageService();
		const d = doc(wrong);
		const hoverToken = { isCancellationRequested: false };
		const hover = ls.hover(d, wrong.indexOf('0.191'), hoverToken);
		hoverToken.isCancellationRequested = true;
		const report = await ls.check(d, { isCancellationRequested: false });
		assert.strictEqual(await hover, undefined);
		assert.deepStrictEqual(report?.diagnostics.map((x) => x.stated), ['0.191', '0.813']);
	});

	test('a code action cancelled before the check leaves the check its result', async () => {
		const ls = createLanguageService();
		const d = doc(wrong);
		const actions = ls.codeActions(d, { start: 0, end: 0 }, { isCancellationRequested: true });
		const report = await ls.check(d);
		assert.deepStrictEqual(await actions, []);
		assert.strictEqual(report?.diagnostics.length, 2);
	});

	test('a reused version number with a new text is checked anew', async () => {
		const ls = createLanguageService();
		const first = await ls.check(doc(wrong, 'file:///notes.md', 3));
		const fixedText = wrong.replace('0.191', '0.169');
		const second = await ls.check(doc(fixedText, 'file:///notes.md', 3));
		assert.strictEqual(first?.diagnostics.length, 2);
		assert.deepStrictEqual(second?.diagnostics.map((x) => x.stated), ['0.813']);
	});
	test('fix-all carries each fix forward, and a second fix-all changes nothing', async () => {
		const text = readFileSync(join(__dirname, '../../../examples/cnn-1d-mistakes.md'), 'utf8');
		const ls = createLanguageService();
		const before = await ls.check(doc(text));
		const fixed = apply(text, await ls.fixAll(doc(text)));
		const after = await ls.check(doc(fixed, 'file:///notes.md', 2));
		assert.deepStrictEqual([before?.summary.wrong, after?.summary.wrong], [9, 7]);
		assert.deepStrictEqual(await ls.fixAll(doc(fixed, 'file:///notes.md', 2)), []);
	});

	test('offers "Fix this and recompute what follows" on an origin that later values inherit from', async () => {
		const text = readFileSync(join(__dirname, '../../../examples/cnn-1d-mistakes.md'), 'utf8');
		const ls = createLanguageService();
		const at = text.indexOf('0.813$$');
		const actions = await ls.codeActions(doc(text), { start: at, end: at });
		assert.deepStrictEqual(actions.map((a) => a.title.replace(/\d+ changes/, 'N changes')), [
			'Replace 0.813 with 0.823',
			'Fix this and recompute what follows (N changes)',
			'Fix all arithmetic in this file (2)',
			'Fix all arithmetic in this file',
			'Ignore this finding on this line (arithmetic)',
		]);
		const onward = apply(text, actions[1].edits);
		const report = await ls.check(doc(onward, 'file:///notes.md', 2));
		// Every edit is at or after the origin, so its offset is unchanged.
		assert.deepStrictEqual(report?.diagnostics.filter((d) => d.code === 'inherited' && d.origin?.start === at), [], 'nothing inherits from the fixed 0.813');
	});
	test('a diagnostic carries only a fix the code actions would offer', async () => {
		const ls = createLanguageService();
		const text = '$$10^{8} = 0.5$$\n\n$$0.1 + 0.2 = 0.4$$\n\n$$-0.144 \\times 0 \\times 0.750 = 0$$\n';
		const report = await ls.check(doc(text));
		assert.deepStrictEqual(report?.diagnostics.map((d) => [d.code, d.stated, d.fix?.newText]), [
			['arithmetic', '0.5', undefined],
			['arithmetic', '0.4', '0.3'],
		]);
		const seed = readFileSync(join(__dirname, '../../../test/fixtures/truth/seed-mistakes.md'), 'utf8');
		const values = (await ls.check(doc(seed, 'file:///seed.md')))?.diagnostics.filter((d) => d.code === 'value');
		assert.deepStrictEqual(values?.map((d) => [d.stated, d.fix]), [['0', undefined], ['-0.0300', undefined]], 'the max-pool routing mistakes are in the written steps; the result alone has no consistent fix');
	});
});
