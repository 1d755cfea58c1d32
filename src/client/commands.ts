/**
 * The palette commands. "Check workspace" finds the Markdown and LaTeX files (leaving out what
 * `files.exclude` and the `.gitignore` files do, see exclude.ts and gitignore.ts), reads them through `vscode.workspace.fs` (so it works in
 * virtual workspaces too), leaves out binary files by the CLI's rule (a stray NUL byte does not
 * make a document binary) and sends their text to the server, which publishes their diagnostics;
 * workspaceWatcher.ts keeps them current after. "Fix all" asks the server for the active
 * document's arithmetic fixes and applies them as one edit. "Insert the network block derivcheck
 * read" asks the server for the block of the network read from the active document and inserts
 * it, or says why there is none. "Write Out the Derivation" asks for the notation, the part and
 * whether it is an exercise (quick picks), and inserts the server's derivation at the cursor.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, TextEdit } from 'vscode-languageclient';
import { binaryReason } from '../cli/binary';
import { excludeGlob } from './exclude';
import { GitIgnores } from './gitignore';
import { checkDocumentsRequest, fixAllRequest, networkBlockRequest, type CheckDocumentsResult, type NetworkBlockResult, type SummaryParams } from '../server/protocol';
import { generateRequest, type GenerateResult } from '../server/protocol';

/** The files a workspace check reads. */
export const pattern = '**/*.{md,markdown,tex,ltx,latex}';
const MAX_FILES = 5000;
const MAX_BYTES = 2_000_000;
const BATCH = 25;

/** The language of a file by its extension: `.tex`, `.ltx`, `.latex` are LaTeX, the rest Markdown. */
export function languageOfPath(path: string): 'markdown' | 'latex' {
	return /\.(tex|ltx|latex)$/i.test(path) ? 'latex' : 'markdown';
}

/** What a workspace check leaves out: `node_modules`, `.git`, `dist`, `out` and the user's `files.exclude`. */
export function workspaceExclude(): string {
	return excludeGlob(vscode.workspace.getConfiguration('files').get('exclude'));
}

/**
 * Whether git ignores a file, by the `.gitignore` files of the workspace folders as they are now:
 * `(await gitIgnored())(uri)`. Each is read once per call, so a caller asks once per check.
 */
export async function gitIgnored(): Promise<(uri: vscode.Uri) => boolean> {
	const byFolder = new Map<string, Map<string, string>>();
	for (const file of await vscode.workspace.findFiles('**/.gitignore', excludeGlob(undefined))) {
		const folder = vscode.workspace.getWorkspaceFolder(file);
		const text = folder ? await readText(file) : undefined;
		if (!folder || text === undefined) continue;
		const texts = byFolder.get(folder.uri.toString()) ?? new Map<string, string>();
		texts.set(file.path.slice(folder.uri.path.length).replace(/\/?\.gitignore$/, ''), text);
		byFolder.set(folder.uri.toString(), texts);
	}
	const rules = new Map([...byFolder].map(([folder, texts]) => [folder, new GitIgnores(texts)]));
	return (uri) => {
		const folder = vscode.workspace.getWorkspaceFolder(uri);
		const folderRules = folder ? rules.get(folder.uri.toString()) : undefined;
		return folder !== undefined && folderRules !== undefined && folderRules.ignores(uri.path.slice(folder.uri.path.length).replace(/^\//, ''));
	};
}

/** A file's text, or undefined when it is too big, binary or unreadable. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
	try {
		const bytes = await vscode.workspace.fs.readFile(uri);
		if (bytes.length > MAX_BYTES || binaryReason(bytes) !== undefined) return undefined;
		return new TextDecoder('utf-8').decode(bytes);
	} catch {
		return undefined;
	}
}

/**
 * Checks every Markdown and LaTeX file of the workspace and reports the totals; with `announce`
 * false (the re-check after a restart) it only shows its progress, not the totals again.
 */
export async function checkWorkspace(client: LanguageClient, known: ReadonlyMap<string, SummaryParams>, announce = true): Promise<void> {
	const ignored = await gitIgnored();
	const files = (await vscode.workspace.findFiles(pattern, workspaceExclude(), MAX_FILES)).filter((uri) => !ignored(uri));
	const summaries: SummaryParams[] = [];
	await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('derivcheck: checking the workspace'), cancellable: true },
		async (progress, token) => {
			for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
				const batch = files.slice(i, i + BATCH);
				const documents = [];
				for (const uri of batch) {
					const text = await readText(uri);
					if (text !== undefined) documents.push({ uri: uri.toString(), languageId: languageOfPath(uri.path), text });
				}
				const result = await client.sendRequest<CheckDocumentsResult>(checkDocumentsRequest, { documents }, token);
				summaries.push(...result.summaries);
				progress.report({ increment: (100 * batch.length) / files.length });
			}
		},
	);
	if (!announce) return;
	const checkedUris = new Set(summaries.map((s) => s.uri));
	for (const [uri, s] of known) if (!checkedUris.has(uri)) summaries.push(s);
	const wrong = summaries.reduce((n, s) => n + s.wrong, 0);
	const unchecked = summaries.reduce((n, s) => n + s.unchecked, 0);
	void vscode.window.showInformationMessage(
		vscode.l10n.t('derivcheck checked {0} files: {1} wrong, {2} unchecked.', files.length, wrong, unchecked),
	);
}

