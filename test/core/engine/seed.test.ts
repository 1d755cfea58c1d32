/**
 * The DESIGN 2.4 network reproduces the seed notes' numbers. The notes round every value to three
 * places and carry the rounded values forward (their avgpool of 0.673 and 0.686 is 0.680, where the
 * exact value is 0.6792), so each number is compared to within 0.0015: the half-unit of its last
 * place plus the rounding it inherited.
 */
import * as assert from 'assert';
import { Network } from '../../../src/core/engine/network';
import { seedSpec } from './build';

function near(actual: ArrayLike<number>, expected: number[], tol = 0.0015): void {
	assert.strictEqual(actual.length, expected.length);
	for (let i = 0; i < expected.length; i++) {
		assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `element ${i + 1}: ${actual[i]} is not ${expected[i]} within ${tol}`);
	}
}

suite('engine: the seed network (DESIGN 2.4)', () => {
	const net = new Network(seedSpec());
	const [CC, PP, , C, P, o] = net.layers;

	test('computes the CC outputs 0.646, 0.659, 0.673, 0.686, 0.411, 0.426, 0.440, 0.455', () => {
		near(CC.pre!, [0.6, 0.66, 0.72, 0.78, -0.36, -0.3, -0.24, -0.18], 1e-12);
		near(CC.out, [0.646, 0.659, 0.673, 0.686, 0.411, 0.426, 0.440, 0.455], 0.0005);
	});

	test('averages the sigmoid outputs of CC into 0.653, 0.680, 0.419, 0.448', () => {
		near(PP.out, [0.653, 0.680, 0.419, 0.448]);
	});

	test('convolves with flipped kernels into 0.558, 0.558, 0.442, 0.442, 0.750, 0.704', () => {
		near(C.out, [0.558, 0.558, 0.442, 0.442, 0.750, 0.704]);
	});

	test('max-pools into 0.558, 0.442, 0.750', () => {
		near(P.out, [0.558, 0.442, 0.750]);
	});

	test('gives the softmax inputs 0.770 and -0.770, outputs 0.823 and 0.177, and loss 0.195', () => {
		near(o.pre!, [0.770, -0.770]);
		near(o.out, [0.823, 0.177]);
		assert.ok(Math.abs(net.loss - 0.195) < 0.001);
	});

	test('backpropagates coef_{o1} = out_{o1} - t_1 = -0.177 and coef_{o2} = 0.177', () => {
		near(o.delta!, [-0.177, 0.177], 0.0005);
	});

	test('updates w_1 to 0.169 and w_4 to -0.169 with learning rate 0.7', () => {
		near(o.weights!.updated, [0.169, 0.255, 0.393, -0.169, -0.255, -0.393]);
	});

	test('propagates to coefp_1 = coef_{o1} w_1 + coef_{o2} w_4 with the weights before the update', () => {
		const w = o.weights!.value, d = o.delta!;
		near(P.dout, [0, 1, 2].map((k) => d[0] * w[k] + d[1] * w[3 + k]), 1e-12);
		near(P.dout, [-0.035, -0.071, -0.106], 0.001);
	});

	test('routes max-pool gradients to the winners and scales average-pool gradients by 1/2', () => {
		assert.strictEqual(P.argmax![0], 0);
		assert.strictEqual(P.argmax![2], 4);
		for (let j = 0; j < 8; j++) assert.ok(Math.abs(CC.dout[j] - PP.dout[j >> 1] / 2) < 1e-15);
	});
});
