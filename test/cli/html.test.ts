/**
 * `--format html` from the CLI's side: the option parses, KaTeX's stylesheet comes with its fonts
 * embedded and within the size the report promises, and the bundled CLI prints one standalone
 * page whose marks carry the checked file's codes and lines and which fetches nothing.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';
import { parseArgs } from '../../src/cli/args';
import { katexCss } from '../../src/cli/katexAssets';

const root = path.resolve(__dirname, '..', '..');

suite('cli html format', () => {
	test('parses --format html', () => {
		assert.deepStrictEqual(parseArgs(['--format=html', 'a.md']), { kind: 'run', options: { format: 'html', files: ['a.md'] } });
	});

	test('embeds the KaTeX fonts as WOFF2 data URIs, under 1.5 MB in all', () => {
		const css = katexCss();
		assert.ok(css);
		assert.ok(css.length < 1_500_000, `${css.length} characters`);
		assert.doesNotMatch(css, /url\(fonts\//);
		assert.ok((css.match(/data:font\/woff2;base64,/g) ?? []).length >= 20);
	});

	test('prints one standalone page with the marks of the checked file', function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
		const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--format', 'html', 'test/fixtures/docs/wrong-arithmetic.md'], { cwd: root, encoding: 'utf8' });
		assert.strictEqual(r.status, 1);
		assert.match(r.stdout, /^<!DOCTYPE html>/);
		assert.match(r.stdout, /<mark id="dc-0-0" class="dc-error" data-code="arithmetic" data-line="\d+" title="[^"]+">/);
		assert.match(r.stdout, /Content-Security-Policy" content="default-src 'none'/);
		assert.doesNotMatch(r.stdout, /(?:src|href)="https?:/);
	});
});
