/**
 * `npm run bench`: the engine's forward + backward (+ update) time against TensorFlow.js's CPU
 * backend on the same networks in the same process, as medians over N runs after a warm-up; then
 * the editor benchmark (`editor.ts`: an edit re-checked, a full check, the CLI and the server's
 * memory, against markdownlint on the same text).
 * TensorFlow.js gets its input and parameter tensors made once, outside the timed region, and is
 * timed on `valueAndGrads` plus reading the gradients back; the engine is timed on a whole
 * `runNetwork`, allocation included. Prints a Markdown table and writes it to bench/RESULTS.md.
 * `npm run bench` runs it bundled (`dist/bench.js`, built by `node esbuild.js --bench`), as the
 * editor and the CLI run the code.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runNetwork } from '../src/core/engine/run';
import { Network } from '../src/core/engine/network';
import type { NetworkSpec } from '../src/core/engine/spec';
import { lossFn, paramArrays, ready, tf } from '../test/core/engine/tfjs';
import { editorBench } from './editor';
import { lenet5, seedNetwork } from './networks';

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

function time(f: () => void, warmup: number, runs: number): number {
	for (let i = 0; i < warmup; i++) f();
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		f();
		t.push(performance.now() - t0);
	}
	return median(t);
}

function tfStep(spec: NetworkSpec): () => void {
	const args = [tf.tensor1d(Array.from(spec.input)), ...paramArrays(spec).map((a) => tf.tensor1d(Array.from(a)))];
	const vg = tf.valueAndGrads(lossFn(spec));
	return () => tf.tidy(() => {
		const { value, grads } = vg(args);
		value.dataSync();
		for (const g of grads) g.dataSync();
	});
}

function fmt(ms: number): string {
	return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

async function main(): Promise<void> {
	await ready();
	const cases = [
		{ name: 'LeNet-5 (32×32, conv 6@5×5, pool, conv 16@5×5, pool, dense 120, 84, 10)', spec: lenet5(), warmup: 20, runs: 100 },
		{ name: 'DESIGN 2.4 seed network (6 inputs, conv1d, avgpool, conv1d, maxpool, dense 2)', spec: seedNetwork(), warmup: 500, runs: 3000 },
	];
	const rows: string[] = [];
	for (const c of cases) {
		const engine = time(() => runNetwork(c.spec), c.warmup, c.runs);
		const graph = time(() => new Network(c.spec), c.warmup, c.runs);
		const tfjs = time(tfStep(c.spec), c.warmup, c.runs);
		rows.push(`| ${c.name} | ${fmt(engine)} | ${fmt(graph)} | ${fmt(tfjs)} | ${(tfjs / engine).toFixed(1)}× |`);
		console.log(rows[rows.length - 1]);
	}
	const cpu = os.cpus();
	const table = [
		'| network | engine forward+backward+update | engine, as a `Network` | TensorFlow.js CPU forward+backward | tfjs time / engine time |',
		'|---|---|---|---|---|',
		...rows,
	].join('\n');
	const note = `Medians of 100 (LeNet-5) and 3000 (seed) runs after warm-up, in one process. Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, TensorFlow.js ${tf.version_core} with @tensorflow/tfjs-backend-cpu (float32); the engine computes in float64. A ratio above 1× means the engine is faster. The machine is shared, so single figures vary by tens of percent between runs; the ratio, measured in one process, is the stable part. \`Network\` is \`runNetwork\` plus nothing per element, so its column differs from the first by noise only.`;
	console.log(`\n${table}\n\n${note}`);
	const editor = await editorBench();
	console.log(`\n${editor}`);
	const machine = `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} when the run ended.`;
	const out = `# Benchmarks\n\n\`npm run bench\` (bench/run.ts), ${new Date().toISOString().slice(0, 10)}. ${machine}\n\n## Engine benchmark\n\n${table}\n\n${note}\n\n${editor}`;
	// Run from `dist/bench.js` (bundled) or from `bench/` (tsx): the project's root is one up from either.
	fs.writeFileSync(path.join(__dirname, '..', 'bench', 'RESULTS.md'), out);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
