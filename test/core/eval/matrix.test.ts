/**
 * Tests of matrix evaluation: each case is a piece of math, evaluated on face values (every literal
 * exact), and the grid it must give, printed row by row; a case that must stay unchecked gives
 * `undefined`, never a guess.
 */
import * as assert from 'assert';
import { evaluate } from '../../../src/core/eval/evaluate';
import { evaluateMatrix, MAX_CELLS } from '../../../src/core/eval/matrix';
import { parseMath } from '../../../src/core/syntax/parser';

/** The grid `input` evaluates to, as rows of values rounded to 6 places, or `undefined`. */
function grid(input: string): number[][] | undefined {
	const text = `${input} = 0`;
	const e = parseMath(text, { start: 0, end: text.length }).statements[0].members[0];
	const o = evaluateMatrix(e, (x) => evaluate(x, { literal: (n) => ({ lo: n.value, hi: n.value }) }));
	if (!o.ok) return undefined;
	const g = o.grid;
	return Array.from({ length: g.rows }, (_, j) => g.cells.slice(j * g.cols, (j + 1) * g.cols).map((v) => Math.round(v.value * 1e6) / 1e6));
}

function check(input: string, expected: number[][] | undefined): void {
	assert.deepStrictEqual(grid(input), expected, input);
}

const A = '\\begin{bmatrix}0.1&0.2\\\\0.3&0.4\\end{bmatrix}';
const x = '\\begin{bmatrix}1\\\\2\\end{bmatrix}';

suite('eval/matrix', () => {
	test('multiplies matrices, rows by columns', () => {
		check(`${A}${x}`, [[0.5], [1.1]]);
		check(`${A} \\cdot ${A}`, [[0.07, 0.1], [0.15, 0.22]]);
		check(`${x}^T ${x}`, [[5]]);
		check(`${x} ${x}^T`, [[1, 2], [2, 4]]);
	});
	test('adds, subtracts, scales and negates element by element', () => {
		check(`${A} + ${A}`, [[0.2, 0.4], [0.6, 0.8]]);
		check(`${A} - ${A}`, [[0, 0], [0, 0]]);
		check(`2 ${A}`, [[0.2, 0.4], [0.6, 0.8]]);
		check(`${A} \\times 10`, [[1, 2], [3, 4]]);
		check(`${A} / 2`, [[0.05, 0.1], [0.15, 0.2]]);
		check(`-${x}`, [[-1], [-2]]);
		check(`0.5 (${x} - ${x})`, [[0], [0]]);
		check(`1 - ${x}`, [[0], [-1]]);
		check(`${A} + 1`, [[1.1, 1.2], [1.3, 1.4]]);
	});
	test('takes element-wise products and functions', () => {
		check(`${x} \\odot ${x}`, [[1], [4]]);
		check(`${x} \\circ ${x}`, [[1], [4]]);
		check('\\sigma\\left(\\begin{bmatrix}0\\\\0\\end{bmatrix}\\right)', [[0.5], [0.5]]);
		check('\\exp(\\begin{bmatrix}0 & 1\\end{bmatrix})', [[1, 2.718282]]);
		check('\\operatorname{ReLU}(\\begin{bmatrix}-1 & 2\\end{bmatrix})', [[0, 2]]);
	});
	test('reads tuples as vectors that fit either orientation, fixed by a transpose', () => {
		check('[1, 0]^T', [[1], [0]]);
		check('(0.1, 0.2)^\\top', [[0.1], [0.2]]);
		check(`${A} (1, 2)`, [[0.5], [1.1]]);
		check('(1, 2) + (3, 4)', [[4, 6]]);
		check(`${x} + (1, 1)`, [[2], [3]]);
		check(`${A}^T`, [[0.1, 0.3], [0.2, 0.4]]);
	});
	test('leaves what does not fit unchecked, never guessed', () => {
		check(`${x} ${x}`, undefined);
		check(`${A} + ${x}`, undefined);
		check(`${A}^2`, undefined);
		check(`\\max(${x})`, undefined);
		check(`${x} \\pm ${x}`, undefined);
		check(`W ${x}`, undefined);
		check('0.5 + 1', undefined);
		check(`\\frac{1}{0} ${x}`, undefined);
	});
	test('caps the size of grids and products', () => {
		const side = Math.ceil(Math.sqrt(MAX_CELLS)) + 1;
		const row = Array.from({ length: side }, () => '1').join(', ');
		check(`(${row}) + (${row})`, [Array.from({ length: side }, () => 2)]);
		const long = Array.from({ length: MAX_CELLS + 1 }, () => '1').join(', ');
		const started = Date.now();
		check(`(${long})`, undefined);
		check(`(${row})^T (${row})`, undefined);
		assert.ok(Date.now() - started < 3000);
	});
});
