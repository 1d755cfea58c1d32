/**
 * Fuzzing the whole pipeline with fast-check, three targets: the scanner and parser on mutated
 * documents (lossless tokens, spans inside), the whole pipeline — check, hovers, code actions,
 * every fix applied (`pipeline.ts`) — on mutated excerpts of every fixture and on random
 * derivation-like text, and the same on excerpts whose network block is mutated. CI runs 10,000
 * cases per target (`process.env.CI`); a local run a few hundred; `FUZZ_RUNS` sets the count and
 * `FUZZ_SEED` replays a failure fast-check reported.
 *
 * Time per case is bounded linearly in its length: the slope is measured at the start, on the
 * same machine and at the same moment, as the pipeline's time per character on the unmutated
 * fixtures, and a case may take a constant plus a generous multiple of that. A case over the
 * bound is run again and judged by its faster run, so a garbage collection or a neighbour's work
 * does not fail it, while a quadratic or exponential path does.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { scanDocument } from '../../../src/core/scan/index';
import { parseMath } from '../../../src/core/syntax/parser';
import { corpus, excerpt } from './corpus';
import { blockMutation, documentMutation, HOSTILE_NAMES, mutate, mutateBlock, SPECIALS } from './mutate';
import { runPipeline, type PipelineCase } from './pipeline';

const RUNS = Number(process.env.FUZZ_RUNS) || (process.env.CI ? 10_000 : 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

/** Milliseconds any case may take on top of its length's share: a garbage collection, a cold path. */
const FLOOR_MS = 400;
/** How many times the measured time per character a case may take. */
const SLACK = 30;

const docIndex = fc.integer({ min: 0, max: corpus.length - 1 });

/** An excerpt of a fixture: its block (mostly), then one to four paragraphs. */
const excerptOf = fc.record({ doc: docIndex, block: fc.nat({ max: 2 }), first: fc.nat(), count: fc.integer({ min: 1, max: 4 }) })
	.map(({ doc, block, first, count }) => ({ doc: corpus[doc], text: excerpt(corpus[doc], block, first, count) }));

/** Derivation-like text made of pieces, for what no fixture starts from. */
const randomText = fc.array(fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
	{ weight: 3, arbitrary: fc.constantFrom('w_1', 'out_{o1}', 'E_{total}', 'x', 'KK_{11}', '0.5', '-0.349', '0.3 + 0.4 = 0.8', '\\frac{0.2}{0.4} = 0.5', ' ', '$$', '$') },
	{ weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
), { maxLength: 60 }).map((parts) => parts.join(''));

const where = { hovers: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), range: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })) };

const documentCase: fc.Arbitrary<PipelineCase> = fc.record({
	source: fc.oneof({ weight: 4, arbitrary: excerptOf.map(({ doc, text }) => ({ text, language: doc.language })) }, { weight: 1, arbitrary: fc.record({ text: randomText, language: fc.constantFrom<'markdown' | 'latex'>('markdown', 'latex') }) }),
	mutations: fc.array(documentMutation, { minLength: 1, maxLength: 6 }),
	...where,
}).map(({ source, mutations, hovers, range }) => ({ text: mutate(source.text, mutations), language: source.language, hovers, range }));

const withBlocks = corpus.filter((d) => d.blocks.length > 0);
const blockCase: fc.Arbitrary<PipelineCase> = fc.record({
	doc: fc.integer({ min: 0, max: withBlocks.length - 1 }),
	block: fc.nat(), first: fc.nat(), count: fc.integer({ min: 1, max: 3 }),
	// Every case renames something in the block to hostile text, which hovers then quote in formulas, paths and tables.
	hostile: fc.record({ kind: fc.constant('name' as const), which: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), text: fc.constantFrom(...HOSTILE_NAMES) }),
	mutations: fc.array(blockMutation, { maxLength: 5 }),
	...where,
	hovers: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 10 }),
}).map(({ doc, block, first, count, hostile, mutations, hovers, range }) => {
	const d = withBlocks[doc];
	const b = block % d.blocks.length;
	const text = excerpt(d, b, first, count).replace(d.blocks[b], () => mutateBlock(d.blocks[b], [hostile, ...mutations]));
	return { text, language: d.language, hovers, range };
});

/** The pipeline's time per character on the fixtures as written, measured now: the slope of the linear bound. */
async function msPerChar(): Promise<number> {
	const samples = corpus.filter((d) => d.text.length > 3000).slice(0, 6);
	let ms = 0, chars = 0;
	for (const d of samples) {
		const c: PipelineCase = { text: d.text, language: d.language, hovers: [0.2, 0.5, 0.8], range: [0.4, 0.6] };
		await runPipeline(c);
		const t = process.hrtime.bigint();
		await runPipeline(c);
		ms += Number(process.hrtime.bigint() - t) / 1e6;
		chars += d.text.length;
	}
	return ms / chars;
}

async function timed(c: PipelineCase): Promise<number> {
	const t = process.hrtime.bigint();
	await runPipeline(c);
	return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Runs `c`, and asserts its time against the linear bound (a second run when the first is over). */
async function withinBound(c: PipelineCase, slope: number): Promise<void> {
	const bound = FLOOR_MS + SLACK * slope * c.text.length;
	let t = await timed(c);
	if (t > bound) t = Math.min(t, await timed(c));
	assert.ok(t <= bound, `${t.toFixed(0)} ms for ${c.text.length} characters, over ${bound.toFixed(0)} ms (${(slope * 1000).toFixed(2)} µs per character measured)`);
}

suite('fuzz: the whole pipeline', function () {
	this.timeout(RUNS * 60 + 60_000);
	let slope = 0;

	suiteSetup(async function () {
		this.timeout(120_000);
		slope = await msPerChar();
	});

	test('scans and parses any mutated document losslessly, every span inside its region', () => {
		fc.assert(fc.property(excerptOf, fc.array(documentMutation, { minLength: 1, maxLength: 8 }), fc.constantFrom<'markdown' | 'latex'>('markdown', 'latex'), ({ text: source }, mutations, language) => {
			const text = mutate(source, mutations);
			const scan = scanDocument(text, language);
			for (const r of scan.regions) {
				assert.ok(r.outer.start <= r.inner.start && r.inner.start <= r.inner.end && r.inner.end <= r.outer.end && r.outer.end <= text.length, `region ${JSON.stringify(r)}`);
				const parsed = parseMath(text, r.inner);
				assert.strictEqual(parsed.tokens.map((t) => t.text).join(''), text.slice(r.inner.start, r.inner.end));
				for (const st of parsed.statements) assert.ok(r.inner.start <= st.span.start && st.span.end <= r.inner.end, `statement ${JSON.stringify(st.span)} outside ${JSON.stringify(r.inner)}`);
			}
			for (const b of scan.networks) assert.ok(b.outer.end <= text.length && b.yaml.length <= b.outer.end - b.outer.start, 'a block inside the document');
		}), params);
	});

	test('checks, hovers and fixes mutated documents without an exception, in time linear in their length', async () => {
		await fc.assert(fc.asyncProperty(documentCase, (c) => withinBound(c, slope)), params);
	});

	test('checks, hovers and fixes documents with mutated network blocks, in time linear in their length', async () => {
		await fc.assert(fc.asyncProperty(blockCase, (c) => withinBound(c, slope)), params);
	});
});
