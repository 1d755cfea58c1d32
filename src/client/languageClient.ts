/**
 * Starts the derivcheck language server as a Node module over IPC and connects VS Code to it.
 * The client's id is `derivcheck`, so vscode-languageclient reads `derivcheck.trace.server` by
 * itself; documents are Markdown and LaTeX of any scheme (files, untitled, virtual workspaces).
 * Settings are pulled by the server (`workspace/configuration`), which registers for changes.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The languages derivcheck checks, as VS Code names them. */
export const languages = ['markdown', 'latex'] as const;

/** Creates (but does not start) the language client for the bundled server. */
export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
	const module = context.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: languages.map((language) => ({ language })),
		outputChannel: output,
	};
	return new LanguageClient('derivcheck', 'derivcheck', serverOptions, clientOptions);
}
