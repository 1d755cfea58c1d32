/**
 * Tests of the statement parser: each case is a piece of math and the statements it must give,
 * printed by `printStatement` (see `print.ts`). A case with an error node prints `(error)` in
 * place of the member; statements that hold errors are kept, so the checker can skip them.
 */
import * as assert from 'assert';
import { parseMath } from '../../../src/core/syntax/parser';
import type { ParseResult } from '../../../src/core/syntax/ast';
import { printExpr, printStatement, type PrintOptions } from './print';

function parse(input: string): ParseResult {
	return parseMath(input, { start: 0, end: input.length });
}

/** Asserts the printed statements of `input`. */
function check(input: string, expected: string[], options: PrintOptions = {}): ParseResult {
	const result = parse(input);
	assert.deepStrictEqual(result.statements.map((s) => printStatement(s, options)), expected, input);
	return result;
}

/** Asserts the printed first member of `input = 0`. */
function expr(input: string, expected: string, options: PrintOptions = {}): void {
	const s = parse(`${input} = 0`).statements;
	assert.strictEqual(s.length, 1, input);
	assert.strictEqual(printExpr(s[0].members[0], options), expected, input);
}

suite('syntax/parser: expressions', () => {
	test('reads numbers, with minus signs as unary nodes', () => {
		expr('0.5', '0.5');
		expr('-0.349', '(- 0.349)');
		expr('1e-3', '1e-3');
		expr('+0.5', '(+ 0.5)');
		expr('1.5 \\times 10^{-3}', '(* 1.5 (^ 10 (- 3)))');
	});
	test('records what a literal was written as', () => {
		const n = parse('x = 0.558').statements[0].members[1];
		assert.ok(n.kind === 'number');
		assert.strictEqual(n.value, 0.558);
		assert.ok(Math.abs(n.halfUlp - 0.0005) < 1e-15);
		assert.strictEqual(n.isInteger, false);
		const i = parse('x = 12').statements[0].members[1];
		assert.ok(i.kind === 'number' && i.isInteger && i.halfUlp === 0.5);
		const e = parse('x = 1.5e-3').statements[0].members[1];
		assert.ok(e.kind === 'number' && !e.isInteger && Math.abs(e.halfUlp - 0.00005) < 1e-15);
	});
	test('reads names of every spelling in the notes', () => {
		expr('\\bar{in}_{cc_1}', 'bar.incc1');
		expr('\\text{coef}_{o1}', 'coefo1');
		expr('outpp_1', 'outpp1');
		expr('\\text{outc}_1', 'outc1');
		expr('\\delta_{h1}', 'deltah1');
		expr('E_{\\text{total}}', 'Etotal');
		expr('w_5^+', "w5'");
		expr("w_1'", "w1'");
		expr('b_{b1}', 'bb1');
		expr('KK_{11}', 'KK11');
		expr('\\alpha', 'alpha');
		expr('\\eta', 'eta');
		expr('\\text{coefci}', 'coefci');
	});
	test('gives products and quotients precedence over sums, left to right', () => {
		expr('a + b \\cdot c - d', '(- (+ a (* b c)) d)');
		expr('a / b * c', '(* (/ a b) c)');
		expr('2 * 3 \\cdot 4 \\times 5', '(* (* (* 2 3) 4) 5)');
		expr('a \\div b', '(/ a b)');
	});
	test('records how an operator was written', () => {
		expr('2 * 3 \\cdot 4 \\times 5 / 6', '(/ (\\times (\\cdot (* 2 3) 4) 5) 6)', { written: true });
		expr('0.5 (1 - 0.074)', '(` 0.5 (group (- 1 0.074)))', { written: true });
		expr('\\frac{1}{2} + \\dfrac{3}{4}', '(+ (\\frac 1 2) (\\dfrac 3 4))', { written: true });
	});
	test('reads implicit products', () => {
		expr('0.5 (1 - 0.074)', '(* 0.5 (group (- 1 0.074)))');
		expr('2x', '(* 2 x)');
		expr('i_1 KK_{11}', '(* i1 KK11)');
		expr('\\alpha (coef_{c1} \\cdot out_{C3} + coef_{c2} \\cdot out_{C4})', '(* alpha (group (+ (* coefc1 outC3) (* coefc2 outC4))))');
		expr('-0.06 \\times 1 \\times 0.558 (1 - 0.558)', '(* (* (* (- 0.06) 1) 0.558) (group (- 1 0.558)))');
		expr('\\text{coefp}_1 \\cdot w_{11} \\cdot \\text{outc}_1 (1 - \\text{outc}_1)', '(* (* (* coefp1 w11) outc1) (group (- 1 outc1)))');
		expr('0.8v_3', '(* 0.8 v3)');
	});
	test('binds a sign to the factor after it, below powers', () => {
		expr('-x^2', '(- (^ x 2))');
		expr('2 \\cdot -3', '(* 2 (- 3))');
		expr('- - 1', '(- (- 1))');
		expr('-(1 \\cdot \\ln 0.813)', '(- (group (* 1 (ln 0.813))))');
	});
	test('reads fractions as division', () => {
		expr('\\frac{2.160}{2.625}', '(/ 2.160 2.625)');
		expr('\\frac{1}{2} (a + b)', '(* (/ 1 2) (group (+ a b)))');
		expr('\\frac12', '(/ 1 2)');
		expr('\\frac a b', '(/ a b)');
		expr('-0.77 \\frac{0.460}{0.260}', '(* (- 0.77) (/ 0.460 0.260))');
	});
	test('tells powers from update marks and layer superscripts', () => {
		expr('x^2', '(^ x 2)');
		expr('x^{-1}', '(^ x (- 1))');
		expr('(1 - x)^2', '(^ (group (- 1 x)) 2)');
		expr('w_1^{new}', "w1'");
		expr('w_1^{(t+1)}', "w1'");
		expr('w_1^{(1)}', 'w(1)1');
		expr('z^{(1)}_2^2', '(^ z(1)2 2)');
		expr('a^{[2]}_1 (1 - a^{[2]}_1)', '(* a(2)1 (group (- 1 a(2)1)))');
	});
	test('reads sums over an index with the summand as one product', () => {
		expr('\\sum_{i=1}^{3} x_i', '(indexsum xi)');
		expr('\\sum_i w_{1i} x_i + b_1', '(+ (indexsum (* w1i xi)) b1)');
		expr('\\sum\\limits_{k} (t_k - o_k)^2', '(indexsum (^ (group (- tk ok)) 2))');
	});
	test('reads square roots, logarithms and exponentials', () => {
		expr('\\sqrt{2}', '(sqrt 2)');
		expr('\\sqrt 2', '(sqrt 2)');
		expr('\\ln(0.5)', '(ln 0.5)');
		expr('\\ln 0.813', '(ln 0.813)');
		expr('\\log{x}', '(log x)');
		expr('\\exp(-x)', '(exp (- x))');
		expr('e^{x}', '(exp x)');
		expr('e^{-0.5}', '(e^ (- 0.5))', { written: true });
		expr('\\mathrm{e}^{2}', '(exp 2)');
		expr('2 \\cdot \\ln 0.177 + 1', '(+ (* 2 (ln 0.177)) 1)');
	});
	test('reads max, min, sum and the activations', () => {
		expr('\\max\\{0.646, 0.659\\}', '(max 0.646 0.659)');
		expr('\\max \\{0.558, 0.558\\}', '(max 0.558 0.558)');
		expr('\\max(a, b)', '(max a b)');
		expr('\\min\\left(a, b\\right)', '(min a b)');
		expr('\\sum(0.1, 0.2, 0.3)', '(sum 0.1 0.2 0.3)');
		expr('\\sigma(x)', '(sigma x)');
		expr('\\tanh(x)', '(tanh x)');
		expr('\\tanh x', '(tanh x)');
		expr('\\operatorname{ReLU}(x)', '(relu x)');
		expr('\\operatorname{ReLU}(x)', '(\\operatorname{ReLU} x)', { written: true });
		expr('relu(x)', '(relu x)');
		expr('\\operatorname{ReLU} x', '(relu x)');
		expr('\\operatorname{relu}\\left(-0.5\\right)', '(relu (- 0.5))');
		expr('ReLU(-1)', '(relu (- 1))');
		expr('\\sigma', 'sigma');
		expr('|x - 1|', '(abs (- x 1))');
		expr('\\left| x \\right|', '(abs x)');
		expr('\\lvert x \\rvert', '(abs x)');
	});
	test('reads every kind of bracket, with or without sizes', () => {
		expr('(a)', '(group a)');
		expr('[a]', '(group[ a)');
		expr('\\{a\\}', '(group\\{ a)');
		expr('{a + b}', '(group{ (+ a b))');
		expr('\\left( a \\right)', '(group a)');
		expr('\\left[ a \\right]', '(group[ a)');
		expr('\\big( a \\big)', '(group a)');
		expr('\\Bigl( a \\Bigr)', '(group a)');
		expr('\\left\\{ a \\right\\}', '(group\\{ a)');
	});
	test('reads tuples', () => {
		check('KK_1 = (0.1, 0.2, 0.3)', ['KK1 = (tuple 0.1 0.2 0.3)']);
		check('v = [1, 0]', ['v = (tuple 1 0)']);
	});
	test('reads derivatives', () => {
		expr('\\frac{\\partial E_{total}}{\\partial w_1}', '(d Etotal w1)');
		expr('\\frac{\\partial A}{\\partial B}', '(d A B)');
		expr('\\partial A / \\partial B', '(d A B)');
		expr('\\frac{\\partial E_{\\text{total}}}{\\partial \\bar{I}_{\\text{in}p_1}}', '(d Etotal bar.Iinp1)');
		expr('\\frac{\\partial E}{\\partial out_{C1}} \\frac{\\partial out_{C1}}{\\partial b_1}', '(* (d E outC1) (d outC1 b1))');
		expr('\\left(\\frac{\\partial a}{\\partial b} \\cdot c \\right) \\frac{\\partial d}{\\partial e}', '(* (group (* (d a b) c)) (d d e))');
	});
	test('turns what it cannot read into error nodes', () => {
		expr('\\frac{\\text{others}}{\\partial b_2}', '(/ others (error))');
		expr('\\frac{\\partial^2 E}{\\partial w^2}', '(error)');
		expr('a \\foo{x} b', '(* (* a (error)) b)');
		expr('a + \\cdots + b', '(+ (+ a (error)) b)');
		expr('\\sum_{i=1}^{n^2} x_i', '(indexsum xi)');
		expr('\\sum_{i+1} x_i', '(error)');
		expr('KK_{11} \\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}', '(* KK11 (error))');
		expr('(0.1 \\quad 0.2)', '(error)');
		expr('0.5 0.3', '(error)');
		expr('(a', '(error)');
		check('(a = 0 \\quad b = 1', ['(error) = 0', 'b = 1']);
		expr('a)', '(error)');
	});
});

