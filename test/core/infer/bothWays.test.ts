/**
 * DESIGN 2.6's promise, fixture by fixture: every document in the repository that declares a
 * network block is checked twice, as written and with its blocks blanked out, and the network read
 * off the document must give exactly the same diagnostics (code, place, severity, numbers) as the
 * declared one. The documents whose network cannot be read yet are listed with the reason the
 * reader gives, and the test asserts that it declines with that reason: no network, never a guess.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { scanDocument } from '../../../src/core/scan/index';
import { bothWays, languageOf, shown } from './bothWays';

const root = path.join(__dirname, '../../..');

/** Documents the reader declines, and why (each is asserted). */
const declined: Record<string, RegExp> = {
	'test/fixtures/notation/two-blocks.md': /net_\{h1\} is stated as 0\.45 and as 0\.438: the document works through more than one network or pass/,
	'test/fixtures/notation/two-blocks-clean.md': /net_\{h1\} is stated as 0\.45 and as 0\.438: the document works through more than one network or pass/,
	// The document writes one unit of the second convolution and the dense layer, none of the layers before or between.
	'test/fixtures/truth/ambiguous.md': /the formulas for \\bar\{in\}_\{C1\} and \\bar\{in\}_\{o1\} read nothing in common and neither reads what the other computes: the forward formulas of the layers between them are missing/,
	'test/fixtures/scan/mixed.tex': /the document writes no weighted sum/,
	'test/fixtures/e2e-workspace/network.md': /the document writes no weighted sum/,
};

function documents(dir: string): string[] {
	const out: string[] = [];
	for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
		const rel = `${dir}/${e.name}`;
		if (e.isDirectory()) out.push(...documents(rel));
		else if (/\.(md|tex)$/.test(e.name) && e.name !== 'README.md') out.push(rel);
	}
	return out;
}

const withBlock = [...documents('test/fixtures'), ...documents('examples')]
	.filter((f) => scanDocument(readFileSync(path.join(root, f), 'utf8'), languageOf(f)).networks.length > 0)
	.sort();

suite('a network read off the document checks as its block does', function () {
	this.timeout(60_000);

	test('finds the documents with a network block, the declined ones among them', () => {
		assert.ok(withBlock.length >= 20, `only ${withBlock.length} documents with a block`);
		for (const f of Object.keys(declined)) assert.ok(withBlock.includes(f), `${f} is listed as declined but has no block`);
	});

	for (const f of withBlock) {
		const reason = declined[f];
		test(reason ? `declines ${f}, with its reason` : `reads ${f} and reports the same diagnostics as its block`, async () => {
			const { declared, read } = await bothWays(path.join(root, f));
			assert.strictEqual(declared.inferred, undefined, 'a document with a block reads no network');
			if (reason) {
				assert.strictEqual(read.inferred?.kind, 'none');
				assert.match(read.inferred.reason, reason);
				assert.strictEqual(read.segments.some((s) => s.truth), false);
				return;
			}
			assert.strictEqual(read.inferred?.kind, 'read', read.inferred?.kind === 'none' ? read.inferred.reason : '');
			assert.deepStrictEqual(shown(read), shown(declared));
		});
	}
});
