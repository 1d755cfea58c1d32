/**
 * Hover Markdown, rendered: fast-check writes names of random hostile characters into a network
 * block (layer and weight names) and into the math, and every hover at every offset is rendered by
 * markdown-it with raw HTML and autolinks switched on — more than any editor allows — and must hold
 * no link, image or HTML element of the document's making: only the tags our own hover words use,
 * and the one image and one link a hover draws itself, each checked to be ours (`ownMarkdown.ts`).
 * `hoverMarkdown.test.ts` holds the fixed examples; this file looks for the ones nobody thought of.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { createLanguageService } from '../../../src/core/index';
import { mdCode, mdText } from '../../../src/core/features/markdown';
import { checkedSvg, linkArgs } from './ownMarkdown';

const md = new MarkdownIt({ html: true, linkify: true });

/** The tags a hover's own structure renders to. */
const OURS = new Set(['p', 'strong', 'em', 'code', 'ul', 'li', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

function assertSafe(markdown: string, uri?: string): void {
	const html = md.render(markdown);
	for (const m of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)) {
		const tag = m[2].toLowerCase();
		if (tag === 'img' && !m[1]) {
			const src = /^ src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="heatmap"$/.exec(m[3]);
			assert.ok(src, `an image not of our making: ${m[0]}\n${markdown}`);
			checkedSvg(src[1]);
		} else if (tag === 'a') {
			if (m[1]) continue;
			const href = /^ href="command:derivcheck\.showNetwork\?([A-Za-z0-9%._~-]+)"$/.exec(m[3]);
			assert.ok(href, `a link not of our making: ${m[0]}\n${markdown}`);
			assert.strictEqual(linkArgs(href[1])[0].uri, uri);
		} else {
			assert.ok(OURS.has(tag), `<${m[2]}> in the rendered hover:\n${markdown}\n→\n${html}`);
		}
	}
	// One image and one link at most, both ours: the document adds none.
	assert.ok((html.match(/<img /g) ?? []).length <= 1 && (html.match(/<a /g) ?? []).length <= 1, html);
}

const hostile = fc.stringOf(fc.constantFrom(...'[]()!<>:/`\'"|*_~#&;=.-+ \\{}$@wxyimgcommand:http'.split('')), { minLength: 1, maxLength: 24 })
	.filter((s) => s.trim().length > 0);

suite('hover Markdown, rendered', () => {
	test('mdText and mdCode render any text as text', () => {
		fc.assert(fc.property(fc.string({ maxLength: 40 }), hostile, (a, b) => {
			assertSafe(`x ${mdText(a + b)} y`);
			assertSafe(`x ${mdCode(a + b)} y`);
			assertSafe(`| ${mdText(b)} | ${mdCode(b, 80, true)} |\n|---|---|\n| 1 | 2 |`);
		}), { numRuns: 2000 });
	});

	test('no hover over a block with hostile names renders a link, an image or HTML', async () => {
		await fc.assert(fc.asyncProperty(hostile, async (evil) => {
			const q = JSON.stringify(evil);
			const text = ['```network', 'input: [0.5, 0.2]', 'target: [1]', 'loss: half_sse', 'learning_rate: 0.5', 'layers:',
				`  - dense: ${q}`, '    weights: [[0.1, 0.3]]', `    weight_names: [${q}, w_2]`, '    activation: sigmoid', '```', '',
				'$$w_2 \\cdot 0.2 = 0.06$$', '', `$$0.3 + 0.4 \\text{${evil.replace(/[{}$\\]/g, '')}} = 0.7$$`, ''].join('\n');
			const ls = createLanguageService();
			const d = { uri: 'file:///p.md', languageId: 'markdown', version: 1, text };
			const start = text.indexOf('$$');
			for (let i = start; i < text.length; i += 3) {
				const h = await ls.hover(d, i);
				if (h) assertSafe(h.markdown, d.uri);
			}
		}), { numRuns: 60 });
	});
});