suite('syntax/parser: the notation of courses and plain text (DESIGN 2.2)', () => {
	test('reads logarithms to a base and n-th roots, arguments in the order written', () => {
		expr('\\log_2 x', '(logb 2 x)');
		expr('\\log_{10}(100)', '(logb 10 100)');
		expr('\\log_{b} 8', '(logb b 8)');
		expr('\\log_2 8 \\cdot 3', '(* (logb 2 8) 3)');
		expr('\\sqrt[3]{27}', '(root 3 27)');
		expr('\\sqrt[n]{x + 1}', '(root n (+ x 1))');
		expr('\\log^2 x', '(* (error) x)');
		expr('\\sqrt[3, 4]{x}', '(error)');
	});
	test('reads \\pm and \\mp as two-valued sums and signs', () => {
		expr('1 \\pm 0.5', '(± 1 0.5)');
		expr('\\pm 0.5', '(± 0.5)');
		expr('a \\mp b \\cdot c', '(∓ a (* b c))');
		expr('1 ± 2', '(± 1 2)');
		expr('\\frac{-b \\pm \\sqrt{b^2 - 4 a c}}{2a}', '(/ (± (- b) (sqrt (- (^ b 2) (* (* 4 a) c)))) (* 2 a))');
	});
	test('reads dL/dw and \\frac{dL}{dw} as derivatives, and leaves other quotients of d-names alone', () => {
		expr('dL/dw11', '(d L w11)');
		expr('dE/dw_1', '(d E w1)');
		expr('dE_{total} / dw_{11}', '(d Etotal w11)');
		expr('d L / d w', '(d L w)');
		expr('\\frac{dL}{dw}', '(d L w)');
		expr('\\frac{d E}{d w_{11}}', '(d E w11)');
		expr('\\frac{\\mathrm{d} E}{\\mathrm{d} w}', '(d E w)');
		expr('\\mathrm{d}E/\\mathrm{d}w', '(d E w)');
		expr('0.5 \\cdot dE/dw_1', '(* 0.5 (d E w1))');
		expr('d_1/d_2', '(/ d1 d2)');
		expr('d / dx', '(/ d dx)');
		expr('\\frac{d}{dx}', '(/ d dx)');
		expr('dL / 2', '(/ dL 2)');
		expr('x / dy', '(/ x dy)');
		const s = parse('g = dL/dw11').statements[0].members[1];
		assert.ok(s.kind === 'derivative');
		assert.deepStrictEqual([s.span, s.of.span, s.wrt.span], [{ start: 4, end: 11 }, { start: 5, end: 6 }, { start: 8, end: 11 }]);
	});
	test('reads plain-text functions and Unicode letters and operators', () => {
		expr('exp(0.5)', '(exp 0.5)');
		expr('log(x)', '(log x)');
		expr('ln(x)', '(ln x)');
		expr('sigmoid(x)', '(sigma x)');
		expr('σ(x)', '(sigma x)');
		expr('tanh(x)', '(tanh x)');
		expr('ReLU(x) + relu(x)', '(+ (relu x) (relu x))');
		expr('η δ α', '(* (* eta delta) alpha)');
		expr('2 × 3 · 4 − 1', '(- (* (* 2 3) 4) 1)');
		check('x ≈ 0.5', ['x ≈ 0.5']);
		expr('√2', '(sqrt 2)');
		expr('exp', 'exp');
	});
	test('reads assignments as relations that make update chains', () => {
		check('w_1 \\leftarrow w_1 - 0.5 \\cdot 0.08 = 0.11', ['w1 ← (- w1 (* 0.5 0.08)) = 0.11']);
		check('w \\gets w - \\eta g', ['w ← (- w (* eta g))']);
		check('w := 0.5', ['w ← 0.5']);
		check('w ：= 0.5', ['w ← 0.5']);
		check('w \\coloneqq 0.5 \\quad b \\coloneq 1', ['w ← 0.5', 'b ← 1']);
		check('w ← 0.5', ['w ← 0.5']);
		check('a: b = 1', ['b = 1']);
		const r = parse('w := 1');
		assert.deepStrictEqual(r.statements[0].relations[0], { kind: 'assign', span: { start: 2, end: 4 } });
		assert.strictEqual(r.tokens.map((t) => t.text).join(''), 'w := 1');
	});
	test('reads typography around a number as the number, spanning the number alone', () => {
		expr('\\mathbf{-3}', '(- 3)');
		expr('\\boldsymbol{0.5} + \\bm{0.5} + \\mathsf{2}', '(+ (+ 0.5 0.5) 2)');
		expr('{\\color{red}0.2}', '0.2');
		expr('\\textcolor{red}{0.2}', '0.2');
		expr('\\underline{0.2} \\cdot \\boxed{0.3}', '(* 0.2 0.3)');
		expr('\\mathbf{W x}', '(* W x)');
		expr('\\mathbf{W}', 'W');
		expr('{a + b}', '(group{ (+ a b))');
		const input = 'x = \\boxed{0.25}';
		const n = parse(input).statements[0].members[1];
		assert.strictEqual(input.slice(n.span.start, n.span.end), '0.25');
		const colored = '{\\color{red}-0.2} = x';
		const c = parse(colored).statements[0].members[0];
		assert.strictEqual(colored.slice(c.span.start, c.span.end), '-0.2');
	});
	test('drops lists with an ellipsis and keeps the ellipsis in a tuple as an error item', () => {
		check('i_1, \\ldots, i_6 = 0.1, \\ldots, 0.6', []);
		check('i_1, \\dots, i_6 = 0.1, \\dots, 0.6', []);
		check('x_1, …, x_3 = 1, …, 3', []);
		check('KK_1 = (0.1, \\cdots, 0.6)', ['KK1 = (tuple 0.1 (error) 0.6)']);
	});
});

