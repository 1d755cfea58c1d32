/**
 * Each layer type on small hand-computed cases, one data-driven `check` per layer: the input,
 * the layer, and the output it must give (exactly, to 1e-12). Gradients are covered by the
 * finite-difference and TensorFlow.js suites; these pin down the forward semantics: which
 * kernel element meets which input under flip, padding and stride, and the output shapes.
 */
import * as assert from 'assert';
import { activate } from '../../../src/core/engine/activation';
import { lossBackward, lossForward } from '../../../src/core/engine/loss';
import { runNetwork } from '../../../src/core/engine/run';
import type { ActivationKind, LayerSpec, LossKind, Shape } from '../../../src/core/engine/spec';
import { conv, dense, network, pool } from './build';

/** Runs one layer on `input` (shape `shape`) and checks its output values and shape. */
function check(input: number[], shape: Shape, layer: LayerSpec, expected: number[], outShape?: Partial<Shape>): void {
	const spec = network({ input, shape, target: new Array(expected.length).fill(0), layers: [layer] });
	const L = runNetwork(spec).layers[0];
	assert.deepStrictEqual(Array.from(L.out).map((v) => Math.round(v * 1e12) / 1e12), expected);
	if (outShape) for (const [k, v] of Object.entries(outShape)) assert.strictEqual(L.outShape[k as keyof Shape], v, k);
}

const row = (n: number): Shape => ({ channels: 1, rows: 1, cols: n, dims: 1 });
const grid = (c: number, r: number, k: number): Shape => ({ channels: c, rows: r, cols: k, dims: 2 });

