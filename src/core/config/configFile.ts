/**
 * The configuration file, `.derivcheck.json` (or `.jsonc`, `.yaml`, `.yml`), read the same way by
 * the CLI and the language server. Strategy: the adapters find the file (from a document's folder
 * upwards, the first one found, as `.markdownlint.json` is found) and hand its text here; this
 * module parses it (JSON with comments through jsonc-parser, YAML through `yaml`), checks every
 * value, and answers either the configuration or one sentence that says what is wrong and where.
 * It never throws on what the user wrote. `schemas/derivcheck.schema.json` describes the same
 * shape for editors; a test keeps the two in step.
 */
// jsonc-parser's main entry is a UMD build that esbuild cannot bundle (it requires `./impl/format`
// at run time), so its ES module build is imported; the API is the same.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { parseDocument } from 'yaml';
import { DiagnosticCode, type Severity } from '../check/diagnostic';
import type { TolerancePolicy } from '../service';
import { LineIndex } from '../text/lineIndex';
import { said, say, type Said } from '../messages/message';

/** The names looked for in each folder, in this order of preference. */
export const configFileNames = ['.derivcheck.json', '.derivcheck.jsonc', '.derivcheck.yaml', '.derivcheck.yml'] as const;

export interface ConfigFile {
	readonly tolerance?: TolerancePolicy;
	readonly severity?: Readonly<Partial<Record<DiagnosticCode, Severity | 'off'>>>;
	readonly enable?: { readonly markdown?: boolean; readonly latex?: boolean };
	/** Whether a network may be read from a document that declares none (DESIGN 2.6). */
	readonly inferNetwork?: boolean;
	/** The decimal places fixes write; absent, the author's own precision. */
	readonly digits?: number;
}

export type ConfigResult =
	| { readonly ok: true; readonly config: ConfigFile }
	| { readonly ok: false; readonly message: string; readonly said: Said };

const tolerances: readonly TolerancePolicy[] = ['digits', 'strict', 'loose'];
const severities: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
const codes: readonly string[] = Object.values(DiagnosticCode).filter((c) => c !== 'unchecked');
const MAX_DIGITS = 15;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(v: unknown): string {
	return JSON.stringify(v) ?? String(v);
}

/** A mistake, in English (`message`) and as data to be said in the reader's language (`said`). */
function fail(problem: Said): ConfigResult {
	return { ok: false, message: say(problem), said: problem };
}

/** Checks a parsed value against the documented shape: `validate({tolerance: 'exact'})` says what tolerance may be. */
export function validateConfig(raw: unknown): ConfigResult {
	if (raw === null || raw === undefined) return { ok: true, config: {} };
	if (!isRecord(raw)) return fail(said('config.notObject', { found: shown(raw) }));
	const config: { -readonly [K in keyof ConfigFile]: ConfigFile[K] } = {};
	for (const [key, value] of Object.entries(raw)) {
		if (key === '$schema') continue;
		if (key === 'tolerance') {
			const t = tolerances.find((x) => x === value);
			if (!t) return fail(said('config.tolerance', { allowed: tolerances.join(', '), found: shown(value) }));
			config.tolerance = t;
		} else if (key === 'severity') {
			if (!isRecord(value)) return fail(said('config.severityObject', { found: shown(value) }));
			const severity: Partial<Record<DiagnosticCode, Severity | 'off'>> = {};
			for (const [code, s] of Object.entries(value)) {
				if (!codes.includes(code)) return fail(said('config.unknownCode', { code: shown(code), codes: codes.join(', ') }));
				if (typeof s !== 'string' || !severities.includes(s)) return fail(said('config.severity', { code, allowed: severities.join(', '), found: shown(s) }));
				severity[code as DiagnosticCode] = s as Severity | 'off';
			}
			config.severity = severity;
		} else if (key === 'enable') {
			if (!isRecord(value)) return fail(said('config.enableObject', { example: '{"markdown": true, "latex": false}', found: shown(value) }));
			const enable: { markdown?: boolean; latex?: boolean } = {};
			for (const [language, on] of Object.entries(value)) {
				if (language !== 'markdown' && language !== 'latex') return fail(said('config.unknownLanguage', { language: shown(language) }));
				if (typeof on !== 'boolean') return fail(said('config.enableBool', { language, found: shown(on) }));
				enable[language] = on;
			}
			config.enable = enable;
		} else if (key === 'inferNetwork') {
			if (typeof value !== 'boolean') return fail(said('config.inferBool', { found: shown(value) }));
			config.inferNetwork = value;
		} else if (key === 'digits') {
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DIGITS) return fail(said('config.digits', { max: MAX_DIGITS, found: shown(value) }));
			config.digits = value;
		} else {
			return fail(said('config.unknownSetting', { key: shown(key) }));
		}
	}
	return { ok: true, config };
}

/** Where an offset is, for a message: `{line: 3, column: 7}`, 1-based. */
function at(text: string, offset: number): { line: number; column: number } {
	const p = new LineIndex(text).positionAt(offset);
	return { line: p.line + 1, column: p.character + 1 };
}

/**
 * Parses and checks a configuration file's text; the name decides the syntax (`.yaml`/`.yml` are
 * YAML, the rest JSON with comments). `parseConfigFile('{"tolerance": "strict"}', '.derivcheck.json')`
 * gives `{ok: true, config: {tolerance: 'strict'}}`.
 */
export function parseConfigFile(text: string, fileName: string): ConfigResult {
	let raw: unknown;
	if (/\.ya?ml$/i.test(fileName)) {
		const doc = parseDocument(text, { prettyErrors: false });
		const error = doc.errors[0];
		if (error) return fail(said('config.notYaml', { ...at(text, error.pos[0]), error: error.message.split('\n')[0] }));
		raw = doc.toJS();
	} else {
		const errors: ParseError[] = [];
		raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
		const error = errors[0];
		if (error) return fail(said('config.notJson', { ...at(text, error.offset), error: printParseErrorCode(error.error) }));
	}
	return validateConfig(raw);
}
