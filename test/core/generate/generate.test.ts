/**
 * The generated derivation round-trips through the checker (issue 12): for random networks of
 * every layer type (1-D and 2-D convolutions, channels, padding, stride, flip, shared biases, max
 * and average pools, flatten, dense layers, separate activations, every activation and loss) and
 * every notation, the text checks with zero diagnostics and nothing unchecked; planting one wrong
 * result (carried forward, as an author would) gives exactly one origin diagnostic, on that number.
 * A notation that cannot write a network says so, and only then. The rest pins the options: parts,
 * digits, languages, LaTeX, exercises and their answers, the size budget.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import { buildNetwork } from '../../../src/core/engine/index';
import type { LayerSpec, NetworkSpec } from '../../../src/core/engine/spec';
import { defaultGenerateOptions, generateDerivation, type GenerateOptions, type Generated } from '../../../src/core/generate/generate';
import { generateForDocument } from '../../../src/core/generate/document';
import type { NotationName } from '../../../src/core/generate/notations';
import { dense, network, seedSpec } from '../engine/build';
import { randomNetwork, smooth } from '../engine/random';
import { randomDense } from './randomDense';

async function analyze(text: string, language: 'markdown' | 'latex' = 'markdown'): Promise<Analysis> {
	const a = await analyzeDocument(text, language, { tolerance: 'digits' });
	assert.ok(a);
	return a;
}

function derivation(g: Generated): Extract<Generated, { kind: 'derivation' }> {
	assert.strictEqual(g.kind, 'derivation', g.kind === 'refused' ? g.reason : '');
	return g as Extract<Generated, { kind: 'derivation' }>;
}

const options = (o: Partial<GenerateOptions> = {}): GenerateOptions => ({ ...defaultGenerateOptions, ...o });

/** Every diagnostic as `code "text": message`, for assertion messages. */
function listed(a: Analysis): string {
	return a.diagnostics.map((d) => `${d.code} "${a.text.slice(d.span.start, d.span.end)}": ${d.message}`).join('\n');
}

/** Hand authors pick short numbers; half the runs round the random network's values to two places. */
function rounded(s: NetworkSpec): NetworkSpec {
	const r = (a: Float64Array) => Float64Array.from(a, (v) => Math.round(v * 100) / 100);
	const layers = s.layers.map((l): LayerSpec => (l.kind === 'conv' ? { ...l, kernels: r(l.kernels), bias: r(l.bias) } : l.kind === 'dense' ? { ...l, weights: r(l.weights), bias: r(l.bias) } : l));
	return { ...s, input: r(s.input), target: r(s.target), layers };
}

/** Why a notation must refuse a network, or undefined when it must write it. */
function mustRefuse(spec: NetworkSpec, notation: NotationName): boolean {
	if (notation === 'seed') return false;
	if (notation === 'textbook') return spec.layers.some((l) => l.kind === 'pool' || l.kind === 'activation');
	return !matrixWrites(spec);
}

/** The matrix notation writes dense networks over one input vector. */
function matrixWrites(spec: NetworkSpec): boolean {
	const s = spec.inputShape;
	return spec.layers.every((l) => l.kind === 'dense' || l.kind === 'flatten') && s.channels === 1 && s.rows === 1;
}

/** Where the planted number stands: its one occurrence as a whole number in the math, or undefined when it occurs twice. */
function plantedSpan(text: string, planted: string): { start: number; end: number } | undefined {
	const spans: { start: number; end: number }[] = [];
	const re = new RegExp(`(?<![\\d.])${planted.replace(/[.]/g, '\\.')}(?![\\d])`, 'g');
	for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + planted.length });
	return spans.length === 1 ? spans[0] : undefined;
}

/** A wrong number, 30 % more and a little, with four digits so that it stands out. */
function wrongOf(right: string): string {
	const v = Number(right);
	return (v === 0 ? 0.5123 : v * 1.3 + 0.1).toPrecision(4);
}

const NOTATION_LIST: NotationName[] = ['seed', 'textbook', 'matrix'];

