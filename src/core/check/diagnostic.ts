/**
 * Diagnostics as the core produces them: a stable string code (DESIGN 3), a severity, a whole
 * sentence with the numbers in it, and an absolute span. Adapters map them to LSP, to the CLI's
 * text, JSON and SARIF; code actions find their fix by code, as in vscode-markdown-languageservice.
 */
import type { Span } from '../text/span';

export const DiagnosticCode = {
	/** The written computation does not equal its written result. */
	arithmetic: 'arithmetic',
	/** A stated value differs from the network's true value, and the error starts here. */
	value: 'value',
	/** A number written for a name is not that name's value. */
	substitution: 'substitution',
	/** The written symbolic formula is not the network's formula for that quantity. */
	formula: 'formula',
	/** A stated value is off only because it carries an earlier error. */
	inherited: 'inherited',
	/** The network block is malformed. */
	network: 'network',
	/** Not understood; counted, never shown as a squiggle. */
	unchecked: 'unchecked',
} as const;

export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const defaultSeverity: Readonly<Record<DiagnosticCode, Severity>> = {
	arithmetic: 'error',
	value: 'error',
	substitution: 'warning',
	formula: 'warning',
	inherited: 'hint',
	network: 'error',
	unchecked: 'hint',
};

/** A replacement of exactly the text in `span`. */
export interface TextEdit {
	readonly span: Span;
	readonly newText: string;
}

export interface RelatedInformation {
	readonly span: Span;
	readonly message: string;
}

export interface Diagnostic {
	readonly code: DiagnosticCode;
	readonly severity: Severity;
	/** A whole sentence with the numbers in it. */
	readonly message: string;
	readonly span: Span;
	/** The number as the author wrote it, where the diagnostic is about a number. */
	readonly stated?: string;
	/** The correct value at the author's precision, where one is known. */
	readonly expected?: string;
	/** For `inherited`: where the error this value carries originates. */
	readonly origin?: Span;
	readonly related?: readonly RelatedInformation[];
	/** The quick fix, if there is one: replaces exactly the wrong number. */
	readonly fix?: TextEdit;
}
