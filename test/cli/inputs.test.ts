/**
 * What the CLI reads, without running it: the expansion of FILE|FOLDER|GLOB arguments over a
 * temporary tree (a git repository with nested `.gitignore` files, `node_modules`, dot folders,
 * upper-case extensions), the line between text with a stray control character and a binary file,
 * and read failures in words. Each case states the exact list or sentence expected.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandArgs } from '../../src/cli/expand';
import { binaryReason } from '../../src/cli/binary';
import { readFailure, readInput } from '../../src/cli/files';

suite('cli inputs', () => {
	let dir: string;

	suiteSetup(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-inputs-'));
		const files: Record<string, string> = {
			'.git/HEAD': 'ref: refs/heads/main\n',
			'.gitignore': 'build/\n*.draft.md\n',
			'notes/a.md': '',
			'notes/B.MD': '',
			'notes/c.txt': '',
			'notes/sub/.gitignore': 'private.md\n',
			'notes/sub/private.md': '',
			'notes/sub/y.tex': '',
			'notes/sub/z.latex': '',
			'notes/todo.draft.md': '',
			'node_modules/pkg/README.md': '',
			'build/out.md': '',
			'.github/issue.md': '',
			'top.md': '',
		};
		for (const [rel, text] of Object.entries(files)) {
			fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
			fs.writeFileSync(path.join(dir, rel), text);
		}
	});

	suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

	const expand = (...args: string[]) => expandArgs(args, dir);

	test('a folder stands for its Markdown and LaTeX files, git-ignored ones left out', () => {
		assert.deepStrictEqual(expand('notes/'), { files: ['notes/B.MD', 'notes/a.md', 'notes/sub/y.tex', 'notes/sub/z.latex'], missing: [] });
		assert.deepStrictEqual(expand('notes').files, expand('notes/').files);
	});

	test('the working folder skips node_modules, .git and build/, and keeps dot folders', () => {
		assert.deepStrictEqual(expand('.').files, ['.github/issue.md', 'notes/B.MD', 'notes/a.md', 'notes/sub/y.tex', 'notes/sub/z.latex', 'top.md']);
	});

	test('a glob is matched as fast-glob does, with .gitignore applied', () => {
		assert.deepStrictEqual(expand('**/*.md').files, ['.github/issue.md', 'notes/a.md', 'top.md']);
		assert.deepStrictEqual(expand('notes/**/*.{tex,latex}').files, ['notes/sub/y.tex', 'notes/sub/z.latex']);
	});

	test('"#GLOB" leaves out what it matches', () => {
		assert.deepStrictEqual(expand('**/*.md', '#.github/**').files, ['notes/a.md', 'top.md']);
	});

	test('a file named is checked even when ignored, once even when also matched', () => {
		assert.deepStrictEqual(expand('build/out.md', 'top.md', '*.md').files, ['build/out.md', 'top.md']);
		assert.deepStrictEqual(expand(path.join(dir, 'top.md')).files, [path.join(dir, 'top.md')]);
	});

	test('what finds nothing is said in a sentence', () => {
		// Each also carries its sentence as data (`said`), for the run's language; the English is compared here.
		const english = (missing: ReturnType<typeof expand>['missing']) => missing.map(({ arg, message }) => ({ arg, message }));
		assert.deepStrictEqual(english(expand('nope.md', 'docs/**/*.md', 'build', 'notes/c.txt').missing), [
			{ arg: 'nope.md', message: 'cannot read nope.md: no such file' },
			{ arg: 'docs/**/*.md', message: 'no file matches docs/**/*.md' },
			{ arg: 'build', message: 'every Markdown or LaTeX file in build is git-ignored' },
		]);
		assert.deepStrictEqual(english(expand('**/*.draft.md', 'node_modules').missing), [
			{ arg: '**/*.draft.md', message: 'every file that matches **/*.draft.md is git-ignored' },
			{ arg: 'node_modules', message: 'no Markdown or LaTeX file in node_modules' },
		]);
	});

	test('text with a stray NUL or escape is text; an image, a PDF and UTF-16 are binary', () => {
		const page = '# Forward pass\n\n$$0.1 + 0.2 = 0.3$$\n'.repeat(20);
		assert.strictEqual(binaryReason(Buffer.from(`${page}\u0000${page}`)), undefined);
		assert.strictEqual(binaryReason(Buffer.from(`\u001b[0m${page}`)), undefined);
		assert.strictEqual(binaryReason(Buffer.from('')), undefined);
		assert.strictEqual(binaryReason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), 'not UTF-8 text');
		assert.strictEqual(binaryReason(Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1')), 'not UTF-8 text');
		assert.strictEqual(binaryReason(Buffer.from('$$1 + 1 = 2$$', 'utf16le')), 'mostly control characters');
		assert.strictEqual(binaryReason(Buffer.from('$$1 + 1 = 2$$', 'utf16le'), 'zh-cn'), '大部分是控制字符');
	});

	test('reads a file as text without its BOM, and names its language', () => {
		fs.writeFileSync(path.join(dir, 'bom.tex'), '\uFEFF\\[1 + 1 = 2\\]');
		assert.deepStrictEqual(readInput(path.join(dir, 'bom.tex')), { kind: 'text', path: path.join(dir, 'bom.tex'), text: '\\[1 + 1 = 2\\]', languageId: 'latex' });
	});

	test('says why a file cannot be read in words', () => {
		assert.strictEqual(readFailure(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'zh-cn'), '没有访问权限');
		assert.deepStrictEqual(readInput(path.join(dir, 'notes'), 'zh-cn'), { kind: 'unreadable', path: path.join(dir, 'notes'), reason: '这是一个文件夹' });
		assert.deepStrictEqual(readInput(path.join(dir, 'nope.md')), { kind: 'unreadable', path: path.join(dir, 'nope.md'), reason: 'no such file' });
		assert.deepStrictEqual(readInput(path.join(dir, 'notes')), { kind: 'unreadable', path: path.join(dir, 'notes'), reason: 'it is a folder' });
		assert.strictEqual(readFailure(Object.assign(new Error("EXDEV: cross-device link not permitted, open 'x'"), { code: 'EXDEV' })), 'cross-device link not permitted');
	});
});
