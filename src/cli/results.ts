/**
 * What the CLI checked, as plain data the formatters read: per file its path as the user gave it,
 * its line index and the core's report. The formatters are pure functions of these, so tests feed
 * them hand-made reports; this file also holds the totals every format prints.
 */
import type { CheckReport, LineIndex } from '../core/index';

export interface FileResult {
	/** The path as given on the command line. */
	readonly path: string;
	readonly index: LineIndex;
	readonly report: CheckReport;
	/** The document's text and language, for the formats that show the document (html). */
	readonly text?: string;
	readonly languageId?: 'markdown' | 'latex';
}

export interface Totals {
	readonly files: number;
	readonly checked: number;
	readonly wrong: number;
	readonly unchecked: number;
	readonly uncheckedNames: readonly string[];
	/** Findings silenced by suppression comments, not among `errors` and `warnings`. */
	readonly suppressed: number;
	readonly errors: number;
	readonly warnings: number;
}

/** Sums the summaries of all files; unchecked names are listed once each, in order of appearance. */
export function totals(results: readonly FileResult[]): Totals {
	const names = new Set<string>();
	let checked = 0, wrong = 0, unchecked = 0, suppressed = 0, errors = 0, warnings = 0;
	for (const r of results) {
		checked += r.report.summary.checked;
		wrong += r.report.summary.wrong;
		unchecked += r.report.summary.unchecked;
		suppressed += r.report.summary.suppressed;
		for (const n of r.report.summary.uncheckedNames) names.add(n);
		for (const d of r.report.diagnostics) {
			if (d.severity === 'error') errors++;
			else if (d.severity === 'warning') warnings++;
		}
	}
	return { files: results.length, checked, wrong, unchecked, uncheckedNames: [...names], suppressed, errors, warnings };
}

/** The exit status for the results: 1 when any error or warning was found, else 0. */
export function exitStatus(results: readonly FileResult[]): 0 | 1 {
	const t = totals(results);
	return t.errors + t.warnings > 0 ? 1 : 0;
}
