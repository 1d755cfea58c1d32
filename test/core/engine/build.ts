/**
 * Hand-built network specs for the engine tests, so that layer tests do not depend on the
 * block parser: `conv1d({ kernels: [[0.1, 0.2, 0.3]] })` and friends fill in the defaults a
 * block would.
 */
import type { ActivationKind, ConvLayer, DenseLayer, LayerSpec, LossKind, NetworkSpec, Padding, PoolLayer, Shape } from '../../../src/core/engine/spec';
import { defaultNotation } from '../../../src/core/engine/spec';

const act = (kind: ActivationKind = 'linear', slope = 0.01) => ({ kind, slope });

export function conv(o: {
	name?: string; dims?: 1 | 2; out: number; in?: number; kh?: number; kw: number; kernels: number[];
	bias?: number[]; shared?: boolean; stride?: [number, number]; padding?: Padding; flip?: boolean; activation?: ActivationKind; slope?: number;
	kernelNames?: string[]; biasNames?: string[];
}): ConvLayer {
	return {
		kind: 'conv', name: o.name, dims: o.dims ?? 1, outChannels: o.out, inChannels: o.in ?? 1, kh: o.kh ?? 1, kw: o.kw,
		kernels: Float64Array.from(o.kernels), bias: Float64Array.from(o.bias ?? new Array(o.shared ? 1 : o.out).fill(0)),
		sharedBias: o.shared ?? false, stride: o.stride ?? [1, 1], padding: o.padding ?? 'valid', flip: o.flip ?? false,
		activation: act(o.activation, o.slope), kernelNames: o.kernelNames, biasNames: o.biasNames,
	};
}

export function pool(mode: 'max' | 'avg', dims: 1 | 2, size: [number, number], stride?: [number, number], name?: string): PoolLayer {
	return { kind: 'pool', mode, dims, size, stride: stride ?? size, name };
}

export function dense(o: { name?: string; units: number; weights: number[]; bias?: number[]; shared?: boolean; activation?: ActivationKind; slope?: number; weightNames?: string[]; biasNames?: string[] }): DenseLayer {
	return {
		kind: 'dense', name: o.name, units: o.units, weights: Float64Array.from(o.weights),
		bias: Float64Array.from(o.bias ?? new Array(o.shared ? 1 : o.units).fill(0)), sharedBias: o.shared ?? false,
		activation: act(o.activation, o.slope), weightNames: o.weightNames, biasNames: o.biasNames,
	};
}

export function network(o: { input: number[]; shape?: Shape; target: number[]; loss?: LossKind; lr?: number; layers: LayerSpec[]; frozen?: string[]; inputNames?: string[]; targetNames?: string[] }): NetworkSpec {
	return {
		input: Float64Array.from(o.input),
		inputShape: o.shape ?? { channels: 1, rows: 1, cols: o.input.length, dims: 1 },
		inputNames: o.inputNames,
		target: Float64Array.from(o.target),
		targetNames: o.targetNames,
		loss: o.loss ?? 'half_sse',
		learningRate: o.lr ?? 0.5,
		layers: o.layers,
		frozen: new Set(o.frozen ?? []),
		notation: defaultNotation,
	};
}

/** The DESIGN 2.4 network (the seed notes' network), built by hand. */
export function seedSpec(): NetworkSpec {
	const names = (stem: string, n: number, m?: number) => {
		const r: string[] = [];
		for (let a = 1; a <= n; a++) if (m === undefined) r.push(`${stem}_{${a}}`); else for (let b = 1; b <= m; b++) r.push(`${stem}_{${a}${b}}`);
		return r;
	};
	return network({
		input: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
		inputNames: names('i', 6),
		target: [1, 0],
		targetNames: names('t', 2),
		loss: 'cross_entropy',
		lr: 0.7,
		layers: [
			conv({ name: 'CC', out: 2, kw: 3, kernels: [0.1, 0.2, 0.3, 0.3, 0.2, 0.1], bias: [0.5, -0.5], flip: true, activation: 'sigmoid', kernelNames: names('KK', 2, 3), biasNames: names('bb', 2) }),
			pool('avg', 1, [1, 2], undefined, 'PP'),
			{ kind: 'flatten' },
			conv({ name: 'C', out: 3, kw: 3, kernels: [-1, 0, 1, 1, 0, -1, 1, 1, 0], bias: [0, 0, 0], flip: true, activation: 'sigmoid', kernelNames: names('k', 3, 3), biasNames: names('b', 3) }),
			pool('max', 1, [1, 2], undefined, 'P'),
			dense({ name: 'o', units: 2, weights: [0.1, 0.2, 0.3, -0.1, -0.2, -0.3], bias: [0.4, -0.4], activation: 'softmax', weightNames: names('w', 6), biasNames: ['b_1', 'b_2'] }),
		],
	});
}
