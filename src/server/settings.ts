/**
 * The `derivcheck.*` settings, pulled from the client with `workspace/configuration` and turned
 * into the core's `Settings`. Whatever the user wrote is validated value by value: a value of the
 * wrong type falls back to the default, so a typo in settings.json never stops checking. These are
 * the editor's settings; `config.ts` lays them over a document's configuration file.
 */
import { defaultSettings, DiagnosticCode, type Settings, type Severity, type TolerancePolicy } from '../core/index';

const tolerances: readonly TolerancePolicy[] = ['digits', 'strict', 'loose'];
const severities: readonly (Severity | 'off')[] = ['error', 'warning', 'information', 'hint', 'off'];
const codes: readonly string[] = Object.values(DiagnosticCode);

function record(v: unknown): Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function bool(v: unknown, fallback: boolean): boolean {
	return typeof v === 'boolean' ? v : fallback;
}

/**
 * The core's settings for the raw `derivcheck` section, e.g.
 * `{enable: {latex: false}, tolerance: 'strict', severity: {inherited: 'off'}}`.
 */
export function toSettings(raw: unknown): Settings {
	const section = record(raw);
	const enable = record(section.enable);
	const tolerance = tolerances.find((t) => t === section.tolerance) ?? defaultSettings.tolerance;
	const severity: Partial<Record<DiagnosticCode, Severity | 'off'>> = {};
	for (const [code, value] of Object.entries(record(section.severity))) {
		const s = severities.find((x) => x === value);
		if (s && codes.includes(code)) severity[code as DiagnosticCode] = s;
	}
	return {
		enabled: {
			markdown: bool(enable.markdown, defaultSettings.enabled.markdown),
			latex: bool(enable.latex, defaultSettings.enabled.latex),
		},
		tolerance,
		severity,
		inferNetwork: bool(section.inferNetwork, defaultSettings.inferNetwork),
	};
}
