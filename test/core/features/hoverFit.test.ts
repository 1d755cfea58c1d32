/**
 * Hovers that fit: on every finding of every example and fixture document, the hover opens with
 * its verdict (✗), stays within `MAX_HOVER_LINES` lines, never shows an exact number as an
 * interval (`[0.082167, 0.082167]`) or a rounding that changes nothing ("is 0.17, which rounds to
 * 0.17"), and points an inherited value at the line where its error starts. Hovers on layer
 * quantities carry a heatmap that decodes to SVG with the element outlined. The heatmap itself is
 * bounded for big layers, and the panel link survives a document uri made of link syntax.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { MAX_HEATMAP_CELLS, MAX_HOVER_LINES } from '../../../src/core/budgets';
import { createLanguageService, type DocumentInput } from '../../../src/core/index';
import { fitLines } from '../../../src/core/features/hover';
import { heatmap } from '../../../src/core/features/heatmap';
import { showNetworkLink } from '../../../src/core/features/networkLink';
import { checkedSvg, linkArgs, withoutOwn } from './ownMarkdown';

const root = join(__dirname, '../../..');
const folders = ['examples', 'test/fixtures/truth', 'test/fixtures/notation', 'test/fixtures/docs'];
const documents = folders.flatMap((f) => readdirSync(join(root, f)).filter((n) => /\.(md|tex)$/.test(n)).map((n) => `${f}/${n}`));

function docOf(path: string, text = readFileSync(join(root, path), 'utf8')): DocumentInput {
	return { uri: `file:///${path}`, languageId: path.endsWith('.tex') ? 'latex' : 'markdown', version: 1, text };
}

const lines = (md: string) => md.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
const images = (md: string) => [...md.matchAll(/!\[heatmap\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => checkedSvg(m[1]));

/** What no hover may say: an interval whose ends print alike, a rounding that changes nothing. */
function assertPlain(md: string): void {
	const rest = withoutOwn(md);
	assert.doesNotMatch(rest, /\[(-?[\d.]+(?:e[-+]?\d+)?), \1\]/, 'an exact number shown as an interval');
	assert.doesNotMatch(rest, /is (-?[\d.]+), which rounds to \1\b/, 'a rounding that changes nothing');
}

