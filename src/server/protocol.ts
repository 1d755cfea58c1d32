/**
 * The custom messages between the derivcheck client and server, beyond standard LSP. This file is
 * plain data (method names and shapes) so that the client can import it without pulling the
 * server's dependencies into its bundle.
 */
import type { NetworkSource, NetworkView } from '../core/index';

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
	/** Where the network came from (block, read off the document, or none and why); absent from older servers. */
	readonly network?: NetworkSource;
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

/** The code action kind of "Insert the network block derivcheck read", a source action of the whole document. */
export const insertNetworkBlockKind = 'source.insertNetworkBlock.derivcheck';

/**
 * Request, client → server: the network the check of one open document used, written as its
 * block(s) (`FixAllParams` names the document). For a network read from the document, `edits`
 * insert its block; with no network, `reason` says why.
 */
export const networkBlockRequest = 'derivcheck/networkBlock';

export type NetworkBlockResult =
	| { readonly kind: 'blocks'; readonly source: 'declared' | 'read'; readonly text: string; readonly edits: readonly { readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } }; readonly newText: string }[] }
	| { readonly kind: 'none'; readonly reason: string };

/**
 * Request, client → server: the network panel's data for one open document (the core's
 * `NetworkView`, plain JSON with absolute offsets into the text of `version`), for the network that
 * governs `position` (else the first), with the element `key` names highlighted. `view` is null
 * when the document has no network that builds.
 */
export const networkViewRequest = 'derivcheck/networkView';

export interface NetworkViewParams {
	readonly uri: string;
	readonly position?: { readonly line: number; readonly character: number };
	/** A name key (`outC3`) or a quantity id (`L0:out:2`). */
	readonly key?: string;
}

export interface NetworkViewResult {
	readonly uri: string;
	readonly version: number;
	readonly view: NetworkView | null;
}

/**
 * Request, client → server: the standalone HTML report of one open document, the same page as
 * `derivcheck --format html` (with KaTeX's fonts embedded where the server can read them, else
 * MathML only); null when the document is not open.
 */
export const exportHtmlRequest = 'derivcheck/exportHtml';

export interface ExportHtmlParams {
	readonly uri: string;
	/** The document's path as the report names it (relative to the workspace). */
	readonly path: string;
}

export interface ExportHtmlResult {
	readonly html: string;
}

/**
 * Request, client → server: the worked derivation of one open document's network (the core's
 * `generateForDocument`), in the document's language, for the command "Write Out the
 * Derivation". Options are as the CLI's `derivcheck generate` takes them; absent ones are the
 * defaults (seed notation, English headings, 3 digits, every part).
 */
export const generateRequest = 'derivcheck/generate';

export interface GenerateParams {
	readonly uri: string;
	readonly notation?: string;
	readonly part?: string;
	readonly digits?: number;
	/** The headings' language: `en` or `zh-cn`. */
	readonly language?: string;
	readonly exercise?: boolean;
}

export type GenerateResult =
	| { readonly kind: 'derivation'; readonly text: string; readonly answers?: string }
	| { readonly kind: 'refused'; readonly reason: string };
