/**
 * Tight intervals (DESIGN 3.3): numbers the substitution pairing writes for one name, and a
 * formula's parent read twice, are one value, so a wrong result that only independent intervals
 * would excuse is found. Fixtures mark the diagnostics they must produce; every unmarked number
 * must stay silent. A property test shows the enclosure stays sound: it holds the function at
 * every point of the inputs' intervals and never exceeds the plain interval.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { check } from '../check/harness';
import { call, div, evaluateTerm, evaluateTermInterval, num, prod, ref, sub, sum, type Term } from '../../../src/core/engine/term';
import { subdivide } from '../../../src/core/eval/subdivide';
import { mul, point, sub as isub } from '../../../src/core/eval/interval';

const block = `\`\`\`network
input: [1, 1]
input_names: i
target: [1]
target_names: t
loss: half_sse
learning_rate: 0.5
layers:
  - dense: o
    weights: [[0.5, 0.95]]
    weight_names: w
    bias: [0]
    bias_names: b
    activation: sigmoid
\`\`\`

`;

suite('eval: tight intervals in the arithmetic check', () => {
	test('a name written twice is one value: x (1 - x) at 0.55 is about 0.2475, never 0.244', async () => {
		// Independent, 0.55 (1 - 0.55) would be anything in [0.2425, 0.2525], which holds 0.244;
		// as one value x ∈ [0.545, 0.555] it is within [0.2469, 0.2481].
		await check('$$out_{C1}(1 - out_{C1}) = 0.55 (1 - 0.55) = ⟦0.244|arithmetic⟧$$');
		await check('$$out_{C1}(1 - out_{C1}) = 0.55 (1 - 0.55) = 0.247$$\n\n$$out_{C1}(1 - out_{C1}) = 0.55 (1 - 0.55) = 0.248$$');
		await check('$$out_{C1}(1 - out_{C1}) = 0.558 (1 - 0.558) = 0.2466$$');
	});

	test('one decimal: x (1 - x) at x = 0.5 is within [0.2475, 0.25], so 0.21 is wrong and 0.25 holds', async () => {
		// Under `loose` 0.5 stands for [0.45, 0.55]; the independent product reaches [0.2025, 0.3025].
		await check('$$x (1 - x) = 0.5 (1 - 0.5) = ⟦0.21|arithmetic⟧$$', 'markdown', 'loose');
		await check('$$x (1 - x) = 0.5 (1 - 0.5) = 0.25$$\n\n$$x (1 - x) = 0.5 (1 - 0.5) = 0.3$$\n\n$$x (1 - x) = 0.5 (1 - 0.5) = 0.2$$', 'markdown', 'loose');
	});

	test('the same number with no name pairing it is not one value', async () => {
		await check('$$0.55 (1 - 0.55) = 0.244$$');
		await check('$$x (1 - x) = 0.5 (1 - 0.5)$$\n\n$$0.5 (1 - 0.5) = 0.21$$', 'markdown', 'loose');
	});

	test('two names each written twice are evaluated as a function of both', async () => {
		// x (1 - x) y (1 - y) over x, y ∈ [0.45, 0.55] lies in [0.0612, 0.0625], enclosed in [0.0598,
		// 0.0641]; independent, [0.041, 0.092].
		await check('$$x (1 - x) \\cdot y (1 - y) = 0.5 (1 - 0.5) \\cdot 0.5 (1 - 0.5) = ⟦0.05|arithmetic⟧$$', 'markdown', 'loose');
		await check('$$x (1 - x) \\cdot y (1 - y) = 0.5 (1 - 0.5) \\cdot 0.5 (1 - 0.5) = 0.06$$', 'markdown', 'loose');
	});

	test('numbers written differently for one name are left independent', async () => {
		// 0.55 · (1 - 0.56) is anything in [0.2371, 0.2470]; read as one value it would be empty.
		await check('$$x (1 - x) = 0.55 (1 - 0.56) = 0.244$$');
	});
});

suite('eval: tight intervals in the truth check', () => {
	test('a formula that reads its parent three times is judged as one function of it', async () => {
		// coef_{o1} = (out_{o1} - t_1) out_{o1} (1 - out_{o1}); on out_{o1} ∈ [0.75, 0.85] it lies in
		// [-0.0469, -0.0191] (independent readings: [-0.0531, -0.0169]).
		await check(`${block}$$out_{o1} = 0.8$$\n\n$$\\delta_{o1} = ⟦-0.050|value⟧$$`);
		await check(`${block}$$out_{o1} = 0.8$$\n\n$$\\delta_{o1} = -0.045$$`);
		await check(`${block}$$out_{o1} = 0.8$$\n\n$$\\delta_{o1} = -0.029$$`);
	});
});

suite('eval: subdivision', () => {
	test('x (1 - x) over [0.45, 0.55] is enclosed near its range [0.2475, 0.25]', () => {
		const r = subdivide([{ lo: 0.45, hi: 0.55 }], ([x]) => mul(x, isub(point(1), x)!), 5)!;
		assert.ok(r.lo <= 0.2475 && r.hi >= 0.25, `${r.lo} ${r.hi}`);
		assert.ok(r.lo > 0.246 && r.hi < 0.252, `${r.lo} ${r.hi}`);
	});

	test('gives up rather than exceed its budget on a huge expression', () => {
		assert.strictEqual(subdivide([{ lo: 0, hi: 1 }, { lo: 0, hi: 1 }, { lo: 0, hi: 1 }], ([x]) => x, 10 ** 6), undefined);
	});

	const terms: Term[] = [
		prod(ref('a'), sub(num(1), ref('a'))),
		prod(sub(ref('a'), ref('t')), ref('a'), sub(num(1), ref('a'))),
		div(call('exp', [ref('a')]), sum([call('exp', [ref('a')]), call('exp', [ref('b')])])),
		sum([prod(ref('a'), ref('b')), prod(num(-1), ref('a'), ref('b'), ref('b')), call('sigmoid', [ref('b')])]),
	];

	test('the tight enclosure holds the term at every point of its inputs and lies within the plain one', () => {
		const box = fc.record({ lo: fc.double({ min: -3, max: 3, noNaN: true }), w: fc.double({ min: 0, max: 0.5, noNaN: true }) }).map(({ lo, w }) => ({ lo, hi: lo + w }));
		fc.assert(fc.property(fc.integer({ min: 0, max: terms.length - 1 }), box, box, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (k, a, b, u, v) => {
			const ivs: Record<string, { lo: number; hi: number }> = { a, b, t: point(1) };
			const tight = evaluateTermInterval(terms[k], (id) => ivs[id]);
			if (!tight) return;
			const x: Record<string, number> = { a: a.lo + u * (a.hi - a.lo), b: b.lo + v * (b.hi - b.lo), t: 1 };
			const y = evaluateTerm(terms[k], (id) => x[id])!;
			const eps = 1e-9 * Math.max(1, Math.abs(y));
			assert.ok(tight.lo - eps <= y && y <= tight.hi + eps, `${y} outside [${tight.lo}, ${tight.hi}]`);
			for (const [pa, pb] of [[a.lo, b.lo], [a.hi, b.hi], [a.lo, b.hi], [a.hi, b.lo]]) {
				const z = evaluateTerm(terms[k], (id) => ({ a: pa, b: pb, t: 1 })[id])!;
				assert.ok(tight.lo - eps <= z && z <= tight.hi + eps, `endpoint ${z} outside [${tight.lo}, ${tight.hi}]`);
			}
		}), { numRuns: 300 });
	});
});
