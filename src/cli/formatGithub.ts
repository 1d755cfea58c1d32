/**
 * GitHub Actions workflow commands, so a CI step annotates the pull request's lines without a
 * SARIF upload: one `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=derivcheck(code)::message`
 * per diagnostic (`::warning` for warnings, `::notice` for information and hints). Lines and
 * columns are 1-based and `endColumn` is inclusive, as GitHub's annotations count them; a range
 * over several lines carries no columns, which the runner rejects there. The escaping is the
 * actions toolkit's: `%`, CR and LF in the message, and also `:` and `,` in properties, so a
 * message or a path can never end the command early.
 */
import type { Severity } from '../core/index';
import type { FileResult } from './results';

const commands: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = {
	error: 'error',
	warning: 'warning',
	information: 'notice',
	hint: 'notice',
};

/** Escapes a command's message: `escapeData('50% off\n')` is `50%25 off%0A`. */
export function escapeData(s: string): string {
	return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: `escapeProperty('a:b,c')` is `a%3Ab%2Cc`. */
export function escapeProperty(s: string): string {
	return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats the results as workflow commands, one line each, e.g. `::error file=notes.md,line=3,…::…`. */
export function formatGithub(results: readonly FileResult[]): string {
	const lines: string[] = [];
	for (const r of results) {
		const file = r.path.replace(/\\/g, '/');
		for (const d of r.report.diagnostics) {
			const { start, end } = r.index.rangeOf(d.span);
			const props: [string, string][] = [['file', file], ['line', String(start.line + 1)]];
			if (start.line === end.line) props.push(['col', String(start.character + 1)]);
			props.push(['endLine', String(end.line + 1)]);
			if (start.line === end.line) props.push(['endColumn', String(Math.max(end.character, start.character + 1))]);
			props.push(['title', `derivcheck(${d.code})`]);
			const properties = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
			lines.push(`::${commands[d.severity]} ${properties}::${escapeData(d.message)}`);
		}
	}
	return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
