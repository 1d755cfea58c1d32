/**
 * Tests of name normalisation (DESIGN 2.3): each case is the LaTeX of one name and the
 * `key base sub updated` it normalises to, or `undefined` when the text is not one name.
 */
import * as assert from 'assert';
import { normalizeNameText } from '../../../src/core/syntax/names';

function check(input: string, expected: string | undefined): void {
	const ref = normalizeNameText(input);
	const actual = ref && `${ref.key} ${ref.base} ${ref.sub || '-'} ${ref.updated}`;
	assert.strictEqual(actual, expected, input);
	if (ref) {
		assert.strictEqual(ref.text, input.trim());
		assert.strictEqual(ref.baseKey + (ref.updated ? "'" : ''), ref.key);
	}
}

suite('syntax/names', () => {
	test('drops typography, braces and underscores, and keeps marks in front of the key', () => {
		check('\\bar{in}_{cc_1}', 'bar.incc1 in cc1 false');
		check('in_{cc1}', 'incc1 in cc1 false');
		check('incc1', 'incc1 incc1 - false');
		check('\\text{coef}_{o1}', 'coefo1 coef o1 false');
		check('\\text{outpp}_1', 'outpp1 outpp 1 false');
		check('outpp_1', 'outpp1 outpp 1 false');
		check('\\text{outc}_1', 'outc1 outc 1 false');
		// In text an escaped underscore is the underscore of math: `\text{Out\_conv}` is `\text{Out_conv}`.
		check('\\text{Out\\_conv}_{1,1}', 'Outconv1,1 Out conv1,1 false');
		check('\\text{Out_conv}_{1,1}', 'Outconv1,1 Out conv1,1 false');
		check('Out\\_conv', undefined);
		check('\\bar{I}_{\\text{in}p_1}', 'bar.Iinp1 I inp1 false');
		check('\\mathbf{w}_{1}', 'w1 w 1 false');
		check('\\boldsymbol{W}', 'W W - false');
		check('\\bm{x}_2', 'x2 x 2 false');
		check('\\vec{a}', 'a a - false');
		check('\\mathsf{W}_{12}', 'W12 W 12 false');
		check('\\mathcal{L}', 'L L - false');
		check('\\hat{y}', 'hat.y y - false');
		check('\\widehat{y}_1', 'hat.y1 y 1 false');
		check('\\hat{y_1}', 'hat.y1 y 1 false');
		check('\\overline{h}_{CC1}', 'bar.hCC1 h CC1 false');
		check('\\bar{\\text{m}}_{c1}', 'bar.mc1 m c1 false');
		check('\\bar{in_{cc1}}', 'bar.incc1 in cc1 false');
		check('\\tilde{\\hat{y}}', 'tilde.hat.y y - false');
	});
	test('reads a whole number in parentheses or brackets as the layer index', () => {
		check('z^{(1)}_2', 'z(1)2 z 2 false');
		check('z_2^{(1)}', 'z(1)2 z 2 false');
		check('a^{[2]}', 'a(2) a - false');
		check('W^{(1)}_{12}', 'W(1)12 W 12 false');
		check('b^{[2]}_1', 'b(2)1 b 1 false');
		check('\\delta^{(2)}_1', 'delta(2)1 delta 1 false');
		check('\\mathbf{W}^{[L]}', 'W(L) W - false');
		check("W^{(1)}_{11}'", "W(1)11' W 11 true");
		check('z^{(1)}_2^{(3)}', undefined);
	});
	test('spells Greek letters without the backslash', () => {
		check('\\delta_{h1}', 'deltah1 delta h1 false');
		check('\\alpha', 'alpha alpha - false');
		check('\\eta', 'eta eta - false');
		check('α', 'alpha alpha - false');
		check('w_\\alpha', 'walpha w alpha false');
	});
	test('keeps case', () => {
		check('E_{\\text{total}}', 'Etotal E total false');
		check('KK_{11}', 'KK11 KK 11 false');
		check('out_{C1}', 'outC1 out C1 false');
		check('b_{b1}', 'bb1 b b1 false');
	});
	test('marks updates with a prime on the key', () => {
		check('w_5^+', "w5' w 5 true");
		check('w_5^{+}', "w5' w 5 true");
		check("w_1'", "w1' w 1 true");
		check("w'_1", "w1' w 1 true");
		check('w_1^{new}', "w1' w 1 true");
		check('w_1^{(new)}', "w1' w 1 true");
		check('w_1^{(t+1)}', "w1' w 1 true");
		check('w^{(k+1)}_1', "w1' w 1 true");
		check('w_1^{(t)}', 'w1 w 1 false');
		check('w_1^\\prime', "w1' w 1 true");
		check('w^+_1', "w1' w 1 true");
	});
	test('reads Unicode subscripts as the subscript, as plain text writes them', () => {
		check('x₁', 'x1 x 1 false');
		check('w₁₂', 'w12 w 12 false');
		check('Hₒ₁', 'Ho1 H o1 false');
		check('w_5₁', 'w51 w 51 false');
		check('x ₁', undefined);
	});
	test('keeps commas of multi-indices', () => {
		check('out_{L1,2,3}', 'outL1,2,3 out L1,2,3 false');
		check('K_{1,2,10}', 'K1,2,10 K 1,2,10 false');
	});
	test('takes a whole number or word as a bare subscript', () => {
		check('w_12', 'w12 w 12 false');
		check('E_total', 'Etotal E total false');
	});
	test('refuses what is not one name', () => {
		check('x^2', undefined);
		check('w_1 w_2', undefined);
		check('0.5', undefined);
		check('\\text{卷积核}', undefined);
		check('\\text{coef ci}', undefined);
		check('w_{1', undefined);
		check('\\frac{a}{b}', undefined);
		check('', undefined);
	});
	test('survives deeply nested decorations', () => {
		check(`${'\\bar{'.repeat(5000)}x${'}'.repeat(5000)}`, undefined);
	});
});
