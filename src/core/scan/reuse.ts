/**
 * The scan of a document after an edit that only changed digits inside one math region: the last
 * scan, with the offsets after the edit moved. Typing over a number is the edit a derivation
 * sees most, and re-scanning a long document for it costs more than the re-check it causes.
 *
 * Where math is and where the network block is cannot change when digits change strictly inside
 * a region's math: no delimiter, fence, comment or block marker is a digit, the edit touches no
 * delimiter (a character of math on both sides, neither `$` nor a backslash nor a character of
 * Markdown's inline syntax), and a digit that is not the first thing on its line starts no list
 * item. Anything else is scanned again.
 */
import type { MathRegion, NetworkBlockRegion, ScanResult } from './region';
import type { Span } from '../text/span';

/** Characters beside the edit that could make its digits part of something else than math. */
const SYNTAX = new Set(['$', '\\', '&', '#', '<', '>', '`', '~', '|', '\n', '\r']);

function digitsOnly(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}

/** Where two texts differ: `old.slice(first, oldEnd)` became `text.slice(first, newEnd)`, the rest is the same. */
export interface TextChange {
	readonly first: number;
	readonly oldEnd: number;
	readonly newEnd: number;
}

const BLOCK = 4096;

/** The one changed stretch between two texts, found from both ends: `textChange('a1b', 'a22b')` is `{first: 1, oldEnd: 2, newEnd: 3}`. */
export function textChange(old: string, text: string): TextChange {
	const n = Math.min(old.length, text.length);
	// Equal stretches are skipped a block at a time: comparing two slices is the engine's own loop, many times a character loop's speed.
	let first = 0;
	for (let step = BLOCK; first + step <= n && old.slice(first, first + step) === text.slice(first, first + step);) first += step;
	while (first < n && old.charCodeAt(first) === text.charCodeAt(first)) first++;
	let tail = 0;
	for (let step = BLOCK; tail + step <= n - first && old.slice(old.length - tail - step, old.length - tail) === text.slice(text.length - tail - step, text.length - tail);) tail += step;
	while (tail < n - first && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
	return { first, oldEnd: old.length - tail, newEnd: text.length - tail };
}

/**
 * The scan of `text` when it is `old` with digits changed inside one of `scan`'s math regions
 * (`scan` being `old`'s, `change` where they differ), else undefined. `$x = 0.418$` edited to
 * `$x = 0.4187$` keeps the region, one character longer.
 */
export function rescanAfterDigits(old: string, scan: ScanResult, text: string, change: TextChange = textChange(old, text)): ScanResult | undefined {
	const { first, oldEnd, newEnd } = change;
	if (first === oldEnd && first === newEnd) return scan;
	if (!digitsOnly(old.slice(first, oldEnd)) || !digitsOnly(text.slice(first, newEnd))) return undefined;
	if (first === 0 || SYNTAX.has(old[first - 1]) || oldEnd >= old.length || SYNTAX.has(old[oldEnd])) return undefined;
	const region = scan.regions.find((r) => r.inner.start < first && oldEnd < r.inner.end);
	if (!region) return undefined;
	// Digits first on their line (after spaces and quote markers) could make or unmake a list marker.
	const lineStart = old.lastIndexOf('\n', first - 1) + 1;
	if (/^[\s>]*$/.test(old.slice(lineStart, first).replace(/[0-9]/g, ''))) return undefined;
	const by = newEnd - oldEnd;
	if (by === 0) return scan;
	const at = (o: number) => (o >= oldEnd ? o + by : o);
	const span = (s: Span): Span => ({ start: at(s.start), end: at(s.end) });
	const regions = scan.regions.map((r): MathRegion => {
		if (r.outer.end < first) return r;
		const moved: MathRegion = { ...r, outer: span(r.outer), inner: span(r.inner) };
		return r.prefixes ? { ...moved, prefixes: r.prefixes.map(span) } : moved;
	});
	const networks = scan.networks.map((b): NetworkBlockRegion => (b.outer.end < first ? b : { ...b, outer: span(b.outer), segments: b.segments.map((s) => ({ ...s, docStart: at(s.docStart) })) }));
	return { regions, networks };
}
