/**
 * A name the document defines by derivatives (`\delta_1 = \frac{\partial E}{\partial a_1} \cdot
 * \frac{\partial a_1}{\partial z_1}`) is a backward quantity: a weighted sum over it (a gradient,
 * a backpropagated error) is not read as a forward layer, while the forward sums beside it are.
 */
import * as assert from 'assert';
import { joinChains } from '../../../src/core/check/chains';
import { analyzeDocument } from '../../../src/core/check/analyze';
import { forwardSums } from '../../../src/core/infer/dense';
import { readFormulas } from '../../../src/core/infer/formulas';
import { parseMath } from '../../../src/core/syntax/parser';

const forward = [
	'z_1 = w_1 x_1 + w_2 x_2 + b',
	'z_2 = w_3 x_1 + w_4 x_2 + b',
	'a_1 = \\sigma(z_1)',
	'a_2 = \\sigma(z_2)',
	'E = \\frac{1}{2} (t_1 - a_1)^2 + \\frac{1}{2} (t_2 - a_2)^2',
];

/** Backward lines: deltas defined by derivatives, and sums over them that look like a layer. */
const backward = [
	'\\delta_1 = \\frac{\\partial E}{\\partial a_1} \\cdot \\frac{\\partial a_1}{\\partial z_1}',
	'\\delta_2 = \\frac{\\partial E}{\\partial z_2}',
	'g_1 = \\delta_1 x_1',
	's = \\delta_1 w_1 + \\delta_2 w_3',
];

function sumHeads(lines: readonly string[]): string[] {
	const statements = lines.flatMap((l) => {
		const text = `$$${l}$$`;
		return [...parseMath(text, { start: 2, end: text.length - 2 }).statements];
	});
	return forwardSums(readFormulas(joinChains(statements), 100)).map((f) => f.heads[0].text);
}

suite('infer: sums over names defined by derivatives are backward', () => {
	test('leaves the sums over the deltas out of the forward pass, keeping the forward ones', () => {
		assert.deepStrictEqual(sumHeads([...forward, ...backward]), ['z_1', 'z_2']);
	});

	test('a delta written as one derivative is backward too', () => {
		assert.deepStrictEqual(sumHeads([...forward, '\\delta = \\frac{\\partial E}{\\partial z_1}', 'q = \\delta w_1 + \\delta w_2']), ['z_1', 'z_2']);
	});

	test('reads the network of a document that writes its gradients over such deltas, and stays silent', async () => {
		const givens = '$x_1 = 0.5$, $x_2 = 0.2$, $w_1 = 0.1$, $w_2 = 0.2$, $w_3 = 0.3$, $w_4 = 0.4$, $b = 0.1$, $t_1 = 1$, $t_2 = 0$.';
		const text = [givens, ...forward, ...backward].map((l, i) => (i === 0 ? l : `$$${l}$$`)).join('\n\n') + '\n';
		const a = (await analyzeDocument(text, 'markdown', { tolerance: 'digits' }))!;
		assert.strictEqual(a.inferred?.kind, 'read', a.inferred?.kind === 'none' ? a.inferred.reason : '');
		assert.deepStrictEqual(a.diagnostics.map((d) => d.code), []);
	});
});
