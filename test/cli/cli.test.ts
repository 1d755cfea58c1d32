/**
 * The bundled CLI (`dist/cli.js`, built in `suiteSetup`) as a user runs it, on temporary files:
 * exit statuses 0, 1 and 2, the JSON and SARIF shapes over the real core, folders and globs with
 * `.gitignore` and `node_modules` skipped, a stray NUL byte checked as text, a binary file reported,
 * an unreadable file said in words, `--help` and `--version`, and what `npm pack` ships.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { wrongArithmeticMarkdown } from '../shared/expectations';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

suite('cli', () => {
	let dir: string;

	suiteSetup(function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-cli-'));
		fs.writeFileSync(path.join(dir, 'clean.md'), '$$0.5 \\times 0.349 \\times 0.034 = 0.006$$\n');
		fs.writeFileSync(path.join(dir, 'clean.tex'), '\\[ 0.1 + 0.25 = 0.35 \\]\n');
		fs.copyFileSync(wrongArithmeticMarkdown.path, path.join(dir, 'wrong.md'));
		fs.writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
	});

	suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

	test('exits 0 on clean files and prints the summary', () => {
		const r = run(['clean.md', 'clean.tex'], dir);
		assert.strictEqual(r.status, 0, r.stderr);
		assert.match(r.stdout, /^2 files · \d+ checked · 0 wrong · 0 unchecked\n$/);
	});

	test('exits 1 and prints path:line:col for a wrong result', () => {
		const r = run(['wrong.md'], dir);
		const want = wrongArithmeticMarkdown.diagnostics[0];
		assert.strictEqual(r.status, 1, r.stderr);
		assert.ok(r.stdout.startsWith(`wrong.md:${want.line + 1}:${want.character + 1}: error arithmetic: `), r.stdout);
	});

	test('writes the JSON contract', () => {
		const r = run(['--format', 'json', 'wrong.md', 'clean.md'], dir);
		assert.strictEqual(r.status, 1, r.stderr);
		const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: Record<string, unknown>[] }[]; summary: Record<string, unknown> };
		assert.deepStrictEqual(json.files.map((f) => f.path), ['wrong.md', 'clean.md']);
		const want = wrongArithmeticMarkdown.diagnostics[0];
		const d = json.files[0].diagnostics[0];
		assert.deepStrictEqual(Object.keys(d).sort(), ['code', 'expected', 'message', 'range', 'severity', 'stated']);
		assert.deepStrictEqual([d.code, d.severity, d.stated, d.expected], [want.code, want.severity, want.stated, want.expected]);
		assert.deepStrictEqual(d.range, { start: { line: want.line, character: want.character }, end: { line: want.line, character: want.character + want.stated.length } });
		assert.deepStrictEqual(json.files[1].diagnostics, []);
		assert.strictEqual(json.summary.wrong, 1);
	});

	test('carries the true value and the origin of an inherited error in JSON, on the bundled example', () => {
		const example = path.join(root, 'examples', 'cnn-1d-mistakes.md');
		const r = run(['--format', 'json', example], dir);
		assert.strictEqual(r.status, 1, r.stderr);
		type D = { code: string; stated?: string; expected?: string; origin?: { start: { line: number } } };
		const ds = (JSON.parse(r.stdout) as { files: { diagnostics: D[] }[] }).files[0].diagnostics;
		const origin = ds.find((d) => d.code === 'arithmetic' && d.stated === '0.813');
		assert.ok(origin, 'the mis-divided softmax is reported');
		const hint = ds.find((d) => d.code === 'inherited' && d.stated === '-0.187');
		assert.ok(hint, 'coef_{o1} = -0.187 carries it');
		assert.strictEqual(hint.expected, '-0.177');
		assert.strictEqual(hint.origin?.start.line, 122);
	});

	test('lists unchecked names in the text summary', () => {
		fs.writeFileSync(path.join(dir, 'names.md'), '$$g = coef_{o9} \\cdot 2 = 0.5 \\cdot 2 = 1$$\n');
		const r = run(['names.md'], dir);
		assert.strictEqual(r.status, 0, r.stderr);
		assert.match(r.stdout, /coef_\{o9\}/);
	});

	test('writes SARIF 2.1.0', () => {
		const r = run(['--format=sarif', 'wrong.md'], dir);
		assert.strictEqual(r.status, 1, r.stderr);
		const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
		assert.strictEqual(sarif.version, '2.1.0');
		assert.strictEqual(sarif.runs[0].tool.driver.name, 'derivcheck');
		assert.deepStrictEqual(sarif.runs[0].results.map((x) => [x.ruleId, x.locations[0].physicalLocation.region.startLine]), [['arithmetic', wrongArithmeticMarkdown.diagnostics[0].line + 1]]);
	});

	test('reports a binary file it cannot check and exits 2, still checking the others', () => {
		const r = run(['image.md', 'clean.md'], dir);
		assert.strictEqual(r.status, 2, r.stderr);
		assert.strictEqual(r.stderr, 'derivcheck: cannot check image.md: a binary file (not UTF-8 text).\n');
		assert.match(r.stdout, /^1 file · /);
	});

	test('checks a document with a stray NUL byte as text, and finds its wrong number', () => {
		const text = fs.readFileSync(wrongArithmeticMarkdown.path, 'utf8');
		const nl = text.indexOf('\n');
		// The NUL goes at the end of the first line, so the wrong number keeps its line and column.
		fs.writeFileSync(path.join(dir, 'nul.md'), `${text.slice(0, nl)}\u0000${text.slice(nl)}`);
		const r = run(['nul.md'], dir);
		const want = wrongArithmeticMarkdown.diagnostics[0];
		assert.strictEqual(r.status, 1, r.stderr);
		assert.strictEqual(r.stderr, '');
		assert.ok(r.stdout.startsWith(`nul.md:${want.line + 1}:${want.character + 1}: error arithmetic: `), r.stdout);
	});

	test('exits 2 on an unreadable file, says why in words, and still checks the others', () => {
		const r = run(['missing.md', 'wrong.md'], dir);
		assert.strictEqual(r.status, 2);
		assert.strictEqual(r.stderr, 'derivcheck: cannot read missing.md: no such file.\n');
		assert.match(r.stdout, /wrong\.md:/);
	});

	test('checks a folder and a glob as markdownlint-cli2 does, skipping node_modules and what .gitignore ignores', () => {
		const repo = path.join(dir, 'repo');
		const write = (rel: string, text: string): void => {
			fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
			fs.writeFileSync(path.join(repo, rel), text);
		};
		write('.gitignore', 'build/\n');
		write('notes/clean.md', '$$0.1 + 0.25 = 0.35$$\n');
		write('notes/ch2/wrong.tex', '\\[ 0.1 + 0.2 = 0.4 \\]\n');
		write('notes/figure.png', '\u0089PNG');
		write('node_modules/pkg/README.md', '$$1 + 1 = 3$$\n');
		write('build/copy.md', '$$1 + 1 = 3$$\n');
		const folder = run(['notes/'], repo);
		assert.strictEqual(folder.status, 1, folder.stderr);
		assert.deepStrictEqual(folder.stdout.split('\n').filter((l) => l.includes(': error ')).map((l) => l.split(':')[0]), ['notes/ch2/wrong.tex']);
		assert.match(folder.stdout, /^2 files · /m);
		const glob = run(['**/*.md'], repo);
		assert.strictEqual(glob.status, 0, glob.stderr + glob.stdout);
		assert.match(glob.stdout, /^1 file · 1 checked · 0 wrong/m);
		const named = run(['build/copy.md'], repo);
		assert.strictEqual(named.status, 1, 'a file named on the command line is checked even when git-ignored');
		const none = run(['docs/**/*.md'], repo);
		assert.strictEqual(none.status, 2);
		assert.strictEqual(none.stderr, 'derivcheck: no file matches docs/**/*.md.\n');
	});

	test('honours suppression comments in Markdown and LaTeX, still reporting what they do not cover, and counts them', () => {
		fs.writeFileSync(path.join(dir, 'suppressed.md'), '<!-- derivcheck-disable-next-line arithmetic -->\n$$1 + 1 = 3$$\n\n$$1 + 2 = 4$$\n');
		fs.writeFileSync(path.join(dir, 'suppressed.tex'), '% derivcheck-disable-next-line\n\\[ 1 + 1 = 3 \\]\n% derivcheck-disable-next-line nonsense\n\\[ 1 + 2 = 4 \\]\n');
		const r = run(['suppressed.md', 'suppressed.tex'], dir);
		assert.strictEqual(r.status, 1, r.stderr);
		const lines = r.stdout.trimEnd().split('\n');
		assert.deepStrictEqual(lines.slice(0, -1).map((l) => l.replace(/: error arithmetic: .*/, '')), ['suppressed.md:4:11', 'suppressed.tex:4:12']);
		assert.match(lines[lines.length - 1], /^2 files · 4 checked · 2 wrong · 0 unchecked · 2 suppressed$/);
		const json = JSON.parse(run(['--format', 'json', 'suppressed.md'], dir).stdout) as { summary: { suppressed: number; errors: number } };
		assert.deepStrictEqual([json.summary.suppressed, json.summary.errors], [1, 1]);
		fs.writeFileSync(path.join(dir, 'all-suppressed.md'), '<!-- derivcheck-disable -->\n$$1 + 1 = 3$$\n');
		assert.strictEqual(run(['all-suppressed.md'], dir).status, 0);
	});

	test('reads the nearest configuration file above each file, its options over the file', () => {
		const project = path.join(dir, 'configured');
		fs.mkdirSync(path.join(project, 'loose', 'deeper'), { recursive: true });
		fs.mkdirSync(path.join(project, 'plain'), { recursive: true });
		// Under `digits` the one-digit inputs are exact and 0.3 + 0.4 = 0.8 is wrong; under `loose` it may hold.
		const sum = '$$0.3 + 0.4 = 0.8$$\n';
		fs.writeFileSync(path.join(project, 'loose', '.derivcheck.yaml'), '# notes\ntolerance: loose\nenable:\n  latex: false\n');
		fs.writeFileSync(path.join(project, 'loose', 'deeper', 'a.md'), sum);
		fs.writeFileSync(path.join(project, 'loose', 'deeper', 'b.tex'), '\\[ 1 + 1 = 3 \\]\n');
		fs.writeFileSync(path.join(project, 'plain', 'a.md'), sum);
		const configured = run(['configured/loose'], dir);
		assert.strictEqual(configured.status, 0, configured.stdout + configured.stderr);
		const plain = run(['configured/plain/a.md'], dir);
		assert.strictEqual(plain.status, 1, plain.stdout);
		const overridden = run(['--tolerance', 'digits', 'configured/loose/deeper/a.md'], dir);
		assert.strictEqual(overridden.status, 1, overridden.stdout);
		fs.writeFileSync(path.join(project, 'plain', '.derivcheck.jsonc'), '{\n  // quiet\n  "severity": { "arithmetic": "off" },\n}\n');
		assert.strictEqual(run(['configured/plain/a.md'], dir).status, 0);
	});

	test('stops with exit 2 on a configuration file with a mistake, saying what it is, and checks the other files', () => {
		const bad = path.join(dir, 'badconfig');
		fs.mkdirSync(bad, { recursive: true });
		fs.writeFileSync(path.join(bad, '.derivcheck.json'), '{ "tolerance": "exact" }\n');
		fs.writeFileSync(path.join(bad, 'a.md'), '$$1 + 1 = 2$$\n');
		const r = run(['badconfig/a.md', 'clean.md'], dir);
		assert.strictEqual(r.status, 2);
		assert.strictEqual(r.stderr, `derivcheck: cannot use the configuration file ${path.join('badconfig', '.derivcheck.json')}: "tolerance" must be one of digits, strict, loose, not "exact".\n`);
		assert.match(r.stdout, /^1 file · /);
		fs.writeFileSync(path.join(bad, '.derivcheck.json'), '{ "tolerance": "loose" ');
		assert.match(run(['badconfig/a.md'], dir).stderr, /is not valid JSON at line 1, column 24: CloseBraceExpected\.\n$/);
	});

	test('exits 2 on bad usage with the usage on stderr', () => {
		for (const args of [[], ['--format', 'xml', 'clean.md'], ['--nope', 'clean.md']]) {
			const r = run(args, dir);
			assert.strictEqual(r.status, 2, args.join(' '));
			assert.match(r.stderr, /Usage: derivcheck/);
			assert.strictEqual(r.stdout, '');
		}
	});

	test('npm pack ships the bundles and the documents, not the sources or the tests', () => {
		const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
		assert.strictEqual(r.status, 0, r.stderr);
		const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
		for (const f of ['dist/cli.js', 'dist/server.js', 'package.json', 'README.md', 'LICENSE']) assert.ok(files.includes(f), `${f} is shipped`);
		assert.deepStrictEqual(files.filter((f) => /^(src|test|scripts|bench|examples|\.ci)\/|\.map$|\.ts$|^media\/screenshots\//.test(f)), []);
	});

	test('prints help and the version', () => {
		const help = run(['--help'], dir);
		assert.strictEqual(help.status, 0);
		assert.match(help.stdout, /--format text\|json\|sarif/);
		const version = run(['--version'], dir);
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
		assert.strictEqual(version.stdout.trim(), pkg.version);
	});
});
