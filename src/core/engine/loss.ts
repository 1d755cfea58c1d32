/**
 * Losses, forward and backward side by side. Each loss is a sum of per-output terms E_{oj}
 * (DESIGN 2.5), so the forward pass fills `terms` and returns their sum; the backward pass gives
 * ∂E/∂out_j. `mse` divides by the number of outputs; `half_sse` is Σ ½(t − o)²; cross-entropy and
 * binary cross-entropy are sums, not means, so that softmax/sigmoid deltas are out − target.
 */
import type { LossKind } from './spec';

/** Fills the per-output terms and returns E: cross-entropy of [0.823, 0.177] against [1, 0] is 0.195. */
export function lossForward(kind: LossKind, out: Float64Array, target: Float64Array, terms: Float64Array): number {
	const n = out.length;
	let e = 0;
	for (let j = 0; j < n; j++) {
		const o = out[j], t = target[j];
		let term: number;
		switch (kind) {
			case 'cross_entropy':
				term = t === 0 ? 0 : -t * Math.log(o);
				break;
			case 'mse':
				term = (t - o) * (t - o) / n;
				break;
			case 'half_sse':
				term = 0.5 * (t - o) * (t - o);
				break;
			case 'binary_cross_entropy':
				term = -((t === 0 ? 0 : t * Math.log(o)) + (t === 1 ? 0 : (1 - t) * Math.log(1 - o)));
				break;
		}
		terms[j] = term;
		e += term;
	}
	return e;
}

/** ∂E/∂out_j: for half_sse it is out_j − t_j. */
export function lossBackward(kind: LossKind, out: Float64Array, target: Float64Array, dout: Float64Array): void {
	const n = out.length;
	for (let j = 0; j < n; j++) {
		const o = out[j], t = target[j];
		switch (kind) {
			case 'cross_entropy':
				dout[j] = t === 0 ? 0 : -t / o;
				break;
			case 'mse':
				dout[j] = 2 * (o - t) / n;
				break;
			case 'half_sse':
				dout[j] = o - t;
				break;
			case 'binary_cross_entropy':
				dout[j] = (o - t) / (o * (1 - o));
				break;
		}
	}
}
