/**
 * The suite's short second pass, with VS Code's display language zh-cn: the extension passes
 * `vscode.env.language` to its server as `InitializeParams.locale`, so the mistakes example must
 * read in Chinese in the Problems panel and in the hover. Strategy: the same workbench driving as
 * the English pass (a fresh code-server started with `--locale zh-cn` and the language pack of
 * languagePack.ts); the expected words are those of src/core/messages/zhCn.ts for the example's
 * first arithmetic mistake, `\frac{2.158}{2.621} = 0.813` on line 123, which is 0.823. The hover's
 * screenshot goes to the README.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Check } from './checks';
import { TIMEOUT } from './expect';
import { hoverOn } from './hover';
import { problemRow, squiggleOn } from './observe';
import { activeEditor, openFile, textBox, until } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..');

/** examples/cnn-1d-mistakes.md and its first arithmetic mistake. */
const example = {
	path: path.join(ROOT, 'examples', 'cnn-1d-mistakes.md'),
	name: 'cnn-1d-mistakes.md',
	firstText: 'A 1-D CNN by hand',
	/** Rendered once in the file: the text before the wrong number, and the number. */
	before: '{2.621} = ',
	stated: '0.813',
	code: 'arithmetic',
} as const;
const lines = fs.readFileSync(example.path, 'utf8').split('\n');
const line = lines.findIndex((l) => l.includes(example.before + example.stated));
const character = lines[line]!.indexOf(example.before + example.stated) + example.before.length;

export const chineseFiles = [example.path];

/** zhCn.ts: 'arithmetic.rounds' and 'hover.truth.wrong' with the example's numbers. */
const problemIncludes = ['算出来是', '四舍五入到你写的位数是 0.823，不是 0.813', `[Ln ${line + 1}, Col ${character + 1}]`];
const hoverIncludes = ['✗ 0.813 错了', '0.823', '错误从这里开始'];

export const chineseChecks: Check[] = [
	{ name: `zh-cn: ${example.name} opens`, run: async ({ page }) => { await openFile(page, example.name, example.firstText); } },
	{
		name: `zh-cn: the Problems panel gives the ${example.code} finding on ${example.stated} in Chinese`,
		run: async ({ page }) => {
			await problemRow(page, example.name, example.code, problemIncludes);
			await page.keyboard.press('Control+1');
		},
	},
	{
		name: `zh-cn: the hover on ${example.stated} gives the verdict in Chinese`,
		run: async (c) => {
			const { page } = c;
			// The line is long: put the cursor on the number (Go to Line), which scrolls it into view.
			await page.keyboard.press('Control+G');
			const input = page.locator('.quick-input-widget input');
			await input.waitFor({ state: 'visible', timeout: TIMEOUT.ui });
			await input.fill(`:${line + 1}:${character + 1}`);
			await page.keyboard.press('Enter');
			await input.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
			await squiggleOn(page, example.before + example.stated, TIMEOUT.recheck);
			const needle = example.before + example.stated;
			const box = await until(`"${needle}" rendered`, () => textBox(activeEditor(page), needle).then((b) => b ?? undefined), TIMEOUT.ui);
			await hoverOn(page, box, needle.length, example.before.length, example.stated.length, hoverIncludes);
			await page.screenshot({ path: path.join(c.results, 'readme', 'hover-zh-cn.png') });
			await page.mouse.move(5, 400);
			await page.keyboard.press('Escape');
		},
	},
];
