/**
 * The text format, one line per diagnostic as compilers print them, so editors and CI logs link
 * them: `path:line:col: severity code: message`, 1-based line and column. A summary line follows;
 * it counts the findings suppression comments silenced when there are any.
 */
import { totals, type FileResult } from './results';

/** Formats the results as text, e.g. `notes.md:3:42: error arithmetic: …`. */
export function formatText(results: readonly FileResult[]): string {
	const lines: string[] = [];
	for (const r of results) {
		for (const d of r.report.diagnostics) {
			const p = r.index.positionAt(d.span.start);
			lines.push(`${r.path}:${p.line + 1}:${p.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
		}
	}
	const t = totals(results);
	const suppressed = t.suppressed > 0 ? ` · ${t.suppressed} suppressed` : '';
	lines.push(`${t.files} ${t.files === 1 ? 'file' : 'files'} · ${t.checked} checked · ${t.wrong} wrong · ${t.unchecked} unchecked${suppressed}`);
	if (t.uncheckedNames.length > 0) lines.push(`unchecked names: ${t.uncheckedNames.join(', ')}`);
	return lines.join('\n') + '\n';
}
