/**
 * `derivcheck --print-network FILE`, on the bundled CLI as a user runs it: a document's own block
 * is printed written back (the same spec), in LaTeX as `% network` lines; a document without one
 * gets the block of the network read from it, and with that block the document checks the same;
 * a document with no network exits 1 with the reason; more than one file or a missing file is bad
 * usage (exit 2). The option's parsing is tested on `parseArgs` itself.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from '../../src/cli/args';
import { parseNetworkBlock } from '../../src/core/engine/block';
import { specDifference } from '../../src/core/engine/specEqual';
import { scanDocument } from '../../src/core/scan/index';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures');

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The spec of the only block in a text. */
function specOf(text: string, language: 'markdown' | 'latex') {
	const blocks = scanDocument(text, language).networks;
	assert.strictEqual(blocks.length, 1, text);
	const { spec, diagnostics } = parseNetworkBlock(blocks[0]);
	assert.deepStrictEqual(diagnostics, []);
	return spec!;
}

/** A document's findings from `--format json`, without their ranges (a block added at the top moves them). */
function findings(file: string, cwd: string): unknown[] {
	const r = run(['--format', 'json', file], cwd);
	const json = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string; stated?: string; expected?: string }[] }[] };
	// The numbers of each message, not its names: on a network read off a document a message names
	// quantities as the document writes them (`z_{11}`), with the block written from it by the engine's labels.
	return json.files[0].diagnostics.map((d) => [d.code, (d.message.match(/-?\d+\.\d+/g) ?? []).join(' '), d.stated, d.expected]);
}

suite('cli: --print-network', () => {
	let dir: string;

	suiteSetup(function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-print-'));
		const fc = fs.readFileSync(path.join(fixtures, 'truth', 'fc-mistakes.md'), 'utf8');
		const [block] = scanDocument(fc, 'markdown').networks;
		fs.writeFileSync(path.join(dir, 'no-block.md'), fc.slice(0, block.outer.start) + fc.slice(block.outer.end));
		fs.writeFileSync(path.join(dir, 'plain.md'), '$$0.3 + 0.4 = 0.7$$\n');
	});

	suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

	test('parses --print-network with one file, and refuses it with none or two', () => {
		assert.deepStrictEqual(parseArgs(['--print-network', 'a.md']), { kind: 'run', options: { format: 'text', files: ['a.md'], printNetwork: true } });
		assert.deepStrictEqual(parseArgs(['a.md', '--print-network']), { kind: 'run', options: { format: 'text', files: ['a.md'], printNetwork: true } });
		assert.deepStrictEqual(parseArgs(['a.md']), { kind: 'run', options: { format: 'text', files: ['a.md'] } });
		// A usage error also carries its message as data (`said`), for the run's language; the English is compared here.
		const english = (p: ReturnType<typeof parseArgs>) => (p.kind === 'error' ? { kind: p.kind, message: p.message } : p);
		assert.deepStrictEqual(english(parseArgs(['--print-network', 'a.md', 'b.md'])), { kind: 'error', message: '--print-network takes exactly one file.' });
		assert.deepStrictEqual(english(parseArgs(['--print-network'])), { kind: 'error', message: 'No files given.' });
	});

	test('prints a document\'s own block, written back as the same network', () => {
		const file = path.join(fixtures, 'truth', 'seed-cnn.md');
		const r = run(['--print-network', file], root);
		assert.strictEqual(r.status, 0, r.stderr);
		assert.strictEqual(r.stderr, '');
		assert.match(r.stdout, /^```network\ninput: \[.*\]\n[^]*\n```\n$/);
		assert.strictEqual(specDifference(specOf(fs.readFileSync(file, 'utf8'), 'markdown'), specOf(r.stdout, 'markdown')), undefined);
	});

	test('prints a LaTeX document\'s block as % network comment lines', () => {
		const file = path.join(fixtures, 'notation', 'align.tex');
		const r = run(['--print-network', file], root);
		assert.strictEqual(r.status, 0, r.stderr);
		assert.match(r.stdout, /^% network\n(% .*\n)+$/);
		assert.strictEqual(specDifference(specOf(fs.readFileSync(file, 'utf8'), 'latex'), specOf(r.stdout, 'latex')), undefined);
	});

	test('prints the network read from a document without a block, and with it the document checks the same', () => {
		const r = run(['--print-network', 'no-block.md'], dir);
		assert.strictEqual(r.status, 0, r.stderr);
		assert.match(r.stdout, /^```network\n/);
		const text = fs.readFileSync(path.join(dir, 'no-block.md'), 'utf8');
		fs.writeFileSync(path.join(dir, 'with-block.md'), `${r.stdout}\n${text}`);
		const without = findings('no-block.md', dir);
		assert.ok(without.length > 0, 'the fixture has findings to compare');
		assert.deepStrictEqual(findings('with-block.md', dir), without);
	});

	test('exits 1 with the reason when the document has no network', () => {
		const r = run(['--print-network', 'plain.md'], dir);
		assert.strictEqual(r.status, 1);
		assert.strictEqual(r.stdout, '');
		assert.match(r.stderr, /^derivcheck: plain\.md has no network: The document declares no network block, and none could be read from it: .+\.\n$/);
		const zh = run(['--lang', 'zh-cn', '--print-network', 'plain.md'], dir);
		assert.strictEqual(zh.status, 1);
		assert.match(zh.stderr, /^derivcheck：plain\.md 没有网络：此文档没有声明网络块，也无法从中读出网络：/);
	});

	test('exits 2 on a missing file or a folder of several files', () => {
		const missing = run(['--print-network', 'nope.md'], dir);
		assert.strictEqual(missing.status, 2);
		assert.strictEqual(missing.stdout, '');
		const folder = run(['--print-network', '.'], dir);
		assert.strictEqual(folder.status, 2);
		assert.match(folder.stderr, /--print-network takes one file, but \. stands for \d+/);
	});
});
