/**
 * Activation functions, forward and backward side by side. Elementwise functions map `pre` to
 * `out`; their backward turns ∂E/∂out into ∂E/∂pre (the delta) using `out` where the derivative
 * is cheapest in it (σ' = out(1 − out), tanh' = 1 − out²) and `pre` where it must (ReLU's step).
 * Softmax couples the whole layer: delta_j = out_j (dout_j − Σ_k dout_k out_k).
 */
import type { ActivationSpec } from './spec';

/** The logistic function, stable for large |x|: `sigmoid(0.6)` is 0.6457. */
export function sigmoid(x: number): number {
	return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Applies the activation: `activate({kind: 'sigmoid', slope: 0}, [0.6], out)` sets out to [0.646]. */
export function activate(a: ActivationSpec, pre: Float64Array, out: Float64Array): void {
	const n = pre.length;
	switch (a.kind) {
		case 'sigmoid':
			for (let i = 0; i < n; i++) out[i] = sigmoid(pre[i]);
			return;
		case 'tanh':
			for (let i = 0; i < n; i++) out[i] = Math.tanh(pre[i]);
			return;
		case 'relu':
			for (let i = 0; i < n; i++) out[i] = pre[i] > 0 ? pre[i] : 0;
			return;
		case 'leaky_relu':
			for (let i = 0; i < n; i++) out[i] = pre[i] > 0 ? pre[i] : a.slope * pre[i];
			return;
		case 'linear':
			out.set(pre);
			return;
		case 'softmax': {
			let m = -Infinity;
			for (let i = 0; i < n; i++) m = Math.max(m, pre[i]);
			let s = 0;
			for (let i = 0; i < n; i++) s += out[i] = Math.exp(pre[i] - m);
			for (let i = 0; i < n; i++) out[i] /= s;
			return;
		}
	}
}

/** The delta from ∂E/∂out: for sigmoid, `delta_j = dout_j · out_j (1 − out_j)`. */
export function activateBackward(a: ActivationSpec, pre: Float64Array, out: Float64Array, dout: Float64Array, delta: Float64Array): void {
	const n = pre.length;
	switch (a.kind) {
		case 'sigmoid':
			for (let i = 0; i < n; i++) delta[i] = dout[i] * out[i] * (1 - out[i]);
			return;
		case 'tanh':
			for (let i = 0; i < n; i++) delta[i] = dout[i] * (1 - out[i] * out[i]);
			return;
		case 'relu':
			for (let i = 0; i < n; i++) delta[i] = pre[i] > 0 ? dout[i] : 0;
			return;
		case 'leaky_relu':
			for (let i = 0; i < n; i++) delta[i] = pre[i] > 0 ? dout[i] : a.slope * dout[i];
			return;
		case 'linear':
			delta.set(dout);
			return;
		case 'softmax': {
			let dot = 0;
			for (let i = 0; i < n; i++) dot += dout[i] * out[i];
			for (let i = 0; i < n; i++) delta[i] = out[i] * (dout[i] - dot);
			return;
		}
	}
}
