// The scan layer's front door: language detection and dispatch.
import * as assert from 'assert';
import { languageOf, scanDocument } from '../../../src/core/scan';

suite('scan: languageOf', () => {
	const cases: readonly [string, string, string | undefined][] = [
		['markdown', 'file:///a/notes.txt', 'markdown'],
		['latex', 'untitled:Untitled-1', 'latex'],
		['tex', 'file:///a/b', 'latex'],
		['plaintext', 'file:///a/notes.md', 'markdown'],
		['plaintext', 'file:///a/notes.MARKDOWN', 'markdown'],
		['plaintext', 'file:///a/cnn.tex', 'latex'],
		['plaintext', 'file:///a/cnn.ltx?x=1', 'latex'],
		['', '/home/u/cnn.latex', 'latex'],
		['plaintext', 'file:///a.md/notes', undefined],
		['python', 'file:///a/run.py', undefined],
	];
	for (const [id, uri, expected] of cases) {
		test(`reads (${JSON.stringify(id)}, ${uri}) as ${expected}`, () => {
			assert.strictEqual(languageOf(id, uri), expected);
		});
	}
});

suite('scan: scanDocument', () => {
	test('reads a percent sign as a comment in LaTeX only', () => {
		const text = '% $a$\n$b$';
		assert.deepStrictEqual(scanDocument(text, 'latex').regions.map(r => text.slice(r.inner.start, r.inner.end)), ['b']);
		assert.deepStrictEqual(scanDocument(text, 'markdown').regions.map(r => text.slice(r.inner.start, r.inner.end)), ['a', 'b']);
	});
	test('survives NUL bytes and lone surrogates', () => {
		const text = '\u0000$a$\ud800 $$\u0000b$$ \\(';
		for (const language of ['markdown', 'latex'] as const) {
			assert.strictEqual(scanDocument(text, language).regions.length, 2);
		}
	});
});
