/**
 * The last step of both scanners: regions in document order, and never two that overlap (the
 * scanners do not produce overlaps; this keeps the promise even if one ever did).
 */
import type { MathRegion } from './region';

/**
 * Sorts regions by offset and drops any that would overlap an earlier one; of regions at
 * 0–5 and 3–8, only the first is kept.
 */
export function ordered(regions: MathRegion[]): MathRegion[] {
	regions.sort((a, b) => a.outer.start - b.outer.start);
	const out: MathRegion[] = [];
	for (const r of regions) {
		const prev = out[out.length - 1];
		if (!prev || r.outer.start >= prev.outer.end) out.push(r);
	}
	return out;
}
