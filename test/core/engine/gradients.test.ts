/**
 * Gradients against central finite differences, on hundreds of random small networks (see
 * `random.ts`): every parameter and every input element, through every layer type, padding,
 * stride, flip, channel count, activation and loss.
 *
 * Tolerance: with step h = 1e-5 the central difference has truncation error about h²·|E'''|/6
 * (≈ 1e-10 here, the losses are smooth with derivatives of order one on these small values) and
 * rounding error about ε·|E|/h ≈ 1e-16 · 10 / 1e-5 = 1e-10. So |analytic − numeric| ≤ 1e-6 ·
 * max(1, |analytic|) leaves four orders of magnitude of margin while still catching any wrong
 * factor, index or sign. Cases where a ReLU input or a max-pool margin lies within 1e-3 of a
 * kink are skipped, since there the finite difference straddles two linear pieces.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { Network } from '../../../src/core/engine/network';
import { runNetwork } from '../../../src/core/engine/run';
import type { NetworkSpec } from '../../../src/core/engine/spec';
import { evaluateTerm, termParents } from '../../../src/core/engine/term';
import { diffTerm } from '../../../src/core/engine/diff';
import { randomNetwork, smooth } from './random';

const H = 1e-5;

function numeric(spec: NetworkSpec, arr: Float64Array, i: number): number {
	const v = arr[i];
	arr[i] = v + H;
	const up = runNetwork(spec).loss;
	arr[i] = v - H;
	const down = runNetwork(spec).loss;
	arr[i] = v;
	return (up - down) / (2 * H);
}

function close(a: number, n: number, what: string): void {
	assert.ok(Math.abs(a - n) <= 1e-6 * Math.max(1, Math.abs(a)), `${what}: analytic ${a}, numeric ${n}`);
}

suite('engine: gradients against finite differences', () => {
	test('agree for every parameter and input on 300 random networks', () => {
		let checked = 0;
		fc.assert(fc.property(fc.integer(), (seed) => {
			const spec = randomNetwork(seed);
			const net = new Network(spec);
			if (!Number.isFinite(net.loss) || !smooth(net)) return;
			checked++;
			for (const L of net.layers) for (const p of [L.weights, L.bias]) {
				if (!p) continue;
				for (let i = 0; i < p.value.length; i++) close(p.grad[i], numeric(spec, p.value, i), `layer ${L.index + 1} ${p.kind}[${i}] (seed ${seed})`);
			}
			const run = runNetwork(spec);
			for (let i = 0; i < spec.input.length; i++) close(run.inputGrad[i], numeric(spec, spec.input as Float64Array, i), `input[${i}] (seed ${seed})`);
		}), { numRuns: 300 });
		assert.ok(checked > 200, `only ${checked} of 300 networks were away from kinks`);
	});

	test('update every parameter by w - lr * grad, and leave frozen ones alone', () => {
		fc.assert(fc.property(fc.integer(), (seed) => {
			const spec = randomNetwork(seed);
			const net = new Network(spec);
			for (const L of net.layers) for (const p of [L.weights, L.bias]) {
				if (!p) continue;
				for (let i = 0; i < p.value.length; i++) {
					const frozen = spec.frozen.has(`${L.index}:${p.kind}:${i}`);
					assert.strictEqual(p.updated[i], frozen ? p.value[i] : p.value[i] - spec.learningRate * p.grad[i]);
				}
			}
		}), { numRuns: 100 });
	});
});

suite('engine: local formulas', () => {
	test('evaluate, on the true values of their parents, to the true value of every quantity (150 networks)', () => {
		fc.assert(fc.property(fc.integer(), (seed) => {
			const net = new Network(randomNetwork(seed));
			if (!Number.isFinite(net.loss)) return;
			for (const id of net.allIds()) {
				for (const inlineDout of [true, false]) {
					const f = net.formula(id, { inlineDout });
					if (!f) continue;
					const v = evaluateTerm(f.rhs, (p) => net.value(p));
					const truth = net.value(id)!;
					assert.ok(v !== undefined && Math.abs(v - truth) <= 1e-9 * Math.max(1, Math.abs(truth)), `${id} (${net.label(id)}): formula gives ${v}, engine ${truth} (seed ${seed})`);
				}
			}
		}), { numRuns: 150 });
	});

	test('differentiate, by each parent, to what finite differences of the formula give (60 networks)', () => {
		fc.assert(fc.property(fc.integer(), (seed) => {
			const net = new Network(randomNetwork(seed));
			if (!Number.isFinite(net.loss) || !smooth(net)) return;
			for (const id of net.allIds()) {
				const f = net.formula(id);
				if (!f) continue;
				for (const p of termParents(f.rhs)) {
					const d = diffTerm(f.rhs, p);
					if (!d) continue;
					const at = (x: number) => evaluateTerm(f.rhs, (q) => (q === p ? x : net.value(q)))!;
					// The step shrinks with the distance to 0 and to 1, since formulas such as (o − t)/(o (1 − o))
					// curve sharply near both: the truncation error is about (h / distance)², so h = distance · 1e-4
					// keeps it near 1e-8 relative.
					const v = net.value(p)!, h = Math.max(1e-9, Math.min(H, Math.abs(v) * 1e-4, Math.abs(1 - v) * 1e-4));
					const numeric = (at(v + h) - at(v - h)) / (2 * h);
					const analytic = evaluateTerm(d, (q) => net.value(q))!;
					assert.ok(Math.abs(analytic - numeric) <= 1e-5 * Math.max(1, Math.abs(analytic)), `∂${net.label(id)}/∂${net.label(p)}: analytic ${analytic}, numeric ${numeric} (seed ${seed})`);
				}
			}
		}), { numRuns: 60 });
	});

	test('give chain-rule paths whose products sum to each parameter\'s gradient (40 networks)', () => {
		let compared = 0;
		fc.assert(fc.property(fc.integer(), (seed) => {
			const net = new Network(randomNetwork(seed));
			if (!Number.isFinite(net.loss) || !smooth(net)) return;
			for (const L of net.layers) for (const p of [L.weights, L.bias]) {
				if (!p) continue;
				for (let i = 0; i < p.value.length; i += 3) {
					const id = `L${L.index}:${p.kind}:${i}`;
					const { paths, truncated } = net.paths(id, 200);
					if (truncated) continue;
					compared++;
					const total = paths.map((path) => net.pathFactors(path).reduce((a, f) => a * f.value, 1)).reduce((a, b) => a + b, 0);
					const grad = net.value(`${id}:grad`)!;
					assert.ok(Math.abs(total - grad) <= 1e-9 * Math.max(1, Math.abs(grad)), `${net.label(id)}: paths give ${total}, gradient ${grad} (seed ${seed})`);
				}
			}
		}), { numRuns: 40 });
		assert.ok(compared > 100);
	});
});
