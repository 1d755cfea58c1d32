/**
 * The checks of the code-server suite, in the order a user meets them: open a Markdown file and
 * see the status bar, the squiggle, the Problems entry, the hover, apply the quick fix and see the
 * document re-checked; then the same in LaTeX; then a document checked against its network block;
 * then no error notifications; then a restart of the language server, after which the squiggle
 * comes back; then a reload with only a LaTeX file shown, to see the extension activate on LaTeX
 * alone; then Check Workspace and the files written on disk after it; last, the Markdown preview,
 * the network panel and the HTML export (visual.ts). The status bar of each
 * file is awaited with that file's own counts, which differ from the file before it, so text left
 * over from the previous editor cannot pass. Strategy: each check
 * is independent as far as the UI allows (a failure is recorded with a screenshot and the next
 * check still runs), waits only on rendered state with bounded polling, and states its
 * expectation in the failure message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { findFiles } from './artifacts';
import { EXTENSION_ID, equationTex, networkMd, problemsPosition, statusBarPattern, statusFor, TIMEOUT, wrongArithmeticLatex, wrongArithmeticMarkdown, wrongArithmeticStatus, type Fixture } from './expect';
import { hoverLayout, hoverOn } from './hover';
import { chooseAction, problemRow, squiggleOn, statusText } from './observe';
import { visualChecks } from './visual';
import { activeEditor, covers, errorNotifications, openFile, problems, runCommand, squiggles, statusItems, textBox, until } from './workbench';

export interface CheckResult { name: string; ok: boolean; ms: number; error?: string; screenshot?: string }

export interface Context { page: Page; workspace: string; userDataDir: string; results: string }

export type Check = { name: string; run: (c: Context) => Promise<void> };

function shot(c: Context, name: string): Promise<Buffer> {
	return c.page.screenshot({ path: path.join(c.results, 'readme', name) });
}

const md: Fixture = wrongArithmeticMarkdown;

/** A few words of a fixture's first line, to know its editor shows the text. */
function opening(text: string): string {
	return (/[A-Za-z][A-Za-z ]{2,20}[A-Za-z]/.exec(text.split('\n')[0] ?? '')?.[0] ?? '').trim();
}
const mdWrong = md.diagnostics[0]!;

