/**
 * The network panel's data (`features/networkView.ts`): the layers and their true values as the
 * engine computes them, what the document stated beside them with a verdict that agrees with the
 * findings (a cell is `wrong` exactly where a finding sits), the element a key names, the
 * network a cursor is under, and the budgets that keep a big network's view small.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import { MAX_PANEL_CELLS, MAX_PANEL_GRID_CELLS } from '../../../src/core/budgets';
import { networkView, type CellView, type NetworkView } from '../../../src/core/features/networkView';
import { createLanguageService } from '../../../src/core/index';

const root = join(__dirname, '..', '..', '..');
const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

async function analyze(text: string): Promise<Analysis> {
	const a = await analyzeDocument(text, 'markdown', { tolerance: 'digits' });
	assert.ok(a);
	return a;
}

function cells(v: NetworkView): CellView[] {
	return [v.input, v.target, ...v.layers.flatMap((l) => l.grids)].flatMap((g) => g.cells ?? []).concat([v.loss.cell]);
}

const block = (input: string, layers: string) => `\`\`\`network
input: ${input}
input_names: i
target: [1, 0]
loss: half_sse
learning_rate: 0.5
layers:
${layers}
\`\`\`
`;

const dense = block('[0.05, 0.10]', '  - {dense: h, weights: [[0.15, 0.20], [0.25, 0.30]], weight_names: w, bias: [0.35, 0.35], bias_names: b, activation: sigmoid}');

suite('network view', () => {
	test('lists the layers in order with their kinds, activations, shapes and first formula', async () => {
		const v = networkView(await analyze(example('cnn-1d.md')));
		assert.ok(v);
		assert.deepStrictEqual(v.layers.map((l) => `${l.name}:${l.kind}:${l.activation ?? '-'}:${l.outShape.channels}x${l.outShape.cols}`), [
			'CC:conv1d:sigmoid:2x4', 'PP:avgpool:-:2x2', 'L3:flatten:-:1x4', 'C:conv1d:sigmoid:3x2', 'P:maxpool:-:3x1', 'o:dense:softmax:1x2',
		]);
		assert.deepStrictEqual(v.layers[0].inShape, { channels: 1, rows: 1, cols: 6 });
		assert.strictEqual(v.layers[0].formula, 'in_{CC1} = KK_{13} \\cdot i_{1} + KK_{12} \\cdot i_{2} + KK_{11} \\cdot i_{3} + bb_{1}');
		assert.deepStrictEqual(v.layers[0].grids.map((g) => g.role), ['pre', 'out', 'dout', 'delta', 'weights', 'weightsGrad', 'weightsNew', 'bias', 'biasGrad', 'biasNew']);
		assert.deepStrictEqual(v.layers[1].grids.map((g) => g.role), ['out', 'dout']);
		assert.strictEqual(v.loss.kind, 'cross_entropy');
	});

	test('titles its tables in the reader\'s language', async () => {
		const titles = async (locale?: 'zh-cn') => {
			const a = await analyzeDocument(example('cnn-1d.md'), 'markdown', { tolerance: 'digits', locale });
			const v = networkView(a!);
			return [v!.input.title, ...v!.layers[0].grids.map((g) => g.title)];
		};
		assert.deepStrictEqual(await titles(), ['input', 'pre-activation', 'output', '∂E/∂out', 'delta (∂E/∂pre-activation)', 'kernel values', 'kernel gradients ∂E/∂kernel', 'kernel after the update', 'bias values', 'bias gradients ∂E/∂bias', 'bias after the update']);
		assert.deepStrictEqual(await titles('zh-cn'), ['输入', '激活前的值', '输出', '∂E/∂out 的值', 'delta（∂E/∂激活前的值）', '卷积核的值', '卷积核的梯度 ∂E/∂卷积核', '更新后的卷积核', '偏置的值', '偏置的梯度 ∂E/∂偏置', '更新后的偏置']);
	});

	test('holds the engine\'s true values, names and ids, cell by cell', async () => {
		const a = await analyze(example('cnn-1d.md'));
		const v = networkView(a)!;
		const net = a.segments[0].truth!.net;
		for (const l of v.layers) {
			for (const g of l.grids) {
				for (const c of g.cells ?? []) {
					assert.strictEqual(c.value, net.value(c.id), c.id);
					assert.strictEqual(c.label, net.label(c.id), c.id);
				}
				const values = (g.cells ?? []).map((c) => c.value as number);
				if (values.length > 0) assert.deepStrictEqual([g.min, g.max], [Math.min(...values), Math.max(...values)], `${l.name} ${g.role}`);
			}
		}
		const out = v.layers[0].grids.find((g) => g.role === 'out')!;
		assert.deepStrictEqual([out.channels, out.rows, out.cols], [2, 1, 4]);
		assert.deepStrictEqual(out.cells!.map((c) => c.value!.toFixed(3)), ['0.646', '0.659', '0.673', '0.686', '0.411', '0.426', '0.440', '0.455']);
		const kernels = v.layers[0].grids.find((g) => g.role === 'weights')!;
		assert.deepStrictEqual([kernels.channels, kernels.rows, kernels.cols], [2, 1, 3]);
		const weights = v.layers[5].grids.find((g) => g.role === 'weights')!;
		assert.deepStrictEqual([weights.channels, weights.rows, weights.cols], [1, 2, 3]);
		assert.strictEqual(v.loss.cell.value, net.loss);
	});

	test('a clean document states many values and none is wrong or carried', async () => {
		const v = networkView(await analyze(example('cnn-1d.md')))!;
		assert.ok(v.stated > 50, String(v.stated));
		assert.strictEqual(v.wrong, 0);
		assert.strictEqual(v.carried, 0);
		assert.ok(cells(v).every((c) => !c.stated || c.stated.verdict === 'ok'));
	});

	test('marks a number wrong exactly where a finding (error or warning) sits, and carried where a hint does', async () => {
		const text = example('cnn-1d-mistakes.md');
		const a = await analyze(text);
		const v = networkView(a)!;
		const stated = cells(v).filter((c) => c.stated);
		const at = (s: { start: number; end: number }) => a.diagnostics.find((d) => d.span.start === s.start && d.span.end === s.end);
		for (const c of stated) {
			const d = at(c.stated!.span);
			assert.strictEqual(text.slice(c.stated!.span.start, c.stated!.span.end), c.stated!.text, c.id);
			assert.strictEqual(c.stated!.line, a.lines.positionAt(c.stated!.span.start).line + 1);
			if (c.stated!.verdict === 'wrong') assert.ok(d && d.severity !== 'hint', `${c.label} is wrong without a finding`);
			else assert.ok(!d || d.severity === 'hint', `${c.label} is ${c.stated!.verdict} under ${d?.code}`);
		}
		// The mis-divided softmax (2.160/2.625 written as 0.813) is where the error starts.
		const o1 = stated.find((c) => c.id === 'L5:out:0')!;
		assert.deepStrictEqual([o1.stated!.text, o1.stated!.verdict, o1.stated!.code], ['0.813', 'wrong', 'arithmetic']);
		const e = v.loss.cell.stated!;
		assert.deepStrictEqual([e.text, e.verdict, e.code], ['0.207', 'carried', 'inherited']);
		assert.strictEqual(e.originLine, o1.stated!.line);
		for (const d of a.diagnostics.filter((x) => x.severity !== 'hint')) {
			const c = stated.find((x) => x.stated!.span.start === d.span.start);
			if (c) assert.strictEqual(c.stated!.verdict, 'wrong', c.label);
		}
		assert.strictEqual(v.wrong, stated.filter((c) => c.stated!.verdict === 'wrong').length);
		assert.ok(v.wrong >= 5 && v.carried >= 5, `${v.wrong} wrong, ${v.carried} carried`);
	});

	test('a finding the user turned off does not mark its number', async () => {
		const text = example('cnn-1d-mistakes.md');
		const doc = { uri: 'file:///m.md', languageId: 'markdown', version: 1, text };
		const on = await createLanguageService().networkView(doc);
		const off = await createLanguageService({ enabled: { markdown: true, latex: true }, tolerance: 'digits', severity: { arithmetic: 'off' }, inferNetwork: true }).networkView(doc);
		const o1 = (v: NetworkView | undefined) => cells(v!).find((c) => c.id === 'L5:out:0')!.stated!.verdict;
		assert.strictEqual(o1(on), 'wrong');
		assert.strictEqual(o1(off), 'carried');
	});

	test('highlights the element a name key or a quantity id names, and nothing for an unknown key', async () => {
		const a = await analyze(`${dense}\n$$net_{h1} = w_1 i_1 + w_2 i_2 + b_1 = 0.3775$$\n\n$$out_{h2} = 0.6$$\n`);
		assert.strictEqual(networkView(a, { key: 'neth1' })?.highlight, 'L0:pre:0');
		assert.strictEqual(networkView(a, { key: 'outh2' })?.highlight, 'L0:out:1');
		assert.strictEqual(networkView(a, { key: 'L0:w:3' })?.highlight, 'L0:w:3');
		assert.strictEqual(networkView(a, { key: 'nothing' })?.highlight, undefined);
		assert.strictEqual(networkView(a, { key: 'L9:out:0' })?.highlight, undefined);
	});

	test('shows the network that governs the offset, and says how many there are', async () => {
		const second = block('[1, 2, 3]', '  - {dense: g, weights: [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]], bias: [0, 0], activation: linear}');
		const text = `${dense}\n$$out_{h1} = 0.593$$\n\n${second}\n$$out_{g1} = 1.4$$\n`;
		const a = await analyze(text);
		assert.deepStrictEqual([networkView(a)?.network, networkView(a)?.networks, networkView(a)?.layers[0].name], [0, 2, 'h']);
		const v = networkView(a, { offset: text.indexOf('out_{g1}') });
		assert.deepStrictEqual([v?.network, v?.layers[0].name], [1, 'g']);
		assert.strictEqual(cells(v!).find((c) => c.id === 'L0:out:0')?.stated?.text, '1.4');
		assert.strictEqual(networkView(a, { offset: 0 })?.network, 0);
	});

	test('has nothing to show without a network block, or with one that does not build', async () => {
		assert.strictEqual(networkView(await analyze('$$0.3 + 0.4 = 0.7$$')), undefined);
		assert.strictEqual(networkView(await analyze('```network\ninput: [1, 2]\nlayers: nope\n```\n')), undefined);
	});

	test('keeps a big network\'s view within its budgets and says which tables it left out', async () => {
		const rows = Array.from({ length: 40 }, (_, r) => `[${Array.from({ length: 40 }, (_, c) => ((r * 40 + c) % 7) / 10).join(', ')}]`).join(', ');
		const layers = `  - {conv2d: C, kernels: [${Array.from({ length: 12 }, () => '[[0.1, 0.2], [0.3, 0.4]]').join(', ')}], bias: [${Array(12).fill(0).join(', ')}], activation: relu}\n  - flatten\n  - {dense: o, weights: [[${Array(12 * 39 * 39).fill(0.001).join(', ')}], [${Array(12 * 39 * 39).fill(-0.001).join(', ')}]], bias: [0, 0], activation: softmax}`;
		const v = networkView(await analyze(block(`[${rows}]`, layers)))!;
		assert.ok(v);
		const grids = [v.input, v.target, ...v.layers.flatMap((l) => l.grids)];
		const shown = grids.reduce((n, g) => n + (g.cells?.length ?? 0), 0);
		assert.ok(shown <= MAX_PANEL_CELLS, String(shown));
		assert.ok(grids.every((g) => (g.cells?.length ?? 0) <= MAX_PANEL_GRID_CELLS));
		assert.match(v.input.omitted ?? '', /^1,600 elements: more than 1,024 elements/);
		assert.deepStrictEqual([v.input.rows, v.input.cols], [40, 40]);
		assert.ok(v.layers[0].grids.every((g) => g.role.startsWith('weights') || g.role.startsWith('bias') ? g.cells : g.omitted), 'the 12 × 39 × 39 maps are left out, the kernels shown');
		assert.ok(JSON.stringify(v).length < 4_000_000, String(JSON.stringify(v).length));
	});

	test('carries names from the block as data, and non-finite values as null', async () => {
		const hostile = block('[0.05, 0.10]', "  - {dense: '<img src=x onerror=alert(1)>', weights: [[0.15, 0.20], [0.25, 0.30]], weight_names: [['](command:x)', w_2], [w_3, w_4]], bias: [0.35, 0.35], activation: sigmoid}");
		const v = networkView(await analyze(hostile));
		assert.ok(v);
		assert.strictEqual(v.layers[0].name, '<img src=x onerror=alert(1)>');
		assert.ok(cells(v).some((c) => c.label === '](command:x)'));
		const json = JSON.parse(JSON.stringify(v)) as NetworkView;
		assert.deepStrictEqual(json, v, 'the view survives JSON unchanged');
	});
});
