/**
 * Local formulas, chain-rule paths and layer tables on the seed network, as a hover shows them:
 * each formula rendered with canonical names, and evaluated on the author's own (rounded)
 * values, exactly and on intervals.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { evaluateTerm, evaluateTermInterval, networkForBlock, renderTerm, termParents } from '../../../src/core/engine/index';

const SEED = fs.readFileSync(path.join(__dirname, '../../fixtures/engine/seed.network.yaml'), 'utf8');
const net = networkForBlock({ yaml: SEED, segments: [{ yamlStart: 0, docStart: 0, length: SEED.length }], outer: { start: 0, end: SEED.length } }).network!;
const tex = (id: string) => net.label(id);

/** Checks the rendered formula of each id: `{ 'L3:pre:0': 'k_{13} \\cdot out_{PP1} + …' }`. */
function check(cases: Record<string, string>, options?: { inlineDout?: boolean }): void {
	for (const [id, expected] of Object.entries(cases)) {
		const f = net.formula(id, options);
		assert.ok(f, id);
		assert.strictEqual(`${tex(id)} = ${renderTerm(f.rhs, tex)}`, expected);
	}
}

suite('engine: formulas on the seed network', () => {
	test('writes forward formulas with flip semantics, over the pooled outputs read through flatten', () => check({
		'L0:pre:1': 'in_{CC2} = KK_{13} \\cdot i_{2} + KK_{12} \\cdot i_{3} + KK_{11} \\cdot i_{4} + bb_{1}',
		'L0:out:0': 'out_{CC1} = \\sigma(in_{CC1})',
		'L1:out:0': 'out_{PP1} = \\frac{1}{2} \\cdot (out_{CC1} + out_{CC2})',
		'L3:pre:0': 'in_{C1} = k_{13} \\cdot out_{PP1} + k_{12} \\cdot out_{PP2} + k_{11} \\cdot out_{PP3} + b_{1}',
		'L4:out:0': 'out_{P1} = \\max\\{out_{C1}, out_{C2}\\}',
		'L5:pre:0': 'in_{o1} = w_{1} \\cdot out_{P1} + w_{2} \\cdot out_{P2} + w_{3} \\cdot out_{P3} + b_1',
		'L5:out:0': 'out_{o1} = \\frac{e^{in_{o1}}}{e^{in_{o1}} + e^{in_{o2}}}',
		'E:0': 'E_{o1} = -t_{1} \\cdot \\ln out_{o1}',
		'E': 'E = E_{o1} + E_{o2}',
	}));

	test('writes backward formulas the way the notes do', () => check({
		'L5:delta:0': 'coef_{o1} = out_{o1} - t_{1}',
		'L5:w:0:grad': '\\frac{\\partial E}{\\partial w_{1}} = coef_{o1} \\cdot out_{P1}',
		'L5:w:0:new': 'w_{1}^{+} = w_{1} - \\alpha \\cdot \\frac{\\partial E}{\\partial w_{1}}',
		'L4:dout:0': 'coef_{P1} = coef_{o1} \\cdot w_{1} + coef_{o2} \\cdot w_{4}',
		'L3:delta:0': 'coef_{C1} = coef_{P1} \\cdot 1 \\cdot out_{C1} (1 - out_{C1})',
		'L3:delta:1': 'coef_{C2} = coef_{P1} \\cdot 0 \\cdot out_{C2} (1 - out_{C2})',
		'L3:w:0:grad': '\\frac{\\partial E}{\\partial k_{11}} = coef_{C1} \\cdot out_{PP3} + coef_{C2} \\cdot out_{PP4}',
		'L3:b:0:grad': '\\frac{\\partial E}{\\partial b_{1}} = coef_{C1} + coef_{C2}',
		'L1:dout:0': 'coef_{PP1} = coef_{C1} \\cdot k_{13} + coef_{C3} \\cdot k_{23} + coef_{C5} \\cdot k_{33}',
		'L0:delta:0': 'coef_{CC1} = coef_{PP1} \\cdot \\frac{1}{2} \\cdot out_{CC1} (1 - out_{CC1})',
		'L0:w:0:grad': '\\frac{\\partial E}{\\partial KK_{11}} = coef_{CC1} \\cdot i_{3} + coef_{CC2} \\cdot i_{4} + coef_{CC3} \\cdot i_{5} + coef_{CC4} \\cdot i_{6}',
	}));

	test('keeps ∂E/∂out as a parent when asked not to inline it', () => check({
		'L3:delta:0': 'coef_{C1} = \\frac{\\partial E}{\\partial out_{C1}} \\cdot out_{C1} (1 - out_{C1})',
	}, { inlineDout: false }));

	test('lists the parents of a formula', () => {
		assert.deepStrictEqual(termParents(net.formula('L5:w:0:new')!.rhs), ['L5:w:0', 'lr', 'L5:w:0:grad']);
		assert.strictEqual(net.formula('L5:w:0'), undefined);
	});

	test('evaluates a formula on the author\'s values, exactly and on intervals', () => {
		const f = net.formula('L5:w:0:new')!;
		// The seed writes w_1 = 0.1 - 0.7 · (-0.17) · 0.558; its gradient is coef_{o1} · out_{P1}.
		const grad = net.formula('L5:w:0:grad')!;
		const stated = new Map([['L5:delta:0', -0.17], ['L4:out:0', 0.558]]);
		const g = evaluateTerm(grad.rhs, (id) => stated.get(id))!;
		assert.ok(Math.abs(g - -0.09486) < 1e-9);
		const w = evaluateTerm(f.rhs, (id) => (id === 'L5:w:0:grad' ? g : net.value(id)))!;
		assert.ok(Math.abs(w - 0.1664) < 1e-4);
		const iv = evaluateTermInterval(grad.rhs, (id) => {
			const v = stated.get(id);
			return v === undefined ? undefined : { lo: v - 0.0005, hi: v + 0.0005 };
		})!;
		assert.ok(iv.lo < g && g < iv.hi && iv.hi - iv.lo < 0.001);
		assert.strictEqual(evaluateTerm(grad.rhs, () => undefined), undefined);
	});

	test('evaluates σ, ReLU steps and logarithms on intervals', () => {
		const f = net.formula('L0:out:0')!;
		const r = evaluateTermInterval(f.rhs, () => ({ lo: 0.59, hi: 0.61 }))!;
		assert.ok(r.lo < 0.6457 && r.hi > 0.6457 && r.hi - r.lo < 0.01);
		const e = evaluateTermInterval(net.formula('E:0')!.rhs, (id) => (id === 't:0' ? { lo: 1, hi: 1 } : { lo: 0.8225, hi: 0.8235 }))!;
		assert.ok(e.lo <= 0.1946 && e.hi >= 0.1952);
	});
});