export const checks: Check[] = [
	{ name: 'Markdown file opens', run: async ({ page }) => { await openFile(page, md.name, opening(md.text)); } },
	{
		name: 'status bar item shows "derivcheck: N checked · M wrong · K unchecked"',
		run: async ({ page }) => { await statusText(page); },
	},
	{
		name: `squiggle on the wrong number ${mdWrong.stated}`,
		run: async ({ page }) => { await squiggleOn(page, mdWrong.stated, TIMEOUT.firstDiagnostics); },
	},
	{
		name: 'no squiggle of any severity on the numbers that hold',
		run: async ({ page }) => {
			const editor = activeEditor(page);
			for (const n of md.clean) {
				const target = await textBox(editor, n);
				if (!target) throw new Error(`"${n}" is not rendered`);
				for (const kind of ['error', 'warning', 'info', 'hint']) {
					const bad = (await squiggles(editor, kind)).find((s) => covers(s, target));
					if (bad) throw new Error(`a ${kind} squiggle covers "${n}"`);
				}
			}
		},
	},
	{
		name: 'status bar counts match the document',
		run: async ({ page }) => {
			const want = `derivcheck: ${wrongArithmeticStatus.checked} checked · ${wrongArithmeticStatus.wrong} wrong · ${wrongArithmeticStatus.unchecked} unchecked`;
			await until(`status bar "${want}"`, async () => (await statusItems(page)).find((t) => t.includes(want)), TIMEOUT.recheck)
				.catch(async (e: Error) => { throw new Error(`${e.message}; it shows ${JSON.stringify(await statusItems(page))}`); });
		},
	},
	{
		name: `Problems panel lists ${mdWrong.code} at ${problemsPosition(mdWrong)} with its message`,
		run: async (c) => {
			await problemRow(c.page, md.name, mdWrong.code, [...mdWrong.messageIncludes, problemsPosition(mdWrong)]);
			await c.page.keyboard.press('Control+1'); // focus back to the editor, the panel stays open
			await c.page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: TIMEOUT.ui });
			await shot(c, 'diagnostics.png');
		},
	},
	{
		name: `hover on ${mdWrong.stated} shows the true value`,
		run: async (c) => {
			const { page } = c;
			const box = await until(`"${mdWrong.stated}" rendered`, () => textBox(activeEditor(page), mdWrong.stated).then((b) => b ?? undefined), TIMEOUT.ui);
			await page.mouse.move(box.x - 40, box.y - 40);
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
			const hover = page.locator('.monaco-hover').filter({ visible: true });
			const text = await until('an editor hover', async () => {
				const texts = await hover.allInnerTexts();
				return texts.find((t) => md.hoverIncludes.every((s) => t.includes(s)));
			}, TIMEOUT.ui).catch(async (e: Error) => { throw new Error(`${e.message}; visible hovers: ${JSON.stringify(await hover.allInnerTexts())}`); });
			if (!text) throw new Error('empty hover');
			await shot(c, 'hover.png');
			await page.mouse.move(5, 400);
			await page.keyboard.press('Escape');
		},
	},
	{
		name: `quick fix replaces ${mdWrong.stated} by ${mdWrong.expected} and the document is re-checked`,
		run: async (c) => {
			const { page } = c;
			const editor = activeEditor(page);
			const box = await until(`"${mdWrong.stated}" rendered`, () => textBox(editor, mdWrong.stated).then((b) => b ?? undefined), TIMEOUT.ui);
			await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
			await page.keyboard.press('Control+.');
			await chooseAction(page, mdWrong.expected, () => shot(c, 'quickfix.png'));
			await until(`"= ${mdWrong.expected}" in the document`, async () => (await textBox(editor, `= ${mdWrong.expected}`)) ?? undefined, TIMEOUT.ui);
			await until('no error squiggle left', async () => ((await squiggles(editor)).length === 0 ? true : undefined), TIMEOUT.recheck);
			await until('status bar "0 wrong"', async () => (await statusItems(page)).find((t) => statusBarPattern.test(t) && t.includes(' 0 wrong')), TIMEOUT.recheck);
			await page.keyboard.press('Control+S');
			const file = path.join(c.workspace, md.name);
			await until('the fixed text saved', async () => (fs.readFileSync(file, 'utf8') === md.fixedText ? true : undefined), TIMEOUT.ui);
		},
	},
	...latexChecks(wrongArithmeticLatex.name, opening(wrongArithmeticLatex.text), { ...wrongArithmeticLatex.diagnostics[0]!, status: wrongArithmeticStatus }, { checked: wrongArithmeticStatus.checked, wrong: 0, unchecked: 0 }),
	{ name: `${networkMd.name} opens`, run: async ({ page }) => { await openFile(page, networkMd.name, networkMd.firstText); } },
	{ name: `${networkMd.name}: squiggle on ${networkMd.stated}, against the network block`, run: async ({ page }) => { await squiggleOn(page, networkMd.stated, TIMEOUT.recheck); } },
	{
		name: `${networkMd.name}: Problems entry ${networkMd.code} at ${problemsPosition(networkMd)}`,
		run: async ({ page }) => { await problemRow(page, networkMd.name, networkMd.code, [networkMd.expected, problemsPosition(networkMd)]); },
	},
	{
		name: `${networkMd.name}: hover on ${networkMd.stated} shows the network's value`,
		run: async ({ page }) => {
			const box = await until(`"${networkMd.stated}" rendered`, () => textBox(activeEditor(page), networkMd.stated).then((b) => b ?? undefined), TIMEOUT.ui);
			await hoverOn(page, box, networkMd.stated.length, 0, networkMd.stated.length, networkMd.hoverIncludes);
		},
	},
	{
		name: `${networkMd.name}: the hover on ${networkMd.stated} (a layer quantity) gives the verdict first, fits VS Code's hover without scrolling and shows the layer's heatmap image`,
		run: async ({ page }) => {
			try {
				// The image loads after the text: measure once it has its size, or once it is plainly absent.
				const layout = await until('the hover\'s images loaded', async () => {
					const l = await hoverLayout(page);
					return l.images.every((i) => i.complete) ? l : undefined;
				}, TIMEOUT.ui);
				console.log(`      hover: ${layout.width}×${layout.height} px on screen, content ${layout.scrollHeight} px of which ${layout.clientHeight} px show; its parts ${JSON.stringify(layout.partHeights)} px high (${layout.parts.map((p) => JSON.stringify(p.slice(0, 30))).join(', ')}); images ${JSON.stringify(layout.images)}`);
				const ours = layout.parts.findIndex((p) => p.includes(networkMd.hoverIncludes[0]));
				if (ours < 0) throw new Error(`no hover part gives the network's value: ${JSON.stringify(layout.parts)}`);
				const first = layout.parts[ours]!.split('\n')[0]!;
				if (!first.startsWith(`✗ ${networkMd.stated} is wrong`)) throw new Error(`the hover does not open with the verdict; its first line is ${JSON.stringify(first)}`);
				if (layout.scrollHeight > layout.clientHeight + 1) throw new Error(`the hover scrolls: its content is ${layout.scrollHeight} px high, ${layout.clientHeight} px show (the hover is ${layout.width}×${layout.height} px)`);
				const heatmap = layout.images.filter((i) => i.src.startsWith('data:image/svg+xml'));
				if (heatmap.length === 0) throw new Error(`no data:image/svg+xml image in the hover: ${JSON.stringify(layout.images)}`);
				if (heatmap.some((i) => i.naturalWidth === 0 || i.naturalHeight === 0)) throw new Error(`the heatmap image does not render: ${JSON.stringify(heatmap)}`);
			} finally {
				await page.mouse.move(5, 400);
				await page.keyboard.press('Escape');
			}
		},
	},
	...latexChecks(equationTex.name, equationTex.firstText, { ...equationTex, messageIncludes: [equationTex.expected] }, undefined),
	{
		name: 'no error notifications',
		run: async ({ page }) => {
			await runCommand(page, 'Notifications: Show Notifications');
			await page.locator('.notifications-center').waitFor({ state: 'visible', timeout: TIMEOUT.ui });
			const errors = await errorNotifications(page);
			if (errors.length > 0) throw new Error(`error notifications: ${JSON.stringify(errors)}`);
			await page.keyboard.press('Escape');
		},
	},
	{
		name: `Restart Language Server: the old server stops, a new one starts and ${equationTex.stated} is marked again`,
		run: async ({ page }) => {
			const editor = activeEditor(page);
			await runCommand(page, 'derivcheck: Restart Language Server');
			// The old client's diagnostics go with it; the new server publishes them again.
			await until('the squiggles cleared by the stop', async () => ((await squiggles(editor)).length === 0 ? true : undefined), 5_000).catch(() => undefined);
			await squiggleOn(page, equationTex.stated, TIMEOUT.firstDiagnostics);
			await until(`status bar "${statusFor(equationTex.status)}"`, async () => (await statusItems(page)).find((t) => t.includes(statusFor(equationTex.status))), TIMEOUT.recheck);
		},
	},
	{
		name: `after a window reload with only ${equationTex.name} shown, it activates on LaTeX and marks ${equationTex.stated}`,
		run: async ({ page, userDataDir }) => {
			const reloaded = page.waitForEvent('load', { timeout: TIMEOUT.ui });
			await runCommand(page, 'Developer: Reload Window');
			await reloaded;
			await page.locator('.tabs-container .tab.active', { hasText: equationTex.name }).waitFor({ timeout: TIMEOUT.firstDiagnostics });
			await squiggleOn(page, equationTex.stated, TIMEOUT.firstDiagnostics);
			const logs = findFiles(path.join(userDataDir, 'logs'), /exthost.*\.log$/i);
			const latex = `_doActivateExtension ${EXTENSION_ID}, startup: false, activationEvent: 'onLanguage:latex'`;
			if (!logs.some((l) => fs.readFileSync(l, 'utf8').includes(latex))) throw new Error(`no extension host log says "${latex}"`);
		},
	},
	{
		name: 'Check Workspace: a file written after it is checked, a fix on disk clears it, files.exclude and .gitignore are respected',
		run: async ({ page, workspace }) => {
			const wrong = '# Written later\n\n$$0.3 + 0.4 = 0.8$$\n';
			fs.mkdirSync(path.join(workspace, 'drafts'), { recursive: true });
			fs.writeFileSync(path.join(workspace, 'drafts', 'excluded-before.md'), wrong);
			fs.writeFileSync(path.join(workspace, '.gitignore'), 'excluded-by-git-*.md\n');
			fs.writeFileSync(path.join(workspace, 'excluded-by-git-before.md'), wrong);
			// The Explorer hides what files.exclude excludes: once drafts/ goes, the setting is in effect.
			const drafts = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'drafts' }).first();
			// The Explorer learns of a new folder from code-server's file watcher, which on a loaded machine
			// sometimes misses it (seen in one of three runs); refreshing it is what a user would do.
			await drafts.waitFor({ timeout: TIMEOUT.ui }).catch(async () => {
				console.log('[e2e] the Explorer did not show drafts/; refreshing it');
				await runCommand(page, 'Refresh Explorer');
				await drafts.waitFor({ timeout: TIMEOUT.ui });
			});
			fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
			fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'files.exclude': { '**/drafts': true } }));
			await drafts.waitFor({ state: 'detached', timeout: TIMEOUT.ui });
			await runCommand(page, 'derivcheck: Check Workspace');
			await page.locator('.notifications-toasts', { hasText: 'derivcheck checked' }).waitFor({ timeout: TIMEOUT.recheck });
			fs.writeFileSync(path.join(workspace, 'drafts', 'excluded-after.md'), wrong);
			fs.writeFileSync(path.join(workspace, 'excluded-by-git-after.md'), wrong);
			fs.writeFileSync(path.join(workspace, 'written-later.md'), wrong);
			await problemRow(page, 'written-later.md', 'arithmetic', ['0.7', '0.8']);
			const excluded = (await problems(page)).filter((r) => r.includes('excluded-'));
			if (excluded.length > 0) throw new Error(`files excluded by files.exclude or .gitignore are in the Problems panel: ${JSON.stringify(excluded)}`);
			fs.writeFileSync(path.join(workspace, 'written-later.md'), wrong.replace('0.8', '0.7'));
			await until('written-later.md gone from the Problems panel', async () => ((await problems(page)).some((r) => r.includes('written-later.md')) ? undefined : true), TIMEOUT.recheck)
				.catch(async (e: Error) => { throw new Error(`${e.message}; the panel shows: ${JSON.stringify(await problems(page))}`); });
		},
	},
	// The preview, the network panel and the HTML export (visual.ts).
	...visualChecks,
];

