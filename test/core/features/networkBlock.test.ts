/**
 * The network a check used, as its block: where "Insert the network block derivcheck read" puts
 * the block (after a front matter and a title, after `\begin{document}`), that its edit only
 * inserts and the document then checks as it did with the block it was read from, when the action
 * is offered and when not, and the reasons given when there is no network. Until inference fills
 * `analysis.inferred`, the network read from a document is a hand-built value: the spec of the
 * block the test removed.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import type { Diagnostic } from '../../../src/core/check/diagnostic';
import { parseNetworkBlock } from '../../../src/core/engine/block';
import { specDifference } from '../../../src/core/engine/specEqual';
import { blockText, writeNetworkYaml } from '../../../src/core/engine/writeBlock';
import { INSERT_NETWORK_BLOCK, insertBlock, networkBlockActions, networkBlockOf } from '../../../src/core/features/networkBlock';
import { createLanguageService } from '../../../src/core/languageService';
import { defaultSettings } from '../../../src/core/service';
import type { InferredNetwork } from '../../../src/core/infer/types';
import type { NetworkSpec } from '../../../src/core/engine/spec';
import { scanDocument } from '../../../src/core/scan/index';
import type { DocumentLanguage } from '../../../src/core/scan/region';

const FIXTURES = path.join(__dirname, '../../fixtures');

/** The analysis of `text`, with `inferred` in place of what inference gave (nothing, until it lands). */
async function analysed(text: string, language: DocumentLanguage, inferred?: InferredNetwork): Promise<Analysis> {
	const a = await analyzeDocument(text, language, { tolerance: 'digits' });
	assert.ok(a);
	return inferred ? { ...a, inferred } as Analysis : a;
}

/** A fixture with its one block removed, and that block's spec as the network read from the rest. */
function withoutBlock(file: string): { text: string; without: string; language: DocumentLanguage; inferred: InferredNetwork } {
	const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
	const language: DocumentLanguage = file.endsWith('.tex') ? 'latex' : 'markdown';
	const [block] = scanDocument(text, language).networks;
	const { spec } = parseNetworkBlock(block);
	assert.ok(spec);
	return { text, without: text.slice(0, block.outer.start) + text.slice(block.outer.end), language, inferred: { kind: 'read', spec } };
}

/** A spec without its names (the document's and the block's may be spelled differently), to compare engine values. */
function valuesOf(spec: NetworkSpec): NetworkSpec {
	const layers = spec.layers.map((l) => ({ ...l, name: undefined, ...(l.kind === 'conv' ? { kernelNames: undefined, biasNames: undefined } : l.kind === 'dense' ? { weightNames: undefined, biasNames: undefined } : {}) }));
	return { ...spec, inputNames: undefined, targetNames: undefined, layers: layers as NetworkSpec['layers'] };
}

function apply(text: string, edit: { span: { start: number; end: number }; newText: string }): string {
	return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
}

/** The findings as a user sees them, without where they are: the block moved, so offsets and line numbers did. */
function findings(ds: readonly Diagnostic[], text: string): string[] {
	// The numbers of each message, not its names: on a network read off a document a message names
	// quantities as the document writes them (`z_{11}`), with the block written from it by the engine's labels.
	return ds.filter((d) => d.code !== 'unchecked').map((d) => `${d.code} ${d.severity} ${text.slice(d.span.start, d.span.end)} ${(d.message.match(/-?\d+\.\d+/g) ?? []).join(' ')}`);
}

