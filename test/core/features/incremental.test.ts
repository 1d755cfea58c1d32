/**
 * Re-checking after an edit gives exactly what a fresh check of the edited text gives. One
 * language service follows a document through a series of random edits (so it reuses its own
 * earlier work: parses, networks); a new service checks each edited text from nothing. The two must
 * agree on the diagnostics, the summary and the hovers at random offsets. The documents are the
 * bundled examples and the truth fixtures; the edits are what typing does: digits, operators,
 * names, dollars and new lines inserted, characters deleted or replaced.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { createLanguageService } from '../../../src/core/index';
import { analyzeDocument } from '../../../src/core/check/analyze';
import { Move } from '../../../src/core/check/reuse';
import { defaultSettings } from '../../../src/core/service';

const root = path.join(__dirname, '..', '..', '..');
const documents = [
	'examples/cnn-1d.md',
	'examples/cnn-1d-mistakes.md',
	'test/fixtures/truth/fc-mistakes.md',
	'test/fixtures/truth/seed-mistakes.md',
	'test/fixtures/truth/conv2d-mistakes.md',
	// No block: a network read off the notes, and plain arithmetic with no network at all.
	'test/fixtures/infer/seed-notes.md',
].map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
documents.push('$$0.1 - 0.7 \\times (-0.177) \\times 0.558 = 0.191$$\n\n$$\\frac{2.160}{2.625} = 0.813$$\n\nProse, $x_1 = 0.5$ and $y = 2 x_1 = 2 \\cdot 0.6 = 1.2$.\n\n$$0.5 \\times 0.349 \\times 0.034 = 0.006$$\n');

interface Edit {
	readonly at: number;
	readonly remove: number;
	readonly insert: string;
}

const edit = fc.record({
	// Uniform over the document: a double generator favours 0, where no chain before the edit is kept.
	at: fc.integer({ min: 0, max: 999_999 }).map((x) => x / 1_000_000),
	remove: fc.nat({ max: 4 }),
	insert: fc.oneof(fc.constantFrom('', '1', '7', '0.', '-', ' + ', ' = ', '\\times', 'w_1', '$$', '$', '\n', '\n\n', '}', '{', '\\\\'), fc.string({ maxLength: 3 })),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
	const at = Math.floor(e.at * (text.length + 1));
	return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const uri = 'file:///doc.md';

/** Checks `text` with `service`, which checked the document's earlier texts, and with a new service: diagnostics, summary and hovers at `probes` must agree. */
async function agrees(service: ReturnType<typeof createLanguageService>, text: string, version: number, probes: readonly number[] = []): Promise<void> {
	const doc = { uri, languageId: 'markdown', version, text };
	const fresh = createLanguageService();
	const again = await service.check(doc);
	assert.deepStrictEqual(again, await fresh.check(doc), `check of version ${version}`);
	for (const offset of probes) assert.deepStrictEqual(await service.hover(doc, offset), await fresh.hover(doc, offset), `hover at ${offset}`);
}

/** `text` with `from` (which must occur after `after`) replaced by `to` at its first occurrence there. */
function replaceOnce(text: string, from: string, to: string, after = 0): string {
	const at = text.indexOf(from, after);
	assert.ok(at >= 0, `${from} in the document`);
	return text.slice(0, at) + to + text.slice(at + from.length);
}

const example = documents[0];
const mistakes = documents[1];

