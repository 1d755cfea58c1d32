/**
 * The derivation of a document's network: the first network block that builds (DESIGN 2.4), or,
 * in a document without one, the network read off it (DESIGN 2.6, `analysis.inferred`). A block
 * with a mistake, or a document whose network cannot be read, gets the reason in a sentence and
 * no derivation. This is what the CLI's `derivcheck generate FILE` and the editor's command call.
 */
import { message } from '../messages/message';
import { analyzeDocument } from '../check/analyze';
import { parseNetworkBlock } from '../engine/block';
import { languageOf, scanDocument } from '../scan/index';
import type { DocumentLanguage } from '../scan/region';
import type { CancellationLike, DocumentInput } from '../service';
import { generateDerivation, type GenerateOptions, type Generated } from './generate';

/**
 * Writes the derivation of the network `text` works through. `generateForDocument(seedNotes,
 * 'markdown', { ...defaultGenerateOptions, notation: 'textbook' })` refuses the seed network (it
 * has pools) with the reason; with `notation: 'seed'` it writes the whole step.
 */
export async function generateForDocument(text: string, language: DocumentLanguage, options: Omit<GenerateOptions, 'documentLanguage'>, token?: CancellationLike): Promise<Generated | undefined> {
	const all = { ...options, documentLanguage: language };
	const scan = scanDocument(text, language);
	if (scan.networks.length > 0) {
		for (const block of scan.networks) {
			const { spec } = parseNetworkBlock(block);
			if (spec) return generateDerivation(spec, all);
		}
		const { diagnostics } = parseNetworkBlock(scan.networks[0]);
		return { kind: 'refused', reason: message('generate.blockMistake', { problem: diagnostics[0]?.message ?? message('generate.doesNotBuild', {}, options.language) }, options.language) };
	}
	const analysis = await analyzeDocument(text, language, { tolerance: 'digits', token, locale: options.language });
	if (!analysis) return undefined;
	const inferred = analysis.inferred;
	if (inferred?.kind === 'read') return generateDerivation(inferred.spec, all);
	return { kind: 'refused', reason: inferred?.kind === 'none' ? message('generate.unread', { reason: inferred.reason }, options.language) : message('generate.noNetwork', {}, options.language) };
}

/** The same for an editor's document, its language told by its language id and uri as a check tells it (`notes.tex` is LaTeX). */
export function generateForInput(doc: Pick<DocumentInput, 'uri' | 'languageId' | 'text'>, options: Omit<GenerateOptions, 'documentLanguage'>, token?: CancellationLike): Promise<Generated | undefined> {
	return generateForDocument(doc.text, languageOf(doc.languageId, doc.uri) ?? 'markdown', options, token);
}
