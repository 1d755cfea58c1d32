/**
 * `derivcheck generate FILE`, run in-process through `runGenerate` (the function `main.ts` calls
 * for the `generate` subcommand): the derivation of the bundled example's network goes to
 * standard output and checks clean; a LaTeX file gets LaTeX; a notation that cannot write the
 * network exits 1 with the reason; bad options and unreadable files exit 2; `--exercise
 * --answers KEY` writes the key apart, and the exercise itself holds no answer.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseGenerateArgs, runGenerate } from '../../src/cli/generate';
import { analyzeDocument } from '../../src/core/check/analyze';

const root = path.resolve(__dirname, '..', '..');
const example = path.join(root, 'examples', 'cnn-1d.md');

async function generate(args: string[], language = 'en'): Promise<{ status: number; stdout: string; stderr: string }> {
	let stdout = '', stderr = '';
	const status = await runGenerate(args, language, (s) => { stdout += s; }, (s) => { stderr += s; });
	return { status, stdout, stderr };
}

suite('cli: generate', () => {
	test('prints the derivation of the example network, and it checks clean', async () => {
		const r = await generate([example]);
		assert.strictEqual(r.status, 0, r.stderr);
		assert.strictEqual(r.stderr, '');
		assert.ok(r.stdout.includes('$$out_{CC1} = \\sigma(in_{CC1}) = \\sigma(0.600) = 0.646$$'));
		const a = await analyzeDocument(r.stdout, 'markdown', { tolerance: 'digits' });
		assert.strictEqual(a?.diagnostics.length, 0);
		assert.ok(a.summary.checked > 100);
	});

	test('writes LaTeX for a .tex file, Chinese headings with --lang zh-cn, and the digits asked for', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-generate-'));
		const tex = path.join(dir, 'notes.tex');
		fs.writeFileSync(tex, `% network\n% input: [0.05, 0.1]\n% target: [0.01, 0.99]\n% loss: half_sse\n% learning_rate: 0.5\n% layers:\n%   - dense: h\n%     weights: [[0.15, 0.2], [0.25, 0.3]]\n%     bias: 0.35\n%     activation: sigmoid\n%   - dense: o\n%     weights: [[0.4, 0.45], [0.5, 0.55]]\n%     bias: 0.6\n%     activation: sigmoid\n\nSome notes.\n`);
		const r = await generate([tex, '--digits', '4'], 'zh-cn');
		assert.strictEqual(r.status, 0, r.stderr);
		assert.ok(r.stdout.includes('\\section*{推导过程}'));
		assert.ok(r.stdout.includes('% network'));
		assert.ok(r.stdout.includes('\\[ out_{h1} = \\sigma(in_{h1}) = \\sigma(0.3775) = 0.5933 \\]'), r.stdout);
		const a = await analyzeDocument(r.stdout, 'latex', { tolerance: 'digits' });
		assert.strictEqual(a?.diagnostics.length, 0);
	});

	test('says why a notation cannot write the network, with exit status 1', async () => {
		const r = await generate([example, '--notation', 'matrix']);
		assert.strictEqual(r.status, 1);
		assert.strictEqual(r.stdout, '');
		assert.match(r.stderr, /cnn-1d\.md: The matrix notation writes dense layers only, and CC is a conv layer; write it in the seed notation\.\n$/);
	});

	test('bad usage and an unreadable file exit 2 with a sentence', async () => {
		for (const [args, said] of [
			[[example, '--digits', '1'], '--digits must be a whole number from 2 to 10, not "1".'],
			[[example, '--notation', 'tensor'], '--notation must be one of seed, textbook, matrix, not "tensor".'],
			[[example, '--part', 'middle'], '--part must be one of forward, backward, update, all, not "middle".'],
			[[example, '--answers', 'key.md'], '--answers goes with --exercise.'],
			[[], 'generate needs a FILE.'],
			[[example, example], 'generate takes exactly one FILE.'],
			[[example, '--frobnicate'], 'Unknown option --frobnicate for generate.'],
		] as const) {
			const r = await generate([...args]);
			assert.strictEqual(r.status, 2, args.join(' '));
			assert.ok(r.stderr.startsWith(`derivcheck: ${said}\n`), r.stderr);
		}
		const missing = await generate([path.join(root, 'no-such-file.md')]);
		assert.strictEqual(missing.status, 2);
		assert.match(missing.stderr, /cannot read .*no-such-file\.md: no such file/);
	});

	test('--exercise --answers KEY writes the key apart, and the exercise holds blanks, not answers', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-generate-'));
		const key = path.join(dir, 'key.md');
		const r = await generate([example, '--exercise', '--answers', key, '--part', 'forward']);
		assert.strictEqual(r.status, 0, r.stderr);
		assert.ok(r.stdout.includes('\\sigma(\\square) = \\square$$'));
		assert.ok(!r.stdout.includes('## Answers'));
		const answers = fs.readFileSync(key, 'utf8');
		assert.ok(answers.startsWith('## Answers\n\n1. $in_{CC1} = 0.600$\n'), answers);
		const inline = await generate([example, '--exercise', '--part', 'forward']);
		assert.ok(inline.stdout.includes('\n## Answers\n\n1. $in_{CC1} = 0.600$\n'));
	});

	test('--help, usage errors, an unreadable file and a refusal in Chinese for zh-cn; English otherwise', async () => {
		const help = await generate(['--help'], 'zh-cn');
		assert.strictEqual(help.status, 0);
		assert.match(help.stdout, /^用法：derivcheck generate 文件 \[选项\]\n/);
		for (const option of ['--notation', '--lang', '--digits', '--part', '--exercise', '--answers', '--help']) assert.ok(help.stdout.includes(option), option);
		assert.match((await generate(['--help'])).stdout, /^Usage: derivcheck generate FILE \[options\]\n/);
		for (const [args, said] of [
			[[example, '--digits', '1'], '--digits 必须是 2 到 10 之间的整数，不能是 "1"。'],
			[[example, '--notation', 'tensor'], '--notation 只能是 seed, textbook, matrix 之一，不能是 "tensor"。'],
			[[example, '--answers', 'key.md'], '--answers 要和 --exercise 一起使用。'],
			[[], 'generate 需要一个文件（FILE）。'],
			[[example, example], 'generate 只接受一个文件（FILE）。'],
			[[example, '--frobnicate'], 'generate 没有 --frobnicate 这个选项。'],
			[[example, '--digits'], '--digits 需要一个值。'],
		] as const) {
			const r = await generate([...args], 'zh-cn');
			assert.strictEqual(r.status, 2, args.join(' '));
			assert.ok(r.stderr.startsWith(`derivcheck：${said}\n\n用法：derivcheck generate`), r.stderr);
		}
		const missing = await generate([path.join(root, 'no-such-file.md')], 'zh-cn');
		assert.strictEqual(missing.status, 2);
		assert.match(missing.stderr, /^derivcheck：无法读取 .*no-such-file\.md：没有这个文件。\n$/);
		const refused = await generate([example, '--notation', 'matrix'], 'zh-cn');
		assert.strictEqual(refused.status, 1);
		assert.match(refused.stderr, /cnn-1d\.md：矩阵写法（matrix）只能写全连接层，而 CC 是 conv 层；请改用 seed 写法。\n$/);
	});

	test('reads its options in either form', () => {
		assert.deepStrictEqual(parseGenerateArgs(['a.md', '--notation=textbook', '--digits', '4', '--part=backward', '--exercise'], 'en'), {
			kind: 'run', file: 'a.md', answers: undefined, options: { language: 'en', notation: 'textbook', digits: '4', part: 'backward', exercise: true },
		});
		assert.deepStrictEqual(parseGenerateArgs(['--help'], 'en'), { kind: 'help' });
	});
});