suite('engine: layers', () => {
	test('conv1d cross-correlates by default and convolves with flip', () => {
		check([1, 2, 3, 4], row(4), conv({ out: 1, kw: 2, kernels: [10, 1] }), [12, 23, 34]);
		check([1, 2, 3, 4], row(4), conv({ out: 1, kw: 2, kernels: [10, 1], flip: true }), [21, 32, 43]);
	});

	test('conv1d pads with same (extra element at the end), a number, and strides', () => {
		check([1, 2, 3, 4], row(4), conv({ out: 1, kw: 3, kernels: [1, 1, 1], padding: 'same' }), [3, 6, 9, 7], { cols: 4 });
		check([1, 2, 3, 4], row(4), conv({ out: 1, kw: 2, kernels: [1, 1], padding: 'same' }), [3, 5, 7, 4], { cols: 4 });
		check([1, 2, 3, 4], row(4), conv({ out: 1, kw: 3, kernels: [1, 1, 1], padding: 1 }), [3, 6, 9, 7], { cols: 4, rows: 1 });
		check([1, 2, 3, 4, 5], row(5), conv({ out: 1, kw: 2, kernels: [1, 1], stride: [1, 2] }), [3, 7], { cols: 2 });
		check([1, 2, 3, 4, 5], row(5), conv({ out: 1, kw: 3, kernels: [1, 1, 1], stride: [1, 2], padding: 'same' }), [3, 9, 9], { cols: 3 });
	});

	test('conv1d sums over input channels, one bias per kernel or one shared', () => {
		const multi = { channels: 2, rows: 1, cols: 3, dims: 1 } as const;
		check([1, 2, 3, 10, 20, 30], multi, conv({ out: 2, in: 2, kw: 2, kernels: [1, 0, 0, 1, 0, 0, 0, 1], bias: [0.5, -1] }), [21.5, 32.5, 19, 29], { channels: 2, cols: 2 });
		check([1, 2, 3], row(3), conv({ out: 2, kw: 3, kernels: [1, 0, 0, 0, 0, 1], bias: [7], shared: true }), [8, 10]);
	});

	test('conv2d flips both axes and pads both', () => {
		const x = [1, 2, 3, 4, 5, 6, 7, 8, 9];
		check(x, grid(1, 3, 3), conv({ dims: 2, out: 1, kh: 2, kw: 2, kernels: [1, 0, 0, 0] }), [1, 2, 4, 5], { rows: 2, cols: 2 });
		check(x, grid(1, 3, 3), conv({ dims: 2, out: 1, kh: 2, kw: 2, kernels: [1, 0, 0, 0], flip: true }), [5, 6, 8, 9]);
		check(x, grid(1, 3, 3), conv({ dims: 2, out: 1, kh: 3, kw: 3, kernels: [0, 0, 0, 0, 1, 0, 0, 0, 0], padding: 'same' }), x, { rows: 3, cols: 3 });
		check(x, grid(1, 3, 3), conv({ dims: 2, out: 1, kh: 1, kw: 1, kernels: [1], padding: 1, stride: [2, 2] }), [0, 0, 0, 0, 5, 0, 0, 0, 0], { rows: 3, cols: 3 });
	});

	test('pools take the max or the mean of each window, 1-D and 2-D, stride defaulting to size', () => {
		check([1, 5, 2, 3, 9, 4], row(6), pool('max', 1, [1, 2]), [5, 3, 9]);
		check([1, 5, 2, 3, 9, 4], row(6), pool('avg', 1, [1, 2]), [3, 2.5, 6.5]);
		check([1, 5, 2, 3, 9, 4], row(6), pool('max', 1, [1, 3], [1, 1]), [5, 5, 9, 9]);
		check([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], grid(1, 4, 4), pool('max', 2, [2, 2]), [6, 8, 14, 16], { rows: 2, cols: 2 });
		check([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], grid(1, 4, 4), pool('avg', 2, [2, 2]), [3.5, 5.5, 11.5, 13.5]);
		check([1, 2, 3, 4, 5, 6, 7, 8], { channels: 2, rows: 1, cols: 4, dims: 1 }, pool('avg', 1, [1, 2]), [1.5, 3.5, 5.5, 7.5], { channels: 2 });
	});

	test('flatten keeps channel-major order', () => {
		check([1, 2, 3, 4], { channels: 2, rows: 1, cols: 2, dims: 1 }, { kind: 'flatten' }, [1, 2, 3, 4], { channels: 1, cols: 4 });
	});

	test('dense multiplies row-major weights and adds the bias', () => {
		check([1, 2, 3], row(3), dense({ units: 2, weights: [1, 0, 0, 1, 1, 1], bias: [0.5, -6] }), [1.5, 0]);
		check([1, 2], row(2), dense({ units: 2, weights: [1, 0, 0, 1], bias: [10], shared: true }), [11, 12]);
	});

	test('activations map pre-activations to outputs', () => {
		const cases: [ActivationKind, number[]][] = [
			['sigmoid', [0.5, 0.731058578630, 0.268941421370]],
			['tanh', [0, 0.761594155956, -0.761594155956]],
			['relu', [0, 1, 0]],
			['leaky_relu', [0, 1, -0.01]],
			['linear', [0, 1, -1]],
			['softmax', [0.244728471055, 0.665240955775, 0.090030573170]],
		];
		for (const [kind, expected] of cases) {
			const out = new Float64Array(3);
			activate({ kind, slope: 0.01 }, Float64Array.from([0, 1, -1]), out);
			assert.deepStrictEqual(Array.from(out).map((v) => Math.round(v * 1e12) / 1e12), expected, kind);
		}
	});

	test('losses are sums of per-output terms, with their derivatives', () => {
		const cases: [LossKind, number, number[]][] = [
			['cross_entropy', -Math.log(0.8), [-1 / 0.8, 0]],
			['mse', (0.04 + 0.04) / 2, [-0.2, 0.2]],
			['half_sse', 0.04, [-0.2, 0.2]],
			['binary_cross_entropy', -Math.log(0.8) - Math.log(0.8), [-1 / 0.8, 1 / 0.8]],
		];
		for (const [kind, e, d] of cases) {
			const terms = new Float64Array(2), dout = new Float64Array(2);
			const o = Float64Array.from([0.8, 0.2]), t = Float64Array.from([1, 0]);
			assert.ok(Math.abs(lossForward(kind, o, t, terms) - e) < 1e-12, kind);
			lossBackward(kind, o, t, dout);
			assert.deepStrictEqual(Array.from(dout).map((v) => Math.round(v * 1e12) / 1e12), d, kind);
		}
	});
});
