/**
 * The notations real authors use (DESIGN 2.3–2.5, issue 14): marks that distinguish, textbook
 * layer superscripts, default spellings, names in the block as the notes write them, several
 * network blocks, values stated after an update, and names the network cannot place. Each case
 * is a marked document (`⟦0.8|value⟧`); every unmarked number must not fire, and the silent cases
 * also show that their chains were checked. The property at the end renames every name of a
 * correct derivation into other notations and asserts that nothing fires.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { readFileSync } from 'fs';
import * as path from 'path';
import { check } from './harness';

/** A 2-2-1 network in Ng's layout: dense layers, sigmoid, binary cross-entropy. */
const NG = `\`\`\`network
input: [1, 2]
target: [1]
loss: binary_cross_entropy
learning_rate: 0.5
layers:
  - dense: hidden
    weights: [[0.1, 0.2], [0.3, -0.1]]
    bias: [0, 0.1]
    activation: sigmoid
  - dense: output
    weights: [[0.4, -0.5]]
    bias: [0.2]
    activation: sigmoid
\`\`\`

`;

/** A one-weight linear network, `w_1` its weight, half the squared error, learning rate 0.5. */
const oneWeight = (w: number) => `\`\`\`network
input: [1]
target: [0]
loss: half_sse
learning_rate: 0.5
layers:
  - dense: o
    weights: [[${w}]]
    weight_names: [[w_1]]
    activation: linear
\`\`\`
`;

