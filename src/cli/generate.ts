/**
 * `derivcheck generate FILE [--notation seed|textbook|matrix] [--lang en|zh-cn] [--digits 3]
 * [--part forward|backward|update|all] [--exercise [--answers KEY.md]]`: prints the worked
 * derivation of FILE's network (its first block that builds, or the network read from it) to
 * standard output, in FILE's language (Markdown, or LaTeX for .tex, .ltx, .latex). With
 * `--exercise` the computed numbers are blanks and the answer key follows as a last section, or
 * goes to the file `--answers` names. Exit status: 0 when written, 1 when the network cannot be
 * written out in that notation (the reason on stderr), 2 on bad usage or an unreadable file.
 */
import { writeFileSync } from 'node:fs';
import { generateForDocument, readGenerateOptions, type GenerateOptionText } from '../core/index';
import { localeOf, type Locale } from '../core/messages/locale';
import { message, type MessageId } from '../core/messages/message';
import { readFailure, readInput } from './files';

export const generateUsage = `Usage: derivcheck generate FILE [options]

Writes out the worked derivation of FILE's network — its network block, or the network
read from it — to standard output: the forward pass, the loss, the backward pass and the
update, one chain per quantity (formula, numbers, result), each result rounded and the
rounded number used next. The output checks clean with derivcheck.

Options:
  --notation seed|textbook|matrix
                                seed: in_{C1}, out_{C1}, coef_{C1} and the block's names
                                (default); textbook: z^{(l)}_j, a^{(l)}_j, \\delta^{(l)}_j,
                                W^{(l)}_{jk}; matrix: dense layers in bmatrix form
  --lang en|zh-cn               the language of the headings (default: the locale)
  --digits N                    significant digits of every result, 2 to 10 (default 3)
  --part forward|backward|update|all
                                the part to write (default: all)
  --exercise                    blank every computed number (\\square) and add the answers
  --answers FILE                with --exercise, write the answers to FILE instead
  --help                        show this help
`;

/** The same help in Simplified Chinese, laid out as its own page (as usage.ts does for the main help). */
export const generateUsageZhCn = `用法：derivcheck generate 文件 [选项]

把文件中网络（它的网络块，或从文档中读出的网络）的完整推导过程写到标准输出：
正向传播、损失、反向传播和参数更新，每个量一条链（公式、代入数值、结果），
每个结果都四舍五入，后面的计算使用四舍五入后的数。输出用 derivcheck 检查没有错误。

选项：
  --notation seed|textbook|matrix
                                seed：in_{C1}、out_{C1}、coef_{C1} 和网络块中的名字
                                （默认）；textbook：z^{(l)}_j、a^{(l)}_j、\\delta^{(l)}_j、
                                W^{(l)}_{jk}；matrix：全连接层写成 bmatrix 矩阵
  --lang en|zh-cn               标题的语言（默认：系统语言）
  --digits N                    每个结果的有效数字位数，2 到 10（默认 3）
  --part forward|backward|update|all
                                要写出的部分（默认：all）
  --exercise                    把每个计算出的数换成空格（\\square），并在最后附上答案
  --answers 文件                与 --exercise 一起用，把答案写到这个文件
  --help                        显示此帮助
`;

/** `generate --help` in `locale`. */
export function generateUsageIn(locale: Locale): string {
	return locale === 'zh-cn' ? generateUsageZhCn : generateUsage;
}

type Parsed = { kind: 'run'; file: string; options: GenerateOptionText; answers?: string } | { kind: 'help' } | { kind: 'error'; message: string };

/** A usage error of `generate`, in the run's language (`language`, a locale tag). */
function usageError<K extends 'generate.needsValue' | 'generate.unknownOption' | 'generate.noFile' | 'generate.twoFiles' | 'generate.answersAlone'>(id: K & MessageId, args: Parameters<typeof message<K>>[1], language: string): Parsed {
	return { kind: 'error', message: message(id, args, localeOf(language)) };
}

/** Parses the arguments after `generate`: `parseGenerateArgs(['a.md', '--digits', '4'])`. */
export function parseGenerateArgs(argv: readonly string[], language: string): Parsed {
	const o: { -readonly [K in keyof GenerateOptionText]: GenerateOptionText[K] } = { language };
	let answers: string | undefined;
	const files: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') return { kind: 'help' };
		if (arg === '--exercise') { o.exercise = true; continue; }
		const m = /^--(notation|lang|digits|part|answers)(?:=(.*))?$/.exec(arg);
		if (m) {
			const value = m[2] ?? argv[++i];
			if (value === undefined) return usageError('generate.needsValue', { option: m[1] }, language);
			if (m[1] === 'notation') o.notation = value;
			else if (m[1] === 'lang') o.language = value;
			else if (m[1] === 'digits') o.digits = value;
			else if (m[1] === 'part') o.part = value;
			else answers = value;
			continue;
		}
		if (arg.startsWith('-') && arg !== '-') return usageError('generate.unknownOption', { option: arg }, language);
		files.push(arg);
	}
	if (files.length !== 1) return files.length === 0 ? usageError('generate.noFile', {}, language) : usageError('generate.twoFiles', {}, language);
	if (answers !== undefined && !o.exercise) return usageError('generate.answersAlone', {}, language);
	return { kind: 'run', file: files[0], options: o, answers };
}

/** Runs `derivcheck generate …` and returns the exit status; `language` is the command line's (`--lang`, else the locale). */
export async function runGenerate(argv: readonly string[], language: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
	const locale = localeOf(language);
	const help = generateUsageIn(locale ?? 'en');
	const parsed = parseGenerateArgs(argv, language);
	if (parsed.kind === 'help') { out(help); return 0; }
	if (parsed.kind === 'error') { err(`${message('generate.usageError', { problem: parsed.message }, locale)}\n\n${help}`); return 2; }
	const options = readGenerateOptions(parsed.options, locale);
	if (typeof options === 'string') { err(`${message('generate.usageError', { problem: options }, locale)}\n\n${help}`); return 2; }
	const input = readInput(parsed.file, locale);
	if (input.kind !== 'text') { err(`${message('cli.unreadable', { path: parsed.file, reason: input.reason }, locale)}\n`); return 2; }
	const g = await generateForDocument(input.text, input.languageId === 'latex' ? 'latex' : 'markdown', options);
	if (!g || g.kind === 'refused') { err(`${message('generate.refused', { path: parsed.file, reason: g?.reason ?? message('generate.cancelled', {}, locale) }, locale)}\n`); return 1; }
	if (parsed.answers !== undefined && g.answers) {
		try {
			writeFileSync(parsed.answers, g.answers);
		} catch (e) {
			err(`${message('generate.cannotWrite', { path: parsed.answers, reason: readFailure(e, locale) }, locale)}\n`);
			return 2;
		}
		out(`${g.text}\n`);
		return 0;
	}
	out(g.answers ? `${g.text}\n${g.answers}` : `${g.text}\n`);
	return 0;
}
