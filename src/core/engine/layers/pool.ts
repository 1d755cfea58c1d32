/**
 * Max and average pooling, 1-D and 2-D, forward and backward side by side. Windows never pad.
 * Max pooling remembers which input won each window (the first one on a tie) and routes the
 * whole gradient there; average pooling spreads it evenly, 1/size to each input.
 * `poolWindow` lists the inputs of one output, for formulas and chain-rule paths.
 */
import type { PoolLayer, Shape } from '../spec';

export interface PoolGeometry {
	readonly C: number; readonly H: number; readonly W: number;
	readonly OH: number; readonly OW: number;
	readonly KH: number; readonly KW: number;
	readonly sh: number; readonly sw: number;
	readonly max: boolean;
}

/** The loop bounds of a pool layer on input `s` with output `o`. */
export function poolGeometry(layer: PoolLayer, s: Shape, o: Shape): PoolGeometry {
	return {
		C: s.channels, H: s.rows, W: s.cols, OH: o.rows, OW: o.cols,
		KH: layer.size[0], KW: layer.size[1], sh: layer.stride[0], sw: layer.stride[1],
		max: layer.mode === 'max',
	};
}

/** The flat input indices of output element `i`: a size-2 pool's output 1 reads inputs 2 and 3. */
export function poolWindow(g: PoolGeometry, i: number): number[] {
	const c = Math.floor(i / (g.OH * g.OW)), oy = Math.floor(i / g.OW) % g.OH, ox = i % g.OW;
	const w: number[] = [];
	for (let ky = 0; ky < g.KH; ky++) for (let kx = 0; kx < g.KW; kx++) w.push((c * g.H + oy * g.sh + ky) * g.W + ox * g.sw + kx);
	return w;
}

/** out = pool(x); for max pooling `argmax` receives the winning input of each output. */
export function poolForward(g: PoolGeometry, x: Float64Array, out: Float64Array, argmax: Int32Array): void {
	const n = g.C * g.OH * g.OW;
	const inv = 1 / (g.KH * g.KW);
	for (let i = 0; i < n; i++) {
		const c = Math.floor(i / (g.OH * g.OW)), oy = Math.floor(i / g.OW) % g.OH, ox = i % g.OW;
		let best = -Infinity, at = -1, sum = 0;
		for (let ky = 0; ky < g.KH; ky++) {
			const row = (c * g.H + oy * g.sh + ky) * g.W + ox * g.sw;
			for (let kx = 0; kx < g.KW; kx++) {
				const v = x[row + kx];
				sum += v;
				if (v > best) { best = v; at = row + kx; }
			}
		}
		if (g.max) { out[i] = best; argmax[i] = at; } else out[i] = sum * inv;
	}
}

/** ∂E/∂x from ∂E/∂out: max pooling routes each gradient to its window's winner. */
export function poolBackward(g: PoolGeometry, dout: Float64Array, argmax: Int32Array, dx: Float64Array): void {
	dx.fill(0);
	const n = g.C * g.OH * g.OW;
	if (g.max) {
		for (let i = 0; i < n; i++) dx[argmax[i]] += dout[i];
		return;
	}
	const inv = 1 / (g.KH * g.KW);
	for (let i = 0; i < n; i++) for (const j of poolWindow(g, i)) dx[j] += dout[i] * inv;
}
