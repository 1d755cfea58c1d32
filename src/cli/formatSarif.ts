/**
 * SARIF 2.1.0, the format code-scanning services read: one run whose tool lists a rule per
 * diagnostic code, and one result per diagnostic with a 1-based region (columns in UTF-16 code
 * units, the end column exclusive). Paths become relative URIs with forward slashes. The rules'
 * descriptions and the results' messages are in the run's language; ids and levels never change.
 */
import { DiagnosticCode, defaultSeverity, message, type Locale, type Severity } from '../core/index';
import type { FileResult } from './results';

const codes: readonly DiagnosticCode[] = Object.values(DiagnosticCode).filter((c) => c !== 'unchecked');

/** SARIF levels for derivcheck severities: information and hint become `note`. */
function level(s: Severity): 'error' | 'warning' | 'note' {
	return s === 'error' || s === 'warning' ? s : 'note';
}

function artifactUri(path: string): string {
	return path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** The SARIF log for the results, as an object. */
export function toSarif(results: readonly FileResult[], version: string, locale: Locale = 'en'): unknown {
	const rules = codes.map((id) => ({
		id,
		name: id,
		shortDescription: { text: message(`code.${id}`, {}, locale) },
		defaultConfiguration: { level: level(defaultSeverity[id]) },
	}));
	const region = (r: FileResult, s: { start: number; end: number }) => {
		const { start, end } = r.index.rangeOf(s);
		return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
	};
	return {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [{
			tool: { driver: { name: 'derivcheck', version, informationUri: 'https://github.com/derivcheck/derivcheck', rules } },
			columnKind: 'utf16CodeUnits',
			results: results.flatMap((r) => r.report.diagnostics.map((d) => ({
				ruleId: d.code,
				ruleIndex: codes.indexOf(d.code),
				level: level(d.severity),
				message: { text: d.message },
				locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(r.path) }, region: region(r, d.span) } }],
				...(d.origin ? {
					relatedLocations: [{
						id: 0,
						message: { text: message('sarif.origin', {}, locale) },
						physicalLocation: { artifactLocation: { uri: artifactUri(r.path) }, region: region(r, d.origin) },
					}],
				} : {}),
				...(d.fix ? {
					fixes: [{
						description: { text: d.stated !== undefined ? message('sarif.replace', { stated: d.stated, fixed: d.fix.newText }, locale) : message('sarif.replaceNumber', { fixed: d.fix.newText }, locale) },
						artifactChanges: [{
							artifactLocation: { uri: artifactUri(r.path) },
							replacements: [{ deletedRegion: region(r, d.fix.span), insertedContent: { text: d.fix.newText } }],
						}],
					}],
				} : {}),
			}))),
		}],
	};
}

/** Formats the results as SARIF 2.1.0 JSON text. */
export function formatSarif(results: readonly FileResult[], version: string, locale: Locale = 'en'): string {
	return JSON.stringify(toSarif(results, version, locale), null, 2) + '\n';
}
