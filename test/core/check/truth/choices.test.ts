/**
 * The open choices of `choices.ts` on hand-built networks: which ties and kinks open, and which of
 * them reach a quantity. Strategy: a ReLU convolution with five windows of two dead units
 * (max{0, 0}) and one clear window: more combinations than the bound, yet each quantity is judged
 * under the few that reach it, and the kernel's gradient (over dead deltas, 0 either way) under
 * none; the author's rounding opens a window the true values decide.
 */
import * as assert from 'assert';
import { Network, type QuantityId } from '../../../../src/core/engine/index';
import { point } from '../../../../src/core/eval/interval';
import { alternatives } from '../../../../src/core/check/truth/choices';
import { conv, dense, network, pool } from '../../engine/build';

// pre = x: elements 1–10 below 0 (five windows max{0, 0}), 11 and 12 = 0.5, 0.9.
const spec = network({
	input: [-1, -2, -1, -3, -2, -1, -4, -1, -2, -2, 0.5, 0.9],
	target: [0],
	layers: [
		conv({ out: 1, kw: 1, kernels: [1], bias: [0], activation: 'relu' }),
		pool('max', 1, [1, 2]),
		dense({ units: 1, weights: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] }),
	],
});
const net = new Network(spec);
const none = () => undefined;

suite('truth: the choices ties and kinks leave open', () => {
	test('five tied windows are more combinations than the bound; of them, a quantity is judged under those that reach it', () => {
		assert.strictEqual(alternatives(net, none).complete, false);
		const a = alternatives(net, none, 'L0:dout:0');
		assert.strictEqual(a.complete, true);
		assert.deepStrictEqual(a.nets.map((n) => [n.value('L0:dout:0'), n.value('L0:dout:1')]), [[0, net.value('L1:dout:0')]]);
		assert.deepStrictEqual([net.value('L0:dout:0'), net.value('L0:dout:1')], [net.value('L1:dout:0'), 0]);
	});

	test('a quantity no open choice reaches has no alternatives and stays judged', () => {
		for (const id of ['L0:dout:11', 'L0:delta:11', 'L0:w:0:grad', 'L0:b:0:grad', 'L2:w:5:grad'] as QuantityId[]) {
			const a = alternatives(net, none, id);
			assert.deepStrictEqual([a.complete, a.nets.length], [true, 0], id);
		}
	});

	test("the author's rounding opens a window the true values decide", () => {
		// 0.5 and 0.9 written as 1 and 1 (one significant digit each): either may be the maximum.
		const author = (id: QuantityId) => (id === 'L0:out:10' || id === 'L0:out:11' ? { lo: 0.5, hi: 1.5 } : undefined);
		const a = alternatives(net, author, 'L0:dout:10');
		assert.strictEqual(a.complete, true);
		assert.deepStrictEqual(a.nets.map((n) => n.value('L0:dout:10')), [net.value('L1:dout:5')]);
		assert.strictEqual(net.value('L0:dout:10'), 0);
		assert.deepStrictEqual(alternatives(net, (id) => (id === 'L0:out:10' ? point(0.5) : undefined), 'L0:dout:10').nets, []);
	});
});
