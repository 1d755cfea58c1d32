/**
 * Half-open source spans, as KaTeX's `SourceLocation`: `start` is the zero-based offset of the
 * first character (inclusive), `end` the offset just past the last one (exclusive). Every layer of
 * the core speaks absolute offsets into the whole document; turning them into lines and
 * characters happens once, in `lineIndex.ts`, for the adapters.
 */
export interface Span {
	readonly start: number;
	readonly end: number;
}

/** Makes a span; `span(3, 7)` covers the characters at offsets 3, 4, 5 and 6. */
export function span(start: number, end: number): Span {
	return { start, end };
}

/** The smallest span that covers both `a` and `b`. */
export function cover(a: Span, b: Span): Span {
	return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** True when `offset` lies in `s`, counting its end (so a cursor just after a number is on it). */
export function containsOffset(s: Span, offset: number): boolean {
	return offset >= s.start && offset <= s.end;
}

/** True when the two spans share at least one character, or touch when one of them is empty. */
export function overlaps(a: Span, b: Span): boolean {
	return a.start < b.end && b.start < a.end || a.start === a.end && containsOffset(b, a.start) || b.start === b.end && containsOffset(a, b.start);
}
