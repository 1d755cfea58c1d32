/**
 * The command "Export Checked Document as HTML" (`derivcheck.exportHtml`): the same standalone page
 * as `derivcheck --format html`, for the document in the active editor. The server renders it from
 * the diagnostics the editor shows (`derivcheck/exportHtml`); this side asks where to save it (a
 * save dialog, by default beside the document with the extension `.html`) and writes it through
 * `vscode.workspace.fs`, so it works in virtual workspaces too.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { exportHtmlRequest, type ExportHtmlParams, type ExportHtmlResult } from '../server/protocol';

/** The default file of the export: `notes/week1.md` → `notes/week1.html`. */
export function defaultExportUri(document: vscode.Uri): vscode.Uri {
	const name = document.path.split('/').pop() ?? 'document';
	const base = name.replace(/\.[^.]*$/, '') || name;
	return vscode.Uri.joinPath(document, '..', `${base}.html`);
}

/** Exports the active Markdown or LaTeX document as HTML; returns where it was written, if it was. */
export async function exportHtml(client: BaseLanguageClient): Promise<vscode.Uri | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (!editor || !['markdown', 'latex'].includes(editor.document.languageId)) {
		void vscode.window.showInformationMessage(vscode.l10n.t('derivcheck: open a Markdown or LaTeX document to export it.'));
		return undefined;
	}
	const document = editor.document;
	const params: ExportHtmlParams = { uri: document.uri.toString(), path: vscode.workspace.asRelativePath(document.uri, false) };
	const result = await client.sendRequest<ExportHtmlResult | null>(exportHtmlRequest, params);
	if (!result) {
		void vscode.window.showErrorMessage(vscode.l10n.t('derivcheck could not render this document.'));
		return undefined;
	}
	const defaultUri = document.isUntitled ? undefined : defaultExportUri(document.uri);
	const target = await vscode.window.showSaveDialog({ defaultUri, filters: { HTML: ['html'] }, saveLabel: vscode.l10n.t('Export') });
	if (!target) return undefined;
	await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.html));
	void vscode.window.showInformationMessage(vscode.l10n.t('derivcheck wrote {0}.', vscode.workspace.asRelativePath(target, false)));
	return target;
}
