/**
 * The server speaks the editor's display language (`InitializeParams.locale`) over the real core:
 * with `zh-cn` the diagnostics, their related information, the code-action titles, the hovers and
 * the reasons a request refuses are Chinese, and stay so when the settings change; without a locale, with `en` and with a language the
 * tables do not hold (`zh-tw`, `de`) they are English.
 */
import * as assert from 'assert';
import { createLanguageService } from '../../src/core/index';
import type { Diagnostic, Hover } from 'vscode-languageserver/node';
import { startHarness, type Harness } from './harness';

const uri = 'file:///notes/sum.md';
const text = '$$a = 0.5$$\n\n$$b = 2 a = 2 \\cdot 0.6 = 1.2$$\n\n$$0.3 + 0.4 = 0.8$$\n';
const han = /[\u4e00-\u9fff]/;

/** The hover's Markdown on the stated result of the wrong sum (`0.8`, on the last line). */
async function hoverOnWrongSum(h: Harness): Promise<string> {
	const line = text.split('\n').findIndex((l) => l.includes('0.8'));
	const hover: Hover | null = await h.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf('0.8') + 1 } });
	return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

async function session(h: Harness): Promise<{ diagnostics: Diagnostic[]; titles: string[] }> {
	const published = h.diagnostics(uri);
	await h.open(uri, text);
	const { diagnostics } = await published;
	const wrongSum = diagnostics.find((d) => d.code === 'arithmetic')!;
	const actions: { title: string }[] = await h.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: wrongSum.range, context: { diagnostics: [wrongSum] } });
	return { diagnostics, titles: actions.map((a) => a.title) };
}

suite('language server: the display language', () => {
	let h: Harness | undefined;
	teardown(async () => {
		if (h) assert.deepStrictEqual(await h.close(), [], 'messages sent after shutdown');
		h = undefined;
	});

	test('with zh-cn, diagnostics, related information and code-action titles are Chinese', async () => {
		h = await startHarness(createLanguageService, { locale: 'zh-cn' });
		const { diagnostics, titles } = await session(h);
		assert.deepStrictEqual(diagnostics.map((d) => d.code).sort(), ['arithmetic', 'substitution']);
		for (const d of diagnostics) assert.match(d.message, han, d.message);
		assert.match(diagnostics.find((d) => d.code === 'arithmetic')!.message, /^0\.3 \+ 0\.4 算出来是 0\.7/);
		const related = diagnostics.find((d) => d.code === 'substitution')!.relatedInformation ?? [];
		assert.ok(related.length > 0 && related.every((r) => han.test(r.message)), JSON.stringify(related));
		assert.ok(titles.includes('把 0.8 改为 0.7'), titles.join('; '));
		assert.ok(titles.includes('在这一行忽略这个问题（arithmetic）'), titles.join('; '));
		assert.match(await hoverOnWrongSum(h), /^✗ \*\*0\.8\*\* 不成立：`0\.3 \+ 0\.4` 等于 \*\*0\.7\*\*。/);
	});

	test('with zh-cn, the messages stay Chinese after the settings change', async () => {
		h = await startHarness(createLanguageService, { locale: 'zh-CN' });
		await session(h);
		h.configuration = { tolerance: 'strict' };
		const again = h.diagnostics(uri);
		await h.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
		const { diagnostics } = await again;
		assert.ok(diagnostics.length > 0);
		for (const d of diagnostics) assert.match(d.message, han, d.message);
	});

	test('with zh-cn, the requests that refuse say why in Chinese: a closed document, options that are wrong', async () => {
		h = await startHarness(createLanguageService, { locale: 'zh-cn' });
		const closed = { uri: 'file:///notes/closed.md' };
		assert.deepStrictEqual(await h.client.sendRequest('derivcheck/generate', closed), { kind: 'refused', reason: '文档没有打开。' });
		assert.deepStrictEqual(await h.client.sendRequest('derivcheck/networkBlock', closed), { kind: 'none', reason: '文档没有打开。' });
		await h.open(uri, text);
		const wrong: { kind: string; reason: string } = await h.client.sendRequest('derivcheck/generate', { uri, digits: 40 });
		assert.strictEqual(wrong.kind, 'refused');
		assert.match(wrong.reason, han, wrong.reason);
	});

	for (const locale of [undefined, 'en', 'en-GB', 'zh-tw', 'de']) {
		test(`with ${locale ?? 'no locale'}, everything is English`, async () => {
			h = await startHarness(createLanguageService, locale ? { locale } : {});
			const { diagnostics, titles } = await session(h);
			for (const d of diagnostics) assert.doesNotMatch(d.message, han, d.message);
			assert.match(diagnostics.find((d) => d.code === 'arithmetic')!.message, /^0\.3 \+ 0\.4 is 0\.7/);
			assert.ok(titles.includes('Replace 0.8 with 0.7'), titles.join('; '));
			assert.match(await hoverOnWrongSum(h), /^✗ \*\*0\.8\*\* does not hold: `0\.3 \+ 0\.4` is \*\*0\.7\*\*\./);
		});
	}
});
