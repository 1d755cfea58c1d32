/**
 * A network written in vector form (`z^{(1)} = W^{(1)} x + b^{(1)}` over stated matrices) is read
 * off the document (`infer/matrix.ts`): the units from the matrices' shapes, the activation and the
 * loss by evaluating their formulas, then checked as its block would be. What does not fit (shapes
 * that disagree, a matrix never stated) is no network, with its reason, and no truth finding.
 */
import * as assert from 'assert';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import type { DenseLayer } from '../../../src/core/engine/spec';

const truthCodes = new Set(['value', 'inherited', 'formula']);

const givens = [
	'$$x = \\begin{bmatrix} 1.0 \\\\ 0.5 \\end{bmatrix}, \\quad y = \\begin{bmatrix} 0 \\\\ 1 \\end{bmatrix}$$',
	'$$W^{(1)} = \\begin{bmatrix} 0.2 & -0.4 \\\\ 0.7 & 0.1 \\end{bmatrix}, \\quad b^{(1)} = \\begin{bmatrix} 0.1 \\\\ -0.3 \\end{bmatrix}$$',
	'$$W^{(2)} = \\begin{bmatrix} 0.5 & -0.2 \\\\ 0.3 & 0.8 \\end{bmatrix}, \\quad b^{(2)} = \\begin{bmatrix} 0.0 \\\\ 0.2 \\end{bmatrix}$$',
];

const forward = [
	'$$z^{(1)} = W^{(1)} x + b^{(1)} = \\begin{bmatrix} 0.1 \\\\ 0.45 \\end{bmatrix}$$',
	'$$a^{(1)} = \\sigma(z^{(1)}) = \\begin{bmatrix} 0.5250 \\\\ 0.6106 \\end{bmatrix}$$',
	'$$z^{(2)} = W^{(2)} a^{(1)} + b^{(2)} = \\begin{bmatrix} 0.1404 \\\\ 0.8460 \\end{bmatrix}$$',
	'$$\\hat{y} = a^{(2)} = \\sigma(z^{(2)}) = \\begin{bmatrix} 0.5350 \\\\ 0.6997 \\end{bmatrix}$$',
	'$$L = \\frac{1}{2} (\\hat{y} - y)^T (\\hat{y} - y) = 0.1882$$',
];

const clean = [...givens, ...forward].join('\n\n') + '\n';

/** The clean document with `from` replaced by `to` (each must occur once). */
function edited(...pairs: [string, string][]): string {
	let t = clean;
	for (const [from, to] of pairs) {
		assert.strictEqual(t.split(from).length, 2, `${from} occurs once`);
		t = t.split(from).join(to);
	}
	return t;
}

async function check(text: string, locale?: 'zh-cn'): Promise<Analysis> {
	return (await analyzeDocument(text, 'markdown', { tolerance: 'digits', ...(locale ? { locale } : {}) }))!;
}

function read(a: Analysis): NonNullable<Extract<Analysis['inferred'], { kind: 'read' }>>['spec'] {
	assert.strictEqual(a.inferred?.kind, 'read', a.inferred?.kind === 'none' ? a.inferred.reason : 'no inference');
	return a.inferred.spec;
}

const dense = (l: unknown) => l as DenseLayer;