suite('generate: round trip through the checker', () => {
	for (const notation of NOTATION_LIST) {
		test(`a ${notation} derivation of a random network checks clean, and one planted mistake is reported once, where it is`, async function () {
			// Each run generates and checks two documents of up to a few hundred chains.
			this.timeout(240_000);
			await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 100_000 }), fc.boolean(), async (seed, round) => {
				// Every layer type; every other run a dense network, which all three notations write.
				const random = seed % 2 === 0 ? randomNetwork(seed) : randomDense(seed);
				const spec = round ? rounded(random) : random;
				// A value at a kink (ReLU at 0, a tie in a max pool) has no single derivative to write.
				fc.pre(smooth(buildNetwork(spec)));
				const g = generateDerivation(spec, options({ notation }));
				if (mustRefuse(spec, notation)) {
					assert.strictEqual(g.kind, 'refused');
					return;
				}
				const d = derivation(g);
				const a = await analyze(d.text);
				assert.strictEqual(a.diagnostics.length, 0, listed(a));
				assert.strictEqual(a.summary.unchecked, 0, JSON.stringify(a.summary));
				assert.ok(a.summary.checked >= d.chains * 0.9, `${a.summary.checked} of ${d.chains} chains checked`);

				let written = '';
				const plant = { chain: seed % d.chains, text: (right: string) => (written = wrongOf(right)) };
				const planted = derivation(generateDerivation(spec, options({ notation }), plant));
				const at = plantedSpan(planted.text, written);
				// A planted number that happens to stand elsewhere too cannot be told apart; fast-check draws another.
				fc.pre(at !== undefined);
				const b = await analyze(planted.text);
				const origins = b.diagnostics.filter((x) => x.code !== 'inherited');
				assert.strictEqual(origins.length, 1, `planted ${written} in chain ${plant.chain}:\n${listed(b)}`);
				assert.deepStrictEqual([origins[0].span.start, origins[0].span.end], [at.start, at.end], listed(b));
			}), { numRuns: 10, seed: 12 });
		});
	}

	test('the seed network is written as the seed notes write it, each result rounded and the rounded number used next', async () => {
		const d = derivation(generateDerivation(seedSpec(), options()));
		for (const line of [
			'$$in_{CC1} = KK_{13} \\cdot i_{1} + KK_{12} \\cdot i_{2} + KK_{11} \\cdot i_{3} + bb_{1} = 0.3 \\cdot 0.1 + 0.2 \\cdot 0.2 + 0.1 \\cdot 0.3 + 0.5 = 0.600$$',
			'$$out_{CC1} = \\sigma(in_{CC1}) = \\sigma(0.600) = 0.646$$',
			'$$out_{P1} = \\max\\{out_{C1}, out_{C2}\\} = \\max\\{0.558, 0.557\\} = 0.558$$',
			'$$coef_{o1} = out_{o1} - t_{1} = 0.823 - 1 = -0.177$$',
			'$$\\frac{\\partial E}{\\partial w_{1}} = coef_{o1} \\cdot out_{P1} = (-0.177) \\cdot 0.558 = -0.0988$$',
			'$$w_{1}^{+} = w_{1} - \\alpha \\cdot \\frac{\\partial E}{\\partial w_{1}} = 0.1 - 0.7 \\cdot (-0.0988) = 0.169$$',
		]) assert.ok(d.text.includes(line), line);
		assert.ok(d.text.startsWith('# Worked derivation'));
		assert.ok(d.text.includes('```network\ninput: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]'));
		const a = await analyze(d.text);
		assert.strictEqual(a.diagnostics.length, 0, listed(a));
		assert.strictEqual(a.summary.checked, d.chains);
	});

	test('names what the block leaves unnamed, and renames a name two layers share', () => {
		const d = derivation(generateDerivation(seedSpec(), options()));
		// The seed block calls the conv C's biases and the dense layer's b_1, b_2: the dense layer's become bbb.
		assert.match(d.text, /- dense: o\n {4}weights: \[\[0.1, 0.2, 0.3\], \[-0.1, -0.2, -0.3\]\]\n {4}weight_names: w\n {4}bias: \[0.4, -0.4\]\n {4}bias_names: bbb\n/);
		const unnamed = network({ input: [0.5, -0.2], target: [1], lr: 0.5, layers: [dense({ units: 2, weights: [0.1, 0.2, 0.3, 0.4], activation: 'tanh' }), dense({ units: 1, weights: [0.5, -0.5] })] });
		const u = derivation(generateDerivation(unnamed, options()));
		assert.match(u.text, /- dense: h\n {4}weights: \[\[0.1, 0.2\], \[0.3, 0.4\]\]\n {4}weight_names: w\n/);
		assert.match(u.text, /- dense: o\n/);
		assert.ok(u.text.includes('$$out_{h1} = \\tanh(in_{h1})'));
	});
});

