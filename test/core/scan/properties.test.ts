// Property tests: the scanners never throw, keep their invariants on any input, find every
// embedded piece of math at its exact offset, and stay fast on large or hostile input.
import * as assert from 'assert';
import fc from 'fast-check';
import { scanDocument } from '../../../src/core/scan';
import type { DocumentLanguage } from '../../../src/core/scan';
import { assertWellFormed } from './check';

const LANGUAGES: DocumentLanguage[] = ['markdown', 'latex'];
const ALPHABET = ['$', '$$', '\\', '(', ')', '[', ']', '`', '```', '~~~', '>', '-', ' ', '\t', '\n', '\r\n', '\r', '%', '{', '}', 'a', '0', '中', '😀', '\u0000', '<!--', '-->', '\\begin{align}', '\\end{align}', '\\verb|', 'math', 'network', '#', '|'];

const token = fc.constantFrom(...ALPHABET);
const noisy = fc.oneof(fc.string({ maxLength: 200 }), fc.array(token, { maxLength: 120 }).map(parts => parts.join('')));

function timed(label: string, fn: () => void, limitMs: number): void {
	const start = Date.now();
	fn();
	const ms = Date.now() - start;
	assert.ok(ms < limitMs, `${label} took ${ms} ms`);
}

suite('scan: properties', () => {
	test('never throws and keeps regions sorted, disjoint and inside the text', () => {
		fc.assert(fc.property(noisy, fc.constantFrom(...LANGUAGES), (text, language) => {
			const result = scanDocument(text, language);
			assertWellFormed(text, result, false);
			for (const n of result.networks) assert.ok(n.outer.start <= n.outer.end && n.outer.end <= text.length);
		}), { numRuns: 2000 });
	});

	const piece = fc.record({
		before: fc.constantFrom('', '正向传播 ', 'so 😀 ', 'x\t', '`$code$` '),
		after: fc.constantFrom(' ', ' 层', '.', ' and more', ' 😀'),
	});
	const paragraph = fc.record({
		prefix: fc.constantFrom('', '> ', '- ', '1. ', '> > ', '> - '),
		prices: fc.boolean(),
		pieces: fc.array(piece, { minLength: 1, maxLength: 3 }),
	});
	test('finds each embedded piece of math at its exact offset', () => {
		fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom(...LANGUAGES), (paragraphs, eol, language) => {
			let text = '';
			const expected: number[] = [];
			for (const p of paragraphs) {
				if (language === 'markdown' && p.prices) text += `It costs $5 and $10, 😀 \\$3.${eol}${eol}`;
				text += language === 'markdown' ? p.prefix : '';
				for (const { before, after } of p.pieces) {
					text += language === 'latex' && before.startsWith('`') ? '\\verb|`$x$`| ' : before;
					expected.push(text.length + 1);
					text += '$x_1 = 0.5$' + after;
				}
				text += eol + eol;
			}
			const result = scanDocument(text, language);
			assert.deepStrictEqual(result.regions.map(r => r.inner.start), expected);
			for (const r of result.regions) assert.strictEqual(text.slice(r.inner.start, r.inner.end), 'x_1 = 0.5');
		}), { numRuns: 500 });
	});

	test('scans a megabyte of notes, and of unterminated delimiters, in well under a second', () => {
		const notes = 'Forward: $in_{C1} = 0.1 \\cdot 0.5 + 0.2$ and\n\n$$\nout = 0.5\n$$\n\n'.repeat(20000);
		const hostile = '$a `b \\( \\[ $$ <!-- \\begin{equation} \\verb'.repeat(25000);
		const nested = '> - '.repeat(50000) + '$x$';
		const verb = '\\verb|a '.repeat(100000);
		for (const language of LANGUAGES) {
			for (const [label, text] of [['notes', notes], ['hostile', hostile], ['nested', nested], ['verb', verb]] as const) {
				timed(`${language} ${label}`, () => scanDocument(text, language), 1000);
			}
		}
	});
});
