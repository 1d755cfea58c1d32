/**
 * The text a fix writes: the author's precision, the declared form of an exact number, and no fix
 * at all for a value no author would mean.
 */
import * as assert from 'assert';
import { fixText, formatLike } from '../../../src/core/eval/format';

suite('eval/format: the text of a fix', () => {
	const cases: [string, string, string | undefined, boolean?][] = [
		// [stated, proposed, written, proposed value declared exact?]
		['0.191', '0.169', '0.169'],
		['-0.0300', '0.0000', '0.0000'],
		['0.5', '9.868025738458568e+306', undefined],
		['0.5', 'Infinity', undefined],
		['0.5', 'NaN', undefined],
		['0.5', '600000.0', '600000.0'],
		['0.5', '2000000.0', undefined],
		['1.5e-3', '1.7e-3', '1.7e-3'],
		['0.5', '1.7e-3', undefined],
		['-0.1295', '-0.3000', '-0.3', true],
		['-0.1295', '-0.3000', '-0.3000', false],
		['0.4123', '0.4000', '0.4', true],
		['1.009', '1.000', '1.000', false],
		['0.813', '0.813', undefined],
		['0.0', '0.0', undefined],
	];
	for (const [stated, proposed, written, exact] of cases) {
		test(`replacing ${stated} by ${proposed} writes ${written ?? 'nothing'}${exact ? ' (declared exact)' : ''}`, () => {
			assert.strictEqual(fixText(stated, proposed, () => exact === true), written);
		});
	}

	test('formatLike writes at most 100 places, however many the number it replaces has', () => {
		assert.strictEqual(formatLike(4, `0.${'0'.repeat(180)}`), `4.${'0'.repeat(100)}`);
		assert.strictEqual(formatLike(-4.5e-177, `0.${'0'.repeat(200)}1`), `0.${'0'.repeat(100)}`);
	});

	test('formatLike keeps the places of the number it replaces', () => {
		assert.strictEqual(formatLike(-0.3, '-0.1295'), '-0.3000');
		assert.strictEqual(formatLike(0.16913, '0.191'), '0.169');
	});
});
