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
	| { readonly ok: false; readonly message: string };

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

function fail(message: string): ConfigResult {
	return { ok: false, message };
}

/** Checks a parsed value against the documented shape: `validate({tolerance: 'exact'})` says what tolerance may be. */
export function validateConfig(raw: unknown): ConfigResult {
	if (raw === null || raw === undefined) return { ok: true, config: {} };
	if (!isRecord(raw)) return fail(`the file must hold an object of settings, not ${shown(raw)}`);
	const config: { -readonly [K in keyof ConfigFile]: ConfigFile[K] } = {};
	for (const [key, value] of Object.entries(raw)) {
		if (key === '$schema') continue;
		if (key === 'tolerance') {
			const t = tolerances.find((x) => x === value);
			if (!t) return fail(`"tolerance" must be one of ${tolerances.join(', ')}, not ${shown(value)}`);
			config.tolerance = t;
		} else if (key === 'severity') {
			if (!isRecord(value)) return fail(`"severity" must be an object of codes, not ${shown(value)}`);
			const severity: Partial<Record<DiagnosticCode, Severity | 'off'>> = {};
			for (const [code, s] of Object.entries(value)) {
				if (!codes.includes(code)) return fail(`"severity" names an unknown code ${shown(code)}; the codes are ${codes.join(', ')}`);
				if (typeof s !== 'string' || !severities.includes(s)) return fail(`"severity.${code}" must be one of ${severities.join(', ')}, not ${shown(s)}`);
				severity[code as DiagnosticCode] = s as Severity | 'off';
			}
			config.severity = severity;
		} else if (key === 'enable') {
			if (!isRecord(value)) return fail(`"enable" must be an object like {"markdown": true, "latex": false}, not ${shown(value)}`);
			const enable: { markdown?: boolean; latex?: boolean } = {};
			for (const [language, on] of Object.entries(value)) {
				if (language !== 'markdown' && language !== 'latex') return fail(`"enable" names an unknown language ${shown(language)}; the languages are markdown, latex`);
				if (typeof on !== 'boolean') return fail(`"enable.${language}" must be true or false, not ${shown(on)}`);
				enable[language] = on;
			}
			config.enable = enable;
		} else if (key === 'inferNetwork') {
			if (typeof value !== 'boolean') return fail(`"inferNetwork" must be true or false, not ${shown(value)}`);
			config.inferNetwork = value;
		} else if (key === 'digits') {
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DIGITS) return fail(`"digits" must be a whole number from 0 to ${MAX_DIGITS}, not ${shown(value)}`);
			config.digits = value;
		} else {
			return fail(`unknown setting ${shown(key)}; the settings are tolerance, severity, enable, inferNetwork, digits`);
		}
	}
	return { ok: true, config };
}

/** Where an offset is, for a message: `line 3, column 7`. */
function at(text: string, offset: number): string {
	const p = new LineIndex(text).positionAt(offset);
	return `line ${p.line + 1}, column ${p.character + 1}`;
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
		if (error) return fail(`it is not valid YAML at ${at(text, error.pos[0])}: ${error.message.split('\n')[0]}`);
		raw = doc.toJS();
	} else {
		const errors: ParseError[] = [];
		raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
		const error = errors[0];
		if (error) return fail(`it is not valid JSON at ${at(text, error.offset)}: ${printParseErrorCode(error.error)}`);
	}
	return validateConfig(raw);
}
