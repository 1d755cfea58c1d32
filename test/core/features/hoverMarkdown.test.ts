/**
 * Hover Markdown that a document cannot inject into: hostile names — a `command:` link, raw HTML,
 * a remote image, a backtick that would close a code span — written in the network block (layer
 * and weight names) and in the document's math reach every hover only as literal text. The test
 * hovers at every offset of each document and checks each hover with `inert`, which removes the
 * code spans (whose content Markdown never interprets) and then finds no live syntax in the rest;
 * it also checks that the hostile text is shown at all, so the test cannot pass by hovering nowhere.
 * The hover's own heatmap image and panel link are the only live Markdown allowed, and each is
 * checked to be ours (`ownMarkdown.ts`) before it is set aside.
 * The hover and formula budgets are tested here too, on a pooling window of 200,000 elements.
 */
import * as assert from 'assert';
import { MAX_FORMULA_CHARS, MAX_HOVER_CHARS } from '../../../src/core/budgets';
import { createLanguageService, type DocumentInput } from '../../../src/core/index';
import { capHover, mdCode, mdText } from '../../../src/core/features/markdown';
import { withoutOwn } from './ownMarkdown';

const HOSTILE = ['](command:x)', '<img src=x onerror=alert(1)>', '![x](http://evil)', '`](command:y)`<b>', '[a](command:z "t")', '[s](javascript:alert(1))', '](command:derivcheck.showNetwork?%5B%5D)', '[Show in network panel](command:derivcheck.showNetwork?%5B%5D)'];

function doc(text: string): DocumentInput {
	return { uri: 'file:///notes.md', languageId: 'markdown', version: 1, text };
}

/** Code spans as CommonMark reads them: a run of backticks up to the next run of the same length. */
function withoutCode(md: string): string {
	return md.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, ' ');
}

/** Throws when the Markdown holds a live link, image, autolink or HTML outside code spans. */
function inert(md: string): void {
	// Code spans first: a name that copies our link inside one is text, and must not be taken for the link.
	const rest = withoutOwn(withoutCode(md), 'file:///notes.md');
	const live = /(^|[^\\])(\]\(|!\[|<[A-Za-z!/?]|command:|javascript:|https?:|\[[^\]]*\]\()/.exec(rest);
	assert.ok(!live, `live Markdown ${JSON.stringify(live?.[0])} in:\n${md}`);
	for (const line of md.split('\n')) {
		const ticks = (withoutCode(line).match(/`/g) ?? []).length;
		assert.strictEqual(ticks, 0, `an unclosed code span in: ${line}`);
	}
}

async function hovers(text: string): Promise<string[]> {
	const ls = createLanguageService();
	const seen = new Set<string>();
	for (let i = 0; i < text.length; i++) {
		const h = await ls.hover(doc(text), i);
		if (h) seen.add(h.markdown);
	}
	return [...seen];
}

/** A block whose dense layer and weights carry the hostile name, and math that uses them. */
function blockDoc(evil: string): string {
	const q = JSON.stringify(evil);
	return [
		'```network',
		'input: [0.5, 0.2]',
		'target: [1]',
		'loss: half_sse',
		'learning_rate: 0.5',
		'layers:',
		`  - dense: ${q}`,
		'    weights: [[0.1, 0.3]]',
		`    weight_names: [${q}, w_2]`,
		'    bias: [0.2]',
		'    activation: sigmoid',
		'```',
		'',
		'$$w_2 = 0.3$$',
		'',
		'$$w_2 \\cdot 0.2 = 0.06$$',
		'',
	].join('\n');
}

suite('hover Markdown', () => {
	test('mdText escapes what Markdown would read, and keeps numbers as written', () => {
		assert.strictEqual(mdText('![x](http://evil)'), '\\!\\[x\\]\\(http\\://evil\\)');
		assert.strictEqual(mdText('<img src=x>'), '\\<img src=x\\>');
		assert.strictEqual(mdText('-0.558'), '-0.558');
		assert.strictEqual(mdText('www.evil.com'), 'www\\.evil\\.com');
		inert(mdText(HOSTILE.join(' ')));
	});

	test('mdCode cannot be closed by its text, and escapes a table cell border', () => {
		for (const h of HOSTILE) inert(`x ${mdCode(h)} y`);
		assert.strictEqual(mdCode('a|b', 80, true), '`a\\|b`');
		assert.strictEqual(mdCode('x'.repeat(100)).length, 82);
	});

	for (const evil of HOSTILE) {
		test(`a name in the block reaches no hover as Markdown: ${evil}`, async () => {
			const text = blockDoc(evil);
			const all = await hovers(text);
			assert.ok(all.length > 0, 'some hover');
			all.forEach(inert);
			// The layer's table names the layer, so the hostile text is shown, escaped.
			assert.ok(all.some((md) => md.includes(mdText(evil)) || md.includes(mdCode(evil).slice(1, -1))), `the name is shown:\n${all.join('\n---\n')}`);
		});

		test(`a name in the document reaches no hover as Markdown: ${evil}`, async () => {
			// The parser lets only name-like text into names, so the hostile text sits where math allows any text.
			const e = evil.replace(/[{}$\\]/g, '');
			const text = `$$w_1 = 0.5 \\text{ ${e} }$$\n\n$$0.3 + 0.4 \\label{${e}} = 0.7$$\n\n$$w_1 \\cdot 0.2 \\quad \\text{${e}} = 0.1$$\n`;
			const all = await hovers(text);
			assert.ok(all.length > 0, 'some hover');
			all.forEach(inert);
		});
	}

	test('a formula of 200,000 terms makes a hover of bounded length, which says it was cut', async () => {
		const text = [
			'```network',
			'input: [0.5]',
			'target: [1]',
			'loss: half_sse',
			'learning_rate: 0.5',
			'layers:',
			'  - conv1d: C',
			'    kernels: [[1]]',
			'    padding: 100000',
			'  - avgpool: P',
			'    size: 200001',
			'```',
			'',
			'$$out_{P1} = 0.000002$$',
			'',
		].join('\n');
		const ls = createLanguageService();
		const report = await ls.check(doc(text));
		assert.deepStrictEqual(report?.diagnostics.filter((d) => d.code === 'network').map((d) => d.message), []);
		const h = await ls.hover(doc(text), text.indexOf('out_{P1}') + 2);
		assert.ok(h, 'a hover on out_{P1}');
		assert.ok(h.markdown.length < MAX_FORMULA_CHARS + 12_000, `${h.markdown.length} characters`);
		assert.match(h.markdown, /longer than 160 characters; its first terms are shown/);
		inert(h.markdown);
	});

	test('capHover cuts at a line break and says so', () => {
		const md = Array.from({ length: 3000 }, (_, i) => `- line ${i}`).join('\n');
		const capped = capHover(md);
		assert.ok(capped.length < MAX_HOVER_CHARS + 200);
		assert.match(capped, /- line \d+\n\n\*… cut here: this hover is longer than 20,000 characters\.\*$/);
		assert.strictEqual(capHover('short'), 'short');
	});
});
