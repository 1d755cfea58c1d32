/**
 * The author's precision in quick fixes, through the code actions a user sees: a number written for
 * a declared weight is replaced by the weight as declared, the chain's result is recomputed at its
 * own places, and a value no author would mean is not offered at all (the diagnostic stays).
 */
import * as assert from 'assert';
import type { TextEdit } from '../../../src/core/check/diagnostic';
import { codeActionsFor, fixAll } from '../../../src/core/features/codeActions';
import { analyze } from '../check/harness';

const block = [
	'```network',
	'input: [0.05, 0.10]',
	'target: [0.01, 0.99]',
	'loss: half_sse',
	'learning_rate: 0.5',
	'layers:',
	'  - dense: h',
	'    weights: [[0.15, 0.20], [0.25, 0.30]]',
	'    weight_names: [[w_1, w_2], [w_3, w_4]]',
	'    bias: 0.35',
	'    bias_names: b_1',
	'    activation: sigmoid',
	'  - dense: o',
	'    weights: [[0.40, 0.45], [0.50, 0.55]]',
	'    weight_names: [[w_5, w_6], [w_7, w_8]]',
	'    bias: 0.60',
	'    bias_names: b_2',
	'    activation: sigmoid',
	'```',
	'',
].join('\n');

function apply(text: string, edits: readonly TextEdit[]): string {
	let out = text;
	for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
	return out;
}

suite('the author’s precision in fixes', () => {
	test('a number written for a declared weight is replaced by the weight as declared, and the line recomputed', async () => {
		const text = `${block}\n$$net_{h1} = w_1 \\cdot i_1 + w_2 \\cdot i_2 + b_1 = 0.1295 \\times 0.05 + 0.20 \\times 0.10 + 0.35 = 0.3765$$\n`;
		const a = await analyze(text);
		assert.deepStrictEqual(a.diagnostics.map((d) => [d.code, d.stated]), [['substitution', '0.1295']]);
		const at = text.indexOf('0.1295');
		const [fix] = await codeActionsFor(a, a.diagnostics, { start: at, end: at });
		assert.strictEqual(fix.title, 'Replace 0.1295 with 0.15 and recompute the rest of its chain');
		const fixed = apply(text, fix.edits);
		assert.ok(fixed.includes('= 0.15 \\times 0.05 + 0.20 \\times 0.10 + 0.35 = 0.3775$$'), fixed.slice(block.length));
		assert.deepStrictEqual((await analyze(fixed)).diagnostics, []);
	});

	test('a weight the author writes with trailing zeros keeps the author’s spelling', async () => {
		const text = `${block}\n$$w_1 = 0.150$$\n\n$$net_{h1} = w_1 \\cdot i_1 + w_2 \\cdot i_2 + b_1 = 0.1295 \\times 0.05 + 0.20 \\times 0.10 + 0.35 = 0.3765$$\n`;
		const a = await analyze(text);
		const at = text.indexOf('0.1295');
		const [fix] = await codeActionsFor(a, a.diagnostics, { start: at, end: at });
		assert.strictEqual(fix.title, 'Replace 0.1295 with 0.150 and recompute the rest of its chain');
	});

	test('a result that is not a declared number keeps its trailing zeros', async () => {
		const text = '$$0.25 + 0.25 = 0.600$$\n';
		const a = await analyze(text);
		const [fix] = await codeActionsFor(a, a.diagnostics, { start: text.indexOf('0.600'), end: text.indexOf('0.600') });
		assert.strictEqual(fix.title, 'Replace 0.600 with 0.500');
	});

	test('a correction more than a million times the number written is not offered; the error stays', async () => {
		const text = '$$10^{8} = 0.5$$\n\n$$1000 \\times 1000 = 0.5$$\n';
		const a = await analyze(text);
		assert.deepStrictEqual(a.diagnostics.map((d) => [d.code, d.stated]), [['arithmetic', '0.5'], ['arithmetic', '0.5']]);
		const first = await codeActionsFor(a, a.diagnostics, { start: text.indexOf('0.5'), end: text.indexOf('0.5') });
		assert.ok(!first.some((x) => x.title.startsWith('Replace')), first.map((x) => x.title).join('; '));
		const all = await fixAll(a, a.diagnostics, ['arithmetic']);
		assert.deepStrictEqual(all?.edits.map((e) => e.newText), ['1000000.0']);
	});
});
