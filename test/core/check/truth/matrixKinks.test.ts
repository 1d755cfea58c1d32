/**
 * A ReLU kink in a network written in vector form (`matrixFormula.ts`, `choices.ts`): where a hidden
 * pre-activation is exactly 0, ReLU′(0) = 1 is as admissible a subgradient as the engine's 0, so a
 * backward pass in matrix form that takes it (`\delta^{(1)} = (W^{(2)T} \delta^{(2)}) \odot \begin{bmatrix} 1 \\ 1 \end{bmatrix}`)
 * and the gradients and updates that follow stand. Strategy: one 2-2-2 document with ReLU hidden
 * units and a linear output, built for a bias that puts z^{(1)}_2 at exactly 0, must stay silent;
 * the same pass with the bias moved so that z^{(1)}_2 = -0.5 takes ReLU′ = 1 where it is clearly 0
 * and must be found. All numbers are dyadic, so the true values are exact.
 */
import * as assert from 'assert';
import { analyzeDocument, type Analysis } from '../../../../src/core/check/analyze';

const col = (...v: (number | string)[]) => `\\begin{bmatrix} ${v.join(' \\\\ ')} \\end{bmatrix}`;
const mat = (r1: (number | string)[], r2: (number | string)[]) => `\\begin{bmatrix} ${r1.join(' & ')} \\\\ ${r2.join(' & ')} \\end{bmatrix}`;

/** The document, with the second hidden bias `b12` and the second hidden pre-activation it gives, `z12`. */
function doc(b12: number, z12: number): string {
	return `# A 2-2-2 ReLU network in matrix form

\`\`\`network
input: [1.0, 0.5]
input_names: x
target: [0, 1]
target_names: y
loss: half_sse
learning_rate: 0.5
layers:
  - dense: hidden
    weights: [[0.5, -0.5], [0.25, -0.5]]
    bias: [0.25, ${b12}]
    activation: relu
  - dense: output
    weights: [[0.5, -0.25], [0.25, 0.5]]
    bias: [0.0, 0.5]
    activation: linear
\`\`\`

$$x = ${col(1.0, 0.5)}, \\quad y = ${col(0, 1)}, \\quad W^{(1)} = ${mat([0.5, -0.5], [0.25, -0.5])}, \\quad b^{(1)} = ${col(0.25, b12)}$$

$$W^{(2)} = ${mat([0.5, -0.25], [0.25, 0.5])}, \\quad b^{(2)} = ${col(0.0, 0.5)}$$

## Forward pass

$$z^{(1)} = W^{(1)} x + b^{(1)} = ${col(0.5, z12)}$$

$$a^{(1)} = \\operatorname{ReLU}(z^{(1)}) = ${col(0.5, 0)}$$

$$z^{(2)} = W^{(2)} a^{(1)} + b^{(2)} = ${col(0.25, 0.625)}$$

$$\\hat{y} = z^{(2)} = ${col(0.25, 0.625)}$$

$$L = \\frac{1}{2} (\\hat{y} - y)^T (\\hat{y} - y) = 0.1015625$$

## Backward pass

$$\\delta^{(2)} = \\hat{y} - y = ${col(0.25, -0.375)}$$

$$\\frac{\\partial L}{\\partial W^{(2)}} = \\delta^{(2)} a^{(1)T} = ${mat([0.125, 0], [-0.1875, 0])}$$

Taking $\\operatorname{ReLU}'(0) = 1$:

$$\\delta^{(1)} = (W^{(2)T} \\delta^{(2)}) \\odot ${col(1, 1)} = ${col(0.03125, -0.25)} \\odot ${col(1, 1)} = ${col(0.03125, -0.25)}$$

$$\\frac{\\partial L}{\\partial W^{(1)}} = \\delta^{(1)} x^T = ${mat([0.03125, 0.015625], [-0.25, -0.125])}$$

$$\\frac{\\partial L}{\\partial b^{(1)}} = \\delta^{(1)} = ${col(0.03125, -0.25)}$$

## Gradient step

$$W^{(1)} \\leftarrow W^{(1)} - \\eta \\frac{\\partial L}{\\partial W^{(1)}} = ${mat([0.484375, -0.5078125], [0.375, -0.4375])}$$

$$b^{(1)} \\leftarrow b^{(1)} - \\eta \\frac{\\partial L}{\\partial b^{(1)}} = ${col(0.234375, b12 + 0.125)}$$
`;
}

async function analyze(text: string): Promise<Analysis> {
	const a = await analyzeDocument(text, 'markdown', { tolerance: 'digits' });
	assert.ok(a, 'the analysis was not cancelled');
	return a;
}

/** Every finding as `code "marked text"`. */
function findings(a: Analysis, text: string): string[] {
	return a.diagnostics.map((d) => `${d.code} ${JSON.stringify(text.slice(d.span.start, d.span.end))}`);
}

suite('truth: a ReLU kink in matrix form', () => {
	test('ReLU′(0) = 1 taken in a matrix-form backward pass at a pre-activation of exactly 0 stands', async () => {
		const text = doc(0, 0);
		const a = await analyze(text);
		assert.deepStrictEqual(findings(a, text), [], a.diagnostics.map((d) => d.message).join('\n'));
		// Silent because judged: as much is checked as in the same pass at a negative pre-activation.
		const negative = await analyze(doc(-0.5, -0.5));
		assert.ok(a.summary.checked > 0);
		assert.strictEqual(a.summary.checked, negative.summary.checked);
	});

	test('ReLU′ = 1 taken at a clearly negative pre-activation is found', async () => {
		const text = doc(-0.5, -0.5);
		const a = await analyze(text);
		const found = findings(a, text);
		const delta = text.indexOf('\\delta^{(1)} = (');
		const line = text.slice(delta, text.indexOf('\n', delta));
		const member = '(W^{(2)T} \\delta^{(2)}) \\odot ';
		assert.ok(line.includes(member));
		assert.ok(a.diagnostics.some((d) => d.code === 'formula' && d.span.start === delta + line.indexOf(member)), found.join('\n'));
	});
});
