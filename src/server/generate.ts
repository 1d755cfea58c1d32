/**
 * The `derivcheck/generate` request: looks the document up, reads the options as the CLI does
 * (`readGenerateOptions`) and answers with the core's derivation of its network, or the reason
 * there is none.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { generateForInput, readGenerateOptions, type CancellationLike } from '../core/index';
import type { GenerateParams, GenerateResult } from './protocol';

export async function onGenerate(documents: TextDocuments<TextDocument>, params: GenerateParams, token: CancellationLike): Promise<GenerateResult> {
	const doc = documents.get(params.uri);
	if (!doc) return { kind: 'refused', reason: 'The document is not open.' };
	const options = readGenerateOptions({ notation: params.notation, part: params.part, digits: params.digits, language: params.language, exercise: params.exercise });
	if (typeof options === 'string') return { kind: 'refused', reason: options };
	const g = await generateForInput({ uri: doc.uri, languageId: doc.languageId, text: doc.getText() }, options, token);
	if (!g) return { kind: 'refused', reason: 'The request was cancelled.' };
	return g.kind === 'derivation' ? { kind: 'derivation', text: g.text, ...(g.answers ? { answers: g.answers } : {}) } : g;
}
