/**
 * The `substitution` check without a network: numbers written for names are compared with the
 * values the document stated earlier for those names. A number marked `⟦0.558|ok⟧` must be
 * checked and hold: a given's result, or a substituted number that is its name's value.
 */
import * as assert from 'assert';
import { check } from './harness';

const givens = [
	'$$out_{C1} = \\sigma(0.233) = ⟦0.558|ok⟧$$',
	'$$coef_{o1} = 0.823 - 1 = ⟦-0.177|ok⟧$$',
].join('\n\n');

suite('check: substitution', () => {
	test('marks the one number that is not the value stated for its name', async () => {
		await check(`${givens}\n\n$$\\frac{\\partial E}{\\partial w_1} = coef_{o1} \\cdot out_{C1} = (⟦-0.177|ok⟧) \\cdot ⟦0.588|substitution⟧ = -0.104$$`);
	});

	test('says which value was stated, and where', async () => {
		const a = await check(`${givens}\n\n$$g = coef_{o1} \\cdot out_{C1} = (-0.177) \\cdot ⟦0.588|substitution⟧ = -0.104$$`);
		assert.match(a.diagnostics[0].message, /0\.588 is written for out_\{C1\}.*0\.558 \(line 1\)/);
		assert.strictEqual(a.diagnostics[0].fix?.newText, '0.558');
	});

	test('pairs implicit and explicit products alike, and names written differently but equal', async () => {
		await check(`${givens}\n\n$$g = \\text{coef}_{o1} \\, \\text{out}_{C_1} = (-0.177) \\times ⟦0.561|substitution⟧ = -0.099$$`);
	});

	test('stays silent on rounding carried forward', async () => {
		await check('$$a_1 = 0.1 \\times 1.771 = ⟦0.1771|ok⟧$$\n\n$$g = a_1 \\cdot 2 = ⟦0.177|ok⟧ \\cdot 2 = ⟦0.354|ok⟧$$');
	});

	test('accepts the value before and after an update', async () => {
		await check([
			'$$w_1 = 0.1$$',
			'$$w_1 = w_1 - \\alpha \\cdot d = 0.1 - 0.7 \\cdot 0.05 = 0.065$$',
			'$$x = w_1 \\cdot 2 = ⟦0.065|ok⟧ \\cdot 2 = ⟦0.13|ok⟧$$',
			'$$y = w_1 \\cdot 2 = ⟦0.1|ok⟧ \\cdot 2 = ⟦0.2|ok⟧$$',
			'$$z = w_1 \\cdot 2 = ⟦0.5|substitution⟧ \\cdot 2 = 1$$',
		].join('\n\n'));
	});

	test('does not judge the starting value written in an update chain', async () => {
		await check('$$b_1 = 0.475$$\n\n$$b_1 = b_1 - \\alpha \\cdot c = 0 - 0.5 \\cdot (-0.2) = 0.1$$');
	});

	test('stays silent on names the document never gave a value, and lists them', async () => {
		const a = await check('$$g = coef_{o9} \\cdot out_{C9} = (-0.177) \\cdot 0.588 = -0.104$$');
		assert.deepStrictEqual(a.summary.uncheckedNames, ['coef_{o9}', 'out_{C9}']);
	});

	test('pairs nothing when the shapes differ', async () => {
		await check(`${givens}\n\n$$g = coef_{o1} \\cdot out_{C1} = -0.177 \\cdot 0.6 + 0.000 = -0.106$$`);
	});

	test('reads a stated derivative as a value too', async () => {
		await check([
			'$$\\frac{\\partial E}{\\partial w_1} = 0.05 \\times 2.5 = ⟦0.125|ok⟧$$',
			'$$w_1^+ = w_1 - \\eta \\frac{\\partial E}{\\partial w_1} = 0.4 - 0.5 \\times ⟦0.152|substitution⟧ = 0.324$$',
		].join('\n\n'));
	});

	test('states each element of a tuple', async () => {
		await check('$$KK_1 = (0.1, 0.2, 0.3)$$\n\n$$in = KK_{11} \\cdot 0.5 + KK_{12} \\cdot 0.5 = ⟦0.1|ok⟧ \\cdot 0.5 + ⟦0.3|substitution⟧ \\cdot 0.5 = 0.2$$');
	});
});
