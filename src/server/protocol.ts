/**
 * The custom messages between the derivcheck client and server, beyond standard LSP. This file is
 * plain data (method names and shapes) so that the client can import it without pulling the
 * server's dependencies into its bundle.
 */

/** Notification, server → client, after every check of a document: what the status bar shows. */
export const summaryNotification = 'derivcheck/summary';

export interface SummaryParams {
	readonly uri: string;
	readonly version: number;
	readonly checked: number;
	readonly wrong: number;
	readonly unchecked: number;
	readonly uncheckedNames: readonly string[];
	/** Findings silenced by suppression comments. */
	readonly suppressed: number;
}

/**
 * Request, client → server: check documents the editor has not opened (a workspace check). The
 * server publishes diagnostics for each and answers with their summaries. Documents that are open
 * in the editor are skipped, since their diagnostics already follow every edit.
 */
export const checkDocumentsRequest = 'derivcheck/checkDocuments';

export interface CheckDocumentsParams {
	readonly documents: readonly { readonly uri: string; readonly languageId: string; readonly text: string }[];
}

export interface CheckDocumentsResult {
	readonly summaries: readonly SummaryParams[];
}

/** Request, client → server: all arithmetic fixes of one open document, as LSP text edits. */
export const fixAllRequest = 'derivcheck/fixAll';

export interface FixAllParams {
	readonly uri: string;
}

/** The code action kind of derivcheck's "fix all", for `editor.codeActionsOnSave`. */
export const fixAllKind = 'source.fixAll.derivcheck';
