/**
 * The JSON format, a contract (DESIGN 3): `{"files":[{"path","diagnostics":[…]}],"summary":{…}}`
 * with LSP conventions — 0-based lines and UTF-16 characters, severity error | warning |
 * information | hint. An `inherited` diagnostic also carries its `origin` range. A file whose
 * network was read off the document, or could not be, says so in `network` (`{"source":"read"}` or
 * `{"source":"none","reason":…}`); a file with a block, or with nothing to read, has no `network`.
 */
import type { NetworkSource, Range } from '../core/index';
import { totals, type FileResult } from './results';

export interface JsonDiagnostic {
	readonly code: string;
	readonly severity: string;
	readonly message: string;
	readonly range: Range;
	readonly stated?: string;
	readonly expected?: string;
	readonly origin?: Range;
}

export interface JsonOutput {
	readonly files: readonly { readonly path: string; readonly diagnostics: readonly JsonDiagnostic[]; readonly network?: NetworkSource }[];
	readonly summary: ReturnType<typeof totals>;
}

/** The JSON document for the results, as an object (see `formatJson` for the text). */
export function toJson(results: readonly FileResult[]): JsonOutput {
	return {
		files: results.map((r) => ({
			path: r.path,
			diagnostics: r.report.diagnostics.map((d) => ({
				code: d.code,
				severity: d.severity,
				message: d.message,
				range: r.index.rangeOf(d.span),
				...(d.stated !== undefined ? { stated: d.stated } : {}),
				...(d.expected !== undefined ? { expected: d.expected } : {}),
				...(d.origin ? { origin: r.index.rangeOf(d.origin) } : {}),
			})),
			...(r.report.summary.network ? { network: r.report.summary.network } : {}),
		})),
		summary: totals(results),
	};
}

/** Formats the results as indented JSON text with a final newline. */
export function formatJson(results: readonly FileResult[]): string {
	return JSON.stringify(toJson(results), null, 2) + '\n';
}
