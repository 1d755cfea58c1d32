/**
 * The message tables: every id has its Chinese text with exactly the English placeholders, the
 * tables hold no braces but placeholders, a Chinese message reads as Chinese, and locale tags from
 * editors and shells name the right language.
 */
import * as assert from 'assert';
import { en } from '../../../src/core/messages/en';
import { zhCn } from '../../../src/core/messages/zhCn';
import { message, placeholders, sentences } from '../../../src/core/messages/message';
import { localeFromEnv, localeOf } from '../../../src/core/messages/locale';

const ids = Object.keys(en) as (keyof typeof en)[];
const sorted = (xs: readonly string[]) => [...xs].sort();

suite('message tables', () => {
	test('every English id has a Chinese text, and the Chinese table has no id of its own', () => {
		const missing = ids.filter((id) => typeof (zhCn as Record<string, unknown>)[id] !== 'string' || zhCn[id].trim() === '');
		assert.deepStrictEqual(missing, [], `ids without Chinese text: ${missing.join(', ')}`);
		const extra = Object.keys(zhCn).filter((id) => !(id in en));
		assert.deepStrictEqual(extra, []);
	});

	test('each Chinese text takes exactly the placeholders of its English text', () => {
		const differ = ids.filter((id) => sorted(placeholders(en[id])).join() !== sorted(placeholders(zhCn[id])).join());
		assert.deepStrictEqual(differ, [], `placeholders differ: ${differ.map((id) => `${id}: ${placeholders(en[id]).join()} / ${placeholders(zhCn[id]).join()}`).join('; ')}`);
	});

	test('the tables hold no brace that is not a placeholder', () => {
		for (const [name, table] of [['en', en], ['zh-cn', zhCn]] as const) {
			for (const id of ids) {
				const rest = (table as Record<string, string>)[id].replace(/\{\w+\}/g, '');
				assert.ok(!/[{}]/.test(rest), `${name} ${id} has a stray brace`);
			}
		}
	});

	test('a Chinese text is written in Chinese, not left in English', () => {
		// A text with words carries a Chinese one (`1 个文件`); a bare frame of placeholders (`{number} {standsFor}。`) has no words to translate.
		const english = ids.filter((id) => !/[\u4e00-\u9fff]/.test(zhCn[id]) && /[A-Za-z]/.test(zhCn[id].replace(/\{\w+\}|derivcheck/g, '')));
		assert.deepStrictEqual(english, []);
	});

	test('message fills the placeholders in the chosen language, English by default', () => {
		const args = { b: '0.823', a: '0.813' };
		assert.strictEqual(message('arithmetic.adjacent', args), '0.823 is written equal to 0.813, but the two differ by more than their rounding.');
		assert.strictEqual(message('arithmetic.adjacent', args, 'zh-cn'), '0.823 写成等于 0.813，但两者之差超出了舍入误差的范围。');
		assert.strictEqual(message('truth.origin', {}, 'zh-cn'), '错误从这里开始。');
	});

	test('sentences are joined with a space in English and directly in Chinese', () => {
		assert.strictEqual(sentences('en', 'A.', undefined, '', 'B.'), 'A. B.');
		assert.strictEqual(sentences('zh-cn', '甲。', undefined, '乙。'), '甲。乙。');
	});
});

suite('locale tags', () => {
	const cases: [string | undefined, string | undefined][] = [
		['zh-cn', 'zh-cn'],
		['zh-CN', 'zh-cn'],
		['zh_CN.UTF-8', 'zh-cn'],
		['zh-Hans-CN', 'zh-cn'],
		['zh_SG.GB2312', 'zh-cn'],
		['zh', 'zh-cn'],
		['zh-tw', undefined],
		['zh_TW.UTF-8', undefined],
		['zh-Hant', undefined],
		['en', 'en'],
		['en-US', 'en'],
		['C.UTF-8', 'en'],
		['POSIX', 'en'],
		['de-DE', undefined],
		['', undefined],
		[undefined, undefined],
	];
	for (const [tag, want] of cases) {
		test(`${JSON.stringify(tag)} names ${want ?? 'no language derivcheck speaks'}`, () => assert.strictEqual(localeOf(tag), want));
	}

	test('LC_ALL decides over LC_MESSAGES, which decides over LANG; empty values are skipped', () => {
		assert.strictEqual(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
		assert.strictEqual(localeFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en');
		assert.strictEqual(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-cn');
		assert.strictEqual(localeFromEnv({ LANG: 'fr_FR.UTF-8' }), 'en');
		assert.strictEqual(localeFromEnv({}), 'en');
	});
});
