/**
 * The `arithmetic` check, fixture by fixture: each input marks the diagnostics it must produce
 * (`⟦0.8|arithmetic⟧`), and everything unmarked must stay silent; the numbers that must be checked
 * and hold are marked `⟦0.006|ok⟧`, so a chain the parser stops reading fails its test.
 */
import * as assert from 'assert';
import { analyze, check, unmark } from './harness';

suite('check: arithmetic', () => {
	test('reports a sum that does not hold, on the stated number', async () => {
		await check('$$0.3 + 0.4 = ⟦0.8|arithmetic⟧$$');
	});

	test('reports the update that does not hold, with the correct value at the author\'s precision', async () => {
		const a = await check('$$w_1 = w_1 - \\alpha \\cdot coef_{o1} \\cdot out_{C1} = 0.1 - 0.7 \\times (-0.177) \\times 0.558 = ⟦0.191|arithmetic⟧$$');
		assert.strictEqual(a.diagnostics[0].expected, '0.169');
		assert.strictEqual(a.diagnostics[0].fix?.newText, '0.169');
		assert.match(a.diagnostics[0].message, /0\.169/);
	});

	test('stays silent on 0.5 × 0.349 × 0.034 = 0.006 (rounding carried forward)', async () => {
		await check('$$0.5 \\times 0.349 \\times 0.034 = ⟦0.006|ok⟧$$');
	});

	test('stays silent when rounded intermediate values are carried through many steps', async () => {
		await check([
			'$$coef_{c1} = (-0.349) \\times 0.166 + 0.349 \\times (-0.106) = ⟦-0.095|ok⟧$$',
			'$$x = 0.651 - 1 = ⟦-0.349|ok⟧$$',
			'$$y = -0.06 \\times 1 \\times 0.558 (1 - 0.558) = ⟦-0.015|ok⟧$$',
			'$$z = \\frac{2.160}{2.625} = ⟦0.823|ok⟧$$',
			'$$s = \\frac{1}{1 + e^{-0.6}} = ⟦0.646|ok⟧$$',
			'$$\\sigma(0.6) = ⟦0.646|ok⟧$$',
			'$$0.1 - 0.5 (-0.021 \\times 0.1 + (-0.060) \\times 0) = ⟦0.101|ok⟧$$',
		].join('\n\n'));
	});

	test('checks a number a step writes for a part of the step before, and reports it rather than the step it spoils', async () => {
		// Tummala's updated output: the sum inside σ is 0.918687, written 0.9190; both σ round to 0.7148.
		await check('$$o = \\sigma(0.7186 \\times 0.6236 + 0.8171 \\times 0.5759) = \\sigma(⟦0.9190|arithmetic⟧) = 0.7148$$');
		// e^{-0.65} is 0.522: the 0.622 written for it is the slip, not the first step it makes disagree with 0.617.
		const a = await check('$$s = \\frac{1}{1 + e^{-0.65}} = \\frac{1}{1 + ⟦0.622|arithmetic⟧} = 0.617$$');
		assert.strictEqual(a.diagnostics[0].fix?.newText, '0.522');
		assert.match(a.diagnostics[0].message, /^e\^\{-0\.65\} is 0\.522046/);
		// A step that holds only by its width does not vouch for the result when the faithful rewrite after it does not:
		// σ(0.2835 + 0.3546 + 0.1) is exactly the author's own sum, and it gives 0.67658, so 0.676 is the wrong number.
		const wide = await check('$$a = \\sigma(0.5 \\cdot 0.567 + 0.6 \\cdot 0.591 + 0.1) = \\sigma(0.2835 + 0.3546 + 0.1) = \\sigma(0.7381) = ⟦0.676|arithmetic⟧$$');
		assert.strictEqual(wide.diagnostics[0].fix?.newText, '0.677');
	});

	test('stays silent where a step writes what the part before gives, or is not the same tree', async () => {
		await check([
			// Rounding carried forward, parentheses dropped, a whole number, one number written two ways, an absolute value.
			'$$a = \\frac{1}{1 + e^{-0.720}} = \\frac{1}{1 + 0.487} = ⟦0.672|ok⟧$$',
			'$$b = (0.3 + 0.2) \\cdot 2 = 0.5 \\cdot 2 = ⟦1.0|ok⟧$$',
			'$$c = \\frac{1}{2 + 2} = \\frac{1}{4} = ⟦0.25|ok⟧$$',
			'$$d = e^{-0.50} \\cdot 2 = e^{-0.5} \\cdot 2 = ⟦1.213|ok⟧$$',
			'$$f = |0.3 - 0.5| \\cdot 2 = (0.2) \\cdot 2 = ⟦0.4|ok⟧$$',
			// Regrouped, commuted or rewritten: no part is paired with a number it does not stand for.
			'$$g = 0.3 + 0.2 + 0.1 = 0.3 + 0.3 = ⟦0.6|ok⟧$$',
			'$$h = 0.2 \\cdot 3 + 0.4 = 0.4 + 0.6 = ⟦1.0|ok⟧$$',
			'$$k = e^{-0.5} = \\exp(-0.5) = ⟦0.607|ok⟧$$',
			'$$m = 2 \\cdot 0.3 \\cdot 0.5 = 2 \\cdot 0.15 = ⟦0.3|ok⟧$$',
		].join('\n\n'));
	});

	test('reads a whole number after \\approx as that number rounded, and after = at the places of the steps', async () => {
		// Akagawa's exam notes: a gradient of 0.00423 "≈ 0" at two decimals, and an update ≈ 0.5.
		await check([
			'$$g = (0.73 - 0) \\times 0.73 \\times 0.27 \\times 0.5 \\times 0.98 \\times 0.02 \\times 3 = ⟦0.00423|ok⟧ \\approx 0$$',
			'$$h = 0.5 - 0.1 \\times 0.00423 \\approx ⟦0|ok⟧$$',
			'$$k = 2.7 + 0.018 \\approx ⟦3|ok⟧$$',
		].join('\n\n'));
		// What does not round to the whole number is still wrong, and `=` keeps the places of the steps.
		await check([
			'$$a = 0.73 \\times 0.9 \\approx ⟦0|arithmetic⟧$$',
			'$$b = 0.6 \\approx ⟦0|arithmetic⟧$$',
			'$$c = 0.5 - 0.1 \\times 0.00423 = ⟦0|arithmetic⟧$$',
			'$$d = 0.00423 = ⟦0|arithmetic⟧$$',
		].join('\n\n'));
	});

	test('reports the seed\'s mis-divided softmax 2.160/2.625 = 0.813', async () => {
		await check('$$\\frac{2.160}{2.625} = ⟦0.813|arithmetic⟧$$');
	});

	test('checks every computed member against the next stated number', async () => {
		await check('$$a = 0.2 + 0.3 = ⟦0.5|ok⟧ = 0.25 \\times 2 = 0.5 + 0.1 = ⟦0.7|arithmetic⟧$$');
	});

	test('marks the one step that disagrees with the steps around it', async () => {
		await check('$$0.2 + 0.3 = ⟦0.1 + 0.1|arithmetic⟧ = 0.25 \\times 2 = 0.5$$');
	});

	test('reports two plain numbers written equal that differ', async () => {
		await check('$$\\frac{2.160}{2.625} = ⟦0.823|ok⟧ = ⟦0.813|arithmetic⟧$$');
	});

	test('treats integers as exact', async () => {
		await check('$$3 \\times 0.5 = ⟦1.5|ok⟧$$ and $$0.3 \\times 3 = ⟦1|arithmetic⟧$$');
	});

	test('continues a chain over \\\\ line breaks and over a following display that opens with =', async () => {
		await check('$$coef = (-0.349) + 0.2 \\\\ = ⟦-0.2|arithmetic⟧$$\n\n$$w = 0.1 + 0.2$$\n\n$$= 0.3$$');
	});

	test('reads aligned environments line by line', async () => {
		await check('$$\\begin{aligned} a &= 0.1 + 0.2 = ⟦0.3|ok⟧ \\\\ b &= 0.2 \\times 0.2 = ⟦0.4|arithmetic⟧ \\end{aligned}$$');
	});

	test('accepts \\log in base e, 10 or 2 but not a wrong value', async () => {
		await check('$$\\log 100 = ⟦2|ok⟧$$ $$\\log 8 = ⟦3|ok⟧$$ $$\\ln 0.5 = ⟦-0.693|ok⟧$$ $$\\log 0.5 = ⟦-0.5|arithmetic⟧$$');
	});

	test('works on max, min, sqrt, exp, tanh and relu', async () => {
		await check('$$\\max\\{0.646, 0.659\\} = ⟦0.659|ok⟧$$ $$\\min(0.1, 0.2) = ⟦0.1|ok⟧$$ $$\\sqrt{0.25} = ⟦0.5|ok⟧$$ $$\\exp(1) = ⟦2.718|ok⟧$$ $$\\tanh(0.5) = ⟦0.462|ok⟧$$ $$\\operatorname{ReLU}(-0.3) = ⟦0.3|arithmetic⟧$$');
	});

	test('fails a number marked ok that was never checked, so silence alone does not pass', async () => {
		await assert.rejects(check('$$in_{o1} = w_1 \\cdot out_{p1} + ⟦0.5|ok⟧$$'), /numbers marked ok must be checked and hold/);
		await assert.rejects(check('It costs $⟦5|ok⟧ and $10.'), /never checked/);
	});

	test('stays silent on prose between dollar signs, such as prices', async () => {
		await check('It costs $5 and $10 = 10 dollars, and $x = 3$ is unknown.');
	});

	test('stays silent on names it cannot evaluate and counts them unchecked', async () => {
		const a = await check('$$in_{o1} = w_1 \\cdot out_{p1} + b_1$$');
		assert.strictEqual(a.summary.unchecked, 1);
		assert.strictEqual(a.summary.checked, 0);
	});

	test('honours the strict and loose tolerance policies', async () => {
		// 0.35 stands for [0.345, 0.355], so 0.35 × 2 may be 0.69; taken at face value it is 0.70.
		await check('$$0.35 \\times 2 = ⟦0.69|ok⟧$$', 'markdown', 'digits');
		await check('$$0.35 \\times 2 = ⟦0.69|arithmetic⟧$$', 'markdown', 'strict');
		// One significant digit is a given under digits, a rounding under loose: 0.3 may be 0.349.
		await check('$$0.3 + 0.4 = ⟦0.8|arithmetic⟧$$', 'markdown', 'digits');
		await check('$$0.3 + 0.4 = ⟦0.8|ok⟧$$', 'markdown', 'loose');
	});

	test('takes two-significant-digit inputs as rounded, even with a trailing zero', async () => {
		await check('$$-0.060 \\times 0.25 = ⟦-0.015|ok⟧$$ $$-0.060 \\times 0.25 = ⟦-0.016|arithmetic⟧$$');
	});

	test('checks LaTeX environments', async () => {
		await check('\\begin{equation} 0.3 + 0.4 = ⟦0.8|arithmetic⟧ \\end{equation}', 'latex');
	});

	test('a fix makes the document re-check clean at that place', async () => {
		const { text } = unmark('$$0.1 - 0.7 \\times (-0.177) \\times 0.558 = 0.191$$ and $$\\frac{2.160}{2.625} = 0.813$$');
		const a = await analyze(text);
		assert.strictEqual(a.diagnostics.length, 2);
		let fixed = text;
		for (const d of [...a.diagnostics].reverse()) fixed = fixed.slice(0, d.fix!.span.start) + d.fix!.newText + fixed.slice(d.fix!.span.end);
		assert.strictEqual(fixed, '$$0.1 - 0.7 \\times (-0.177) \\times 0.558 = 0.169$$ and $$\\frac{2.160}{2.625} = 0.823$$');
		assert.deepStrictEqual((await analyze(fixed)).diagnostics, []);
	});

	test('fixes a negative result that should be positive by replacing the sign too', async () => {
		const a = await check('$$0.1 - 0.125 = ⟦-0.035|arithmetic⟧$$');
		assert.strictEqual(a.diagnostics[0].fix?.newText, '-0.025');
		const b = await check('$$0.1 - 0.075 = ⟦-0.025|arithmetic⟧$$');
		assert.strictEqual(b.diagnostics[0].fix?.newText, '0.025');
	});
});

