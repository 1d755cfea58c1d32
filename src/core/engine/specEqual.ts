/**
 * Whether two network specs are the same network with the same names, and if not, the first
 * difference in words. The block writer proves each block it writes with it (the block, read
 * back, is the spec it was written from), and the tests compare the specs of fixtures with it.
 * Values compare with `Object.is`, so `-0` differs from `0` and `NaN` (no learning rate) equals
 * `NaN`; names compare as written, not by their keys, since the writer promises the document's
 * own spelling.
 */
import type { ActivationSpec, LayerSpec, NetworkSpec, Notation, Shape } from './spec';

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
	return true;
}

function sameNames(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
	if (!a || !b) return a === b;
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameShape(a: Shape, b: Shape): boolean {
	return a.channels === b.channels && a.rows === b.rows && a.cols === b.cols && a.dims === b.dims;
}

function sameActivation(a: ActivationSpec, b: ActivationSpec): boolean {
	return a.kind === b.kind && Object.is(a.slope, b.slope);
}

function sameNotation(a: Notation, b: Notation): boolean {
	return (['pre', 'post', 'delta'] as const).every((k) => sameNames(a[k], b[k]));
}

/** The first field in which two layers differ, or undefined: `the kernels`, `flip`. */
function layerDifference(a: LayerSpec, b: LayerSpec): string | undefined {
	if (a.kind !== b.kind) return `the kind (${a.kind}, ${b.kind})`;
	if (a.name !== b.name) return 'the name';
	if (a.kind === 'conv' && b.kind === 'conv') {
		if (a.dims !== b.dims || a.outChannels !== b.outChannels || a.inChannels !== b.inChannels || a.kh !== b.kh || a.kw !== b.kw) return 'the kernels\' shape';
		if (!sameValues(a.kernels, b.kernels)) return 'the kernels';
		if (!sameValues(a.stride, b.stride)) return 'the stride';
		if (a.padding !== b.padding) return 'the padding';
		if (a.flip !== b.flip) return 'flip';
		if (!sameValues(a.bias, b.bias) || a.sharedBias !== b.sharedBias) return 'the bias';
		if (!sameActivation(a.activation, b.activation)) return 'the activation';
		if (!sameNames(a.kernelNames, b.kernelNames)) return 'the kernel names';
		if (!sameNames(a.biasNames, b.biasNames)) return 'the bias names';
		return undefined;
	}
	if (a.kind === 'pool' && b.kind === 'pool') {
		if (a.mode !== b.mode || a.dims !== b.dims) return 'the kind of pool';
		if (!sameValues(a.size, b.size)) return 'the size';
		return sameValues(a.stride, b.stride) ? undefined : 'the stride';
	}
	if (a.kind === 'dense' && b.kind === 'dense') {
		if (a.units !== b.units || !sameValues(a.weights, b.weights)) return 'the weights';
		if (!sameValues(a.bias, b.bias) || a.sharedBias !== b.sharedBias) return 'the bias';
		if (!sameActivation(a.activation, b.activation)) return 'the activation';
		if (!sameNames(a.weightNames, b.weightNames)) return 'the weight names';
		return sameNames(a.biasNames, b.biasNames) ? undefined : 'the bias names';
	}
	if (a.kind === 'activation' && b.kind === 'activation') return sameActivation(a.activation, b.activation) ? undefined : 'the activation';
	return undefined;
}

/**
 * The first difference between two specs in words, or undefined when they are the same:
 * `specDifference(a, b)` is `layer 2 (C) differs in flip` when only a kernel's flip differs.
 */
export function specDifference(a: NetworkSpec, b: NetworkSpec): string | undefined {
	if (!sameShape(a.inputShape, b.inputShape)) return 'the input\'s shape differs';
	if (!sameValues(a.input, b.input)) return 'the input differs';
	if (!sameNames(a.inputNames, b.inputNames)) return 'the input names differ';
	if (!sameValues(a.target, b.target)) return 'the target differs';
	if (!sameNames(a.targetNames, b.targetNames)) return 'the target names differ';
	if (a.loss !== b.loss) return 'the loss differs';
	if (!Object.is(a.learningRate, b.learningRate)) return 'the learning rate differs';
	if (a.layers.length !== b.layers.length) return 'the number of layers differs';
	for (let i = 0; i < a.layers.length; i++) {
		const d = layerDifference(a.layers[i], b.layers[i]);
		if (d) return `layer ${i + 1}${a.layers[i].name === undefined ? '' : ` (${a.layers[i].name})`} differs in ${d}`;
	}
	if (a.frozen.size !== b.frozen.size || [...a.frozen].some((k) => !b.frozen.has(k))) return 'the frozen parameters differ';
	return sameNotation(a.notation, b.notation) ? undefined : 'the notation differs';
}
