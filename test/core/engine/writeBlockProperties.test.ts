/**
 * Property tests of the block writer over random specs of every layer type (`random.ts`: conv1d
 * and conv2d with channels, stride, padding, flip and shared biases, both pools, flatten, dense,
 * activation layers, every activation and loss), given names in the ways documents give them —
 * stems, lists of LaTeX names, names of any text at all — a notation and frozen parameters. A
 * spec is written and its block read back as the same spec, or refused for a reason the block
 * format gives; a spec with ordinary names is never refused.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { parseNetworkYaml } from '../../../src/core/engine/block';
import { indexedNames } from '../../../src/core/engine/labels';
import type { LayerSpec, NetworkSpec } from '../../../src/core/engine/spec';
import { specDifference } from '../../../src/core/engine/specEqual';
import { writeNetworkYaml } from '../../../src/core/engine/writeBlock';
import { randomNetwork, rng } from './random';

type Namer = (count: number, dims: readonly number[], role: string) => string[];

/** The spec with every parameter tensor, the input and the target named by `namer`. */
function named(spec: NetworkSpec, namer: Namer): NetworkSpec {
	const layers = spec.layers.map((l, i): LayerSpec => {
		if (l.kind === 'conv') {
			const dims = [l.outChannels, ...(l.inChannels > 1 ? [l.inChannels] : []), ...(l.dims === 2 ? [l.kh] : []), l.kw];
			return { ...l, kernelNames: namer(l.kernels.length, dims, `k${i}`), biasNames: namer(l.bias.length, l.sharedBias ? [] : [l.bias.length], `b${i}`) };
		}
		if (l.kind === 'dense') return { ...l, weightNames: namer(l.weights.length, [l.weights.length], `w${i}`), biasNames: namer(l.bias.length, l.sharedBias ? [] : [l.bias.length], `b${i}`) };
		return l;
	});
	// `randomNetwork` freezes the first weight of layer 0 and the first bias of the last, which are parameters only when those layers have them.
	const frozen = new Set([...spec.frozen].filter((k) => {
		const [i, kind] = k.split(':'), l = spec.layers[Number(i)];
		return l.kind === 'dense' || (l.kind === 'conv' && (kind === 'w' || l.bias.length > 0));
	}));
	return { ...spec, layers, frozen, inputNames: namer(spec.input.length, [spec.input.length], 'x'), targetNames: namer(spec.target.length, [spec.target.length], 't') };
}

/** Ordinary names: a stem's expansion, or LaTeX names of the author's own, unique per role. */
function ordinaryNamer(seed: number): Namer {
	const r = rng(seed);
	const stems = ['w', 'KK', 'k', '\\delta', 'W^{(1)}', 'b', '\\hat{y}', 'theta'];
	return (count, dims, role) => {
		const stem = `${stems[Math.floor(r() * stems.length)]}${role}`;
		if (dims.length === 0) return [`${stem}_{${role}}`];
		if (r() < 0.5) return indexedNames(stem, dims);
		const style = Math.floor(r() * 4);
		return Array.from({ length: count }, (_, j) => [`${stem}_${role}${j}`, `${stem}_{${role},${j + 1}}`, `\\text{${stem}}_{${role}${j}}'`, `${stem}^{+}_${role}${j}`][style]);
	};
}

/** The spec a block reads as, or the reader's first problem. */
function readBack(yaml: string): NetworkSpec | string {
	const r = parseNetworkYaml(yaml);
	return r.spec ?? r.problems[0]?.message ?? 'no spec';
}

/** True when a random structure is one the block format cannot say: a 1-D input of several channels with no 1-D layer to read it so. */
function inexpressible(spec: NetworkSpec): boolean {
	const first = spec.layers.find((l) => l.kind === 'conv' || l.kind === 'pool');
	return spec.inputShape.dims === 1 && spec.inputShape.channels > 1 && !(first && (first.kind === 'conv' || first.kind === 'pool') && first.dims === 1);
}

suite('engine: block writer properties', () => {
	test('a random spec with ordinary names, a notation and frozen parameters is written and reads back as itself', () => {
		let writtenCount = 0;
		fc.assert(fc.property(fc.integer(), fc.integer(), fc.boolean(), (seed, nameSeed, notation) => {
			const base = named(randomNetwork(seed), ordinaryNamer(nameSeed));
			const spec: NetworkSpec = notation ? { ...base, notation: { pre: ['net'], post: ['out', 'h'], delta: ['coef'] } } : base;
			const w = writeNetworkYaml(spec);
			if (w.kind === 'refused') {
				assert.ok(inexpressible(spec), w.reason);
				assert.match(w.reason, /several channels/);
				return;
			}
			writtenCount++;
			const back = readBack(w.yaml);
			assert.ok(typeof back !== 'string', `${back}\n${w.yaml}`);
			assert.strictEqual(specDifference(spec, back), undefined, w.yaml);
		}), { numRuns: 200 });
		assert.ok(writtenCount > 160, `only ${writtenCount} of 200 written`);
	});

	test('names of any text read back exactly, or the spec is refused because the block would trim them', () => {
		const anyName = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 8 }),
			fc.string({ unit: 'binary', maxLength: 6 }),
			fc.constantFrom('#', 'a: b', '- x', "it's", '"', '[w, 1]', '{a: 1}', 'null', 'true', '1.0', '0x10', '~', '&a', '*a', '!t', '%', '@', '`', 'a\nb', 'a\r\nb', 'w_{1', 'w_}1{', '\\', "'", "''", '```', '% network', 'a # b', 'a,b', '\u2028', '\u0085', '\ud800', '\udfff', '\ufeff', 'é', '卷积核', '😀'),
		);
		let writtenCount = 0;
		fc.assert(fc.property(fc.integer(), fc.array(anyName, { minLength: 1, maxLength: 12 }), fc.option(anyName), (seed, pool, layerName) => {
			let at = 0;
			// Distinct names, so that a frozen name is never shared.
			const namer: Namer = (count) => Array.from({ length: count }, () => `${pool[at % pool.length]}${at++ >= pool.length ? at : ''}`);
			const base = named(randomNetwork(seed), namer);
			const layers = base.layers.map((l, i) => (i === 0 && layerName !== null ? { ...l, name: layerName } : l));
			const spec: NetworkSpec = { ...base, layers, frozen: new Set() };
			const w = writeNetworkYaml(spec);
			const names = [...spec.inputNames!, ...spec.targetNames!, ...spec.layers.flatMap((l) => (l.kind === 'conv' ? [...l.kernelNames!, ...l.biasNames!] : l.kind === 'dense' ? [...l.weightNames!, ...l.biasNames!] : []))];
			const trimmed = names.every((n) => n !== '' && n.trim() === n);
			if (w.kind === 'refused') {
				assert.ok(!trimmed || inexpressible(spec), `${w.reason} ${JSON.stringify(names)}`);
				return;
			}
			writtenCount++;
			assert.ok(trimmed);
			const back = readBack(w.yaml);
			assert.ok(typeof back !== 'string', `${back}\n${w.yaml}`);
			assert.strictEqual(specDifference(spec, back), undefined, w.yaml);
			// No name can start a line of its own: every line is a key, a list item or a layer's key.
			for (const line of w.yaml.split('\n')) assert.match(line, /^(?:[a-z_]+:|  - |    [a-z_]+:)/, line);
		}), { numRuns: 200 });
		assert.ok(writtenCount > 60, `only ${writtenCount} of 200 written`);
	});
});
