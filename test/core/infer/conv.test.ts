/**
 * Reading a 1-D CNN off a document (DESIGN 2.6): a small network written symbolically (two
 * kernels of two over five inputs, a sigmoid, a max pool of two, a softmax dense layer) reads as the
 * spec its formulas spell, and each way its structure can fail to be read declines with its reason
 * and no truth finding: a window that skips an input, a kernel order no majority writes, a pool over
 * two channels, a missing activation formula, an activation on a number that is not the one stated,
 * a pool that mixes means and maxima, a channel whose units add different biases.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import { MAX_INFER_LAYERS } from '../../../src/core/budgets';
import type { ConvLayer, PoolLayer } from '../../../src/core/engine/spec';
import { withoutBlocks } from './bothWays';

const truthCodes = new Set(['value', 'inherited', 'formula']);

const givens = [
	'Inputs $x_1 = 0.1$, $x_2 = 0.5$, $x_3 = -0.3$, $x_4 = 0.8$, $x_5 = 0.2$; kernels $K_1 = (0.4, -0.2)$, $K_2 = (0.3, 0.6)$;',
	'biases $c_1 = 0.1$, $c_2 = -0.1$; weights $w_1 = 0.5$, $w_2 = -0.4$, $w_3 = 0.3$, $w_4 = 0.2$, $w_5 = -0.1$, $w_6 = 0.6$, $w_7 = -0.3$, $w_8 = 0.1$;',
	'$b_1 = 0.2$, $b_2 = -0.2$; targets $t_1 = 1$, $t_2 = 0$; $\\eta = 0.5$.',
].join('\n');

/** The units of the convolution: channel c's unit j reads x_j, x_{j+1} against K_{c1}, K_{c2}. */
function convUnits(): string[] {
	const out: string[] = [];
	for (let c = 1; c <= 2; c++) for (let j = 1; j <= 4; j++) {
		const u = (c - 1) * 4 + j;
		out.push(`$$z_{C${u}} = x_${j} K_{${c}1} + x_${j + 1} K_{${c}2} + c_${c}$$`, `$$a_{C${u}} = \\sigma(z_{C${u}})$$`);
	}
	return out;
}

const pool = [1, 2, 3, 4].map((p) => `$$a_{P${p}} = \\max\\{a_{C${2 * p - 1}}, a_{C${2 * p}}\\}$$`);
const dense = [
	'$$z_{o1} = w_1 a_{P1} + w_2 a_{P2} + w_3 a_{P3} + w_4 a_{P4} + b_1$$',
	'$$z_{o2} = w_5 a_{P1} + w_6 a_{P2} + w_7 a_{P3} + w_8 a_{P4} + b_2$$',
	'$$a_{o1} = \\frac{e^{z_{o1}}}{e^{z_{o1}} + e^{z_{o2}}}$$',
	'$$a_{o2} = \\frac{e^{z_{o2}}}{e^{z_{o1}} + e^{z_{o2}}}$$',
	'$$E = -(t_1 \\ln a_{o1} + t_2 \\ln a_{o2})$$',
];

const clean = [givens, ...convUnits(), ...pool, ...dense].join('\n\n') + '\n';

/** The clean document with `from` replaced by `to` (each must occur once). */
function edited(...pairs: [string, string][]): string {
	let t = clean;
	for (const [from, to] of pairs) {
		assert.strictEqual(t.split(from).length, 2, `${from} occurs once`);
		t = t.replace(from, to);
	}
	return t;
}

async function check(text: string): Promise<Analysis> {
	return (await analyzeDocument(text, 'markdown', { tolerance: 'digits' }))!;
}

function layers(a: Analysis) {
	assert.strictEqual(a.inferred?.kind, 'read', a.inferred?.kind === 'none' ? a.inferred.reason : '');
	return a.inferred.spec.layers;
}

