/**
 * What both clients share (the Node one in nodeClient.ts, the web worker one in
 * browserExtension.ts): the languages, the options and the lifecycle. The client's id is `derivcheck`, so vscode-languageclient reads `derivcheck.trace.server` by
 * itself; documents are Markdown and LaTeX of any scheme (files, untitled, virtual workspaces).
 * Settings are pulled by the server (`workspace/configuration`), which registers for changes; the
 * client watches the `.derivcheck.*` configuration files and tells the server when one changes.
 *
 * `stopClient` and `restartClient` wait for a start in progress and stop the running server
 * before anything else.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { provideTrustedHover } from './hoverTrust';

/** The languages derivcheck checks, as VS Code names them. */
export const languages = ['markdown', 'latex'] as const;

/**
 * The client's options, the same for both transports: Markdown and LaTeX documents of any scheme,
 * the output channel, and the `.derivcheck.*` configuration files watched for the server.
 */
export function clientOptions(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClientOptions {
	const configWatcher = vscode.workspace.createFileSystemWatcher('**/.derivcheck.{json,jsonc,yaml,yml}');
	context.subscriptions.push(configWatcher);
	return {
		documentSelector: languages.map((language) => ({ language })),
		outputChannel: output,
		synchronize: { fileEvents: configWatcher },
		// Hovers may run the network panel's command and nothing else (hoverTrust.ts).
		middleware: { provideHover: provideTrustedHover },
	};
}

/**
 * Stops the server cleanly whatever the client is doing: a start in progress is awaited first
 * (stopping it midway throws), a running server gets `shutdown` and `exit`, a stopped one nothing.
 */
export async function stopClient(client: BaseLanguageClient): Promise<void> {
	if (client.state === State.Starting) await client.start().catch(() => undefined);
	if (client.state === State.Running) await client.stop();
}

/** Restarts the server: the old one is stopped (`stopClient`) before the new one starts. */
export async function restartClient(client: BaseLanguageClient): Promise<void> {
	await stopClient(client);
	await client.start();
}