suite('check: notations', () => {
	test('tells the prediction ŷ from the target y without a block', async () => {
		const a = await check('$$\\hat{y}_1 = 0.7$$\n\n$$y_1 = 1$$\n\n$$\\hat{y}_1 - y_1 = 0.7 - 1 = -0.3$$\n\n$$2 \\hat{y}_1 = 2 \\cdot ⟦0.8|substitution⟧ = 1.6$$\n');
		assert.strictEqual(a.summary.checked, 2);
		assert.deepStrictEqual(a.substitutions.map((s) => [s.number.text, s.holds]), [['0.7', true], ['1', true], ['0.8', false]]);
	});

	test('reads a marked name as its base when the base means nothing else', async () => {
		const a = await check(`${NG}$$\\bar{net}_{hidden1} = 0.1 \\cdot 1 + 0.2 \\cdot 2 = 0.5$$\n\n$$\\bar{net}_{hidden2} = ⟦0.3|value⟧$$\n`);
		assert.deepStrictEqual([...new Set(a.truth!.facts.filter((f) => f.stated).map((f) => `${f.id} ${f.status}`))], ['L0:pre:0 ok', 'L0:pre:1 value']);
	});

	test('keeps a marked name apart from its base when the document writes both', async () => {
		const a = await check('$$\\bar{x}_1 = 0.5$$\n\n$$x_1 = 0.9$$\n\n$$2 \\bar{x}_1 = 2 \\cdot 0.5 = 1$$\n\n$$2 x_1 = 2 \\cdot ⟦0.5|substitution⟧ = 1$$\n');
		assert.strictEqual(a.summary.checked, 2);
	});

	test('drops typography from names and around numbers', async () => {
		const a = await check('$$\\mathbf{w}_1 = 0.25$$\n\n$$\\boldsymbol{w}_1 + 1 = 0.25 + 1 = 1.25$$\n\n$$\\vec{w}_1 \\cdot 2 = ⟦0.3|substitution⟧ \\cdot 2 = 0.6$$\n');
		assert.deepStrictEqual(a.substitutions.map((s) => [s.number.text, s.holds]), [['0.25', true], ['0.3', false]]);
	});

	test('binds textbook layer superscripts to the block\'s layers', async () => {
		// z1 = 0.1·1 + 0.2·2 = 0.5, a1 = σ(0.5) = 0.6225; z2 = 0.3 − 0.2 + 0.1 = 0.2, a2 = σ(0.2) = 0.5498.
		const a = await check(`${NG}$$z^{[1]}_1 = W^{[1]}_{11} x_1 + W^{[1]}_{12} x_2 + b^{[1]}_1 = 0.1 \\cdot 1 + 0.2 \\cdot 2 + 0 = 0.5$$

$$a^{[1]}_1 = \\sigma(z^{[1]}_1) = \\sigma(0.5) = 0.6225$$

$$z^{(1)}_2 = W^{(1)}_{21} x_1 + W^{(1)}_{22} x_2 + b^{(1)}_2 = 0.3 \\cdot 1 + (-0.1) \\cdot 2 + 0.1 = 0.2$$

$$a^{(1)}_2 = \\sigma(0.2) = ⟦0.5597|arithmetic⟧$$
`);
		const stated = [...new Set(a.truth!.facts.filter((f) => f.stated && f.id.includes(':pre:') || f.id.includes(':out:')).map((f) => `${f.id} ${f.stated} ${f.status}`))].map((x) => x.split(' '));
		assert.deepStrictEqual(stated.slice(0, 3), [['L0:pre:0', '0.5', 'ok'], ['L0:out:0', '0.6225', 'ok'], ['L0:pre:1', '0.2', 'ok']]);
		assert.strictEqual(a.summary.uncheckedNames.length, 0, a.summary.uncheckedNames.join(', '));
	});

	test('reads the prediction, the target and the loss by the spellings courses use', async () => {
		// a2 = σ(0.4·0.6225 − 0.5·0.5498 + 0.2) = σ(0.1741) = 0.5434; L = −ln 0.5434 = 0.6099.
		const a = await check(`${NG}$$\\hat{y} = \\sigma(0.1741) = 0.5434$$

$$\\mathcal{L} = -(y \\ln \\hat{y} + (1 - y) \\ln(1 - \\hat{y})) = -\\ln 0.5434 = 0.6099$$

$$\\frac{\\partial \\mathcal{L}}{\\partial z^{[2]}} = \\hat{y} - y = 0.5434 - 1 = ⟦-0.4666|arithmetic⟧$$
`);
		assert.deepStrictEqual(a.summary.uncheckedNames, []);
		assert.ok(a.truth!.facts.some((f) => f.label.includes('out') || f.id === 'L1:out:0'), 'ŷ is bound to the output');
		assert.ok(a.truth!.facts.some((f) => f.id === 'E' && f.status === 'ok'), 'the loss is bound and holds');
	});

	test('a wrong textbook value is found where it starts, the rest carry it', async () => {
		const a = await check(`${NG}$$z^{(1)}_1 = 0.1 \\cdot 1 + 0.2 \\cdot 2 + 0 = 0.5$$

$$a^{(1)}_1 = \\sigma(z^{(1)}_1) = ⟦0.6525|value⟧$$

$$2 a^{(1)}_1 = 2 \\cdot 0.6525 = 1.305$$
`);
		assert.ok(a.summary.checked >= 2);
	});

	test('reads LaTeX names in the block\'s flow lists as written', async () => {
		const a = await check(`\`\`\`network
input: [0.5]
input_names: [x_{in}]
target: [1]
target_names: [target_{o1}]
loss: half_sse
learning_rate: 0.1
layers:
  - dense: o
    weights: [[2]]
    weight_names: [[w_{11}]]
    activation: linear
\`\`\`

$$out_{o1} = w_{11} x_{in} = 2 \\cdot 0.5 = 1$$

$$E = \\frac{1}{2} (target_{o1} - out_{o1})^2 = \\frac{1}{2} (1 - 1)^2 = 0$$

$$w_{11}^+ = ⟦1.9|value⟧$$
`);
		assert.deepStrictEqual(a.summary.uncheckedNames, []);
	});

	test('each network block governs the math after it', async () => {
		const a = await check(`${oneWeight(0.5)}
$$out_{o1} = w_1 \\cdot 1 = 0.5$$

${oneWeight(0.8)}
$$out_{o1} = w_1 \\cdot 1 = 0.8 \\cdot 1 = 0.8$$

$$E = \\frac{1}{2} (0 - out_{o1})^2 = ⟦0.5|value⟧$$
`);
		assert.strictEqual(a.segments.length, 2);
		assert.strictEqual(a.summary.checked, 3);
	});

	test('a block that does not build ends the reach of the one before', async () => {
		const a = await check(`\`\`\`network
input: [1]
target: [0]
loss: half_sse
layers:
  - dense: o
    weights: [[0.5]]
    activation: linear
\`\`\`

$$out_{o1} = ⟦0.7|value⟧$$

\`\`\`network
input: [1]
target: [0]
loss: half_sse
layers:
  - dense: o
    weights: ⟦[[1, 2]]|network⟧
\`\`\`

$$out_{o1} = 0.7$$
`);
		assert.strictEqual(a.segments.length, 2);
		assert.strictEqual(a.segments[1].truth, undefined);
	});

	test('after an update, the parameter stated again is its value after the step', async () => {
		const a = await check(`${oneWeight(0.5)}
$$\\frac{\\partial E}{\\partial w_1} = out_{o1} \\cdot 1 = 0.5$$

$$w_1 \\leftarrow w_1 - 0.5 \\cdot 0.5 = 0.25$$

$$w_1^+ = 0.25$$

After the step, $w_1 = 0.25$, while a wrong one is caught: $w_1 = ⟦0.35|value⟧$.
`);
		const after = a.truth!.facts.filter((f) => f.id === 'L0:w:0:new' && /^\d/.test(a.text.slice(f.span.start, f.span.end))).map((f) => [f.stated, f.status]);
		assert.deepStrictEqual(after.slice(-3), [['0.25', 'ok'], ['0.25', 'ok'], ['0.35', 'value']]);
	});

	test('expands a sum over an index by its written bounds, or by the range the network gives it', async () => {
		const a = await check(`$$s_1 = 1$$

$$s_2 = 2$$

$$\\sum_{i=1}^{2} 0.5 s_i = 0.5 \\cdot 1 + 0.5 \\cdot ⟦3|substitution⟧ = 2$$

${NG}$$z^{[1]}_1 = \\sum_k W^{[1]}_{1k} x_k + b^{[1]}_1 = 0.1 \\cdot 1 + 0.2 \\cdot 2 + 0 = 0.5$$

$$z^{[1]}_2 = \\sum_{k} W^{[1]}_{2k} x_k + b^{[1]}_2 = 0.3 \\cdot 1 + (-0.1) \\cdot ⟦3|substitution⟧ + 0.1 = 0.1$$
`);
		assert.ok(a.truth!.facts.some((f) => f.id === 'L0:pre:0' && f.status === 'ok'));
	});

	test('leaves a sum over an index unchecked when nothing gives its range', async () => {
		const a = await check('$$\\sum_j y_j = 0.3 + 0.4 = ⟦0.8|arithmetic⟧$$\n\n$$\\sum_i w_{ji} x_i = 2$$\n');
		assert.strictEqual(a.summary.unchecked, 1);
	});

	test('judges whole vectors and matrices element by element, and their written formula', async () => {
		// z1 = (0.5, 0.2), a1 = σ(z1) = (0.6225, 0.5498); the update of b^{[1]} adds the step (a formula finding).
		const a = await check(`${NG}$$W^{[1]} = \\begin{bmatrix} 0.1 & 0.2 \\\\ 0.3 & -0.1 \\end{bmatrix}$$

$$z^{[1]} = W^{[1]} x + b^{[1]} = \\begin{bmatrix} 0.1 & 0.2 \\\\ 0.3 & -0.1 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix} + \\begin{bmatrix} 0 \\\\ 0.1 \\end{bmatrix} = \\begin{bmatrix} 0.5 \\\\ 0.2 \\end{bmatrix}$$

$$a^{[1]} = \\sigma(z^{[1]}) = \\begin{bmatrix} 0.6225 \\\\ ⟦0.5598|arithmetic⟧ \\end{bmatrix}$$

$$W^{[1]T} x = \\begin{bmatrix} 0.1 & ⟦0.2|substitution⟧ \\\\ ⟦0.3|substitution⟧ & -0.1 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix} = \\begin{bmatrix} 0.5 \\\\ 0.1 \\end{bmatrix}$$

$$b^{[2]} \\leftarrow ⟦b^{[2]} + 0.5 \\frac{\\partial \\mathcal{L}}{\\partial b^{[2]}}|formula⟧ = 0.2 + 0.5 \\cdot (-0.4566) = -0.0283$$
`);
		const z = a.truth!.facts.filter((f) => f.id.startsWith('L0:pre:') && f.stated).map((f) => [f.id, f.status]);
		assert.deepStrictEqual(z, [['L0:pre:0', 'ok'], ['L0:pre:1', 'ok']]);
	});

	test('an assignment is an update even when its right side does not name the head', async () => {
		const a = await check('$$w_1 = 0.5$$\n\n$$w_1 \\gets 0.5 - 0.25 = 0.25$$\n\n$$2 w_1 = 2 \\cdot 0.25 = 0.5$$\n\n$$3 w_1 = 3 \\cdot 0.5 = 1.5$$\n\n$$4 w_1 = 4 \\cdot ⟦0.3|substitution⟧ = 1.2$$\n');
		assert.deepStrictEqual(a.facts.history('w1').map((v) => [v.text, v.update]), [['0.5', false], ['0.25', true]]);
	});

	test('reads Unicode subscripts in plain-text math', async () => {
		const a = await check('$$x₁ = 0.05$$\n\n$$H₁ = x₁ · 2 = 0.05 × 2 = 0.1$$\n\n$$x₁ + 1 = ⟦0.06|substitution⟧ + 1 = 1.06$$\n');
		assert.strictEqual(a.summary.checked, 2);
	});

	test('reads Ng\'s vectorized capitals for one example: Z^{[l]}, A^{[l]}, dZ^{[l]}, \\hat{Y} beside Y', async () => {
		const a = await check(`${NG}$$Z^{[1]}_1 = 0.1 \\cdot 1 + 0.2 \\cdot 2 + 0 = 0.5$$

$$A^{[1]}_1 = \\sigma(0.5) = 0.6225$$

$$\\hat{Y} = A^{[2]} = \\sigma(0.1741) = 0.5434$$

$$dZ^{[2]} = \\hat{Y} - Y = 0.5434 - 1 = -0.4566$$

$$dW^{[2]}_{11} = dZ^{[2]} A^{[1]}_1 = -0.4566 \\cdot 0.6225 = ⟦-0.2942|arithmetic⟧$$
`);
		assert.deepStrictEqual(a.summary.uncheckedNames, []);
		assert.deepStrictEqual([...new Set(a.truth!.facts.filter((f) => f.stated).map((f) => f.id))].slice(0, 5), ['L0:pre:0', 'L0:out:0', 'L1:out:0', 't:0', 'L1:delta:0']);
	});

	test('a number written over whole vectors is judged as the 1 × 1 matrix it is', async () => {
		const clean = readFileSync(path.join(__dirname, '../../fixtures/notation/matrix-form-clean.md'), 'utf8');
		const written = '$$L = \\frac{1}{2} (\\hat{y} - y)^T (\\hat{y} - y) =';
		assert.ok(clean.includes(written));
		const a = await check(clean);
		assert.ok(a.truth!.facts.some((f) => f.id === 'E' && f.status === 'ok'), 'the loss is checked and holds');
		const wrong = clean.replace(written, () => '$$L = ⟦(\\hat{y} - y)^T (\\hat{y} - y)|formula⟧ = \\frac{1}{2} (\\hat{y} - y)^T (\\hat{y} - y) =');
		await check(wrong);
	});

	test('binds the author\'s own names by their formula', async () => {
		const text = readFileSync(path.join(__dirname, '../../fixtures/notation/invented-names-clean.md'), 'utf8');
		const a = await check(text);
		assert.ok(a.summary.checked > 20, `checked ${a.summary.checked}`);
		// Only the introduction's symbolic `E = \frac{1}{2}\sum (T - y)^2` is left (`T` is the whole target vector): no invented name.
		assert.deepStrictEqual(a.summary.uncheckedNames, ['y']);
		const bound = (name: string) => a.truth!.facts.find((f) => a.text.slice(f.span.start, f.span.end) === name)?.id;
		assert.deepStrictEqual([bound('H_{11}'), bound('z1'), bound('y1'), bound('\\delta_{y1}')], ['L0:out:0', 'L1:pre:0', 'L1:out:0', 'L1:delta:0']);
	});

	test('a value computed from a name the network cannot place is not claimed as an origin', async () => {
		// g_1 is the author's rounding of δ = ŷ − y = −0.4566 with no formula to bind it by; −0.457 × 0.6225
		// is −0.2845 where the truth is −0.2842, the rounding carried through g_1.
		const a = await check(`${NG}$$g_1 = -0.457$$

$$\\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}_{11}} = g_1 \\, a^{[1]}_1 = -0.457 \\times 0.6225 = -0.2845$$

$$\\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}_{12}} = g_1 \\, a^{[1]}_2 = -0.457 \\times 0.5498 = ⟦-0.2413|arithmetic⟧$$
`);
		assert.deepStrictEqual(a.summary.uncheckedNames, ['g_1']);
		assert.ok(a.truth!.facts.some((f) => f.id === 'L1:w:0:grad' && f.stated === '-0.2845' && f.status === 'rounding'));
	});
});

