/**
 * Reads one file the CLI checks. Strategy: a file is text unless `binaryReason` (binary.ts) says
 * otherwise, so a document with a stray NUL byte (a copy-paste accident) is still checked, and a
 * binary file is not checked and the caller reports it. A file that cannot be read says why in words
 * (`no such file`, `permission denied`), not as an error code. The language follows the extension:
 * `.tex`, `.ltx`, `.latex` are LaTeX, everything else Markdown.
 */
import { readFileSync } from 'node:fs';
import { defaultLocale, type Locale } from '../core/messages/locale';
import { message as say, type MessageId } from '../core/messages/message';
import { binaryReason } from './binary';

export type ReadResult =
	| { readonly kind: 'text'; readonly path: string; readonly text: string; readonly languageId: 'markdown' | 'latex' }
	| { readonly kind: 'binary'; readonly path: string; readonly reason: string }
	| { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

/** The language of a path by its extension: `languageOfPath('notes.tex')` is `latex`. */
export function languageOfPath(path: string): 'markdown' | 'latex' {
	return /\.(tex|ltx|latex)$/i.test(path) ? 'latex' : 'markdown';
}

/** The error codes said in words, each by its message. */
const reasons: Readonly<Record<string, MessageId>> = {
	ENOENT: 'file.ENOENT',
	EACCES: 'file.EACCES',
	EPERM: 'file.EACCES',
	EISDIR: 'file.EISDIR',
	ENOTDIR: 'file.ENOTDIR',
	ELOOP: 'file.ELOOP',
	ENAMETOOLONG: 'file.ENAMETOOLONG',
	EMFILE: 'file.EMFILE',
	EIO: 'file.EIO',
	EBUSY: 'file.EBUSY',
};

/** Why a file could not be read, in words in `locale`: `{code: 'ENOENT'}` is `no such file`. */
export function readFailure(e: unknown, locale: Locale = defaultLocale): string {
	const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as NodeJS.ErrnoException).code) : undefined;
	if (code && Object.hasOwn(reasons, code)) return say(reasons[code] as 'file.ENOENT', {}, locale);
	// Node's own wording (English, a code derivcheck has no words for) without the code and the path: "EXDEV: cross-device link not permitted, open 'x'".
	const message = e instanceof Error ? e.message : String(e);
	return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
}

/** Reads one file as UTF-8 (a BOM is dropped), or says why it was not read, in `locale`. */
export function readInput(path: string, locale: Locale = defaultLocale): ReadResult {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		return { kind: 'unreadable', path, reason: readFailure(e, locale) };
	}
	const binary = binaryReason(bytes, locale);
	if (binary) return { kind: 'binary', path, reason: binary };
	const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
	return { kind: 'text', path, text, languageId: languageOfPath(path) };
}
