/**
 * Shapes, layer by layer. Each function returns the output shape or a sentence saying why the
 * layer cannot take its input; the block parser reports that sentence at the layer, and the
 * engine trusts shapes that passed here. Padding follows TensorFlow: `same` gives
 * ceil(n / stride) outputs and puts the odd padding element at the end.
 */
import type { LayerSpec, Padding, Shape } from './spec';
import { said, say, type Said } from '../messages/message';

/** The number of elements: 2 channels × 4 is 8. */
export function size(s: Shape): number {
	return s.channels * s.rows * s.cols;
}

/** The padding before the first element along one axis: `padBefore(6, 3, 1, 'same')` is 1. */
export function padBefore(n: number, k: number, stride: number, padding: Padding): number {
	if (padding === 'valid') return 0;
	if (typeof padding === 'number') return padding;
	const out = Math.ceil(n / stride);
	const total = Math.max((out - 1) * stride + k - n, 0);
	return Math.floor(total / 2);
}

/** Output length along one axis: `convLength(6, 3, 1, 'valid')` is 4. */
export function convLength(n: number, k: number, stride: number, padding: Padding): number {
	if (padding === 'same') return Math.ceil(n / stride);
	const p = padding === 'valid' ? 0 : padding;
	return Math.floor((n + 2 * p - k) / stride) + 1;
}

/** A count in words, one or many: `counted(3, 'shape.oneUnit', 'shape.units')` says `3 units`. */
function counted(n: number, one: 'shape.oneInputChannel' | 'shape.oneChannel' | 'shape.oneUnit', many: 'shape.inputChannels' | 'shape.channelCount' | 'shape.units'): Said {
	return n === 1 ? said(one, {}) : said(many, { count: n });
}

/**
 * The output shape of `layer` on input `s`, or a message in English. For example a conv1d with 3
 * kernels of size 3 on 1 × 4 gives 3 × 2; on a 2-element input it says the kernel does not fit.
 */
export function outputShape(layer: LayerSpec, s: Shape): Shape | string {
	const o = shapeOrProblem(layer, s);
	return 'id' in o ? say(o) : o;
}

/** The output shape of `layer` on input `s`, or the problem as data, to be said in any language. */
export function shapeOrProblem(layer: LayerSpec, s: Shape): Shape | Said {
	switch (layer.kind) {
		case 'conv': {
			if (layer.dims !== s.dims) return said('shape.convDims', { dims: layer.dims, input: s.dims, shape: describeSaid(s) });
			if (layer.inChannels !== s.channels) return said('shape.channels', { expected: counted(layer.inChannels, 'shape.oneInputChannel', 'shape.inputChannels'), found: counted(s.channels, 'shape.oneChannel', 'shape.channelCount'), shape: describeSaid(s) });
			const rows = layer.dims === 1 ? 1 : convLength(s.rows, layer.kh, layer.stride[0], layer.padding);
			const cols = convLength(s.cols, layer.kw, layer.stride[1], layer.padding);
			if (rows < 1 || cols < 1) return said('shape.kernelFit', { kernel: layer.dims === 1 ? layer.kw : `${layer.kh}×${layer.kw}`, shape: describeSaid(s), padding: layer.padding });
			return { channels: layer.outChannels, rows, cols, dims: s.dims };
		}
		case 'pool': {
			if (layer.dims !== s.dims) return said('shape.poolDims', { dims: layer.dims, input: s.dims, shape: describeSaid(s) });
			const rows = Math.floor((s.rows - layer.size[0]) / layer.stride[0]) + 1;
			const cols = Math.floor((s.cols - layer.size[1]) / layer.stride[1]) + 1;
			if (rows < 1 || cols < 1) return said('shape.poolFit', { size: layer.dims === 1 ? layer.size[1] : layer.size.join('×'), shape: describeSaid(s) });
			return { channels: s.channels, rows, cols, dims: s.dims };
		}
		case 'flatten':
			return { channels: 1, rows: 1, cols: size(s), dims: 1 };
		case 'dense':
			if (layer.weights.length !== layer.units * size(s)) {
				return said('shape.denseWeights', { units: counted(layer.units, 'shape.oneUnit', 'shape.units'), inputs: size(s), rows: layer.units, count: layer.weights.length });
			}
			return { channels: 1, rows: 1, cols: layer.units, dims: 1 };
		case 'activation':
			return s;
	}
}

/** `2 channels × 4`, `6 × 28 × 28`: a shape in words. */
export function describe(s: Shape): string {
	const d = describeSaid(s);
	return typeof d === 'string' ? d : say(d);
}

/** A shape in words as data, for a message said later: `length 4`, `2 channels × 4`, or `3 × 3` as it is. */
function describeSaid(s: Shape): string | Said {
	const spatial = s.dims === 1 ? `${s.cols}` : `${s.rows} × ${s.cols}`;
	if (s.channels === 1) return s.dims === 1 ? said('shape.length', { length: spatial }) : spatial;
	return said('shape.channelsBy', { channels: s.channels, spatial });
}

/** Multiply-accumulates of one forward pass of `layer` producing `out` (for the size cap). */
export function macs(layer: LayerSpec, inShape: Shape, out: Shape): number {
	switch (layer.kind) {
		case 'conv':
			return size(out) * layer.inChannels * layer.kh * layer.kw;
		case 'pool':
			return size(out) * layer.size[0] * layer.size[1];
		case 'dense':
			return layer.units * size(inShape);
		default:
			return size(out);
	}
}