/** Applies every arithmetic fix in the active document. */
export async function fixAll(client: LanguageClient): Promise<void> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) return;
	const uri = editor.document.uri;
	const edits = await client.sendRequest<TextEdit[]>(fixAllRequest, { uri: uri.toString() });
	if (edits.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('derivcheck found nothing to fix in this document.'));
		return;
	}
	const edit = new vscode.WorkspaceEdit();
	edit.set(uri, await client.protocol2CodeConverter.asTextEdits(edits));
	await vscode.workspace.applyEdit(edit);
}

/** Inserts the block of the network read from the active document, or says why there is none. */
export async function insertNetworkBlock(client: LanguageClient): Promise<void> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) return;
	const uri = editor.document.uri;
	const result = await client.sendRequest<NetworkBlockResult>(networkBlockRequest, { uri: uri.toString() });
	if (result.kind === 'none') {
		void vscode.window.showInformationMessage(vscode.l10n.t('derivcheck has no network block to insert: {0}', result.reason));
		return;
	}
	if (result.source === 'declared' || result.edits.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('This document declares its network block already.'));
		return;
	}
	const edit = new vscode.WorkspaceEdit();
	edit.set(uri, await client.protocol2CodeConverter.asTextEdits(result.edits as TextEdit[]));
	await vscode.workspace.applyEdit(edit);
}

/** Asks one quick pick; undefined when the user cancels. */
async function choose<T>(items: readonly { label: string; description: string; value: T }[], title: string): Promise<T | undefined> {
	const picked = await vscode.window.showQuickPick(items.map((i) => ({ label: i.label, description: i.description, value: i.value })), { title, ignoreFocusOut: true });
	return picked?.value;
}

/** Writes out the derivation of the active document's network at the cursor, in the notation and part the user picks. */
export async function writeDerivation(client: LanguageClient): Promise<void> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) return;
	const title = vscode.l10n.t('derivcheck: Write Out the Derivation');
	// The notations' descriptions are math, the same in every language.
	const notation = await choose([
		{ label: 'seed', description: 'in_{C1}, out_{C1}, coef_{C1}, w_{1}', value: 'seed' },
		{ label: 'textbook', description: 'z^{(l)}_j, a^{(l)}_j, \\delta^{(l)}_j, W^{(l)}_{jk}, b^{(l)}_j', value: 'textbook' },
		{ label: 'matrix', description: vscode.l10n.t('dense layers in bmatrix form'), value: 'matrix' },
	], title);
	if (!notation) return;
	const part = await choose([
		{ label: vscode.l10n.t('All'), description: vscode.l10n.t('forward pass, loss, backward pass and update'), value: 'all' },
		{ label: vscode.l10n.t('Forward pass'), description: vscode.l10n.t('and the loss'), value: 'forward' },
		{ label: vscode.l10n.t('Backward pass'), description: '', value: 'backward' },
		{ label: vscode.l10n.t('Update'), description: '', value: 'update' },
	], title);
	if (!part) return;
	const exercise = await choose([
		{ label: vscode.l10n.t('Worked derivation'), description: vscode.l10n.t('every number written out'), value: false },
		{ label: vscode.l10n.t('Exercise'), description: vscode.l10n.t('the computed numbers blank (\\square), the answers at the end'), value: true },
	], title);
	if (exercise === undefined) return;
	const language = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
	const result = await client.sendRequest<GenerateResult>(generateRequest, { uri: editor.document.uri.toString(), notation, part, exercise, language });
	if (result.kind === 'refused') {
		void vscode.window.showInformationMessage(vscode.l10n.t('derivcheck cannot write out this derivation: {0}', result.reason));
		return;
	}
	const text = result.answers ? `${result.text}\n${result.answers}` : `${result.text}\n`;
	await editor.edit((edit) => edit.insert(editor.selection.active, text));
}
