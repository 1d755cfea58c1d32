// The shared helper of the scan tests: scans a document and compares what each region holds,
// after checking the invariants every region must keep.
import * as assert from 'assert';
import { scanDocument } from '../../../src/core/scan';
import type { DocumentLanguage, MathRegion, ScanResult } from '../../../src/core/scan';

export type Expected = readonly (readonly [MathRegion['kind'], string])[];

const OPENERS = ['$', '\\(', '\\[', '\\begin', '```', '~~~'];
const CLOSERS = ['$', '\\)', '\\]', '}', '`', '~'];

/** Asserts that regions are sorted, disjoint, inside the text, and that inner lies in outer. */
export function assertWellFormed(text: string, result: ScanResult, delimiters = true): void {
	let last = 0;
	for (const r of result.regions) {
		assert.ok(r.outer.start >= last, `region at ${r.outer.start} overlaps the one before`);
		assert.ok(r.outer.start <= r.inner.start && r.inner.start <= r.inner.end && r.inner.end <= r.outer.end, 'inner lies in outer');
		assert.ok(r.outer.end <= text.length, 'region inside the text');
		last = r.outer.end;
		if (!delimiters) continue;
		const outer = text.slice(r.outer.start, r.outer.end);
		assert.ok(OPENERS.some(o => outer.startsWith(o)), `outer starts with a delimiter: ${JSON.stringify(outer)}`);
		assert.ok(CLOSERS.some(c => outer.endsWith(c)), `outer ends with a delimiter: ${JSON.stringify(outer)}`);
	}
}

/** Scans `input` and asserts the kind and inner text of each region, in order. */
export function check(input: string, expected: Expected, language: DocumentLanguage = 'markdown'): ScanResult {
	const result = scanDocument(input, language);
	assertWellFormed(input, result);
	assert.deepStrictEqual(result.regions.map(r => [r.kind, input.slice(r.inner.start, r.inner.end)]), expected);
	return result;
}
