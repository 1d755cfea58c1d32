/**
 * The scan layer's front door: picks the scanner for a document's language. Both scanners are
 * linear in the document's length and never throw on user input.
 */
import { scanLatex } from './latex';
import { scanMarkdown } from './markdown';
import type { DocumentLanguage, ScanResult } from './region';

export type { DocumentLanguage, MathRegion, NetworkBlockRegion, RegionKind, ScanResult, YamlSegment } from './region';
export { yamlOffsetToDocument } from './region';

/**
 * Finds the math regions and network blocks of a document.
 * For example `scanDocument('$a = 1$', 'markdown').regions[0].inner` is `{ start: 1, end: 6 }`.
 */
export function scanDocument(text: string, language: DocumentLanguage): ScanResult {
	return language === 'latex' ? scanLatex(text) : scanMarkdown(text);
}

const EXTENSIONS: Record<string, DocumentLanguage> = {
	md: 'markdown',
	markdown: 'markdown',
	tex: 'latex',
	ltx: 'latex',
	latex: 'latex',
};

/**
 * The language derivcheck reads a document in, from its editor language id or else its file
 * name; `languageOf('plaintext', 'file:///notes/cnn.tex')` is `'latex'`, and a document that is
 * neither Markdown nor LaTeX gives undefined.
 */
export function languageOf(languageId: string, uri: string): DocumentLanguage | undefined {
	const id = languageId.toLowerCase();
	if (id === 'markdown') return 'markdown';
	if (id === 'latex' || id === 'tex') return 'latex';
	const path = uri.split(/[?#]/)[0];
	const dot = path.lastIndexOf('.');
	if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
	return EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}
