/**
 * The data the scan layer hands on: where math is in a document, and where the network block
 * is. Offsets are absolute into the whole document text (see `../text/span.ts`).
 */
import type { Span } from '../text/span';

export type DocumentLanguage = 'markdown' | 'latex';

/** How a math region was delimited; `inline` is `$…$` or `\(…\)`, `display` is `$$…$$` or `\[…\]`. */
export type RegionKind = 'inline' | 'display' | 'environment' | 'fence';

export interface MathRegion {
	readonly kind: RegionKind;
	/** The region with its delimiters (`$$`, `\begin{align}` …). */
	readonly outer: Span;
	/** The math alone, between the delimiters; `text.slice(inner.start, inner.end)` is what the parser reads. */
	readonly inner: Span;
	/** For LaTeX environments, the environment's name as written (`align*`). */
	readonly environment?: string;
	/**
	 * Markdown only: in a block quote, the `>` markers (with the space after them) that open the
	 * later lines of a multi-line region. They lie inside `inner`; the parser should read them as
	 * whitespace. Absent when there are none.
	 */
	readonly prefixes?: readonly Span[];
}

/** One piece of a network block's YAML, copied from the document at `docStart`. */
export interface YamlSegment {
	readonly yamlStart: number;
	readonly docStart: number;
	readonly length: number;
}

/**
 * A network block (DESIGN 2.4). In Markdown the YAML is the fence's body, one segment; in LaTeX
 * the `% ` prefixes are removed and each line becomes a segment, so positions map back exactly.
 */
export interface NetworkBlockRegion {
	readonly yaml: string;
	readonly segments: readonly YamlSegment[];
	/** The whole block, fences or comment lines included. */
	readonly outer: Span;
}

export interface ScanResult {
	readonly regions: readonly MathRegion[];
	readonly networks: readonly NetworkBlockRegion[];
}

/**
 * Maps an offset in a block's YAML text to an absolute document offset.
 * An offset at the end of a segment maps to the end of that segment in the document.
 */
export function yamlOffsetToDocument(block: NetworkBlockRegion, offset: number): number {
	let best = block.segments[0];
	for (const seg of block.segments) {
		if (seg.yamlStart <= offset) best = seg;
		else break;
	}
	if (!best) return block.outer.start;
	return best.docStart + Math.min(Math.max(0, offset - best.yamlStart), best.length);
}