suite('infer: a 1-D CNN read off its formulas', () => {
	test('reads the convolution, its pool and the dense layer with the names the formulas spell', async () => {
		const [conv, maxpool, out] = layers(await check(clean)) as [ConvLayer, PoolLayer, { kind: string; name?: string }];
		assert.deepStrictEqual([conv.kind, conv.name, conv.outChannels, conv.inChannels, conv.kw, conv.stride[1], conv.padding, conv.flip], ['conv', 'C', 2, 1, 2, 1, 'valid', false]);
		assert.deepStrictEqual([...conv.kernels], [0.4, -0.2, 0.3, 0.6]);
		assert.deepStrictEqual(conv.kernelNames, ['K_{11}', 'K_{12}', 'K_{21}', 'K_{22}']);
		assert.deepStrictEqual(conv.biasNames, ['c_1', 'c_2']);
		assert.strictEqual(conv.activation.kind, 'sigmoid');
		assert.deepStrictEqual([maxpool.kind, maxpool.name, maxpool.mode, maxpool.size[1], maxpool.stride[1]], ['pool', 'P', 'max', 2, 2]);
		assert.deepStrictEqual([out.kind, out.name], ['dense', 'o']);
	});

	test('reads a convolution over the channels of the layer before, each window in each channel', async () => {
		const deeper = [
			givens.replace('$b_1 = 0.2$', '$m_1 = (0.6, -0.4)$, $e_1 = 0.05$, $b_1 = 0.2$'),
			...convUnits(), ...pool,
			'$$z_{D1} = a_{P1} m_{11} + a_{P3} m_{12} + e_1$$', '$$z_{D2} = a_{P2} m_{11} + a_{P4} m_{12} + e_1$$',
			'$$a_{D1} = \\tanh(z_{D1})$$', '$$a_{D2} = \\tanh(z_{D2})$$',
			'$$z_{o1} = w_1 a_{D1} + w_2 a_{D2} + b_1$$', '$$z_{o2} = w_3 a_{D1} + w_4 a_{D2} + b_2$$',
			...dense.slice(2),
		].join('\n\n');
		const read = layers(await check(deeper));
		assert.deepStrictEqual(read.map((l) => l.kind), ['conv', 'pool', 'conv', 'dense']);
		const d = read[2] as ConvLayer;
		assert.deepStrictEqual([d.name, d.inChannels, d.outChannels, d.kw, d.kernelNames, d.activation.kind], ['D', 2, 1, 1, ['m_{11}', 'm_{12}'], 'tanh']);
	});

	test('reads a flipped kernel when each window meets the kernel from its last element', async () => {
		let t = clean;
		for (let c = 1; c <= 2; c++) for (let j = 1; j <= 4; j++) t = t.replace(`x_${j} K_{${c}1} + x_${j + 1} K_{${c}2}`, `x_${j} K_{${c}2} + x_${j + 1} K_{${c}1}`);
		const [conv] = layers(await check(t)) as [ConvLayer];
		assert.strictEqual(conv.flip, true);
		assert.deepStrictEqual(conv.kernelNames, ['K_{11}', 'K_{12}', 'K_{21}', 'K_{22}']);
		assert.deepStrictEqual([...conv.kernels], [0.4, -0.2, 0.3, 0.6]);
	});

	test('reads a single channel without padding, whose kernel every window reads whole', async () => {
		const t = ['$K_1 = (0.4, -0.2, 0.5)$, $c_1 = 0.1$, $x_1 = 0.1$, $x_2 = 0.5$, $x_3 = -0.3$, $x_4 = 0.8$, $t_1 = 1$.',
			'$$z_{C1} = x_1 K_{11} + x_2 K_{12} + x_3 K_{13} + c_1$$', '$$z_{C2} = x_2 K_{11} + x_3 K_{12} + x_4 K_{13} + c_1$$',
			'$$a_{C1} = \\sigma(z_{C1})$$', '$$a_{C2} = \\sigma(z_{C2})$$', '$$a_{P1} = \\max\\{a_{C1}, a_{C2}\\}$$', '$$E = \\frac{1}{2} (t_1 - a_{P1})^2$$'].join('\n\n');
		const [conv, p] = layers(await check(t)) as [ConvLayer, PoolLayer];
		assert.deepStrictEqual([conv.outChannels, conv.kw, conv.padding, p.mode, p.size[1]], [1, 3, 'valid', 'max', 2]);
	});

	test('picks cross-correlation for kernel names in no order: flipped or not, the engine computes the same values with the same names', async () => {
		// `p` and `q` carry no index, so nothing in the document says which end of the kernel is its first
		// element; both readings pair each input with the same named weight, so every value and every
		// finding is the same either way, and the reader may pick one. Here p = 0.4, q = -0.2.
		let t = clean.replace('$K_1 = (0.4, -0.2)$', '$p = 0.4$, $q = -0.2$');
		for (let j = 1; j <= 4; j++) t = t.replace(`x_${j} K_{11} + x_${j + 1} K_{12}`, `x_${j} p + x_${j + 1} q`);
		const [conv] = layers(await check(t)) as [ConvLayer];
		assert.strictEqual(conv.flip, false);
		assert.deepStrictEqual(conv.kernelNames?.slice(0, 2), ['p', 'q']);
	});

	test('reads an activation written on the number just stated for its pre-activation', async () => {
		const t = edited(
			['$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1$$', '$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1 = 0.1 \\times 0.4 + 0.5 \\times (-0.2) + 0.1 = 0.04$$'],
			['$$a_{C1} = \\sigma(z_{C1})$$', '$$a_{C1} = \\sigma(0.04) = 0.510$$'],
		);
		const a = await check(t);
		assert.strictEqual((layers(a)[0] as ConvLayer).activation.kind, 'sigmoid');
		assert.deepStrictEqual(a.diagnostics.map((d) => d.code), []);
	});

	test('finds a wrong value once the network is read', async () => {
		const a = await check(edited(['$$a_{C1} = \\sigma(z_{C1})$$', '$$a_{C1} = \\sigma(z_{C1}) = 0.6$$']));
		assert.strictEqual(a.inferred?.kind, 'read');
		assert.deepStrictEqual(a.diagnostics.map((d) => `${d.code} ${d.stated} ${d.expected}`), ['value 0.6 0.5']);
	});

	const declines: { name: string; text: string; reason: RegExp }[] = [
		{
			name: 'a unit whose window skips an input',
			text: edited(['$$z_{C2} = x_2 K_{11} + x_3 K_{12} + c_1$$', '$$z_{C2} = x_2 K_{11} + x_4 K_{12} + c_1$$']),
			reason: /^the formula for z_\{C2\} does not read one unbroken window of the layer before/,
		},
		{
			name: 'a kernel order that half of a channel writes one way and half the other',
			text: edited(
				['$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1$$', '$$z_{C1} = x_1 K_{12} + x_2 K_{11} + c_1$$'],
				['$$z_{C2} = x_2 K_{11} + x_3 K_{12} + c_1$$', '$$z_{C2} = x_2 K_{12} + x_3 K_{11} + c_1$$'],
			),
			reason: /^the units of the channel of z_\{C1\} pair the kernel with their windows in different orders, and no order is written by most of them: two readings fit$/,
		},
		{
			name: 'a pool formula over outputs of two channels',
			text: edited(['$$a_{P2} = \\max\\{a_{C3}, a_{C4}\\}$$', '$$a_{P2} = \\max\\{a_{C4}, a_{C5}\\}$$']),
			reason: /^the formula for a_\{P2\} pools outputs of two channels$/,
		},
		{
			name: 'a missing activation formula',
			text: edited(['$$a_{C3} = \\sigma(z_{C3})$$', '']),
			reason: /^no formula for the output of z_\{C3\}$/,
		},
		{
			name: 'an activation on a number other than the one stated for its pre-activation',
			text: edited(
				['$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1$$', '$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1 = 0.04$$'],
				['$$a_{C1} = \\sigma(z_{C1})$$', '$$a_{C1} = \\sigma(0.05) = 0.512$$'],
			),
			reason: /^no formula for the output of z_\{C1\}$/,
		},
		{
			name: 'a pool that takes the mean of one window and the maximum of the others',
			text: edited(['$$a_{P1} = \\max\\{a_{C1}, a_{C2}\\}$$', '$$a_{P1} = \\frac{1}{2} (a_{C1} + a_{C2})$$']),
			reason: /^the formula for a_\{P2\} reads a window of the layer before but is neither its mean nor its maximum, or the pool mixes the two$/,
		},
		{
			name: 'a channel with a bias of another channel',
			text: edited(['$$z_{C2} = x_2 K_{11} + x_3 K_{12} + c_1$$', '$$z_{C2} = x_2 K_{11} + x_3 K_{12} + c_2$$']),
			reason: /^the units of the channel of z_\{C1\} add different biases, where a convolution adds one per channel$/,
		},
		{
			// The engine's pool reads a layer's outputs, which a linear layer has apart from its pre-activations.
			name: 'a pool over the pre-activations of a convolution with no activation formula',
			text: (() => {
				let t = clean;
				for (let u = 1; u <= 8; u++) t = t.replace(`$$a_{C${u}} = \\sigma(z_{C${u}})$$`, '').replace(`a_{C${u}}`, `z_{C${u}}`);
				return t;
			})(),
			reason: /^no formula for the output of z_\{C1\}$/,
		},
		{
			name: 'a given whose stated value the forward formula contradicts',
			text: edited(['$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1$$', '$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1 = 0.1 \\times 0.4 + 0.5 \\times (-0.3) + 0.1 = -0.01$$']),
			reason: /^K_\{12\} is stated as -0\.2, but -0\.3 is written for it in a formula before any update: the document works through two values of it$/,
		},
		{
			name: 'a document whose only weighted sum belongs to the backward pass',
			text: '$$d_1 = a - t_1$$\n\n$$d_2 = a - t_2$$\n\n$$e = d_1 w_1 + d_2 w_2$$\n',
			reason: /^the document writes no weighted sum/,
		},
	];

	for (const c of declines) {
		test(`declines ${c.name}, says why, and reports no truth finding`, async () => {
			const a = await check(c.text);
			assert.strictEqual(a.inferred?.kind, 'none');
			assert.match(a.inferred.reason, c.reason);
			assert.deepStrictEqual(a.diagnostics.filter((d) => truthCodes.has(d.code)).map((d) => d.message), []);
			assert.strictEqual(a.segments.some((s) => s.truth), false);
		});
	}

	test('says why in Chinese for zh-cn', async () => {
		const a = (await analyzeDocument(declines[2].text, 'markdown', { tolerance: 'digits', locale: 'zh-cn' }))!;
		assert.strictEqual(a.inferred?.kind, 'none');
		assert.strictEqual(a.inferred.reason, 'a_{P2} 的公式把两个通道的输出放在一起池化');
	});

	test('reads a 2-D convolution, and declines a pool that reads its map beside the dense layer', async () => {
		const file = readFileSync(path.join(__dirname, '../../fixtures/truth/conv2d-clean.md'), 'utf8');
		const text = withoutBlocks(file, 'markdown');
		const [conv] = layers(await check(text)) as [ConvLayer];
		assert.deepStrictEqual([conv.dims, conv.kh, conv.kw, conv.flip, conv.kernelNames], [2, 2, 2, false, ['K_{111}', 'K_{112}', 'K_{121}', 'K_{122}']]);
		const pooled = (await check(`${text}\n$$out_{P1} = \\max\\{out_{C1,1,1}, out_{C1,1,2}\\}$$\n`));
		assert.strictEqual(pooled.inferred?.kind, 'none');
		assert.strictEqual(pooled.inferred.reason, 'the formulas for in_{o1} and out_{P1} both read the layer before, as two layers side by side, where a network is one chain of layers');
		assert.strictEqual(pooled.segments.some((s) => s.truth), false);
	});

	test('reads a 2-D max pool over a 2-D feature map, then a dense layer over the pooled map named flat', async () => {
		const d = ['$K_{111} = 0.3$, $K_{112} = -0.2$, $K_{121} = 0.5$, $K_{122} = 0.1$, $b_1 = 0.1$, $w_1 = 0.2$, $w_2 = -0.3$, $w_3 = 0.4$, $w_4 = 0.1$, $w_5 = -0.2$, $w_6 = 0.5$, $w_7 = 0.3$, $w_8 = -0.1$, $c_1 = 0.05$, $c_2 = -0.05$, $t_1 = 1$, $t_2 = 0$.'];
		for (let r = 1; r <= 5; r++) for (let c = 1; c <= 5; c++) d.push(`$x_{${r}${c}} = ${((r * 7 + c * 3) % 10) / 10 - 0.4}$`);
		const kernel = [[1, 1], [1, 2], [2, 1], [2, 2]];
		for (let r = 1; r <= 4; r++) for (let c = 1; c <= 4; c++) {
			d.push(`$$in_{C1,${r},${c}} = ${kernel.map(([i, j]) => `K_{1${i}${j}} x_{${r + i - 1}${c + j - 1}}`).join(' + ')} + b_1$$`, `$$out_{C1,${r},${c}} = \\sigma(in_{C1,${r},${c}})$$`);
		}
		for (let i = 1; i <= 2; i++) for (let j = 1; j <= 2; j++) {
			const cells = kernel.map(([a, b]) => `out_{C1,${2 * i - 2 + a},${2 * j - 2 + b}}`);
			d.push(`$$out_{P1,${i},${j}} = \\max\\{${cells.join(', ')}\\}$$`);
		}
		d.push('$$in_{o1} = w_1 out_{P1} + w_2 out_{P2} + w_3 out_{P3} + w_4 out_{P4} + c_1$$', '$$in_{o2} = w_5 out_{P1} + w_6 out_{P2} + w_7 out_{P3} + w_8 out_{P4} + c_2$$');
		d.push('$$out_{o1} = \\frac{e^{in_{o1}}}{e^{in_{o1}} + e^{in_{o2}}}$$', '$$out_{o2} = \\frac{e^{in_{o2}}}{e^{in_{o1}} + e^{in_{o2}}}$$', '$$E = -(t_1 \\ln out_{o1} + t_2 \\ln out_{o2})$$');
		const read = layers(await check(d.join('\n\n')));
		assert.deepStrictEqual(read.map((l) => l.kind), ['conv', 'pool', 'flatten', 'dense']);
		const p = read[1] as PoolLayer;
		assert.deepStrictEqual([p.dims, p.mode, p.size, p.stride], [2, 'max', [2, 2], [2, 2]]);
	});

	test('declines a network deeper than the reader reads, in bounded time', async () => {
		// A convolution, then a long run of 2-unit dense layers, each reading the two outputs before it.
		const d = ['$K_1 = (0.1, 0.2)$, $c_1 = 0$, $x_1 = 1$, $x_2 = 2$, $x_3 = 3$', '$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1$$', '$$z_{C2} = x_2 K_{11} + x_3 K_{12} + c_1$$'];
		let prev = ['z_{C1}', 'z_{C2}'];
		for (let l = 1; l <= MAX_INFER_LAYERS + 5; l++) {
			d.push(`$$z_{D${l}1} = u_{${l}1} ${prev[0]} + u_{${l}2} ${prev[1]} + e_{${l}}$$`, `$$z_{D${l}2} = u_{${l}3} ${prev[0]} + u_{${l}4} ${prev[1]} + e_{${l}}$$`);
			prev = [`z_{D${l}1}`, `z_{D${l}2}`];
		}
		const started = Date.now();
		const a = await check(d.join('\n\n'));
		assert.strictEqual(a.inferred?.kind, 'none');
		assert.strictEqual(a.inferred.reason, `the forward formulas make more than ${MAX_INFER_LAYERS} layers, more than derivcheck reads off a document`);
		assert.ok(Date.now() - started < 20_000);
	});

	test('out-votes one unit that pairs the kernel in another order, and the checker finds that formula', async () => {
		const a = await check(edited(['$$z_{C1} = x_1 K_{11} + x_2 K_{12} + c_1$$', '$$z_{C1} = x_1 K_{12} + x_2 K_{11} + c_1 = 0.1 \\times (-0.2) + 0.5 \\times 0.4 + 0.1 = 0.28$$']));
		assert.strictEqual(a.inferred?.kind, 'read', a.inferred?.kind === 'none' ? a.inferred.reason : '');
		assert.ok(a.diagnostics.some((d) => truthCodes.has(d.code)), a.diagnostics.map((d) => d.code).join(', '));
	});
});
