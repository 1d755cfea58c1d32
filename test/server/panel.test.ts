/**
 * The server's requests behind the network panel and the HTML export, over the real core: the
 * view of an open document's network (and null for a document without one, or one not open), and
 * the export's standalone page with a mark on each finding.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { createLanguageService } from '../../src/core/index';
import { exportHtmlRequest, networkViewRequest, type ExportHtmlResult, type NetworkViewResult } from '../../src/server/protocol';
import { startHarness, type Harness } from './harness';

const mistakes = readFileSync(join(__dirname, '..', '..', 'examples', 'cnn-1d-mistakes.md'), 'utf8');

suite('network panel and export requests', () => {
	let h: Harness;
	teardown(async () => {
		if (h) assert.deepStrictEqual(await h.close(), [], 'messages sent after shutdown');
	});

	test('answers the view of an open document\'s network, with the element a key names', async () => {
		h = await startHarness(createLanguageService);
		const uri = 'file:///notes/mistakes.md';
		const published = h.diagnostics(uri);
		await h.open(uri, mistakes);
		await published;
		const result: NetworkViewResult | null = await h.client.sendRequest(networkViewRequest, { uri, position: { line: 0, character: 0 }, key: 'outcc1' });
		assert.ok(result?.view);
		assert.strictEqual(result.uri, uri);
		assert.strictEqual(result.version, 1);
		assert.deepStrictEqual(result.view.layers.map((l) => l.name), ['CC', 'PP', 'L3', 'C', 'P', 'o']);
		assert.strictEqual(result.view.highlight, 'L0:out:0');
		const o1 = result.view.layers[5].grids.find((g) => g.role === 'out')!.cells![0];
		assert.deepStrictEqual([o1.stated?.text, o1.stated?.verdict], ['0.813', 'wrong']);
		assert.strictEqual(mistakes.slice(o1.stated!.span.start, o1.stated!.span.end), '0.813');
	});

	test('answers null for a document without a network, or one that is not open', async () => {
		h = await startHarness(createLanguageService);
		const uri = 'file:///notes/plain.md';
		const published = h.diagnostics(uri);
		await h.open(uri, '$$0.3 + 0.4 = 0.8$$\n');
		await published;
		const none: NetworkViewResult | null = await h.client.sendRequest(networkViewRequest, { uri });
		assert.deepStrictEqual(none, { uri, version: 1, view: null });
		assert.strictEqual(await h.client.sendRequest(networkViewRequest, { uri: 'file:///notes/closed.md' }), null);
		assert.strictEqual(await h.client.sendRequest(networkViewRequest, { nonsense: true }), null);
	});

	test('exports an open document as the standalone report, each finding marked', async () => {
		h = await startHarness(createLanguageService);
		const uri = 'file:///notes/plain.md';
		const published = h.diagnostics(uri);
		await h.open(uri, '# Sums <script>alert(1)</script>\n\n$$0.3 + 0.4 = 0.8$$\n\n$$0.1 + 0.2 = 0.3$$\n');
		await published;
		const result: ExportHtmlResult | null = await h.client.sendRequest(exportHtmlRequest, { uri, path: 'plain.md' });
		assert.ok(result);
		assert.match(result.html, /^<!DOCTYPE html>/);
		assert.strictEqual(result.html.match(/<mark /g)?.length, 1);
		assert.match(result.html, /<mark id="dc-0-0" class="dc-error" data-code="arithmetic" data-line="3"/);
		assert.ok(!result.html.includes('<script>'), 'document text is escaped');
		assert.match(result.html, /<h2>plain\.md<\/h2>/);
		assert.strictEqual(await h.client.sendRequest(exportHtmlRequest, { uri: 'file:///notes/closed.md', path: 'x' }), null);
	});
});
