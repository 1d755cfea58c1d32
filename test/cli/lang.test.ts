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
import { usage } from '../../src/cli/args';
import { usageIn, usageZhCn } from '../../src/cli/usage';
import { formatHtml } from '../../src/cli/formatHtml';
import { formatSarif } from '../../src/cli/formatSarif';
import type { FileResult } from '../../src/cli/results';
import { createLanguageService, defaultSettings, LineIndex } from '../../src/core/index';

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

	/** The results of one wrong sum, checked in `locale`. */
	async function results(locale: 'en' | 'zh-cn'): Promise<FileResult[]> {
		const text = '$$0.12 + 0.4 = 0.6$$\n';
		const report = (await createLanguageService({ ...defaultSettings, locale }).check({ uri: 'file:///w.md', languageId: 'markdown', version: 1, text }))!;
		return [{ path: 'w.md', index: new LineIndex(text), report, text, languageId: 'markdown' }];
	}

	test('SARIF: rule descriptions, messages and fix descriptions in Chinese; ids and levels as in English', async () => {
		const zh = JSON.parse(formatSarif(await results('zh-cn'), '0', 'zh-cn')) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; defaultConfiguration: unknown }[] } }; results: { ruleId: string; level: string; message: { text: string }; fixes?: { description: { text: string } }[] }[] }[] };
		const en = JSON.parse(formatSarif(await results('en'), '0')) as typeof zh;
		const ids = (j: typeof zh) => j.runs[0].tool.driver.rules.map((r) => [r.id, r.defaultConfiguration]);
		assert.deepStrictEqual(ids(zh), ids(en));
		assert.strictEqual(zh.runs[0].tool.driver.rules.find((r) => r.id === 'arithmetic')!.shortDescription.text, '写出的计算不等于写出的结果。');
		assert.deepStrictEqual(zh.runs[0].results.map((r) => [r.ruleId, r.level]), en.runs[0].results.map((r) => [r.ruleId, r.level]));
		assert.match(zh.runs[0].results[0].message.text, /算出来是 0\.52/);
		assert.strictEqual(zh.runs[0].results[0].fixes?.[0].description.text, '把 0.6 改为 0.5。');
		assert.strictEqual(en.runs[0].results[0].fixes?.[0].description.text, 'Replace 0.6 with 0.5.');
	});

	test('HTML: the page\'s title, table and marks in Chinese, its language declared', async () => {
		const zh = formatHtml(await results('zh-cn'), '', 'zh-cn');
		assert.match(zh, /<html lang="zh-CN">/);
		assert.match(zh, /<h1>derivcheck 检查报告<\/h1>/);
		assert.match(zh, /<th>文件<\/th><th>行<\/th><th>代码<\/th><th>级别<\/th><th>说明<\/th><th>写的 → 应为<\/th>/);
		assert.match(zh, /title="0\.12 \+ 0\.4 算出来是 0\.52[^"]*——真实值 0\.5"/);
		const en = formatHtml(await results('en'), '');
		assert.match(en, /<html lang="en">[^]*<h1>derivcheck report<\/h1>[^]*<th>file<\/th>/);
		assert.doesNotMatch(en, /[\u4e00-\u9fff]/);
	});

	test('a usage error is said in the chosen language, after --lang is read', () => {
		const zh = run(['--lang', 'zh-cn', '--format', 'xml', 'wrong.md'], {}, dir);
		assert.strictEqual(zh.status, 2);
		assert.match(zh.stderr, /^derivcheck：用法有误：--format 只能是 text, json, sarif, github, html 之一，不能是 "xml"。\n\n用法：derivcheck/);
		const en = run(['--format', 'xml', 'wrong.md'], {}, dir);
		assert.match(en.stderr, /^derivcheck: --format must be one of text, json, sarif, github, html, not "xml"\.\n\nUsage: derivcheck/);
	});

	test('an argument that finds nothing is said in the chosen language', () => {
		const zh = run(['--lang', 'zh-cn', 'nope.md', 'wrong.md'], {}, dir);
		assert.strictEqual(zh.status, 2);
		assert.match(zh.stderr, /^derivcheck：无法读取 nope\.md：没有这个文件。\n/);
		assert.match(run(['nope.md'], {}, dir).stderr, /^derivcheck: cannot read nope\.md: no such file\.\n/);
	});

	test('the Chinese help names every option the English help names, with the same values', () => {
		const options = (text: string) => [...text.matchAll(/^ {2}(--[a-z-]+)((?: [a-z|-]+)?)/gm)].map((m) => `${m[1]}${m[2]}`);
		assert.ok(options(usage).length >= 6);
		assert.deepStrictEqual(options(usageZhCn), options(usage));
		assert.strictEqual(usageIn('en'), usage);
		assert.match(usageIn('zh-cn'), /^用法：derivcheck/);
	});

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
	test('a binary file is reported in the chosen language, in English otherwise', () => {
		fs.writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
		fs.writeFileSync(path.join(dir, 'utf16.md'), Buffer.from('$$1 + 1 = 2$$', 'utf16le'));
		try {
			const zh = run(['--lang', 'zh-cn', 'image.md', 'utf16.md'], {}, dir);
			assert.strictEqual(zh.status, 2);
			assert.strictEqual(zh.stderr, 'derivcheck：无法检查 image.md：这是一个二进制文件（不是 UTF-8 文本）。\nderivcheck：无法检查 utf16.md：这是一个二进制文件（大部分是控制字符）。\n');
			const en = run(['image.md', 'utf16.md'], {}, dir);
			assert.strictEqual(en.stderr, 'derivcheck: cannot check image.md: a binary file (not UTF-8 text).\nderivcheck: cannot check utf16.md: a binary file (mostly control characters).\n');
		} finally {
			fs.rmSync(path.join(dir, 'image.md'));
			fs.rmSync(path.join(dir, 'utf16.md'));
		}
	});
});
