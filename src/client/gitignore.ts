/**
 * Which workspace files git ignores, for Check Workspace and its watcher, as the CLI decides it
 * for folders and globs: every `.gitignore` of a workspace folder is read once per check and
 * applied, with the `ignore` package (git's rules), to the paths below its own folder; a path any
 * of them ignores is left out. Pure: the caller reads the files and passes their texts keyed by
 * their folder relative to the workspace folder (`''` for its root), so tests run it in Node.
 */
import ignore, { type Ignore } from 'ignore';

export class GitIgnores {
	private readonly rules: readonly (readonly [string, Ignore])[];

	/** `new GitIgnores(new Map([['', 'drafts/\n'], ['notes', '*.tmp.md\n']]))`. */
	constructor(files: ReadonlyMap<string, string>) {
		this.rules = [...files].map(([dir, text]) => [dir.replace(/^\/+|\/+$/g, ''), ignore().add(text)] as const);
	}

	/** Whether a `.gitignore` above `path` (relative to the workspace folder, `/`-separated) ignores it. */
	ignores(path: string): boolean {
		for (const [dir, rules] of this.rules) {
			if (dir !== '' && !path.startsWith(`${dir}/`)) continue;
			if (rules.ignores(dir === '' ? path : path.slice(dir.length + 1))) return true;
		}
		return false;
	}
}
