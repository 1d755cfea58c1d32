/**
 * The CLI and a document without a network block: by default the network is read off the document
 * and its truth findings are reported, with a line saying so; `--no-infer` turns that off, leaving
 * the arithmetic and substitution checks; a document whose network cannot be read gets the reason.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parseArgs } from '../../src/cli/args';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'infer', 'fc-mistakes.md');

const main = path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.ts');

/** Runs the CLI from its source, as a user would run the bundle. */
async function cli(args: string[]): Promise<{ status: number | null; out: string }> {
	const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', main, ...args], { encoding: 'utf8', cwd: path.dirname(fixture) });
	return { status: r.status, out: r.stdout };
}

suite('CLI: the network read from the document', function () {
	this.timeout(30_000);

	test('parses --no-infer anywhere among the files', () => {
		assert.deepStrictEqual(parseArgs(['a.md', '--no-infer']), { kind: 'run', options: { format: 'text', noInfer: true, files: ['a.md'] } });
		assert.deepStrictEqual(parseArgs(['a.md']), { kind: 'run', options: { format: 'text', files: ['a.md'] } });
	});

	test('reads the network, reports its truth findings and says where the network came from', async () => {
		const { status, out } = await cli([fixture]);
		assert.strictEqual(status, 1);
		assert.match(out, /fc-mistakes\.md: network read from the document\n/);
		assert.match(out, /warning formula: /);
		assert.match(out, /hint inherited: /);
	});

	test('--no-infer leaves only the arithmetic and substitution checks, and says nothing of a network', async () => {
		const { out } = await cli([fixture, '--no-infer']);
		assert.doesNotMatch(out, / (formula|inherited|value): /);
		assert.doesNotMatch(out, /network/);
		assert.match(out, /warning substitution: /);
	});

	test('gives the reason when the structure cannot be read', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-infer-'));
		try {
			const file = path.join(dir, 'one-unit.md');
			fs.writeFileSync(file, '$w = 0.5$, $x = 0.2$, $b = 0.1$, $t = 1$.\n\n$$z = w x + b = 0.5 \\times 0.2 + 0.1 = 0.2$$\n\n$$a = \\sigma(z) = 0.550$$\n\n$$E = \\frac{1}{2} (t - a)^2 = 0.101$$\n');
			const { out } = await cli([file]);
			assert.match(out, /one-unit\.md: no network: with one unit in the first layer \(z\), its weights cannot be told from its inputs\n/);
			const zh = await cli([file, '--lang', 'zh-cn']);
			assert.match(zh.out, /one-unit\.md：没有网络：第一层只有一个单元（z），分不清哪些是权重、哪些是输入\n/);
			assert.doesNotMatch(zh.out, /with one unit/);
			const json = JSON.parse((await cli([file, '--lang', 'zh-cn', '--format', 'json'])).out) as { files: { network?: { reason?: string } }[] };
			assert.match(json.files[0].network?.reason ?? '', /^第一层只有一个单元/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test('says nothing of a network for a document that writes no weighted sum', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-infer-'));
		try {
			const file = path.join(dir, 'sum.md');
			fs.writeFileSync(file, '$$0.3 + 0.4 = 0.7$$\n');
			const { out } = await cli([file]);
			assert.doesNotMatch(out, /network/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
