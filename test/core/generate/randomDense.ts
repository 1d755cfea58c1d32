/**
 * Random dense networks for the generator's property tests, seeded like `../engine/random.ts` so a
 * failing case prints one seed that rebuilds it.
 */
import type { ActivationKind, LayerSpec, LossKind, NetworkSpec } from '../../../src/core/engine/spec';
import { dense, network } from '../engine/build';
import { rng } from '../engine/random';

/**
 * A random dense network (the layouts the matrix notation writes): one to three layers, every
 * activation and loss, sometimes a shared bias or a frozen weight, a flatten now and then.
 */
export function randomDense(seed: number): NetworkSpec {
	const r = rng(seed);
	const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
	const vals = (n: number) => Array.from({ length: n }, () => r() * 2 - 1);
	const hidden: ActivationKind[] = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear'];
	const loss: LossKind = pick(['cross_entropy', 'mse', 'half_sse', 'binary_cross_entropy'] as const);
	let inputs = int(1, 4);
	const input = vals(inputs);
	const layers: LayerSpec[] = [];
	for (let k = int(0, 2); k > 0; k--) {
		const units = int(1, 4), shared = r() < 0.15;
		layers.push(dense({ units, weights: vals(units * inputs), bias: vals(shared ? 1 : units), shared, activation: pick(hidden), slope: 0.1 }));
		if (r() < 0.2) layers.push({ kind: 'flatten' });
		inputs = units;
	}
	const units = int(loss === 'cross_entropy' ? 2 : 1, 3);
	const out: ActivationKind = loss === 'cross_entropy' ? 'softmax' : loss === 'binary_cross_entropy' ? 'sigmoid' : pick([...hidden, 'softmax'] as const);
	layers.push(dense({ units, weights: vals(units * inputs), bias: vals(units), activation: out, slope: 0.05 }));
	const target = loss === 'cross_entropy' && r() < 0.7 ? Array.from({ length: units }, (_, j) => (j === 0 ? 1 : 0)) : Array.from({ length: units }, () => r());
	return network({ input, target, loss, lr: pick([0.1, 0.5]), layers, frozen: r() < 0.3 ? ['0:w:0'] : [] });
}

