/**
 * SARIF 2.1.0, the format code-scanning services read: one run whose tool lists a rule per
 * diagnostic code, and one result per diagnostic with a 1-based region (columns in UTF-16 code
 * units, the end column exclusive). Paths become relative URIs with forward slashes.
 */
import { DiagnosticCode, defaultSeverity, type Severity } from '../core/index';
import type { FileResult } from './results';

const descriptions: Readonly<Record<DiagnosticCode, string>> = {
	arithmetic: 'The written computation does not equal its written result.',
	value: "A stated value differs from the network's true value, and the error starts here.",
	substitution: "A number written for a name is not that name's value.",
	formula: "The written symbolic formula is not the network's formula for that quantity.",
	inherited: 'A stated value is off only because it carries an earlier error.',
	network: 'The network block is malformed.',
	unchecked: 'Not understood; counted, never reported.',
};

const codes: readonly DiagnosticCode[] = Object.values(DiagnosticCode).filter((c) => c !== 'unchecked');

/** SARIF levels for derivcheck severities: information and hint become `note`. */
function level(s: Severity): 'error' | 'warning' | 'note' {
	return s === 'error' || s === 'warning' ? s : 'note';
}

function artifactUri(path: string): string {
	return path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** The SARIF log for the results, as an object. */
export function toSarif(results: readonly FileResult[], version: string): unknown {
	const rules = codes.map((id) => ({
		id,
		name: id,
		shortDescription: { text: descriptions[id] },
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
						message: { text: 'The error this value carries starts here.' },
						physicalLocation: { artifactLocation: { uri: artifactUri(r.path) }, region: region(r, d.origin) },
					}],
				} : {}),
				...(d.fix ? {
					fixes: [{
						description: { text: `Replace ${d.stated ?? 'the number'} with ${d.fix.newText}.` },
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
export function formatSarif(results: readonly FileResult[], version: string): string {
	return JSON.stringify(toSarif(results, version), null, 2) + '\n';
}
