/**
 * derivcheck in a real Emacs through eglot, as README tells a user to set it up: the package's
 * `derivcheck-language-server` bin on PATH, `docs/emacs.el` loaded as an init file, a Markdown
 * fixture opened. Strategy: build, link the bin into a temporary PATH folder, run
 * `emacs --batch` with packages activated as an interactive start-up does (Debian's elpa-eglot and
 * elpa-markdown-mode on Emacs 28), `docs/emacs.el`, then `emacs/probe.el`, and read the JSON the
 * probe writes: what flymake holds and what a `textDocument/hover` on the wrong number answers.
 * Emacs is installed by `npm run setup`; without it the test fails and says so, never skips.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { wrongArithmeticMarkdown } from '../shared/expectations';
import { linkServerBin, runEditor } from './editorProcess';

const root = path.resolve(__dirname, '..', '..');
const probe = path.join(__dirname, 'emacs', 'probe.el');
const init = path.join(root, 'docs', 'emacs.el');

interface ProbeResult {
	readonly emacs: string;
	readonly mode?: string;
	readonly server?: string;
	readonly failure?: string;
	readonly diagnostics?: readonly { line: number; character: number; length: number; type: string; text: string }[];
	readonly hover?: string;
}

suite('Emacs (eglot) with derivcheck-language-server', () => {
	let dir = '';

	suiteSetup(function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-emacs-'));
	});

	suiteTeardown(() => {
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	test('shows the diagnostic on the wrong number and its hover, through flymake', async function () {
		this.timeout(90_000);
		const version = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
		if (version.error) assert.fail(`Emacs is not installed or not on PATH (${version.error.message}): run \`npm run setup\`, which installs Debian's emacs-nox, elpa-eglot and elpa-markdown-mode, then run the tests again.`);
		const bin = linkServerBin(dir);
		const fixture = wrongArithmeticMarkdown;
		fs.copyFileSync(fixture.path, path.join(dir, fixture.name));
		const [wrong] = fixture.diagnostics;
		const out = path.join(dir, 'probe.json');
		fs.rmSync(out, { force: true });
		const env = {
			...process.env,
			HOME: dir,
			PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
			DERIVCHECK_PROBE_FILE: path.join(dir, fixture.name),
			DERIVCHECK_PROBE_OUT: out,
			DERIVCHECK_HOVER_LINE: String(wrong.line),
			DERIVCHECK_HOVER_CHARACTER: String(wrong.character + 1),
		};
		// An interactive Emacs activates installed packages before it reads the init file; --batch does not.
		const run = await runEditor('emacs', ['--batch', '--eval', '(package-activate-all)', '-l', init, '-l', probe], { cwd: dir, env }, 60_000);
		const context = `emacs exited with ${run.code}; its output:\n${run.output}`;
		assert.ok(fs.existsSync(out), `the probe wrote no result. ${context}`);
		const result = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
		assert.strictEqual(result.failure, undefined, `${result.failure ?? ''}. ${context}`);
		assert.strictEqual(result.mode, 'markdown-mode');
		assert.strictEqual(result.server, 'derivcheck');
		assert.deepStrictEqual(
			result.diagnostics?.map((d) => ({ line: d.line, character: d.character, length: d.length, type: d.type })),
			[{ line: wrong.line, character: wrong.character, length: wrong.stated.length, type: 'eglot-error' }],
		);
		for (const s of wrong.messageIncludes) assert.ok(result.diagnostics?.[0].text.includes(s), `the message mentions ${s}: ${result.diagnostics?.[0].text}`);
		assert.ok(result.hover, 'the hover has text');
		for (const s of fixture.hoverIncludes) assert.ok(result.hover.includes(s), `the hover mentions ${s}: ${result.hover}`);
	});

	test('the README shows docs/emacs.el, the config this suite runs', () => {
		const body = fs.readFileSync(init, 'utf8').split('\n').filter((l) => !l.startsWith(';;')).join('\n').trim();
		assert.ok(fs.readFileSync(path.join(root, 'README.md'), 'utf8').includes('```elisp\n' + body + '\n```'), 'README.md holds docs/emacs.el without its comment');
	});
});