type Counts = { checked: number; wrong: number; unchecked: number };
type Wrong = { stated: string; code: string; messageIncludes: readonly string[]; line: number; character: number; status: Counts };

/**
 * The checks of one LaTeX file. `before` is what the status bar shows for the file open before it
 * when that is known in advance (undefined: read from the status bar as the file opens); the file's
 * own counts must differ from it, or the status check could pass on the old editor's text.
 */
function latexChecks(name: string, firstText: string, wrong: Wrong, before: Counts | undefined): Check[] {
	const want = statusFor(wrong.status);
	let previous = before ? statusFor(before) : undefined;
	return [
		{
			name: `${name} opens`,
			run: async ({ page }) => {
				previous ??= (await statusItems(page)).find((t) => statusBarPattern.test(t));
				await openFile(page, name, firstText);
			},
		},
		{
			name: `${name}: status bar item "${want}", its own counts`,
			run: async ({ page }) => {
				if (previous?.includes(want)) throw new Error(`the file before it also shows "${want}": the check could not tell them apart`);
				await until(`status bar "${want}"`, async () => (await statusItems(page)).find((t) => t.includes(want)), TIMEOUT.recheck)
					.catch(async (e: Error) => { throw new Error(`${e.message}; it shows ${JSON.stringify(await statusItems(page))}`); });
			},
		},
		{ name: `${name}: squiggle on ${wrong.stated}`, run: async ({ page }) => { await squiggleOn(page, wrong.stated, TIMEOUT.recheck); } },
		{ name: `${name}: Problems entry ${wrong.code} at ${problemsPosition(wrong)}`, run: async ({ page }) => { await problemRow(page, name, wrong.code, [...wrong.messageIncludes, problemsPosition(wrong)]); } },
	];
}

