/**
 * Line tables for the scanners. A line ends at `\r\n`, `\r` or `\n`, exactly as markdown-it's
 * normalisation counts them, so markdown-it's line maps index this table directly and every
 * offset found through it is an offset into the original text, line breaks untouched.
 */

export interface LineTable {
	/** Offset of the first character of each line. */
	readonly starts: readonly number[];
	/** Offset just past the last character of each line, its line break excluded. */
	readonly ends: readonly number[];
}

/** Builds the table; `lineTable('a\r\nb')` has starts `[0, 3]` and ends `[1, 4]`. */
export function lineTable(text: string): LineTable {
	const starts = [0];
	const ends: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) {
			ends.push(i);
			if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
			starts.push(i + 1);
		}
	}
	ends.push(text.length);
	return { starts, ends };
}

/** The index of the line that holds `offset`; `lineOf(lineTable('a\nb'), 2)` is 1. */
export function lineOf(table: LineTable, offset: number): number {
	let lo = 0;
	let hi = table.starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (table.starts[mid] <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}
