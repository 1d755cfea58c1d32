/**
 * Findings on a network read off a document speak the document's names: a pre-activation the
 * document calls `z_{11}` is `z_{11}` in the message, its delta `\frac{\partial E}{\partial z_{11}}`,
 * and the loss the document writes `L` is `L`, not the engine's `in_{L11}`, `coef_{L11}` and `E`;
 * what the document never names keeps the canonical label. Strategy: plant a mistake in a held-out
 * document and read the finding's message; build the read network without one name and read its labels.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import { buildNetwork } from '../../../src/core/engine/index';

const dir = path.join(__dirname, '../../fixtures/realworld/tricky');

async function planted(file: string, from: string, to: string): Promise<Analysis> {
	const text = readFileSync(path.join(dir, file), 'utf8');
	assert.ok(text.includes(from), `${file} writes ${from}`);
	const a = await analyzeDocument(text.replace(from, to), 'markdown', { tolerance: 'digits' });
	assert.ok(a);
	assert.strictEqual(a.inferred?.kind, 'read');
	return a;
}

suite('infer: findings in the document\'s names', () => {
	test('a left-out activation derivative is named as the document writes the delta', async () => {
		const a = await planted('conv1d-tanh.md', '\\frac{\\partial E}{\\partial a_{11}} (1 - a_{11}^2) = (-0.0758) \\times (1 - 0.3627^2) = -0.0658', '\\frac{\\partial E}{\\partial a_{11}} = -0.0758');
		const d = a.diagnostics.find((x) => x.code === 'value');
		assert.ok(d, a.diagnostics.map((x) => x.message).join('\n'));
		assert.match(d.message, /^\\frac\{\\partial E\}\{\\partial z_\{11\}\} is -0\.065795/);
		assert.doesNotMatch(d.message, /coef_\{L/);
	});

	test('a kernel gradient formula is explained in the document\'s names, its loss L and a network it read', async () => {
		const a = await planted('conv2d-symmetric-flipped.md',
			'x_{22} + \\frac{\\partial L}{\\partial in_{C1,1,2}} x_{23} + \\frac{\\partial L}{\\partial in_{C1,2,1}} x_{32} + \\frac{\\partial L}{\\partial in_{C1,2,2}} x_{33} = (-0.0133) \\times 0.3 + 0.0098 \\times 0.8 + (-0.0078) \\times 0.6 + (-0.0052) \\times 0.1 = -0.0014',
			'x_{11} + \\frac{\\partial L}{\\partial in_{C1,1,2}} x_{12} + \\frac{\\partial L}{\\partial in_{C1,2,1}} x_{21} + \\frac{\\partial L}{\\partial in_{C1,2,2}} x_{22} = (-0.0133) \\times 0.2 + 0.0098 \\times 0.5 + (-0.0078) \\times 0.4 + (-0.0052) \\times 0.3 = -0.0024');
		const d = a.diagnostics.find((x) => x.code === 'formula');
		assert.ok(d, a.diagnostics.map((x) => x.message).join('\n'));
		assert.ok(d.message.includes('\\frac{\\partial L}{\\partial K_{111}} = \\frac{\\partial L}{\\partial in_{C1,1,1}} \\cdot x_{22}'), d.message);
		assert.ok(d.message.includes('but the network read from the document flips it'), d.message);
		assert.doesNotMatch(d.message, /\\partial E|block declares/);
	});

	test('the findings say the same in Chinese', async () => {
		const text = readFileSync(path.join(dir, 'conv1d-tanh.md'), 'utf8').replace('\\frac{\\partial E}{\\partial a_{11}} (1 - a_{11}^2) = (-0.0758) \\times (1 - 0.3627^2) = -0.0658', '\\frac{\\partial E}{\\partial a_{11}} = -0.0758');
		const a = await analyzeDocument(text, 'markdown', { tolerance: 'digits', locale: 'zh-cn' });
		const d = a?.diagnostics.find((x) => x.code === 'value');
		assert.ok(d?.message.includes('\\frac{\\partial E}{\\partial z_{11}}'), d?.message);
	});

	test('a quantity the document never names keeps the canonical label', async () => {
		const a = await analyzeDocument(readFileSync(path.join(dir, 'conv1d-tanh.md'), 'utf8'), 'markdown', { tolerance: 'digits' });
		assert.ok(a?.inferred?.kind === 'read');
		const spec = a.inferred.spec;
		assert.strictEqual(buildNetwork(spec).label('L0:pre:0'), 'z_{11}');
		assert.strictEqual(buildNetwork(spec).label('L0:delta:0'), '\\frac{\\partial E}{\\partial z_{11}}');
		const { ['L0:pre:0']: _named, ...rest } = spec.written!.quantities;
		const net = buildNetwork({ ...spec, written: { ...spec.written, quantities: rest } });
		assert.strictEqual(net.label('L0:pre:0'), 'in_{L11}');
		assert.strictEqual(net.label('L0:delta:0'), 'coef_{L11}');
		assert.strictEqual(buildNetwork({ ...spec, written: undefined }).label('E'), 'E');
	});
});
