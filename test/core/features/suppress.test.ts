/**
 * Suppression comments through the language service, in Markdown and LaTeX: each case marks the
 * findings that must still fire with `⟦…⟧` around the stated number, so every other wrong number in
 * it must not fire; the summary counts the silenced ones apart. The "Ignore this finding" action is
 * tested by applying it: the finding goes, the rest stays, and the text around it renders the same.
 */
import * as assert from 'assert';
import { createLanguageService, type DocumentInput } from '../../../src/core/index';
import { scanDocument } from '../../../src/core/scan/index';

function doc(text: string, uri: string): DocumentInput {
	return { uri, languageId: uri.endsWith('.tex') ? 'latex' : 'markdown', version: 1, text };
}

/** The text without `⟦ ⟧` marks, and the marked spans' texts in order. */
function marked(input: string): { text: string; fire: string[] } {
	const fire = [...input.matchAll(/⟦([^⟧]*)⟧/g)].map((m) => m[1]);
	return { text: input.replace(/[⟦⟧]/g, ''), fire };
}

async function check(input: string, uri: string, suppressed: number): Promise<void> {
	const { text, fire } = marked(input);
	const report = await createLanguageService().check(doc(text, uri));
	assert.ok(report);
	const reported = report.diagnostics.map((d) => text.slice(d.span.start, d.span.end));
	assert.deepStrictEqual(reported, fire);
	assert.strictEqual(report.summary.suppressed, suppressed);
	assert.strictEqual(report.summary.wrong, fire.length);
}

function apply(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
	let out = text;
	for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
	return out;
}

