/**
 * Re-checking after an edit gives exactly what a fresh check of the edited text gives. One
 * language service follows a document through a series of random edits (so it reuses its own
 * earlier work: parses, networks); a new service checks each edited text from nothing. The two must
 * agree on the diagnostics, the summary and the hovers at random offsets. The documents are the
 * bundled examples and the truth fixtures; the edits are what typing does: digits, operators,
 * names, dollars and new lines inserted, characters deleted or replaced.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { createLanguageService } from '../../../src/core/index';

const root = path.join(__dirname, '..', '..', '..');
const documents = [
	'examples/cnn-1d.md',
	'examples/cnn-1d-mistakes.md',
	'test/fixtures/truth/fc-mistakes.md',
	'test/fixtures/truth/seed-mistakes.md',
	'test/fixtures/truth/conv2d-mistakes.md',
].map((f) => fs.readFileSync(path.join(root, f), 'utf8'));

interface Edit {
	readonly at: number;
	readonly remove: number;
	readonly insert: string;
}

const edit = fc.record({
	at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
	remove: fc.nat({ max: 4 }),
	insert: fc.oneof(fc.constantFrom('', '1', '7', '0.', '-', ' + ', ' = ', '\\times', 'w_1', '$$', '$', '\n', '\n\n', '}', '{', '\\\\'), fc.string({ maxLength: 3 })),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
	const at = Math.floor(e.at * (text.length + 1));
	return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

suite('incremental checking', () => {
	test('after random edits, a re-check equals a fresh check: diagnostics, summary and hovers', async () => {
		await fc.assert(
			fc.asyncProperty(fc.nat({ max: documents.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 3, maxLength: 3 }), async (which, edits: Edit[], probes) => {
				const uri = 'file:///doc.md';
				const service = createLanguageService();
				let text = documents[which];
				await service.check({ uri, languageId: 'markdown', version: 0, text });
				for (let v = 0; v < edits.length; v++) {
					text = apply(text, edits[v]);
					const doc = { uri, languageId: 'markdown', version: v + 1, text };
					const fresh = createLanguageService();
					const again = await service.check(doc);
					const expected = await fresh.check(doc);
					assert.deepStrictEqual(again, expected);
					for (const p of probes) {
						const offset = Math.floor(p * text.length);
						assert.deepStrictEqual(await service.hover(doc, offset), await fresh.hover(doc, offset), `hover at ${offset}`);
					}
				}
			}),
			{ numRuns: 25 },
		);
	}).timeout(180_000);
});
