/**
 * What Check Workspace leaves out, as one glob for `vscode.workspace.findFiles`: the folders it
 * always skips (`node_modules`, `.git`, `dist`, `out`) and every pattern the user's
 * `files.exclude` turns on, each also for what is inside a folder it matches. VS Code's globs
 * cannot nest `{…}` groups, so each pattern's own groups are expanded first and the whole is one
 * flat group. Pure: no `vscode`, so tests run it in Node.
 */

/** The folders every workspace check skips. */
export const alwaysExcluded = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'];

/**
 * Expands the `{…}` groups of a glob (not nested, as VS Code writes them): `expandBraces('**\/*.{js,map}')`
 * is `['**\/*.js', '**\/*.map']`. A `{` without its `}` is left as it is.
 */
export function expandBraces(glob: string): string[] {
	const open = glob.indexOf('{');
	const close = open < 0 ? -1 : glob.indexOf('}', open);
	if (close < 0) return [glob];
	const head = glob.slice(0, open);
	const rest = expandBraces(glob.slice(close + 1));
	return glob.slice(open + 1, close).split(',').flatMap((choice) => rest.map((tail) => head + choice + tail));
}

/**
 * The exclude glob for a `files.exclude` value: `excludeGlob({'**\/drafts': true, '**\/*.bak': false})`
 * is `{**\/node_modules/**,…,**\/drafts,**\/drafts/**}`. Only patterns set to `true` count; a `{when: …}` rule
 * (exclude a file when a sibling exists) cannot be a glob and is left to VS Code's own views.
 */
export function excludeGlob(filesExclude: unknown): string {
	const patterns = [...alwaysExcluded];
	if (typeof filesExclude === 'object' && filesExclude !== null) {
		for (const [pattern, on] of Object.entries(filesExclude)) {
			if (on !== true) continue;
			// As in VS Code's views, a pattern that matches a folder leaves out everything in it.
			for (const p of expandBraces(pattern)) if (p !== '' && !p.includes(',')) patterns.push(p, p.endsWith('/**') ? p : `${p}/**`);
		}
	}
	return `{${[...new Set(patterns)].join(',')}}`;
}
