/**
 * The numeric pass over a whole network: forward, loss, backward and one SGD step, layer by
 * layer over Float64Arrays, with no per-element objects. Each layer's state keeps what the
 * graph of named quantities reads later: pre-activation, output, ∂E/∂output, delta (∂E/∂pre),
 * and per parameter its value, gradient and updated value. Pooling, flatten and other layers
 * without a pre-activation keep `out` and `dout` only.
 */
import { activate, activateBackward } from './activation';
import { convBackward, convForward, convGeometry, type ConvGeometry } from './layers/conv';
import { denseBackward, denseForward } from './layers/dense';
import { poolBackward, poolForward, poolGeometry, type PoolGeometry } from './layers/pool';
import { lossBackward, lossForward } from './loss';
import { outputShape, size } from './shape';
import { paramKey, type LayerSpec, type Names, type NetworkSpec, type Shape } from './spec';

/** A parameter tensor (kernel, weights or bias) with its gradient and its value after the step. */
export interface ParamState {
	readonly kind: 'w' | 'b';
	readonly value: Float64Array;
	readonly grad: Float64Array;
	readonly updated: Float64Array;
	readonly frozen: Uint8Array;
	readonly names?: Names;
	/** For a shared bias: one value used by every unit. */
	readonly shared: boolean;
}

export interface LayerState {
	readonly index: number;
	readonly spec: LayerSpec;
	readonly inShape: Shape;
	readonly outShape: Shape;
	readonly pre?: Float64Array;
	readonly out: Float64Array;
	readonly dout: Float64Array;
	readonly delta?: Float64Array;
	readonly weights?: ParamState;
	readonly bias?: ParamState;
	readonly conv?: ConvGeometry;
	readonly pool?: PoolGeometry;
	readonly argmax?: Int32Array;
	/** Set on the output layer when its delta came straight from the loss (softmax + cross-entropy). */
	outputDeltaSet?: boolean;
}

export interface RunResult {
	readonly layers: readonly LayerState[];
	readonly loss: number;
	readonly terms: Float64Array;
	/** ∂E/∂input, for completeness of the backward pass. */
	readonly inputGrad: Float64Array;
}

/**
 * Where a step takes another admissible (sub)gradient than the engine's own: the winner of a max
 * window whose elements tie, the activation's derivative at a kink (ReLU′(0) = 1). The truth check
 * builds such alternatives where a document's values leave the choice open (`check/truth/choices.ts`).
 */
export interface Choices {
	/** `layer:window` → the flat input index that wins the window. */
	readonly winners?: ReadonlyMap<string, number>;
	/** `layer:element` → the activation's derivative taken there. */
	readonly slopes?: ReadonlyMap<string, number>;
}

const frozenIndices = new WeakMap<NetworkSpec, Map<string, number[]>>();

/**
 * The frozen parameters grouped by tensor (`3:w:` → [0, 5]), once per spec: reading the whole
 * frozen list for every tensor was quadratic in a block of thousands of one-unit layers.
 */
function frozenByTensor(spec: NetworkSpec): Map<string, number[]> {
	let m = frozenIndices.get(spec);
	if (m) return m;
	m = new Map();
	for (const key of spec.frozen) {
		const cut = key.lastIndexOf(':') + 1;
		const i = Number(key.slice(cut));
		if (!Number.isInteger(i) || i < 0) continue;
		const list = m.get(key.slice(0, cut));
		if (list) list.push(i); else m.set(key.slice(0, cut), [i]);
	}
	frozenIndices.set(spec, m);
	return m;
}

function param(spec: NetworkSpec, layer: number, kind: 'w' | 'b', value: Float64Array, shared: boolean, names?: Names): ParamState {
	const frozen = new Uint8Array(value.length);
	const prefix = paramKey(layer, kind, 0).slice(0, -1);
	for (const i of frozenByTensor(spec).get(prefix) ?? []) if (i < value.length) frozen[i] = 1;
	return { kind, value, grad: new Float64Array(value.length), updated: new Float64Array(value.length), frozen, names, shared };
}

/** Allocates every layer's arrays; throws on a shape error, which `block.ts` reports before this. */
function allocate(spec: NetworkSpec): LayerState[] {
	let s = spec.inputShape;
	return spec.layers.map((l, index) => {
		const o = outputShape(l, s);
		if (typeof o === 'string') throw new Error(`layer ${index + 1}: ${o}`);
		const n = size(o);
		const hasPre = l.kind === 'conv' || l.kind === 'dense' || l.kind === 'activation';
		const state: LayerState = {
			index, spec: l, inShape: s, outShape: o,
			pre: hasPre ? new Float64Array(n) : undefined,
			out: new Float64Array(n), dout: new Float64Array(n),
			delta: hasPre ? new Float64Array(n) : undefined,
			weights: l.kind === 'conv' ? param(spec, index, 'w', l.kernels, false, l.kernelNames) : l.kind === 'dense' ? param(spec, index, 'w', l.weights, false, l.weightNames) : undefined,
			bias: l.kind === 'conv' || l.kind === 'dense' ? param(spec, index, 'b', l.bias, l.sharedBias, l.biasNames) : undefined,
			conv: l.kind === 'conv' ? convGeometry(l, s, o) : undefined,
			pool: l.kind === 'pool' ? poolGeometry(l, s, o) : undefined,
			argmax: l.kind === 'pool' && l.mode === 'max' ? new Int32Array(n) : undefined,
		};
		s = o;
		return state;
	});
}

