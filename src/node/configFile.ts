/**
 * Finds the configuration file that governs a file, for the CLI and the language server (both run
 * in Node; the core only parses, it reads no files). Strategy: as markdownlint finds
 * `.markdownlint.json`, look in the file's own folder, then each folder above it up to the root,
 * and take the first folder that holds one of `configFileNames` (in their order of preference);
 * no merging with files further up. What each folder holds is remembered until `clear()`, which
 * the server calls when a configuration file changes; a run of the CLI reads each file once.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFileNames, parseConfigFile, said, say, type ConfigResult } from '../core/index';

/** A configuration file found, by absolute path, parsed (or with the sentence that says what is wrong). */
export interface FoundConfig {
	readonly path: string;
	readonly result: ConfigResult;
}

function errorCode(e: unknown): string | undefined {
	return typeof e === 'object' && e !== null && 'code' in e ? String((e as NodeJS.ErrnoException).code) : undefined;
}

export class ConfigFiles {
	/** Per folder, the configuration that governs it: found there or above, or none. */
	private readonly byFolder = new Map<string, FoundConfig | undefined>();

	/** The configuration for a file path (relative paths are from the working folder), or undefined when none is found. */
	forFile(path: string): FoundConfig | undefined {
		return this.forFolder(dirname(resolve(path)));
	}

	/** The configuration for a document uri; only `file:` documents have one (untitled and virtual ones get none). */
	forUri(uri: string): FoundConfig | undefined {
		if (!uri.startsWith('file:')) return undefined;
		try {
			return this.forFile(fileURLToPath(uri));
		} catch {
			return undefined;
		}
	}

	/** Forgets what was read, so that the next lookup reads the files again. */
	clear(): void {
		this.byFolder.clear();
	}

	private forFolder(folder: string): FoundConfig | undefined {
		if (this.byFolder.has(folder)) return this.byFolder.get(folder);
		let found = this.inFolder(folder);
		if (!found) {
			const parent = dirname(folder);
			found = parent === folder ? undefined : this.forFolder(parent);
		}
		this.byFolder.set(folder, found);
		return found;
	}

	/** The configuration file in `folder` itself, if any. */
	private inFolder(folder: string): FoundConfig | undefined {
		for (const name of configFileNames) {
			const path = join(folder, name);
			let text: string;
			try {
				text = readFileSync(path, 'utf8');
			} catch (e) {
				const code = errorCode(e);
				if (code === 'ENOENT' || code === 'ENOTDIR') continue;
				const problem = said('config.unreadable', { reason: code === 'EISDIR' ? said('config.aFolder', {}) : code ?? String(e) });
				return { path, result: { ok: false, message: say(problem), said: problem } };
			}
			return { path, result: parseConfigFile(text.replace(/^\uFEFF/, ''), basename(path)) };
		}
		return undefined;
	}
}