/** Mazur-style names of fc-clean.md and the spellings each may take in another notation. */
const RENAMINGS: Record<string, readonly ((j: string) => string)[]> = {
	net_h: [(j) => `net_{h${j}}`, (j) => `z^{(1)}_${j}`, (j) => `z^{[1]}_{${j}}`, (j) => `\\text{net}_{h${j}}`, (j) => `z_{h${j}}`],
	out_h: [(j) => `out_{h${j}}`, (j) => `a^{(1)}_${j}`, (j) => `a^{[1]}_{${j}}`, (j) => `\\mathrm{out}_{h${j}}`],
	net_o: [(j) => `net_{o${j}}`, (j) => `z^{(2)}_${j}`, (j) => `z^{[L]}_{${j}}`],
	out_o: [(j) => `out_{o${j}}`, (j) => `a^{(2)}_${j}`, (j) => `\\hat{y}_{${j}}`, (j) => `a^{[L]}_{${j}}`],
	delta_o: [(j) => `\\delta_{o${j}}`, (j) => `\\delta^{(2)}_${j}`, (j) => `\\delta^{[2]}_{${j}}`],
	delta_h: [(j) => `\\delta_{h${j}}`, (j) => `\\delta^{(1)}_${j}`],
	t: [(j) => `t_${j}`, (j) => `target_{${j}}`],
	E: [() => 'E_{total}', () => 'E', () => 'L', () => 'J', () => '\\mathcal{L}'],
};