function forward(L: LayerState, x: Float64Array): void {
	const l = L.spec;
	switch (l.kind) {
		case 'conv':
			convForward(L.conv!, l.kernels, l.bias, l.sharedBias, x, L.pre!);
			activate(l.activation, L.pre!, L.out);
			return;
		case 'dense':
			denseForward(l.units, l.weights, l.bias, l.sharedBias, x, L.pre!);
			activate(l.activation, L.pre!, L.out);
			return;
		case 'activation':
			L.pre!.set(x);
			activate(l.activation, L.pre!, L.out);
			return;
		case 'pool':
			poolForward(L.pool!, x, L.out, L.argmax ?? new Int32Array(0));
			return;
		case 'flatten':
			L.out.set(x);
	}
}

/** Fills `dx` (∂E/∂input of the layer) from the layer's dout, computing its delta and gradients. */
function backward(L: LayerState, x: Float64Array, dx: Float64Array, choices?: Choices): void {
	const l = L.spec;
	if ((l.kind === 'conv' || l.kind === 'dense' || l.kind === 'activation') && !L.outputDeltaSet) {
		activateBackward(l.activation, L.pre!, L.out, L.dout, L.delta!);
		if (choices?.slopes) for (let j = 0; j < L.delta!.length; j++) {
			const slope = choices.slopes.get(`${L.index}:${j}`);
			if (slope !== undefined) L.delta![j] = L.dout[j] * slope;
		}
	}
	switch (l.kind) {
		case 'conv':
			convBackward(L.conv!, l.kernels, l.sharedBias, x, L.delta!, dx, L.weights!.grad, L.bias!.grad);
			return;
		case 'dense':
			denseBackward(l.units, l.weights, l.sharedBias, x, L.delta!, dx, L.weights!.grad, L.bias!.grad);
			return;
		case 'activation':
			dx.set(L.delta!);
			return;
		case 'pool':
			poolBackward(L.pool!, L.dout, L.argmax ?? new Int32Array(0), dx);
			return;
		case 'flatten':
			dx.set(L.dout);
	}
}

/**
 * True when the output delta has the closed form out − target (up to Σt): softmax with
 * cross-entropy, or sigmoid with binary cross-entropy.
 */
export function closedFormDelta(spec: NetworkSpec): boolean {
	const last = spec.layers[spec.layers.length - 1];
	if (!last || (last.kind !== 'conv' && last.kind !== 'dense' && last.kind !== 'activation')) return false;
	return (last.activation.kind === 'softmax' && spec.loss === 'cross_entropy') || (last.activation.kind === 'sigmoid' && spec.loss === 'binary_cross_entropy');
}

/**
 * Runs the whole step. For the DESIGN 2.4 network the output layer's out is (0.823, 0.177) and
 * E = 0.195; every gradient and updated parameter is filled in as well.
 */
export function runNetwork(spec: NetworkSpec, choices?: Choices): RunResult {
	const layers = allocate(spec);
	let x = spec.input;
	for (const L of layers) {
		forward(L, x);
		if (L.argmax && choices?.winners) for (let i = 0; i < L.argmax.length; i++) {
			const w = choices.winners.get(`${L.index}:${i}`);
			if (w !== undefined) L.argmax[i] = w;
		}
		x = L.out;
	}
	const last = layers[layers.length - 1];
	const terms = new Float64Array(last.out.length);
	const loss = lossForward(spec.loss, last.out, spec.target, terms);
	lossBackward(spec.loss, last.out, spec.target, last.dout);
	if (closedFormDelta(spec)) {
		let st = 0;
		for (const t of spec.target) st += t;
		// Softmax couples the outputs, so its delta is out · Σt − t; a sigmoid's is out − t.
		const sum = spec.loss === 'cross_entropy' ? st : 1;
		for (let j = 0; j < last.out.length; j++) last.delta![j] = last.out[j] * sum - spec.target[j];
		last.outputDeltaSet = true;
	}
	const inputGrad = new Float64Array(spec.input.length);
	for (let i = layers.length - 1; i >= 0; i--) {
		const L = layers[i];
		backward(L, i === 0 ? spec.input : layers[i - 1].out, i === 0 ? inputGrad : layers[i - 1].dout, choices);
	}
	for (const L of layers) for (const p of [L.weights, L.bias]) {
		if (!p) continue;
		for (let i = 0; i < p.value.length; i++) p.updated[i] = p.frozen[i] ? p.value[i] : p.value[i] - spec.learningRate * p.grad[i];
	}
	return { layers, loss, terms, inputGrad };
}
