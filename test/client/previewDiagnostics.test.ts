/**
 * What the preview marks, read from the editor's diagnostics: only derivcheck's, with the
 * severity named and the code as a string; the document from the markdown engine's `env`; and
 * the contributions in package.json that make VS Code load the plugin and its stylesheet.
 */
import * as assert from 'assert';
import { existsSync } from 'fs';
import { join } from 'path';
import { currentDocument, previewDiagnostics } from '../../src/client/previewDiagnostics';
import * as manifest from '../../package.json';

const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } };

suite('preview diagnostics', () => {
	test('keeps derivcheck diagnostics only, with named severities', () => {
		assert.deepStrictEqual(previewDiagnostics([
			{ range, severity: 0, message: 'wrong', source: 'derivcheck', code: 'arithmetic' },
			{ range, severity: 3, message: 'carried', source: 'derivcheck', code: { value: 'inherited' } },
			{ range, severity: 1, message: 'spelling', source: 'cSpell', code: 'x' },
		]), [
			{ start: range.start, end: range.end, severity: 'error', code: 'arithmetic', message: 'wrong' },
			{ start: range.start, end: range.end, severity: 'hint', code: 'inherited', message: 'carried' },
		]);
	});

	test('reads the current document from the environment', () => {
		assert.strictEqual(currentDocument({ currentDocument: { toString: () => 'file:///a.md' } }), 'file:///a.md');
		assert.strictEqual(currentDocument(undefined), undefined);
		assert.strictEqual(currentDocument({}), undefined);
	});

	test('contributes the markdown-it plugin and the marks stylesheet', () => {
		const contributes = manifest.contributes as Record<string, unknown>;
		assert.strictEqual(contributes['markdown.markdownItPlugins'], true);
		const styles = contributes['markdown.previewStyles'] as string[];
		for (const s of styles) assert.ok(existsSync(join(__dirname, '../..', s)), s);
	});
});
