/**
 * The fully connected layer, forward and backward side by side: pre_j = Σ_k w_{jk} x_k + b_j with
 * the weights row-major (units × inputs), as the block's `w_1 … w_n` names count them. The input
 * is read flat, so a dense layer may follow a pool or a conv without an explicit flatten.
 */

/** pre = W x + b. With W = [[0.1, 0.2, 0.3]], x = (0.558, 0.442, 0.750), b = 0.4: pre = 0.769. */
export function denseForward(units: number, w: Float64Array, b: Float64Array, shared: boolean, x: Float64Array, pre: Float64Array): void {
	const n = x.length;
	for (let j = 0; j < units; j++) {
		let s = shared ? b[0] : b[j];
		const row = j * n;
		for (let k = 0; k < n; k++) s += w[row + k] * x[k];
		pre[j] = s;
	}
}

/** From the delta: ∂E/∂x into `dx`, ∂E/∂w_{jk} = delta_j x_k into `gw`, ∂E/∂b into `gb`. */
export function denseBackward(units: number, w: Float64Array, shared: boolean, x: Float64Array, delta: Float64Array, dx: Float64Array, gw: Float64Array, gb: Float64Array): void {
	const n = x.length;
	dx.fill(0);
	gb.fill(0);
	for (let j = 0; j < units; j++) {
		const d = delta[j];
		gb[shared ? 0 : j] += d;
		const row = j * n;
		for (let k = 0; k < n; k++) {
			dx[k] += d * w[row + k];
			gw[row + k] = d * x[k];
		}
	}
}
