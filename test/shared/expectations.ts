/**
 * What a user must see for the shared fixtures, as plain data and small matchers, so that every
 * suite that drives a real editor (the in-host @vscode/test-electron suite and the code-server
 * e2e suite) asserts the same things. Nothing here imports `vscode` or the core: positions are
 * found in the fixture's own text, 0-based as in LSP.
 */
import * as fs from 'fs';
import * as path from 'path';

/**
 * Finds `test/fixtures/docs` from this module's folder upwards, so the path holds both when this
 * file runs from source (tsx) and when it is bundled into another folder (the in-host suite).
 */
function findFixtures(): string {
	for (let dir = __dirname; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'test', 'fixtures', 'docs');
		if (fs.existsSync(candidate)) return candidate;
		if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', 'fixtures', 'docs');
	}
}

/** The folder of the shared document fixtures. */
export const fixturesDir = findFixtures();

export interface ExpectedDiagnostic {
	readonly code: string;
	readonly severity: 'error' | 'warning' | 'information' | 'hint';
	/** The number the squiggle sits on, as written. */
	readonly stated: string;
	/** The correct value at the author's precision, which the quick fix writes. */
	readonly expected: string;
	/** Substrings the message contains. */
	readonly messageIncludes: readonly string[];
	/** Where `stated` is in the fixture, 0-based line and character of its first character. */
	readonly line: number;
	readonly character: number;
}

export interface Fixture {
	/** The file name inside `fixturesDir`, e.g. `wrong-arithmetic.md`. */
	readonly name: string;
	/** The absolute path. */
	readonly path: string;
	readonly languageId: 'markdown' | 'latex';
	readonly text: string;
	/** The diagnostics derivcheck must report, in document order, and no others. */
	readonly diagnostics: readonly ExpectedDiagnostic[];
	/** Numbers that hold and must carry no diagnostic. */
	readonly clean: readonly string[];
	/** A hover on the first expected diagnostic's number mentions these. */
	readonly hoverIncludes: readonly string[];
	/** The fixture's text after the quick fix of every expected diagnostic. */
	readonly fixedText: string;
}

function locate(text: string, needle: string): { line: number; character: number } {
	const offset = text.lastIndexOf(needle);
	if (offset < 0) throw new Error(`fixture lacks ${needle}`);
	const before = text.slice(0, offset).split(/\r\n|\r|\n/);
	return { line: before.length - 1, character: before[before.length - 1].length };
}

function fixture(name: string, languageId: Fixture['languageId']): Fixture {
	const file = path.join(fixturesDir, name);
	const text = fs.readFileSync(file, 'utf8');
	const wrong = { code: 'arithmetic', severity: 'error', stated: '0.191', expected: '0.169', messageIncludes: ['0.169', '0.191'] } as const;
	return {
		name,
		path: file,
		languageId,
		text,
		diagnostics: [{ ...wrong, ...locate(text, '0.191') }],
		clean: ['0.006'],
		hoverIncludes: ['0.169'],
		fixedText: text.replace('= 0.191', '= 0.169'),
	};
}

/** `wrong-arithmetic.md`: `0.5 × 0.349 × 0.034 = 0.006` holds, `… = 0.191` is wrong (0.169). */
export const wrongArithmeticMarkdown: Fixture = fixture('wrong-arithmetic.md', 'markdown');

/** The same two statements in LaTeX (`\[ … \]` and an `equation` environment). */
export const wrongArithmeticLatex: Fixture = fixture('wrong-arithmetic.tex', 'latex');

/** The status bar item's text, e.g. "derivcheck: 2 checked · 1 wrong · 0 unchecked". */
export const statusBarPattern = /derivcheck: (\d+) checked · (\d+) wrong · (\d+) unchecked/;

/** The status bar counts for the wrong-arithmetic fixtures (both statements are checked). */
export const wrongArithmeticStatus = { checked: 2, wrong: 1, unchecked: 0 } as const;

/** A diagnostic as any editor API reports it, reduced to what the expectations compare. */
export interface SeenDiagnostic {
	readonly code?: string | number | { readonly value: string | number };
	readonly message: string;
	readonly range: { readonly start: { readonly line: number; readonly character: number } };
	readonly source?: string;
}

function codeOf(d: SeenDiagnostic): string | undefined {
	const c = d.code;
	if (c === undefined) return undefined;
	return typeof c === 'object' ? String(c.value) : String(c);
}

/**
 * Compares what an editor reports with what a fixture expects; returns the mismatches as
 * sentences, so `assert.deepStrictEqual(mismatches(fixture, seen), [])` explains a failure.
 */
export function mismatches(fixture: Fixture, seen: readonly SeenDiagnostic[]): string[] {
	const ours = seen.filter((d) => d.source === undefined || d.source === 'derivcheck');
	const problems: string[] = [];
	if (ours.length !== fixture.diagnostics.length) problems.push(`expected ${fixture.diagnostics.length} diagnostics, saw ${ours.length}`);
	for (const want of fixture.diagnostics) {
		const hit = ours.find((d) => d.range.start.line === want.line && d.range.start.character === want.character);
		if (!hit) {
			problems.push(`no diagnostic at ${want.line}:${want.character} on ${want.stated}`);
			continue;
		}
		if (codeOf(hit) !== want.code) problems.push(`the diagnostic on ${want.stated} has code ${codeOf(hit)}, not ${want.code}`);
		for (const s of want.messageIncludes) if (!hit.message.includes(s)) problems.push(`the message "${hit.message}" lacks "${s}"`);
	}
	return problems;
}
