/**
 * The `derivcheck/generate` request over the real core: the derivation of an open document's
 * network (it checks clean), LaTeX for a LaTeX document, the options the command's quick pick
 * sends, and a sentence — never an error — for a document without a network, a notation that
 * cannot write it, bad options, or a document that is not open.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeDocument } from '../../src/core/check/analyze';
import { createLanguageService } from '../../src/core/index';
import { generateRequest, type GenerateResult } from '../../src/server/protocol';
import { startHarness, type Harness } from './harness';

const example = readFileSync(join(__dirname, '..', '..', 'examples', 'cnn-1d.md'), 'utf8');

suite('generate request', () => {
	let h: Harness;
	teardown(async () => {
		if (h) assert.deepStrictEqual(await h.close(), [], 'messages sent after shutdown');
	});

	test('answers the derivation of an open document\'s network, and it checks clean', async () => {
		h = await startHarness(createLanguageService);
		const uri = 'file:///notes/cnn.md';
		await h.open(uri, example);
		const r: GenerateResult = await h.client.sendRequest(generateRequest, { uri, notation: 'seed', part: 'backward', language: 'zh-cn' });
		assert.strictEqual(r.kind, 'derivation', r.kind === 'refused' ? r.reason : '');
		assert.ok(r.text.includes('## 反向传播'));
		assert.ok(!r.text.includes('## 正向传播'));
		const a = await analyzeDocument(r.text, 'markdown', { tolerance: 'digits' });
		assert.strictEqual(a?.diagnostics.length, 0);
		const ex: GenerateResult = await h.client.sendRequest(generateRequest, { uri, exercise: true, part: 'forward' });
		assert.ok(ex.kind === 'derivation' && ex.text.includes('\\square') && ex.answers?.startsWith('## Answers'));
	});

	test('writes LaTeX for a LaTeX document', async () => {
		h = await startHarness(createLanguageService);
		const uri = 'file:///notes/net.tex';
		await h.open(uri, '% network\n% input: [1, 2]\n% target: [1]\n% loss: half_sse\n% learning_rate: 0.1\n% layers:\n%   - dense: o\n%     weights: [[0.5, -0.25]]\n\nText.\n', 'latex');
		const r: GenerateResult = await h.client.sendRequest(generateRequest, { uri });
		assert.ok(r.kind === 'derivation');
		assert.ok(r.text.includes('\\[ in_{o1} = w_{1} \\cdot x_{1} + w_{2} \\cdot x_{2} + b_{1} = 0.5 \\cdot 1 + (-0.25) \\cdot 2 + 0 = 0 \\]'), r.text);
	});

	test('answers a sentence when there is nothing to write, or the options are wrong', async () => {
		h = await startHarness(createLanguageService);
		const uri = 'file:///notes/plain.md';
		await h.open(uri, '$$0.3 + 0.4 = 0.7$$\n');
		const none: GenerateResult = await h.client.sendRequest(generateRequest, { uri });
		assert.strictEqual(none.kind, 'refused');
		assert.match((none as { reason: string }).reason, /^No network to write out: /);
		const cnn = 'file:///notes/cnn.md';
		await h.open(cnn, example);
		assert.deepStrictEqual(await h.client.sendRequest(generateRequest, { uri: cnn, notation: 'matrix' }), { kind: 'refused', reason: 'The matrix notation writes dense layers only, and CC is a conv layer; write it in the seed notation.' });
		assert.deepStrictEqual(await h.client.sendRequest(generateRequest, { uri: cnn, digits: 40 }), { kind: 'refused', reason: '--digits must be a whole number from 2 to 10, not "40".' });
		assert.deepStrictEqual(await h.client.sendRequest(generateRequest, { uri: 'file:///notes/closed.md' }), { kind: 'refused', reason: 'The document is not open.' });
	});
});
