/**
 * Tests of the lexer: kinds and offsets of tokens, and the lossless round trip on any string
 * (property tests over arbitrary UTF-16, full Unicode, and a LaTeX-ish alphabet).
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { lex } from '../../../src/core/syntax/lexer';

/** Asserts the tokens of `input` as `kind:text` strings (whitespace included). */
function check(input: string, expected: string[]): void {
	assert.deepStrictEqual(lex(input).map((t) => `${t.kind}:${t.text}`), expected);
}

function roundTrips(s: string, base: number): boolean {
	const tokens = lex(s, base);
	let pos = base;
	for (const t of tokens) {
		if (t.start !== pos || t.end !== pos + t.text.length || t.text.length === 0) return false;
		if (s.slice(t.start - base, t.end - base) !== t.text) return false;
		pos = t.end;
	}
	return pos === base + s.length && tokens.map((t) => t.text).join('') === s;
}

const latexish = fc.stringOf(fc.constantFrom('\\', 'frac', '{', '}', '_', '^', '0', '.', '5', 'e', '-', '+', ' ', '\n', '%', 'x', '卷', '\uD800', '😀', '=', '(', ')', ',', '&', "'", 'E3'), { maxLength: 60 });

suite('syntax/lexer', () => {
	test('splits names, numbers, symbols and whitespace', () => {
		check('w_1 = 0.5', ['ident:w', 'symbol:_', 'number:1', 'whitespace: ', 'symbol:=', 'whitespace: ', 'number:0.5']);
	});
	test('reads numbers with decimals, a leading dot and exponents', () => {
		check('1e-3 .5 12 2e', ['number:1e-3', 'whitespace: ', 'number:.5', 'whitespace: ', 'number:12', 'whitespace: ', 'number:2', 'ident:e']);
		check('1.5E+10', ['number:1.5E+10']);
		check('1.', ['number:1', 'other:.']);
	});
	test('reads command words and one-character commands', () => {
		check('\\frac{a}{b}\\\\\\,\\{', ['command:\\frac', 'lbrace:{', 'ident:a', 'rbrace:}', 'lbrace:{', 'ident:b', 'rbrace:}', 'command:\\\\', 'command:\\,', 'command:\\{']);
	});
	test('reads identifiers with digits after a letter', () => {
		check('incc1 2x', ['ident:incc1', 'whitespace: ', 'number:2', 'ident:x']);
	});
	test('keeps comments to the end of the line', () => {
		check('a % note\nb', ['ident:a', 'whitespace: ', 'comment:% note', 'whitespace:\n', 'ident:b']);
	});
	test('gives each other code point its own token', () => {
		check('卷积😀', ['other:卷', 'other:积', 'other:😀']);
		check('\\😀', ['command:\\😀']);
	});
	test('makes a lone backslash at the end an other token', () => {
		check('a\\', ['ident:a', 'other:\\']);
	});
	test('offsets tokens by the base', () => {
		const t = lex('x = 1', 100);
		assert.deepStrictEqual(t.map((k) => [k.start, k.end]), [[100, 101], [101, 102], [102, 103], [103, 104], [104, 105]]);
	});
	test('round-trips any UTF-16 string', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(1000), roundTrips), { numRuns: 500 });
	});
	test('round-trips any full-Unicode string', () => {
		fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 80 }), fc.nat(1000), roundTrips), { numRuns: 500 });
	});
	test('round-trips LaTeX-ish strings', () => {
		fc.assert(fc.property(latexish, fc.nat(1000), roundTrips), { numRuns: 1000 });
	});
	test('lexes a megabyte in linear time', () => {
		const big = '\\frac{0.5}{x_1} + '.repeat(60000);
		let best = Infinity;
		let tokens = lex('');
		for (let i = 0; i < 3 && best >= 1000; i++) {
			const t0 = Date.now();
			tokens = lex(big);
			best = Math.min(best, Date.now() - t0);
		}
		assert.ok(best < 1000, `took ${best} ms`);
		assert.strictEqual(tokens.map((t) => t.text).join(''), big);
	});
});
