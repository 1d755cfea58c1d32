/**
 * The text format, one line per diagnostic as compilers print them, so editors and CI logs link
 * them: `path:line:col: severity code: message`, 1-based line and column. A summary line follows;
 * it counts the findings suppression comments silenced when there are any. For a document without a
 * network block, one more line says where its truth came from: `notes.md: network read from the
 * document`, or `notes.md: no network: …` with the reason the network could not be read (DESIGN 2.6).
 */
import { message, type Locale } from '../core/index';
import { totals, type FileResult } from './results';

/**
 * Formats the results as text, e.g. `notes.md:3:42: error arithmetic: …`. The summary is in
 * `locale`; the `severity code` part stays as it is, for tools that read it.
 */
export function formatText(results: readonly FileResult[], locale: Locale = 'en'): string {
	const lines: string[] = [];
	for (const r of results) {
		for (const d of r.report.diagnostics) {
			const p = r.index.positionAt(d.span.start);
			lines.push(`${r.path}:${p.line + 1}:${p.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
		}
	}
	const t = totals(results);
	const files = t.files === 1 ? message('cli.files.one', {}, locale) : message('cli.files', { count: t.files }, locale);
	const counts = { files, checked: t.checked, wrong: t.wrong, unchecked: t.unchecked };
	lines.push(t.suppressed > 0 ? message('cli.summarySuppressed', { ...counts, suppressed: t.suppressed }, locale) : message('cli.summary', counts, locale));
	if (t.uncheckedNames.length > 0) lines.push(message('cli.uncheckedNames', { names: t.uncheckedNames.join(', ') }, locale));
	for (const r of results) {
		const n = r.report.summary.network;
		if (n?.source === 'read') lines.push(message('cli.networkRead', { path: r.path }, locale));
		else if (n?.source === 'none') lines.push(message('cli.noNetwork', { path: r.path, reason: n.reason }, locale));
	}
	return lines.join('\n') + '\n';
}
