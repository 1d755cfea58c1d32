/**
 * The engine against an independent implementation, TensorFlow.js on its CPU backend, on the
 * same random networks as the finite-difference tests (`random.ts`) and on the seed network.
 *
 * Tolerance: TensorFlow.js computes in float32 (ε ≈ 1.2e-7). These networks have at most a few
 * dozen terms per sum and a handful of layers, so float32 rounding stays below about 1e-5 of the
 * values involved; |engine − tfjs| ≤ 1e-4 + 1e-3·|engine| leaves a wide margin and still
 * catches a wrong index, factor or sign, which change gradients at the first significant digit.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { Network } from '../../../src/core/engine/network';
import { runNetwork } from '../../../src/core/engine/run';
import { seedSpec } from './build';
import { randomNetwork, smooth } from './random';
import { ready, tfGradients } from './tfjs';

function close(e: number, t: number, what: string): void {
	assert.ok(Math.abs(e - t) <= 1e-4 + 1e-3 * Math.abs(e), `${what}: engine ${e}, tfjs ${t}`);
}

function compare(seed: number | string, spec = randomNetwork(Number(seed)), requireSmooth = true): boolean {
	const net = new Network(spec);
	if (!Number.isFinite(net.loss) || (requireSmooth && !smooth(net))) return false;
	const tf = tfGradients(spec);
	close(net.loss, tf.loss, `loss (seed ${seed})`);
	const run = runNetwork(spec);
	run.inputGrad.forEach((g, i) => close(g, tf.grads[0][i], `input[${i}] (seed ${seed})`));
	let k = 1;
	for (const L of net.layers) for (const p of [L.weights, L.bias]) {
		if (!p) continue;
		const t = tf.grads[k++];
		p.grad.forEach((g, i) => close(g, t[i], `layer ${L.index + 1} ${p.kind}[${i}] (seed ${seed})`));
	}
	return true;
}

suite('engine: against TensorFlow.js', () => {
	suiteSetup(ready);

	test('agrees with TensorFlow.js on the seed network', () => {
		// The seed's max-pool windows differ by 0.0006, far more than float32 rounding, so its kinks do not matter here.
		assert.ok(compare('seed', seedSpec(), false));
	});

	test('agrees with TensorFlow.js on loss and every gradient of 150 random networks', () => {
		let compared = 0;
		fc.assert(fc.property(fc.integer(), (seed) => { if (compare(seed)) compared++; }), { numRuns: 150 });
		assert.ok(compared > 100, `only ${compared} networks compared`);
	});
});
