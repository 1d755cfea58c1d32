/**
 * Which operation a written formula is, told by evaluating it: every spelling of an activation the
 * notations use is that activation, softmax is found for its own unit, and each loss formula is the
 * loss it computes. What is none of them, or could be two, is not read.
 */
import * as assert from 'assert';
import { joinChains } from '../../../src/core/check/chains';
import { readFormulas, type ForwardFormula } from '../../../src/core/infer/formulas';
import { readLoss } from '../../../src/core/infer/loss';
import { activationOf, softmaxUnit } from '../../../src/core/infer/probe';
import { parseMath } from '../../../src/core/syntax/parser';

/** The forward formulas of one display of math. */
function formulas(math: string): ForwardFormula[] {
	const text = `$$${math}$$`;
	const statements = parseMath(text, { start: 2, end: text.length - 2 }).statements;
	return readFormulas(joinChains([...statements]), 100);
}

function one(math: string): ForwardFormula {
	const fs = formulas(math);
	assert.strictEqual(fs.length, 1, math);
	return fs[0];
}

const activations: [string, string | undefined][] = [
	['a = \\sigma(z)', 'sigmoid'],
	['a = \\frac{1}{1 + e^{-z}}', 'sigmoid'],
	['a = 1/(1 + exp(-z))', 'sigmoid'],
	['a = sigmoid(z)', 'sigmoid'],
	['a = \\tanh(z)', 'tanh'],
	['a = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}', 'tanh'],
	['a = \\max(0, z)', 'relu'],
	['a = \\operatorname{ReLU}(z)', 'relu'],
	['a = 2 z', undefined],
	['a = \\sigma(2 z)', undefined],
	['a = z^2', undefined],
];

suite('infer: operations told by evaluating them', () => {
	for (const [math, kind] of activations) {
		test(`${math} is ${kind ?? 'no activation'}`, () => {
			const f = one(math);
			assert.strictEqual(activationOf(f.member, f.reads[0].key), kind);
		});
	}

	test('a softmax formula is the softmax of its own unit, and a ratio that is not one is none', () => {
		const f = one('y_2 = \\frac{e^{z_2}}{e^{z_1} + e^{z_2} + e^{z_3}}');
		assert.strictEqual(softmaxUnit(f.member, ['z1', 'z2', 'z3']), 1);
		const g = one('y_2 = \\frac{z_2}{z_1 + z_2 + z_3}');
		assert.strictEqual(softmaxUnit(g.member, ['z1', 'z2', 'z3']), undefined);
	});

	const outputs = new Map([['o1', 0], ['o2', 1]]);
	const losses: [string, string | undefined][] = [
		['E = \\frac{1}{2} (t_1 - o_1)^2 + \\frac{1}{2} (t_2 - o_2)^2', 'half_sse'],
		['E_{1} = \\frac{1}{2} (t_1 - o_1)^2', 'half_sse'],
		['E = -(t_1 \\ln o_1 + t_2 \\ln o_2)', 'cross_entropy'],
		['E = -(t_1 \\ln o_1 + (1 - t_1) \\ln (1 - o_1)) - (t_2 \\ln o_2 + (1 - t_2) \\ln (1 - o_2))', 'binary_cross_entropy'],
		['E = (t_1 - o_1)^2 + (t_2 - o_2)^2', undefined],
	];
	for (const [math, kind] of losses) {
		test(`${math} is ${kind ?? 'no loss the engine knows'}`, () => {
			const r = readLoss(formulas(math), outputs, 2);
			if (kind === undefined) {
				assert.strictEqual(r.kind, 'none');
				return;
			}
			assert.ok(r.kind === 'read', r.kind === 'none' ? r.reason : '');
			assert.strictEqual(r.loss, kind);
			assert.deepStrictEqual(r.targets.filter((t) => t).map((t) => t!.key), math.includes('t_2') ? ['t1', 't2'] : ['t1']);
		});
	}

	test('mse over three outputs is read as mse, not half_sse', () => {
		const r = readLoss(formulas('L = \\frac{1}{3} ((t_1 - o_1)^2 + (t_2 - o_2)^2 + (t_3 - o_3)^2)'), new Map([['o1', 0], ['o2', 1], ['o3', 2]]), 3);
		assert.ok(r.kind === 'read');
		assert.strictEqual(r.loss, 'mse');
	});
});
