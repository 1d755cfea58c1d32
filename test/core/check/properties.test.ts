/**
 * Properties of the whole check, on arbitrary input: it never throws, never hangs, and every span
 * it returns (diagnostics, fixes, origins) lies inside the document. Inputs mix random text with
 * derivation-like pieces and, half the time, a network block, so the truth check runs too.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { analyzeDocument } from '../../../src/core/check/analyze';

const block = '```network\ninput: [0.1, 0.2, 0.3, 0.4]\ninput_names: i\ntarget: [1, 0]\nloss: cross_entropy\nlearning_rate: 0.5\nlayers:\n  - dense: o\n    weights: [[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]]\n    weight_names: w\n    bias: [0, 0]\n    bias_names: b\n    activation: softmax\n```\n';

const piece = fc.oneof(
	fc.string(),
	fc.constantFrom('$$', '$', '\\frac{', '}{', '}', '\\\\', '&', '=', ' = ', '\\cdot', '\\times', '(', ')', '\\left(', '\\right)', '-', '+', '0.5', '-0.349', '1e-3', 'w_1', 'out_{o1}', '\\text{coef}_{o1}', '\\max\\{', '\\}', '\\begin{aligned}', '\\end{aligned}', '\\partial', 'E_{total}', '\\ln', '\n', '\r\n', '%', '^+', "'", '\u0000', '卷积核'),
	fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })).map(([a, b]) => `$$x = ${a.toFixed(3)} \\times ${b.toFixed(2)} = ${(a * b).toFixed(3)}$$`),
);

suite('check: properties', () => {
	test('never throws and keeps every span inside the document', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.boolean(), fc.constantFrom<'markdown' | 'latex'>('markdown', 'latex'), async (parts, withBlock, language) => {
				const text = (withBlock ? block : '') + parts.join('');
				const a = await analyzeDocument(text, language, { tolerance: 'digits' });
				assert.ok(a);
				for (const d of a.diagnostics) {
					for (const s of [d.span, d.fix?.span, d.origin].filter((x) => x !== undefined)) {
						assert.ok(s!.start >= 0 && s!.start <= s!.end && s!.end <= text.length, `${d.code} span ${JSON.stringify(s)} outside ${text.length}`);
					}
				}
			}),
			{ numRuns: 300 },
		);
	});

	test('checks a deeply nested and a very long chain without overflowing the stack', async () => {
		const deep = `$$${'('.repeat(5000)}1${')'.repeat(5000)} = 1$$`;
		const long = `$$${Array.from({ length: 20000 }, () => '0.5').join(' + ')} = 10000$$`;
		for (const text of [deep, long]) {
			const a = await analyzeDocument(text, 'markdown', { tolerance: 'digits' });
			assert.ok(a);
		}
		const sum = await analyzeDocument(`$$${Array.from({ length: 20000 }, () => '0.5').join(' + ')} = 9999$$`, 'markdown', { tolerance: 'digits' });
		assert.deepStrictEqual(sum?.diagnostics.map((d) => d.code), ['arithmetic']);
	});
});
