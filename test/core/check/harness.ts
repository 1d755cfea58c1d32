/**
 * The data-driven harness of the check layer. A fixture is a document in which every expected
 * diagnostic is marked in place as `⟦text|code⟧`: `$$0.3 + 0.4 = ⟦0.8|arithmetic⟧$$` expects one
 * `arithmetic` diagnostic exactly on `0.8`. `check(input)` strips the marks, checks the document,
 * and asserts that the diagnostics are exactly the marked ones — so every fixture is also a list
 * of places that must NOT fire. Silence alone would also pass if the chain were never read (a
 * parser regression that turns it into an `error` node), so a number that must be checked and hold
 * is marked `⟦0.558|ok⟧`: the harness asserts that a checked chain states it for a member that
 * agrees with it (a member fact with `holds`), or reads it as a substituted value that is the name's
 * value (a substitution fact with `holds`).
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

/** The code of a mark that expects no diagnostic but a number that was checked and holds. */
export const OK = 'ok';

/**
 * How the analysis saw the number at `span`: `checked` when a checked chain states it for a member
 * that agrees with it, or reads it as a substitution that holds; otherwise why not, for the message.
 */
export function verdictOn(a: Analysis, span: { start: number; end: number }): string {
	const same = (s: { start: number; end: number } | undefined) => s !== undefined && s.start === span.start && s.end === span.end;
	const members = a.members.filter((m) => same(m.stated?.span) || same(m.stated?.node.span));
	const substitutions = a.substitutions.filter((x) => same(x.number.span) || same(x.number.node.span));
	if (members.some((m) => m.holds === true && a.status[m.chain] === 'checked')) return 'checked';
	if (substitutions.some((x) => x.holds === true)) return 'checked';
	const member = members[0];
	const substitution = substitutions[0];
	if (member) return `stated for a member that ${member.holds === false ? 'disagrees' : 'could not be evaluated'} (chain ${a.status[member.chain] ?? '?'})`;
	if (substitution) return 'read as a substitution that does not hold';
	return 'never checked: no member is stated equal to it and no substitution reads it';
}

/**
 * Asserts that the document's diagnostics are exactly the marked ones (code and span), and that
 * every number marked `ok` was checked and holds.
 */
export async function check(input: string, language: 'markdown' | 'latex' = 'markdown', tolerance: TolerancePolicy = 'digits'): Promise<Analysis> {
	const { text, expected: marks } = unmark(input);
	const expected = marks.filter((e) => e.code !== OK);
	const a = await analyze(text, language, tolerance);
	const key = (code: string, start: number, end: number) => `${code} ${JSON.stringify(text.slice(start, end))} @${start}`;
	const actual = a.diagnostics.map((d) => key(d.code, d.span.start, d.span.end));
	const want = expected.map((e) => key(e.code, e.start, e.end));
	const messages = a.diagnostics.map((d) => `${key(d.code, d.span.start, d.span.end)}: ${d.message}`).join('\n');
	assert.deepStrictEqual(actual, want, `diagnostics differ:\n${messages}`);
	const unchecked = marks
		.filter((e) => e.code === OK)
		.map((e) => ({ at: key(OK, e.start, e.end), verdict: verdictOn(a, e) }))
		.filter((v) => v.verdict !== 'checked');
	assert.deepStrictEqual(unchecked, [], 'numbers marked ok must be checked and hold');
	return a;
}
