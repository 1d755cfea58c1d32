/**
 * Hovers may run one command: the network panel's. The server's hover Markdown reaches VS Code as
 * `MarkdownString`s that trust nothing; this middleware marks each one trusted for
 * `derivcheck.showNetwork` alone (`isTrusted: { enabledCommands: [...] }`) and keeps HTML off, so
 * the hover's own "Show in network panel" link works and any other `command:` link — none can come
 * from the document, whose text the core escapes — stays inert. Pure over the hover's contents, so
 * the rule is tested without VS Code.
 */
import type * as vscode from 'vscode';
import { SHOW_NETWORK_COMMAND } from '../core/features/networkLink';

/** What a hover's `MarkdownString` contents carry that this file sets (the rest it leaves alone). */
interface TrustableMarkdown {
	value: string;
	isTrusted?: boolean | { readonly enabledCommands: readonly string[] };
	supportHtml?: boolean;
}

/** The trust a derivcheck hover gets: our one command, no HTML. */
export const hoverTrust = { enabledCommands: [SHOW_NETWORK_COMMAND] } as const;

function isMarkdownString(c: unknown): c is TrustableMarkdown {
	// A `MarkedString` object has a `language` (a code block); a `MarkdownString` has none.
	return typeof c === 'object' && c !== null && typeof (c as { value?: unknown }).value === 'string' && !('language' in c);
}

/** Marks every `MarkdownString` of a hover trusted for our one command, HTML off; returns the same hover. */
export function trustHover<H extends { contents: readonly unknown[] }>(hover: H | null | undefined): H | null | undefined {
	if (!hover) return hover;
	for (const c of hover.contents) {
		if (!isMarkdownString(c)) continue;
		c.isTrusted = hoverTrust;
		c.supportHtml = false;
	}
	return hover;
}

/** The language client's `provideHover` middleware: asks the server, then applies `trustHover`. */
export async function provideTrustedHover(
	document: vscode.TextDocument,
	position: vscode.Position,
	token: vscode.CancellationToken,
	next: (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) => vscode.ProviderResult<vscode.Hover>,
): Promise<vscode.Hover | null | undefined> {
	return trustHover(await next(document, position, token));
}
