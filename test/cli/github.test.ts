/**
 * `--format github`: GitHub Actions workflow commands. Strategy: read the output back the way
 * the Actions runner reads a command line (`::name k=v,k=v::message`, split on the first `::`
 * after the name, properties on `,` and their first `=`, `%XX` unescaped) and compare with what
 * was meant, on hand-made diagnostics, on every string fast-check makes up for a path and a
 * message, and on the bundled CLI over the shared fixture.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLanguageService, defaultSettings, LineIndex, type CheckReport, type Diagnostic } from '../../src/core/index';
import { parseArgs } from '../../src/cli/args';
import { escapeData, escapeProperty, formatGithub } from '../../src/cli/formatGithub';
import type { FileResult } from '../../src/cli/results';
import { wrongArithmeticMarkdown } from '../shared/expectations';

const root = path.resolve(__dirname, '..', '..');

interface Command {
	readonly name: string;
	readonly properties: Readonly<Record<string, string>>;
	readonly message: string;
}

const unescape = (s: string): string => s.replace(/%(25|0D|0A|3A|2C)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Parses one workflow command line as the runner does, or returns undefined for a plain line. */
function parseCommand(line: string): Command | undefined {
	const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
	if (!m) return undefined;
	const properties: Record<string, string> = {};
	for (const pair of (m[2] ?? '').split(',').filter((p) => p !== '')) {
		const eq = pair.indexOf('=');
		properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
	}
	return { name: m[1], properties, message: unescape(m[3]) };
}

const text = '# Notes\n\n$$a = 0.1 + 0.2 = 0.4$$\n$$b = 0.4 \\cdot 2\n= 0.8$$\n';
const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

/** A report of the real core for `text`, its diagnostics replaced by the given ones. */
async function result(diagnostics: Diagnostic[], filePath = 'notes.md'): Promise<FileResult> {
	const report = (await createLanguageService(defaultSettings).check({ uri: 'file:///notes.md', languageId: 'markdown', version: 1, text })) as CheckReport;
	return { path: filePath, index: new LineIndex(text), report: { ...report, diagnostics } };
}

suite('cli --format github', () => {
	test('is a format the command line accepts', () => {
		const parsed = parseArgs(['--format', 'github', 'notes.md']);
		assert.ok(parsed.kind === 'run' && parsed.options.format === 'github');
	});

	test('writes one annotation per diagnostic with 1-based lines and an inclusive end column', async () => {
		const out = formatGithub([await result([
			{ code: 'arithmetic', severity: 'error', message: '0.1 + 0.2 is 0.3, not 0.4.', span: at('0.4') },
			{ code: 'substitution', severity: 'warning', message: 'b is 0.3: not 0.4.', span: at('0.4 \\cdot') },
			{ code: 'inherited', severity: 'hint', message: 'carried', span: at('0.8') },
		])]);
		assert.strictEqual(out,
			'::error file=notes.md,line=3,col=19,endLine=3,endColumn=21,title=derivcheck(arithmetic)::0.1 + 0.2 is 0.3, not 0.4.\n' +
			'::warning file=notes.md,line=4,col=7,endLine=4,endColumn=15,title=derivcheck(substitution)::b is 0.3: not 0.4.\n' +
			'::notice file=notes.md,line=5,col=3,endLine=5,endColumn=5,title=derivcheck(inherited)::carried\n');
	});

	test('leaves the columns out of an annotation over several lines', async () => {
		const span = { start: text.indexOf('0.4 \\cdot'), end: text.indexOf('0.8') + 3 };
		const [command] = formatGithub([await result([{ code: 'formula', severity: 'warning', message: 'm', span }])]).split('\n').map(parseCommand);
		assert.deepStrictEqual(command?.properties, { file: 'notes.md', line: '4', endLine: '5', title: 'derivcheck(formula)' });
	});

	test('escapes %, CR and LF in the message, and : and , in properties too', async () => {
		const out = formatGithub([await result([{ code: 'arithmetic', severity: 'error', message: '100% wrong:\r\nsee a, b', span: at('0.4') }], 'a:b, c%.md')]);
		assert.strictEqual(out, '::error file=a%3Ab%2C c%25.md,line=3,col=19,endLine=3,endColumn=21,title=derivcheck(arithmetic)::100%25 wrong:%0D%0Asee a, b\n');
		assert.strictEqual(escapeData('%0A'), '%250A');
		assert.strictEqual(escapeProperty('x=1,y:2'), 'x=1%2Cy%3A2');
	});

	test('any path and message survive the runner reading them back', async () => {
		const base = await result([]);
		fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' }), (filePath, message) => {
			const line = formatGithub([{ ...base, path: filePath, report: { ...base.report, diagnostics: [{ code: 'value', severity: 'error', message, span: at('0.4') }] } }]);
			assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n') && !line.includes('\r'), 'one line');
			const command = parseCommand(line.slice(0, -1));
			assert.strictEqual(command?.name, 'error');
			assert.strictEqual(command.properties.file, filePath.replace(/\\/g, '/'));
			assert.strictEqual(command.properties.title, 'derivcheck(value)');
			assert.strictEqual(command.message, message);
		}), { numRuns: 300 });
	});

	test('prints nothing for clean files', async () => {
		assert.strictEqual(formatGithub([await result([])]), '');
	});

	suite('the bundled CLI', () => {
		let dir = '';
		suiteSetup(function () {
			this.timeout(60_000);
			execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-github-'));
			fs.copyFileSync(wrongArithmeticMarkdown.path, path.join(dir, 'wrong.md'));
		});
		suiteTeardown(() => {
			if (dir) fs.rmSync(dir, { recursive: true, force: true });
		});

		test('annotates the wrong number of the fixture and exits 1', () => {
			const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--format', 'github', 'wrong.md'], { cwd: dir, encoding: 'utf8' });
			assert.strictEqual(r.status, 1, r.stderr);
			const lines = r.stdout.split('\n').filter((l) => l !== '');
			assert.strictEqual(lines.length, 1, r.stdout);
			const [wrong] = wrongArithmeticMarkdown.diagnostics;
			const command = parseCommand(lines[0]);
			assert.deepStrictEqual(command?.properties, {
				file: 'wrong.md',
				line: String(wrong.line + 1),
				col: String(wrong.character + 1),
				endLine: String(wrong.line + 1),
				endColumn: String(wrong.character + wrong.stated.length),
				title: `derivcheck(${wrong.code})`,
			});
			assert.strictEqual(command.name, 'error');
			for (const s of wrong.messageIncludes) assert.ok(command.message.includes(s), command.message);
		});
	});
});
