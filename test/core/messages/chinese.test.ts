/**
 * The check in Chinese: each kind of finding, and each known mistake's explanation, comes out in
 * Chinese under `zh-cn` with the same numbers, codes, spans and fixes as in English, and so does a
 * mistake in the network block, a configuration mistake and the hovers; no English
 * sentence is left in any message of the seed notes; and the default stays English.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import { parseConfigFile, say } from '../../../src/core/index';
import { hoverAt } from '../../../src/core/features/hover';
import { seedBlock } from '../../shared/seedBlock';

const block = seedBlock();

const analyze = (text: string, locale?: 'en' | 'zh-cn') => analyzeDocument(text, 'markdown', { tolerance: 'digits', ...(locale ? { locale } : {}) }) as Promise<Analysis>;

/** What must not differ between the languages: everything of a diagnostic but its words. */
const shape = (a: Analysis) => a.diagnostics.map((d) => ({ code: d.code, severity: d.severity, span: d.span, stated: d.stated, expected: d.expected, fix: d.fix, origin: d.origin }));

/** Three English words in a row: what a message left untranslated would show (a list of names, comma-separated, is not one). */
const englishWords = /\b(?:[A-Za-z]{3,} +){2}[A-Za-z]{3,}\b/;

const cases: { readonly name: string; readonly text: string; readonly code: string; readonly says: RegExp }[] = [
	{ name: 'a wrong sum', text: '$$0.3 + 0.4 = 0.8$$', code: 'arithmetic', says: /^0\.3 \+ 0\.4 算出来是 0\.7，不是 0\.8。$/ },
	{ name: 'a wrong sum at a coarser precision', text: '$$0.12 + 0.4 = 0.6$$', code: 'arithmetic', says: /^0\.12 \+ 0\.4 算出来是 0\.52（输入数值带有舍入误差，结果可在 \[.*\] 内），四舍五入到你写的位数是 0\.5，不是 0\.6。$/ },
	{ name: 'two numbers that differ', text: '$$x = 0.823 = 0.813$$', code: 'arithmetic', says: /0\.813 写成等于 0\.823，但两者之差超出了舍入误差的范围/ },
	{ name: 'a number substituted for a stated name', text: '$$a = 0.5$$\n\n$$b = 2 a = 2 \\cdot 0.6 = 1.2$$', code: 'substitution', says: /这里把 0\.6 代入 a，但文中给出的是 a = 0\.5（第 1 行）/ },
	{ name: 'a value off the network', text: `${block}$$out_{C1} = 0.600$$`, code: 'value', says: /out_\{C1\} 应为 0\.558\d*（按你的精度写作 0\.558），而不是 0\.600。/ },
	{ name: 'weights already updated in backpropagation', text: `${block}$$\\frac{\\partial E}{\\partial out_{P1}} = -0.060$$`, code: 'value', says: /这里用了已经更新过的权重；反向传播要用正向传播时的权重/ },
	{ name: "the activation's derivative left out", text: `${block}$$coef_{C1} = -0.035$$`, code: 'value', says: /这里漏乘了激活函数的导数/ },
	{ name: 'a network block value that is not a number', text: block.replace('learning_rate: 0.7', 'learning_rate: fast'), code: 'network', says: /^学习率应是一个数，这里却是 "fast"。$/ },
	{ name: 'a network block layer type it does not know', text: block.replace('- avgpool: PP', '- conv3d: PP'), code: 'network', says: /^未知的层类型 "conv3d"；应为 conv1d, conv2d, .* 之一。$/ },
	{ name: 'a kernel too large for its input', text: block.replace('[[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]]', '[[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], [0.3, 0.2, 0.1, 0, 0, 0, 0]]'), code: 'network', says: /^大小为 7 的卷积核放不进输入（长度 6），填充为 valid。$/ },
	{ name: 'an error carried downstream', text: `${block}$$out_{o1} = \\frac{2.160}{2.625} = 0.813$$\n\n$$\\text{coef}_{o1} = out_{o1} - t_1 = 0.813 - 1 = -0.187$$`, code: 'inherited', says: /-0\.187 按前面的数值算是对的，但 coef_\{o1\} 的真实值是 -0\.17\d*：它沿用了从第 \d+ 行（0\.813）开始的错误。/ },
];

