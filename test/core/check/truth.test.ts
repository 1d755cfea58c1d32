/**
 * Checking against the network: each known mistake is diagnosed where it reproduces the stated
 * number, and a near miss (the right number, or a wrong one no pattern explains) is not claimed.
 * Fixtures are the DESIGN 2.4 network with marked lines, as in the other check tests.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { check } from './harness';
import { seedBlock } from '../../shared/seedBlock';
import { createLanguageService } from '../../../src/core/index';

const block = seedBlock;

async function diagnosed(lines: string, pattern: RegExp | undefined) {
	const a = await check(block() + lines);
	const d = a.diagnostics.find((x) => x.code === 'value');
	assert.ok(d, 'a value diagnostic');
	if (pattern) assert.match(d.message, pattern);
	return d;
}

suite('check: truth', () => {
	test('the clean worked example is silent, with rounding carried through every step', async () => {
		const text = readFileSync(path.join(__dirname, '../../../examples/cnn-1d.md'), 'utf8');
		const a = await check(text);
		assert.ok(a.summary.checked > 60);
		assert.deepStrictEqual(a.summary.uncheckedNames, []);
	});

	test('reports a value that is not the network\'s, with the true value as its fix', async () => {
		const d = await diagnosed('$$out_{C1} = ⟦0.600|value⟧$$', undefined);
		assert.strictEqual(d.expected, '0.558');
		assert.strictEqual(d.fix?.newText, '0.558');
	});

	test('reports an error once where it starts, and downstream values as inherited hints that point there', async () => {
		const a = await check(`${block()}$$out_{o1} = \\frac{2.160}{2.625} = ⟦0.813|arithmetic⟧$$\n\n$$\\text{coef}_{o1} = out_{o1} - t_1 = 0.813 - 1 = ⟦-0.187|inherited⟧$$\n\n$$E_{total} = -\\ln 0.813 = ⟦0.207|inherited⟧$$`);
		const hint = a.diagnostics.find((d) => d.code === 'inherited')!;
		assert.strictEqual(hint.severity, 'hint');
		assert.strictEqual(hint.expected, '-0.177');
		assert.strictEqual(a.text.slice(hint.origin!.start, hint.origin!.end), '0.813');
		assert.match(hint.message, /line 36/);
	});

	test('after the fix the downstream hints go away with it', async () => {
		await check(`${block()}$$out_{o1} = \\frac{2.160}{2.625} = 0.823$$\n\n$$\\text{coef}_{o1} = out_{o1} - t_1 = 0.823 - 1 = -0.177$$`);
	});

	test('diagnoses weights already updated used in backpropagation; not the forward weights', async () => {
		await diagnosed('$$\\frac{\\partial E}{\\partial out_{P1}} = ⟦-0.060|value⟧$$', /already updated/);
		await check(`${block()}$$\\frac{\\partial E}{\\partial out_{P1}} = -0.035$$`);
	});

	test('marks the updated weight written in backpropagation as a substitution', async () => {
		const a = await check(`${block()}$$\\frac{\\partial E}{\\partial out_{P1}} = coef_{o1} \\cdot w_1 + coef_{o2} \\cdot w_4 = (-0.177) \\times ⟦0.169|substitution⟧ + 0.177 \\times (⟦-0.169|substitution⟧) = -0.060$$`);
		assert.match(a.diagnostics[0].message, /after the update/);
		await check(`${block()}$$\\frac{\\partial E}{\\partial out_{P1}} = coef_{o1} \\cdot w_1 + coef_{o2} \\cdot w_4 = (-0.177) \\times 0.1 + 0.177 \\times (-0.1) = -0.035$$`);
	});

	test('diagnoses the activation derivative left out; not the full delta', async () => {
		await diagnosed('$$coef_{C1} = ⟦-0.035|value⟧$$', /activation's derivative/);
		await check(`${block()}$$coef_{C1} = -0.0087$$`);
		const d = await diagnosed('$$coef_{C1} = ⟦-0.020|value⟧$$', undefined);
		assert.doesNotMatch(d.message, /This /);
	});

	test('diagnoses a kernel read unflipped; not the flipped one', async () => {
		await diagnosed('$$in_{CC1} = ⟦0.640|value⟧$$', /unflipped/);
		await check(`${block()}$$in_{CC1} = 0.600$$`);
	});

	test('reports a written formula whose kernel order contradicts flip, once, at the formula', async () => {
		const a = await check(`${block()}$$\\bar{in}_{cc_1} = ⟦i_1 KK_{11} + i_2 KK_{12} + i_3 KK_{13} + bb_1|formula⟧ = 0.1 \\times 0.1 + 0.2 \\times 0.2 + 0.3 \\times 0.3 + 0.5 = 0.64$$`);
		assert.match(a.diagnostics[0].message, /unflipped/);
		assert.match(a.diagnostics[0].message, /KK_\{13\}/);
		await check(`${block()}$$\\bar{in}_{cc_1} = i_1 KK_{13} + i_2 KK_{12} + i_3 KK_{11} + bb_1 = 0.1 \\times 0.3 + 0.2 \\times 0.2 + 0.3 \\times 0.1 + 0.5 = 0.6$$`);
	});

	test('diagnoses the sign of the update; not the right update', async () => {
		await diagnosed('$$w_1^+ = ⟦0.031|value⟧$$', /adds the gradient step/);
		await check(`${block()}$$w_1^+ = 0.169$$`);
	});

	test('diagnoses a wrong learning rate only when a round rate reproduces the number', async () => {
		await diagnosed('$$w_1^+ = ⟦0.149|value⟧$$', /learning rate 0\.5/);
		const d = await diagnosed('$$w_1^+ = ⟦0.155|value⟧$$', undefined);
		assert.doesNotMatch(d.message, /learning rate/);
	});

	test('diagnoses a max-pool gradient routed to the losing element; not the winner', async () => {
		await diagnosed('$$\\frac{\\partial E}{\\partial out_{C2}} = ⟦-0.035|value⟧$$', /lost its window/);
		await check(`${block()}$$\\frac{\\partial E}{\\partial out_{C1}} = -0.035$$ $$\\frac{\\partial E}{\\partial out_{C2}} = 0$$`);
	});

	test('diagnoses the average-pool factor left out; not the halved gradient', async () => {
		await diagnosed('$$\\frac{\\partial E}{\\partial out_{CC1}} = ⟦-0.0087|value⟧$$', /average pool's factor/);
		await check(`${block()}$$\\frac{\\partial E}{\\partial out_{CC1}} = -0.0044$$`);
	});

	test('diagnoses target and output swapped in the delta; not o - t', async () => {
		await diagnosed('$$coef_{o1} = ⟦0.177|value⟧$$', /swaps target and output/);
		await check(`${block()}$$coef_{o1} = -0.177$$`);
	});

	test('leaves ambiguous and unknown names unchecked, and lists them', async () => {
		const a = await check(`${block('b')}$$b_1 = 0.4$$\n\n$$x = b_1 + 0.1 = 0.5$$\n\n$$foo_{3} = 0.2 + 0.5 = 0.7$$`);
		assert.ok(a.summary.uncheckedNames.includes('b_1'));
	});

	test('checks givens against the block', async () => {
		await check(`${block()}$$w_1 = ⟦0.2|value⟧$$ $$w_2 = 0.2$$`);
	});

	test('reads declared numbers and the learning rate as exact', async () => {
		// Outside a block 0.35 stands for [0.345, 0.355], so 0.35 × 2 may be 0.69; a declared 0.35 is exact.
		await check('$$0.35 \\times 2 = 0.69$$');
		await check(`${block().replace('learning_rate: 0.7', 'learning_rate: 0.35')}$$0.35 \\times 2 = ⟦0.69|arithmetic⟧$$`);
	});
});

suite('hover: truth', () => {
	test('shows the true value, the formula with the author\'s values, the chain rule and the layer', async () => {
		const text = `${block()}$$\\bar{in}_{C1} = 0.235$$\n\n$$out_{C1} = \\sigma(\\bar{in}_{C1}) = 0.558$$`;
		const offset = text.lastIndexOf('0.558') + 2;
		const hover = await createLanguageService().hover({ uri: 'file:///h.md', languageId: 'markdown', version: 1, text }, offset);
		assert.ok(hover);
		assert.strictEqual(text.slice(hover.span.start, hover.span.end), '0.558');
		assert.match(hover.markdown, /^✓ \*\*0\.558\*\* is right: the network's value of `out_\{C1\}` is \*\*0\.558284\*\*\./);
		assert.match(hover.markdown, /\n`out_\{C1\} = \\sigma\(in_\{C1\}\)` = `\\sigma\(0.235\)` with your values {2}\n/);
		assert.match(hover.markdown, /[ \n]= `\\sigma\(0\.235\)` with your values/);
		assert.match(hover.markdown, /out_\{C1\} → out_\{P1\} → in_\{o1\}/);
		assert.match(hover.markdown, /!\[heatmap\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
		assert.match(hover.markdown, /Layer `C`, its outputs: a row per channel \(1–3\), a column per position \(1–2\).*`out_\{C1\}` outlined/);
	});
});

suite('check: truth in LaTeX', () => {
	test('reads the % network comment block and checks against it', async () => {
		const tex = [
			'% network',
			'% input: [0.05, 0.10]',
			'% input_names: i',
			'% target: [0.01, 0.99]',
			'% loss: half_sse',
			'% learning_rate: 0.5',
			'% layers:',
			'%   - dense: h',
			'%     weights: [[0.15, 0.20], [0.25, 0.30]]',
			'%     weight_names: w',
			'%     bias: 0.35',
			'%     bias_names: b_1',
			'%     activation: sigmoid',
			'\\begin{equation} net_{h1} = w_1 i_1 + w_2 i_2 + b_1 = 0.15 \\times 0.05 + 0.2 \\times 0.1 + 0.35 = 0.3775 \\end{equation}',
			'\\begin{equation} out_{h1} = ⟦0.600|value⟧ \\end{equation}',
		].join('\n');
		const a = await check(tex, 'latex');
		assert.strictEqual(a.diagnostics[0].expected, '0.593');
	});
});

suite('hover: truth on other layers', () => {
	const ls = createLanguageService();
	const file = (f: string) => readFileSync(path.join(__dirname, '../../fixtures/truth', f), 'utf8');
	const hoverAtText = async (text: string, needle: string, nth = 0) => {
		let at = -1;
		for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
		const hover = await ls.hover({ uri: `file:///${needle.length}.md`, languageId: 'markdown', version: 1, text }, at + 1);
		assert.ok(hover, `a hover on ${needle}`);
		return hover;
	};

	test('shows a 2-D layer as a heatmap of its feature map, with the element marked', async () => {
		const hover = await hoverAtText(file('conv2d-clean.md'), 'out_{C1,1,1} = ');
		assert.match(hover.markdown, /the network's value of `out_\{C1\}` is \*\*0\.57\d*\*\*/);
		assert.match(hover.markdown, /Layer `C`, its outputs \(one channel\): rows and columns of the 2 × 2 feature map/);
	});

	test('shows the network\'s value of a name inside a formula', async () => {
		const text = file('fc-clean.md');
		const hover = await hoverAtText(text, 'net_{h1})');
		assert.match(hover.markdown, /^`in_\{h1\}`: the network's value is \*\*0\.3775\*\*\./);
	});
});