suite('generate: a document\'s network', () => {
	const spec = network({ input: [0.05, 0.1], target: [0.01, 0.99], lr: 0.5, loss: 'half_sse', layers: [
		dense({ units: 2, weights: [0.15, 0.2, 0.25, 0.3], bias: [0.35, 0.35], activation: 'sigmoid' }),
		dense({ units: 2, weights: [0.4, 0.45, 0.5, 0.55], bias: [0.6, 0.6], activation: 'sigmoid' }),
	] });

	test('a document without a block gets the derivation of the network read off it, the same as from the block', async () => {
		const d = derivation(generateDerivation(spec, options()));
		const givens = 'Given $x_1 = 0.05$, $x_2 = 0.1$, $w_1 = 0.15$, $w_2 = 0.2$, $w_3 = 0.25$, $w_4 = 0.3$, $b_1 = 0.35$, $b_2 = 0.35$, $ww_1 = 0.4$, $ww_2 = 0.45$, $ww_3 = 0.5$, $ww_4 = 0.55$, $bb_1 = 0.6$, $bb_2 = 0.6$, $t_1 = 0.01$, $t_2 = 0.99$, $\\alpha = 0.5$.\n';
		const withoutBlock = d.text.replace(/```network[\s\S]*?```\n/, givens);
		assert.ok(!withoutBlock.includes('```network'));
		const again = await generateForDocument(withoutBlock, 'markdown', defaultGenerateOptions);
		assert.ok(again);
		assert.strictEqual(derivation(again).text, d.text);
	});

	test('a block with a mistake, or nothing to read, is said in a sentence', async () => {
		const bad = await generateForDocument('```network\ninput: [1]\n```\n', 'markdown', defaultGenerateOptions);
		assert.strictEqual(bad?.kind, 'refused');
		assert.match((bad as { reason: string }).reason, /^The network block has a mistake: /);
		const none = await generateForDocument('Some prose, $$0.3 + 0.4 = 0.7$$\n', 'markdown', defaultGenerateOptions);
		assert.strictEqual(none?.kind, 'refused');
		assert.match((none as { reason: string }).reason, /^No network to write out: /);
	});

	test('says why it cannot write a network out in Chinese when its language is zh-cn', async () => {
		const zh = { ...defaultGenerateOptions, language: 'zh-cn' as const };
		const bad = await generateForDocument('```network\ninput: [1]\n```\n', 'markdown', zh);
		assert.match((bad as { reason: string }).reason, /^网络块有错误：/);
		const none = await generateForDocument('Some prose, $$0.3 + 0.4 = 0.7$$\n', 'markdown', zh);
		assert.strictEqual((none as { reason: string }).reason, '没有可以写出的网络：文档里没有写出加权和（形如 w_1 x_1 + w_2 x_2 + b_1），读不出网络的层');
		const textbook = generateDerivation(seedSpec(), options({ notation: 'textbook', language: 'zh-cn' }));
		assert.deepStrictEqual(textbook, { kind: 'refused', reason: '教科书写法（textbook）没有池化层 PP 输出的名字（a^{(l)} 是第 l 层自身的激活值）；请改用 seed 写法。' });
		const matrix = generateDerivation(seedSpec(), options({ notation: 'matrix', language: 'zh-cn' }));
		assert.match((matrix as { reason: string }).reason, /^矩阵写法（matrix）只能写全连接层，而 CC 是 conv 层；请改用 seed 写法。$/);
	});
});

