/**
 * The diagnostics the Markdown preview marks, from what the editor holds: VS Code's diagnostics
 * for the document, only derivcheck's (source `derivcheck`), as the plain data the core's preview
 * plugin reads. Pure (it takes the diagnostics' shape, not the `vscode` module), so mocha tests it;
 * VS Code's `DiagnosticSeverity` counts Error 0, Warning 1, Information 2, Hint 3.
 */
import type { PreviewDiagnostic } from '../core/features/report/preview';

/** The shape of a `vscode.Diagnostic` this file reads. */
export interface EditorDiagnostic {
	readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
	readonly severity: number;
	readonly message: string;
	readonly source?: string;
	readonly code?: string | number | { readonly value: string | number };
}

const severities = ['error', 'warning', 'information', 'hint'] as const;

/** derivcheck's diagnostics among `all`: `previewDiagnostics([{ source: 'derivcheck', severity: 0, … }])[0].severity` is `error`. */
export function previewDiagnostics(all: readonly EditorDiagnostic[]): PreviewDiagnostic[] {
	return all.filter((d) => d.source === 'derivcheck').map((d) => ({
		start: { line: d.range.start.line, character: d.range.start.character },
		end: { line: d.range.end.line, character: d.range.end.character },
		severity: severities[d.severity] ?? 'information',
		code: String(typeof d.code === 'object' ? d.code.value : d.code ?? ''),
		message: d.message,
	}));
}

/** The document a preview render is for: VS Code's markdown engine passes it as `env.currentDocument`. */
export function currentDocument(env: unknown): string | undefined {
	const doc = typeof env === 'object' && env !== null ? (env as { currentDocument?: unknown }).currentDocument : undefined;
	return doc && typeof doc === 'object' && typeof doc.toString === 'function' ? doc.toString() : undefined;
}