const PATTERNS: Record<string, RegExp> = {
	net_h: /net_\{h(\d)\}/g, out_h: /out_\{h(\d)\}/g, net_o: /net_\{o(\d)\}/g, out_o: /out_\{o(\d)\}/g,
	delta_o: /\\delta_\{o(\d)\}/g, delta_h: /\\delta_\{h(\d)\}/g, t: /\bt_(\d)/g, E: /E_\{total\}/g,
};

suite('check: notations, renamed', () => {
	const clean = readFileSync(path.join(__dirname, '../../fixtures/truth/fc-clean.md'), 'utf8');
	// The block stays as it is; only the derivation after it is renamed.
	const cut = clean.indexOf('```', clean.indexOf('```network') + 3) + 3;
	const block = clean.slice(0, cut), body = clean.slice(cut);

	test('renaming every name of a correct derivation into other notations never creates a diagnostic', async () => {
		const base = await check(clean);
		await fc.assert(
			fc.asyncProperty(fc.record(Object.fromEntries(Object.entries(RENAMINGS).map(([k, v]) => [k, fc.nat(v.length - 1)])) as Record<string, fc.Arbitrary<number>>), async (choice) => {
				let renamed = body;
				for (const [k, re] of Object.entries(PATTERNS)) renamed = renamed.replace(re, (_, j: string) => RENAMINGS[k][choice[k]](j));
				const a = await check(block + renamed);
				assert.ok(a.summary.checked >= base.summary.checked - 2, `checked ${a.summary.checked} of ${base.summary.checked}`);
			}),
			{ numRuns: 40, seed: 14 },
		);
	});
});