suite('check: arithmetic on integer results', () => {
	test('reads an integer result at the places of the computation it ends', async () => {
		await check('$$0.5 \\times 0.001 = ⟦0|ok⟧$$');
		const a = await check('$$-0.005 \\times 0.5 \\times 0.673 \\times (1 - 0.673) = ⟦0|arithmetic⟧$$');
		assert.strictEqual(a.diagnostics[0].expected, '-0.001');
	});

	test('keeps an integer result exact when the computation is on integers', async () => {
		await check('$$2 \\times 3 = ⟦6|ok⟧$$ $$2 \\times 3 = ⟦5|arithmetic⟧$$');
	});
});

suite('check: lists', () => {
	test('reads a list set equal to a list as no chain at all', async () => {
		const a = await check('$i_1, \\dots, i_6 = 0.1, \\dots, 0.6$ and $a, b = 0.3, 0.4$');
		assert.strictEqual(a.chains.length, 0);
	});

	test('still reads chains separated by commas', async () => {
		const a = await check('$x = 0.1 + 0.2 = ⟦0.3|ok⟧$, $y = 0.2 + 0.2 = ⟦0.5|arithmetic⟧$, and $z = 1, w = 2$');
		assert.strictEqual(a.chains.length, 4);
	});
});

suite('check: arithmetic in the notation of courses and plain text (DESIGN 2.2)', () => {
	test('checks logarithms to a base and n-th roots', async () => {
		await check('$$\\log_2 8 = ⟦3|ok⟧$$ $$\\log_{10}(1000) = ⟦3|ok⟧$$ $$\\log_2 0.5 = ⟦-1|ok⟧$$ $$\\log_2 8 = ⟦2|arithmetic⟧$$');
		await check('$$\\sqrt[3]{27} = ⟦3|ok⟧$$ $$\\sqrt[3]{-8} = ⟦-2|ok⟧$$ $$\\sqrt[4]{16} = ⟦2|ok⟧$$ $$\\sqrt[3]{8} = ⟦3|arithmetic⟧$$');
	});

	test('holds a chain with \\pm when the stated result matches either value', async () => {
		await check('$$x = 1 \\pm 0.5 = ⟦1.5|ok⟧$$ $$x = 1 \\pm 0.5 = ⟦0.5|ok⟧$$ $$y = 2 \\mp 1 = 1$$ $$\\pm 0.5 = -0.5$$');
		await check('$$x = \\frac{-1 \\pm \\sqrt{1 + 8}}{2} = 1$$ $$x = \\frac{-1 \\pm \\sqrt{1 + 8}}{2} = -2$$');
		await check('$$x = 1 \\pm 0.5 = ⟦1.2|arithmetic⟧$$');
	});

	test('reads plain-text functions and Unicode operators', async () => {
		await check('$$exp(0) = ⟦1|ok⟧$$ $$sigmoid(0) = ⟦0.5|ok⟧$$ $$σ(0) = ⟦0.5|ok⟧$$ $$tanh(0) = 0$$ $$relu(-1) = 0$$ $$ReLU(2) = 2$$ $$ln(1) = 0$$ $$log(100) = 2$$');
		await check('$$2 × 3 · 0.5 − 1 ≈ ⟦2|ok⟧$$ $$η = 0.5$$ $$0.5 × 0.2 = ⟦0.2|arithmetic⟧$$');
		await check('$$sigmoid(0) = ⟦0.6|arithmetic⟧$$');
	});

	test('reads dL/dw as the derivative that \\frac{\\partial L}{\\partial w} names', async () => {
		await check('$$\\frac{\\partial E}{\\partial w_1} = 0.1$$ $$g = 0.5 \\cdot dE/dw_1 = 0.5 \\cdot ⟦0.2|substitution⟧ = 0.1$$');
		await check('$$dL/dw11 = 0.2 \\cdot 0.5 = ⟦0.1|ok⟧$$ $$g = \\frac{\\partial L}{\\partial w_{11}} \\cdot 2 = ⟦0.1|ok⟧ \\cdot 2 = ⟦0.2|ok⟧$$');
	});

	test('reads an assignment as an update chain: wrong arithmetic fires, right arithmetic does not', async () => {
		await check('$$w_1 \\leftarrow w_1 - 0.5 \\cdot 0.08 = 0.15 - 0.04 = ⟦0.11|ok⟧$$');
		await check('$$w_1 \\leftarrow w_1 - 0.5 \\cdot 0.08 = 0.15 - 0.04 = ⟦0.13|arithmetic⟧$$');
		await check('$$w \\gets 0.3 - 0.1 \\cdot 2 = ⟦0.2|arithmetic⟧$$ $$w := 0.3 - 0.1 = ⟦0.2|ok⟧$$ $$b \\coloneqq 0.5 - 0.1 = ⟦0.4|ok⟧$$');
	});

	test('after an assignment, both the value before and the value after are the name\'s', async () => {
		await check([
			'$$w_1 = 0.15$$',
			'$$w_1 \\leftarrow w_1 - 0.5 \\cdot 0.08 = 0.15 - 0.04 = 0.11$$',
			'$$y = 2 w_1 = 2 \\cdot ⟦0.11|ok⟧ = ⟦0.22|ok⟧$$',
			'$$z = 2 w_1 = 2 \\cdot ⟦0.15|ok⟧ = ⟦0.3|ok⟧$$',
			'$$u = 2 w_1 = 2 \\cdot ⟦0.13|substitution⟧ = 0.26$$',
		].join('\n\n'));
	});

	test('reads typography around a number as the number, and puts the squiggle on the number', async () => {
		await check('$$\\mathbf{-3} \\cdot 2 = ⟦-6|ok⟧$$ $$\\boldsymbol{0.5} + \\bm{0.5} = ⟦1|ok⟧$$ $$0.1 + 0.2 = \\boxed{⟦0.3|ok⟧}$$ $$0.1 + 0.2 = {\\color{red}⟦0.3|ok⟧}$$');
		await check('$$0.1 + 0.2 = \\boxed{⟦0.4|arithmetic⟧}$$ $$0.1 + 0.2 = {\\color{red}⟦0.4|arithmetic⟧}$$ $$0.1 + 0.2 = \\textcolor{red}{⟦0.4|arithmetic⟧}$$');
		await check('$$\\mathbf{-3} + \\underline{0.2} = ⟦-2.7|arithmetic⟧$$ $$\\mathsf{2} \\cdot 3 = 6$$');
	});

	test('states only the elements before an ellipsis in a tuple', async () => {
		await check('$$KK_1 = (0.1, \\ldots, 0.6)$$ $$y = KK_{11} + KK_{13} = 0.1 + 0.6 = ⟦0.7|ok⟧$$ $$z = 2 KK_{11} = 2 \\cdot ⟦0.2|substitution⟧ = 0.4$$');
	});
});
