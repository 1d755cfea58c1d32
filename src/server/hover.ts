/**
 * Hover: the core explains what is under the cursor in plain Markdown; this handler looks the
 * document up, turns the position into an offset and the answer's span back into a range.
 */
import { MarkupKind, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationLike, LanguageService } from '../core/index';
import { lineIndexOf, toInput } from './convert';

/** Answers `textDocument/hover` with Markdown, or `null` where the core has nothing to say. */
export async function onHover(documents: TextDocuments<TextDocument>, service: LanguageService, params: HoverParams, token: CancellationLike): Promise<Hover | null> {
	const doc = documents.get(params.textDocument.uri);
	if (!doc) return null;
	const index = lineIndexOf(doc);
	const result = await service.hover(toInput(doc), index.offsetAt(params.position), token);
	if (!result) return null;
	return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: index.rangeOf(result.span) };
}
