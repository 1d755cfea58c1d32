/**
 * What the held-out tests share (`test/core/check/realworld.test.ts`, `test/core/infer/heldout.test.ts`):
 * a finding written as its code, line and marked text, so an expectation reads like the document,
 * and a mistake planted in a copy by replacing the author's text.
 */
import * as assert from 'assert';
import * as path from 'path';
import { analyzeDocument, type Analysis } from '../../src/core/check/analyze';

export const realworldDir = path.join(__dirname, '../fixtures/realworld');

/** A finding: its code, the 1-based line it starts on, and the text it marks. */
export interface Finding {
	readonly code: string;
	readonly line: number;
	readonly text: string;
}

export interface Plant {
	readonly name: string;
	/** Text of the document and what replaces it; each `from` occurs once. */
	readonly edits: readonly (readonly [from: string, to: string])[];
	/** The findings the planted mistake must raise (besides the document's own). */
	readonly found: readonly Finding[];
}

export async function analyze(text: string): Promise<Analysis> {
	const a = await analyzeDocument(text, 'markdown', { tolerance: 'digits' });
	assert.ok(a, 'the analysis was not cancelled');
	return a;
}

/** The findings of `a` as sortable keys: `code @line "marked text"`. */
export function findings(a: Analysis, text: string): string[] {
	const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
	return a.diagnostics.map((d) => `${d.code} @${lineOf(d.span.start)} ${JSON.stringify(text.slice(d.span.start, d.span.end))}`).sort();
}

/** Expected findings as the keys `findings` gives. */
export const keys = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.code} @${f.line} ${JSON.stringify(f.text)}`).sort();

/** `text` with the plant's edits made, each on text that occurs exactly once. */
export function plant(text: string, p: Plant): string {
	let out = text;
	for (const [from, to] of p.edits) {
		assert.strictEqual(out.split(from).length, 2, `${p.name}: ${JSON.stringify(from)} occurs once`);
		// split and join, not replace: a `$$` in the replacement would be read as a pattern.
		out = out.split(from).join(to);
	}
	return out;
}

/** One test per plant: the document with the plant's edits gives its own findings and exactly the plant's besides. */
export function plantedTests(file: string, text: string, own: readonly Finding[], plants: readonly Plant[]): void {
	for (const p of plants) {
		test(`${file}, planted: ${p.name}`, async () => {
			const planted = plant(text, p);
			const a = await analyze(planted);
			const messages = a.diagnostics.map((d) => d.message).join('\n');
			assert.deepStrictEqual(findings(a, planted), keys([...own, ...p.found]), messages);
		});
	}
}
