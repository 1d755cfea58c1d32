/**
 * The command line's language: `--lang` wins over the environment, `LC_ALL` over `LC_MESSAGES`
 * over `LANG`, English by default; the findings, the summary and a usage error come out in it, and
 * the JSON keeps its codes while its messages follow the language. `takeLang` is tested alone; the
 * rest runs the CLI from its source as a user would.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { takeLang } from '../../src/cli/lang';

const root = path.resolve(__dirname, '..', '..');

/** Runs the CLI with only the locale variables given (none of the caller's). */
function run(args: string[], locale: Record<string, string>, cwd: string) {
	const env: Record<string, string | undefined> = { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...locale };
	const r = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), path.join(root, 'src', 'cli', 'main.ts'), ...args], { cwd, encoding: 'utf8', env: env as NodeJS.ProcessEnv });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

suite('cli: --lang and the locale', () => {
	const cases: [string[], Record<string, string | undefined>, ReturnType<typeof takeLang>][] = [
		[['a.md'], {}, { kind: 'ok', locale: 'en', argv: ['a.md'] }],
		[['--lang', 'zh-cn', 'a.md'], {}, { kind: 'ok', locale: 'zh-cn', argv: ['a.md'] }],
		[['a.md', '--lang=zh-CN', '--format', 'json'], {}, { kind: 'ok', locale: 'zh-cn', argv: ['a.md', '--format', 'json'] }],
		[['a.md'], { LANG: 'zh_CN.UTF-8' }, { kind: 'ok', locale: 'zh-cn', argv: ['a.md'] }],
		[['--lang', 'en', 'a.md'], { LANG: 'zh_CN.UTF-8' }, { kind: 'ok', locale: 'en', argv: ['a.md'] }],
		[['--', '--lang', 'zh-cn'], {}, { kind: 'ok', locale: 'en', argv: ['--', '--lang', 'zh-cn'] }],
		[['--lang', 'fr', 'a.md'], { LANG: 'zh_CN.UTF-8' }, { kind: 'error', locale: 'zh-cn', value: 'fr' }],
		[['a.md', '--lang'], {}, { kind: 'error', locale: 'en', value: undefined }],
	];
	for (const [argv, env, want] of cases) {
		test(`takeLang(${JSON.stringify(argv)}) with ${JSON.stringify(env)}`, () => assert.deepStrictEqual(takeLang(argv, env), want));
	}

	let dir: string;
	suiteSetup(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-lang-'));
		fs.writeFileSync(path.join(dir, 'wrong.md'), '$$0.3 + 0.4 = 0.8$$\n');
	});
	suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

	test('--lang zh-cn prints the finding and the summary in Chinese, with the code and exit status unchanged', () => {
		const r = run(['--lang', 'zh-cn', 'wrong.md'], {}, dir);
		assert.strictEqual(r.status, 1, r.stderr);
		assert.strictEqual(r.stdout, 'wrong.md:1:15: error arithmetic: 0.3 + 0.4 算出来是 0.7，不是 0.8。\n1 个文件 · 已检查 1 · 错误 1 · 未检查 0\n');
	});

	test('a zh_CN locale speaks Chinese; LC_ALL=C over it and --lang en speak English', () => {
		assert.match(run(['wrong.md'], { LANG: 'zh_CN.UTF-8' }, dir).stdout, /1 个文件 · 已检查 1 · 错误 1 · 未检查 0/);
		for (const [args, env] of [[['wrong.md'], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }], [['--lang', 'en', 'wrong.md'], { LANG: 'zh_CN.UTF-8' }], [['wrong.md'], {}]] as const) {
			const r = run([...args], env, dir);
			assert.match(r.stdout, /^wrong\.md:1:15: error arithmetic: 0\.3 \+ 0\.4 is 0\.7, not 0\.8\.\n1 file · 1 checked · 1 wrong · 0 unchecked\n$/, JSON.stringify(env));
		}
	});

	test('the JSON keeps its codes and severities; only the messages follow the language', () => {
		const zh = JSON.parse(run(['--format', 'json', '--lang', 'zh-cn', 'wrong.md'], {}, dir).stdout) as { files: { diagnostics: { code: string; severity: string; message: string }[] }[] };
		const en = JSON.parse(run(['--format', 'json', 'wrong.md'], {}, dir).stdout) as typeof zh;
		const strip = (j: typeof zh) => j.files.map((f) => f.diagnostics.map(({ message: _m, ...rest }) => rest));
		assert.deepStrictEqual(strip(zh), strip(en));
		assert.match(zh.files[0].diagnostics[0].message, /算出来是/);
	});

	test('a bad --lang is bad usage (exit 2), said in the language of the environment', () => {
		const en = run(['--lang', 'fr', 'wrong.md'], {}, dir);
		assert.strictEqual(en.status, 2);
		assert.match(en.stderr, /^derivcheck: --lang must be one of en, zh-cn, not "fr"\./);
		const zh = run(['--lang', 'fr', 'wrong.md'], { LANG: 'zh_CN.UTF-8' }, dir);
		assert.strictEqual(zh.status, 2);
		assert.match(zh.stderr, /^derivcheck：--lang 只能是 en, zh-cn 之一，不能是 "fr"。/);
	});
});
