/**
 * conv1d and conv2d, forward and backward side by side; 1-D is 2-D with one row. The kernel is
 * out × in × kh × kw. With `flip` the engine works on a reversed copy of each kernel, so the
 * loops are the same for convolution and cross-correlation and the gradient is reversed back.
 * Padded positions contribute nothing, so they are skipped rather than stored as zeros.
 * `convTaps` lists, for one output element, which input element meets which kernel element:
 * the same connectivity as the loops, for formulas and chain-rule paths.
 */
import type { ConvLayer, Shape } from '../spec';
import { padBefore } from '../shape';

export interface ConvGeometry {
	readonly C: number; readonly H: number; readonly W: number;
	readonly O: number; readonly OH: number; readonly OW: number;
	readonly KH: number; readonly KW: number;
	readonly sh: number; readonly sw: number;
	readonly pt: number; readonly pl: number;
	readonly flip: boolean;
}

/** The loop bounds of a conv layer on input `s` with output `o`, padding resolved. */
export function convGeometry(layer: ConvLayer, s: Shape, o: Shape): ConvGeometry {
	return {
		C: s.channels, H: s.rows, W: s.cols, O: o.channels, OH: o.rows, OW: o.cols,
		KH: layer.kh, KW: layer.kw, sh: layer.stride[0], sw: layer.stride[1],
		pt: layer.dims === 1 ? 0 : padBefore(s.rows, layer.kh, layer.stride[0], layer.padding),
		pl: padBefore(s.cols, layer.kw, layer.stride[1], layer.padding),
		flip: layer.flip,
	};
}

/** The kernel as the loops use it: reversed within each (out, in) slice when flipped. */
function effective(g: ConvGeometry, k: Float64Array): Float64Array {
	if (!g.flip) return k;
	const r = new Float64Array(k.length);
	const slice = g.KH * g.KW;
	for (let s = 0; s < k.length; s += slice) for (let i = 0; i < slice; i++) r[s + i] = k[s + slice - 1 - i];
	return r;
}

/** pre = conv(x, k) + b. With kernel (1, 2, 3), flip and input (1, 1, 1, 1) of length 4, pre = (6, 6). */
export function convForward(g: ConvGeometry, k: Float64Array, b: Float64Array, shared: boolean, x: Float64Array, pre: Float64Array): void {
	const ke = effective(g, k);
	const { C, H, W, OH, OW, KH, KW, sh, sw, pt, pl } = g;
	for (let o = 0; o < g.O; o++) {
		const bias = shared ? b[0] : b[o];
		for (let oy = 0; oy < OH; oy++) {
			const ky0 = Math.max(0, pt - oy * sh), ky1 = Math.min(KH, H + pt - oy * sh);
			for (let ox = 0; ox < OW; ox++) {
				const kx0 = Math.max(0, pl - ox * sw), kx1 = Math.min(KW, W + pl - ox * sw);
				let s = bias;
				for (let c = 0; c < C; c++) {
					const kBase = (o * C + c) * KH;
					for (let ky = ky0; ky < ky1; ky++) {
						const xRow = (c * H + oy * sh + ky - pt) * W + ox * sw - pl;
						const kRow = (kBase + ky) * KW;
						for (let kx = kx0; kx < kx1; kx++) s += x[xRow + kx] * ke[kRow + kx];
					}
				}
				pre[(o * OH + oy) * OW + ox] = s;
			}
		}
	}
}

/** From the delta (∂E/∂pre): ∂E/∂x into `dx`, ∂E/∂k into `gk`, ∂E/∂b into `gb` (all overwritten). */
export function convBackward(g: ConvGeometry, k: Float64Array, shared: boolean, x: Float64Array, delta: Float64Array, dx: Float64Array, gk: Float64Array, gb: Float64Array): void {
	const ke = effective(g, k);
	const gke = new Float64Array(k.length);
	const { C, H, W, OH, OW, KH, KW, sh, sw, pt, pl } = g;
	dx.fill(0);
	gb.fill(0);
	for (let o = 0; o < g.O; o++) {
		for (let oy = 0; oy < OH; oy++) {
			const ky0 = Math.max(0, pt - oy * sh), ky1 = Math.min(KH, H + pt - oy * sh);
			for (let ox = 0; ox < OW; ox++) {
				const d = delta[(o * OH + oy) * OW + ox];
				gb[shared ? 0 : o] += d;
				if (d === 0) continue;
				const kx0 = Math.max(0, pl - ox * sw), kx1 = Math.min(KW, W + pl - ox * sw);
				for (let c = 0; c < C; c++) {
					const kBase = (o * C + c) * KH;
					for (let ky = ky0; ky < ky1; ky++) {
						const xRow = (c * H + oy * sh + ky - pt) * W + ox * sw - pl;
						const kRow = (kBase + ky) * KW;
						for (let kx = kx0; kx < kx1; kx++) {
							dx[xRow + kx] += d * ke[kRow + kx];
							gke[kRow + kx] += d * x[xRow + kx];
						}
					}
				}
			}
		}
	}
	gk.set(g.flip ? effective(g, gke) : gke);
}

/** One term of a weighted sum: input element `input` times kernel element `weight` (flat indices). */
export interface Tap {
	readonly input: number;
	readonly weight: number;
}

/**
 * The taps of output element `i`, in input order. For the seed's conv `C` (flip, kernel k_1 of
 * size 3 on outpp_1…4), output 0 reads outpp_1·k_13, outpp_2·k_12, outpp_3·k_11.
 */
export function convTaps(g: ConvGeometry, i: number): Tap[] {
	const { C, H, W, OH, OW, KH, KW, sh, sw, pt, pl } = g;
	const o = Math.floor(i / (OH * OW)), oy = Math.floor(i / OW) % OH, ox = i % OW;
	const taps: Tap[] = [];
	for (let c = 0; c < C; c++) {
		for (let ky = 0; ky < KH; ky++) {
			const iy = oy * sh + ky - pt;
			if (iy < 0 || iy >= H) continue;
			for (let kx = 0; kx < KW; kx++) {
				const ix = ox * sw + kx - pl;
				if (ix < 0 || ix >= W) continue;
				const fy = g.flip ? KH - 1 - ky : ky, fx = g.flip ? KW - 1 - kx : kx;
				taps.push({ input: (c * H + iy) * W + ix, weight: ((o * C + c) * KH + fy) * KW + fx });
			}
		}
	}
	return taps;
}

/** The output channel of output element `i`, which picks its bias. */
export function convChannel(g: ConvGeometry, i: number): number {
	return Math.floor(i / (g.OH * g.OW));
}
