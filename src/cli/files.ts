/**
 * Reads the files the CLI was given. A file that cannot be read is an error (exit status 2); a
 * binary file (one with a NUL byte) is skipped with a note, since it holds no derivation. The
 * language follows the extension: `.tex`, `.ltx`, `.latex` are LaTeX, everything else Markdown.
 */
import { readFileSync } from 'node:fs';

export type ReadResult =
	| { readonly kind: 'text'; readonly path: string; readonly text: string; readonly languageId: 'markdown' | 'latex' }
	| { readonly kind: 'binary'; readonly path: string }
	| { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

/** The language of a path by its extension: `languageOfPath('notes.tex')` is `latex`. */
export function languageOfPath(path: string): 'markdown' | 'latex' {
	return /\.(tex|ltx|latex)$/i.test(path) ? 'latex' : 'markdown';
}

/** Reads one file as UTF-8 (a BOM is dropped), or says why it was not read. */
export function readInput(path: string): ReadResult {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : String(e);
		return { kind: 'unreadable', path, reason };
	}
	if (bytes.includes(0)) return { kind: 'binary', path };
	const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
	return { kind: 'text', path, text, languageId: languageOfPath(path) };
}
