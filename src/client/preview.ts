/**
 * The Markdown preview's marks, on the editor's side: the extension's exports carry
 * `extendMarkdownIt`, which VS Code's Markdown extension calls with its markdown-it instance
 * (package.json's `contributes.markdown.markdownItPlugins`), and which adds the core's plugin
 * (`core/features/report/preview.ts`). The plugin reads the document's diagnostics synchronously
 * as it renders, from what the editor already holds (`vscode.languages.getDiagnostics`, the last
 * diagnostics the server published); when they change for a Markdown document, the open previews
 * are refreshed, a little later, so a burst of re-checks refreshes them once.
 */
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { derivcheckPreview } from '../core/features/report/preview';
import { currentDocument, previewDiagnostics } from './previewDiagnostics';

export interface PreviewExports {
	extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/** Registers the preview's refresh and returns the exports VS Code's Markdown extension reads. */
export function previewExports(context: vscode.ExtensionContext): PreviewExports {
	let timer: ReturnType<typeof setTimeout> | undefined;
	context.subscriptions.push(
		vscode.languages.onDidChangeDiagnostics((e) => {
			if (!e.uris.some((u) => /\.(md|markdown)$/i.test(u.path))) return;
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined), 300);
		}),
		{ dispose: () => timer && clearTimeout(timer) },
	);
	return {
		extendMarkdownIt: (md) =>
			derivcheckPreview(md, (env) => {
				const uri = currentDocument(env);
				return uri ? previewDiagnostics(vscode.languages.getDiagnostics(vscode.Uri.parse(uri))) : [];
			}),
	};
}
