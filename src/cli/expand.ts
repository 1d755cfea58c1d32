/**
 * Turns the command line's FILE|FOLDER|GLOB arguments into the list of files to check, as
 * markdownlint-cli2 users expect. Strategy: an argument that names an existing file is that file,
 * always (naming a file is asking for it); a folder stands for every Markdown and LaTeX file under
 * it; anything else with glob syntax is a glob (fast-glob's syntax, dot files included, relative
 * to the working folder); an argument that starts with `#` excludes what its glob matches, as in
 * markdownlint-cli2. Files found through a folder or a glob skip `node_modules` and `.git` and
 * whatever the `.gitignore` files say (each read with the `ignore` package, as git reads it, from
 * the repository's root down to the file's folder). Files come out in argument order, a glob's
 * matches sorted, each file once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { said, say, type Said } from '../core/index';

/** The extensions a folder is searched for. */
export const checkedExtensions = ['md', 'markdown', 'tex', 'ltx', 'latex'] as const;

/** What never holds the user's derivations, wherever it is. */
const alwaysSkipped = ['**/node_modules/**', '**/.git/**'];

export interface Expansion {
	/** The files to check, as paths relative to the working folder or absolute as given. */
	readonly files: readonly string[];
	/** Arguments that found nothing, each with a sentence: `cannot read nope.md: no such file`. */
	readonly missing: readonly { readonly arg: string; readonly message: string; readonly said: Said }[];
}

/** Reads `.gitignore` files once each and answers whether git would ignore a path. */
class GitIgnores {
	private readonly byDir = new Map<string, Ignore | undefined>();
	private readonly roots = new Map<string, string>();

	constructor(private readonly cwd: string) {}

	/** True when a `.gitignore` between the repository's root and `file` ignores it. */
	ignores(file: string): boolean {
		const abs = resolve(this.cwd, file);
		const root = this.rootOf(dirname(abs));
		const dirs: string[] = [];
		for (let d = dirname(abs); ; d = dirname(d)) {
			dirs.push(d);
			if (d === root || dirname(d) === d) break;
		}
		for (const d of dirs.reverse()) {
			const rules = this.rulesOf(d);
			if (rules && rules.ignores(relative(d, abs).split(sep).join('/'))) return true;
		}
		return false;
	}

	/** The nearest folder above `dir` that holds `.git`; without one, the working folder or `dir` itself. */
	private rootOf(dir: string): string {
		const hit = this.roots.get(dir);
		if (hit !== undefined) return hit;
		let root = dir;
		for (let d = dir; ; d = dirname(d)) {
			if (existsSync(join(d, '.git'))) {
				root = d;
				break;
			}
			if (dirname(d) === d) {
				root = isInside(dir, this.cwd) ? this.cwd : dir;
				break;
			}
		}
		this.roots.set(dir, root);
		return root;
	}

	private rulesOf(dir: string): Ignore | undefined {
		if (this.byDir.has(dir)) return this.byDir.get(dir);
		let rules: Ignore | undefined;
		try {
			rules = ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
		} catch {
			rules = undefined;
		}
		this.byDir.set(dir, rules);
		return rules;
	}
}

function isInside(path: string, folder: string): boolean {
	const r = relative(folder, path);
	return !r.startsWith('..') && !isAbsolute(r);
}

function kindOf(path: string): 'file' | 'folder' | undefined {
	try {
		const s = statSync(path);
		return s.isDirectory() ? 'folder' : 'file';
	} catch {
		return undefined;
	}
}

/**
 * Expands the arguments in `cwd`: `expandArgs(['notes/', '**\/*.tex', 'README.md'], cwd)` gives
 * every Markdown and LaTeX file under `notes/`, every `.tex` file, and `README.md`.
 */
export function expandArgs(args: readonly string[], cwd: string): Expansion {
	const excluded = args.filter((a) => a.startsWith('#')).map((a) => a.slice(1));
	const gitignores = new GitIgnores(cwd);
	const seen = new Set<string>();
	const files: string[] = [];
	const missing: { arg: string; message: string; said: Said }[] = [];
	const nothing = (arg: string, problem: Said) => missing.push({ arg, message: say(problem), said: problem });
	const add = (file: string): void => {
		const key = resolve(cwd, file);
		if (seen.has(key)) return;
		seen.add(key);
		files.push(file);
	};
	for (const arg of args) {
		if (arg.startsWith('#')) continue;
		const kind = kindOf(resolve(cwd, arg));
		if (kind === 'file') {
			add(arg);
			continue;
		}
		if (kind === undefined && !fg.isDynamicPattern(arg)) {
			nothing(arg, said('expand.noSuchFile', { arg }));
			continue;
		}
		const pattern = kind === 'folder'
			? `${fg.convertPathToPattern(arg.replace(/[\\/]+$/, '') || arg)}/**/*.{${checkedExtensions.join(',')}}`
			: arg;
		const matched = fg.sync(pattern, { cwd, dot: true, onlyFiles: true, caseSensitiveMatch: kind !== 'folder', ignore: [...alwaysSkipped, ...excluded] });
		const found = matched.filter((f) => !gitignores.ignores(f)).sort();
		if (found.length === 0) {
			const id = kind === 'folder'
				? (matched.length > 0 ? 'expand.folderIgnored' : 'expand.folderEmpty')
				: (matched.length > 0 ? 'expand.globIgnored' : 'expand.globEmpty');
			nothing(arg, said(id, { arg }));
			continue;
		}
		for (const f of found) add(f);
	}
	return { files, missing };
}
