/**
 * The parse memo: a region whose text is unchanged is not parsed again, and what it returns is
 * exactly what a fresh parse of the edited text gives — offsets moved with the region — and what
 * one check settles never changes what another check holds.
 */
import * as assert from 'assert';
import { ParseMemo } from '../../../src/core/check/parseMemo';
import { shiftedCopy } from '../../../src/core/syntax/copy';
import { parseMath } from '../../../src/core/syntax/parser';
import { settleMarks } from '../../../src/core/syntax/settle';
import type { NameNode, Statement } from '../../../src/core/syntax/ast';
import type { Span } from '../../../src/core/text/span';

/** The inner spans of the `$$…$$` regions of `text`. */
function regions(text: string): Span[] {
	const out: Span[] = [];
	for (let i = text.indexOf('$$'); i >= 0; i = text.indexOf('$$', i + 2)) {
		const end = text.indexOf('$$', i + 2);
		out.push({ start: i + 2, end });
		i = end;
	}
	return out;
}

function parseAll(memo: ParseMemo, text: string): unknown[] {
	memo.begin();
	const out = regions(text).map((r) => memo.statements(text, r));
	memo.end();
	return out;
}

const before = 'Prose.\n$$\\bar{in}_{o1} = 0.1 \\times 0.5 + 0.4 = 0.45$$\nMore.\n$$out_{o1} = \\sigma(0.45) = 0.611$$\n';

suite('parse memo', () => {
	const edits: { name: string; text: string; parsed: number; reused: number }[] = [
		{ name: 'an edit in prose before both regions', text: before.replace('Prose.', 'Some prose, longer.'), parsed: 0, reused: 2 },
		{ name: 'an edit inside the second region', text: before.replace('0.611', '0.612'), parsed: 1, reused: 1 },
		{ name: 'a new line between the regions', text: before.replace('More.', 'More.\n\nAnd more.'), parsed: 0, reused: 2 },
		{ name: 'the same text again', text: before, parsed: 0, reused: 2 },
	];
	for (const e of edits) {
		test(`after ${e.name}, parses only what changed and gives what a fresh parse gives`, () => {
			const memo = new ParseMemo();
			parseAll(memo, before);
			const got = parseAll(memo, e.text);
			assert.deepStrictEqual({ parsed: memo.parsed, reused: memo.reused }, { parsed: e.parsed, reused: e.reused });
			assert.deepStrictEqual(got, regions(e.text).map((r) => parseMath(e.text, r).statements));
		});
	}

	test('a check settles the parse it gets in place; the next check shares it, and copies it only when a key changes', () => {
		const memo = new ParseMemo();
		const head = (p: readonly Statement[]) => (p[0].members[0] as NameNode).name;
		const settle = (p: Statement[][], reserved: string[]): Statement[] => {
			const all = p.flat();
			settleMarks(all, new Set(reserved), (i) => memo.owns(all[i]));
			return all;
		};
		// The first check gets the parser's own statements and settles them: `\bar{in}_{o1}` alone is `ino1`.
		const firstParse = parseAll(memo, before) as Statement[][];
		const first = settle(firstParse, []);
		assert.strictEqual(first[0], firstParse[0][0]);
		assert.strictEqual(head(first).key, 'ino1');
		// The same decision again: the next check shares the statements, and nothing is written or copied.
		const same = settle(parseAll(memo, before) as Statement[][], []);
		assert.strictEqual(same[0], first[0]);
		assert.strictEqual(same[1], first[1]);
		// A check where a network declares `ino1` keeps the mark, on a copy of the one statement whose key changes.
		const other = settle(parseAll(memo, before) as Statement[][], ['ino1']);
		assert.notStrictEqual(other[0], first[0]);
		assert.strictEqual(other[1], first[1]);
		const fresh = regions(before).map((r) => parseMath(before, r).statements).flat();
		settleMarks(fresh, new Set(['ino1']), () => true);
		assert.deepStrictEqual(other, fresh);
		assert.strictEqual(head(other).key, 'bar.ino1');
		// What the earlier checks hold is unchanged.
		assert.strictEqual(head(first).key, 'ino1');
	});

	test('a region at the same place shares its statements, and a region that moved is copied whole', () => {
		const memo = new ParseMemo();
		const first = parseAll(memo, before) as Statement[][];
		const again = parseAll(memo, before.replace('Prose.', 'Prose!')) as Statement[][];
		assert.strictEqual(again[0][0], first[0][0]);
		assert.strictEqual(again[1][0], first[1][0]);
		assert.ok(!memo.owns(again[0][0]));
		// Moved by an edit before it, a region is copied whole, and the copy is the check's own.
		const longer = before.replace('Prose.', 'Prose, longer.');
		const moved = parseAll(memo, longer) as Statement[][];
		assert.notStrictEqual(moved[1][0], first[1][0]);
		assert.ok(memo.owns(moved[1][0]));
		assert.deepStrictEqual(moved, regions(longer).map((r) => parseMath(longer, r).statements));
	});

	test('forgets the regions the last whole parse did not use, so it holds one document', () => {
		const memo = new ParseMemo();
		parseAll(memo, before);
		parseAll(memo, before.replace('0.611', '0.612'));
		parseAll(memo, before.replace('0.611', '0.613'));
		// The text with 0.611 was last used two parses ago: it is parsed again.
		parseAll(memo, before);
		assert.deepStrictEqual({ parsed: memo.parsed, reused: memo.reused }, { parsed: 1, reused: 1 });
	});

	test('a shifted copy moves every offset and keeps a shared node shared', () => {
		const span = { start: 3, end: 5 };
		const copy = shiftedCopy({ a: { span }, b: { span }, list: [{ start: 1, end: 2, text: 'x' }] }, 10);
		assert.deepStrictEqual(copy, { a: { span: { start: 13, end: 15 } }, b: { span: { start: 13, end: 15 } }, list: [{ start: 11, end: 12, text: 'x' }] });
		assert.strictEqual(copy.a.span, copy.b.span);
		assert.notStrictEqual(copy.a.span, span);
	});

	test('copies a tree deeper than recursion can go', () => {
		let deep: { left?: unknown; span: { start: number; end: number } } = { span: { start: 0, end: 1 } };
		for (let i = 1; i <= 100_000; i++) deep = { left: deep, span: { start: 0, end: i + 1 } };
		let copy = shiftedCopy(deep, 2) as typeof deep;
		let depth = 0;
		while (copy.left) {
			assert.strictEqual(copy.span.start, 2);
			copy = copy.left as typeof deep;
			depth++;
		}
		assert.strictEqual(depth, 100_000);
	});
});
