/**
 * The network panel's pure parts: the page and its Content-Security-Policy, the messages and the
 * command's argument as they arrive (only JSON), and how numbers and heatmap colours are written.
 */
import * as assert from 'assert';
import { panelCsp, panelHtml } from '../../src/client/panel/html';
import { asReveal, showNetworkArgs } from '../../src/client/panel/messages';
import { formatCell, heatColor, shapeText } from '../../src/client/panel/webview/format';
import { englishWords, fill, panelWords } from '../../src/client/panel/words';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');

const page = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'ab12CD34', script: 'https://r/dist/webview/panel.js', katexCss: 'https://r/dist/katex/katex.min.css', panelCss: 'https://r/media/panel.css' };

suite('network panel page', () => {
	test('allows scripts by nonce only, styles and fonts from the extension only, nothing else', () => {
		const csp = panelCsp(page.cspSource, page.nonce);
		assert.match(csp, /^default-src 'none'; /);
		assert.match(csp, /script-src 'nonce-ab12CD34'(;|$)/);
		assert.match(csp, new RegExp(`style-src ${page.cspSource.replace(/[.+]/g, '\\$&')}(;|$)`));
		assert.ok(!/unsafe-inline|unsafe-eval|\*|https?:(?!\/\/file\+)/.test(csp.replace(page.cspSource, '').replace(page.cspSource, '').replace(page.cspSource, '')), csp);
	});

	test('has one script, with the nonce, and no inline script or style', () => {
		const html = panelHtml(page);
		assert.strictEqual(html.match(/<script/g)?.length, 1);
		assert.match(html, /<script nonce="ab12CD34" src="https:\/\/r\/dist\/webview\/panel\.js"><\/script>/);
		assert.ok(!/<style|style="|\son[a-z]+=/.test(html), 'no inline style or handler');
		assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-ab12CD34&#39;/);
	});

	test('escapes what it is given and refuses a nonce that is not letters and digits', () => {
		const html = panelHtml({ ...page, nonce: "x' 'unsafe-inline", script: '"><img src=x onerror=alert(1)>' });
		assert.ok(!html.includes('unsafe-inline'), 'a bad nonce is not written');
		assert.ok(!html.includes('<img'), 'the URI is escaped');
		assert.match(html, /nonce-invalid/);
	});
});

suite('network panel messages', () => {
	test('reads a reveal with whole, ordered offsets and nothing else', () => {
		const good = { type: 'reveal', uri: 'file:///a.md', version: 3, start: 4, end: 9 };
		assert.deepStrictEqual(asReveal({ ...good, extra: 1 }), good);
		for (const bad of [null, 'reveal', { ...good, type: 'open' }, { ...good, start: -1 }, { ...good, start: 10 }, { ...good, end: 1.5 }, { ...good, uri: 7 }, { ...good, version: '3' }]) {
			assert.strictEqual(asReveal(bad), undefined, JSON.stringify(bad));
		}
	});

	test('reads the command\'s argument alone or first in a list, and drops what is not a string', () => {
		assert.deepStrictEqual(showNetworkArgs({ uri: 'file:///a.md', key: 'outC3' }), { uri: 'file:///a.md', key: 'outC3' });
		assert.deepStrictEqual(showNetworkArgs([{ uri: 'file:///a.md' }]), { uri: 'file:///a.md' });
		assert.deepStrictEqual(showNetworkArgs(undefined), {});
		assert.deepStrictEqual(showNetworkArgs({ uri: 1, key: { x: 1 } }), {});
		assert.deepStrictEqual(showNetworkArgs({ key: 'k'.repeat(201) }), {});
	});
});

suite('network panel numbers and colours', () => {
	const cases: [number | null, string][] = [[0.64567, '0.6457'], [-0.177, '-0.177'], [0, '0'], [2, '2'], [1234.5678, '1235'], [-0.0000123, '-1.23e-5'], [1e7, '1e7'], [null, '—'], [NaN, '—']];
	for (const [v, text] of cases) test(`writes ${v} as ${text}`, () => assert.strictEqual(formatCell(v), text));

	test('colours below zero blue and above red, stronger with the magnitude, and nothing without a scale', () => {
		assert.strictEqual(heatColor(1, -1, 1), 'rgba(214, 96, 77, 0.800)');
		assert.strictEqual(heatColor(-1, -1, 1), 'rgba(49, 130, 189, 0.800)');
		assert.strictEqual(heatColor(0.5, 0, 2), 'rgba(214, 96, 77, 0.260)');
		assert.strictEqual(heatColor(0, 0, 0), 'transparent');
		assert.strictEqual(heatColor(null, -1, 1), 'transparent');
	});

	test('writes shapes without the dimensions that are 1', () => {
		assert.strictEqual(shapeText({ channels: 2, rows: 1, cols: 4 }), '2 × 4');
		assert.strictEqual(shapeText({ channels: 1, rows: 1, cols: 6 }), '6');
		assert.strictEqual(shapeText({ channels: 3, rows: 5, cols: 5 }), '3 × 5 × 5');
		assert.strictEqual(shapeText({ channels: 1, rows: 28, cols: 28 }), '28 × 28');
	});
});

suite('network panel words', () => {
	test('takes each word that arrived as a string of bounded length, and says the others in English', () => {
		const w = panelWords({ input: '输入', loss: 7, range: 'x'.repeat(401), extra: 'ignored' });
		assert.strictEqual(w.input, '输入');
		assert.strictEqual(w.loss, englishWords.loss);
		assert.strictEqual(w.range, englishWords.range);
		assert.deepStrictEqual(Object.keys(w).sort(), Object.keys(englishWords).sort());
		assert.deepStrictEqual(panelWords(null), englishWords);
	});

	test('fills numbered placeholders with the text given, as text', () => {
		assert.strictEqual(fill('from {0} to {1}', '-0.5', 2), 'from -0.5 to 2');
		assert.strictEqual(fill('文档在第 {1} 行写的是 {0}：{2}。', '0.600', 13, '错误'), '文档在第 13 行写的是 0.600：错误。');
		assert.strictEqual(fill('{0} and {3}', '$& <b>'), '$& <b> and {3}');
	});

	/** Every string the extension passes to `vscode.l10n.t` as a literal, with the panel's words. */
	function translated(): string[] {
		const out: string[] = Object.values(englishWords);
		const walk = (dir: string): void => {
			for (const e of readdirSync(dir, { withFileTypes: true })) {
				const p = join(dir, e.name);
				if (e.isDirectory()) walk(p);
				else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) out.push(m[1].replace(/\\(.)/g, '$1'));
			}
		};
		walk(join(root, 'src', 'client'));
		return out;
	}

	test('every word the extension translates has its Chinese, with the same placeholders', () => {
		const zh = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
		const holes = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
		const words = translated();
		assert.ok(words.length > Object.keys(englishWords).length + 20, `${words.length} strings found`);
		for (const w of words) {
			assert.ok(w in zh, `no Chinese for ${JSON.stringify(w)}`);
			assert.deepStrictEqual(holes(zh[w]), holes(w), w);
		}
	});
});