suite('a network written in vector form', () => {
	test('reads two sigmoid layers from the matrices, their shapes and the vector loss', async () => {
		const a = await check(clean);
		const spec = read(a);
		assert.deepStrictEqual(spec.layers.map((l) => [dense(l).units, dense(l).activation.kind]), [[2, 'sigmoid'], [2, 'sigmoid']]);
		assert.deepStrictEqual([...dense(spec.layers[0]).weights], [0.2, -0.4, 0.7, 0.1]);
		assert.deepStrictEqual([...dense(spec.layers[1]).bias], [0.0, 0.2]);
		assert.deepStrictEqual([...spec.input], [1.0, 0.5]);
		assert.deepStrictEqual([...spec.target], [0, 1]);
		assert.deepStrictEqual(spec.inputNames, ['x_{1}', 'x_{2}']);
		assert.deepStrictEqual(spec.targetNames, ['y_{1}', 'y_{2}']);
		assert.strictEqual(spec.loss, 'half_sse');
		assert.deepStrictEqual(dense(spec.layers[0]).weightNames, ['W^{(1)}_{11}', 'W^{(1)}_{12}', 'W^{(1)}_{21}', 'W^{(1)}_{22}']);
		assert.deepStrictEqual(a.diagnostics.map((d) => d.code), []);
	});

	test('judges what the document states against the network read', async () => {
		// δ^{(2)}_1 is (0.5350 - 0) · 0.5350 · (1 - 0.5350) = 0.1331; the document says 0.5.
		const a = await check(`${clean}\n$$\\delta^{(2)}_1 = 0.5$$\n`);
		read(a);
		assert.deepStrictEqual(a.diagnostics.map((d) => [d.code, d.stated]), [['value', '0.5']]);
	});

	// A 2-2-1 network as a course writes it (test/fixtures/realworld/heldout-smaxx73-backprop.md): the output layer's matrix one row, its bias a number, σ written on z^{(2)}'s value.
	const oneUnit = [
		'$$W^{(1)} = \\begin{bmatrix} 0.5 & 0.3 \\\\ -0.2 & 0.8 \\end{bmatrix}, \\quad b^{(1)} = \\begin{bmatrix} 0.1 \\\\ -0.1 \\end{bmatrix}$$',
		'$$W^{(2)} = \\begin{bmatrix} 0.6 & -0.4 \\end{bmatrix}, \\quad b^{(2)} = 0.2$$',
		'**Input:** $x = [1, 0]^T$, **Target:** $y = 1$',
		'$$z^{(1)} = W^{(1)} x + b^{(1)} = \\begin{bmatrix} 0.6 \\\\ -0.3 \\end{bmatrix}$$',
		'$$a^{(1)} = \\sigma(z^{(1)}) \\approx \\begin{bmatrix} 0.6457 \\\\ 0.4256 \\end{bmatrix}$$',
		'$$z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}$$',
		'$$z^{(2)} = 0.6 \\times 0.6457 + (-0.4) \\times 0.4256 + 0.2 = 0.4172$$',
		'$$\\hat{y} = a^{(2)} = \\sigma(0.4172) \\approx 0.6028$$',
		'$$L = (y - \\hat{y})^2 = (1 - 0.6028)^2 \\approx 0.1578$$',
	].join('\n\n') + '\n';

	test('reads a layer of one unit: its matrix one row, its bias a number, its activation written on the number', async () => {
		const a = await check(oneUnit);
		const spec = read(a);
		assert.deepStrictEqual(spec.layers.map((l) => [dense(l).units, dense(l).activation.kind]), [[2, 'sigmoid'], [1, 'sigmoid']]);
		assert.deepStrictEqual([...dense(spec.layers[1]).weights], [0.6, -0.4]);
		assert.deepStrictEqual([...dense(spec.layers[1]).bias], [0.2]);
		assert.deepStrictEqual(dense(spec.layers[1]).weightNames, ['W^{(2)}_{11}', 'W^{(2)}_{12}']);
		assert.deepStrictEqual(dense(spec.layers[1]).biasNames, ['b^{(2)}']);
		assert.deepStrictEqual([...spec.input], [1, 0]);
		assert.deepStrictEqual([...spec.target], [1]);
		assert.strictEqual(spec.loss, 'mse');
		assert.deepStrictEqual(a.diagnostics.map((d) => d.code), []);
		// Every given is judged, the one-row W^{(2)} element by element and x = [1, 0]^T as a column: no name is left unchecked.
		assert.deepStrictEqual(a.summary.uncheckedNames, []);
		// And judged against it, in the document's names: a wrong output, a wrong value of the output's pre-activation.
		const wrong = await check(oneUnit.split('\\approx 0.6028$$').join('\\approx 0.6128$$'));
		read(wrong);
		assert.deepStrictEqual(wrong.diagnostics.map((d) => [d.code, d.stated]), [['arithmetic', '0.6128']]);
		const value = await check(`${oneUnit}\n$$z^{(2)} = 0.5172$$\n`);
		read(value);
		assert.deepStrictEqual(value.diagnostics.map((d) => [d.code, d.stated]), [['value', '0.5172']]);
		assert.match(value.diagnostics[0].message, /^z\^\{\(2\)\} is 0\.417171 \(0\.4172 at your precision\)/);
	});

	test('reads a^{(1)} = \\tanh(z^{(1)}) as tanh', async () => {
		const spec = read(await check(edited(['$$a^{(1)} = \\sigma(z^{(1)}) = \\begin{bmatrix} 0.5250 \\\\ 0.6106 \\end{bmatrix}$$', '$$a^{(1)} = \\tanh(z^{(1)})$$'])));
		assert.deepStrictEqual(spec.layers.map((l) => dense(l).activation.kind), ['tanh', 'sigmoid']);
	});

	test('reads the input written as a^{(0)} = x', async () => {
		const spec = read(await check(edited(['$$z^{(1)} = W^{(1)} x + b^{(1)}', '$$a^{(0)} = x$$\n\n$$z^{(1)} = W^{(1)} a^{(0)} + b^{(1)}'])));
		assert.deepStrictEqual([...spec.input], [1.0, 0.5]);
	});

	test('reads a loss written per element over the output vector', async () => {
		const spec = read(await check(edited(['$$L = \\frac{1}{2} (\\hat{y} - y)^T (\\hat{y} - y) = 0.1882$$', '$$L = \\frac{1}{2} (y_1 - a^{(2)}_1)^2 + \\frac{1}{2} (y_2 - a^{(2)}_2)^2$$'])));
		assert.strictEqual(spec.loss, 'half_sse');
	});

	test('reads the Ng notation Z^{[1]} = W^{[1]} X + b^{[1]}', async () => {
		const ng = clean.replace(/\^\{\((\d)\)\}/g, '^{[$1]}').replace(/z\^/g, 'Z^').replace(/a\^/g, 'A^').replace(/\bx\b/g, 'X').replace(/ x \+/g, ' X +');
		const spec = read(await check(ng));
		assert.deepStrictEqual(spec.inputNames, ['X_{1}', 'X_{2}']);
		assert.deepStrictEqual(spec.layers.map((l) => dense(l).units), [2, 2]);
	});

	const declines: { name: string; text: string; reason: RegExp; zh?: RegExp }[] = [
		{
			name: 'a matrix whose columns are not the width of what it multiplies',
			text: edited(['W^{(2)} = \\begin{bmatrix} 0.5 & -0.2 \\\\ 0.3 & 0.8 \\end{bmatrix}', 'W^{(2)} = \\begin{bmatrix} 0.5 & -0.2 & 0.1 \\\\ 0.3 & 0.8 & 0.1 \\end{bmatrix}']),
			reason: /W\^\{\(2\)\} is stated as a 2 × 3 matrix, but a\^\{\(1\)\}, which it multiplies in the formula for z\^\{\(2\)\}, has 2 elements/,
			zh: /W\^\{\(2\)\} 给出的是 2 × 3 矩阵，但在 z\^\{\(2\)\} 的公式中与它相乘的 a\^\{\(1\)\} 有 2 个元素/,
		},
		{
			name: 'a bias whose length is not the matrix\'s rows',
			text: edited(['b^{(1)} = \\begin{bmatrix} 0.1 \\\\ -0.3 \\end{bmatrix}', 'b^{(1)} = \\begin{bmatrix} 0.1 \\\\ -0.3 \\\\ 0.2 \\end{bmatrix}']),
			reason: /b\^\{\(1\)\} has 3 elements, but W\^\{\(1\)\} has 2 rows in the formula for z\^\{\(1\)\}/,
		},
		{
			name: 'a layer written input first, x W (the row-vector convention)',
			text: edited(['W^{(1)} x + b^{(1)} = ', 'x W^{(1)} + b^{(1)} = ']),
			reason: /the formula for z\^\{\(1\)\} multiplies the vector x by the matrix W\^\{\(1\)\} from the left/,
			zh: /z\^\{\(1\)\} 的公式把向量 x 从左边乘以矩阵 W\^\{\(1\)\}/,
		},
		{
			name: 'a layer over one input, whose matrix is one column',
			text: edited(['W^{(2)} = \\begin{bmatrix} 0.5 & -0.2 \\\\ 0.3 & 0.8 \\end{bmatrix}', 'W^{(2)} = \\begin{bmatrix} 0.5 \\\\ -0.2 \\end{bmatrix}']),
			reason: /W\^\{\(2\)\} is stated as a 2 × 1 matrix: a layer over one input is not read from a vector formula yet/,
		},
		{
			name: 'a layer of one unit whose bias has the length of another',
			text: edited(['W^{(2)} = \\begin{bmatrix} 0.5 & -0.2 \\\\ 0.3 & 0.8 \\end{bmatrix}', 'W^{(2)} = \\begin{bmatrix} 0.5 & -0.2 \\end{bmatrix}']),
			reason: /b\^\{\(2\)\} has 2 elements, but W\^\{\(2\)\} has 1 rows in the formula for z\^\{\(2\)\}/,
		},
		{
			name: 'a matrix the document never states',
			text: edited(['$$W^{(1)} = \\begin{bmatrix} 0.2 & -0.4 \\\\ 0.7 & 0.1 \\end{bmatrix}, \\quad b^{(1)}', '$$b^{(1)}']),
			reason: /the formula for z\^\{\(1\)\} multiplies x by W\^\{\(1\)\}, but the document states no matrix for W\^\{\(1\)\}/,
			zh: /z\^\{\(1\)\} 的公式用 W\^\{\(1\)\} 乘以 x，但文档没有给出 W\^\{\(1\)\} 的矩阵/,
		},
		{
			name: 'a layer reading neither the input nor the layer before',
			text: edited(['W^{(2)} a^{(1)} + b^{(2)}', 'W^{(2)} h + b^{(2)}']),
			reason: /the formula for z\^\{\(2\)\} multiplies W\^\{\(2\)\} by h, which is neither a vector the document states nor the output of a layer before/,
		},
		{
			name: 'a vector formula the network does not reproduce',
			text: edited(['W^{(2)} a^{(1)} + b^{(2)}', 'W^{(1)} a^{(1)} + b^{(2)}']),
			reason: /the formula for z\^\{\(2\)\} does not fit the network read from the document/,
		},
		{
			name: 'a vector loss that fits no loss the engine knows',
			text: edited(['$$L = \\frac{1}{2} (\\hat{y} - y)^T (\\hat{y} - y) = 0.1882$$', '$$L = \\frac{1}{3} (\\hat{y} - y)^T (\\hat{y} - y)$$']),
			reason: /no formula for the loss/,
		},
		{
			// The parser does not read a norm (`\\|v\\|`) yet, so this loss is no formula at all.
			name: 'a loss written as a norm, which the parser does not read',
			text: edited(['(\\hat{y} - y)^T (\\hat{y} - y) = 0.1882', '\\|\\hat{y} - y\\|^2 = 0.1882']),
			reason: /no formula for the loss/,
		},
	];

	for (const c of declines) {
		test(`declines ${c.name}, with its reason and no truth finding`, async () => {
			const a = await check(c.text);
			assert.strictEqual(a.inferred?.kind, 'none');
			assert.match(a.inferred.reason, c.reason);
			assert.strictEqual(a.diagnostics.some((d) => truthCodes.has(d.code)), false);
			assert.strictEqual(a.segments.some((s) => s.truth), false);
		});
		if (c.zh) {
			const zh = c.zh;
			test(`declines ${c.name} with its reason in Chinese for zh-cn`, async () => {
				const a = await check(c.text, 'zh-cn');
				assert.strictEqual(a.inferred?.kind, 'none');
				assert.match(a.inferred.reason, zh);
			});
		}
	}
});
