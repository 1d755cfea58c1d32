/**
 * A convolution written in a course's notation, without a block: Rohrer's one-dimensional
 * convolution (a signal x, a flipped kernel w, a result y as long as the signal, so zero padding cuts
 * the first and last windows short), a ReLU, a max pool and a sigmoid output. The network read off it
 * must raise no finding on the clean derivation, and find the one mistake planted in its copy (the
 * kernel gradient meeting the wrong input) where it starts, with the update after it as inherited.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../../src/core/check/analyze';
import type { ConvLayer } from '../../../src/core/engine/spec';

const dir = path.join(__dirname, '../../fixtures/infer');

async function check(file: string) {
	const text = readFileSync(path.join(dir, file), 'utf8');
	return { text, a: (await analyzeDocument(text, 'markdown', { tolerance: 'digits' }))! };
}

suite('infer: a 1-D convolution in a course\'s notation', () => {
	test('reads a flipped kernel with zero padding, a ReLU, a max pool and a sigmoid unit, and raises nothing', async () => {
		const { a } = await check('rohrer-conv1d.md');
		assert.strictEqual(a.inferred?.kind, 'read', a.inferred?.kind === 'none' ? a.inferred.reason : '');
		const layers = a.inferred.spec.layers;
		assert.deepStrictEqual(layers.map((l) => l.kind), ['conv', 'pool', 'dense']);
		const conv = layers[0] as ConvLayer;
		assert.deepStrictEqual([conv.kw, conv.padding, conv.flip, conv.activation.kind, conv.kernelNames], [3, 1, true, 'relu', ['w_1', 'w_2', 'w_3']]);
		assert.deepStrictEqual(a.diagnostics.map((d) => `${d.code} ${d.message}`), []);
		assert.strictEqual(a.summary.unchecked, 0);
	});

	test('finds the kernel gradient that meets the wrong input, and the update after it as inherited', async () => {
		const { text, a } = await check('rohrer-conv1d-mistakes.md');
		assert.strictEqual(a.inferred?.kind, 'read');
		const line = (offset: number) => text.slice(0, offset).split('\n').length;
		const marked = text.split('\n').findIndex((l) => l.includes('<!-- mistake')) + 2;
		const found = a.diagnostics.map((d) => `${d.code} ${d.severity} ${line(d.span.start) - marked}`);
		assert.deepStrictEqual(found, ['formula warning 0', 'inherited hint 2']);
	});
});
