/**
 * The reproducers of "bounded work for any input" that had no test of their own, each through the
 * language service as an editor meets it; the others live where their budget does:
 *
 * | reproducer | test |
 * |---|---|
 * | a 230-byte block that ran the server out of memory | here |
 * | a 1 KB block that froze the server for a minute (stacked convs and a max pool, every hover) | here |
 * | 16 cached networks of 280 MB each | `engine/budgets.test.ts`: the cache is bounded by bytes |
 * | a 2300 × 2300 input reaching 4.3 GB before "too large" | `engine/budgets.test.ts` |
 * | 3^L chain-rule routes, 61 s for one hover | `engine/budgets.test.ts` (the search), and here (the hover) |
 * | a formula of a million terms, a 19.9 MB hover | `features/hoverMarkdown.test.ts` (200,000 terms, the most a block may build now) |
 * | one name for 60,000 parameters with `frozen`, 46 s | `engine/budgets.test.ts` |
 * | the summary comparing every chain with every diagnostic, 43 s | `check/summary.test.ts` |
 * | a 1 MB single line, 11.6 s | here (one display region), and `check/documentSize.test.ts` (inline regions) |
 * | 5 MB of math, 15.7 s | here |
 *
 * Every time bound is relative to a baseline measured in the same test (`test/shared/timing.ts`):
 * the same kind of input at a quarter of the size, or a small network of the same shape.
 */
import * as assert from 'assert';
import { createLanguageService, type DocumentInput } from '../../../src/core/index';
import { MAX_NETWORK_BYTES } from '../../../src/core/budgets';
import { fastestAsync } from '../../shared/timing';

let version = 0;
function doc(text: string): DocumentInput {
	return { uri: 'file:///reproducer.md', languageId: 'markdown', version: ++version, text };
}

/** A block of one padded conv and a max pool: 230 bytes that ask for `padding` zeros on each side of one input. */
function paddedBlock(padding: number): string {
	return ['```network', 'input: [0.5]', 'input_names: x', 'target: [1]', 'loss: mse', 'learning_rate: 0.1', 'layers:',
		'  - conv1d: C', '    kernels: [[1, 1, 1]]', `    padding: ${padding}`, '  - maxpool: P', '    size: 2', '  - flatten',
		'  - dense: o', '    weights: [[1]]', '```', '', '$$out_{C1} = 0.5$$', ''].join('\n');
}

/** A block of `layers` stacked same-padded convs under a max pool whose winner lies far from `x_1`: every route from `x_1` dies at the pool. */
function stackedBlock(layers: number): string {
	const conv = (i: number) => [`  - conv1d: C${i}`, '    kernels: [[1, 1, 1]]', '    padding: same'];
	return ['```network', `input: [${Array.from({ length: 32 }, (_, i) => i * i).join(', ')}]`, 'input_names: x', 'target: [1]', 'loss: mse',
		'learning_rate: 0.1', 'layers:', ...Array.from({ length: layers }, (_, i) => conv(i)).flat(), '  - maxpool: P', '    size: 32', '```', '',
		'$$\\frac{\\partial E}{\\partial x_1} = 0$$', '', '$$out_{C01} = 1$$', '', '$$x_1 = 0$$', ''].join('\n');
}

/** Checks `text` and hovers at every offset of its math, as a pointer moving over it does. */
async function checkAndHover(text: string): Promise<number> {
	const ls = createLanguageService();
	const d = doc(text);
	await ls.check(d);
	let hovers = 0;
	for (let i = text.indexOf('```\n') + 4; i < text.length; i++) if (await ls.hover(d, i)) hovers++;
	return hovers;
}

