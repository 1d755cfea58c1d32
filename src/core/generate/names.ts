/**
 * Names for everything a generated derivation writes. A network read from a block keeps the
 * names its author gave; what has none gets one, chosen so that no two quantities share a
 * spelling: layers get a letter by kind (`C`, `D` … for convolutions, `P`, `Q` … for pools, `h`
 * for hidden dense layers and `o` for the output), and parameters get stems that double up per
 * layer as the seed notes do (`k`, `kk`; `w`, `ww`; `b`, `bb`), never a role stem (`a`, `z`, `h`,
 * `o`) or `e`. Inputs are `x_j`; targets `t_j`, or `y_j` in the textbook notation. A name list
 * the author gave that repeats a name (the seed notes call two layers' biases `b_1`) is replaced:
 * a generated derivation must mean one quantity by each name.
 */
import { indexedNames, paramDims } from '../engine/labels';
import type { LayerSpec, NetworkSpec } from '../engine/spec';
import { buildNetwork } from '../engine/index';
import { nameKey } from '../engine/nameKey';

const LETTERS: Record<'conv' | 'pool' | 'activation', readonly string[]> = {
	conv: ['C', 'D', 'F', 'G', 'K', 'M', 'N'],
	pool: ['P', 'Q', 'R', 'S', 'U', 'V'],
	activation: ['A', 'B', 'T', 'W', 'X', 'Y'],
};

/** A stem used once per layer: `k`, `kk`, `kkk` … */
function stems(letter: string): () => string {
	let n = 0;
	return () => letter.repeat(++n);
}

/** True when a name list is given and every entry differs from the rest (compared as the checker compares names). */
function distinct(names: readonly string[] | undefined, taken: Set<string>): boolean {
	if (!names) return false;
	const keys = names.map(nameKey);
	if (new Set(keys).size !== keys.length || keys.some((k) => taken.has(k))) return false;
	for (const k of keys) taken.add(k);
	return true;
}

/**
 * The spec with every layer and parameter named: `named(spec, 'y')` keeps the seed network's own
 * names and names an unnamed conv `C`, its kernels `k_{11}` … and its biases `b_1` ….
 */
export function namedSpec(spec: NetworkSpec, targetStem = 't'): NetworkSpec {
	const usedLayers = new Set(spec.layers.map((l) => l.name).filter((n): n is string => n !== undefined));
	const pick = (list: readonly string[], fallback: string): string => {
		for (const x of list) if (!usedLayers.has(x)) { usedLayers.add(x); return x; }
		let i = 2;
		while (usedLayers.has(fallback.repeat(i))) i++;
		usedLayers.add(fallback.repeat(i));
		return fallback.repeat(i);
	};
	const kernel = stems('k'), weight = stems('w'), bias = stems('b');
	const taken = new Set<string>();
	const temp = buildNetwork(spec);
	const last = spec.layers.length - 1;
	const layers = spec.layers.map((l, i): LayerSpec => {
		if (l.kind === 'flatten') return l;
		const name = l.name ?? (l.kind === 'dense' ? pick(i === last ? ['o', 'y'] : ['h', 'g', 'u', 'v'], i === last ? 'o' : 'h') : pick(LETTERS[l.kind], l.kind === 'conv' ? 'C' : l.kind === 'pool' ? 'P' : 'A'));
		if (l.kind === 'conv') {
			const kernelNames = distinct(l.kernelNames, taken) ? l.kernelNames : freshNames(kernel, paramDims(temp, i, 'w'), taken);
			const biasNames = distinct(l.biasNames, taken) ? l.biasNames : freshNames(bias, l.sharedBias ? [] : [l.bias.length], taken);
			return { ...l, name, kernelNames, biasNames };
		}
		if (l.kind === 'dense') {
			const weightNames = distinct(l.weightNames, taken) ? l.weightNames : freshNames(weight, [l.weights.length], taken);
			const biasNames = distinct(l.biasNames, taken) ? l.biasNames : freshNames(bias, l.sharedBias ? [] : [l.bias.length], taken);
			return { ...l, name, weightNames, biasNames };
		}
		return { ...l, name };
	});
	const inputNames = distinct(spec.inputNames, taken) ? spec.inputNames : indexedNames('x', [spec.input.length]);
	const targetNames = distinct(spec.targetNames, taken) ? spec.targetNames : indexedNames(targetStem, [spec.target.length]);
	return { ...spec, layers, inputNames, targetNames, inputShape: writableShape(spec), frozen: existingFrozen(spec) };
}

/**
 * A 1-D input with channels reads as such only before a 1-D conv or pool; before dense layers alone
 * it is the same numbers as rows of a 2-D input, which is how a block can write it.
 */
function writableShape(spec: NetworkSpec): NetworkSpec['inputShape'] {
	const s = spec.inputShape;
	const typed = spec.layers.some((l) => l.kind === 'conv' || l.kind === 'pool');
	return s.dims === 1 && s.channels > 1 && !typed ? { channels: 1, rows: s.channels, cols: s.cols, dims: 2 } : s;
}

/** The frozen keys that name a parameter the network has (a key for a layer without parameters freezes nothing). */
function existingFrozen(spec: NetworkSpec): ReadonlySet<string> {
	const out = new Set<string>();
	for (const key of spec.frozen) {
		const [layer, kind, index] = key.split(':');
		const l = spec.layers[Number(layer)];
		const n = l?.kind === 'conv' ? (kind === 'w' ? l.kernels.length : l.bias.length) : l?.kind === 'dense' ? (kind === 'w' ? l.weights.length : l.bias.length) : 0;
		if (Number(index) < n) out.add(key);
	}
	return out;
}

/** Fresh names from the next stem not yet taken; a shared bias (no dimensions) is `b_1`. */
function freshNames(next: () => string, dims: number[], taken: Set<string>): string[] {
	for (;;) {
		const stem = next();
		const names = dims.length === 0 ? [`${stem}_{1}`] : indexedNames(stem, dims);
		if (names.every((n) => !taken.has(nameKey(n)))) { names.forEach((n) => taken.add(nameKey(n))); return names; }
	}
}

