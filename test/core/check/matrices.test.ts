/**
 * Matrix chains, fixture by fixture (DESIGN 2.2): a matrix chain holds element by element, a
 * diagnostic sits on the one wrong element with its fix, a named matrix of numbers states its
 * elements, and whatever does not fit (dimensions, determinants, huge matrices) stays unchecked.
 */
import * as assert from 'assert';
import { elementKey } from '../../../src/core/check/matrices';
import { analyze, check } from './harness';

const A = '\\begin{bmatrix}0.1&0.2\\\\0.3&0.4\\end{bmatrix}';
const x = '\\begin{bmatrix}1\\\\2\\end{bmatrix}';

suite('check: matrices', () => {
	test('holds a matrix product element by element', async () => {
		const a = await check(`$$${A}${x} = \\begin{bmatrix}0.5\\\\1.1\\end{bmatrix}$$`);
		assert.strictEqual(a.summary.checked, 1);
	});

	test('puts the squiggle on the one wrong element, with its fix', async () => {
		const a = await check(`$$${A}${x} = \\begin{bmatrix}0.5\\\\⟦1.2|arithmetic⟧\\end{bmatrix}$$`);
		assert.strictEqual(a.diagnostics[0].fix?.newText, '1.1');
		assert.match(a.diagnostics[0].message, /Element 2/);
		const b = await check(`$$${A} + ${A} = \\begin{bmatrix}0.2 & 0.4 \\\\ ⟦0.7|arithmetic⟧ & 0.8\\end{bmatrix}$$`);
		assert.match(b.diagnostics[0].message, /Element \(2, 1\)/);
	});

	test('checks every notation of vectors, transposes, element-wise products and functions', async () => {
		await check([
			'$$[1, 0]^T + (0.1, 0.2)^\\top = \\begin{bmatrix}1.1\\\\0.2\\end{bmatrix}$$',
			`$$z = ${A}${x} + \\begin{bmatrix}0.1\\\\0.1\\end{bmatrix} = \\begin{bmatrix}0.6\\\\1.2\\end{bmatrix}$$`,
			'$$a = \\sigma\\left(\\begin{bmatrix}0\\\\0\\end{bmatrix}\\right) = \\begin{bmatrix}0.5\\\\0.5\\end{bmatrix}$$',
			'$$\\begin{bmatrix}0.5\\\\0.2\\end{bmatrix} \\odot \\begin{bmatrix}2\\\\3\\end{bmatrix} = \\begin{pmatrix}1\\\\0.6\\end{pmatrix}$$',
			`$$${x}^{\\mathsf{T}} ${x} = 5$$`,
			'$$0.5 \\begin{bmatrix}0.2 & 0.4\\end{bmatrix} = \\begin{bmatrix}0.1 & 0.2\\end{bmatrix} = (0.1, 0.2)$$',
			'$$\\begin{bmatrix}0.5\\\\0.25\\end{bmatrix} \\begin{bmatrix}2 & 4\\end{bmatrix} = \\begin{bmatrix}1 & 2 \\\\ 0.5 & 1\\end{bmatrix}$$',
		].join('\n\n'));
		await check('$$\\begin{bmatrix}0.5\\\\0.2\\end{bmatrix} \\odot \\begin{bmatrix}2\\\\3\\end{bmatrix} = \\begin{bmatrix}1\\\\⟦0.5|arithmetic⟧\\end{bmatrix}$$');
		await check('$$\\exp(\\begin{bmatrix}0 & 1\\end{bmatrix}) = \\begin{bmatrix}1 & ⟦2.8|arithmetic⟧\\end{bmatrix}$$');
	});

	test('reads matrices in LaTeX align environments without splitting them', async () => {
		await check(`\\begin{align}\nz &= ${A}${x} \\\\\n  &= \\begin{bmatrix}0.5\\\\⟦1.3|arithmetic⟧\\end{bmatrix}\n\\end{align}`, 'latex');
	});

	test('reads arrays and matrices in brackets as matrices', async () => {
		await check('$$\\left[\\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\\right] \\begin{bmatrix}1\\\\1\\end{bmatrix} = \\left[\\begin{matrix} 3 \\\\ ⟦8|arithmetic⟧ \\end{matrix}\\right]$$');
	});

	test('compares stated matrices side by side element by element', async () => {
		await check('$$\\begin{bmatrix}1 & 2\\end{bmatrix} = \\begin{bmatrix}1 & ⟦3|arithmetic⟧\\end{bmatrix}$$');
	});

	test('a named matrix of numbers states every element', async () => {
		await check([
			'$$W = \\begin{bmatrix} 0.5 & 0.3 \\\\ 0.2 & 0.4 \\end{bmatrix}$$',
			'$$z = W_{11} x_1 + W_{12} x_2 = 0.5 \\cdot 1 + 0.3 \\cdot 2 = 1.1$$',
			'$$u = W_{21} \\cdot 2 = ⟦0.4|substitution⟧ \\cdot 2 = 0.8$$',
			'$$v = \\begin{bmatrix} 0.1 \\\\ 0.2 \\end{bmatrix}$$',
			'$$y = v_2 \\cdot 2 = 0.2 \\cdot 2 = 0.4$$',
		].join('\n\n'));
	});

	test('a name stated as a transposed tuple or matrix of numbers states every element, transposed', async () => {
		await check([
			'$$x = [1, 0]^T, \\quad M = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}^T$$',
			'$$y = 0.5 x_1 + 0.3 x_2 = 0.5 \\cdot 1 + 0.3 \\cdot ⟦1|substitution⟧ = 0.8$$',
			'$$z = 2 M_{12} = 2 \\cdot 3 = 6$$',
			'$$u = 2 M_{21} = 2 \\cdot ⟦3|substitution⟧ = 6$$',
			'$$v = W x = \\begin{bmatrix} 0.5 & 0.3 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 0 \\end{bmatrix} = 0.5$$',
		].join('\n\n'));
	});

	test('checks the numbers a step writes into a matrix for the computations before, and blames them, not the steps around', async () => {
		// The held-out note's hidden layer: 0.1·0.5 + 0.2·0.2 is 0.09 and 0.3·0.5 + 0.4·0.2 is 0.23, written 0.17 and 0.27;
		// the product step and the expanded step give 0.547 where the rest agree on 0.567, and carry those two numbers' error.
		await check([
			'$$a = \\sigma\\left(\\begin{bmatrix} 0.1 & 0.2 \\\\ 0.3 & 0.4 \\end{bmatrix} \\begin{bmatrix} 0.5 \\\\ 0.2 \\end{bmatrix} + \\begin{bmatrix} 0.1 \\\\ 0.1 \\end{bmatrix}\\right)',
			'= \\sigma\\left(\\begin{bmatrix} 0.1 \\cdot 0.5 + 0.2 \\cdot 0.2 \\\\ 0.3 \\cdot 0.5 + 0.4 \\cdot 0.2 \\end{bmatrix} + \\begin{bmatrix} 0.1 \\\\ 0.1 \\end{bmatrix}\\right)',
			'= \\sigma\\left(\\begin{bmatrix} ⟦0.17|arithmetic⟧ \\\\ ⟦0.27|arithmetic⟧ \\end{bmatrix} + \\begin{bmatrix} 0.1 \\\\ 0.1 \\end{bmatrix}\\right)',
			'= \\begin{bmatrix} \\sigma(0.27) \\\\ \\sigma(0.37) \\end{bmatrix} = \\begin{bmatrix} 0.567 \\\\ 0.591 \\end{bmatrix}$$',
		].join('\n'));
		// Written right, nothing fires.
		await check('$$b = \\begin{bmatrix} 0.1 \\cdot 0.5 + 0.2 \\cdot 0.2 \\\\ 0.3 \\cdot 0.5 \\end{bmatrix} = \\begin{bmatrix} 0.09 \\\\ 0.15 \\end{bmatrix} = \\begin{bmatrix} 0.090 \\\\ 0.150 \\end{bmatrix}$$');
	});

	test('checks a matrix-form forward and backward pass through the names it stated', async () => {
		await check([
			'$$W^{(1)} = \\begin{bmatrix} 0.15 & 0.20 \\\\ 0.25 & 0.30 \\end{bmatrix}, \\quad x = \\begin{bmatrix} 0.05 \\\\ 0.10 \\end{bmatrix}, \\quad b^{(1)} = (0.35, 0.35)$$',
			'$$z^{(1)} = W^{(1)} x + b^{(1)} = \\begin{bmatrix} 0.3775 \\\\ 0.3925 \\end{bmatrix}$$',
			'$$a^{(1)} = \\sigma(z^{(1)}) = \\begin{bmatrix} 0.5933 \\\\ ⟦0.5869|arithmetic⟧ \\end{bmatrix}$$',
			'$$a^{(1)} \\odot (1 - a^{(1)}) = \\begin{bmatrix} 0.2413 \\\\ 0.2425 \\end{bmatrix}$$',
			'$$U = W^{(1)} - 0.5 \\begin{bmatrix} 0.1 & 0.2 \\\\ 0.2 & 0.4 \\end{bmatrix} = \\begin{bmatrix} 0.10 & 0.10 \\\\ 0.15 & ⟦0.20|arithmetic⟧ \\end{bmatrix}$$',
		].join('\n\n'));
	});

	test('checks each number written into a matrix for an element of a stated matrix', async () => {
		await check([
			'$$W = \\begin{bmatrix} 0.15 & 0.20 \\\\ 0.25 & 0.30 \\end{bmatrix}$$ $$x = (0.05, 0.10)$$ $$b = 0.35$$',
			'$$z = W x + b = \\begin{bmatrix} 0.15 & 0.20 \\\\ 0.25 & ⟦0.35|substitution⟧ \\end{bmatrix} \\begin{bmatrix} 0.05 \\\\ 0.10 \\end{bmatrix} + 0.35 = \\begin{bmatrix} 0.3775 \\\\ 0.3975 \\end{bmatrix}$$',
			'$$u = W x + b = \\begin{bmatrix} 0.15 & 0.20 \\\\ 0.25 & 0.30 \\end{bmatrix} (0.05, 0.10) + ⟦0.53|substitution⟧ = \\begin{bmatrix} 0.5575 \\\\ 0.5725 \\end{bmatrix}$$',
			'$$v = W x = \\begin{bmatrix} 0.15 & 0.20 \\\\ 0.25 & 0.30 \\end{bmatrix} \\begin{bmatrix} 0.05 \\\\ 0.10 \\end{bmatrix} = \\begin{bmatrix} 0.0275 \\\\ 0.0425 \\end{bmatrix}$$',
		].join('\n\n'));
	});

	test('leaves a name it cannot read as one matrix unchecked: unknown, or two values after an update', async () => {
		const a = await check([
			'$$W = \\begin{bmatrix} 0.1 & 0.2 \\end{bmatrix}$$',
			'$$W \\gets W - 0.5 \\begin{bmatrix} 0.2 & 0.2 \\end{bmatrix} = \\begin{bmatrix} 0 & 0.1 \\end{bmatrix}$$',
			'$$u = 2 W = \\begin{bmatrix} 0.2 & 0.4 \\end{bmatrix}$$',
			'$$v = V (1, 2) = \\begin{bmatrix} 9 \\end{bmatrix}$$',
		].join('\n\n'));
		assert.strictEqual(a.summary.checked, 1);
	});

	test('a table of names over numbers states each name, as seed 000 writes its kernels', async () => {
		await check([
			'$$KK_{1} \\begin{pmatrix} KK_{11} & KK_{12} & KK_{13} \\\\ 0.1 & 0.2 & -0.3 \\end{pmatrix}$$',
			'$$y = KK_{11} + KK_{13} = 0.1 + (-0.3) = -0.2$$',
			'$$z = 2 KK_{12} = 2 \\cdot ⟦0.1|substitution⟧ = 0.2$$',
		].join('\n\n'));
	});

	test('names elements with digits run together, or commas beyond 9, before an update mark', () => {
		assert.strictEqual(elementKey('W', [1, 2]), 'W12');
		assert.strictEqual(elementKey('W', [1, 10]), 'W1,10');
		assert.strictEqual(elementKey("W'", [2, 1]), "W21'");
		assert.strictEqual(elementKey('KK1', [3]), 'KK13');
	});

	test('leaves mismatched dimensions, determinants and names unchecked, never an error', async () => {
		const a = await check([
			`$$${x}${x} = \\begin{bmatrix}5\\end{bmatrix}$$`,
			`$$${A} ${x} = \\begin{bmatrix}0.5 & 1.1 & 7\\end{bmatrix}$$`,
			'$$\\begin{vmatrix}1 & 2 \\\\ 3 & 4\\end{vmatrix} = -2$$',
			`$$W ${x} = \\begin{bmatrix}9\\\\9\\end{bmatrix}$$`,
			`$$${A}^2 = ${A}$$`,
		].join('\n\n'));
		assert.strictEqual(a.summary.checked, 0);
	});

	test('reads a 1000 × 1000 matrix and deeply nested matrices without hanging', async function () {
		this.timeout(60000);
		const row = Array.from({ length: 1000 }, () => '1').join('&');
		const big = `$$M = \\begin{bmatrix}${Array.from({ length: 1000 }, () => row).join('\\\\')}\\end{bmatrix} = 0$$`;
		let started = Date.now();
		const a = await analyze(big);
		assert.deepStrictEqual(a.diagnostics, []);
		assert.ok(Date.now() - started < 20000, `took ${Date.now() - started} ms`);
		const deep = `$$x = ${'\\begin{bmatrix}'.repeat(3000)}1${'\\end{bmatrix}'.repeat(3000)} = 2$$`;
		started = Date.now();
		const b = await analyze(deep);
		assert.deepStrictEqual(b.diagnostics, []);
		assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
	});
});
