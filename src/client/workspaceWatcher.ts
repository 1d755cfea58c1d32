/**
 * Keeps Check Workspace's results current. Once a workspace check has run, a file system watcher
 * on the Markdown and LaTeX files re-checks a file created or changed on disk and clears the
 * findings of one deleted (its text checked as empty); a file open in an editor is left to the
 * server, which follows its edits. Whether a file counts is asked of `findFiles` with the exclude
 * glob the check itself used, and of the `.gitignore` files, so both mean the same for the two. Events come in bursts
 * (a checkout, a build), so they are gathered for a moment and sent as one request.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { checkDocumentsRequest, type CheckDocumentsResult } from '../server/protocol';
import { gitIgnored, languageOfPath, pattern, readText, workspaceExclude } from './commands';

/** How long events are gathered before the files they name are checked, in milliseconds. */
const GATHER_MS = 300;

export class WorkspaceWatcher implements vscode.Disposable {
	private readonly watcher = vscode.workspace.createFileSystemWatcher(pattern);
	private readonly pending = new Map<string, { uri: vscode.Uri; deleted: boolean }>();
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly client: BaseLanguageClient, private readonly log: vscode.OutputChannel) {
		this.watcher.onDidCreate((uri) => this.queue(uri, false));
		this.watcher.onDidChange((uri) => this.queue(uri, false));
		this.watcher.onDidDelete((uri) => this.queue(uri, true));
	}

	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
		this.watcher.dispose();
	}

	private queue(uri: vscode.Uri, deleted: boolean): void {
		this.pending.set(uri.toString(), { uri, deleted });
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.flush().catch((e: unknown) => this.log.appendLine(`derivcheck: re-checking changed files failed: ${String(e)}`)), GATHER_MS);
	}

	private async flush(): Promise<void> {
		this.timer = undefined;
		const batch = [...this.pending.values()];
		this.pending.clear();
		const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
		const exclude = workspaceExclude();
		const ignored = await gitIgnored();
		const documents = [];
		for (const { uri, deleted } of batch) {
			if (open.has(uri.toString())) continue;
			if (deleted) {
				documents.push({ uri: uri.toString(), languageId: languageOfPath(uri.path), text: '' });
				continue;
			}
			if (ignored(uri) || !(await included(uri, exclude))) continue;
			const text = await readText(uri);
			if (text !== undefined) documents.push({ uri: uri.toString(), languageId: languageOfPath(uri.path), text });
		}
		if (documents.length > 0 && this.client.isRunning()) await this.client.sendRequest<CheckDocumentsResult>(checkDocumentsRequest, { documents });
	}
}

/** Whether a workspace check would read `uri`: inside a folder and not excluded. */
async function included(uri: vscode.Uri, exclude: string): Promise<boolean> {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	if (!folder) return false;
	const relative = vscode.workspace.asRelativePath(uri, false);
	// A name with glob characters cannot be asked about exactly; it counts, as the watcher saw it.
	if (/[*?[\]{}]/.test(relative)) return true;
	return (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, relative), exclude, 1)).length > 0;
}
