/**
 * Starts the derivcheck language server as a Node module over IPC and connects VS Code to it.
 * Stopping is part of normal life (a restart, a window reload), so the client treats it so: the
 * server's exit with code 0 after `shutdown` is logged as information, not as "[Error] Server
 * process exited with code 0"; a request that VS Code sends while the client is stopping (a code
 * action as the window reloads) gets the empty answer the library already gives a request on an
 * inactive connection, instead of "Starting server failed".
 */
import type * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type MessageSignature, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions } from './languageClient';

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
	return new DerivcheckClient('derivcheck', 'derivcheck', serverOptions, clientOptions(context, output));
}
