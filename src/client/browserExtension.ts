/**
 * The VS Code extension's entry point in the browser (vscode.dev, github.dev), bundled into
 * `dist/browser/client.js` and named by package.json's `browser`: the language server runs in a
 * web worker from `dist/browser/server.js` (src/server/browserMain.ts); everything else is the
 * shared session (session.ts); the exports are the Markdown preview's plugin (preview.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, State, type MessageSignature } from 'vscode-languageclient/browser';
import { clientOptions } from './languageClient';
import { previewExports, type PreviewExports } from './preview';
import { activateWith } from './session';

export { deactivate } from './session';

/** The DOM `Worker` constructor (this project compiles without DOM typings). */
const WorkerConstructor = (globalThis as unknown as { Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3] }).Worker;

/** The web worker's client; a request cut off as it stops gets its empty value quietly, as in nodeClient.ts. */
class WorkerClient extends LanguageClient {
	override handleFailedRequest<T>(type: MessageSignature, token: vscode.CancellationToken | undefined, error: unknown, defaultValue: T, showNotification?: boolean): T {
		if (this.state === State.Stopped) return defaultValue;
		return super.handleFailedRequest(type, token, error, defaultValue, showNotification);
	}
}

/** Starts the language server in a web worker and the rest of the extension; returns the preview's plugin. */
export async function activate(context: vscode.ExtensionContext): Promise<PreviewExports> {
	const exports = previewExports(context);
	await activateWith(context, (ctx, output) => {
		const worker = new WorkerConstructor(vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'browser', 'server.js').toString(true));
		return new WorkerClient('derivcheck', 'derivcheck', clientOptions(ctx, output), worker);
	});
	return exports;
}