/** Runs every check of `list` (this file's, unless told), recording the outcome and a screenshot of each failure (`fail-<pass>NN.png`). */
export async function runChecks(c: Context, list: Check[] = checks, pass = ''): Promise<CheckResult[]> {
	const results: CheckResult[] = [];
	// E2E_ONLY=<regular expression> runs only the checks whose names match, to try one while working on it.
	const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
	for (const [i, chk] of list.entries()) {
		if (only && !only.test(chk.name)) continue;
		const t0 = Date.now();
		try {
			await chk.run(c);
			results.push({ name: chk.name, ok: true, ms: Date.now() - t0 });
			console.log(`  ✓ ${chk.name} (${Date.now() - t0} ms)`);
		} catch (e) {
			const screenshot = path.join(c.results, `fail-${pass}${String(i + 1).padStart(2, '0')}.png`);
			await c.page.screenshot({ path: screenshot }).catch(() => undefined);
			const error = (e as Error).message;
			results.push({ name: chk.name, ok: false, ms: Date.now() - t0, error, screenshot });
			console.log(`  ✗ ${chk.name} (${Date.now() - t0} ms)\n      ${error}\n      screenshot: ${path.relative(process.cwd(), screenshot)}`);
			await c.page.keyboard.press('Escape').catch(() => undefined);
		}
	}
	return results;
}