suite('suppression comments', () => {
	test('disable-next-line silences the next line only, and only the codes it names (Markdown)', () => check([
		'$$1 + 1 = ⟦3⟧$$',
		'',
		'<!-- derivcheck-disable-next-line arithmetic -->',
		'$$1 + 2 = 4$$',
		'$$1 + 3 = ⟦5⟧$$',
		'',
		'<!-- derivcheck-disable-next-line value, formula -->',
		'$$1 + 4 = ⟦6⟧$$',
		'',
		'<!-- derivcheck-disable-next-line -->',
		'$$1 + 5 = 7$$',
	].join('\n'), 'file:///a.md', 2));

	test('an unknown code suppresses nothing, not everything', () => check([
		'<!-- derivcheck-disable-next-line arithmetc -->',
		'$$1 + 2 = ⟦4⟧$$',
		'',
		'<!-- derivcheck-disable-next-line arithmetc arithmetic -->',
		'$$1 + 2 = 4$$',
	].join('\n'), 'file:///a.md', 1));

	test('disable … enable silences a stretch; disable-line its own line', () => check([
		'$$1 + 1 = ⟦3⟧$$',
		'<!-- derivcheck-disable -->',
		'$$1 + 2 = 4$$',
		'Text $2 + 2 = 5$ here.',
		'<!-- derivcheck-enable -->',
		'$$1 + 3 = ⟦5⟧$$',
		'Text $2 + 3 = 6$ here. <!-- derivcheck-disable-line -->',
		'Text $2 + 4 = ⟦7⟧$ here.',
		'<!-- derivcheck-disable arithmetic -->',
		'$$1 + 4 = 6$$',
	].join('\n'), 'file:///a.md', 4));

	test('a comment above a display over several lines covers the display', () => check([
		'<!-- derivcheck-disable-next-line arithmetic -->',
		'$$',
		'a = 1 + 1',
		'= 3',
		'$$',
		'$$',
		'b = 1 + 2',
		'= ⟦4⟧',
		'$$',
	].join('\n'), 'file:///a.md', 1));

	test('comments in code and inline code are examples, not directives', () => check([
		'```md',
		'<!-- derivcheck-disable -->',
		'```',
		'Write `<!-- derivcheck-disable -->` to silence the rest.',
		'$$1 + 7 = ⟦9⟧$$',
	].join('\n'), 'file:///a.md', 0));

	test('LaTeX: % comments silence lines inside math and out', () => check([
		'\\begin{align}',
		'a &= 1 + 1 \\\\',
		'% derivcheck-disable-next-line arithmetic',
		'&= 3 \\\\',
		'&= ⟦4⟧',
		'\\end{align}',
		'\\[ 1 + 1 = ⟦3⟧ \\] % derivcheck-disable-line value',
		'\\[ 1 + 2 = 4 \\] % derivcheck-disable-line',
		'% derivcheck-disable',
		'\\[ 1 + 3 = 5 \\]',
		'% derivcheck-enable',
		'\\[ 1 + 4 = ⟦6⟧ \\]',
		'\\% derivcheck-disable-next-line is text, not a comment',
		'\\[ 1 + 5 = ⟦7⟧ \\]',
	].join('\n'), 'file:///a.tex', 3));

	const ignoreCases: [string, string, string][] = [
		['a display line (Markdown)', 'file:///a.md', 'Some text.\n\n$$1 + 1 = 3$$\n\n$$1 + 2 = 4$$\n'],
		['a line in a paragraph (Markdown)', 'file:///a.md', 'We add\nthe numbers $1 + 1 = 3$ here.\nAnd $1 + 2 = 4$.\n'],
		['a line inside a display (Markdown)', 'file:///a.md', '  $$\n  a = 1 + 1\n  = 3\n  $$\n\n$$1 + 2 = 4$$\n'],
		['a line in a block quote (Markdown)', 'file:///a.md', '> $$1 + 1 = 3$$\n\n$$1 + 2 = 4$$\n'],
		['a line inside align (LaTeX)', 'file:///a.tex', '\\begin{align}\n  a &= 1 + 1 \\\\\n  &= 3\n\\end{align}\n\\[ 1 + 2 = 4 \\]\n'],
		['a line under an unknown code (Markdown)', 'file:///a.md', '<!-- derivcheck-disable-next-line nonsense -->\n$$1 + 1 = 3$$\n\n$$1 + 2 = 4$$\n'],
	];
	for (const [name, uri, text] of ignoreCases) {
		test(`"Ignore this finding" silences exactly that finding on ${name}`, async () => {
			const ls = createLanguageService();
			const before = await ls.check(doc(text, uri));
			assert.ok(before && before.diagnostics.length === 2, JSON.stringify(before?.diagnostics));
			const first = before.diagnostics[0];
			const actions = await ls.codeActions(doc(text, uri), first.span);
			const ignore = actions.filter((a) => a.title.startsWith('Ignore this finding'));
			assert.strictEqual(ignore.length, 1, actions.map((a) => a.title).join('; '));
			const edited = apply(text, ignore[0].edits);
			const after = await ls.check({ ...doc(edited, uri), version: 2 });
			assert.ok(after);
			assert.deepStrictEqual(after.diagnostics.map((d) => edited.slice(d.span.start, d.span.end)), ['4'], edited);
			assert.strictEqual(after.summary.suppressed, 1);
			// The comment sits where it renders as nothing: never inside the math (nor the YAML).
			const at = ignore[0].edits[0].span.start;
			const scan = scanDocument(edited, uri.endsWith('.tex') ? 'latex' : 'markdown');
			const inside = [...scan.regions, ...scan.networks].filter((r) => r.outer.start < at && at < r.outer.end);
			if (uri.endsWith('.md')) assert.deepStrictEqual(inside, [], edited);
		});
	}

	test('a whole-document request gets no "Ignore" actions, and a long document with comments stays quick', async () => {
		const ls = createLanguageService();
		const text = '<!-- derivcheck-disable-next-line -->\n$$1 + 1 = 3$$\n\n' + '$$1 + 2 = 4$$\n\n'.repeat(3000);
		const started = Date.now();
		const report = await ls.check(doc(text, 'file:///long.md'));
		assert.ok(report);
		assert.deepStrictEqual([report.diagnostics.length, report.summary.suppressed, report.summary.wrong], [3000, 1, 3000]);
		const actions = await ls.codeActions(doc(text, 'file:///long.md'), { start: 0, end: text.length });
		assert.deepStrictEqual(actions.filter((a) => a.title.startsWith('Ignore')), []);
		assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
	});

	test('the inserted comment keeps the indentation and the language of its line', async () => {
		const ls = createLanguageService();
		const md = '  $$\n  a = 1 + 1\n  = 3\n  $$\n';
		const three = md.indexOf('3');
		const [mdAction] = (await ls.codeActions(doc(md, 'file:///a.md'), { start: three, end: three })).filter((a) => a.title.startsWith('Ignore'));
		assert.deepStrictEqual(mdAction.edits, [{ span: { start: 0, end: 0 }, newText: '  <!-- derivcheck-disable-next-line arithmetic -->\n' }]);
		assert.strictEqual(mdAction.title, 'Ignore this finding in this block (arithmetic)');
		const tex = '\\begin{align}\r\n  a &= 1 + 1 \\\\\r\n  &= 3\r\n\\end{align}\r\n';
		const offset = tex.indexOf('3');
		const [texAction] = (await ls.codeActions(doc(tex, 'file:///a.tex'), { start: offset, end: offset })).filter((a) => a.title.startsWith('Ignore'));
		assert.deepStrictEqual(texAction.edits, [{ span: { start: tex.indexOf('  &= 3'), end: tex.indexOf('  &= 3') }, newText: '  % derivcheck-disable-next-line arithmetic\r\n' }]);
		assert.strictEqual(texAction.title, 'Ignore this finding on this line (arithmetic)');
	});
});
