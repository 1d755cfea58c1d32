/**
 * A workspace check: the client reads the files the editor has not opened and sends their text;
 * each is checked once and its diagnostics published as for an open document. Documents open in
 * the editor are skipped, since their diagnostics already follow every edit.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, type CancellationLike, type LanguageService } from '../core/index';
import { toLspDiagnostic } from './convert';
import { summaryParams } from './diagnostics';
import type { CheckDocumentsParams, CheckDocumentsResult, SummaryParams } from './protocol';

/** Checks the documents of a `derivcheck/checkDocuments` request and publishes their diagnostics. */
export async function checkDocuments(
	connection: Connection,
	documents: TextDocuments<TextDocument>,
	service: LanguageService,
	params: CheckDocumentsParams,
	token: CancellationLike,
): Promise<CheckDocumentsResult> {
	const summaries: SummaryParams[] = [];
	for (const d of params.documents ?? []) {
		if (token.isCancellationRequested) break;
		if (typeof d?.uri !== 'string' || typeof d.text !== 'string' || documents.get(d.uri)) continue;
		const report = await service.check({ uri: d.uri, languageId: d.languageId ?? '', version: 0, text: d.text }, token);
		if (!report) continue;
		const index = new LineIndex(d.text);
		await connection.sendDiagnostics({ uri: d.uri, diagnostics: report.diagnostics.map((x) => toLspDiagnostic(d.uri, index, x)) });
		summaries.push(summaryParams(report));
	}
	return { summaries };
}
