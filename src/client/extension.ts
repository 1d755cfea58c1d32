/**
 * The VS Code extension's entry point on the desktop (and in a remote extension host), bundled
 * into `dist/client.js`: the language server runs as a Node process (nodeClient.ts); everything
 * else is the shared session (session.ts), and the exports are the Markdown preview's plugin
 * (preview.ts).
 */
import type * as vscode from 'vscode';
import { createClient } from './nodeClient';
import { previewExports, type PreviewExports } from './preview';
import { activateWith } from './session';

export { deactivate } from './session';

/** Starts the language server as a Node process and the rest of the extension; returns the preview's plugin. */
export async function activate(context: vscode.ExtensionContext): Promise<PreviewExports> {
	const exports = previewExports(context);
	await activateWith(context, createClient);
	return exports;
}