suite('syntax/parser: matrices and vectors (DESIGN 2.2)', () => {
	test('reads matrix environments, rows by \\\\ and cells by &', () => {
		expr('\\begin{bmatrix} 0.1 & 0.2 \\\\ 0.3 & 0.4 \\end{bmatrix}', '(bmatrix [0.1 0.2] [0.3 0.4])');
		expr('\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}', '(pmatrix [1] [2])');
		expr('\\begin{Bmatrix} a & b \\end{Bmatrix}', '(Bmatrix [a b])');
		expr('\\begin{matrix} 1 & 2 \\\\ 3 & 4 \\\\ \\end{matrix}', '(matrix [1 2] [3 4])');
		expr('\\begin{bmatrix} \\sigma(0.5) & \\frac{1}{2} \\\\ 0.1 \\cdot 1 + 0.2 & -3 \\end{bmatrix}', '(bmatrix [(sigma 0.5) (/ 1 2)] [(+ (* 0.1 1) 0.2) (- 3)])');
		expr('\\begin{bmatrix}0.1&0.2\\\\0.3&0.4\\end{bmatrix}\\begin{bmatrix}1\\\\2\\end{bmatrix}', '(* (bmatrix [0.1 0.2] [0.3 0.4]) (bmatrix [1] [2]))');
		expr('W \\begin{bmatrix} x_1 \\\\ x_2 \\end{bmatrix}', '(* W (bmatrix [x1] [x2]))');
		expr('\\left[\\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\\right]', '(group[ (array [1 2] [3 4]))');
		expr('\\begin{bmatrix*}[r] 1 & -2 \\end{bmatrix*}', '(bmatrix* [1 (- 2)])');
		expr('\\begin{array}{rcl} a & = & b \\end{array}', '(error)');
	});
	test('keeps a matrix whole inside an aligned environment and across lines', () => {
		check('\\begin{aligned} z &= \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} x \\\\ b &= 1 \\end{aligned}', ['z = (* (bmatrix [1 2] [3 4]) x)', 'b = 1']);
		check('W = \\begin{bmatrix}\n  0.5 & 0.3 \\\\\n  0.2 & 0.4\n\\end{bmatrix} = V', ['W = (bmatrix [0.5 0.3] [0.2 0.4]) = V']);
	});
	test('gives each cell the span of its own text', () => {
		const input = 'M = \\begin{bmatrix} 0.5 & -0.25 \\end{bmatrix}';
		const m = parse(input).statements[0].members[1];
		assert.ok(m.kind === 'matrix');
		assert.deepStrictEqual(m.rows[0].map((c) => input.slice(c.span.start, c.span.end)), ['0.5', '-0.25']);
		assert.strictEqual(input.slice(m.span.start, m.span.end), input.slice(4));
	});
	test('turns a matrix it cannot read into one error: ragged, empty cells, nested, determinants', () => {
		expr('\\begin{bmatrix} 1 & 2 \\\\ 3 \\end{bmatrix}', '(error)');
		expr('\\begin{bmatrix} 1 & \\\\ 3 & 4 \\end{bmatrix}', '(error)');
		expr('\\begin{bmatrix} \\begin{bmatrix} 1 \\end{bmatrix} \\end{bmatrix}', '(error)');
		expr('\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}', '(error)');
		expr('\\begin{bmatrix} 1 & \\cdots \\end{bmatrix}', '(error)');
		expr('\\begin{bmatrix} 1 2 \\end{bmatrix}', '(error)');
		check('a = \\begin{bmatrix} 1 & 2', ['a = (error)']);
	});
	test('reads a two-row table of names over numbers, with no relation, as one statement per column', () => {
		check('\\begin{pmatrix} KK_{11} & KK_{12} \\\\ 0.1 & -0.2 \\end{pmatrix}', ['KK11 = 0.1', 'KK12 = (- 0.2)']);
		check('KK_{1} \\begin{pmatrix} KK_{11} & KK_{12} \\\\ 0.1 & 0.2 \\end{pmatrix}', ['KK11 = 0.1', 'KK12 = 0.2']);
		check('\\begin{pmatrix} a & b \\\\ 1 & x \\end{pmatrix}', []);
		check('\\begin{pmatrix} a & b \\\\ 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', []);
		check('M = \\begin{pmatrix} a & b \\\\ 1 & 2 \\end{pmatrix}', ['M = (pmatrix [a b] [1 2])']);
		const input = '\\begin{pmatrix} w & v \\\\ 0.5 & 1 \\end{pmatrix}';
		const st = parse(input).statements[1];
		assert.deepStrictEqual([input.slice(st.span.start, st.span.end), st.relations[0].span.start === st.relations[0].span.end], ['v \\\\ 0.5 & 1', true]);
	});
	test('reads transposes and element-wise products', () => {
		expr('[1, 0]^T', '(transpose (tuple 1 0))');
		expr('(0.1, 0.2)^\\top', '(transpose (tuple 0.1 0.2))');
		expr('x^{\\mathsf{T}}', '(transpose x)');
		expr('W^{T} x', '(* (transpose W) x)');
		expr('\\delta a^T', '(* delta (transpose a))');
		expr('x^\\intercal', '(transpose x)');
		expr('e^T', '(exp T)');
		expr('2^T', '(^ 2 T)');
		expr('x^{2T}', '(^ x (* 2 T))');
		expr('a \\odot b \\circ c', '(⊙ (⊙ a b) c)');
		expr('\\sigma(z) \\odot (1 - \\sigma(z))', '(⊙ (sigma z) (group (- 1 (sigma z))))');
	});
	test('leaves a huge matrix unread without building its cells', () => {
		const row = Array.from({ length: 200 }, () => '1').join(' & ');
		const big = `M = \\begin{bmatrix} ${Array.from({ length: 200 }, () => row).join(' \\\\ ')} \\end{bmatrix}`;
		const started = Date.now();
		const r = parse(big);
		assert.ok(Date.now() - started < 2000);
		assert.strictEqual(printStatement(r.statements[0]), 'M = (error)');
	});
});