suite('engine: chain-rule paths and layer tables', () => {
	test('lists the paths from a weight to the loss', () => {
		const p = net.paths('L5:w:0:grad');
		assert.deepStrictEqual(p.paths.map((x) => x.map(tex).join(' → ')), [
			'w_{1} → in_{o1} → out_{o1} → E_{o1} → E',
			'w_{1} → in_{o1} → out_{o2} → E_{o2} → E',
		]);
		assert.strictEqual(p.truncated, false);
	});

	test('gives the local derivatives along a path, whose products sum to the gradient', () => {
		const { paths } = net.paths('L5:w:0');
		const f = net.pathFactors(paths[0]);
		assert.deepStrictEqual(f.map((x) => `\\frac{\\partial ${tex(x.of)}}{\\partial ${tex(x.wrt)}} = ${renderTerm(x.term, tex)}`), [
			'\\frac{\\partial E}{\\partial E_{o1}} = 1',
			'\\frac{\\partial E_{o1}}{\\partial out_{o1}} = -\\frac{t_{1}}{out_{o1}}',
			'\\frac{\\partial out_{o1}}{\\partial in_{o1}} = out_{o1} (1 - out_{o1})',
			'\\frac{\\partial in_{o1}}{\\partial w_{1}} = out_{P1}',
		]);
		const total = paths.map((p) => net.pathFactors(p).reduce((a, x) => a * x.value, 1)).reduce((a, b) => a + b, 0);
		assert.ok(Math.abs(total - net.value('L5:w:0:grad')!) < 1e-12);
	});

	test('routes paths through the max-pool winner only, through flatten, and caps their number', () => {
		assert.deepStrictEqual(net.paths('L3:out:1').paths, []);
		const p = net.paths('L1:out:0', 3);
		assert.strictEqual(p.paths.length, 3);
		assert.strictEqual(p.truncated, true);
		assert.deepStrictEqual(p.paths[0].map(tex).slice(0, 3), ['out_{PP1}', 'in_{C1}', 'out_{C1}']);
	});

	test('tabulates a layer as channel × row × column grids', () => {
		const t = net.layerTable('CC')!;
		assert.deepStrictEqual(t.shape, { channels: 2, rows: 1, cols: 4, dims: 1 });
		assert.deepStrictEqual(t.out.map((c) => c[0].map((v) => Number(v.toFixed(3)))), [[0.646, 0.659, 0.673, 0.686], [0.411, 0.426, 0.44, 0.455]]);
		assert.strictEqual(t.id('out', 1, 0, 2), 'L0:out:6');
		assert.strictEqual(net.layerTable('P')!.pre, undefined);
		assert.strictEqual(net.layerTable('nope'), undefined);
	});

	test('describes a quantity with its 1-based position', () => {
		assert.deepStrictEqual(net.quantity('L0:out:6'), { id: 'L0:out:6', role: 'out', label: 'out_{CC7}', value: net.layers[0].out[6], layer: 0, index: 6, position: [2, 3], param: undefined });
		assert.deepStrictEqual(net.quantity('L0:w:5')?.position, [2, 3]);
		assert.strictEqual(net.quantity('L9:out:0'), undefined);
		assert.strictEqual(net.quantity('L1:pre:0'), undefined);
	});
});
