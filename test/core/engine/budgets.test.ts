/**
 * The engine's budgets (`src/core/budgets.ts`), each through the reproducer that broke it: a block
 * too large to read, networks whose cache outgrew memory, a frozen list over thousands of
 * parameters with one name or over thousands of layers, and a chain-rule path search over 3^L dead
 * routes. Every time bound is relative to a baseline measured in the same test
 * (`test/shared/timing.ts`), and generous, so a slow machine passes while the old quadratic or
 * exponential behaviour cannot.
 */
import * as assert from 'assert';
import { MAX_BLOCK_ITEMS, MAX_CACHE_BYTES, MAX_PATH_STEPS } from '../../../src/core/budgets';
import { LruCache } from '../../../src/core/engine/cache';
import { parseCacheUse, parseNetworkYamlCached } from '../../../src/core/engine/block';
import { buildNetwork, evaluateTerm, evaluateTermInterval, ids, Network, parseNetworkYaml } from '../../../src/core/engine/index';
import { call, ref, sum } from '../../../src/core/engine/term';
import { normalizeNameText } from '../../../src/core/syntax/names';
import { fastest } from '../../shared/timing';

const TAIL = 'target: [0]\nloss: mse\nlearning_rate: 0.1\nlayers:\n  - dense: o\n    weights: [[1]]\n';

