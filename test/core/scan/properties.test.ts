// Property tests: the scanners never throw, keep their invariants on any input, find every
// embedded piece of math at its exact offset, and take time linear in the length of large or
// hostile input (against a baseline measured in the same test, not a wall-clock limit).
import * as assert from 'assert';
import fc from 'fast-check';
import { scanDocument } from '../../../src/core/scan';
import type { DocumentLanguage } from '../../../src/core/scan';
import { assertWellFormed } from './check';

const LANGUAGES: DocumentLanguage[] = ['markdown', 'latex'];
const ALPHABET = ['$', '$$', '\\', '(', ')', '[', ']', '`', '```', '~~~', '>', '-', ' ', '\t', '\n', '\r\n', '\r', '%', '{', '}', 'a', '0', '中', '😀', '\u0000', '<!--', '-->', '\\begin{align}', '\\end{align}', '\\verb|', 'math', 'network', '#', '|'];

const token = fc.constantFrom(...ALPHABET);
const noisy = fc.oneof(fc.string({ maxLength: 200 }), fc.array(token, { maxLength: 120 }).map(parts => parts.join('')));

/** The fastest of `runs` timings of `fn`, in milliseconds: the least disturbed by a busy machine. */
function fastest(fn: () => void, runs: number): number {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		const start = process.hrtime.bigint();
		fn();
		best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
	}
	return best;
}

/** How much slower the whole may be than its pieces: linear is 1, quadratic would be 16. */
const SLACK = 4;
/** Milliseconds allowed on top, for timer resolution and a garbage collection. */
const FLOOR_MS = 50;

/**
 * Asserts that scanning `text` takes time about linear in its length. The baseline is measured
 * here, on the same machine and at the same time: the same text cut into sixteen pieces, each
 * scanned on its own. A linear scan takes as long for the whole as for the pieces together; a
 * quadratic one sixteen times as long; the bound is SLACK times.
 */
function linear(label: string, text: string, scan: (t: string) => void): void {
	const size = Math.ceil(text.length / 16);
	const pieces = Array.from({ length: 16 }, (_, i) => text.slice(i * size, (i + 1) * size));
	const baseline = fastest(() => pieces.forEach(scan), 2);
	const whole = fastest(() => scan(text), 2);
	const bound = SLACK * baseline + FLOOR_MS;
	assert.ok(whole <= bound, `${label}: ${whole.toFixed(1)} ms for the whole, ${baseline.toFixed(1)} ms for its sixteen pieces; at most ${bound.toFixed(1)} ms expected`);
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

	test('scans a megabyte of notes, and of unterminated delimiters, in time linear in its length', () => {
		const notes = 'Forward: $in_{C1} = 0.1 \\cdot 0.5 + 0.2$ and\n\n$$\nout = 0.5\n$$\n\n'.repeat(20000);
		const hostile = '$a `b \\( \\[ $$ <!-- \\begin{equation} \\verb'.repeat(25000);
		const nested = '> - '.repeat(50000) + '$x$';
		const verb = '\\verb|a '.repeat(100000);
		for (const language of LANGUAGES) {
			for (const [label, text] of [['notes', notes], ['hostile', hostile], ['nested', nested], ['verb', verb]] as const) {
				linear(`${language} ${label}`, text, (t) => scanDocument(t, language));
			}
		}
	});
});
