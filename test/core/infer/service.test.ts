/**
 * The switch, end to end through the language service and the editor's settings: with
 * `inferNetwork` on, a document without a block gets its truth findings and a summary that says the
 * network was read from it; off, neither; the editor's `derivcheck.inferNetwork` reaches the core.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { createLanguageService, defaultSettings } from '../../../src/core/index';
import { toSettings } from '../../../src/server/settings';

const text = readFileSync(path.join(__dirname, '../../fixtures/infer/fc-mistakes.md'), 'utf8');
const doc = { uri: 'file:///fc-mistakes.md', languageId: 'markdown', version: 1, text };
const truth = new Set(['value', 'inherited', 'formula']);

suite('infer: the inferNetwork setting', () => {
	test('on (the default), the truth findings and the summary say the network was read', async () => {
		const r = (await createLanguageService(defaultSettings).check(doc))!;
		assert.deepStrictEqual(r.summary.network, { source: 'read' });
		assert.ok(r.diagnostics.filter((d) => truth.has(d.code)).length >= 4);
	});

	test('off, no truth finding and no word of a network', async () => {
		const r = (await createLanguageService({ ...defaultSettings, inferNetwork: false }).check(doc))!;
		assert.strictEqual(r.summary.network, undefined);
		assert.deepStrictEqual(r.diagnostics.filter((d) => truth.has(d.code)), []);
	});

	test('the editor setting derivcheck.inferNetwork is read, and a value of the wrong type is the default', () => {
		assert.strictEqual(toSettings({ inferNetwork: false }).inferNetwork, false);
		assert.strictEqual(toSettings({}).inferNetwork, true);
		assert.strictEqual(toSettings({ inferNetwork: 'no' }).inferNetwork, true);
	});
});
