/**
 * Code actions: the core finds the quick fixes under the requested range, "fix all arithmetic
 * in this file" and "Insert the network block derivcheck read"; this handler converts them, and
 * honours `context.only` so that `editor.codeActionsOnSave: {"source.fixAll.derivcheck":
 * "explicit"}` gets only the fix-all.
 */
import { type CodeAction, type CodeActionParams, type TextDocuments, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message, type CancellationLike, type LanguageService, type Locale } from '../core/index';
import { lineIndexOf, toInput, toLspCodeAction, toTextEdit } from './convert';
import type { NetworkBlockResult } from './protocol';

/** True when an action of `kind` is among what `only` asks for (`source.fixAll` covers ours). */
function wanted(kind: string | undefined, only: readonly string[] | undefined): boolean {
	if (!only || only.length === 0 || !kind) return true;
	return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Answers `textDocument/codeAction`. */
export async function onCodeAction(documents: TextDocuments<TextDocument>, service: LanguageService, params: CodeActionParams, token: CancellationLike): Promise<CodeAction[]> {
	const doc = documents.get(params.textDocument.uri);
	if (!doc) return [];
	const index = lineIndexOf(doc);
	const actions = await service.codeActions(toInput(doc), index.spanOf(params.range), token);
	return actions
		.map((a) => toLspCodeAction(doc.uri, index, a))
		.filter((a) => wanted(a.kind, params.context.only));
}

/** All arithmetic fixes of an open document as LSP edits, for the client's "fix all" command. */
export async function fixAllEdits(documents: TextDocuments<TextDocument>, service: LanguageService, uri: string, token: CancellationLike): Promise<TextEdit[]> {
	const doc = documents.get(uri);
	if (!doc) return [];
	const index = lineIndexOf(doc);
	const edits = await service.fixAll(toInput(doc), undefined, token);
	return edits.map((e) => toTextEdit(index, e));
}

/** The network an open document's check used, as its block(s), with the edit that inserts a block read from the document. */
export async function networkBlockEdits(documents: TextDocuments<TextDocument>, service: LanguageService, uri: string, token: CancellationLike, locale?: Locale): Promise<NetworkBlockResult> {
	const doc = documents.get(uri);
	if (!doc) return { kind: 'none', reason: message('request.notOpen', {}, locale) };
	const answer = await service.networkBlock(toInput(doc), token);
	if (answer.kind === 'none') return answer;
	const index = lineIndexOf(doc);
	return { kind: 'blocks', source: answer.source, text: answer.text, edits: answer.insert ? [toTextEdit(index, answer.insert)] : [] };
}
