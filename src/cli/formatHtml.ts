/**
 * The HTML format: one standalone page on stdout, rendered by the pure core
 * (`core/features/report`) from each file's text and diagnostics; this adapter only supplies
 * KaTeX's stylesheet with its fonts (katexAssets.ts).
 */
import { renderReport, type ReportFile } from '../core/features/report/report';
import type { Locale } from '../core/index';
import { katexCss } from './katexAssets';
import type { FileResult } from './results';

/** Formats the results as one HTML page, e.g. `<!DOCTYPE html>…<mark class="dc-error" data-code="arithmetic" …>`. */
export function formatHtml(results: readonly FileResult[], css: string | undefined = katexCss(), locale: Locale = 'en'): string {
	const files: ReportFile[] = results.map((r) => ({
		path: r.path,
		text: r.text ?? '',
		language: r.languageId ?? 'markdown',
		diagnostics: r.report.diagnostics,
	}));
	return renderReport(files, { ...(css === undefined ? {} : { katexCss: css }), locale });
}
