/**
 * Worked derivations in the notations real courses use (test/fixtures/notation, described in its
 * README: Ng's z^{[l]} with ŷ beside y, CS229/d2l z^{(l)}, matrix form, a LaTeX align document,
 * plain text, names of the author's own, two network blocks). Each is run through the check
 * harness: every planted mistake is found at its place with its code, and nothing else fires, so
 * every unmarked number is a must-not-fire case; each clean twin is silent and mostly checked.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { check } from './harness';

const dir = path.join(__dirname, '../../fixtures/notation');
const files = readdirSync(dir).filter((f) => /\.(md|tex)$/.test(f) && f !== 'README.md').sort();

suite('check: notation fixtures', () => {
	test('there is a fixture and a clean twin for each notation', () => {
		const twins = files.filter((f) => /-clean\.(md|tex)$/.test(f));
		assert.ok(twins.length >= 7, files.join(', '));
		for (const t of twins) assert.ok(files.includes(t.replace('-clean', '')), `${t} has its mistakes twin`);
	});

	for (const f of files) {
		test(`${f}: ${f.includes('-clean') ? 'silent, and checked' : 'every planted mistake, nothing else'}`, async () => {
			const text = readFileSync(path.join(dir, f), 'utf8');
			const a = await check(text, f.endsWith('.tex') ? 'latex' : 'markdown');
			assert.ok(a.summary.checked >= 10, `${f}: only ${a.summary.checked} chains checked`);
			if (!f.includes('-clean')) assert.ok(a.diagnostics.length >= 3, `${f}: ${a.diagnostics.length} findings`);
			assert.ok(a.segments.length >= 1 && a.segments.every((s) => s.truth), `${f}: its network builds`);
		});
	}
});
