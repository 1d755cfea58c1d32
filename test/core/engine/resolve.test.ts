/**
 * Name resolution on the seed network (DESIGN 2.3, 2.5). Names are built by hand with the
 * normalisation DESIGN 2.3 prescribes (the syntax layer's parser produces the same keys), so
 * these tests do not depend on the parser.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { networkForBlock } from '../../../src/core/engine/index';
import type { Network } from '../../../src/core/engine/network';
import { renderTerm } from '../../../src/core/engine/render';
import type { NameRef } from '../../../src/core/syntax/ast';
import { normalizeNameText } from '../../../src/core/syntax/names';

/** A NameRef as the parser would make it: `name('w_5^+')` has baseKey `w5` and is updated. */
function name(text: string): NameRef {
	const ref = normalizeNameText(text);
	assert.ok(ref, `${text} is one name`);
	return ref;
}

function load(yaml: string): Network {
	const { network, diagnostics } = networkForBlock({ yaml, segments: [{ yamlStart: 0, docStart: 0, length: yaml.length }], outer: { start: 0, end: yaml.length } });
	assert.deepStrictEqual(diagnostics.map((d) => d.message), []);
	return network!;
}

const SEED = fs.readFileSync(path.join(__dirname, '../../fixtures/engine/seed.network.yaml'), 'utf8');