suite('budgets: the reproducers', () => {
	test('a 230-byte block that asks for 886 MB is refused before anything is allocated', async () => {
		const huge = paddedBlock(1_000_000);
		assert.ok(huge.length < 260, `${huge.length} bytes`);
		const ls = createLanguageService();
		const before = process.memoryUsage().heapUsed;
		const report = await ls.check(doc(huge));
		const hover = await ls.hover(doc(huge), huge.indexOf('out_{C1}') + 1);
		const grown = process.memoryUsage().heapUsed - before;
		const network = report?.diagnostics.filter((d) => d.code === 'network') ?? [];
		assert.strictEqual(network.length, 1);
		assert.match(network[0].message, /too large to check: it would retain over 886 MB \(the limit is 96 MB\)/);
		// The name stays unchecked, never guessed at against a network that was not built.
		assert.ok(!hover || !/network's value/.test(hover.markdown), hover?.markdown);
		assert.ok(grown < MAX_NETWORK_BYTES / 2, `the heap grew by ${(grown / 2 ** 20).toFixed(0)} MB`);
		// Refusing it costs what checking the same block with a padding of 1 costs.
		const base = await fastestAsync(() => createLanguageService().check(doc(paddedBlock(1))));
		const t = await fastestAsync(() => createLanguageService().check(doc(huge)));
		assert.ok(t < 10 * base + 50, `${t.toFixed(1)} ms against ${base.toFixed(1)} ms with a padding of 1`);
	});

	test('a 1 KB block of 16 stacked convs and a max pool answers every hover in bounded time', async function () {
		this.timeout(120_000);
		const deep = stackedBlock(16);
		assert.ok(deep.length < 1300, `${deep.length} bytes`);
		await checkAndHover(stackedBlock(4));
		const base = await fastestAsync(() => checkAndHover(stackedBlock(4)), 2);
		let hovers = 0;
		const t = await fastestAsync(async () => { hovers = await checkAndHover(deep); }, 1);
		assert.ok(hovers > 0, 'some hover');
		// 3^16 routes from x_1 took minutes; each hover's search is now capped at MAX_PATH_STEPS visits.
		assert.ok(t < 40 * base + 1000, `${t.toFixed(0)} ms for 16 convs against ${base.toFixed(0)} ms for 4`);
	});

	test('a 1 MB single line of display math takes time linear in its length', async function () {
		this.timeout(120_000);
		const unit = '0.5 + 0.25 = 0.75 \\quad ';
		const line = (chars: number) => `$$${unit.repeat(Math.floor(chars / unit.length))}$$\n`;
		const quarter = line(250_000), whole = line(1_000_000);
		// Each check by a new service: a service re-checking a text it checked keeps the results of every chain.
		await createLanguageService().check(doc(quarter));
		const base = await fastestAsync(() => createLanguageService().check(doc(quarter)), 2);
		let checked = 0;
		const t = await fastestAsync(async () => { checked = (await createLanguageService().check(doc(whole)))?.summary.checked ?? 0; }, 1);
		assert.strictEqual(checked, Math.floor(1_000_000 / unit.length));
		// Four times the text; the old line handling made this grow with the square of the length (11.6 s for 1 MB).
		assert.ok(t < 7 * base + 100, `${t.toFixed(0)} ms for 1 MB against ${base.toFixed(0)} ms for 250 KB`);
	});

	test('5 MB of math takes time linear in its length', async function () {
		this.timeout(240_000);
		const unit = '$$w_1 = 0.5 \\times 0.25 = 0.125$$\n\n$$\\frac{0.3}{0.6} + 0.25 = 0.75$$\n\n';
		const math = (chars: number) => unit.repeat(Math.floor(chars / unit.length));
		const quarter = math(1_250_000), whole = math(5_000_000);
		// Each check by a new service: a service re-checking a text it checked keeps the results of every chain.
		const base = await fastestAsync(() => createLanguageService().check(doc(quarter)), 2);
		let report: Awaited<ReturnType<ReturnType<typeof createLanguageService>['check']>>;
		const t = await fastestAsync(async () => { report = await createLanguageService().check(doc(whole)); }, 1);
		assert.strictEqual(report!.summary.checked, 2 * Math.floor(5_000_000 / unit.length));
		assert.deepStrictEqual(report!.diagnostics, []);
		assert.ok(t < 7 * base + 200, `${t.toFixed(0)} ms for 5 MB against ${base.toFixed(0)} ms for 1.25 MB`);
	});
});
