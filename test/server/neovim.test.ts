/**
 * derivcheck in a real Neovim, as its README tells a user to set it up: the package's
 * `derivcheck-language-server` bin on PATH, `docs/neovim.lua` as the init file, a Markdown
 * fixture opened headless. Strategy: build, link the bin named in package.json into a temporary
 * PATH folder, start `nvim --headless -u docs/neovim.lua` on a copy of the fixture with
 * `probe.lua` run after it, and read the JSON the probe writes: what `vim.diagnostic.get()` holds
 * and what a `textDocument/hover` on the wrong number answers. Neovim is installed by
 * `npm run setup` (Debian's `neovim`, 0.7); without it the test fails and says so, never skips.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { wrongArithmeticMarkdown } from '../shared/expectations';
import { linkServerBin, runEditor } from './editorProcess';

const root = path.resolve(__dirname, '..', '..');
const probe = path.join(__dirname, 'neovim', 'probe.lua');
const init = path.join(root, 'docs', 'neovim.lua');
const binName = 'derivcheck-language-server';

interface ProbeResult {
	readonly version: string;
	readonly filetype: string;
	readonly client?: string;
	readonly failure?: string;
	readonly diagnostics?: readonly { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; code?: string; source?: string; message: string }[];
	readonly hover?: string;
}

/** Neovim's version as `[major, minor]`, or a failure that says how to install it. */
function neovimVersion(): [number, number] {
	const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
	if (r.error) assert.fail(`Neovim (nvim) is not installed or not on PATH (${r.error.message}): run \`npm run setup\`, which installs Debian's neovim, then run the tests again.`);
	const m = /NVIM v(\d+)\.(\d+)/.exec(r.stdout);
	assert.ok(m, `nvim --version printed no version: ${r.stdout}${r.stderr}`);
	return [Number(m[1]), Number(m[2])];
}

suite('Neovim with derivcheck-language-server', () => {
	let dir = '';

	suiteSetup(function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-nvim-'));
	});

	suiteTeardown(() => {
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	test('the language server bin is a shipped, executable script that opens with a shebang', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
		const target = path.normalize(pkg.bin[binName] ?? '');
		assert.strictEqual(target, path.normalize('dist/server.js'));
		assert.ok(pkg.files.includes('dist/server.js'), 'dist/server.js is in package.json files');
		const file = path.join(root, target);
		assert.match(fs.readFileSync(file, 'utf8').slice(0, 64), /^#!\/usr\/bin\/env node\n/);
		assert.ok((fs.statSync(file).mode & 0o111) !== 0, `${target} is executable`);
	});

	test('shows the diagnostic on the wrong number and its hover, through vim.diagnostic.get()', async function () {
		this.timeout(90_000);
		const [major, minor] = neovimVersion();
		assert.ok(major > 0 || minor >= 7, `Neovim ${major}.${minor} is too old: docs/neovim.lua needs 0.7 or later`);
		const bin = linkServerBin(dir);
		const fixture = wrongArithmeticMarkdown;
		fs.copyFileSync(fixture.path, path.join(dir, fixture.name));
		const [wrong] = fixture.diagnostics;
		const out = path.join(dir, 'probe.json');
		fs.rmSync(out, { force: true });
		const xdg = (name: string) => path.join(dir, 'xdg', name);
		const env = {
			...process.env,
			PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
			XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_STATE_HOME: xdg('state'), XDG_CACHE_HOME: xdg('cache'),
			DERIVCHECK_PROBE_OUT: out,
			DERIVCHECK_HOVER_LINE: String(wrong.line),
			DERIVCHECK_HOVER_CHARACTER: String(wrong.character + 1),
		};
		const run = await runEditor('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${probe}`, fixture.name], { cwd: dir, env }, 60_000);
		const logs = ['cache', 'state'].map((d) => path.join(xdg(d), 'nvim', 'lsp.log')).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));
		const context = `nvim exited with ${run.code}; its output:\n${run.output}\nlsp.log:\n${logs.join('\n')}`;
		assert.ok(fs.existsSync(out), `the probe wrote no result. ${context}`);
		const result = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
		assert.strictEqual(result.failure, undefined, `${result.failure ?? ''}. ${context}`);
		assert.strictEqual(result.filetype, 'markdown');
		assert.strictEqual(result.client, 'derivcheck');
		const error = 1; // vim.diagnostic.severity.ERROR
		assert.deepStrictEqual(
			result.diagnostics?.map((d) => ({ lnum: d.lnum, col: d.col, end_lnum: d.end_lnum, end_col: d.end_col, severity: d.severity, code: d.code, source: d.source })),
			[{ lnum: wrong.line, col: wrong.character, end_lnum: wrong.line, end_col: wrong.character + wrong.stated.length, severity: error, code: wrong.code, source: 'derivcheck' }],
		);
		for (const s of wrong.messageIncludes) assert.ok(result.diagnostics?.[0].message.includes(s), `the message mentions ${s}: ${result.diagnostics?.[0].message}`);
		assert.ok(result.hover, 'the hover has text');
		for (const s of fixture.hoverIncludes) assert.ok(result.hover.includes(s), `the hover mentions ${s}: ${result.hover}`);
	});

	test('the README shows docs/neovim.lua, the config this suite runs', () => {
		const body = fs.readFileSync(init, 'utf8').split('\n').filter((l) => !l.startsWith('--')).join('\n').trim();
		assert.ok(fs.readFileSync(path.join(root, 'README.md'), 'utf8').includes('```lua\n' + body + '\n```'), 'README.md holds docs/neovim.lua without its comment');
	});
});