suite('features: where the network block is inserted', () => {
	const B = '```network\ninput: [1]\n```';
	const L = '% network\n% input: [1]';
	const cases: [string, DocumentLanguage, string, string][] = [
		['at the top of a document with no title', 'markdown', '$x = 1$\n', `${B}\n\n$x = 1$\n`],
		['after an ATX title', 'markdown', '# Notes\n$x = 1$\n', `# Notes\n\n${B}\n\n$x = 1$\n`],
		['after a title and the blank line under it', 'markdown', '# Notes\n\n$x = 1$\n', `# Notes\n\n${B}\n\n$x = 1$\n`],
		['after a setext title', 'markdown', 'Notes\n=====\n$x = 1$\n', `Notes\n=====\n\n${B}\n\n$x = 1$\n`],
		['after a front matter and the title below it', 'markdown', '---\ntitle: x\n---\n\n# Notes\ntext\n', `---\ntitle: x\n---\n\n# Notes\n\n${B}\n\ntext\n`],
		['after a front matter closed by dots', 'markdown', '---\ntitle: x\n...\ntext\n', `---\ntitle: x\n...\n\n${B}\n\ntext\n`],
		['after a title with no line break at the end', 'markdown', '# Notes', `# Notes\n\n${B}\n`],
		['into an empty document', 'markdown', '', `${B}\n`],
		['with the document\'s CRLF line breaks', 'markdown', '# Notes\r\n$x = 1$\r\n', `# Notes\r\n\r\n${B.replace(/\n/g, '\r\n')}\r\n\r\n$x = 1$\r\n`],
		['not under a heading further down', 'markdown', 'Intro.\n\n# Part 2\n', `${B}\n\nIntro.\n\n# Part 2\n`],
		['after \\begin{document}', 'latex', '\\documentclass{article}\n\\begin{document}\n$x = 1$\n\\end{document}\n', `\\documentclass{article}\n\\begin{document}\n\n${L}\n\n$x = 1$\n\\end{document}\n`],
		['after \\maketitle right after \\begin{document}', 'latex', '\\begin{document}\n\\maketitle\n% a comment\n$x = 1$\n', `\\begin{document}\n\\maketitle\n\n${L}\n\n% a comment\n$x = 1$\n`],
		['after the comment lines a fragment opens with, never joined to them', 'latex', '% !TEX program = xelatex\n$x = 1$\n', `% !TEX program = xelatex\n\n${L}\n\n$x = 1$\n`],
		['not after a \\begin{document} that is commented out', 'latex', '% \\begin{document}\n\n$x = 1$\n', `% \\begin{document}\n\n${L}\n\n$x = 1$\n`],
	];
	for (const [what, language, text, expected] of cases) {
		test(`inserts ${what}`, () => {
			const edit = insertBlock(text, language, language === 'latex' ? L : B);
			assert.strictEqual(edit.span.start, edit.span.end, 'the edit only inserts');
			assert.strictEqual(apply(text, edit), expected);
			const blocks = scanDocument(apply(text, edit), language).networks;
			assert.strictEqual(blocks.length, 1);
			assert.strictEqual(blocks[0].yaml, 'input: [1]', 'the block holds its YAML and nothing of the document');
		});
	}
});

