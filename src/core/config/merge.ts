/**
 * How a configuration file and the editor's settings combine into the core's `Settings`. The rule,
 * the same everywhere: start from the defaults, apply the file, then apply what the user set
 * explicitly — on the CLI its options, in the editor every `derivcheck.*` setting whose value
 * differs from its default (VS Code cannot say whether a value equal to the default was written
 * down, so such a value leaves the file's in force).
 */
import { defaultSettings, type Settings } from '../service';
import type { ConfigFile } from './configFile';

/** `base` with the file's values over it: `applyConfig(defaultSettings, {tolerance: 'loose'}).tolerance` is `loose`. */
export function applyConfig(base: Settings, config: ConfigFile): Settings {
	return {
		enabled: {
			markdown: config.enable?.markdown ?? base.enabled.markdown,
			latex: config.enable?.latex ?? base.enabled.latex,
		},
		tolerance: config.tolerance ?? base.tolerance,
		severity: { ...base.severity, ...config.severity },
		inferNetwork: config.inferNetwork ?? base.inferNetwork,
		...(config.digits !== undefined ? { digits: config.digits } : base.digits !== undefined ? { digits: base.digits } : {}),
		...(base.locale ? { locale: base.locale } : {}),
	};
}

/**
 * The file's settings with the editor's over them, where the editor's differ from the defaults:
 * a file with `tolerance: loose` and an editor left at `digits` gives `loose`; an editor set to
 * `strict` gives `strict`. Severities merge code by code, the editor's winning.
 */
export function overlayEditor(file: Settings, editor: Settings): Settings {
	const pick = <T>(fromEditor: T, fromFile: T, fallback: T): T => (fromEditor !== fallback ? fromEditor : fromFile);
	return {
		enabled: {
			markdown: pick(editor.enabled.markdown, file.enabled.markdown, defaultSettings.enabled.markdown),
			latex: pick(editor.enabled.latex, file.enabled.latex, defaultSettings.enabled.latex),
		},
		tolerance: pick(editor.tolerance, file.tolerance, defaultSettings.tolerance),
		severity: { ...file.severity, ...editor.severity },
		inferNetwork: pick(editor.inferNetwork, file.inferNetwork, defaultSettings.inferNetwork),
		...(file.digits !== undefined || editor.digits !== undefined ? { digits: editor.digits ?? file.digits } : {}),
		// The language is the editor's (its display language); a file does not set it.
		...(editor.locale ?? file.locale ? { locale: editor.locale ?? file.locale } : {}),
	};
}