suite('engine: budgets', () => {
	test('refuses a 2300 × 2300 input before YAML reads it, in time linear in the text', () => {
		const row = `[${new Array(2300).fill('1').join(', ')}]`;
		const yaml = `input: [${new Array(2300).fill(row).join(',\n  ')}]\n${TAIL}`;
		const before = process.memoryUsage().heapUsed;
		let problems: readonly { message: string }[] = [];
		const t = fastest(() => { problems = parseNetworkYaml(yaml).problems; }, 1);
		const grown = process.memoryUsage().heapUsed - before;
		// The baseline is one linear pass over the same text.
		const base = fastest(() => yaml.split(',').length);
		assert.strictEqual(problems.length, 1);
		assert.match(problems[0].message, /too (long|large) to check/);
		assert.ok(t < 20 * base + 50, `${t.toFixed(1)} ms against a linear pass of ${base.toFixed(1)} ms`);
		assert.ok(grown < 200 * 1024 * 1024, `the heap grew by ${(grown / 1e6).toFixed(0)} MB`);
	});

	test('counts the items of a block before reading it', () => {
		const yaml = `input: [${new Array(MAX_BLOCK_ITEMS + 1).fill('1').join(',')}]\n${TAIL}`;
		assert.match(parseNetworkYaml(yaml).problems[0].message, /writes about [\d,]+ items \(the limit is 200,000\)/);
	});

	test('keeps cached parses and networks within their byte budget, not a count', () => {
		// Each block is near the per-network cap (a padded conv whose tables would be large); sixteen of them would not fit.
		for (let i = 0; i < 16; i++) {
			const yaml = `input: [0.${i + 1}]\n${TAIL.replace('  - dense', `  - conv1d: C\n    kernels: [[1, 1, 1]]\n    padding: ${80000 + i}\n  - maxpool: P\n    size: ${160000 + 2 * i - 1}\n  - dense`)}`;
			const parsed = parseNetworkYamlCached(yaml);
			assert.deepStrictEqual(parsed.problems, []);
			assert.ok((parsed.bytes ?? 0) > 20 * 1024 * 1024, `block ${i} counts ${parsed.bytes} bytes`);
		}
		const use = parseCacheUse();
		assert.ok(use.bytes <= MAX_CACHE_BYTES, `${use.bytes} bytes cached`);
		assert.ok(use.entries < 16, `${use.entries} entries cached`);
	});

	test('an LRU cache evicts the oldest entries until their weights fit, and keeps the newest', () => {
		const c = new LruCache<string, number>(10, 100, (v) => v);
		c.get('a', () => 40); c.get('b', () => 40); c.get('a', () => 0);
		c.get('c', () => 40);
		assert.deepStrictEqual([c.size, c.bytes, c.get('b', () => -1)], [2, 80, -1]);
		const heavy = new LruCache<string, number>(10, 100, (v) => v);
		assert.strictEqual(heavy.get('x', () => 500), 500);
		assert.strictEqual(heavy.size, 1);
	});

	test('a frozen list over 20,000 parameters with one name takes as long as with distinct names', () => {
		const block = (name: (j: number) => string, n: number) => `input: [1]\ntarget: [${new Array(n).fill('0').join(', ')}]\nloss: mse\nlearning_rate: 0.1\nlayers:\n  - dense: o\n    weights: [${new Array(n).fill('[1]').join(', ')}]\n    weight_names: [${Array.from({ length: n }, (_, j) => name(j)).join(', ')}]\nfrozen: [${new Array(20).fill(name(0)).join(', ')}]\n`;
		const n = 20_000;
		const run = (yaml: string) => {
			const spec = parseNetworkYaml(yaml).spec!;
			buildNetwork(spec).resolve(normalizeNameText('w_1')!);
			return spec;
		};
		const distinct = block((j) => `w_${j + 1}`, n), same = block(() => 'w_1', n);
		// Before, one name over 20,000 parameters took 2.6 times as long as distinct names (10.9 s against 4.2 s), and 60,000 took 46 s.
		const base = fastest(() => run(distinct), 1);
		let frozen = 0;
		const t = fastest(() => { frozen = run(same).frozen.size; }, 1);
		assert.strictEqual(frozen, n);
		assert.ok(t < 1.6 * base, `${t.toFixed(0)} ms with one name against ${base.toFixed(0)} ms with distinct names`);
	});

	test('freezing parameters of 2,000 layers costs the run no more than leaving them free', () => {
		const layer = (i: number) => `  - dense: D${i}\n    weights: [[1]]\n    weight_names: w\n    bias_names: b\n`;
		const yaml = (frozen: string) => `input: [1]\ntarget: [0]\nloss: mse\nlearning_rate: 0.1\nlayers:\n${Array.from({ length: 2000 }, (_, i) => layer(i)).join('')}frozen: [${frozen}]\n`;
		const free = parseNetworkYaml(yaml('')).spec!, frozen = parseNetworkYaml(yaml('w_1, b_1')).spec!;
		assert.strictEqual(frozen.frozen.size, 4000);
		// Each run is a new Network, since buildNetwork caches by spec. Before, every tensor read the whole frozen list (4,000 layers: 1.3 s against 0.1 s).
		const base = fastest(() => new Network(free));
		const t = fastest(() => new Network(frozen));
		assert.ok(t < 3 * base + 20, `${t.toFixed(0)} ms frozen against ${base.toFixed(0)} ms free`);
	});

	test('formulas over 300,000 parents evaluate (a max pool or average pool window of that size)', () => {
		const refs = Array.from({ length: 300_000 }, (_, i) => ref(`in:${i}`));
		assert.strictEqual(evaluateTerm(call('max', refs), (id) => Number(id.slice(3))), 299_999);
		assert.deepStrictEqual(evaluateTermInterval(sum(refs), () => ({ lo: 1, hi: 1 })), { lo: 300_000, hi: 300_000 });
	});

	test('a chain-rule path search over stacked convs and a max pool stops within its step budget', () => {
		// An increasing input puts the max pool's winner far from input 1, so every route from it dies at the pool.
		const net = (layers: number) => {
			const conv = (i: number) => `  - conv1d: C${i}\n    kernels: [[1, 1, 1]]\n    padding: same\n`;
			const yaml = `input: [${Array.from({ length: 32 }, (_, i) => i * i).join(', ')}]\ntarget: [1]\nloss: mse\nlearning_rate: 0.1\nlayers:\n${Array.from({ length: layers }, (_, i) => conv(i)).join('')}  - maxpool: P\n    size: 32\n`;
			return buildNetwork(parseNetworkYaml(yaml).spec!);
		};
		const small = net(4), deep = net(16);
		const base = fastest(() => small.paths(ids.input(0), 3));
		let found = deep.paths(ids.input(0), 3);
		const t = fastest(() => { found = deep.paths(ids.input(0), 3); }, 1);
		assert.deepStrictEqual([found.paths.length, found.truncated, found.exhausted], [0, true, true]);
		// 3^16 routes would take minutes; the budget allows MAX_PATH_STEPS visits, each as cheap as the small search's.
		assert.ok(t < base * (MAX_PATH_STEPS / 10) + 200, `${t.toFixed(1)} ms against ${base.toFixed(2)} ms for four convs`);
	});

	test('a path search stops when its token is cancelled', () => {
		const conv = (i: number) => `  - conv1d: C${i}\n    kernels: [[1, 1, 1]]\n    padding: same\n`;
		const yaml = `input: [${Array.from({ length: 32 }, (_, i) => i * i).join(', ')}]\ntarget: [1]\nloss: mse\nlearning_rate: 0.1\nlayers:\n${Array.from({ length: 12 }, (_, i) => conv(i)).join('')}  - maxpool: P\n    size: 32\n`;
		const found = buildNetwork(parseNetworkYaml(yaml).spec!).paths(ids.input(0), 3, { isCancellationRequested: true });
		assert.deepStrictEqual([found.paths.length, found.exhausted], [0, true]);
	});
});
