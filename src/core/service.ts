/**
 * The language service facade, in the manner of vscode-markdown-languageservice's
 * `createLanguageService()`: the one entry point the adapters (LSP server, CLI, tests) use. It
 * takes documents as plain data, answers with plain data in absolute offsets, never throws on
 * user input, and knows nothing of the editor or the protocol.
 */
import type { Span } from './text/span';
import type { Diagnostic, DiagnosticCode, Severity, TextEdit } from './check/diagnostic';
import type { DocumentLanguage } from './scan/region';
import type { NetworkBlockAnswer } from './features/networkBlock';
import type { Locale } from './messages/locale';
import type { NetworkView, NetworkViewRequest } from './features/networkView';

export interface DocumentInput {
	readonly uri: string;
	/** `markdown` or `latex`; anything else is treated by the file name's extension, else as Markdown. */
	readonly languageId: string;
	readonly version: number;
	readonly text: string;
}

/** A cancellation token, as LSP's, reduced to what the core reads. */
export interface CancellationLike {
	readonly isCancellationRequested: boolean;
}

export type TolerancePolicy = 'digits' | 'strict' | 'loose';

export interface Settings {
	/** Languages to check; a document in a disabled language gets no diagnostics. */
	readonly enabled: Readonly<Record<DocumentLanguage, boolean>>;
	/**
	 * What a written input number stands for (a stated result always stands for every value that
	 * rounds to it, DESIGN 3.3):
	 * - `digits` (default): an input with two or more significant digits (`0.558`, `-0.17`,
	 *   `0.060`) stands for the values that round to it; an input with one significant digit
	 *   (`0.1`, `0.7`, `0.06`) is taken as exact, because hand derivations write the given weights,
	 *   rates and targets that way and keep at least two digits for what they computed — otherwise
	 *   `0.3 + 0.4 = 0.8` would hold, with 0.3 and 0.4 each standing for a tenth's worth of values;
	 * - `loose`: every decimal input stands for the values that round to it, one significant digit
	 *   or not (DESIGN 3.3 read literally; fewer findings, never more);
	 * - `strict`: inputs are taken at face value, as a calculator would.
	 * Integers, the numbers a network block declares and its learning rate are exact under all three.
	 */
	readonly tolerance: TolerancePolicy;
	/** Per-code severity overrides; `off` hides the code. */
	readonly severity: Readonly<Partial<Record<DiagnosticCode, Severity | 'off'>>>;
	/**
	 * Whether the network is read from a document that declares no block (DESIGN 2.6, `infer/`):
	 * the editor's `derivcheck.inferNetwork`, the configuration file's `inferNetwork`, the CLI's
	 * `--no-infer`. On by default.
	 */
	readonly inferNetwork: boolean;
	/**
	 * The decimal places fixes write; absent, the author's own precision (today's behaviour). Read
	 * from the configuration file and passed through; no fix reads it yet.
	 */
	readonly digits?: number;
	/**
	 * The language of diagnostics, hovers and code-action titles (`en`, `zh-cn`); English when
	 * absent. The server sets it from the editor's display language, the CLI from `--lang` or the
	 * locale of its environment.
	 */
	readonly locale?: Locale;
}

export const defaultSettings: Settings = {
	enabled: { markdown: true, latex: true },
	tolerance: 'digits',
	severity: {},
	inferNetwork: true,
};

/** Options of `createLanguageService()` beyond the settings. */
export interface ServiceOptions {
	/**
	 * The settings for one document, given the service's own (the editor's): how a configuration
	 * file found for the document's folder takes part. It must answer the same object for the same
	 * inputs, since analyses are cached per settings object. Without it every document gets the
	 * service's settings.
	 */
	readonly settingsFor?: (uri: string, settings: Settings) => Settings;
}

export interface Summary {
	/** Statements (or chain links) whose numbers were checked. */
	readonly checked: number;
	/** The findings: diagnostics of every severity but hint, one each, as the Problems panel lists them (not the chains that hold them). */
	readonly wrong: number;
	/** What was not checked: statements not understood, plus the names in `uncheckedNames`; never fewer than that list holds. */
	readonly unchecked: number;
	/** Names that could not be resolved to a value, each once, in order of first appearance. */
	readonly uncheckedNames: readonly string[];
	/** Findings silenced by a suppression comment (`<!-- derivcheck-disable-next-line -->`), counted apart from `wrong`. */
	readonly suppressed: number;
	/** Without a network block: the network read off the document, or none and why (absent with a block, with inference off, or when there is nothing to read). */
	readonly network?: NetworkSource;
}

/** `{source: 'read'}` when the network was read off the document (DESIGN 2.6); `none` carries the reason in a sentence. */
export type NetworkSource = { readonly source: 'read' } | { readonly source: 'none'; readonly reason: string };

export interface CheckReport {
	readonly uri: string;
	readonly version: number;
	readonly diagnostics: readonly Diagnostic[];
	readonly summary: Summary;
}

export interface HoverResult {
	readonly span: Span;
	/** Plain Markdown: no HTML; images only as `data:image/svg+xml` URIs we draw; one command link, the network panel's (`features/networkLink.ts`). */
	readonly markdown: string;
}

export interface CodeAction {
	readonly title: string;
	/** `source` is a whole-document action with no finding: "Insert the network block derivcheck read". */
	readonly kind: 'quickfix' | 'source.fixAll' | 'source';
	readonly edits: readonly TextEdit[];
	/** The diagnostics (by span and code) this action resolves. */
	readonly diagnostics: readonly Diagnostic[];
	readonly isPreferred?: boolean;
}

export interface LanguageService {
	/** Checks a document. Resolves to `undefined` when `token` was cancelled on the way. */
	check(doc: DocumentInput, token?: CancellationLike): Promise<CheckReport | undefined>;
	/** Hover at an offset: on a number, a name, an operator or a whole chain member. */
	hover(doc: DocumentInput, offset: number, token?: CancellationLike): Promise<HoverResult | undefined>;
	/** Code actions for a span (the editor's selection or the cursor). */
	codeActions(doc: DocumentInput, range: Span, token?: CancellationLike): Promise<readonly CodeAction[]>;
	/** All fixes of the given codes in the document, each carried forward to what follows it, as one list of edits (none overlapping). */
	fixAll(doc: DocumentInput, codes?: readonly DiagnosticCode[], token?: CancellationLike): Promise<readonly TextEdit[]>;
	/** The network the check used, written as its block(s), and for a network read from the document the edit that inserts its block; or why there is none. */
	networkBlock(doc: DocumentInput, token?: CancellationLike): Promise<NetworkBlockAnswer>;
	/** The network panel's data for the document's network (`features/networkView.ts`); undefined without one. */
	networkView(doc: DocumentInput, request?: NetworkViewRequest, token?: CancellationLike): Promise<NetworkView | undefined>;
	updateSettings(settings: Settings): void;
}
