/**
 * Checks a document twice, with its network blocks and with them blanked out (every character of a
 * block but its line breaks replaced by a space, so every offset stays where it was), for the
 * tests that compare a declared network with the one read off the document.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import { scanDocument } from '../../../src/core/scan/index';
import type { DocumentLanguage } from '../../../src/core/scan/region';

export function languageOf(path: string): DocumentLanguage {
	return path.endsWith('.tex') ? 'latex' : 'markdown';
}

/** The text with each network block blanked. */
export function withoutBlocks(text: string, language: DocumentLanguage): string {
	let out = text;
	for (const b of scanDocument(text, language).networks) {
		out = out.slice(0, b.outer.start) + out.slice(b.outer.start, b.outer.end).replace(/[^\n]/g, ' ') + out.slice(b.outer.end);
	}
	return out;
}

/** A diagnostic as the comparison sees it: where, what, and the numbers. */
export function shown(a: Analysis): string[] {
	return a.diagnostics.map((d) => `${d.span.start}-${d.span.end} ${d.code} ${d.severity} stated=${d.stated ?? ''} expected=${d.expected ?? ''}`);
}

export async function bothWays(path: string): Promise<{ declared: Analysis; read: Analysis }> {
	const text = readFileSync(path, 'utf8');
	const language = languageOf(path);
	const declared = (await analyzeDocument(text, language, { tolerance: 'digits' }))!;
	const read = (await analyzeDocument(withoutBlocks(text, language), language, { tolerance: 'digits' }))!;
	return { declared, read };
}
