/**
 * The block writer: every block of every fixture and example, read, written and read again,
 * gives the same spec (values, shapes and names), and the document with its blocks replaced by
 * the written ones checks with the same diagnostics. Then the writer's choices one by one (stems
 * or lists, notation, defaults left out, exact numbers, the LaTeX form), what it must refuse, and
 * hostile names, which either read back exactly or are refused.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../../src/core/check/analyze';
import type { Diagnostic } from '../../../src/core/check/diagnostic';
import { parseNetworkBlock, parseNetworkYaml } from '../../../src/core/engine/block';
import type { NetworkSpec } from '../../../src/core/engine/spec';
import { specDifference } from '../../../src/core/engine/specEqual';
import { blockText, writeNetworkYaml } from '../../../src/core/engine/writeBlock';
import { scanDocument } from '../../../src/core/scan/index';
import { LineIndex } from '../../../src/core/text/lineIndex';
import type { DocumentLanguage } from '../../../src/core/scan/region';
import { conv, dense, network, pool } from './build';

const ROOT = path.join(__dirname, '../../..');

/** Every Markdown and LaTeX file under `dir`, recursively. */
function documents(dir: string): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...documents(p));
		else if (/\.(md|tex)$/.test(entry.name)) out.push(p);
	}
	return out;
}

/** The written YAML of a spec, failing the test with the writer's reason when it refuses. */
export function written(spec: NetworkSpec): string {
	const w = writeNetworkYaml(spec);
	assert.strictEqual(w.kind, 'written', w.kind === 'refused' ? w.reason : '');
	return (w as { yaml: string }).yaml;
}

/** The spec a YAML text reads as, failing the test with the reader's first problem. */
export function read(yaml: string): NetworkSpec {
	const r = parseNetworkYaml(yaml);
	assert.ok(r.spec, `${r.problems[0]?.message}\n${yaml}`);
	return r.spec;
}

/**
 * A diagnostic as a user sees it: its span as the text it covers and where that text starts, moved
 * by `shiftAt` (a written block may be longer or shorter than the one it replaces), and the lines
 * its message names moved the same way.
 */
function shown(d: Diagnostic, text: string, shiftAt: (offset: number) => number, newText: string): string {
	const from = new LineIndex(text), to = new LineIndex(newText);
	const message = d.message.replace(/\bline (\d+)/g, (_, n: string) => `line ${to.positionAt(shiftAt(from.offsetAt({ line: Number(n) - 1, character: 0 }))).line + 1}`);
	return JSON.stringify([d.code, d.severity, message, d.stated, d.expected, shiftAt(d.span.start), text.slice(d.span.start, d.span.end)]);
}

const withBlocks = [...documents(path.join(ROOT, 'test/fixtures')), ...documents(path.join(ROOT, 'examples'))]
	.map((file) => ({ file, language: (file.endsWith('.tex') ? 'latex' : 'markdown') as DocumentLanguage, text: fs.readFileSync(file, 'utf8') }))
	.filter((d) => scanDocument(d.text, d.language).networks.length > 0);

suite('engine: the block writer on every fixture and example', () => {
	test('finds the fixtures and examples that have a block', () => {
		assert.ok(withBlocks.length >= 20, `only ${withBlocks.length} documents with a block`);
		assert.ok(withBlocks.some((d) => d.language === 'latex'));
	});

	for (const doc of withBlocks) {
		const name = path.relative(ROOT, doc.file);
		test(`${name}: each block read, written and read again is the same spec, and the document checks the same`, async () => {
			const blocks = scanDocument(doc.text, doc.language).networks;
			let replaced = doc.text;
			const shifts: { at: number; by: number }[] = [];
			for (const block of [...blocks].reverse()) {
				const { spec } = parseNetworkBlock(block);
				if (!spec) continue;
				const yaml = written(spec);
				const again = read(yaml);
				assert.strictEqual(specDifference(spec, again), undefined, yaml);
				const text = blockText(yaml, doc.language);
				replaced = replaced.slice(0, block.outer.start) + text + replaced.slice(block.outer.end);
				shifts.push({ at: block.outer.end, by: text.length - (block.outer.end - block.outer.start) });
			}
			const before = await analyzeDocument(doc.text, doc.language, { tolerance: 'digits' });
			const after = await analyzeDocument(replaced, doc.language, { tolerance: 'digits' });
			const shift = (o: number) => o + shifts.filter((s) => s.at <= o).reduce((n, s) => n + s.by, 0);
			const expected = before!.diagnostics.filter((d) => d.code !== 'unchecked').map((d) => shown(d, doc.text, shift, replaced));
			const actual = after!.diagnostics.filter((d) => d.code !== 'unchecked').map((d) => shown(d, replaced, (o) => o, replaced));
			assert.deepStrictEqual(actual, expected);
			assert.deepStrictEqual(after!.summary, before!.summary);
		});
	}
});

