/**
 * The configuration file in the server: each document is checked with the settings of the file
 * that governs its folder, the editor's settings over them (`overlayEditor`: every `derivcheck.*`
 * setting that differs from its default wins). Finding and reading files is injected (`main.ts`
 * passes the Node lookup; the web worker passes none, so there only the editor's settings count).
 * A file with a mistake never stops checking: it is logged once, with the sentence that says what
 * is wrong, and the document is checked as if there were no file.
 */
import { applyConfig, defaultSettings, overlayEditor, type Settings } from '../core/index';
import type { FoundConfig } from '../node/configFile';

/** Finds the configuration file for a document (`ConfigFiles` in `src/node/configFile.ts`). */
export interface ConfigLookup {
	forUri(uri: string): FoundConfig | undefined;
	/** Forgets what was read, when a configuration file changed. */
	clear(): void;
}

interface Merged {
	readonly found: FoundConfig;
	readonly editor: Settings;
	readonly settings: Settings;
}

export class ConfigSettings {
	private readonly merged = new Map<string, Merged>();
	private readonly logged = new Set<string>();

	constructor(
		private readonly lookup: ConfigLookup,
		private readonly log: { warn(message: string): void },
	) {}

	/**
	 * The settings for the document at `uri`, given the editor's: the same object as long as
	 * neither the file nor the editor's settings change, so the language service's cache holds.
	 */
	settingsFor(uri: string, editor: Settings): Settings {
		const found = this.lookup.forUri(uri);
		if (!found) return editor;
		if (!found.result.ok) {
			const line = `derivcheck: ignoring the configuration file ${found.path}: ${found.result.message}.`;
			if (!this.logged.has(line)) this.log.warn(line);
			this.logged.add(line);
			return editor;
		}
		const hit = this.merged.get(found.path);
		if (hit && hit.found === found && hit.editor === editor) return hit.settings;
		const settings = overlayEditor(applyConfig(defaultSettings, found.result.config), editor);
		this.merged.set(found.path, { found, editor, settings });
		return settings;
	}

	/** Forgets every file read and every mistake logged, so that a fixed file is read and a new mistake said. */
	clear(): void {
		this.lookup.clear();
		this.merged.clear();
		this.logged.clear();
	}
}