suite('engine: name resolution', () => {
	const net = load(SEED);
	/** Checks that each name resolves to the quantity with the given label and value (3 places). */
	function check(cases: Record<string, [string, number] | 'unknown' | string[]>): void {
		for (const [text, expected] of Object.entries(cases)) {
			const r = net.resolve(name(text));
			if (expected === 'unknown') { assert.deepStrictEqual(r, { kind: 'unknown' }, text); continue; }
			if (typeof expected[1] !== 'number') {
				assert.strictEqual(r.kind, 'ambiguous', text);
				assert.deepStrictEqual(r.kind === 'ambiguous' && r.candidates.map((id) => net.label(id)), expected, text);
				continue;
			}
			assert.strictEqual(r.kind, 'quantity', `${text}: ${JSON.stringify(r)}`);
			const q = net.quantity((r as { id: string }).id)!;
			assert.strictEqual(q.label, expected[0], text);
			assert.ok(Math.abs(q.value - (expected[1] as number)) < 0.0006, `${text}: ${q.value} is not ${expected[1]}`);
		}
	}

	test('reads role stem + layer + index, with the layer name in any case where unambiguous', () => check({
		'out_{C1}': ['out_{C1}', 0.558], 'outc_1': ['out_{C1}', 0.558], '\\text{out}_{C1}': ['out_{C1}', 0.558],
		'\\bar{in}_{cc_1}': ['in_{CC1}', 0.6], 'in_{cc1}': ['in_{CC1}', 0.6], 'incc1': ['in_{CC1}', 0.6], 'net_{CC5}': ['in_{CC5}', -0.36], 'z_{o1}': ['in_{o1}', 0.769],
		'outpp_1': ['out_{PP1}', 0.653], 'a_{P3}': ['out_{P3}', 0.750], 'out_{o1}': ['out_{o1}', 0.823],
		'coef_{o1}': ['coef_{o1}', -0.177], '\\text{coef}_{o2}': ['coef_{o2}', 0.177], 'coef_{C_1}': ['coef_{C1}', -0.0087], 'coefc_1': ['coef_{C1}', -0.0087], '\\delta_{cc1}': ['coef_{CC1}', -0.0010],
	}));

	test('reads pool and flatten layers, whose in and out are one quantity and whose delta is ∂E/∂out', () => check({
		'in_{pp1}': ['out_{PP1}', 0.653], 'coefp_1': ['coef_{P1}', -0.0354], 'coef_{pp1}': ['coef_{PP1}', -0.0087],
	}));

	test('accepts the multi-index channel, element', () => check({ 'out_{CC2,1}': ['out_{CC5}', 0.411], 'out_{C3,2}': ['out_{C6}', 0.704] }));

	test('finds declared names: inputs, targets, kernels, weights, biases', () => check({
		'i_1': ['i_{1}', 0.1], 'i_6': ['i_{6}', 0.6], 't_1': ['t_{1}', 1], 'KK_{11}': ['KK_{11}', 0.1], 'KK_{23}': ['KK_{23}', 0.1],
		'k_{13}': ['k_{13}', 1], 'w_4': ['w_{4}', -0.1], 'bb_2': ['bb_{2}', -0.5], 'b_3': ['b_{3}', 0],
	}));

	test('finds the loss, its per-output terms and the learning rate', () => check({
		'E': ['E', 0.195], 'E_{total}': ['E', 0.195], 'E_{\\text{total}}': ['E', 0.195], 'L': ['E', 0.195], 'loss': ['E', 0.195],
		'E_{o1}': ['E_{o1}', 0.195], 'E_{O2}': ['E_{o2}', 0], 'E_1': ['E_{o1}', 0.195], '\\alpha': ['\\alpha', 0.7], '\\eta': ['\\alpha', 0.7], 'lr': ['\\alpha', 0.7],
	}));

	test('reads update marks as the parameter after the step', () => check({
		"w_1'": ['w_{1}^{+}', 0.169], 'w_5^+': ['w_{5}^{+}', -0.255], 'w_4^{new}': ['w_{4}^{+}', -0.169], 'k_{11}^{(t+1)}': ['k_{11}^{+}', -0.9974], 'w_4^{(new)}': ['w_{4}^{+}', -0.169], "out_{C1}'": 'unknown',
	}));

	test('reports a name two layers use as ambiguous, never guessing', () => check({
		'b_1': ['b_{1}', 'b_1'], "b_2'": ['b_{2}^{+}', 'b_2^{+}'],
	}));

	test('leaves names it cannot read unknown', () => check({
		'o_1': 'unknown', 'out_{C7}': 'unknown', 'out_{X1}': 'unknown', 'coefci': 'unknown', 'E_{FH}': 'unknown', 'w_7': 'unknown', 'out_{CC0}': 'unknown',
	}));

	test('tells two layers whose names differ only in case apart by case, and refuses to guess without it', () => {
		const n = load([
			'input: [1, 2, 3]', 'target: [1]', 'loss: mse', 'learning_rate: 0.1', 'layers:',
			'  - dense: h', '    weights: [[1, 0, 0], [0, 1, 0]]', '  - dense: H', '    weights: [[1, 1]]', '',
		].join('\n'));
		assert.deepStrictEqual(n.resolve(name('out_{h1}')), { kind: 'quantity', id: 'L0:out:0' });
		assert.deepStrictEqual(n.resolve(name('out_{H1}')), { kind: 'quantity', id: 'L1:out:0' });
		const net2 = load(['input: [1, 2]', 'target: [1]', 'loss: mse', 'layers:', '  - dense: Hid', '    weights: [[1, 0], [0, 1]]', '  - dense: hID', '    weights: [[1, 1]]', ''].join('\n'));
		assert.deepStrictEqual(net2.resolve(name('out_{hid1}')), { kind: 'ambiguous', candidates: ['L0:out:0', 'L1:out:0'] });
	});

	test('honours notation: overrides of the role stems', () => {
		const n = load(['input: [1, 2]', 'target: [1]', 'loss: mse', 'notation: {pre: [s], post: [y], delta: [g]}', 'layers:', '  - dense: o', '    weights: [[1, 1]]', '    activation: sigmoid', ''].join('\n'));
		assert.deepStrictEqual(n.resolve(name('y_{o1}')), { kind: 'quantity', id: 'L0:out:0' });
		assert.deepStrictEqual(n.resolve(name('s_{o1}')), { kind: 'quantity', id: 'L0:pre:0' });
		assert.deepStrictEqual(n.resolve(name('g_{o1}')), { kind: 'quantity', id: 'L0:delta:0' });
		assert.deepStrictEqual(n.resolve(name('out_{o1}')), { kind: 'unknown' });
		assert.strictEqual(n.label('L0:out:0'), 'y_{o1}');
	});
});

