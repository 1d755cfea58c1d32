/**
 * The server's one place where offsets become positions: the cached line index follows the
 * document's text, not its version number.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { forgetLineIndex, lineIndexOf } from '../../src/server/convert';

suite('server conversions', () => {
	test('a reused version number with a new text gets a new line index', () => {
		const uri = 'file:///reused.md';
		const before = TextDocument.create(uri, 'markdown', 7, 'one line\n$$1 + 1 = 3$$');
		assert.deepStrictEqual(lineIndexOf(before).positionAt(before.getText().indexOf('3$$')), { line: 1, character: 10 });
		const after = TextDocument.create(uri, 'markdown', 7, 'a\nb\nc\n$$1 + 1 = 3$$');
		assert.deepStrictEqual(lineIndexOf(after).positionAt(after.getText().indexOf('3$$')), { line: 3, character: 10 });
		forgetLineIndex(uri);
	});
});