suite('syntax/parser: statements', () => {
	test('reads an equality chain', () => {
		check('a = b = 0.5', ['a = b = 0.5']);
		check('a \\approx 0.5', ['a ≈ 0.5']);
		check('x ≈ 1 × 2', ['x ≈ (* 1 2)']);
	});
	test('drops math with no equality', () => {
		check('\\max \\{0.646, 0.659\\} > 0.653', []);
		check('\\ln(0.5)', []);
		check('p\\bar{P}_m', []);
		check('', []);
	});
	test('ends a chain at a relation that is not an equality', () => {
		check('a = 1 > b = 2', ['a = 1', 'b = 2']);
		check('a = 1 \\le 2', ['a = 1']);
		check('x \\to y = 3', ['y = 3']);
	});
	test('splits statements at top-level spacing, prose, semicolons and commas', () => {
		check('\\text{卷积核 } KK_1 = (0.1, 0.2, 0.3) \\quad b_{b1} = 0.5', ['KK1 = (tuple 0.1 0.2 0.3)', 'bb1 = 0.5']);
		check('a = 1 \\qquad b = 2', ['a = 1', 'b = 2']);
		check('a = 1; b = 2', ['a = 1', 'b = 2']);
		check('b_1 = 0, b_2 = 0', ['b1 = 0', 'b2 = 0']);
		check('a = 1 \\text{ and } b = 2', ['a = 1', 'b = 2']);
		check('\\text{where} x = 2', ['x = 2']);
		check('\\text{coefci} = 2 \\text{so} \\quad \\text{loss} = \\text{coef}_{o1} x', ['coefci = 2', 'loss = (* coefo1 x)']);
		check('卷积核 a = 1 层 b = 2', ['a = 1', 'b = 2']);
		check('a = 0.5.', ['a = 0.5']);
		check('a = 1 \\hspace{1em} b = 2', ['a = 1', 'b = 2']);
	});
	test('treats small spaces and alignment as nothing', () => {
		check('a~=\\ 1', ['a = 1']);
		check('a = \\text{ } 1', ['a = 1']);
		check('a \\, = \\; 1 \\! + \\: 2 & = 3', ['a = (+ 1 2) = 3']);
		check('a = \\displaystyle 1 \\nonumber \\label{eq:1}', ['a = 1']);
	});
	test('continues a chain over a line break followed by a relation', () => {
		check('w_1 = 0.1 - 0.5 \\times (-0.349) + 0.034 \\\\ = 0.166', ['w1 = (+ (- 0.1 (* 0.5 (group (- 0.349)))) 0.034) = 0.166']);
		check('a &= 1 \\\\ &= 2 \\\\ b &= 3', ['a = 1 = 2', 'b = 3']);
	});
	test('continues a member over a line break followed by an operator', () => {
		check('a &= b + c \\\\ &\\quad + d \\\\ &= 1', ['a = (+ (+ b c) d) = 1']);
		check('a = b \\\\ \\cdot c', ['a = (* b c)']);
		check('a = b \\\\ -c = 2', ['a = b', '(- c) = 2']);
	});
	test('reads a line break with a spacing argument as a line break', () => {
		check('a = 1 \\\\[2pt] = 2 \\\\[4mm] b = [3]', ['a = 1 = 2', 'b = (group[ 3)']);
	});
	test('reads Unicode operators and Greek letters as their commands', () => {
		check('x = 2 × 3 · 4 ÷ 5 − 1 ≈ 0.6', ['x = (- (/ (* (* 2 3) 4) 5) 1) ≈ 0.6']);
		check('w = w − η ∂E/∂w', ['w = (- w (* eta (d E w)))']);
		check('a = 1 ≤ 2 ， b = 2', ['a = 1', 'b = 2']);
	});
	test('ends a statement at a line break followed by anything else', () => {
		check('a = 1 \\\\ b = 2', ['a = 1', 'b = 2']);
		check('k_{11} \\cdot k_{12} \\\\ k_1 \\quad (0.1 \\quad 0.2 \\quad 0.3 \\quad 0)', []);
	});
	test('marks a chain that opens a region or a line with a relation as continuing', () => {
		const r = check('= \\text{coef}_{f1} \\cdot w_1 = -0.060', ['= (* coeff1 w1) = (- 0.060)']);
		assert.strictEqual(r.statements[0].continues, true);
		assert.strictEqual(r.statements[0].members.length, r.statements[0].relations.length);
		check('\\text{注} \\\\ = 5', ['= 5']);
		check('\\text{note} \\\\ = 5', ['note = 5']);
		const s = check('a = 1 \\quad = 2', ['a = 1', '(error) = 2']);
		assert.strictEqual(s.statements[1].continues, false);
	});
	test('joins a \\right. and \\left. across a line break', () => {
		check('x = \\left( a + b \\right. \\\\ \\left. + c \\right) = 1', ['x = (group (+ (+ a b) c)) = 1']);
	});
	test('reads aligned environments line by line', () => {
		const input = '\\begin{aligned}\n \\bar{in}_{pp_1} &= \\frac{1}{2} (\\bar{in}_{cc_1} + \\bar{in}_{cc_2}) \\\\\n \\bar{in}_{pp_2} &= \\frac{1}{2} (\\bar{in}_{cc_3} + \\bar{in}_{cc_4})\n \\end{aligned}';
		check(input, ['bar.inpp1 = (* (/ 1 2) (group (+ bar.incc1 bar.incc2)))', 'bar.inpp2 = (* (/ 1 2) (group (+ bar.incc3 bar.incc4)))']);
		check('\\begin{align*} a &= 1 \\\\ b &= 2 \\end{align*}', ['a = 1', 'b = 2']);
		check('\\begin{gather} a = 1 \\\\ b = 2 \\end{gather}', ['a = 1', 'b = 2']);
		check('\\begin{split} a &= 1 \\\\ &= 1 \\end{split}', ['a = 1 = 1']);
	});
	test('keeps a statement whose member holds an error', () => {
		check('a = \\foo + 1 = 2', ['a = (+ (error) 1) = 2']);
		check('a = 1 ) = 2', ['a = (error) = 2']);
		check('a = \\begin{Vmatrix} 1 \\end{Vmatrix} \\quad b = 2', ['a = (error)', 'b = 2']);
		check('a = \\begin{cases} 1 \\end{cases}', ['a = (error)']);
		check('a = \\pmatrix{1 & 2} \\quad b = 2', ['a = (error)', 'b = 2']);
		check('a = \\begin{bmatrix} \\begin{bmatrix} 1 \\end{bmatrix} \\end{bmatrix} + 1', ['a = (+ (error) 1)']);
		check('a = ', ['a = (error)']);
	});
	test('does not let an unknown command spoil its neighbours', () => {
		check('a = 1 \\quad \\weird{x} = 2 \\quad b = 3', ['a = 1', '(error) = 2', 'b = 3']);
	});
	test('reads the loss line of the notes', () => {
		check('\\text{loss} = -(1 \\cdot \\ln 0.813 + 2 \\cdot \\ln 0.177) \\\\ = 0.195', ['loss = (- (group (+ (* 1 (ln 0.813)) (* 2 (ln 0.177))))) = 0.195']);
	});
	test('reads an update chain of the notes', () => {
		check(
			'w_1 = w_1 - \\alpha \\cdot \\frac{\\partial E_{\\text{total}}}{\\partial \\bar{in}_{o1}} \\cdot \\frac{\\partial \\bar{in}_{o1}}{\\partial w_1} = w_1 - \\alpha \\cdot \\text{coef}_{o1} \\cdot \\text{out}_{p1} = 0.1 - 0.7 \\cdot (-0.17) \\cdot 0.558 = 0.189',
			['w1 = (- w1 (* (* alpha (d Etotal bar.ino1)) (d bar.ino1 w1))) = (- w1 (* (* alpha coefo1) outp1)) = (- 0.1 (* (* 0.7 (group (- 0.17))) 0.558)) = 0.189'],
		);
	});
	test('gives spans that cover what was written', () => {
		const input = 'xx $a = 0.5 (1 - b)$';
		const r = parseMath(input, { start: 4, end: input.length - 1 });
		const st = r.statements[0];
		assert.deepStrictEqual(st.span, { start: 4, end: 19 });
		assert.strictEqual(input.slice(st.members[1].span.start, st.members[1].span.end), '0.5 (1 - b)');
		assert.strictEqual(input.slice(st.relations[0].span.start, st.relations[0].span.end), '=');
		const m = st.members[1];
		assert.ok(m.kind === 'binary');
		assert.deepStrictEqual(m.opSpan, { start: 11, end: 11 });
		assert.strictEqual(r.tokens.map((t) => t.text).join(''), input.slice(4, -1));
	});
});