suite('hovers that fit', () => {
	let layerImages = 0;

	for (const path of documents) {
		test(`every finding's hover in ${path} opens with its verdict and fits`, async () => {
			const ls = createLanguageService();
			const doc = docOf(path);
			const report = await ls.check(doc);
			assert.ok(report);
			for (const d of report.diagnostics) {
				if (d.code === 'network') continue;
				const h = await ls.hover(doc, d.span.start + 1);
				assert.ok(h, `a hover on ${d.stated ?? d.code} at ${d.span.start}`);
				const shown = lines(h.markdown);
				assert.match(shown[0], /^✗ /, `the verdict first on ${d.code} ${d.stated}:\n${h.markdown}`);
				assert.ok(shown.length <= MAX_HOVER_LINES, `${shown.length} lines:\n${h.markdown}`);
				assertPlain(h.markdown);
				if (d.code === 'inherited' && d.origin && /carries an earlier error/.test(shown[0])) {
					assert.match(shown[0], new RegExp(`Carried from line ${doc.text.slice(0, d.origin.start).split('\n').length} \\(`), h.markdown);
				}
				for (const svg of images(h.markdown)) {
					assert.match(svg, /<rect [^>]*stroke="#000"/, 'the element is outlined');
					layerImages++;
				}
			}
		});
	}

	test('hovers on layer quantities carry a heatmap image', () => assert.ok(layerImages >= 20, `${layerImages} heatmaps`));

	test('the mis-divided softmax: what is wrong, the true value, where it starts, then the formula and the layer', async () => {
		const ls = createLanguageService();
		const doc = docOf('examples/cnn-1d-mistakes.md');
		const report = await ls.check(doc);
		const d = report!.diagnostics.find((x) => x.stated === '0.813' && x.code === 'arithmetic')!;
		const h = await ls.hover(doc, d.span.start + 1);
		const shown = lines(h!.markdown);
		assert.strictEqual(shown[0], "✗ **0.813** is wrong: the network's value of `out_{o1}` is **0.823244** (0.823 at your precision). The error starts here.");
		assert.match(shown[1], /^The arithmetic does not hold: `\\frac\{2\.158\}\{2\.621\}` is 0\.82335/);
		assert.match(h!.markdown, /[ \n]= `\\frac\{e\^\{0\.769\}\}\{e\^\{0\.769\} \+ e\^\{\(-0\.769\)\}\}` with your values/, 'negative values in parentheses');
		assert.match(h!.markdown, /\*Layer `o`: rows pre-activations, outputs, ∂E\/∂out, deltas; columns units 1–2;/);
		const link = /\[Show in network panel\]\(command:derivcheck\.showNetwork\?([^)]+)\)/.exec(h!.markdown);
		assert.ok(link);
		assert.deepStrictEqual(linkArgs(link[1]), [{ uri: doc.uri, key: 'L5:out:0' }]);
		const later = report!.diagnostics.find((x) => x.code === 'inherited')!;
		const carried = await ls.hover(doc, later.span.start + 1);
		assert.match(lines(carried!.markdown)[0], /carries an earlier error: .* Carried from line 123 \(0\.813\)\.$/);
	});

	test('an exact number is called exact, never an interval', async () => {
		const ls = createLanguageService();
		const text = '$$0.5 \\cdot 2 = 1$$\n';
		const h = await ls.hover(docOf('x.md', text), 1 + text.indexOf('0.5'));
		assert.match(h!.markdown, /^\*\*0\.5\*\* is exact\./);
		assertPlain(h!.markdown);
		// A stated result always stands for what rounds to it; its computation here is exact, so no interval is shown for it.
		const r = await ls.hover(docOf('x.md', text), 1 + text.indexOf('1$$'));
		assert.match(r!.markdown, /^✓ \*\*1\*\* holds: `0\.5 \\cdot 2` is \*\*1\*\*\.\n\n\*\*1\*\* stands for \[0\.95, 1\.05\]\.$/);
	});

	test('a number that rounds stands for its interval, and a wrong result says so first', async () => {
		const ls = createLanguageService();
		const text = '$$0.1 - 0.7 \\times (-0.177) \\times 0.558 = 0.191$$\n';
		const h = await ls.hover(docOf('x.md', text), 1 + text.indexOf('0.191'));
		assert.match(h!.markdown, /^✗ \*\*0\.191\*\* does not hold: `0\.1 - 0\.7 \\times \(-0\.177\) \\times 0\.558` is \*\*0\.169136\*\*, anywhere in \[0\.168879, 0\.169394\] given its inputs' rounding\./);
		assert.match(h!.markdown, /\*\*0\.191\*\* stands for \[0\.1905, 0\.1915\]\.$/);
	});

	test('no message says a rounding that changes nothing, or shows one number as an interval', async () => {
		const ls = createLanguageService();
		const text = '$$0.1 + 0.07 = 0.18$$\n\n$$\\begin{bmatrix}0.1 \\\\ 0.2\\end{bmatrix} + \\begin{bmatrix}0.07 \\\\ 0.1\\end{bmatrix} = \\begin{bmatrix}0.18 \\\\ 0.3\\end{bmatrix}$$\n';
		const report = await ls.check(docOf('x.md', text));
		assert.deepStrictEqual(report!.diagnostics.map((d) => d.message.replace(/^.* is /, 'is ')), ['is 0.17, not 0.18.', 'is 0.17, not 0.18.']);
		const h = await ls.hover(docOf('x.md', text), 1 + text.indexOf('0.18'));
		assert.match(h!.markdown, /^✗ \*\*0\.18\*\* does not hold: `0\.1 \+ 0\.07` is \*\*0\.17\*\*\./);
		for (const path of documents) {
			const r = await ls.check(docOf(path));
			for (const d of r!.diagnostics) assertPlain(d.message);
		}
	});

	test('a heatmap of a big layer is drawn in blocks, within its budget, the block of the element outlined', () => {
		const rows = 1000, cols = 1000;
		const h = heatmap({ panels: [{ rows, cols, at: (r, c) => r - c }], scale: 'all', mark: { panel: 0, row: 999, col: 0 } });
		const squares = (h.svg.match(/M/g) ?? []).length;
		assert.ok(squares <= MAX_HEATMAP_CELLS, `${squares} squares`);
		assert.ok(h.step > 1 && h.width <= 240 && h.height <= 72, JSON.stringify({ step: h.step, w: h.width, h: h.height }));
		assert.ok(h.uri.length < 12_000, `${h.uri.length} characters`);
		// The element is in the last row of blocks and the first column.
		const lastRow = (Math.ceil(rows / h.step) - 1) * (h.height / Math.ceil(rows / h.step));
		assert.match(h.svg, new RegExp(`<rect x="1" y="${lastRow + 1}" [^>]*stroke="#000"`));
		checkedSvg(h.uri.slice('data:image/svg+xml;base64,'.length));
	});

	/** A document whose one conv2d layer `C` has `kernels` 1 × 1 kernels over an `n` × `n` input, and states `out_{C k,1,1}`. */
	function conv2dDoc(n: number, kernels: number, k: number): string {
		const row = (r: number) => `[${Array.from({ length: n }, (_, c) => (((r * n + c) % 7) / 10 - 0.3).toFixed(1)).join(', ')}]`;
		// The target has one value per output, as the loss needs.
		return ['```network', `input: [${Array.from({ length: n }, (_, r) => row(r)).join(', ')}]`, `target: [${new Array(kernels * n * n).fill(0).join(', ')}]`, 'loss: half_sse', 'learning_rate: 0.5', 'layers:',
			'  - conv2d: C', `    kernels: [${Array.from({ length: kernels }, (_, i) => `[[${i + 1}]]`).join(', ')}]`, '    activation: linear', '```', '',
			`$$out_{C${k},1,1} = 0.5$$`, ''].join('\n');
	}

	test('a layer of many channels shows the one that holds the element, and says which', async () => {
		const text = conv2dDoc(3, 10, 5);
		const h = await createLanguageService().hover(docOf('c.md', text), text.indexOf('out_{C5') + 2);
		assert.match(h!.markdown, /\*Layer `C`, its outputs \(channel 5 of 10\): rows and columns of the 3 × 3 feature map/);
		const [svg] = images(h!.markdown);
		assert.match(svg, /width="54" height="54"/, 'one 3 × 3 panel of 18 px squares');
	});

	test('a big layer is drawn in blocks, and the caption says how big a block is', async () => {
		const text = conv2dDoc(40, 1, 1);
		const h = await createLanguageService().hover(docOf('c.md', text), text.indexOf('out_{C1') + 2);
		assert.match(h!.markdown, /rows and columns of the 40 × 40 feature map; .* Each square is the mean of a 3 × 3 block\.\*/);
		const [svg] = images(h!.markdown);
		assert.ok((svg.match(/M/g) ?? []).length <= MAX_HEATMAP_CELLS);
		assert.ok(lines(h!.markdown).length <= MAX_HOVER_LINES);
	});

	test('a heatmap colours below zero blue, above zero red, zero white, and no value grey', () => {
		const h = heatmap({ panels: [{ rows: 1, cols: 4, at: (_, c) => [-1, 0, 1, NaN][c] }], scale: 'all' });
		const fill = (x: number) => new RegExp(`<path fill="(#[0-9a-f]{6})" d="[^"]*M${x} 0h`).exec(h.svg)?.[1];
		assert.deepStrictEqual([fill(0), fill(18), fill(36), fill(54)], ['#2166ac', '#f7f7f7', '#b2182b', '#999999']);
		assert.doesNotMatch(h.svg, /stroke="#000"/, 'nothing outlined without a mark');
	});

	test('values of one sign still show which is larger', () => {
		const h = heatmap({ panels: [{ rows: 1, cols: 3, at: (_, c) => 0.5 + c * 0.01 }], scale: 'all' });
		assert.strictEqual(new Set(h.svg.match(/fill="#[0-9a-f]{6}"/g)).size, 3);
	});

	test('the panel link stays one link whatever the document uri holds', () => {
		const uri = "file:///a)(b'!*[c](command:x).md";
		const link = showNetworkLink({ uri, key: 'L0:out:1' });
		const m = /^\[Show in network panel\]\(command:derivcheck\.showNetwork\?([A-Za-z0-9%._~-]+)\)$/.exec(link);
		assert.ok(m, link);
		assert.deepStrictEqual(linkArgs(m[1]), [{ uri, key: 'L0:out:1' }]);
	});

	test('fitLines cuts a long hover and says so; a short one is left as it is', () => {
		const md = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n\n');
		const cut = fitLines(md);
		assert.strictEqual(lines(cut).length, MAX_HOVER_LINES);
		assert.match(cut, /line 10\n\n\*… more in the network panel and the Problems panel\.\*$/);
		assert.strictEqual(fitLines('a\n\nb'), 'a\n\nb');
	});
});
