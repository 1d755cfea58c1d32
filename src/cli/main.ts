/**
 * The command-line adapter, bundled into `dist/cli.js`: `derivcheck [--format text|json|sarif|github|html]
 * [--tolerance digits|strict|loose] FILE|FOLDER|GLOB…`. It expands the arguments (expand.ts), reads
 * the files, checks each with the pure core, prints in the chosen format, and exits 0 when clean, 1
 * when any error or warning was found, and 2 on bad usage or when some file could not be checked —
 * missing, unreadable, binary, or a folder or glob with nothing in it — each said on stderr, so a
 * CI run never passes over a document it did not read. Each file is checked with the settings of
 * the configuration file that governs it (`src/node/configFile.ts`), the command line's options
 * over them; a configuration file with a mistake is said on stderr once, the files it governs are
 * not checked, and the run exits 2. With `--print-network FILE` it prints, instead of the findings,
 * the block of the network the check of FILE used (its own blocks written back, or the network read
 * from it) and exits 0, or says on stderr why there is none and exits 1.
 */
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyConfig, createLanguageService, defaultSettings, LineIndex, type DocumentInput, type LanguageService, type Settings } from '../core/index';
import { message, say, type Locale } from '../core/index';
import { ConfigFiles } from '../node/configFile';
import { version } from '../../package.json';
import { parseArgs, type Options } from './args';
import { usageIn } from './usage';
import { expandArgs } from './expand';
import { runGenerate } from './generate';
import { takeLang } from './lang';
import { readInput } from './files';
import { formatGithub } from './formatGithub';
import { formatHtml } from './formatHtml';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { exitStatus, type FileResult } from './results';

/** Checks the files of `options` and returns the exit status; output goes to the given streams, in `locale`. */
export async function run(options: Options, out: (s: string) => void, err: (s: string) => void, locale: Locale = 'en'): Promise<number> {
	const base: Settings = { ...defaultSettings, locale };
	const configs = new ConfigFiles();
	const services = new Map<string, LanguageService>();
	const reported = new Set<string>();
	/** The service for a file's configuration, or undefined (said once on stderr) when that file has a mistake. */
	const serviceFor = (path: string): LanguageService | undefined => {
		const found = configs.forFile(path);
		const key = found?.path ?? '';
		if (found && !found.result.ok) {
			if (!reported.has(key)) err(`${message('cli.badConfig', { path: relative(process.cwd(), found.path) || found.path, reason: say(found.result.said, locale) }, locale)}\n`);
			reported.add(key);
			return undefined;
		}
		let service = services.get(key);
		if (!service) {
			const fromFile: Settings = found?.result.ok ? applyConfig(base, found.result.config) : base;
			const withTolerance = options.tolerance ? { ...fromFile, tolerance: options.tolerance } : fromFile;
			service = createLanguageService(options.noInfer ? { ...withTolerance, inferNetwork: false } : withTolerance);
			services.set(key, service);
		}
		return service;
	};
	const results: FileResult[] = [];
	const { files, missing } = expandArgs(options.files, process.cwd());
	for (const m of missing) err(`${message('expand.line', { reason: say(m.said, locale) }, locale)}\n`);
	let incomplete = missing.length > 0;
	if (options.printNetwork && files.length > 1) {
		err(`${message('cli.printOneFile', { arg: options.files[0], count: files.length }, locale)}\n`);
		return 2;
	}
	for (const path of files) {
		const input = readInput(path, locale);
		if (input.kind === 'unreadable') {
			err(`${message('cli.unreadable', { path, reason: input.reason }, locale)}\n`);
			incomplete = true;
			continue;
		}
		if (input.kind === 'binary') {
			err(`${message('cli.binary', { path, reason: input.reason }, locale)}\n`);
			incomplete = true;
			continue;
		}
		const service = serviceFor(path);
		if (!service) {
			incomplete = true;
			continue;
		}
		const uri = pathToFileURL(resolve(path)).href;
		if (options.printNetwork) return printNetwork(service, { uri, languageId: input.languageId, version: 1, text: input.text }, path, out, err, locale);
		const report = await service.check({ uri, languageId: input.languageId, version: 1, text: input.text });
		if (report) results.push({ path, index: new LineIndex(input.text), report, text: input.text, languageId: input.languageId });
	}
	// With --print-network, the one file was printed above; here it could not be read.
	if (options.printNetwork) return 2;
	if (options.format === 'json') out(formatJson(results));
	else if (options.format === 'sarif') out(formatSarif(results, version, locale));
	else if (options.format === 'github') out(formatGithub(results));
	else if (options.format === 'html') out(formatHtml(results, undefined, locale));
	else out(formatText(results, locale));
	return incomplete ? 2 : exitStatus(results);
}

/** Prints the block of the network the check of one file used: exit 0, or 1 with the reason on stderr, in `locale`. */
async function printNetwork(service: LanguageService, doc: DocumentInput, path: string, out: (s: string) => void, err: (s: string) => void, locale: Locale): Promise<number> {
	const answer = await service.networkBlock(doc);
	if (answer.kind === 'none') {
		err(`${message('cli.printNoNetwork', { path, reason: answer.reason }, locale)}\n`);
		return 1;
	}
	out(`${answer.text}\n`);
	return 0;
}

async function main(): Promise<void> {
	const out = (s: string): void => void process.stdout.write(s);
	const err = (s: string): void => void process.stderr.write(s);
	const lang = takeLang(process.argv.slice(2), process.env);
	if (lang.kind === 'error') {
		const allowed = 'en, zh-cn';
		err(`${lang.value === undefined ? message('cli.noLang', { allowed }, lang.locale) : message('cli.badLang', { allowed, value: lang.value }, lang.locale)}\n\n${usageIn(lang.locale)}`);
		process.exitCode = 2;
		return;
	}
	// `derivcheck generate FILE …` writes a derivation out instead of checking files (generate.ts).
	if (lang.argv[0] === 'generate') {
		process.exitCode = await runGenerate(lang.argv.slice(1), lang.locale, out, err);
		return;
	}
	const parsed = parseArgs(lang.argv);
	switch (parsed.kind) {
		case 'help':
			out(usageIn(lang.locale));
			return;
		case 'version':
			out(`${version}\n`);
			return;
		case 'error':
			err(`${message('args.usageError', { reason: say(parsed.said, lang.locale) }, lang.locale)}\n\n${usageIn(lang.locale)}`);
			process.exitCode = 2;
			return;
		case 'run':
			process.exitCode = await run(parsed.options, out, err, lang.locale);
	}
}

main().catch((e: unknown) => {
	process.stderr.write(`derivcheck: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
	process.exitCode = 2;
});
