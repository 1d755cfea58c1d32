/**
 * Parses the command line by hand (it is small): options may come before or after the files,
 * `--opt value` and `--opt=value` both work, and `--` ends the options. Bad usage is reported as
 * a value, never thrown, so `main.ts` decides the exit status in one place.
 */
import { said, say, type Said, type TolerancePolicy } from '../core/index';

export type Format = 'text' | 'json' | 'sarif' | 'github' | 'html';

export interface Options {
	readonly format: Format;
	/** Only when given on the command line, where it overrides the configuration file. */
	readonly tolerance?: TolerancePolicy;
	/** `--no-infer`: do not read a network off a document without a block (DESIGN 2.6); overrides the configuration file. */
	readonly noInfer?: boolean;
	/** The FILE|FOLDER|GLOB arguments as given, `#GLOB` exclusions among them (see expand.ts). */
	readonly files: readonly string[];
	/** `--print-network`: print the block of the network the check of the one file used, instead of its findings. */
	readonly printNetwork?: boolean;
}

export type ParsedArgs =
	| { readonly kind: 'run'; readonly options: Options }
	| { readonly kind: 'help' }
	| { readonly kind: 'version' }
	| { readonly kind: 'error'; readonly message: string; readonly said: Said };

const formats: readonly Format[] = ['text', 'json', 'sarif', 'github', 'html'];
const tolerances: readonly TolerancePolicy[] = ['digits', 'strict', 'loose'];

export const usage = `Usage: derivcheck [options] FILE|FOLDER|GLOB...
       derivcheck generate FILE [options]   (writes out FILE's derivation; see generate --help)

Checks the arithmetic of hand-written numeric derivations in Markdown and LaTeX files.
A folder stands for every .md, .markdown, .tex, .ltx and .latex file under it; a glob
("**/*.md", quoted) for the files it matches; "#GLOB" leaves out what GLOB matches. Folders
and globs skip node_modules, .git and what .gitignore ignores; a file named is always read.
Files ending in .tex, .ltx or .latex are read as LaTeX, all others as Markdown.
Each file is checked with the settings of the nearest .derivcheck.json, .derivcheck.jsonc,
.derivcheck.yaml or .derivcheck.yml in its folder or above; options override it.

Options:
  --format text|json|sarif|github|html
                                output format (default: text); github prints GitHub
                                Actions annotations (::error file=…,line=…::message);
                                html prints one standalone page: the documents rendered
                                with their math, each finding marked, a summary on top
  --tolerance digits|strict|loose
                                what a written input number stands for (default: the
                                configuration file's, else digits)
  --lang en|zh-cn               the language of the messages (default: the locale of
                                LC_ALL, LC_MESSAGES or LANG; zh_CN… reads Chinese)
  --no-infer                    do not read the network off a document that has no
                                network block (only arithmetic and substitution checks)
  --print-network               print the network block of the network the check of
                                FILE used (its own blocks, or the network read from it),
                                instead of the findings; exit 1, with the reason, when
                                there is none
  --help                        show this help
  --version                     show the version

Exit status: 0 when clean, 1 when any error or warning was found, 2 on bad usage or when
a file could not be checked (missing, unreadable or binary, or a folder or glob that finds
nothing).
`;

function pick<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | Said {
	const found = allowed.find((a) => a === value);
	if (found) return found;
	return value === undefined ? said('args.needsValue', { name, allowed: allowed.join(', ') }) : said('args.oneOf', { name, allowed: allowed.join(', '), value });
}

/** Bad usage, in English (`message`) and as data to be said in the run's language (`said`). */
function failure(problem: Said): ParsedArgs {
	return { kind: 'error', message: say(problem), said: problem };
}

/** Parses `argv` without the node and script paths: `parseArgs(['--format', 'json', 'a.md'])`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
	let format: Format = 'text';
	let tolerance: TolerancePolicy | undefined;
	let noInfer = false;
	let printNetwork = false;
	const files: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			files.push(...argv.slice(i + 1));
			break;
		}
		if (arg === '--help' || arg === '-h') return { kind: 'help' };
		if (arg === '--version' || arg === '-v') return { kind: 'version' };
		if (arg === '--no-infer') {
			noInfer = true;
			continue;
		}
		if (arg === '--print-network') {
			printNetwork = true;
			continue;
		}
		const m = /^--(format|tolerance)(?:=(.*))?$/.exec(arg);
		if (m) {
			const value = m[2] ?? argv[++i];
			if (m[1] === 'format') {
				const f = pick('format', value, formats);
				if (typeof f !== 'string') return failure(f);
				format = f;
			} else {
				const t = pick('tolerance', value, tolerances);
				if (typeof t !== 'string') return failure(t);
				tolerance = t;
			}
			continue;
		}
		if (arg.startsWith('-') && arg !== '-') return failure(said('args.unknown', { option: arg }));
		files.push(arg);
	}
	if (files.filter((f) => !f.startsWith('#')).length === 0) return failure(said('args.noFiles', {}));
	if (printNetwork && (files.length !== 1 || files[0].startsWith('#'))) return failure(said('args.printOne', {}));
	return { kind: 'run', options: { format, ...(tolerance ? { tolerance } : {}), ...(noInfer ? { noInfer } : {}), files, ...(printNetwork ? { printNetwork } : {}) } };
}
