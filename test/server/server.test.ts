/**
 * The LSP server with a fake core, in-process over in-memory pipes: capabilities, diagnostics
 * after open and change (incremental sync, open at once, edits debounced by the last check's time,
 * stale versions dropped), hover, code actions, settings, and
 * a core that throws, and a shutdown after which nothing is sent. The protocol is what is under
 * test, so the fake finds `0.191` wherever it is.
 */
import * as assert from 'assert';
import { DiagnosticSeverity, type CodeAction, type Hover, type MarkupContent, type TextEdit } from 'vscode-languageserver/node';
import { CHANGE_DEBOUNCE_MS, changeDebounce } from '../../src/server/diagnostics';
import { fixAllKind, insertNetworkBlockKind, fixAllRequest } from '../../src/server/protocol';
import type { DiagnosticData } from '../../src/server/convert';
import { createFakeService, type FakeService } from './fakeService';
import { startHarness, type Harness } from './harness';

const uri = 'file:///notes.md';
const text = 'A line of prose.\n$$0.1 - 0.7 \\times (-0.177) \\times 0.558 = 0.191$$\n';
const wrongAt = { line: 1, character: text.split('\n')[1].indexOf('0.191') };

suite('language server', () => {
	let h: Harness;
	let fake: FakeService;
	// Every session ends with a shutdown after which the server sends nothing more.
	teardown(async () => {
		if (h) assert.deepStrictEqual(await h.close(), [], 'messages sent after shutdown');
	});

	async function start(options: Parameters<typeof createFakeService>[0] = {}, configuration: unknown = {}): Promise<void> {
		fake = createFakeService(options);
		h = await startHarness(() => fake, { configuration });
	}

	test('announces incremental sync, hover and code actions of every kind it offers', async () => {
		await start();
		const caps = h.initializeResult.capabilities;
		assert.deepStrictEqual(caps.textDocumentSync, { openClose: true, change: 2 });
		assert.strictEqual(caps.hoverProvider, true);
		assert.deepStrictEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', fixAllKind, insertNetworkBlockKind] });
	});

	test('publishes the diagnostic on the wrong number after a document opens', async () => {
		await start();
		const published = h.diagnostics(uri);
		const summary = h.summary(uri);
		await h.open(uri, text);
		const { diagnostics, version } = await published;
		assert.strictEqual(version, 1);
		assert.strictEqual(diagnostics.length, 1);
		const d = diagnostics[0];
		assert.deepStrictEqual(d.range, { start: wrongAt, end: { line: 1, character: wrongAt.character + 5 } });
		assert.strictEqual(d.code, 'arithmetic');
		assert.strictEqual(d.source, 'derivcheck');
		assert.strictEqual(d.severity, DiagnosticSeverity.Error);
		const data = d.data as DiagnosticData;
		assert.deepStrictEqual(data.fix, { range: d.range, newText: '0.169' });
		assert.strictEqual(data.stated, '0.191');
		assert.deepStrictEqual(await summary, { uri, version: 1, checked: 2, wrong: 1, unchecked: 1, uncheckedNames: ['x_1'], suppressed: 0 });
	});

	test('points an inherited value to the origin of its error', async () => {
		await start({ inherited: '0.558' });
		const published = h.diagnostics(uri);
		await h.open(uri, text);
		const hint = (await published).diagnostics.find((d) => d.code === 'inherited');
		assert.ok(hint);
		assert.strictEqual(hint.severity, DiagnosticSeverity.Hint);
		assert.deepStrictEqual(hint.relatedInformation?.map((r) => [r.location.uri, r.location.range.start]), [[uri, wrongAt], [uri, wrongAt]]);
	});

	test('checks only the newest version when edits come quickly', async () => {
		await start({ checkDelayMs: 40 });
		await h.open(uri, 'nothing wrong');
		const published = h.diagnostics(uri, (p) => p.diagnostics.length > 0);
		await h.change(uri, text.replace('0.191', '0.1911'), 2);
		await h.change(uri, text, 3);
		const p = await published;
		assert.strictEqual(p.version, 3);
		assert.ok(!fake.checks.some((c) => c.version === 2 && !c.cancelled), 'version 2 was never checked to the end');
	});

	test('applies incremental changes in order and checks the text they make', async () => {
		await start();
		const first = h.diagnostics(uri);
		await h.open(uri, text);
		await first;
		const moved = h.diagnostics(uri, (p) => p.version === 3);
		// Insert a line before the math, then replace `0.1 -` by `0.2 -` in what is now line 2.
		await h.edit(uri, [
			{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'New line.\n' },
			{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 5 } }, text: '0.2' },
		], 3);
		const p = await moved;
		const expected = `New line.\n${text.replace('0.1 -', '0.2 -')}`;
		assert.strictEqual(fake.checks.at(-1)?.text, expected);
		assert.deepStrictEqual(p.diagnostics.map((d) => d.range.start), [{ line: 2, character: wrongAt.character }]);
	});

	test('checks an opened document at once and an edit after a debounce as long as the last check', async () => {
		await start();
		const sent = Date.now();
		const first = h.diagnostics(uri);
		await h.open(uri, text);
		await first;
		assert.ok(fake.checks[0].startedAt - sent < CHANGE_DEBOUNCE_MS, `the open waited ${fake.checks[0].startedAt - sent} ms`);
		// The fake's check takes no time, so the edit after it is not held back by the longest debounce.
		const edited = Date.now();
		const second = h.diagnostics(uri, (p) => p.version === 2);
		await h.change(uri, text.replace('0.191', '0.192'), 2);
		await second;
		const check = fake.checks.find((c) => c.version === 2);
		assert.ok(check && check.startedAt - edited < CHANGE_DEBOUNCE_MS, `the edit waited ${check && check.startedAt - edited} ms`);
	});

	test('clears the diagnostics of a closed document', async () => {
		await start();
		const first = h.diagnostics(uri);
		await h.open(uri, text);
		await first;
		const cleared = h.diagnostics(uri);
		await h.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
		assert.deepStrictEqual((await cleared).diagnostics, []);
	});

	test('hovers with Markdown over the number under the cursor', async () => {
		await start();
		await h.open(uri, text);
		const hover: Hover | null = await h.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: wrongAt.character + 2 } });
		assert.ok(hover);
		assert.deepStrictEqual(hover.contents, { kind: 'markdown', value: '**0.169131** — the written result is 0.191.' } satisfies MarkupContent);
		assert.deepStrictEqual(hover.range?.start, wrongAt);
		const none: Hover | null = await h.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
		assert.strictEqual(none, null);
	});

	test('offers a preferred quick fix and a fix-all on the wrong number', async () => {
		await start();
		await h.open(uri, text);
		const range = { start: wrongAt, end: wrongAt };
		const actions: CodeAction[] = await h.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
		assert.deepStrictEqual(actions.map((a) => [a.kind, a.isPreferred ?? false]), [['quickfix', true], [fixAllKind, false]]);
		const edit = actions[0].edit?.changes?.[uri];
		assert.deepStrictEqual(edit, [{ range: { start: wrongAt, end: { line: 1, character: wrongAt.character + 5 } }, newText: '0.169' }]);
		assert.strictEqual(actions[0].diagnostics?.[0].code, 'arithmetic');
	});

	test('answers a request for source.fixAll with the fix-all alone', async () => {
		await start();
		await h.open(uri, text);
		const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
		const actions: CodeAction[] = await h.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
		assert.deepStrictEqual(actions.map((a) => a.kind), [fixAllKind]);
		const edits: TextEdit[] = await h.client.sendRequest(fixAllRequest, { uri });
		assert.deepStrictEqual(edits.map((e) => e.newText), ['0.169']);
	});

	test('pulls the derivcheck settings and re-checks when they change', async () => {
		await start({}, { tolerance: 'strict', enable: { latex: false }, severity: { inherited: 'off', arithmetic: 'loud' } });
		await h.open(uri, text);
		await h.diagnostics(uri);
		assert.deepStrictEqual(fake.settings.at(-1), { enabled: { markdown: true, latex: false }, tolerance: 'strict', severity: { inherited: 'off' }, inferNetwork: true });
		h.configuration = { tolerance: 'loose' };
		const again = h.diagnostics(uri);
		await h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await again;
		assert.strictEqual(fake.settings.at(-1)?.tolerance, 'loose');
	});

	test('survives a core that throws: logs it and answers empty', async () => {
		await start({ throws: true });
		await h.open(uri, text);
		const hover = await h.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: wrongAt });
		const actions = await h.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: wrongAt, end: wrongAt }, context: { diagnostics: [] } });
		assert.strictEqual(hover, null);
		assert.deepStrictEqual(actions, []);
		assert.ok(h.logs.some((l) => l.includes('hover failed') && l.includes('failed on purpose')), h.logs.join('\n'));
	});

	test('cancels a debounced check on shutdown and sends nothing after it', async () => {
		// A check of 60 ms makes the edit after it wait 60 ms, time for the shutdown to cancel it.
		await start({ checkDelayMs: 60 });
		const first = h.diagnostics(uri);
		await h.open(uri, text);
		await first;
		await h.change(uri, text.replace('0.191', '0.192'), 2);
		const session = h;
		h = undefined as unknown as Harness;
		assert.deepStrictEqual(await session.close(), []);
		assert.deepStrictEqual(fake.checks.filter((c) => c.version === 2), [], 'the check of version 2 never ran');
	});

	test('answers empty for a document it was never sent', async () => {
		await start();
		const hover = await h.client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///unknown.md' }, position: { line: 0, character: 0 } });
		assert.strictEqual(hover, null);
	});
});

suite('change debounce', () => {
	test('is as long as the last check took, up to the longest debounce, and nothing before a first check', () => {
		assert.deepStrictEqual([undefined, 0, 3.4, 40, 149, 150, 900, Number.NaN].map(changeDebounce), [0, 0, 3, 40, 149, 150, 150, 0]);
	});
});