suite('the check in Chinese', () => {
	for (const c of cases) {
		test(`says ${c.name} in Chinese, with the same finding as in English`, async () => {
			const [en, zh] = await Promise.all([analyze(c.text), analyze(c.text, 'zh-cn')]);
			assert.deepStrictEqual(shape(zh), shape(en));
			const d = zh.diagnostics.find((x) => x.code === c.code);
			assert.ok(d, `a ${c.code} finding in ${JSON.stringify(zh.diagnostics.map((x) => x.message))}`);
			assert.match(d.message, c.says);
			assert.doesNotMatch(d.message, englishWords);
			for (const r of d.related ?? []) assert.match(r.message, /[\u4e00-\u9fff]/);
		});
	}

	test('leaves no English sentence in any finding of the seed notes', async () => {
		const dir = path.join(__dirname, '..', '..', 'fixtures', 'seeds');
		for (const file of ['000_be9a787089ee3ed7.txt', '002_57c45be3c7bb97c6.txt']) {
			const text = readFileSync(path.join(dir, file), 'utf8');
			const zh = await analyze(text, 'zh-cn');
			assert.ok(zh.diagnostics.length > 0, `${file} has findings`);
			for (const d of zh.diagnostics.filter((x) => x.code !== 'unchecked')) {
				assert.match(d.message, /[\u4e00-\u9fff]/, d.message);
				// Quoted source (the seeds' own words) is the author's; the sentences around it are ours.
				assert.doesNotMatch(d.message.replace(/（[^）]*）/g, ''), englishWords, d.message);
			}
		}
	});

	const hovers: { readonly name: string; readonly text: string; readonly at: string; readonly says: RegExp }[] = [
		{ name: 'a wrong stated result', text: '$$0.3 + 0.4 = 0.8$$', at: '0.8', says: /^✗ \*\*0\.8\*\* 不成立：`0\.3 \+ 0\.4` 等于 \*\*0\.7\*\*。/ },
		{ name: 'a number substituted for a stated name', text: '$$a = 0.5$$\n\n$$b = 2 a = 2 \\cdot 0.6 = 1.2$$', at: '0.6', says: /✗ \*\*0\.6\*\* 与文中给出的 `a` 的任何值都不一致。/ },
		{ name: 'a value off the network', text: `${block}$$out_{C1} = 0.600$$`, at: '0.600', says: /^✗ \*\*0\.600\*\* 错了：网络算出的 `out_\{C1\}` 是 \*\*0\.558\d*\*\*（按你的精度写作 0\.558）。错误从这里开始。[^]*（代入你的数值）/ },
		{ name: 'a weight already updated', text: `${block}$$\\frac{\\partial E}{\\partial out_{P1}} = -0.060$$`, at: '-0.060', says: /这里用了已经更新过的权重/ },
	];
	for (const h of hovers) {
		test(`the hover on ${h.name} is in Chinese, and in English without a language`, async () => {
			const offset = h.text.lastIndexOf(h.at) + 1;
			const [en, zh] = await Promise.all([analyze(h.text), analyze(h.text, 'zh-cn')]);
			const zhHover = hoverAt(zh, offset)!;
			assert.match(zhHover.markdown, h.says);
			assert.doesNotMatch(zhHover.markdown.replace(/`[^`]*`/g, '').replace(/\(data:[^)]*\)/g, ''), englishWords, zhHover.markdown);
			const enHover = hoverAt(en, offset)!;
			assert.deepStrictEqual(zhHover.span, enHover.span);
			assert.doesNotMatch(enHover.markdown, /[\u4e00-\u9fff]/);
		});
	}

	const configMistakes: [string, string, RegExp][] = [
		['{"tolerance": "exact"}', '.derivcheck.json', /^"tolerance" 只能是 digits, strict, loose 之一，不能是 "exact"$/],
		['{"severity": {"arithmetic": "loud"}}', '.derivcheck.json', /^"severity\.arithmetic" 只能是 .* 之一，不能是 "loud"$/],
		['{"tolerance": ', '.derivcheck.json', /^它不是有效的 JSON（第 1 行第 \d+ 列）：/],
		['tolerance: [', '.derivcheck.yaml', /^它不是有效的 YAML（第 1 行第 \d+ 列）：/],
	];
	for (const [text, name, says] of configMistakes) {
		test(`says the configuration mistake in ${JSON.stringify(text)} in Chinese, and in English as before`, () => {
			const r = parseConfigFile(text, name);
			assert.ok(!r.ok);
			assert.match(say(r.said, 'zh-cn'), says);
			assert.strictEqual(say(r.said, 'en'), r.message);
		});
	}

	test('speaks English when no language is given, word for word as with `en`', async () => {
		const text = `${block}$$\\frac{\\partial E}{\\partial out_{P1}} = -0.060$$\n\n$$0.3 + 0.4 = 0.8$$`;
		const [none, en] = await Promise.all([analyze(text), analyze(text, 'en')]);
		assert.deepStrictEqual(none.diagnostics.map((d) => d.message), en.diagnostics.map((d) => d.message));
		assert.match(none.diagnostics.map((d) => d.message).join('\n'), /This uses weights that were already updated/);
	});
});
