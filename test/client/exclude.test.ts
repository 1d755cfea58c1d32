/**
 * The exclude glob of Check Workspace (src/client/exclude.ts), which must stay one flat `{…}`
 * group because VS Code's globs cannot nest groups: the folders always skipped, the patterns
 * `files.exclude` turns on (their own groups expanded), and nothing from rules that are off or
 * conditional. The watcher's use of it is checked in a real VS Code by the e2e suite.
 */
import * as assert from 'assert';
import { alwaysExcluded, excludeGlob, expandBraces } from '../../src/client/exclude';

suite('workspace check exclude', () => {
	test('expands each group of a glob, one level as VS Code writes them', () => {
		assert.deepStrictEqual(expandBraces('**/*.{js,map}'), ['**/*.js', '**/*.map']);
		assert.deepStrictEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
		assert.deepStrictEqual(expandBraces('**/drafts'), ['**/drafts']);
		assert.deepStrictEqual(expandBraces('odd{'), ['odd{']);
	});

	test('adds the patterns files.exclude turns on to the folders always skipped, as one flat group', () => {
		const glob = excludeGlob({ '**/drafts': true, '**/*.{bak,old}': true, '**/keep': false, '**/*.js': { when: '$(basename).ts' } });
		assert.strictEqual(glob, `{${[...alwaysExcluded, '**/drafts', '**/drafts/**', '**/*.bak', '**/*.bak/**', '**/*.old', '**/*.old/**'].join(',')}}`);
		assert.strictEqual(glob.slice(1, -1).includes('{'), false);
	});

	test('is the folders always skipped when files.exclude is missing or not an object', () => {
		for (const value of [undefined, null, 'x', 3]) assert.strictEqual(excludeGlob(value), `{${alwaysExcluded.join(',')}}`);
	});
});
