/**
 * The scan after digits typed inside math is the last scan, shifted: whenever `rescanAfterDigits`
 * answers, its answer is what scanning the edited text gives. Random digit edits (typed, replaced,
 * deleted) at random places of the examples, fixtures in both languages and a document built to
 * sit digits beside every delimiter and at line starts.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { scanDocument, type DocumentLanguage } from '../../../src/core/scan/index';
import { rescanAfterDigits } from '../../../src/core/scan/reuse';

const root = path.join(__dirname, '..', '..', '..');
const edge = [
	'1. $x = 12$ and $5$ $$3$$',
	'> 12 $a = 1$ $6$7 $',
	'$$',
	'12 = 3',
	'$$',
	'- $1$2 `$3$` \\(4 = 5\\) $$6$$ <7> &#8; $9 \\$ 1$',
	'```math',
	'1 = 2',
	'```',
	'\\begin{align} 1 &= 2 \\\\ 3 &= 4 \\end{align}',
	'',
].join('\n');
const documents: { text: string; language: DocumentLanguage }[] = [
	...['examples/cnn-1d.md', 'examples/cnn-1d-mistakes.md', 'test/fixtures/truth/fc-mistakes.md'].map((f) => ({ text: fs.readFileSync(path.join(root, f), 'utf8'), language: 'markdown' as const })),
	{ text: edge, language: 'markdown' },
	{ text: edge.replace(/```math\n1 = 2\n```/, '% network\n% input: [1, 2]\n'), language: 'latex' },
];

const digitEdit = fc.record({
	at: fc.integer({ min: 0, max: 999_999 }).map((x) => x / 1_000_000),
	remove: fc.nat({ max: 3 }),
	insert: fc.stringMatching(/^[0-9]{0,3}$/),
});

suite('scan reuse', () => {
	test('after digits typed, replaced or deleted, the reused scan is the scan of the edited text', () => {
		let answered = 0;
		fc.assert(
			fc.property(fc.nat({ max: documents.length - 1 }), digitEdit, (which, e) => {
				const { text, language } = documents[which];
				const at = Math.floor(e.at * text.length);
				// Only digits may go: the removal stops at the first character that is not one.
				let remove = 0;
				while (remove < e.remove && /[0-9]/.test(text[at + remove] ?? '')) remove++;
				const edited = text.slice(0, at) + e.insert + text.slice(at + remove);
				const again = rescanAfterDigits(text, scanDocument(text, language), edited);
				if (again === undefined) return;
				answered++;
				assert.deepStrictEqual(again, scanDocument(edited, language));
			}),
			{ numRuns: 2000 },
		);
		assert.ok(answered > 100, `answered ${answered} of 2,000`);
	});

	test('keeps the scan for a number typed over inside display math, and scans again beside a delimiter', () => {
		const text = 'Notes.\n\n$$out = 0.418 + 1$$\n\nAnd $x = 5$.\n';
		const scan = scanDocument(text, 'markdown');
		assert.deepStrictEqual(rescanAfterDigits(text, scan, text.replace('0.418', '0.4187')), scanDocument(text.replace('0.418', '0.4187'), 'markdown'));
		assert.ok(rescanAfterDigits(text, scan, text.replace('0.418', '0.4187')));
		// A digit right after an opening `$` or before a closing one touches the delimiter.
		assert.strictEqual(rescanAfterDigits(text, scan, text.replace('$x = 5$', '$x = 56$')), undefined);
		assert.strictEqual(rescanAfterDigits(text, scan, text.replace('$$out', '$$1out')), undefined);
		// Anything but digits is scanned again.
		assert.strictEqual(rescanAfterDigits(text, scan, text.replace('0.418', '0.41$')), undefined);
	});
});
