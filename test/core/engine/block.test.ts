/**
 * The network block: the DESIGN 2.4 block builds the seed network, and every kind of mistake
 * is one `network` diagnostic on exactly the offending YAML node, with a message that says what
 * was expected. Each case marks the expected span in the YAML with ⟦…⟧; the helper places the
 * block inside a Markdown fence so that offsets are mapped back into the document.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Network, networkForBlock, parseNetworkBlock } from '../../../src/core/engine/index';
import type { NetworkBlockRegion } from '../../../src/core/scan/region';
import { seedSpec } from './build';

const SEED = fs.readFileSync(path.join(__dirname, '../../fixtures/engine/seed.network.yaml'), 'utf8');

/** A Markdown document with the YAML in a `network` fence, and the block region the scanner would give. */
function fenced(yaml: string): { text: string; block: NetworkBlockRegion } {
	const before = '# Notes\n\n```network\n';
	const text = `${before}${yaml}\`\`\`\n`;
	return { text, block: { yaml, segments: [{ yamlStart: 0, docStart: before.length, length: yaml.length }], outer: { start: 9, end: text.length } } };
}

/** Checks that the marked YAML gives exactly one diagnostic, on the marked text, whose message matches. */
function check(marked: string, message: RegExp): void {
	const start = marked.indexOf('⟦'), end = marked.indexOf('⟧') - 1;
	const yaml = marked.replace('⟦', '').replace('⟧', '');
	const { text, block } = fenced(yaml);
	const { spec, diagnostics } = parseNetworkBlock(block);
	assert.strictEqual(spec, undefined);
	assert.strictEqual(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
	const d = diagnostics[0];
	assert.strictEqual(d.code, 'network');
	assert.strictEqual(d.severity, 'error');
	const offset = text.indexOf('```network\n') + 11;
	assert.deepStrictEqual({ start: d.span.start - offset, end: d.span.end - offset, text: text.slice(d.span.start, d.span.end) }, { start, end, text: yaml.slice(start, end) });
	assert.match(d.message, message);
}

const BASE = (layers: string, extra = '') => `input: [0.1, 0.2, 0.3, 0.4]\ntarget: [1, 0]\nloss: half_sse\nlearning_rate: 0.5\n${extra}layers:\n${layers}`;
const DENSE = '  - dense: o\n    weights: [[1, 2, 3, 4], [5, 6, 7, 8]]\n';

suite('engine: network block', () => {
	test('builds the DESIGN 2.4 block into the seed network, with no diagnostics', () => {
		const { network, diagnostics } = networkForBlock(fenced(SEED).block);
		assert.deepStrictEqual(diagnostics, []);
		const hand = seedSpec();
		assert.deepStrictEqual(Array.from(network!.layers[5].out), Array.from(new Network(hand).layers[5].out));
		assert.deepStrictEqual(Array.from(network!.layers[0].weights!.updated), Array.from(new Network(hand).layers[0].weights!.updated));
		assert.strictEqual(network!.label('L0:w:5'), 'KK_{23}');
		assert.strictEqual(network!.label('L5:w:3'), 'w_{4}');
		assert.strictEqual(network!.label('x:5'), 'i_{6}');
		assert.strictEqual(network!.label('L5:b:1'), 'b_2');
	});

	test('caches the network per block text', () => {
		assert.strictEqual(networkForBlock(fenced(SEED).block).network, networkForBlock(fenced(SEED).block).network);
	});

	test('accepts 2-D input with channels, conv2d with stride and padding, pools, shared bias and frozen names', () => {
		const yaml = [
			'input: [[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 0, 1], [0, 1, 0], [1, 0, 1]]]',
			'target: [0.5]', 'loss: mse', 'learning_rate: 0.1', "frozen: ['K_{1111}', c]",
			'layers:',
			'  - conv2d: A', '    kernels: [[[[1, 0], [0, 1]], [[0.5, 0.5], [0.5, 0.5]]]]', '    kernel_names: K',
			'    bias: 0.1', '    bias_names: c', '    padding: same', '    stride: [1, 1]', '    activation: leaky_relu', '    slope: 0.1',
			'  - maxpool2d: P', '    size: [2, 2]', '    stride: 1',
			'  - avgpool2d: Q', '    size: 1',
			'  - tanh: T',
			'  - dense: o', '    weights: [[1, 1, 1, 1]]', '    activation: sigmoid', '',
		].join('\n');
		const { network, diagnostics } = networkForBlock(fenced(yaml).block);
		assert.deepStrictEqual(diagnostics.map((d) => d.message), []);
		assert.deepStrictEqual(network!.layers[0].outShape, { channels: 1, rows: 3, cols: 3, dims: 2 });
		assert.strictEqual(network!.label('L0:w:7'), 'K_{1222}');
		assert.strictEqual(network!.value('L0:w:0:new'), 1);
		assert.strictEqual(network!.value('L0:b:0:new'), 0.1);
	});

	test('accepts every other spelling the contract allows, silently', () => {
		const yaml = [
			'input: [[1, 2, 3, 4], [4, 3, 2, 1]]   # two channels of a 1-D signal', 'input_names: [x_a, x_b, x_c, x_d, y_a, y_b, y_c, y_d]',
			'target: [0, 1]', 'target_names: [y_1, y_2]', 'loss: binary_cross_entropy', 'learning_rate: 1e-1',
			'notation: {pre: [net], post: [out, a], delta: delta}',
			'layers:',
			'  - conv1d: C', '    kernels: [[[1, 0], [0, 1]]]', '    kernel_names: [[["K_{1,1,1}", "K_{1,1,2}"], ["K_{1,2,1}", "K_{1,2,2}"]]]', '    padding: 1', '    stride: 2', '    bias: [0]',
			'  - relu', '  - activation: A', '    function: leaky_relu', '    slope: 0.2',
			'  - maxpool1d: M', '    size: 1',
			'  - flatten',
			'  - dense: o', '    weights: [[1, -1, 0.5], [0, 1, 1]]', "    weight_names: [['w_{11}', 'w_{12}', 'w_{13}'], ['w_{21}', 'w_{22}', 'w_{23}']]", '    bias: 0.1', '    bias_names: c',
			'    activation: sigmoid',
			'frozen:', '',
		].join('\n');
		const { network, diagnostics } = networkForBlock(fenced(yaml).block);
		assert.deepStrictEqual(diagnostics.map((d) => d.message), []);
		assert.deepStrictEqual(network!.layers.map((l) => l.spec.kind), ['conv', 'activation', 'activation', 'pool', 'flatten', 'dense']);
		assert.strictEqual(network!.label('L0:w:3'), 'K_{1,2,2}');
		assert.strictEqual(network!.label('L5:w:4'), 'w_{22}');
		assert.strictEqual(network!.label('L0:pre:0'), 'net_{C1}');
		assert.strictEqual(network!.value('lr'), 0.1);
	});

	test('builds a network without a learning rate, whose updates are then unknown', () => {
		const { network, diagnostics } = networkForBlock(fenced('input: [1, 2]\ntarget: [1]\nloss: mse\nlayers:\n  - dense: o\n    weights: [[1, 2]]\n').block);
		assert.deepStrictEqual(diagnostics, []);
		assert.strictEqual(network!.value('lr'), undefined);
		assert.strictEqual(network!.value('L0:w:0:new'), undefined);
		assert.strictEqual(network!.value('L0:w:0:grad'), 2 * (5 - 1) * 1);
	});

	suite('reports each mistake on its node', () => {
		test('an unknown layer type, listing the types', () => check(BASE(`  - ⟦conv3d⟧: X\n    kernels: [1]\n${DENSE}`), /Unknown layer type "conv3d"; expected one of conv1d, conv2d/));
		test('an unknown key in a layer, listing the allowed keys', () => check(BASE(`  - conv1d: C\n    kernels: [[1, 2]]\n    ⟦stirde⟧: 2\n${DENSE.replace('[[1, 2, 3, 4], [5, 6, 7, 8]]', '[[1, 2, 3], [4, 5, 6]]')}`), /Unknown key "stirde" for a conv1d layer; allowed keys: kernels, kernel_names, bias/));
		test('an unknown top-level key, listing the allowed keys', () => check(BASE(DENSE, '⟦learning⟧: 0.1\n'), /Unknown key "learning" in the network block; allowed keys: input, input_names/));
		test('a kernel that does not fit the input', () => check(BASE(`  - conv1d: C\n    kernels: ⟦[[1, 2, 3, 4, 5]]⟧\n${DENSE}`), /kernel does not fit the input \(length 4\)/));
		test('kernels for the wrong number of input channels', () => check(BASE(`  - conv1d: C\n    kernels: ⟦[[[1, 2], [3, 4]]]⟧\n${DENSE}`), /expect 2 input channels, but the input has 1 channel/));
		test('a pool that does not fit', () => check(BASE(`  - maxpool: P\n    size: ⟦5⟧\n${DENSE}`), /pool of size 5 does not fit/));
		test('dense weights of the wrong width', () => check(BASE('  - dense: o\n    weights: ⟦[[1, 2, 3], [4, 5, 6]]⟧\n'), /units × 4 \(this layer has 4 inputs\), found 2 × 3/));
		test('the wrong number of bias values', () => check(BASE('  - dense: o\n    weights: [[1, 2, 3, 4], [5, 6, 7, 8]]\n    bias: ⟦[1, 2, 3]⟧\n'), /Expected 2 bias values .* or a single shared number, found 3/));
		test('the wrong number of names', () => check(BASE('  - dense: o\n    weights: [[1, 2, 3, 4], [5, 6, 7, 8]]\n    bias_names: ⟦[b_1, b_2, b_3]⟧\n'), /shaped like the values \(2\), but this list has 3 entries instead of 2/));
		test('nested names shaped unlike the kernels', () => check(BASE(`  - conv1d: C\n    kernels: [[1, 2], [3, 4]]\n    kernel_names: [[k_1, k_2], ⟦[k_3]⟧]\n${DENSE.replace('[[1, 2, 3, 4], [5, 6, 7, 8]]', '[[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]]')}`), /this list has 1 entries instead of 2/));
		test('a missing target', () => check('⟦input⟧: [1, 2]\nloss: mse\nlayers:\n  - dense: o\n    weights: [[1, 2]]\n', /no `target:`; expected the target values/));
		test('a target of the wrong length', () => check(BASE(DENSE).replace('target: [1, 0]', 'target: ⟦[1, 0, 0]⟧'), /Expected 2 target values, one per output of the last layer, found 3/));
		test('a number that is not a number', () => check(BASE(DENSE).replace('learning_rate: 0.5', 'learning_rate: ⟦fast⟧'), /Expected a number for the learning rate, found "fast"/));
		test('a non-number among the input values', () => check(BASE(DENSE).replace('[0.1, 0.2, 0.3, 0.4]', '[0.1, ⟦x⟧, 0.3, 0.4]'), /Expected a number for the input, found "x"/));
		test('an unknown loss', () => check(BASE(DENSE).replace('half_sse', '⟦hinge⟧'), /Unknown loss "hinge"; expected one of cross_entropy, mse, half_sse, binary_cross_entropy/));
		test('an unknown activation', () => check(BASE('  - dense: o\n    weights: [[1, 2, 3, 4], [5, 6, 7, 8]]\n    activation: ⟦gelu⟧\n'), /Unknown activation "gelu"; expected one of sigmoid, tanh, relu/));
		test('a bad padding', () => check(BASE(`  - conv1d: C\n    kernels: [[1, 2]]\n    padding: ⟦full⟧\n${DENSE}`), /padding to be valid, same or a whole number/));
		test('ragged kernels', () => check(BASE(`  - conv1d: C\n    kernels: [[1, 2], ⟦[3]⟧]\n${DENSE}`), /same shape: expected 2, found 1/));
		test('a frozen name that is not declared', () => check(BASE(DENSE, 'frozen: [⟦w_9⟧]\n'), /"w_9" is not a parameter name declared in the block/));
		test('two layers with one name', () => check(BASE('  - tanh: T\n  - sigmoid: ⟦T⟧\n' + DENSE), /Two layers are named "T"/));
		test('YAML that does not parse, at the first error', () => check(BASE(DENSE).replace('loss: half_sse\n', 'loss: half_sse\n⟦l⟧oss: mse\n'), /not valid YAML: Map keys must be unique/));
		test('YAML with unquoted braces in a list, with a hint', () => check(BASE(DENSE, 'frozen: [w_⟦{⟧11}]\n'), /need quotes inside \[ \] and \{ \}/));
		test('an absurdly large network, before building it', () => check(
			'input: [0.1, 0.2]\ntarget: [1]\nloss: mse\nlayers:\n  - ⟦conv1d: C⟧\n    kernels: [[1]]\n    padding: 900000\n  - dense: o\n    weights: [[1]]\n',
			/too large to check: it would retain over 303 MB \(the limit is 96 MB\) by this layer/));
	});

	test('maps offsets through LaTeX comment lines', () => {
		const lines = ['input: [1, 2]', 'target: [1]', 'loss: mse', 'layers:', '  - dense: o', '    weights: [[1, 2, 3]]'];
		const doc = `% network\n${lines.map((l) => `% ${l}`).join('\n')}\n`;
		let yaml = '', at = doc.indexOf('\n') + 1;
		const segments = lines.map((l) => {
			const seg = { yamlStart: yaml.length, docStart: at + 2, length: l.length + 1 };
			yaml += `${l}\n`;
			at += l.length + 3;
			return seg;
		});
		const { diagnostics } = parseNetworkBlock({ yaml, segments, outer: { start: 0, end: doc.length } });
		assert.strictEqual(diagnostics.length, 1);
		assert.strictEqual(doc.slice(diagnostics[0].span.start, diagnostics[0].span.end), '[[1, 2, 3]]');
	});
});
