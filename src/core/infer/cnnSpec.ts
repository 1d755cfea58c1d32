/**
 * A convolutional reading as the engine's `NetworkSpec`, in the document's names: kernels flat
 * over output channel, input channel and element as the engine orders them, a bias per output
 * channel (or one shared), a 2-D kernel row by row over a grid of inputs, pools by mode, size and stride, flatten where a convolution reads across
 * channels. A name that is a parameter of two layers (the seed's `b_1`, the convolution's and the
 * dense layer's bias) takes, in each layer, the number that layer's own formulas substitute for it;
 * a layer that substitutes none gives no value and so no network. A given the document never states
 * is a reason, not a zero.
 */
import type { LayerSpec, NetworkSpec } from '../engine/spec';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';
import type { NameRef } from '../syntax/ast';
import type { CnnLayer, CnnReading } from './cnn';
import type { Conv2dFit } from './conv2d';
import type { ForwardFormula } from './formulas';
import type { Givens } from './givens';
import type { LossReading } from './loss';
import type { Pool2dFit } from './pool';
import { denseLayerSpec, lossFields } from './spec';

type Read<T> = Extract<T, { kind: 'read' }>;

/** The parameter names of a layer, in the order the spec states them. */
export function paramsOf(L: CnnLayer): NameRef[] {
	if (L.kind === 'conv') return [...L.fit.kernel, ...L.fit.biases];
	if (L.kind === 'dense') return L.units.flatMap((u) => [...u.weights, ...(u.bias ? [u.bias] : [])]);
	return [];
}

/** Keys that are parameters of more than one layer. */
export function sharedParams(layers: readonly CnnLayer[]): Set<string> {
	const owner = new Map<string, number>();
	const shared = new Set<string>();
	layers.forEach((L, l) => {
		for (const n of paramsOf(L)) {
			const o = owner.get(n.key);
			if (o !== undefined && o !== l) shared.add(n.key);
			owner.set(n.key, l);
		}
	});
	return shared;
}

/** The chains that write the layer's own forward formulas. */
function chainsOf(L: CnnLayer, formulas: readonly ForwardFormula[]): Set<number> {
	if (L.kind !== 'conv' && L.kind !== 'dense') return new Set();
	const heads = new Set(L.units.flatMap((u) => u.pre.heads.map((h) => h.key)));
	return new Set(formulas.filter((f) => f.heads.some((h) => heads.has(h.key))).map((f) => f.chain.index));
}

/** The spec of a convolutional reading, or the given it lacks (said in `locale`). */
export function buildCnnSpec(reading: Read<CnnReading>, loss: Read<LossReading>, givens: Givens, formulas: readonly ForwardFormula[], locale: Locale): NetworkSpec | { reason: string } {
	let missing: NameRef | undefined;
	const shared = sharedParams(reading.layers);
	const values = (names: readonly NameRef[], within?: Set<number>) => Float64Array.from(names, (n) => {
		const v = within && shared.has(n.key) ? givens.valueIn(n, within) : givens.value(n);
		if (v === undefined) missing ??= n;
		return v ?? 0;
	});
	const input = values(reading.inputs);
	const layers: LayerSpec[] = reading.layers.map((L): LayerSpec => {
		const within = chainsOf(L, formulas);
		switch (L.kind) {
			case 'flatten': return { kind: 'flatten' };
			case 'pool': {
				const two = 'outRows' in L.fit ? (L.fit as Pool2dFit) : undefined;
				return { kind: 'pool', name: L.name, mode: L.fit.mode, dims: two ? 2 : 1, size: [two?.sizeRows ?? 1, L.fit.size], stride: [two?.strideRows ?? 1, L.fit.stride] };
			}
			case 'conv': {
				const f = L.fit;
				const two = 'rows' in f ? (f as Conv2dFit) : undefined;
				return {
					kind: 'conv', name: L.name, dims: two ? 2 : 1, outChannels: f.outChannels, inChannels: f.inChannels, kh: two?.kh ?? 1, kw: f.k,
					kernels: values(f.kernel, within), stride: [two?.strideRows ?? 1, f.stride], padding: f.padding === 0 ? 'valid' : f.padding, flip: f.flip,
					bias: values(f.biases, within), sharedBias: f.sharedBias, activation: { kind: L.activation, slope: 0.01 },
					kernelNames: f.kernel.map((n) => n.text), biasNames: f.biases.map((n) => n.text),
				};
			}
			case 'dense': return denseLayerSpec(L.name, L.units, L.activation, (names) => values(names, within));
		}
	});
	const fields = lossFields(loss, values, givens, locale);
	if ('reason' in fields) return fields;
	if (missing) return { reason: message('infer.noValue', { name: missing.text }, locale) };
	return {
		input,
		inputShape: reading.grid
			? { channels: 1, rows: reading.grid.rows, cols: reading.grid.cols, dims: 2 }
			: { channels: reading.inputChannels ?? 1, rows: 1, cols: input.length / (reading.inputChannels ?? 1), dims: 1 },
		inputNames: reading.inputs.map((n) => n.text),
		layers,
		...fields,
	};
}