suite('generate: options', () => {
	test('each part alone checks clean and holds only its own steps', async () => {
		const spec = seedSpec();
		for (const part of ['forward', 'backward', 'update'] as const) {
			const d = derivation(generateDerivation(spec, options({ part })));
			const a = await analyze(d.text);
			assert.strictEqual(a.diagnostics.length, 0, `${part}:\n${listed(a)}`);
			assert.strictEqual(d.text.includes('## Forward pass'), part === 'forward', part);
			assert.strictEqual(d.text.includes('## Backward pass'), part === 'backward', part);
			assert.strictEqual(d.text.includes('## Update'), part === 'update', part);
		}
	});

	test('--digits sets the significant digits of every result, and the text still checks', async () => {
		for (const digits of [2, 4, 6]) {
			const d = derivation(generateDerivation(seedSpec(), options({ digits })));
			const out = /\$\$out_\{CC1\} = \\sigma\(in_\{CC1\}\) = \\sigma\((\S+)\) = (\S+)\$\$/.exec(d.text);
			assert.ok(out);
			assert.strictEqual(out[2], Number(0.6456563062257954).toPrecision(digits), `digits ${digits}`);
			const a = await analyze(d.text);
			assert.strictEqual(a.diagnostics.length, 0, `digits ${digits}:\n${listed(a)}`);
		}
	});

	test('writes LaTeX for a LaTeX document: the block as % comment lines, math in \\[ \\], and it checks clean', async () => {
		const d = derivation(generateDerivation(seedSpec(), options({ documentLanguage: 'latex', notation: 'seed' })));
		assert.ok(d.text.includes('% network\n% input: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]'));
		assert.ok(d.text.includes('\\section*{Worked derivation}'));
		assert.ok(d.text.includes('\\[ out_{CC1} = \\sigma(in_{CC1}) = \\sigma(0.600) = 0.646 \\]'));
		const a = await analyze(d.text, 'latex');
		assert.strictEqual(a.diagnostics.length, 0, listed(a));
		assert.strictEqual(a.summary.checked, d.chains);
	});

	test('writes the headings in Simplified Chinese', () => {
		const d = derivation(generateDerivation(seedSpec(), options({ language: 'zh-cn' })));
		for (const h of ['# 推导过程', '## 正向传播', '### CC 层（一维卷积，sigmoid，卷积核翻转）', '### 损失', '## 反向传播', '## 参数更新']) assert.ok(d.text.includes(h), h);
		assert.ok(!d.text.includes('Forward pass'));
	});

	test('the textbook notation writes z, a, delta, W and b with layer superscripts, and refuses a pool with a sentence', async () => {
		const spec = network({ input: [0.05, 0.1], target: [0.01, 0.99], lr: 0.5, loss: 'half_sse', layers: [
			dense({ units: 2, weights: [0.15, 0.2, 0.25, 0.3], bias: [0.35, 0.35], activation: 'sigmoid' }),
			dense({ units: 2, weights: [0.4, 0.45, 0.5, 0.55], bias: [0.6, 0.6], activation: 'sigmoid' }),
		] });
		const d = derivation(generateDerivation(spec, options({ notation: 'textbook' })));
		for (const line of [
			'$$z^{(1)}_{1} = W^{(1)}_{11} \\cdot x_{1} + W^{(1)}_{12} \\cdot x_{2} + b^{(1)}_{1} = 0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 + 0.35 = 0.378$$',
			'$$a^{(1)}_{1} = \\sigma(z^{(1)}_{1}) = \\sigma(0.378) = 0.593$$',
			'$$\\frac{\\partial E}{\\partial W^{(2)}_{11}} = \\delta^{(2)}_{1} \\cdot a^{(1)}_{1} =',
			'$$W^{(2)}_{11} \\leftarrow W^{(2)}_{11} - \\alpha \\cdot \\frac{\\partial E}{\\partial W^{(2)}_{11}} =',
		]) assert.ok(d.text.includes(line), line);
		const a = await analyze(d.text);
		assert.strictEqual(a.diagnostics.length, 0, listed(a));
		const refused = generateDerivation(seedSpec(), options({ notation: 'textbook' }));
		assert.deepStrictEqual(refused, { kind: 'refused', reason: "The textbook notation has no name for the output of pool layer PP (a^{(l)} is layer l's own activation); write it in the seed notation." });
	});

	test('refuses a network too large to write out, before writing anything', () => {
		const n = 400;
		const big = network({ input: new Array(n).fill(0.1), target: new Array(n).fill(0), layers: [dense({ units: n, weights: new Array(n * n).fill(0.01) })] });
		const started = Date.now();
		const g = generateDerivation(big, options());
		assert.strictEqual(g.kind, 'refused');
		assert.match((g as { reason: string }).reason, /too large to write out: its derivation would have about 481,600 terms \(the limit is 60,000\)/);
		assert.ok(Date.now() - started < 5000);
	});
});

