/**
 * The same network in TensorFlow.js (CPU backend), as an independent implementation for the
 * tests and the benchmark. Tensors are NHWC; the engine's flat order (channel, row, column) is
 * restored with a transpose wherever a layer reads its input flat (flatten, dense, softmax).
 * A conv1d is a conv2d over one row, with explicit padding so that numeric padding pads only
 * the columns; a flipped kernel is reversed along both spatial axes.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { padBefore } from '../../../src/core/engine/shape';
import type { ActivationSpec, LayerSpec, NetworkSpec, Shape } from '../../../src/core/engine/spec';
import { outputShape } from '../../../src/core/engine/shape';

export async function ready(): Promise<void> {
	await tf.setBackend('cpu');
}

/** The engine's flat values of shape `s` as an NHWC tensor. */
function nhwc(x: tf.Tensor, s: Shape): tf.Tensor4D {
	return tf.transpose(tf.reshape(x, [1, s.channels, s.rows, s.cols]), [0, 2, 3, 1]);
}

/** An NHWC tensor back in the engine's flat order, as [1, n]. */
function flat(x: tf.Tensor4D): tf.Tensor2D {
	return tf.reshape(tf.transpose(x, [0, 3, 1, 2]), [1, -1]);
}

function activate(a: ActivationSpec, x: tf.Tensor4D, s: Shape): tf.Tensor4D {
	switch (a.kind) {
		case 'sigmoid': return tf.sigmoid(x);
		case 'tanh': return tf.tanh(x);
		case 'relu': return tf.relu(x);
		case 'leaky_relu': return tf.leakyRelu(x, a.slope);
		case 'linear': return x;
		case 'softmax': return nhwc(tf.softmax(flat(x)), s);
	}
}

/** The parameter tensors of a spec, in the order `lossFn` takes them: per layer, weights then bias. */
export function paramArrays(spec: NetworkSpec): Float64Array[] {
	return spec.layers.flatMap((l) => (l.kind === 'conv' ? [l.kernels, l.bias] : l.kind === 'dense' ? [l.weights, l.bias] : []));
}

function layer(l: LayerSpec, x: tf.Tensor4D, s: Shape, params: tf.Tensor[]): tf.Tensor4D {
	const o = outputShape(l, s) as Shape;
	switch (l.kind) {
		case 'conv': {
			const [k, b] = params.splice(0, 2);
			let filter = tf.transpose(tf.reshape(k, [l.outChannels, l.inChannels, l.kh, l.kw]), [2, 3, 1, 0]) as tf.Tensor4D;
			if (l.flip) filter = tf.reverse(filter, [0, 1]);
			const pad = (n: number, kk: number, st: number, outLen: number): [number, number] => {
				const before = padBefore(n, kk, st, l.padding);
				return [before, Math.max(0, (outLen - 1) * st + kk - n - before)];
			};
			const rows: [number, number] = l.dims === 2 ? pad(s.rows, l.kh, l.stride[0], o.rows) : [0, 0];
			const explicit: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], rows, pad(s.cols, l.kw, l.stride[1], o.cols), [0, 0]];
			const y = tf.add(tf.conv2d(x, filter, l.stride as [number, number], explicit), l.sharedBias ? tf.reshape(b, []) : b) as tf.Tensor4D;
			return activate(l.activation, y, o);
		}
		case 'pool': {
			const f = l.mode === 'max' ? tf.maxPool : tf.avgPool;
			return f(x, l.size as [number, number], l.stride as [number, number], 'valid');
		}
		case 'flatten': return nhwc(flat(x), o);
		case 'dense': {
			const [w, b] = params.splice(0, 2);
			const y = tf.add(tf.matMul(flat(x), tf.reshape(w, [l.units, -1]), false, true), l.sharedBias ? tf.reshape(b, []) : b);
			return activate(l.activation, nhwc(y, o), o);
		}
		case 'activation': return activate(l.activation, x, o);
	}
}

/** The loss as a function of (input, ...parameters), for `tf.grads`. */
export function lossFn(spec: NetworkSpec): (...xs: tf.Tensor[]) => tf.Scalar {
	return (input: tf.Tensor, ...ps: tf.Tensor[]): tf.Scalar => {
		const params = [...ps];
		let s = spec.inputShape;
		let x = nhwc(input, s);
		for (const l of spec.layers) {
			x = layer(l, x, s, params);
			s = outputShape(l, s) as Shape;
		}
		const o = tf.reshape(flat(x), [-1]);
		const t = tf.tensor1d(Array.from(spec.target));
		const n = spec.target.length;
		switch (spec.loss) {
			case 'cross_entropy': return tf.neg(tf.sum(tf.mul(t, tf.log(o)))) as tf.Scalar;
			case 'mse': return tf.div(tf.sum(tf.square(tf.sub(t, o))), n) as tf.Scalar;
			case 'half_sse': return tf.mul(0.5, tf.sum(tf.square(tf.sub(t, o)))) as tf.Scalar;
			case 'binary_cross_entropy': return tf.neg(tf.sum(tf.add(tf.mul(t, tf.log(o)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, o)))))) as tf.Scalar;
		}
	};
}

/** Loss and gradients (input first, then the parameters) computed by TensorFlow.js. */
export function tfGradients(spec: NetworkSpec): { loss: number; grads: Float32Array[] } {
	return tf.tidy(() => {
		const args = [tf.tensor1d(Array.from(spec.input)), ...paramArrays(spec).map((a) => tf.tensor1d(Array.from(a)))];
		const f = lossFn(spec);
		const { value, grads } = tf.valueAndGrads(f)(args);
		return { loss: value.dataSync()[0], grads: grads.map((g) => g.dataSync() as Float32Array) };
	});
}

export { tf };
