/**
 * When the structure cannot be read with confidence there is no network, the reason says why, and
 * no truth finding (`value`, `inherited`, `formula`) appears: only arithmetic and substitution
 * checks run, as in a document that never had a block. And when it can, a document without a block
 * gets the truth findings a block would give it.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../../src/core/check/analyze';
import { withoutBlocks } from './bothWays';

const fc = withoutBlocks(readFileSync(path.join(__dirname, '../../fixtures/truth/fc-clean.md'), 'utf8'), 'markdown');
const truthCodes = new Set(['value', 'inherited', 'formula']);

/** The fc-clean derivation with `from` replaced by `to` (each must occur once). */
function edited(...pairs: [string, string][]): string {
	let t = fc;
	for (const [from, to] of pairs) {
		assert.strictEqual(t.split(from).length, 2, `${from} occurs once`);
		t = t.replace(from, to);
	}
	return t;
}

/** A 2-2 network written symbolically after `givens`, each weighted sum ending in `bias`. */
function sketch(givens: string, bias: string): string {
	return `${givens}\n\n$$z_1 = w_1 x_1 + w_2 x_2${bias}$$\n\n$$z_2 = w_3 x_1 + w_4 x_2${bias}$$\n\n$$a_1 = \\sigma(z_1)$$\n\n$$a_2 = \\sigma(z_2)$$\n\n$$E = \\frac{1}{2} (t_1 - a_1)^2 + \\frac{1}{2} (t_2 - a_2)^2$$\n`;
}

const outH2 = '$$out_{h2} = \\sigma(net_{h2}) = \\sigma(0.3925) = 0.597$$';

/** Each case with its reason in English and in Chinese. */
const cases: { name: string; text: string; reason: RegExp; zh: RegExp }[] = [
	{
		name: 'a missing forward formula (out_{h2})',
		text: edited([outH2, 'The second hidden output is $0.597$.']),
		reason: /the formula for net_\{o1\} reads the layer before, but no formula gives w_6 or out_\{h2\}: a forward formula is missing/,
		zh: /net_\{o1\} 的公式用到了前一层，但没有公式给出 w_6 或 out_\{h2\}：缺了一个正向传播公式/,
	},
	{
		name: 'a missing output formula in a layer that has others',
		text: edited([outH2, '$$out_{h2} = 0.597$$']),
		reason: /no formula gives w_6 or out_\{h2\}/,
		zh: /没有公式给出 w_6 或 out_\{h2\}/,
	},
	{
		name: 'two readings of one weighted sum',
		text: edited(['## Backward pass', '$$net_{h1} = w_2 \\cdot i_1 + w_1 \\cdot i_2 + b_2$$\n\n## Backward pass']),
		reason: /net_\{h1\} is written with two different weighted sums/,
		zh: /net_\{h1\} 被写成了两个不同的加权和/,
	},
	{
		name: 'one unit whose weights cannot be told from its inputs',
		text: '$w = 0.5$, $x = 0.2$, $b = 0.1$, $t = 1$.\n\n$$z = w x + b = 0.5 \\times 0.2 + 0.1 = 0.2$$\n\n$$a = \\sigma(z) = 0.550$$\n\n$$E = \\frac{1}{2} (t - a)^2 = 0.101$$\n',
		reason: /with one unit in the first layer \(z\), its weights cannot be told from its inputs/,
		zh: /第一层只有一个单元（z），分不清哪些是权重、哪些是输入/,
	},
	{
		name: 'two activations in one layer',
		text: edited([outH2, '$$out_{h2} = \\tanh(net_{h2}) = 0.373$$']),
		reason: /different activations/,
		zh: /用了不同的激活函数（.+、.+）/,
	},
	{
		name: 'a loss formula the network does not reproduce',
		text: edited(['E_{total} = E_{o1} + E_{o2} = 0.275 + 0.0235 = 0.299', 'E_{total} = E_{o1} + E_{o2} + E_{o1} = 0.275 + 0.0235 + 0.275 = 0.574']),
		reason: /the loss formula for E_\{total\} does not fit the network read from the document/,
		zh: /E_\{total\} 的损失公式与从文档读出的网络不符/,
	},
	{
		name: 'a given with no value',
		text: sketch('$x_1 = 0.5$, $x_2 = 0.2$, $w_1 = 0.1$, $w_3 = 0.3$, $w_4 = 0.4$, $b = 0.1$, $t_1 = 1$, $t_2 = 0$.', ' + b'),
		reason: /the document gives no value for w_2/,
		zh: /文档没有给出 w_2 的值/,
	},
	{
		name: 'weighted sums without a bias (the engine always adds one)',
		text: sketch('$x_1 = 0.5$, $x_2 = 0.2$, $w_1 = 0.1$, $w_2 = 0.2$, $w_3 = 0.3$, $w_4 = 0.4$, $t_1 = 1$, $t_2 = 0$.', ''),
		reason: /the weighted sum for z_1 has no bias term/,
		zh: /z_1 的加权和没有偏置项/,
	},
	{
		name: 'no weighted sum at all',
		text: '$$0.3 + 0.4 = 0.7$$\n\n$$out_{h1} = \\sigma(0.3775) = 0.593$$\n',
		reason: /the document writes no weighted sum/,
		zh: /文档里没有写出加权和/,
	},
];

