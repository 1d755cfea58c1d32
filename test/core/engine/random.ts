/**
 * Random small networks for property tests. A fast-check integer seeds a small deterministic
 * generator (mulberry32) that picks the structure and every value, so a failing case prints
 * one seed that rebuilds the exact network. Structures cover every layer type, 1-D and 2-D,
 * several channels, stride, all paddings, flip, shared biases, every activation and loss.
 */
import type { ActivationKind, LayerSpec, LossKind, NetworkSpec, Padding, Shape } from '../../../src/core/engine/spec';
import { outputShape, size } from '../../../src/core/engine/shape';
import { conv, dense, network, pool } from './build';
import type { Network } from '../../../src/core/engine/network';
import { poolWindow } from '../../../src/core/engine/layers/pool';

export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function randomNetwork(seed: number): NetworkSpec {
	const r = rng(seed);
	const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
	const vals = (n: number, scale = 1) => Array.from({ length: n }, () => (r() * 2 - 1) * scale);
	const dims: 1 | 2 = r() < 0.5 ? 1 : 2;
	const channels = int(1, 3);
	const shape: Shape = { channels, rows: dims === 1 ? 1 : int(3, 6), cols: int(3, dims === 1 ? 9 : 6), dims };
	const hidden: ActivationKind[] = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear'];
	const layers: LayerSpec[] = [];
	let s = shape;
	const tryAdd = (l: LayerSpec) => {
		const o = outputShape(l, s);
		if (typeof o === 'string') return;
		layers.push(l);
		s = o;
	};
	const addConv = () => {
		const kh = dims === 1 ? 1 : int(1, Math.min(3, s.rows)), kw = int(1, Math.min(3, s.cols));
		const out = int(1, 3), shared = r() < 0.2;
		const padding: Padding = pick(['valid', 'same', 0, 1] as const);
		tryAdd(conv({
			dims, out, in: s.channels, kh, kw, kernels: vals(out * s.channels * kh * kw), bias: vals(shared ? 1 : out, 0.5), shared,
			stride: [dims === 1 ? 1 : int(1, 2), int(1, 2)], padding, flip: r() < 0.5, activation: pick(hidden), slope: pick([0.01, 0.2]),
		}));
	};
	if (r() < 0.85) addConv();
	if (r() < 0.5) {
		const sz: [number, number] = dims === 1 ? [1, int(2, 3)] : [int(1, 2), int(1, 2)];
		tryAdd(pool(pick(['max', 'avg'] as const), dims, sz, r() < 0.5 ? sz : [1, 1]));
	}
	if (r() < 0.3) addConv();
	if (r() < 0.2) tryAdd({ kind: 'activation', activation: { kind: pick(hidden), slope: 0.1 } });
	if (r() < 0.5) tryAdd({ kind: 'flatten' });
	if (r() < 0.3) {
		const units = int(1, 4);
		tryAdd(dense({ units, weights: vals(units * size(s)), bias: vals(units, 0.5), activation: pick(hidden) }));
	}
	const loss: LossKind = pick(['cross_entropy', 'mse', 'half_sse', 'binary_cross_entropy'] as const);
	const units = int(loss === 'cross_entropy' ? 2 : 1, 4);
	const outAct: ActivationKind = loss === 'cross_entropy' ? 'softmax' : loss === 'binary_cross_entropy' ? 'sigmoid' : pick([...hidden, 'softmax'] as const);
	const shared = r() < 0.15;
	tryAdd(dense({ units, weights: vals(units * size(s)), bias: vals(shared ? 1 : units, 0.5), shared, activation: outAct, slope: 0.05 }));
	let target = Array.from({ length: units }, () => r());
	if (loss === 'cross_entropy' && r() < 0.7) {
		const hot = int(0, units - 1);
		target = target.map((_, j) => (j === hot ? 1 : 0));
	}
	const frozen = r() < 0.3 ? ['0:w:0', `${layers.length - 1}:b:0`] : [];
	return network({ input: vals(size(shape)), shape, target, loss, lr: pick([0.1, 0.5, 0.7]), layers, frozen });
}

/** True when no value sits within 1e-3 of a kink (ReLU at 0, a tie in a max-pool window). */
export function smooth(net: Network): boolean {
	for (const L of net.layers) {
		const s = L.spec;
		if ((s.kind === 'conv' || s.kind === 'dense' || s.kind === 'activation') && (s.activation.kind === 'relu' || s.activation.kind === 'leaky_relu')) {
			if (L.pre!.some((v) => Math.abs(v) < 1e-3)) return false;
		}
		if (L.pool?.max) {
			const x = L.index === 0 ? net.spec.input : net.layers[L.index - 1].out;
			for (let i = 0; i < L.out.length; i++) {
				const w = poolWindow(L.pool, i).map((j) => x[j]).sort((a, b) => b - a);
				if (w.length > 1 && w[0] - w[1] < 1e-3) return false;
			}
		}
	}
	return true;
}

