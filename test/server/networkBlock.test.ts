/**
 * "Insert the network block derivcheck read" over LSP, on the real core in-process: the server
 * announces the action's kind, offers the action as a source action (and not to a request for
 * quick fixes or fix-all only), and `derivcheck/networkBlock` answers with the block and the
 * insertion as an LSP edit, the declared block without an edit, or the reason there is none.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction } from 'vscode-languageserver/node';
import { createLanguageService } from '../../src/core/index';
import { scanDocument } from '../../src/core/scan/index';
import { insertNetworkBlockKind, networkBlockRequest, type NetworkBlockResult } from '../../src/server/protocol';
import { startHarness, type Harness } from './harness';

const fixture = fs.readFileSync(path.join(__dirname, '../fixtures/truth/fc-mistakes.md'), 'utf8');
const [block] = scanDocument(fixture, 'markdown').networks;
/** The fixture without its block: a document whose network derivcheck reads from the text. */
const withoutBlock = fixture.slice(0, block.outer.start) + fixture.slice(block.outer.end);

suite('language server: the network block derivcheck read', () => {
	let h: Harness;
	teardown(async () => {
		if (h) assert.deepStrictEqual(await h.close(), [], 'messages sent after shutdown');
	});

	async function opened(uri: string, text: string): Promise<void> {
		const published = h.diagnostics(uri);
		await h.open(uri, text);
		await published;
	}

	function actions(uri: string, only?: string[]): Promise<CodeAction[]> {
		return h.client.sendRequest('textDocument/codeAction', {
			textDocument: { uri },
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
			context: { diagnostics: [], ...(only ? { only } : {}) },
		});
	}

	test('announces the action\'s kind and offers it as a source action that inserts the block', async () => {
		h = await startHarness(createLanguageService);
		const kinds = (h.initializeResult.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
		assert.ok(kinds.includes(insertNetworkBlockKind), kinds.join(', '));
		const uri = 'file:///notes/fc.md';
		await opened(uri, withoutBlock);
		const source = (await actions(uri, ['source'])).filter((a) => a.kind === insertNetworkBlockKind);
		assert.strictEqual(source.length, 1);
		assert.strictEqual(source[0].title, 'Insert the network block derivcheck read');
		const [edit] = source[0].edit!.changes![uri];
		assert.deepStrictEqual(edit.range.start, edit.range.end, 'the edit only inserts');
		const title = withoutBlock.split('\n').findIndex((l) => l.startsWith('# '));
		assert.strictEqual(edit.range.start.line, title + 1, 'the block goes under the title');
		assert.match(edit.newText, /^\n```network\ninput: /);
		assert.deepStrictEqual((await actions(uri, ['source.fixAll'])).filter((a) => a.kind === insertNetworkBlockKind), []);
		assert.deepStrictEqual((await actions(uri, ['quickfix'])).filter((a) => a.kind === insertNetworkBlockKind), []);
	});

	test('answers derivcheck/networkBlock with the block read and its insertion, the declared block, or the reason', async () => {
		h = await startHarness(createLanguageService);
		const read = 'file:///notes/read.md', declared = 'file:///notes/declared.md', plain = 'file:///notes/plain.md';
		await opened(read, withoutBlock);
		await opened(declared, fixture);
		await opened(plain, '$$0.3 + 0.4 = 0.7$$\n');
		const r = await h.client.sendRequest<NetworkBlockResult>(networkBlockRequest, { uri: read });
		assert.ok(r.kind === 'blocks', JSON.stringify(r));
		assert.strictEqual(r.source, 'read');
		assert.match(r.text, /^```network\n[^]*\n```$/);
		assert.strictEqual(r.edits.length, 1);
		assert.ok(r.edits[0].newText.includes(r.text));
		const d = await h.client.sendRequest<NetworkBlockResult>(networkBlockRequest, { uri: declared });
		assert.ok(d.kind === 'blocks' && d.source === 'declared');
		assert.deepStrictEqual(d.edits, []);
		assert.deepStrictEqual((await actions(declared, ['source'])).filter((a) => a.kind === insertNetworkBlockKind), [], 'a document with a block is not offered another');
		const p = await h.client.sendRequest<NetworkBlockResult>(networkBlockRequest, { uri: plain });
		assert.ok(p.kind === 'none');
		assert.match(p.reason, /^The document declares no network block, and none could be read from it: /);
		const closed = await h.client.sendRequest<NetworkBlockResult>(networkBlockRequest, { uri: 'file:///notes/never-opened.md' });
		assert.deepStrictEqual(closed, { kind: 'none', reason: 'The document is not open.' });
	});
});
