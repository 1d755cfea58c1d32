/**
 * The OCR'd seed notes, checked whole: no exception, and exactly the diagnostics a person
 * verified line by line (test/fixtures/seeds/README.md says how). A new diagnostic here is either a
 * false alarm or a real finding to verify and add; a missing one is a lost finding.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from './harness';

const dir = path.join(__dirname, '../../fixtures/seeds');
const expected = JSON.parse(readFileSync(path.join(dir, 'expected-diagnostics.json'), 'utf8')) as Record<string, string[]>;

suite('check: the seed notes', () => {
	for (const file of Object.keys(expected)) {
		test(`${file} gives exactly the hand-verified diagnostics`, async () => {
			const a = await analyze(readFileSync(path.join(dir, file), 'utf8'));
			const actual = a.diagnostics.map((d) => `${a.lines.positionAt(d.span.start).line + 1} ${d.code} ${d.stated}`);
			assert.deepStrictEqual(actual, expected[file]);
			assert.ok(a.summary.checked > 20, 'most of the notes are checked');
		});
	}
});