/** A test that `c` reads no network, says why, and reports no truth finding. */
function declinesWithReason(c: { readonly name: string; readonly text: string; readonly reason: RegExp }): void {
	test(`declines ${c.name}, says why, and reports no truth finding`, async () => {
		const a = (await analyzeDocument(c.text, 'markdown', { tolerance: 'digits' }))!;
		assert.strictEqual(a.inferred?.kind, 'none');
		assert.match(a.inferred.reason, c.reason);
		assert.deepStrictEqual(a.diagnostics.filter((d) => truthCodes.has(d.code)).map((d) => d.message), []);
		assert.strictEqual(a.segments.some((s) => s.truth), false);
	});
}

suite('a network the document does not show is not read', () => {
	for (const c of cases) {
		declinesWithReason(c);
	}

	for (const c of cases) {
		test(`declines ${c.name} with its reason in Chinese for zh-cn`, async () => {
			const a = (await analyzeDocument(c.text, 'markdown', { tolerance: 'digits', locale: 'zh-cn' }))!;
			assert.strictEqual(a.inferred?.kind, 'none');
			assert.match(a.inferred.reason, c.zh);
			assert.doesNotMatch(a.inferred.reason, c.reason);
		});
	}

	test('says nothing of a network for a document without a weighted sum, in either language', async () => {
		for (const locale of ['en', 'zh-cn'] as const) {
			const a = (await analyzeDocument('$$0.3 + 0.4 = 0.7$$\n', 'markdown', { tolerance: 'digits', locale }))!;
			assert.strictEqual(a.inferred?.kind, 'none');
			assert.strictEqual(a.summary.network, undefined, locale);
		}
	});

	test('reads the intact derivation, and its truth check then catches a stale weight in backpropagation', async () => {
		const clean = (await analyzeDocument(fc, 'markdown', { tolerance: 'digits' }))!;
		assert.strictEqual(clean.inferred?.kind, 'read');
		assert.deepStrictEqual(clean.diagnostics.map((d) => d.code), []);
		// 0.359 is w_5 after its update, used where the forward weight 0.40 belongs.
		const stale = edited(['0.139 \\times 0.40 + (-0.0380) \\times 0.50 = 0.0366', '0.139 \\times 0.359 + (-0.0380) \\times 0.50 = 0.0309']);
		const a = (await analyzeDocument(stale, 'markdown', { tolerance: 'digits' }))!;
		assert.strictEqual(a.inferred?.kind, 'read');
		const sub = a.diagnostics.find((d) => d.code === 'substitution');
		assert.ok(sub, 'the stale weight is found');
		assert.strictEqual(sub.stated, '0.359');
		assert.ok(a.diagnostics.some((d) => d.code === 'inherited'), 'what follows from it is inherited');
	});

	test('reads the sketch once every given has a value', async () => {
		const a = (await analyzeDocument(sketch('$x_1 = 0.5$, $x_2 = 0.2$, $w_1 = 0.1$, $w_2 = 0.2$, $w_3 = 0.3$, $w_4 = 0.4$, $b = 0.1$, $t_1 = 1$, $t_2 = 0$.', ' + b'), 'markdown', { tolerance: 'digits' }))!;
		assert.strictEqual(a.inferred?.kind, 'read', a.inferred?.kind === 'none' ? a.inferred.reason : '');
		assert.deepStrictEqual(a.diagnostics.map((d) => d.code), []);
	});

	test('reads nothing when inference is off', async () => {
		const a = (await analyzeDocument(fc, 'markdown', { tolerance: 'digits', inferNetwork: false }))!;
		assert.strictEqual(a.inferred, undefined);
		assert.strictEqual(a.segments.some((s) => s.truth), false);
	});
});

