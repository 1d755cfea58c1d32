/**
 * The way back for a convolutional network read off a document: "Insert the network block
 * derivcheck read" writes a block with the removed block's engine values (names and formatting
 * aside), the document then reads no network and checks exactly as it did with the one it read, and
 * the seed's `b_1`, a bias of two layers with a value in each, is written and read back per layer.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../../src/core/check/analyze';
import type { Diagnostic } from '../../../src/core/check/diagnostic';
import { parseNetworkBlock } from '../../../src/core/engine/block';
import type { NetworkSpec } from '../../../src/core/engine/spec';
import { specDifference } from '../../../src/core/engine/specEqual';
import { networkBlockActions } from '../../../src/core/features/networkBlock';
import { scanDocument } from '../../../src/core/scan/index';

const root = path.join(__dirname, '../../..');

/** A spec without its names, to compare engine values. */
function valuesOf(spec: NetworkSpec): NetworkSpec {
	const layers = spec.layers.map((l) => ({ ...l, name: undefined, ...(l.kind === 'conv' ? { kernelNames: undefined, biasNames: undefined } : l.kind === 'dense' ? { weightNames: undefined, biasNames: undefined } : {}) }));
	return { ...spec, inputNames: undefined, targetNames: undefined, layers: layers as NetworkSpec['layers'] };
}

function findings(ds: readonly Diagnostic[], text: string): string[] {
	// The numbers of each message, not its names: on a network read off a document a message names
	// quantities as the document writes them (`z_{11}`), with the block written from it by the engine's labels.
	return ds.filter((d) => d.code !== 'unchecked').map((d) => `${d.code} ${d.severity} ${text.slice(d.span.start, d.span.end)} ${(d.message.match(/-?\d+\.\d+/g) ?? []).join(' ')}`);
}

suite('infer: the block of a CNN read off the document', function () {
	this.timeout(30_000);
	for (const file of ['examples/cnn-1d.md', 'examples/cnn-1d-mistakes.md', 'test/fixtures/truth/seed-cnn.md', 'test/fixtures/truth/seed-mistakes.md', 'test/fixtures/truth/rounding-long.md', 'test/fixtures/truth/conv2d-clean.md', 'test/fixtures/truth/conv2d-mistakes.md']) {
		test(`${file} without its block: the block read is inserted with the removed one's values, and the document checks the same after`, async () => {
			const text = fs.readFileSync(path.join(root, file), 'utf8');
			const [block] = scanDocument(text, 'markdown').networks;
			const removed = parseNetworkBlock(block).spec!;
			const without = text.slice(0, block.outer.start) + text.slice(block.outer.end);
			const a = (await analyzeDocument(without, 'markdown', { tolerance: 'digits' }))!;
			assert.strictEqual(a.inferred?.kind, 'read', a.inferred?.kind === 'none' ? a.inferred.reason : '');
			const [action] = networkBlockActions(a);
			assert.ok(action, 'the action is offered');
			const edit = action.edits[0];
			const inserted = without.slice(0, edit.span.start) + edit.newText + without.slice(edit.span.end);
			const [written] = scanDocument(inserted, 'markdown').networks;
			const spec = parseNetworkBlock(written).spec!;
			assert.strictEqual(specDifference(valuesOf(spec), valuesOf(removed)), undefined);
			const after = (await analyzeDocument(inserted, 'markdown', { tolerance: 'digits' }))!;
			assert.strictEqual(after.inferred, undefined, 'with a block, nothing is read');
			assert.deepStrictEqual(findings(after.diagnostics, inserted), findings(a.diagnostics, without));
		});
	}

	test('writes the seed\'s b_1 and b_2 as the convolution\'s biases (0) and the dense layer\'s (0.4, -0.4)', async () => {
		const text = fs.readFileSync(path.join(root, 'test/fixtures/truth/seed-cnn.md'), 'utf8');
		const [block] = scanDocument(text, 'markdown').networks;
		const a = (await analyzeDocument(text.slice(0, block.outer.start) + text.slice(block.outer.end), 'markdown', { tolerance: 'digits' }))!;
		assert.strictEqual(a.inferred?.kind, 'read');
		const byName = a.inferred.spec.layers.flatMap((l) => (l.kind === 'conv' || l.kind === 'dense' ? [`${l.name}: ${l.biasNames?.join(' ')} = ${[...l.bias].join(' ')}`] : []));
		assert.deepStrictEqual(byName, ['cc: bb_1 bb_2 = 0.5 -0.5', 'C: b_1 b_2 b_3 = 0 0 0', 'o: b_1 b_2 = 0.4 -0.4']);
	});
});
