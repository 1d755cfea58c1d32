/**
 * Starts the derivcheck language server as a Node module over IPC and connects VS Code to it.
 * The client's id is `derivcheck`, so vscode-languageclient reads `derivcheck.trace.server` by
 * itself; documents are Markdown and LaTeX of any scheme (files, untitled, virtual workspaces).
 * Settings are pulled by the server (`workspace/configuration`), which registers for changes; the
 * client watches the `.derivcheck.*` configuration files and tells the server when one changes.
 *
 * Stopping is part of normal life (a restart, a window reload), so the client treats it so: the
 * server's exit with code 0 after `shutdown` is logged as information, not as "[Error] Server
 * process exited with code 0"; a request that VS Code sends while the client is stopping (a code
 * action as the window reloads) gets the empty answer the library already gives a request on an
 * inactive connection, instead of "Starting server failed"; and `stopClient` and `restartClient`
 * wait for a start in progress and stop the running server before anything else.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type MessageSignature, type ServerOptions } from 'vscode-languageclient/node';

/** The languages derivcheck checks, as VS Code names them. */
export const languages = ['markdown', 'latex'] as const;

/** What vscode-languageclient logs when the server process ends; code 0 is a clean exit. */
const cleanExit = /^Server process exited with code 0\.?$/;

export class DerivcheckClient extends LanguageClient {
	/** Logs the server's clean exit as information; every other error as the library does. */
	override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
		if (cleanExit.test(message)) this.info('The language server stopped.', undefined, false);
		else super.error(message, data, showNotification);
	}

	/** Answers a request cut off because the client is stopping with its empty value, quietly. */
	override handleFailedRequest<T>(type: MessageSignature, token: vscode.CancellationToken | undefined, error: unknown, defaultValue: T, showNotification?: boolean): T {
		if (this.state === State.Stopped) return defaultValue;
		return super.handleFailedRequest(type, token, error, defaultValue, showNotification);
	}
}

/** Creates (but does not start) the language client for the bundled server. */
export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): DerivcheckClient {
	const module = context.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
	};
	const configWatcher = vscode.workspace.createFileSystemWatcher('**/.derivcheck.{json,jsonc,yaml,yml}');
	context.subscriptions.push(configWatcher);
	const clientOptions: LanguageClientOptions = {
		documentSelector: languages.map((language) => ({ language })),
		outputChannel: output,
		synchronize: { fileEvents: configWatcher },
	};
	return new DerivcheckClient('derivcheck', 'derivcheck', serverOptions, clientOptions);
}

/**
 * Stops the server cleanly whatever the client is doing: a start in progress is awaited first
 * (stopping it midway throws), a running server gets `shutdown` and `exit`, a stopped one nothing.
 */
export async function stopClient(client: LanguageClient): Promise<void> {
	if (client.state === State.Starting) await client.start().catch(() => undefined);
	if (client.state === State.Running) await client.stop();
}

/** Restarts the server: the old one is stopped (`stopClient`) before the new one starts. */
export async function restartClient(client: LanguageClient): Promise<void> {
	await stopClient(client);
	await client.start();
}