suite('engine: derivatives', () => {
	const net = load(SEED);
	const d = (a: string, b: string) => net.resolveDerivative(name(a), name(b));
	const tex = (id: string) => net.label(id);

	test('reads ∂E/∂x as the gradient node of x', () => {
		assert.deepStrictEqual(d('E_{total}', 'w_1'), { kind: 'quantity', id: 'L5:w:0:grad' });
		assert.deepStrictEqual(d('E', '\\bar{in}_{o1}'), { kind: 'quantity', id: 'L5:delta:0' });
		assert.deepStrictEqual(d('E', 'out_{C1}'), { kind: 'quantity', id: 'L3:dout:0' });
		assert.deepStrictEqual(d('E', 'outpp_2'), { kind: 'quantity', id: 'L1:dout:1' });
		assert.deepStrictEqual(d('E', 'KK_{11}'), { kind: 'quantity', id: 'L0:w:0:grad' });
	});

	test('reads ∂E/∂b_1 with an ambiguous b_1 as ambiguous, with each reading', () => {
		const r = d('E', 'b_1');
		assert.strictEqual(r.kind, 'ambiguous');
		assert.deepStrictEqual(r.kind === 'ambiguous' && r.readings.map((x) => x.kind === 'quantity' && x.id), ['L3:b:0:grad', 'L5:b:0:grad']);
	});

	test('gives local partials from the local formula', () => {
		const local = (a: string, b: string) => {
			const r = d(a, b);
			assert.strictEqual(r.kind, 'local', `${a}/${b}: ${JSON.stringify(r)}`);
			return r.kind === 'local' ? [renderTerm(r.term, tex), Number(r.value.toFixed(3))] : [];
		};
		assert.deepStrictEqual(local('in_{C1}', 'k_{13}'), ['out_{PP1}', 0.652]);
		assert.deepStrictEqual(local('in_{C1}', 'k_{11}'), ['out_{PP3}', 0.418]);
		assert.deepStrictEqual(local('in_{C2}', 'k_{11}'), ['out_{PP4}', 0.448]);
		assert.deepStrictEqual(local('in_{C1}', 'outpp_1'), ['k_{13}', 1]);
		assert.deepStrictEqual(local('in_{C3}', 'k_{11}'), ['0', 0]);
		assert.deepStrictEqual(local('out_{C1}', 'in_{C1}'), ['out_{C1} (1 - out_{C1})', 0.247]);
		assert.deepStrictEqual(local('out_{o1}', 'in_{o2}'), ['-out_{o1} \\cdot out_{o2}', -0.146]);
		assert.deepStrictEqual(local('in_{o1}', 'w_1'), ['out_{P1}', 0.558]);
		assert.deepStrictEqual(local('out_{P1}', 'out_{C1}'), ['1', 1]);
		assert.deepStrictEqual(local('out_{P1}', 'out_{C2}'), ['0', 0]);
		assert.deepStrictEqual(local('out_{PP1}', 'out_{CC1}'), ['\\frac{1}{2}', 0.5]);
		assert.deepStrictEqual(local('E_{o1}', 'out_{o1}'), ['-\\frac{t_{1}}{out_{o1}}', -1.215]);
	});

	test('leaves unrelated pairs unknown', () => {
		assert.deepStrictEqual(d('out_{o1}', 'i_1'), { kind: 'unknown' });
		assert.deepStrictEqual(d('in_{C1}', 'w_1'), { kind: 'unknown' });
		assert.deepStrictEqual(d('E_{FH}', 'b_1'), { kind: 'unknown' });
	});
});