suite('engine: what the block writer writes', () => {
	const seedLike = () => network({
		input: [0.1, 0.2, 0.3, 0.4], inputNames: ['i_{1}', 'i_{2}', 'i_{3}', 'i_{4}'], target: [1, 0], targetNames: ['t_1', 't_2'], loss: 'cross_entropy', lr: 0.7,
		layers: [
			conv({ name: 'C', out: 2, kw: 3, kernels: [0.1, 0.2, 0.3, -0.3, -0.2, -0.1], flip: true, activation: 'sigmoid', kernelNames: ['KK_{11}', 'KK_{12}', 'KK_{13}', 'KK_{21}', 'KK_{22}', 'KK_{23}'], biasNames: ['b_{1}', 'b_{2}'], bias: [0.5, -0.5] }),
			pool('max', 1, [1, 2], undefined, 'P'),
			{ kind: 'flatten' },
			dense({ name: 'o', units: 2, weights: [0.1, 0.2, 0.3, 0.4], activation: 'softmax', weightNames: ['w_1', 'w_2', 'w_3', 'w_4'] }),
		],
	});

	test('writes a stem where the names are its expansion and the names where they are not', () => {
		const yaml = written(seedLike());
		assert.match(yaml, /^input_names: i$/m);
		assert.match(yaml, /^target_names: \[t_1, t_2\]$/m);
		assert.match(yaml, /^ {4}kernel_names: KK$/m);
		assert.match(yaml, /^ {4}bias_names: b$/m);
		assert.match(yaml, /^ {4}weight_names: \[\[w_1, w_2\], \[w_3, w_4\]\]$/m);
	});

	test('leaves out what the reader fills in by default, and writes every option that differs', () => {
		const yaml = written(seedLike());
		assert.doesNotMatch(yaml, /stride|padding|slope|notation|frozen/);
		assert.match(yaml, /^ {2}- maxpool: P\n {4}size: 2$/m);
		assert.match(yaml, /^ {2}- flatten$/m);
		assert.match(yaml, /^ {4}flip: true$/m);
		assert.match(yaml, /^learning_rate: 0.7$/m);
		const spec = seedLike();
		const noRate = { ...spec, learningRate: NaN };
		assert.doesNotMatch(written(noRate), /learning_rate/);
	});

	test('writes conv2d with channels, stride, padding and a shared bias, and 2-D pools', () => {
		const spec = network({
			input: Array.from({ length: 2 * 4 * 4 }, (_, i) => i / 10), shape: { channels: 2, rows: 4, cols: 4, dims: 2 }, target: [0.5], loss: 'mse', lr: 0.1,
			layers: [
				conv({ name: 'K', dims: 2, out: 1, in: 2, kh: 2, kw: 2, kernels: [1, 2, 3, 4, 5, 6, 7, 8], bias: [0.25], shared: true, biasNames: ['c'], stride: [2, 1], padding: 1, activation: 'leaky_relu', slope: 0.2 }),
				pool('avg', 2, [2, 1], [1, 1], 'A'),
				{ kind: 'flatten' },
				dense({ units: 1, weights: new Array(10).fill(0.5), activation: 'linear' }),
			],
		});
		const yaml = written(spec);
		assert.match(yaml, /^input: \[\[\[0, 0.1, 0.2, 0.3\], /m);
		assert.match(yaml, /^ {2}- conv2d: K\n {4}kernels: \[\[\[\[1, 2\], \[3, 4\]\], \[\[5, 6\], \[7, 8\]\]\]\]$/m);
		assert.match(yaml, /^ {4}bias: 0.25\n {4}bias_names: c$/m);
		assert.match(yaml, /^ {4}padding: 1\n {4}stride: \[2, 1\]\n {4}activation: leaky_relu\n {4}slope: 0.2$/m);
		assert.match(yaml, /^ {2}- avgpool2d: A\n {4}size: \[2, 1\]\n {4}stride: 1$/m);
		assert.match(yaml, /^ {2}- dense:\n {4}weights:/m);
	});

	test('writes activation layers by their function, with the slope where it is not the default', () => {
		const spec = network({
			input: [1, -2], target: [0, 1], loss: 'half_sse',
			layers: [dense({ units: 2, weights: [1, 0, 0, 1] }), { kind: 'activation', name: 'A', activation: { kind: 'tanh', slope: 0.01 } }, { kind: 'activation', activation: { kind: 'leaky_relu', slope: 0.3 } }, { kind: 'activation', activation: { kind: 'sigmoid', slope: 0.01 } }],
		});
		const yaml = written(spec);
		assert.match(yaml, /^ {2}- tanh: A$/m);
		assert.match(yaml, /^ {2}- leaky_relu:\n {4}slope: 0.3$/m);
		assert.match(yaml, /^ {2}- sigmoid$/m);
	});

	test('writes every number exactly, in its shortest form', () => {
		const values = [0.1, 1 / 3, -0, 5e-324, 1.7976931348623157e308, 1e21, -1.5e-10, 123456789012345680000];
		const spec = network({ input: values, target: [1], loss: 'mse', lr: 1 / 7, layers: [dense({ units: 1, weights: values.map((v) => -v), bias: [Math.PI] })] });
		const yaml = written(spec);
		assert.match(yaml, /^input: \[0.1, 0.3333333333333333, -0, 5e-324, 1.7976931348623157e\+308, 1e\+21, -1.5e-10, 123456789012345680000\]$/m);
		const back = read(yaml);
		assert.ok(Object.is(back.input[2], -0));
		assert.strictEqual(specDifference(spec, back), undefined);
	});

	test('writes notation where it differs from the default, and frozen parameters by name', () => {
		const spec = { ...seedLike(), notation: { pre: ['net'], post: ['out', 'a'], delta: ['delta'] }, frozen: new Set(['0:w:0', '3:w:3']) };
		const yaml = written(spec);
		assert.match(yaml, /^notation: \{pre: \[net\], delta: \[delta\]\}$/m);
		assert.match(yaml, /^frozen: \['KK_\{11\}', w_4\]$/m);
		assert.strictEqual(specDifference(spec, read(yaml)), undefined);
	});

	test('writes the LaTeX form as % comment lines and the Markdown form as a network fence', () => {
		const yaml = 'input: [1]\ntarget: [1]';
		assert.strictEqual(blockText(yaml, 'latex'), '% network\n% input: [1]\n% target: [1]');
		assert.strictEqual(blockText(yaml, 'markdown'), '```network\ninput: [1]\ntarget: [1]\n```');
		const doc = `\\begin{document}\n${blockText(written(seedLike()), 'latex')}\n\n$x = 1$\n\\end{document}\n`;
		const blocks = scanDocument(doc, 'latex').networks;
		assert.strictEqual(blocks.length, 1);
		assert.strictEqual(specDifference(seedLike(), parseNetworkBlock(blocks[0]).spec!), undefined);
	});

	test('refuses what a block cannot say, with the reason', () => {
		const cases: [string, NetworkSpec, RegExp, RegExp][] = [
			['a frozen parameter with no name', { ...seedLike(), frozen: new Set(['3:b:0']) }, /bias 1 of layer 4 is frozen but has no name/, /第 4 层的第 1 个偏置被冻结了，但它没有名字/],
			['a frozen name shared with a free parameter', { ...seedLike(), layers: seedLike().layers.map((l, i) => (i === 3 && l.kind === 'dense' ? { ...l, weightNames: ['w', 'w', 'w_3', 'w_4'] } : l)), frozen: new Set(['3:w:0']) }, /shares its name with one that is not frozen/, /被冻结的参数 w 与一个未冻结的参数同名/],
			['a name with a space at its end', { ...seedLike(), targetNames: ['t_1 ', 't_2'] }, /spaces at an end/, /目标值中的名字 "t_1 " 是空的，或首尾带有空格/],
			['names that do not count the values', { ...seedLike(), targetNames: ['t_1'] }, /1 names for 2 values/, /目标值有 2 个值，却有 1 个名字/],
			['an input that is not finite', { ...seedLike(), input: Float64Array.from([1, 2, Infinity, 4]) }, /not finite/, /不是有限数/],
			['a 1-D input of two channels before a dense layer', network({ input: [1, 2, 3, 4], shape: { channels: 2, rows: 1, cols: 2, dims: 1 }, target: [1], loss: 'mse', layers: [dense({ units: 1, weights: [1, 1, 1, 1] })] }), /several channels/, /多通道的一维输入/],
		];
		for (const [what, spec, reason, zh] of cases) {
			const w = writeNetworkYaml(spec);
			assert.strictEqual(w.kind, 'refused', what);
			assert.match((w as { reason: string }).reason, reason, what);
			assert.match((w as { reason: string }).reason, /^The network block cannot be written/, what);
			const z = writeNetworkYaml(spec, 'zh-cn');
			assert.strictEqual(z.kind, 'refused', what);
			assert.match((z as { reason: string }).reason, zh, what);
			assert.match((z as { reason: string }).reason, /^无法写出网络块：/, what);
			assert.doesNotMatch((z as { reason: string }).reason, reason, what);
		}
	});
});
