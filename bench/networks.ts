/**
 * The networks the benchmark times: LeNet-5 (32×32 input, conv 6@5×5, max-pool, conv 16@5×5,
 * max-pool, dense 120, 84, 10 with softmax and cross-entropy) with reproducible random weights,
 * and the seed notes' network from the DESIGN 2.4 block.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseNetworkYaml } from '../src/core/engine/block';
import type { NetworkSpec } from '../src/core/engine/spec';
import { conv, dense, network, pool } from '../test/core/engine/build';
import { rng } from '../test/core/engine/random';

export function lenet5(): NetworkSpec {
	const r = rng(5);
	const vals = (n: number, fanIn: number) => Array.from({ length: n }, () => (r() * 2 - 1) / Math.sqrt(fanIn));
	const target = new Array(10).fill(0);
	target[3] = 1;
	return network({
		input: vals(32 * 32, 1),
		shape: { channels: 1, rows: 32, cols: 32, dims: 2 },
		target,
		loss: 'cross_entropy',
		lr: 0.1,
		layers: [
			conv({ dims: 2, out: 6, in: 1, kh: 5, kw: 5, kernels: vals(6 * 25, 25), bias: vals(6, 25), activation: 'tanh' }),
			pool('max', 2, [2, 2]),
			conv({ dims: 2, out: 16, in: 6, kh: 5, kw: 5, kernels: vals(16 * 6 * 25, 150), bias: vals(16, 150), activation: 'tanh' }),
			pool('max', 2, [2, 2]),
			{ kind: 'flatten' },
			dense({ units: 120, weights: vals(120 * 400, 400), bias: vals(120, 400), activation: 'tanh' }),
			dense({ units: 84, weights: vals(84 * 120, 120), bias: vals(84, 120), activation: 'tanh' }),
			dense({ units: 10, weights: vals(10 * 84, 84), bias: vals(10, 84), activation: 'softmax' }),
		],
	});
}

export function seedNetwork(): NetworkSpec {
	const yaml = fs.readFileSync(path.join(__dirname, '../test/fixtures/engine/seed.network.yaml'), 'utf8');
	return parseNetworkYaml(yaml).spec!;
}
