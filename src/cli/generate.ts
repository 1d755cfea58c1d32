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

type Parsed = { kind: 'run'; file: string; options: GenerateOptionText; answers?: string } | { kind: 'help' } | { kind: 'error'; message: string };

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
			if (value === undefined) return { kind: 'error', message: `--${m[1]} needs a value.` };
			if (m[1] === 'notation') o.notation = value;
			else if (m[1] === 'lang') o.language = value;
			else if (m[1] === 'digits') o.digits = value;
			else if (m[1] === 'part') o.part = value;
			else answers = value;
			continue;
		}
		if (arg.startsWith('-') && arg !== '-') return { kind: 'error', message: `Unknown option ${arg} for generate.` };
		files.push(arg);
	}
	if (files.length !== 1) return { kind: 'error', message: files.length === 0 ? 'generate needs a FILE.' : 'generate takes exactly one FILE.' };
	if (answers !== undefined && !o.exercise) return { kind: 'error', message: '--answers goes with --exercise.' };
	return { kind: 'run', file: files[0], options: o, answers };
}

/** Runs `derivcheck generate …` and returns the exit status; `language` is the command line's (`--lang`, else the locale). */
export async function runGenerate(argv: readonly string[], language: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
	const parsed = parseGenerateArgs(argv, language);
	if (parsed.kind === 'help') { out(generateUsage); return 0; }
	if (parsed.kind === 'error') { err(`derivcheck: ${parsed.message}\n\n${generateUsage}`); return 2; }
	const options = readGenerateOptions(parsed.options);
	if (typeof options === 'string') { err(`derivcheck: ${options}\n\n${generateUsage}`); return 2; }
	const input = readInput(parsed.file);
	if (input.kind !== 'text') { err(`derivcheck: cannot read ${parsed.file}: ${input.reason}.\n`); return 2; }
	const g = await generateForDocument(input.text, input.languageId === 'latex' ? 'latex' : 'markdown', options);
	if (!g || g.kind === 'refused') { err(`derivcheck: ${parsed.file}: ${g?.reason ?? 'cancelled'}\n`); return 1; }
	if (parsed.answers !== undefined && g.answers) {
		try {
			writeFileSync(parsed.answers, g.answers);
		} catch (e) {
			err(`derivcheck: cannot write ${parsed.answers}: ${readFailure(e)}.\n`);
			return 2;
		}
		out(`${g.text}\n`);
		return 0;
	}
	out(g.answers ? `${g.text}\n${g.answers}` : `${g.text}\n`);
	return 0;
}