suite('incremental checking', () => {
	test('a value later chains read, changed, is judged again in every chain that reads it; the chains before keep theirs', async () => {
		const service = createLanguageService();
		await agrees(service, mistakes, 0);
		// The softmax output 0.813 is where an error starts that later chains carry; set right, they are judged anew.
		const right = replaceOnce(mistakes, '= 0.813', '= 0.823');
		const at = right.indexOf('= 0.823') + 2;
		await agrees(service, right, 1, [at, right.indexOf('0.207'), right.indexOf('-0.187'), Math.floor(right.length * 0.9)]);
		// And wrong again, a different way.
		await agrees(service, replaceOnce(mistakes, '= 0.813', '= 0.833'), 2, [at]);
	});

	test('lines that move under a message that names a line are named anew, also when no offset moves', async () => {
		const service = createLanguageService();
		await agrees(service, mistakes, 0);
		// A space above the error made a line break: every line below moves, no offset does.
		const space = mistakes.lastIndexOf(' ', mistakes.indexOf('= 0.813'));
		const broken = mistakes.slice(0, space) + '\n' + mistakes.slice(space + 1);
		await agrees(service, broken, 1);
		const shown = await service.check({ uri, languageId: 'markdown', version: 1, text: broken });
		const line = broken.slice(0, broken.indexOf('0.813')).split('\n').length;
		assert.ok(shown?.diagnostics.some((d) => d.code === 'inherited' && d.message.includes(`line ${line} `)), `the carried error names line ${line}`);
		// And lines inserted above it, which move the offsets too.
		await agrees(service, broken.slice(0, space) + '\n\n' + broken.slice(space), 2);
	});

	test('a chain added or removed, or a statement that continues the chain before it, is checked as a fresh check would', async () => {
		const service = createLanguageService();
		await agrees(service, example, 0);
		const pp = example.indexOf('### PP');
		const added = example.slice(0, pp) + '$$0.1 + 0.2 = 0.4$$\n\n' + example.slice(pp);
		await agrees(service, added, 1, [pp + 12]);
		await agrees(service, example, 2);
		// A display that opens with `=` continues the chain before it, which ends before the edit: 0.466 is not its 0.455.
		const end = example.indexOf('$$', example.indexOf('out_{cc_8} &=')) + 2;
		const continued = example.slice(0, end) + '\n\n$$= 0.466$$' + example.slice(end);
		await agrees(service, continued, 3, [end + 5, end - 8]);
		const joined = await service.check({ uri, languageId: 'markdown', version: 3, text: continued });
		assert.ok(joined?.diagnostics.some((d) => d.code === 'arithmetic' && d.span.start === end + 6), 'the continued chain is checked to its new end');
		// A chain removed: the display of the pool's outputs taken out whole.
		const start = example.indexOf('$$\\begin{aligned}\n\\text{outpp}_1');
		const stop = example.indexOf('$$', start + 2) + 2;
		await agrees(service, example.slice(0, start) + example.slice(stop), 4);
	});

	test('a name whose mark settles differently after an edit further on is re-read in the chains before the edit', async () => {
		const service = createLanguageService();
		// With no bare q_1 written, \bar{q}_1 and \tilde{q}_1 are one name: 0.6 is not the 0.5 stated for it.
		const marked = '$$\\bar{q}_1 = 0.5$$\n\n$$r = 2 \\tilde{q}_1 = 2 \\cdot 0.6 = 1.2$$\n\nSome prose.\n';
		await agrees(service, marked, 0);
		const before = await service.check({ uri, languageId: 'markdown', version: 0, text: marked });
		assert.deepStrictEqual(before?.diagnostics.map((d) => d.code), ['substitution']);
		// A bare q_1 at the end keeps both marks: two names, and nothing to compare 0.6 with.
		const plain = `${marked}\n$$q_1 = 0.7$$\n`;
		await agrees(service, plain, 1, [marked.indexOf('0.6'), marked.indexOf('\\tilde') + 7]);
		await agrees(service, marked, 2, [marked.indexOf('0.6')]);
		// The same with a name the network block declares (a `\bar{in}_{cc_1}` beside a bare one).
		await agrees(service, example, 3);
		await agrees(service, `${example}\n$$in_{cc_1} = 0.60$$\n`, 4, [example.indexOf('\\bar{in}_{cc_1}') + 3]);
	});

	test('a broken record of the last check costs only the keeping: the document is checked afresh', async () => {
		const options = { tolerance: defaultSettings.tolerance };
		const first = await analyzeDocument(mistakes, 'markdown', options);
		assert.ok(first?.journal);
		const broken = { ...first, journal: { ...first.journal, reads: null as unknown as [] } };
		const edited = replaceOnce(mistakes, '= 0.813', '= 0.823');
		const again = await analyzeDocument(edited, 'markdown', { ...options, previous: broken });
		const fresh = await analyzeDocument(edited, 'markdown', options);
		assert.deepStrictEqual(again?.diagnostics, fresh?.diagnostics);
		assert.deepStrictEqual(again?.summary, fresh?.summary);
	});

	test('a character typed or deleted with no line break keeps the chains after it, moved: diagnostics, fixes and hovers as a fresh check gives them', async () => {
		for (const document of documents) {
			const service = createLanguageService();
			let version = 0;
			await service.check({ uri, languageId: 'markdown', version, text: document });
			for (let k = 1; k <= 6; k++) {
				const at = Math.floor((document.length * k) / 7);
				const edits = [document.slice(0, at) + '1' + document.slice(at), document.slice(0, at) + 'x ' + document.slice(at)];
				if (!/[\r\n]/.test(document[at])) edits.push(document.slice(0, at) + document.slice(at + 1));
				for (const text of edits) {
					version++;
					const probes = [at - 3, at + 5, Math.floor((text.length + at) / 2), text.length - 20];
					await agrees(service, text, version, probes);
					const doc = { uri, languageId: 'markdown', version, text };
					const shown = await service.check(doc);
					const fresh = createLanguageService();
					// The fixes of the last finding after the edit, whose offsets moved (every finding's would take minutes).
					const after = (shown?.diagnostics ?? []).filter((d) => d.span.start > at);
					for (const d of k % 3 === 1 ? after.slice(-1) : []) assert.deepStrictEqual(await service.codeActions(doc, d.span), await fresh.codeActions(doc, d.span), `code actions at ${d.span.start}`);
					// And back to the document as it was, which moves the same offsets back.
					version++;
					await agrees(service, document, version, probes.filter((p) => p < document.length));
				}
			}
		}
	}).timeout(300_000);

	test('a suppression comment typed a character at a time into a document without one takes effect as it is completed', async () => {
		const service = createLanguageService();
		const text = 'Prose.\n\n$$0.3 + 0.4 = 0.8$$\n';
		let version = 0;
		const found = await service.check({ uri, languageId: 'markdown', version, text });
		assert.deepStrictEqual(found?.diagnostics.map((d) => d.code), ['arithmetic']);
		const comment = '<!-- derivcheck-disable-next-line arithmetic -->\n';
		const at = text.indexOf('$$');
		let typed = text;
		for (let k = 1; k <= comment.length; k++) {
			typed = text.slice(0, at) + comment.slice(0, k) + text.slice(at);
			await agrees(service, typed, ++version);
		}
		const shown = await service.check({ uri, languageId: 'markdown', version, text: typed });
		assert.deepStrictEqual({ found: shown?.diagnostics.length, suppressed: shown?.summary.suppressed }, { found: 0, suppressed: 1 });
	});

	test('a kept result moves with the text after the edit, and one at the edit itself is refused', () => {
		// `ab|cd|ef` with `cd` replaced by five characters: offsets before stay, offsets after move by 3.
		const move = new Move(2, 4, 3);
		assert.deepStrictEqual([0, 1, 5, 9].map((o) => move.at(o)), [0, 1, 8, 12]);
		assert.deepStrictEqual(move.copy({ span: { start: 1, end: 5 }, chain: 4, list: [{ start: 6, end: 7 }] }), { span: { start: 1, end: 8 }, chain: 4, list: [{ start: 9, end: 10 }] });
		// An offset at the edit could belong to either side: copying it throws, and the check runs afresh.
		for (const o of [2, 3, 4]) assert.throws(() => move.copy({ start: o, end: 6 }), /at the edit/);
		assert.ok(move.touches({ start: 0, end: 2 }) && move.touches({ start: 4, end: 6 }) && !move.touches({ start: 5, end: 9 }));
	});

	test('an insertion keeps the results of the chains after it that read nothing it changed', async () => {
		const options = { tolerance: defaultSettings.tolerance };
		const first = await analyzeDocument(mistakes, 'markdown', options);
		const chains = first?.chains.length ?? 0;
		assert.ok(chains > 10);
		// A word typed in the prose half-way down changes no chain: all are kept, those after it moved.
		const middle = first!.chains[Math.floor(chains / 2)].span.start;
		const prose = mistakes.lastIndexOf('\n\n', middle) + 1;
		const typed = mistakes.slice(0, prose) + 'Note ' + mistakes.slice(prose);
		const again = await analyzeDocument(typed, 'markdown', { ...options, previous: first });
		assert.strictEqual(again?.journal?.kept, chains);
		const fresh = await analyzeDocument(typed, 'markdown', options);
		assert.deepStrictEqual(again?.diagnostics, fresh?.diagnostics);
		// A digit added to the 0.813 that later chains carry: they are checked again, the rest is kept.
		const digit = replaceOnce(mistakes, '= 0.813', '= 0.8131');
		const carried = await analyzeDocument(digit, 'markdown', { ...options, previous: first });
		const before = first!.chains.filter((c) => c.span.end < mistakes.indexOf('= 0.813')).length;
		assert.ok(carried!.journal!.kept > before && carried!.journal!.kept < chains, `kept ${carried!.journal!.kept} of ${chains}, ${before} before the edit`);
		assert.deepStrictEqual(carried?.diagnostics, (await analyzeDocument(digit, 'markdown', options))?.diagnostics);
	});

	test('after random edits, a re-check equals a fresh check: diagnostics, summary and hovers', async () => {
		await fc.assert(
			fc.asyncProperty(fc.nat({ max: documents.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 3, maxLength: 3 }), async (which, edits: Edit[], probes) => {
				const uri = 'file:///doc.md';
				const service = createLanguageService();
				let text = documents[which];
				await service.check({ uri, languageId: 'markdown', version: 0, text });
				for (let v = 0; v < edits.length; v++) {
					text = apply(text, edits[v]);
					const doc = { uri, languageId: 'markdown', version: v + 1, text };
					const fresh = createLanguageService();
					const again = await service.check(doc);
					const expected = await fresh.check(doc);
					assert.deepStrictEqual(again, expected);
					for (const p of probes) {
						const offset = Math.floor(p * text.length);
						assert.deepStrictEqual(await service.hover(doc, offset), await fresh.hover(doc, offset), `hover at ${offset}`);
					}
				}
			}),
			{ numRuns: 25 },
		);
	}).timeout(180_000);
});
