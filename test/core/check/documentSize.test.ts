/**
 * Documents at the size budgets: a check costs time linear in the document, on one line as on many,
 * a region of any number of statements is checked (no spread of them into one call), and a
 * document past `MAX_DOCUMENT_CHARS` is checked up to it with the rest listed as unchecked.
 * Time bounds compare the same kind of document at two sizes, measured in the same test.
 */
import * as assert from 'assert';
import { MAX_DOCUMENT_CHARS } from '../../../src/core/budgets';
import { createLanguageService, type DocumentInput } from '../../../src/core/index';
import { fastestAsync } from '../../shared/timing';

function doc(text: string, version = 1): DocumentInput {
	return { uri: 'file:///big.md', languageId: 'markdown', version, text };
}

/** `n` chains on one line, every one wrong, so each has a diagnostic. */
function oneLine(n: number): string {
	return Array.from({ length: n }, (_, i) => `$0.3 + 0.${(i % 9) + 1} = 0.${(i % 9) + 5}$ `).join('');
}

suite('document size', () => {
	test('one line of 32,000 chains takes time linear in its length', async () => {
		const ls = createLanguageService();
		let version = 0;
		const small = oneLine(8_000), large = oneLine(32_000);
		await ls.check(doc(small, ++version));
		// Each timed check by a new service: a service re-checking a text keeps the results of the chains an edit cannot reach.
		const t1 = await fastestAsync(() => createLanguageService().check(doc(small, ++version)), 2);
		const t4 = await fastestAsync(() => createLanguageService().check(doc(large, ++version)), 1);
		// Four times the text, allowing for a loaded machine; the old summary made this ratio grow with the length (31 s for 1 MB).
		assert.ok(t4 < 7 * t1, `${t4.toFixed(0)} ms for 32,000 chains against ${t1.toFixed(0)} ms for 8,000`);
		const report = await ls.check(doc(large, ++version));
		assert.strictEqual(report?.summary.wrong, 32_000);
	});

	test('a display block of 150,000 lines is checked, not dropped', async () => {
		// A spread of the region's statements into one push overflowed the stack, and the whole check came back empty.
		const text = `$$\n${'1 = 1 \\\\\n'.repeat(150_000)}$$\n`;
		const report = await createLanguageService().check(doc(text));
		assert.strictEqual(report?.summary.checked, 150_000);
	});

	test('a document past the size budget is checked up to it, and the rest is listed as unchecked', async () => {
		const filler = 'Words, no math. '.repeat(Math.ceil(MAX_DOCUMENT_CHARS / 16));
		const text = `$$0.3 + 0.4 = 0.8$$\n${filler}\n$$0.3 + 0.5 = 0.9$$\n`;
		const report = await createLanguageService().check(doc(text));
		assert.ok(report);
		assert.deepStrictEqual(report.diagnostics.map((d) => d.stated), ['0.8']);
		assert.match(report.summary.uncheckedNames.join(), /the math after character 8,000,000/);
	});
});