suite('features: the network block of a check', () => {
	for (const file of ['truth/seed-cnn.md', 'truth/fc-mistakes.md', 'truth/conv2d-mistakes.md', 'notation/align.tex']) {
		test(`${file}: the block read from the document is inserted, and the document checks as it did with its own block`, async () => {
			const { text, without, language, inferred } = withoutBlock(file);
			const a = await analysed(without, language, inferred);
			const actions = networkBlockActions(a);
			assert.strictEqual(actions.length, 1);
			assert.strictEqual(actions[0].title, INSERT_NETWORK_BLOCK);
			assert.strictEqual(actions[0].kind, 'source');
			const [edit] = actions[0].edits;
			assert.strictEqual(edit.span.start, edit.span.end, 'the edit only inserts');
			const inserted = apply(without, edit);
			const [block] = scanDocument(inserted, language).networks;
			assert.strictEqual(specDifference(inferred.kind === 'read' ? inferred.spec : (undefined as never), parseNetworkBlock(block).spec!), undefined);
			const before = await analysed(text, language);
			const after = await analysed(inserted, language);
			assert.deepStrictEqual(findings(after.diagnostics, inserted), findings(before.diagnostics, text));
			assert.deepStrictEqual(after.summary, before.summary);
			const answer = networkBlockOf(a);
			assert.ok(answer.kind === 'blocks' && answer.source === 'read');
			assert.strictEqual(edit.newText.includes(answer.text.split('\n').join(without.includes('\r\n') ? '\r\n' : '\n')), true);
		});
	}

	for (const file of ['truth/fc-clean.md', 'truth/fc-mistakes.md', 'notation/invented-names.md', 'notation/ng-221.md', 'notation/plain-text.md', 'notation/textbook-232.md', 'notation/align.tex']) {
		test(`${file} without its block: the network read from it is inserted, with the removed block's values, and the document checks the same after`, async () => {
			const { without, language, inferred: removed } = withoutBlock(file);
			const a = await analysed(without, language);
			assert.strictEqual(a.inferred?.kind, 'read');
			const [action] = networkBlockActions(a);
			assert.ok(action, 'the action is offered');
			const inserted = apply(without, action.edits[0]);
			// The block inserted is the block removed up to its names and formatting: the same engine values.
			const [written] = scanDocument(inserted, language).networks;
			assert.strictEqual(specDifference(valuesOf(parseNetworkBlock(written).spec!), valuesOf(removed.kind === 'read' ? removed.spec : (undefined as never))), undefined);
			const after = await analysed(inserted, language);
			assert.strictEqual(after.inferred, undefined, 'with a block, nothing is read');
			assert.strictEqual(after.diagnostics.filter((d) => d.code === 'network').length, 0);
			assert.deepStrictEqual(findings(after.diagnostics, inserted), findings(a.diagnostics, without));
			// The summary says where the network came from (`network`); everything else is the same.
			const { network: from, ...rest } = after.summary as typeof after.summary & { network?: unknown };
			const { network: read, ...restBefore } = a.summary as typeof a.summary & { network?: unknown };
			assert.notDeepStrictEqual(from, read);
			assert.deepStrictEqual(rest, restBefore);
		});
	}

	test('titles the action and words the reasons in the analysis\'s language', async () => {
		const { without } = withoutBlock('truth/fc-clean.md');
		const a = await analyzeDocument(without, 'markdown', { tolerance: 'digits', locale: 'zh-cn' });
		assert.strictEqual(a?.inferred?.kind, 'read');
		assert.deepStrictEqual(networkBlockActions(a!).map((x) => x.title), ['插入 derivcheck 读出的网络块']);
		const plain = await analyzeDocument('$$0.3 + 0.4 = 0.7$$\n', 'markdown', { tolerance: 'digits', locale: 'zh-cn', inferNetwork: false });
		assert.deepStrictEqual(networkBlockOf(plain!), { kind: 'none', reason: '此文档没有声明网络块，也没有从中读出网络。' });
	});

	test('a declared block is the network printed, written back; no insert action is offered', async () => {
		const { text, language, inferred } = withoutBlock('truth/seed-cnn.md');
		const a = await analysed(text, language, inferred);
		const answer = networkBlockOf(a);
		assert.strictEqual(answer.kind, 'blocks');
		assert.ok(answer.kind === 'blocks');
		assert.strictEqual(answer.source, 'declared');
		assert.strictEqual(answer.insert, undefined);
		const w = writeNetworkYaml(inferred.kind === 'read' ? inferred.spec : (undefined as never));
		assert.ok(w.kind === 'written');
		assert.strictEqual(answer.text, blockText(w.yaml, 'markdown'));
		assert.deepStrictEqual(networkBlockActions(a), [], 'a document with a block of its own is not offered another');
	});

	test('every block that builds is printed, each governing its own part', async () => {
		const text = fs.readFileSync(path.join(FIXTURES, 'notation/two-blocks-clean.md'), 'utf8');
		const answer = networkBlockOf(await analysed(text, 'markdown'));
		assert.ok(answer.kind === 'blocks');
		assert.strictEqual(answer.text.split('```network').length - 1, 2);
	});

	test('without a network there is none, and the reason says why', async () => {
		const plain = { ...await analysed('$$0.3 + 0.4 = 0.7$$\n', 'markdown'), inferred: undefined } as Analysis;
		const none = networkBlockOf(plain);
		assert.deepStrictEqual(none, { kind: 'none', reason: 'The document declares no network block, and no network was read from it.' });
		assert.deepStrictEqual(networkBlockActions(plain), []);
		const unread = await analysed('$$0.3 + 0.4 = 0.7$$\n', 'markdown', { kind: 'none', reason: 'layer PP has no formula for pp_3' });
		assert.deepStrictEqual(networkBlockOf(unread), { kind: 'none', reason: 'The document declares no network block, and none could be read from it: layer PP has no formula for pp_3.' });
		assert.deepStrictEqual(networkBlockActions(unread), []);
		const broken = await analysed('```network\ninput: [1, 2]\ntarget: [1]\nloss: mse\nlayers:\n  - conv3d: C\n```\n', 'markdown');
		const r = networkBlockOf(broken);
		assert.ok(r.kind === 'none');
		assert.match(r.reason, /^The network block does not build: Unknown layer type "conv3d"/);
	});

	test('a network read from the document that no block can say is not offered, and the reason is given', async () => {
		const { without, language, inferred } = withoutBlock('truth/seed-cnn.md');
		if (inferred.kind !== 'read') throw new Error('unreachable');
		const unsayable: InferredNetwork = { kind: 'read', spec: { ...inferred.spec, targetNames: ['t_1 ', 't_2'] } };
		const a = await analysed(without, language, unsayable);
		assert.deepStrictEqual(networkBlockActions(a), []);
		const r = networkBlockOf(a);
		assert.ok(r.kind === 'none');
		assert.match(r.reason, /spaces at an end/);
	});

	test('in Chinese, the language service says why there is no network and why a block cannot be written, wholly in Chinese', async () => {
		const zh = createLanguageService({ ...defaultSettings, locale: 'zh-cn' });
		const text = '$w = 0.5$, $x = 0.2$, $b = 0.1$, $t = 1$.\n\n$$z = w x + b = 0.5 \\times 0.2 + 0.1 = 0.2$$\n\n$$a = \\sigma(z) = 0.550$$\n\n$$E = \\frac{1}{2} (t - a)^2 = 0.101$$\n';
		const answer = await zh.networkBlock({ uri: 'file:///one-unit.md', languageId: 'markdown', version: 1, text });
		assert.deepStrictEqual(answer, { kind: 'none', reason: '此文档没有声明网络块，也无法从中读出网络：第一层只有一个单元（z），分不清哪些是权重、哪些是输入。' });
		const { without, language, inferred } = withoutBlock('truth/seed-cnn.md');
		if (inferred.kind !== 'read') throw new Error('unreachable');
		const a = { ...await analysed(without, language, { kind: 'read', spec: { ...inferred.spec, targetNames: ['t_1 ', 't_2'] } }), locale: 'zh-cn' } as Analysis;
		assert.deepStrictEqual(networkBlockOf(a), { kind: 'none', reason: '无法写出网络块：目标值中的名字 "t_1 " 是空的，或首尾带有空格，网络块无法保留这样的名字。' });
	});

	test('the language service prints a declared block and offers no insert action for it', async () => {
		const service = createLanguageService();
		const text = fs.readFileSync(path.join(FIXTURES, 'truth/seed-cnn.md'), 'utf8');
		const doc = { uri: 'file:///seed.md', languageId: 'markdown', version: 1, text };
		const answer = await service.networkBlock(doc);
		assert.ok(answer.kind === 'blocks' && answer.source === 'declared');
		assert.match(answer.text, /^```network\ninput: /);
		const actions = await service.codeActions(doc, { start: 0, end: 0 });
		assert.ok(!actions.some((x) => x.title === INSERT_NETWORK_BLOCK));
		const latex = createLanguageService({ enabled: { markdown: true, latex: false }, tolerance: 'digits', severity: {}, inferNetwork: true });
		const off = await latex.networkBlock({ uri: 'file:///a.tex', languageId: 'latex', version: 1, text: '% network\n% input: [1]\n' });
		assert.strictEqual(off.kind, 'none');
	});
});