/** The scores of CS231n's linear classifier (`s = W x + b`, element by element) for an example of class 1, followed by the loss `loss`. */
function scores(loss: string): string {
	return `The scores of a linear classifier for the example $x_1 = 0.5$, $x_2 = -1.2$ of class $y_i = 1$, with $W_{11} = 0.2$, $W_{12} = -0.5$, $W_{21} = 1.5$, $W_{22} = 1.3$, $b_1 = 0.1$, $b_2 = 2.0$.\n\n$$s_1 = W_{11} x_1 + W_{12} x_2 + b_1 = 0.2 \\times 0.5 + (-0.5) \\times (-1.2) + 0.1 = 0.8$$\n\n$$s_2 = W_{21} x_1 + W_{22} x_2 + b_2 = 1.5 \\times 0.5 + 1.3 \\times (-1.2) + 2.0 = 1.19$$\n\n${loss}\n`;
}

const noLoss = /no formula for the loss \(E, L, E_\{o1\} …\) written over the outputs and targets/;
const noLossZh = /没有用输出和目标值写出的损失公式（E, L, E_\{o1\} …）/;

/** Losses derivcheck knows none of: each case with its reason in English and in Chinese. */
const unknownLosses: { name: string; text: string; reason: RegExp; zh: RegExp }[] = [
	{
		name: 'the multiclass SVM (hinge) loss of CS231n',
		text: scores('$$L = L_i = \\max(0, s_2 - s_1 + 1) = \\max(0, 1.19 - 0.8 + 1) = 1.39$$'),
		reason: noLoss,
		zh: noLossZh,
	},
	{
		name: 'the squared error with its ½ left out (Mazur\'s notation)',
		text: edited(
			['E_{o1} = \\frac{1}{2} (t_1 - out_{o1})^2 = \\frac{1}{2} (0.01 - 0.751)^2 = 0.275', 'E_{o1} = (t_1 - out_{o1})^2 = (0.01 - 0.751)^2 = 0.549'],
			['E_{o2} = \\frac{1}{2} (t_2 - out_{o2})^2 = \\frac{1}{2} (0.99 - 0.773)^2 = 0.0235', 'E_{o2} = (t_2 - out_{o2})^2 = (0.99 - 0.773)^2 = 0.0471'],
			['E_{total} = E_{o1} + E_{o2} = 0.275 + 0.0235 = 0.299', 'E_{total} = E_{o1} + E_{o2} = 0.549 + 0.0471 = 0.596'],
		),
		reason: noLoss,
		zh: noLossZh,
	},
];

suite('a loss derivcheck does not know is no network', () => {
	for (const c of unknownLosses) {
		declinesWithReason(c);

		test(`declines ${c.name} with its reason in Chinese for zh-cn`, async () => {
			const a = (await analyzeDocument(c.text, 'markdown', { tolerance: 'digits', locale: 'zh-cn' }))!;
			assert.strictEqual(a.inferred?.kind, 'none');
			assert.match(a.inferred.reason, c.zh);
		});
	}

	test('reads the same scores once the loss is one it knows (half the squared error against one-hot targets)', async () => {
		const a = (await analyzeDocument(scores('Targets $y_1 = 1$, $y_2 = 0$.\n\n$$L = \\frac{1}{2} (y_1 - s_1)^2 + \\frac{1}{2} (y_2 - s_2)^2 = \\frac{1}{2} (1 - 0.8)^2 + \\frac{1}{2} (0 - 1.19)^2 = 0.728$$'), 'markdown', { tolerance: 'digits' }))!;
		assert.strictEqual(a.inferred?.kind, 'read', a.inferred?.kind === 'none' ? a.inferred.reason : '');
		assert.ok(a.segments.some((s) => s.truth), 'the truth check ran');
		assert.deepStrictEqual(a.diagnostics.map((d) => d.code), []);
	});
});
