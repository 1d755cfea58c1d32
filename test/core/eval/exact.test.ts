/**
 * Exactness (DESIGN 3.3), fixture by fixture: what is computed from exact numbers alone is exact,
 * so a result that only a needlessly wide interval would excuse is found; a number doubles cannot
 * hold is unchecked, never wrong. Each input marks the diagnostics it must produce, and every
 * unmarked number must stay silent.
 */
import * as assert from 'assert';
import { check } from '../check/harness';

const block = `\`\`\`network
input: [1, 1]
input_names: i
target: [1]
target_names: t
loss: mse
learning_rate: 0.5
layers:
  - dense: h
    weights: [[0.5, 0.95]]
    weight_names: w
    bias: [0]
    bias_names: b
    activation: sigmoid
\`\`\`

`;

suite('eval: exactness', () => {
	test('a result computed exactly from exact numbers is exact where the pairing writes it for its name', async () => {
		// σ(1.45) is 0.8099984, which rounds to 0.81000; only 1.45 ± 0.005 would excuse 0.80998.
		await check('$$a = 3 \\cdot 0.5 - 0.05 = 1.45$$\n\n$$b = \\sigma(a) = \\sigma(1.45) = ⟦0.80998|arithmetic⟧$$');
		await check('$$a = 3 \\cdot 0.5 - 0.05 = 1.45$$\n\n$$b = \\sigma(a) = \\sigma(1.45) = 0.81000$$');
	});

	test('a given, or a result that is only the rounding of what was computed, stays an interval', async () => {
		await check('$$a = 1.45$$\n\n$$b = \\sigma(a) = \\sigma(1.45) = 0.80998$$');
		// 0.9 / 0.7 is 1.2857…, written 1.29; σ(1.2857) = 0.78341 carries the unrounded value.
		await check('$$a = \\frac{0.9}{0.7} = 1.29$$\n\n$$b = \\sigma(a) = \\sigma(1.29) = 0.78341$$');
	});

	test('the same literal without a name to pair it with is not made exact', async () => {
		await check('$$a = 3 \\cdot 0.5 - 0.05 = 1.45$$\n\n$$b = \\sigma(1.45) = 0.80998$$');
	});

	test('block weights times integer inputs are exact, in the arithmetic of a later chain', async () => {
		await check(`${block}$$in_{h1} = w_1 i_1 + w_2 i_2 = 0.5 \\cdot 1 + 0.95 \\cdot 1 = 1.45$$\n\n$$out_{h1} = \\sigma(in_{h1}) = \\sigma(1.45) = ⟦0.80998|arithmetic⟧$$`);
		await check(`${block}$$in_{h1} = w_1 i_1 + w_2 i_2 = 0.5 \\cdot 1 + 0.95 \\cdot 1 = 1.45$$\n\n$$out_{h1} = \\sigma(in_{h1}) = \\sigma(1.45) = 0.8100$$`);
	});

	test('the truth check judges a value on the exact value of its parent', async () => {
		// in_{h1} = 1.45 is the network's value exactly, so the local formula σ(in_{h1}) is a point.
		const a = await check(`${block}$$in_{h1} = 1.45$$\n\n$$out_{h1} = \\sigma(1.45) = ⟦0.80998|value⟧$$`);
		assert.strictEqual(a.diagnostics[0].expected, '0.81000');
		await check(`${block}$$in_{h1} = 1.45$$\n\n$$out_{h1} = \\sigma(1.45) = 0.81000$$`);
		await check(`${block}$$out_{h1} = \\sigma(1.45) = 0.81$$`);
	});

	test('an exact result stated with rounding is still read as its rounding', async () => {
		// 0.5 + 0.95 = 1.45 stated as 1.5: later numbers for in_{h1} are the rounding of 1.5.
		await check(`${block}$$in_{h1} = 0.5 \\cdot 1 + 0.95 \\cdot 1 = 1.5$$\n\n$$out_{h1} = \\sigma(in_{h1}) = \\sigma(1.5) = 0.82$$`);
	});
});

suite('eval: numbers doubles cannot hold', () => {
	test('a number beyond the double range is unchecked, not wrong', async () => {
		const a = await check('$$1e400 = 1e400$$');
		assert.deepStrictEqual([a.summary.checked, a.summary.unchecked], [0, 1]);
		const b = await check('$$x = 2 \\cdot 1e400 = 2e400$$\n\n$$y = 1e-400 = 0$$');
		assert.deepStrictEqual([b.summary.checked, b.summary.unchecked], [0, 2]);
	});

	test('an integer beyond 2^53 is unchecked, not wrong', async () => {
		const a = await check('$$123456789012345678 - 123456789012345677 = 1$$');
		assert.deepStrictEqual([a.summary.checked, a.summary.unchecked], [0, 1]);
		const b = await check('$$n = 123456789012345678 = 123456789012345679$$');
		assert.strictEqual(b.summary.checked, 0);
	});

	test('an exact intermediate beyond 2^53 is unchecked, not wrong', async () => {
		const a = await check('$$2^{60} - 2^{60} + 1 = 1$$\n\n$$(3^{40} + 1) - 3^{40} = 1$$');
		assert.deepStrictEqual([a.summary.checked, a.summary.unchecked], [0, 2]);
	});

	test('integers up to 2^53 are still checked exactly', async () => {
		const a = await check('$$9007199254740992 - 9007199254740991 = 1$$\n\n$$9007199254740992 - 9007199254740991 = ⟦2|arithmetic⟧$$');
		assert.deepStrictEqual([a.summary.checked, a.summary.unchecked], [2, 0]);
	});
});