suite('generate: exercises', () => {
	/** Fills every blank of the exercise with the number the full derivation writes there. */
	function fill(exercise: string, full: string): string {
		const ex = exercise.split('\n').filter((l) => l.startsWith('$$'));
		const fu = full.split('\n').filter((l) => l.startsWith('$$'));
		assert.strictEqual(ex.length, fu.length);
		let out = exercise;
		ex.forEach((line, i) => {
			const pattern = new RegExp(`^${line.split('\\square').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(\\S+?)')}$`);
			const m = pattern.exec(fu[i]);
			assert.ok(m, `${line}\n${fu[i]}`);
			let k = 1;
			out = out.replace(line, line.replace(/\\square/g, () => m[k++]));
		});
		return out;
	}

	test('blanks every computed number, keeps the givens, and the blanks are no findings', async () => {
		const d = derivation(generateDerivation(seedSpec(), options({ exercise: true })));
		assert.ok(d.text.includes('$$out_{CC1} = \\sigma(in_{CC1}) = \\sigma(\\square) = \\square$$'));
		assert.ok(d.text.includes('0.3 \\cdot 0.1 + 0.2 \\cdot 0.2 + 0.1 \\cdot 0.3 + 0.5 = \\square$$'));
		assert.ok(!/= -?\d+\.\d+\$\$/.test(d.text), 'no result is left in the exercise');
		const a = await analyze(d.text);
		assert.strictEqual(a.diagnostics.length, 0, listed(a));
		assert.ok(d.answers);
		assert.strictEqual(d.answers.match(/^\d+\. \$/gm)?.length, d.chains);
		assert.ok(d.answers.startsWith('## Answers\n\n1. $in_{CC1} = 0.600$\n2. $in_{CC2} = 0.660$'));
	});

	test('filled in, the exercise checks like any derivation: right answers are silent, one wrong answer is reported where it is', async () => {
		const exercise = derivation(generateDerivation(seedSpec(), options({ exercise: true }))).text;
		const full = derivation(generateDerivation(seedSpec(), options())).text;
		const filled = fill(exercise, full);
		const a = await analyze(filled);
		assert.strictEqual(a.diagnostics.length, 0, listed(a));
		assert.ok(a.summary.checked > 100);
		// A wrong last answer (no later step uses it): w_1 after the update.
		const at = filled.indexOf('0.1 - 0.7 \\cdot (-0.0988) = 0.169') + '0.1 - 0.7 \\cdot (-0.0988) = '.length;
		assert.ok(at > 100);
		const wrong = `${filled.slice(0, at)}0.179${filled.slice(at + 5)}`;
		const b = await analyze(wrong);
		const origins = b.diagnostics.filter((x) => x.code !== 'inherited');
		assert.strictEqual(origins.length, 1, listed(b));
		assert.deepStrictEqual([origins[0].span.start, origins[0].code], [at, 'arithmetic']);
	});

	test('the answer key appended to the exercise checks clean too, in every notation and part', async () => {
		const dense2 = network({ input: [0.05, 0.1], target: [0.01, 0.99], lr: 0.5, loss: 'half_sse', layers: [
			dense({ units: 2, weights: [0.15, 0.2, 0.25, 0.3], bias: [0.35, 0.35], activation: 'sigmoid' }),
			dense({ units: 2, weights: [0.4, 0.45, 0.5, 0.55], bias: [0.6, 0.6], activation: 'sigmoid' }),
		] });
		for (const [spec, notations] of [[seedSpec(), ['seed']], [dense2, ['seed', 'textbook', 'matrix']]] as const) {
			for (const notation of notations) {
				for (const part of ['all', 'update'] as const) {
					const d = derivation(generateDerivation(spec, options({ exercise: true, notation, part })));
					const a = await analyze(`${d.text}\n${d.answers}`);
					assert.strictEqual(a.diagnostics.length, 0, `${notation} ${part}:\n${listed(a)}`);
				}
			}
		}
	});

	test('an update is answered with its whole chain, and a part printed alone blanks only what it computes', () => {
		const d = derivation(generateDerivation(seedSpec(), options({ exercise: true, part: 'update' })));
		// The gradients come from the backward pass, which this part does not print: they stay numbers.
		assert.ok(d.text.includes('$$w_{1}^{+} = w_{1} - \\alpha \\cdot \\frac{\\partial E}{\\partial w_{1}} = 0.1 - 0.7 \\cdot (-0.0987) = \\square$$'), d.text);
		assert.ok(d.answers?.includes('$w_{1}^{+} = w_{1} - \\alpha \\cdot \\frac{\\partial E}{\\partial w_{1}} = 0.1 - 0.7 \\cdot (-0.0987) = 0.169$'), d.answers);
	});
});
