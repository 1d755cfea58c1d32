/**
 * The `derivcheck/generate` request: looks the document up, reads the options as the CLI does
 * (`readGenerateOptions`) and answers with the core's derivation of its network, or the reason
 * there is none, in the editor's display language (`locale`).
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { generateForInput, message, readGenerateOptions, type CancellationLike, type Locale } from '../core/index';
import type { GenerateParams, GenerateResult } from './protocol';

export async function onGenerate(documents: TextDocuments<TextDocument>, params: GenerateParams, token: CancellationLike, locale?: Locale): Promise<GenerateResult> {
	const doc = documents.get(params.uri);
	if (!doc) return { kind: 'refused', reason: message('request.notOpen', {}, locale) };
	const options = readGenerateOptions({ notation: params.notation, part: params.part, digits: params.digits, language: params.language, exercise: params.exercise }, locale);
	if (typeof options === 'string') return { kind: 'refused', reason: options };
	const g = await generateForInput({ uri: doc.uri, languageId: doc.languageId, text: doc.getText() }, options, token);
	if (!g) return { kind: 'refused', reason: message('request.cancelled', {}, locale) };
	return g.kind === 'derivation' ? { kind: 'derivation', text: g.text, ...(g.answers ? { answers: g.answers } : {}) } : g;
}
