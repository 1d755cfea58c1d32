/**
 * The CI configurations the README hands out are files, read here so docs and tests cannot drift:
 * `.pre-commit-hooks.yaml` must parse, name a bin the package ships and select exactly the files
 * the CLI checks; `docs/github-actions.yml` must hold checkout, setup-node, a derivcheck step
 * and the SARIF upload of the file that step writes, and the README must show it verbatim.
 * Strategy: run each configuration's derivcheck command with the bundled CLI on a copy of the
 * shared fixture, and hold the SARIF it writes to the structure GitHub's code scanning requires.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { checkedExtensions } from '../../src/cli/expand';
import { wrongArithmeticMarkdown } from '../shared/expectations';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const positive = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;

/**
 * What stops GitHub's code scanning from taking a SARIF log, as sentences (none when it is fine):
 * version 2.1.0 and a `$schema`; per run a tool driver with a name and rules with ids; per result
 * a `ruleId` among the rules, a level, `message.text`, and locations with a relative
 * `artifactLocation.uri` and a `region` whose lines and columns are 1-based.
 */
function sarifProblems(log: unknown): string[] {
	const problems: string[] = [];
	const need = (ok: boolean, what: string) => void (ok || problems.push(what));
	if (!isObject(log)) return ['the log is not an object'];
	need(log.version === '2.1.0', 'version is 2.1.0');
	need(typeof log.$schema === 'string' && /sarif-2\.1\.0/.test(log.$schema), '$schema names SARIF 2.1.0');
	need(list(log.runs).length > 0, 'runs is a non-empty array');
	for (const run of list(log.runs)) {
		const driver = isObject(run) && isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : {};
		need(typeof driver.name === 'string' && driver.name !== '', 'runs[].tool.driver.name is set');
		const ids = list(driver.rules).map((r) => (isObject(r) ? r.id : undefined));
		need(ids.length > 0 && ids.every((id) => typeof id === 'string' && id !== ''), 'runs[].tool.driver.rules have ids');
		const results = isObject(run) ? run.results : undefined;
		need(Array.isArray(results), 'runs[].results is an array');
		for (const [i, result] of list(results).entries()) {
			const r = isObject(result) ? result : {};
			const at = `results[${i}]`;
			need(typeof r.ruleId === 'string' && ids.includes(r.ruleId), `${at}.ruleId is one of the rules`);
			need(r.ruleIndex === undefined || ids[r.ruleIndex as number] === r.ruleId, `${at}.ruleIndex points at its rule`);
			need(['none', 'note', 'warning', 'error'].includes(r.level as string), `${at}.level is none, note, warning or error`);
			need(isObject(r.message) && typeof r.message.text === 'string' && r.message.text !== '', `${at}.message.text is set`);
			const locations = list(r.locations);
			need(locations.length >= 1 && locations.length <= 10, `${at}.locations has 1 to 10 entries`);
			for (const location of locations) {
				const physical = isObject(location) && isObject(location.physicalLocation) ? location.physicalLocation : {};
				const uri = isObject(physical.artifactLocation) ? physical.artifactLocation.uri : undefined;
				need(typeof uri === 'string' && uri !== '' && !/^[a-z]+:|^\//i.test(uri), `${at} artifactLocation.uri is a relative URI`);
				const region = isObject(physical.region) ? physical.region : {};
				need(positive(region.startLine), `${at} region.startLine is 1-based`);
				for (const k of ['startColumn', 'endLine', 'endColumn']) need(region[k] === undefined || positive(region[k]), `${at} region.${k} is 1-based`);
				need(region.endLine === undefined || (region.endLine as number) >= (region.startLine as number), `${at} region ends after it starts`);
			}
		}
	}
	return problems;
}

/** Runs the bundled CLI as the bin `name` would run, in `cwd`. */
function runBin(name: string, args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [path.join(root, pkg.bin[name]), ...args], { cwd, encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

suite('CI configurations', () => {
	let dir = '';

	suiteSetup(function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-ci-'));
		fs.mkdirSync(path.join(dir, 'notes'));
		fs.copyFileSync(wrongArithmeticMarkdown.path, path.join(dir, 'notes', 'wrong arithmetic.md'));
		fs.writeFileSync(path.join(dir, 'clean.tex'), '\\[ 0.1 + 0.25 = 0.35 \\]\n');
	});

	suiteTeardown(() => {
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	test('.pre-commit-hooks.yaml names a shipped bin and selects the files the CLI checks', () => {
		const hooks: unknown = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8'));
		assert.ok(Array.isArray(hooks) && hooks.length === 1, 'one hook');
		const hook = hooks[0] as Json;
		for (const key of ['id', 'name', 'entry', 'language']) assert.strictEqual(typeof hook[key], 'string', `the hook has ${key}`);
		assert.strictEqual(hook.id, 'derivcheck');
		assert.strictEqual(hook.language, 'node');
		const [bin, ...entryArgs] = (hook.entry as string).split(/\s+/);
		assert.ok(pkg.bin[bin], `${bin} is a bin of package.json`);
		const files = new RegExp(hook.files as string);
		for (const ext of checkedExtensions) assert.ok(files.test(`chapter 1/notes.${ext}`), `.${ext} is checked`);
		for (const name of ['notes.mdx', 'notes.md.bak', 'main.ts', 'tex']) assert.ok(!files.test(name), `${name} is not checked`);
		const wrong = runBin(bin, [...entryArgs, 'clean.tex', 'notes/wrong arithmetic.md'], dir);
		assert.strictEqual(wrong.status, 1, `a wrong number stops the commit: ${wrong.stderr}`);
		const clean = runBin(bin, [...entryArgs, 'clean.tex'], dir);
		assert.strictEqual(clean.status, 0, clean.stderr + clean.stdout);
	});

	test('the GitHub Actions workflow uploads the SARIF its derivcheck step writes, valid for code scanning', () => {
		const text = fs.readFileSync(path.join(root, 'docs', 'github-actions.yml'), 'utf8');
		const workflow = parse(text) as { permissions: Json; jobs: Record<string, { steps: Json[] }> };
		assert.strictEqual(workflow.permissions['security-events'], 'write', 'the upload may write code-scanning alerts');
		const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
		const uses = steps.map((s) => String(s.uses ?? '').split('@')[0]);
		for (const action of ['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif']) assert.ok(uses.includes(action), `the workflow uses ${action}`);
		const upload = steps[uses.indexOf('github/codeql-action/upload-sarif')];
		const run = steps.find((s) => typeof s.run === 'string' && /\bderivcheck\b/.test(s.run));
		assert.ok(run, 'a step runs derivcheck');
		assert.ok(steps.indexOf(run) < steps.indexOf(upload), 'derivcheck runs before the upload');
		const m = /^npx((?: --?[a-z-]+)*) (\S+) (.*?) > (\S+)$/.exec((run.run as string).trim());
		assert.ok(m, `the step is "npx [options] PACKAGE ARGS > FILE": ${String(run.run)}`);
		assert.strictEqual(m[2].replace(/@[^@/]*$/, ''), pkg.name, 'npx runs this package');
		assert.ok(pkg.bin[pkg.name], 'whose bin of the same name npx starts');
		assert.strictEqual((upload.with as Json).sarif_file, m[4], 'the upload reads the file the step writes');
		const r = runBin(pkg.name, m[3].split(' '), dir);
		assert.strictEqual(r.status, 1, `the fixture's wrong number fails the step: ${r.stderr}`);
		const log = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: Json } }[] }[] }[] };
		assert.deepStrictEqual(sarifProblems(log), []);
		const [wrong] = wrongArithmeticMarkdown.diagnostics;
		const results = log.runs[0].results;
		assert.strictEqual(results.length, 1);
		const { artifactLocation, region } = results[0].locations[0].physicalLocation;
		assert.ok(fs.existsSync(path.join(dir, decodeURIComponent(artifactLocation.uri))), `${artifactLocation.uri} is a file of the checkout`);
		assert.deepStrictEqual(region, { startLine: wrong.line + 1, startColumn: wrong.character + 1, endLine: wrong.line + 1, endColumn: wrong.character + 1 + wrong.stated.length });
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		const body = text.split('\n').filter((l) => !l.startsWith('#')).join('\n').trim();
		assert.ok(readme.includes('```yaml\n' + body + '\n```'), 'the README shows docs/github-actions.yml without its comment');
	});

	test('the SARIF check rejects what code scanning would reject', () => {
		const good = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver: { name: 'd', rules: [{ id: 'a' }] } }, results: [
			{ ruleId: 'a', level: 'error', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'x.md' }, region: { startLine: 1 } } }] },
		] }] };
		assert.deepStrictEqual(sarifProblems(good), []);
		const bad = structuredClone(good);
		bad.runs[0].results[0] = { ruleId: 'b', level: 'fatal', message: { text: '' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///x.md' }, region: { startLine: 0 } } }] };
		assert.deepStrictEqual(sarifProblems(bad), [
			'results[0].ruleId is one of the rules',
			'results[0].level is none, note, warning or error',
			'results[0].message.text is set',
			'results[0] artifactLocation.uri is a relative URI',
			'results[0] region.startLine is 1-based',
		]);
		assert.deepStrictEqual(sarifProblems({ version: '2.0.0', runs: [] }), ['version is 2.1.0', '$schema names SARIF 2.1.0', 'runs is a non-empty array']);
	});
});
