/**
 * The extension's life, the same in VS Code on the desktop and in the browser: it starts the
 * language server through the client the entry point makes (`extension.ts`: a Node process;
 * `browserExtension.ts`: a web worker), shows the status bar item and registers the commands
 * (the network panel, panel/networkPanel.ts, and the HTML export, exportHtml.ts, among them).
 * All checking happens in the server; this side only shows what the server finds. A restart
 * stops the old server before it starts the new one (see `restartClient`), and re-runs a workspace
 * check that was run before it, since the diagnostics of files the editor has not opened go with
 * the old server. A workspace check is remembered in the workspace state: the next session runs it
 * again, and from the first check on a watcher keeps its results current (workspaceWatcher.ts).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { summaryNotification, type SummaryParams } from '../server/protocol';
import { checkWorkspace, fixAll, insertNetworkBlock, writeDerivation } from './commands';
import { exportHtml } from './exportHtml';
import { NetworkPanel, showNetworkArgs } from './panel/networkPanel';
import { restartClient, stopClient } from './languageClient';
import { StatusBar } from './statusBar';
import { WorkspaceWatcher } from './workspaceWatcher';

let client: BaseLanguageClient | undefined;
let channel: vscode.OutputChannel | undefined;

/** Makes (but does not start) the language client, logging to `output`. */
export type ClientFactory = (context: vscode.ExtensionContext, output: vscode.OutputChannel) => BaseLanguageClient;

/** Starts the language server through `createClient` and registers the status bar item and the commands. */
export async function activateWith(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<void> {
	// The channel outlives the client: the client still logs while it stops, so `deactivate`
	// disposes the channel after stopping it, instead of leaving it to the subscriptions.
	const output = vscode.window.createOutputChannel('derivcheck');
	channel = output;
	const status = new StatusBar();
	const lsp = createClient(context, output);
	client = lsp;
	const remembered = 'derivcheck.workspaceChecked';
	let workspaceChecked = context.workspaceState.get<boolean>(remembered) === true;
	let watcher: WorkspaceWatcher | undefined;
	const watch = (): void => {
		if (watcher) return;
		watcher = new WorkspaceWatcher(lsp, output);
		context.subscriptions.push(watcher);
	};
	context.subscriptions.push(
		status,
		lsp.onNotification(summaryNotification, (s: SummaryParams) => status.set(s)),
		vscode.commands.registerCommand('derivcheck.showOutput', () => output.show(true)),
		vscode.commands.registerCommand('derivcheck.checkWorkspace', async () => {
			workspaceChecked = true;
			await context.workspaceState.update(remembered, true);
			watch();
			await checkWorkspace(lsp, status.all());
		}),
		vscode.commands.registerCommand('derivcheck.fixAll', () => fixAll(lsp)),
		vscode.commands.registerCommand('derivcheck.insertNetworkBlock', () => insertNetworkBlock(lsp)),
		vscode.commands.registerCommand('derivcheck.generate', () => writeDerivation(lsp)),
		vscode.commands.registerCommand('derivcheck.showNetwork', (arg?: unknown) => NetworkPanel.show(context, lsp, showNetworkArgs(arg))),
		vscode.commands.registerCommand('derivcheck.exportHtml', () => exportHtml(lsp)),
		vscode.commands.registerCommand('derivcheck.restartServer', async () => {
			await restartClient(lsp);
			output.appendLine(vscode.l10n.t('derivcheck: the language server was restarted.'));
			if (workspaceChecked) await checkWorkspace(lsp, status.all(), false);
		}),
	);
	await lsp.start();
	if (workspaceChecked) {
		watch();
		void checkWorkspace(lsp, status.all(), false).catch((e: unknown) => output.appendLine(`derivcheck: the workspace check failed: ${String(e)}`));
	}
}

/** Stops the language server, then closes its output channel. */
export async function deactivate(): Promise<void> {
	try {
		if (client) await stopClient(client);
	} finally {
		client = undefined;
		channel?.dispose();
		channel = undefined;
	}
}
