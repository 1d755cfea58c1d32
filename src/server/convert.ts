/**
 * Converts the core's plain data (absolute offsets, string severities) into LSP types. Offsets
 * become positions here and nowhere else in the server, through the core's `LineIndex`, which is
 * cached per document version so that a burst of requests on one version builds it once.
 */
import {
	CodeActionKind,
	DiagnosticSeverity,
	type CodeAction as LspCodeAction,
	type Diagnostic as LspDiagnostic,
	type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, type CodeAction, type Diagnostic, type DocumentInput, type Severity, type TextEdit } from '../core/index';
import { fixAllKind, insertNetworkBlockKind } from './protocol';

const indexes = new Map<string, { text: string; index: LineIndex }>();

/** The line index of a document's current text, built once per text. */
export function lineIndexOf(doc: TextDocument): LineIndex {
	const text = doc.getText();
	const hit = indexes.get(doc.uri);
	if (hit && hit.text === text) return hit.index;
	const index = new LineIndex(text);
	indexes.set(doc.uri, { text, index });
	return index;
}

/** Forgets a closed document's line index. */
export function forgetLineIndex(uri: string): void {
	indexes.delete(uri);
}

/** The core's view of an editor document: `{uri, languageId, version, text}`. */
export function toInput(doc: TextDocument): DocumentInput {
	return { uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.getText() };
}

const severities: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** The payload an LSP diagnostic carries in `data`: the numbers and the fix, in LSP positions. */
export interface DiagnosticData {
	readonly stated?: string;
	readonly expected?: string;
	readonly fix?: LspTextEdit;
}

/** An LSP text edit for a core edit: `{span: {start: 4, end: 9}, newText: '0.169'}` → a range. */
export function toTextEdit(index: LineIndex, edit: TextEdit): LspTextEdit {
	return { range: index.rangeOf(edit.span), newText: edit.newText };
}

/**
 * An LSP diagnostic for a core diagnostic: code as the string code, source `derivcheck`, the
 * origin of an `inherited` value and any related spans as related information, the fix in `data`.
 */
export function toLspDiagnostic(uri: string, index: LineIndex, d: Diagnostic): LspDiagnostic {
	const related = [
		...(d.origin ? [{ location: { uri, range: index.rangeOf(d.origin) }, message: 'The error this value carries starts here.' }] : []),
		...(d.related ?? []).map((r) => ({ location: { uri, range: index.rangeOf(r.span) }, message: r.message })),
	];
	const data: DiagnosticData = { stated: d.stated, expected: d.expected, fix: d.fix ? toTextEdit(index, d.fix) : undefined };
	return {
		range: index.rangeOf(d.span),
		severity: severities[d.severity],
		code: d.code,
		source: 'derivcheck',
		message: d.message,
		...(related.length > 0 ? { relatedInformation: related } : {}),
		data,
	};
}

/** An LSP code action with a workspace edit; the core's `source.fixAll` becomes `source.fixAll.derivcheck`. */
export function toLspCodeAction(uri: string, index: LineIndex, a: CodeAction): LspCodeAction {
	return {
		title: a.title,
		kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : a.kind === 'source' ? insertNetworkBlockKind : fixAllKind,
		diagnostics: a.diagnostics.map((d) => toLspDiagnostic(uri, index, d)),
		edit: { changes: { [uri]: a.edits.map((e) => toTextEdit(index, e)) } },
		...(a.isPreferred ? { isPreferred: true } : {}),
	};
}
