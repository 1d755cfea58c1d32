/**
 * A written formula with one mistyped name is reported on that name, "w_3 should be w_2 here",
 * with the name as its fix; a formula wrong in another way (a swap, two names that could each be
 * the typo, a known mistake) keeps the whole-formula warning. Marked fixtures, as in the other
 * check tests: every unmarked place must stay silent.
 */
import * as assert from 'assert';
import type { TextEdit } from '../../../src/core/check/diagnostic';
import { codeActionsFor } from '../../../src/core/features/codeActions';
import { analyze, check } from './harness';

const block = (inputs = '[0.05, 0.10]') => `\`\`\`network
input: ${inputs}
input_names: i
target: [0.01, 0.99]
target_names: t
loss: half_sse
learning_rate: 0.5
layers:
  - dense: h
    weights: [[0.15, 0.20], [0.25, 0.30]]
    weight_names: [[w_1, w_2], [w_3, w_4]]
    bias: 0.35
    bias_names: b_1
    activation: sigmoid
  - dense: o
    weights: [[0.40, 0.45], [0.50, 0.55]]
    weight_names: [[w_5, w_6], [w_7, w_8]]
    bias: 0.60
    bias_names: b_2
    activation: sigmoid
\`\`\`

`;

function apply(text: string, edits: readonly TextEdit[]): string {
	let out = text;
	for (const e of [...edits].sort((x, y) => y.span.start - x.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
	return out;
}

suite('check: a formula with one wrong name', () => {
	test('the published typo w_3 for w_2 is reported on w_3 alone, and its numbers are not', async () => {
		const a = await check(`${block()}$$net_{h1} = w_1 i_1 + ⟦w_3|formula⟧ i_2 + b_1 = 0.15 \\times 0.05 + 0.20 \\times 0.10 + 0.35 = 0.3775$$\n`);
		const d = a.diagnostics[0];
		assert.match(d.message, /^w_3 should be w_2 here: with it this formula gives 0\.3775, the network's value of in_\{h1\}\./);
		assert.deepStrictEqual([d.stated, d.expected, d.fix?.newText], ['w_3', 'w_2', 'w_2']);
	});

	test('the second of two equal names, where the network has another, is the one reported', async () => {
		await check(`${block()}$$net_{h1} = 0.3775$$\n\n$$net_{h2} = 0.3925$$\n\n$$out_{h1} = 0.593$$\n\n$$out_{h2} = 0.597$$\n\n$$net_{o1} = w_5 out_{h1} + ⟦w_5|formula⟧ out_{h2} + b_2 = 0.40 \\times 0.593 + 0.45 \\times 0.597 + 0.60 = 1.106$$\n`);
	});

	test('the quick fix replaces exactly the name, and the fixed document is silent', async () => {
		const text = `${block()}$$net_{h1} = w_1 \\cdot i_1 + w_{3} \\cdot i_2 + b_1 = 0.15 \\times 0.05 + 0.20 \\times 0.10 + 0.35 = 0.3775$$\n`;
		const a = await analyze(text);
		const at = text.indexOf('w_{3}');
		const actions = await codeActionsFor(a, a.diagnostics, { start: at, end: at });
		assert.deepStrictEqual(actions.map((x) => [x.title, x.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText])]), [['Replace w_{3} with w_{2}', [['w_{3}', 'w_{2}']]]]);
		const fixed = text.slice(0, at) + 'w_{2}' + text.slice(at + 'w_{3}'.length);
		assert.deepStrictEqual((await analyze(fixed)).diagnostics, []);
	});

	test('numbers computed with the wrong name are recomputed with the right one, and carried forward', async () => {
		const text = `${block()}$$net_{h1} = w_1 i_1 + w_3 i_2 + b_1 = 0.15 \\times 0.05 + 0.25 \\times 0.10 + 0.35 = 0.3825$$\n\n$$out_{h1} = \\sigma(net_{h1}) = \\sigma(0.3825) = 0.594$$\n`;
		const a = await analyze(text);
		const at = text.indexOf('w_3 i_2');
		const actions = await codeActionsFor(a, a.diagnostics, { start: at, end: at });
		assert.deepStrictEqual(actions.map((x) => x.title), ['Replace w_3 with w_2 and recompute the rest of its chain', 'Fix this and recompute what follows (5 changes)']);
		const fixed = apply(text, actions[1].edits);
		assert.ok(fixed.endsWith('$$net_{h1} = w_1 i_1 + w_2 i_2 + b_1 = 0.15 \\times 0.05 + 0.20 \\times 0.10 + 0.35 = 0.3775$$\n\n$$out_{h1} = \\sigma(net_{h1}) = \\sigma(0.3775) = 0.593$$\n'), fixed.slice(block().length));
		assert.deepStrictEqual((await analyze(fixed)).diagnostics, []);
	});

	test('two swapped names keep the warning on the whole formula', async () => {
		const a = await check(`${block()}$$net_{h1} = 0.3775$$\n\n$$net_{h2} = 0.3925$$\n\n$$out_{h1} = 0.593$$\n\n$$out_{h2} = 0.597$$\n\n$$net_{o2} = ⟦w_8 out_{h1} + w_7 out_{h2} + b_2|formula⟧ = ⟦0.50|substitution⟧ \\times 0.593 + ⟦0.55|substitution⟧ \\times 0.597 + 0.60 = 1.225$$\n`);
		assert.match(a.diagnostics[0].message, /^With the network's values this formula is/);
		assert.strictEqual(a.diagnostics[0].fix, undefined);
	});

	test('a name that either of two replacements would fix is not guessed at', async () => {
		// With equal inputs, w_2 in place of the first w_1 or of the second gives the same sum.
		const a = await check(`${block('[0.10, 0.10]')}$$net_{h1} = ⟦w_1 i_1 + w_1 i_2 + b_1|formula⟧ = 0.15 \\times 0.10 + 0.15 \\times 0.10 + 0.35 = 0.38$$\n`);
		assert.strictEqual(a.diagnostics[0].fix, undefined);
	});

	test('a right formula in the author’s own order is silent', async () => {
		await check(`${block()}$$net_{h1} = i_1 w_1 + b_1 + i_2 w_2 = 0.05 \\times 0.15 + 0.35 + 0.10 \\times 0.20 = 0.3775$$\n`);
	});
});
