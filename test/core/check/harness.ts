/**
 * The data-driven harness of the check layer. A fixture is a document in which every expected
 * diagnostic is marked in place as `⟦text|code⟧`: `$$0.3 + 0.4 = ⟦0.8|arithmetic⟧$$` expects one
 * `arithmetic` diagnostic exactly on `0.8`. `check(input)` strips the marks, checks the document,
 * and asserts that the diagnostics are exactly the marked ones — so every fixture is also a list
 * of places that must NOT fire.
 */
import * as assert from 'assert';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import type { TolerancePolicy } from '../../../src/core/service';

export interface Marked {
	readonly text: string;
	readonly expected: { code: string; start: number; end: number; text: string }[];
}

/** Removes `⟦text|code⟧` marks, returning the clean text and where each mark was. */
export function unmark(input: string): Marked {
	const expected: Marked['expected'] = [];
	let text = '';
	const re = /⟦([^|⟧]*)\|([a-z]+)⟧/g;
	let last = 0;
	for (let m = re.exec(input); m; m = re.exec(input)) {
		text += input.slice(last, m.index);
		expected.push({ code: m[2], start: text.length, end: text.length + m[1].length, text: m[1] });
		text += m[1];
		last = m.index + m[0].length;
	}
	text += input.slice(last);
	return { text, expected };
}

export async function analyze(text: string, language: 'markdown' | 'latex' = 'markdown', tolerance: TolerancePolicy = 'digits'): Promise<Analysis> {
	const a = await analyzeDocument(text, language, { tolerance });
	assert.ok(a, 'the analysis was not cancelled');
	return a;
}

/** Asserts that the document's diagnostics are exactly the marked ones (code and span). */
export async function check(input: string, language: 'markdown' | 'latex' = 'markdown', tolerance: TolerancePolicy = 'digits'): Promise<Analysis> {
	const { text, expected } = unmark(input);
	const a = await analyze(text, language, tolerance);
	const key = (code: string, start: number, end: number) => `${code} ${JSON.stringify(text.slice(start, end))} @${start}`;
	const actual = a.diagnostics.map((d) => key(d.code, d.span.start, d.span.end));
	const want = expected.map((e) => key(e.code, e.start, e.end));
	const messages = a.diagnostics.map((d) => `${key(d.code, d.span.start, d.span.end)}: ${d.message}`).join('\n');
	assert.deepStrictEqual(actual, want, `diagnostics differ:\n${messages}`);
	return a;
}
