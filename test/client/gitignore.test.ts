/**
 * The `.gitignore` rules of Check Workspace (src/client/gitignore.ts): each file applies below its
 * own folder, with git's syntax (folders, globs, negation), and a path is left out when any of
 * them ignores it. The e2e suite checks the same in a real VS Code.
 */
import * as assert from 'assert';
import { GitIgnores } from '../../src/client/gitignore';

suite('workspace check .gitignore', () => {
	const rules = new GitIgnores(new Map([
		['', 'drafts/\n*.bak.md\n!keep.bak.md\n'],
		['notes', '/scratch.md\n'],
	]));

	test('leaves out what a .gitignore above a file ignores, with git syntax', () => {
		for (const p of ['drafts/a.md', 'drafts/deep/b.tex', 'x.bak.md', 'notes/y.bak.md', 'notes/scratch.md']) assert.ok(rules.ignores(p), p);
	});

	test('keeps what no .gitignore ignores, and a rule of one folder does not reach another', () => {
		for (const p of ['a.md', 'keep.bak.md', 'scratch.md', 'other/scratch.md', 'notes/sub/scratch.md', 'drafts.md']) assert.ok(!rules.ignores(p), p);
	});
});
