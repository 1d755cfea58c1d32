/**
 * A network built with `Choices` (`run.ts`): another winner for a tied max window and another
 * derivative at a ReLU kink. Strategy: a small convolution whose values tie exactly (two equal
 * elements in a window, a pre-activation of exactly 0); the alternative routes and differentiates
 * as asked, its kernel gradient follows, and its formulas, evaluated on its own true values, give
 * its values (the engine's invariant that formulas and loops agree).
 */
import * as assert from 'assert';
import { evaluateTerm, Network } from '../../../src/core/engine/index';
import { conv, dense, network, pool } from './build';

// pre = (1, 1, 0, -2), ReLU out = (1, 1, 0, 0): both windows tie, element 3 sits on the kink.
const spec = network({
	input: [1, 1, 0, -2],
	target: [0],
	layers: [
		conv({ out: 1, kw: 1, kernels: [1], activation: 'relu' }),
		pool('max', 1, [1, 2]),
		dense({ units: 1, weights: [0.5, -0.3] }),
	],
});

suite('engine: alternative choices at ties and kinks', () => {
	const first = new Network(spec);
	const alt = new Network(spec, { winners: new Map([['1:0', 1], ['1:1', 2]]), slopes: new Map([['0:2', 1]]) });

	test('routes a tied window to the element chosen, where the engine takes the first', () => {
		assert.deepStrictEqual([0, 1, 2, 3].map((j) => first.value(`L0:dout:${j}`) !== 0), [true, false, true, false]);
		assert.deepStrictEqual([0, 1, 2, 3].map((j) => alt.value(`L0:dout:${j}`) !== 0), [false, true, true, false]);
	});

	test("takes ReLU′(0) = 1 where chosen, and the bias gradient follows", () => {
		assert.strictEqual(first.value('L0:delta:2'), 0);
		assert.strictEqual(alt.value('L0:delta:2'), alt.value('L0:dout:2'));
		assert.notStrictEqual(alt.value('L0:b:0:grad'), first.value('L0:b:0:grad'));
	});

	test('every formula of the alternative gives its own values', () => {
		for (const id of alt.allIds()) {
			const f = alt.formula(id);
			if (!f) continue;
			const v = evaluateTerm(f.rhs, (p) => alt.value(p));
			assert.ok(v !== undefined && Math.abs(v - alt.value(id)!) <= 1e-12, `${id}: ${v} ≠ ${alt.value(id)}`);
		}
	});
});
