/**
 * The handlers behind the network panel and the HTML export: each looks its open document up,
 * delegates to the core and answers plain JSON. The network view's offsets stay offsets into the
 * text of the version it answers for (the client turns them into positions with the editor's own
 * document); a cursor position from the client becomes an offset here. The export renders the same
 * page as `derivcheck --format html` from the diagnostics the editor shows, with the KaTeX
 * stylesheet the host can supply (`main.ts` reads it from disk; a web worker has none, and the page
 * falls back to KaTeX's MathML).
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { renderReport } from '../core/features/report/report';
import { languageOf } from '../core/scan/index';
import type { CancellationLike, LanguageService } from '../core/index';
import { lineIndexOf, toInput } from './convert';
import type { ExportHtmlParams, ExportHtmlResult, NetworkViewParams, NetworkViewResult } from './protocol';

/** What the host supplies for the export: KaTeX's stylesheet with its fonts embedded, when it can read them. */
export interface ReportAssets {
	readonly katexCss?: () => string | undefined;
}

/** Answers `derivcheck/networkView`: the view of the network under `position`, or null without one. */
export async function onNetworkView(documents: TextDocuments<TextDocument>, service: LanguageService, params: NetworkViewParams, token: CancellationLike): Promise<NetworkViewResult | null> {
	const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
	if (!doc) return null;
	const offset = params.position ? lineIndexOf(doc).offsetAt(params.position) : undefined;
	const key = typeof params.key === 'string' ? params.key : undefined;
	const view = await service.networkView(toInput(doc), { offset, key }, token);
	return { uri: doc.uri, version: doc.version, view: view ?? null };
}

/** Answers `derivcheck/exportHtml`: the standalone report of one open document. */
export async function onExportHtml(documents: TextDocuments<TextDocument>, service: LanguageService, assets: ReportAssets, params: ExportHtmlParams, token: CancellationLike): Promise<ExportHtmlResult | null> {
	const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
	if (!doc) return null;
	const report = await service.check(toInput(doc), token);
	if (!report) return null;
	const css = assets.katexCss?.();
	const file = { path: typeof params.path === 'string' ? params.path : doc.uri, text: doc.getText(), language: languageOf(doc.languageId, doc.uri) ?? 'markdown', diagnostics: report.diagnostics };
	return { html: renderReport([file], css === undefined ? {} : { katexCss: css }) };
}
