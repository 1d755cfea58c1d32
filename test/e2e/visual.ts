/**
 * The checks of what a user looks at rather than reads, on the network fixture: the Markdown
 * preview (the preview plugin's marks, in VS Code's own preview), the network panel (a heatmap
 * cell, and a click on it selecting the statement in the editor), and the HTML export (the file
 * it writes). Strategy: both are webviews, which the workbench draws in an `iframe.webview` with
 * the content in its inner `#active-frame`; each check finds the one webview whose content it
 * expects (the preview's `.markdown-body`, the panel's `#dc-root`) and waits on rendered state
 * only. The preview and the panel are closed at the end of their checks, so the checks after them
 * meet the editor as before; their screenshots go to the README.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { networkMd, TIMEOUT } from './expect';
import { activeEditor, runCommand, statusItems, until } from './workbench';

type Context = { page: Page; workspace: string; results: string };
type Check = { name: string; run: (c: Context) => Promise<void> };

/** The number the fixture computes right, which must carry no mark. */
const rightNumber = '0.3775';

/** The inner frame of the webview whose content matches `selector`, once it shows. */
async function webviewWith(page: Page, selector: string, timeoutMs: number): Promise<FrameLocator> {
	return until(`a webview showing ${selector}`, async () => {
		const frames = page.locator('iframe.webview');
		const n = await frames.count();
		for (let i = 0; i < n; i++) {
			const inner = page.frameLocator('iframe.webview').nth(i).frameLocator('#active-frame');
			if ((await inner.locator(selector).count()) > 0) return inner;
		}
		return undefined;
	}, timeoutMs);
}

function shot(c: Context, name: string): Promise<Buffer> {
	return c.page.screenshot({ path: path.join(c.results, 'readme', name) });
}

/**
 * Shows the network fixture in the first group. Quick Open lists recent files before it filters,
 * so Enter waits until the first row is the file (workbench.ts's `openFile` is for files not yet
 * opened).
 */
async function showNetworkFile(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.keyboard.press('Control+1');
	await page.keyboard.press('Control+P');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor({ state: 'visible', timeout: TIMEOUT.ui });
	await input.fill(networkMd.name);
	const first = page.locator('.quick-input-list .monaco-list-row').first();
	await until(`Quick Open's first row to be ${networkMd.name}`, async () => ((await first.innerText()).includes(networkMd.name) ? true : undefined), TIMEOUT.ui);
	await page.keyboard.press('Enter');
	await page.locator('.editor-group-container.active .tab.active', { hasText: networkMd.name }).first().waitFor({ timeout: TIMEOUT.ui });
	await activeEditor(page).locator('.view-lines', { hasText: networkMd.firstText }).waitFor({ timeout: TIMEOUT.ui });
}

/** Closes every editor of the second group (the preview or the panel) with its tab's close button, if there is such a group, and focuses the first. */
async function closeSecondGroup(page: Page): Promise<void> {
	const groups = page.locator('.editor-group-container');
	if ((await groups.count()) >= 2) {
		const close = groups.nth(1).locator('.tab .codicon-close');
		for (let n = await close.count(); n > 0; n--) await close.first().click({ force: true, timeout: TIMEOUT.ui });
		await until('one editor group left', async () => ((await groups.count()) < 2 ? true : undefined), TIMEOUT.ui);
	}
	await page.keyboard.press('Control+1');
}

/** Hides the bottom panel (Problems), so the screenshot shows the editor and the webview whole; the checks after reopen it as they need. */
async function hideBottomPanel(page: Page): Promise<void> {
	if (await page.locator('.part.panel.bottom').isVisible()) await page.keyboard.press('Control+J');
	await page.locator('.part.panel.bottom').waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
}

export const visualChecks: Check[] = [
	{
		name: `${networkMd.name}: the Markdown preview renders the math with KaTeX, a mark on ${networkMd.stated} and none on ${rightNumber}`,
		run: async (c) => {
			const { page } = c;
			await showNetworkFile(page);
			await hideBottomPanel(page);
			await runCommand(page, 'Markdown: Open Preview to the Side');
			try {
				await previewMarks(c);
			} finally {
				await closeSecondGroup(page);
			}
		},
	},
	{
		name: `${networkMd.name}: the network panel draws a heatmap cell for out_{h1} marked wrong, and a click on it selects ${networkMd.stated} in the editor`,
		run: async (c) => {
			const { page } = c;
			await showNetworkFile(page);
			await hideBottomPanel(page);
			await runCommand(page, 'derivcheck: Show Network');
			// On a loaded machine the command palette now and then swallows the command (seen once in
			// five runs: no webview at all); a second try tells that apart from a panel that never opens.
			if (!(await webviewWith(page, '#dc-root', TIMEOUT.ui).then(() => true, () => false))) {
				console.log('[e2e] the network panel did not open on the first try; running the command again');
				await showNetworkFile(page);
				await runCommand(page, 'derivcheck: Show Network');
			}
			try {
				await panelCell(c);
			} finally {
				await closeSecondGroup(page);
			}
		},
	},
	{
		name: `${networkMd.name}: Export Checked Document as HTML writes the report beside it, with its mark and KaTeX's fonts`,
		run: exportReport,
	},
];

/** The preview's marks: one on the wrong number, with its line and true value, none on the right one. */
async function previewMarks(c: Context): Promise<void> {
	const { page } = c;
	const preview = await webviewWith(page, '.markdown-body, body.vscode-body', TIMEOUT.ui);
	const mark = preview.locator('mark.dc-error[data-code="value"]', { hasText: networkMd.stated });
	await mark.first().waitFor({ timeout: TIMEOUT.recheck }).catch(async (e: Error) => {
		const marks = await preview.locator('mark').evaluateAll((ms) => ms.map((m) => m.outerHTML.slice(0, 200)));
		throw new Error(`${e.message}; marks in the preview: ${JSON.stringify(marks)}`);
	});
	// The preview re-renders whenever the document is re-checked, so everything below is read from one
	// snapshot of its DOM, taken once a render holds both the math and a mark.
	type Node = { textContent: string | null; getAttribute(name: string): string | null; querySelectorAll(s: string): ArrayLike<Node> };
	const snapshot = await until('a rendered preview with its marks', async () => {
		const s = await preview.locator('body').first().evaluate((body, right) => {
			const b = body as unknown as Node;
			const marks = Array.from(b.querySelectorAll('mark')).map((m) => ({ text: m.textContent ?? '', line: m.getAttribute('data-line'), title: m.getAttribute('title') ?? '', code: m.getAttribute('data-code') }));
			const katex = Array.from(b.querySelectorAll('.katex')).map((k) => k.textContent ?? '');
			return { marks, katex: katex.length, right: katex.some((t) => t.includes(right)) };
		}, rightNumber);
		return s.marks.length > 0 && s.katex > 0 ? s : undefined;
	}, TIMEOUT.ui);
	const wrong = snapshot.marks.filter((m) => m.code === 'value' && m.text.includes(networkMd.stated));
	if (wrong.length === 0) throw new Error(`no value mark on ${networkMd.stated}: ${JSON.stringify(snapshot.marks)}`);
	if (wrong[0].line !== String(networkMd.line + 1)) throw new Error(`the mark says line ${wrong[0].line}, the number is on line ${networkMd.line + 1}`);
	if (!wrong[0].title.includes(networkMd.expected)) throw new Error(`the mark's tooltip does not give the true value ${networkMd.expected}: ${wrong[0].title}`);
	const wrongOnes = snapshot.marks.filter((m) => m.text.includes(rightNumber));
	if (wrongOnes.length > 0) throw new Error(`a mark on the right number ${rightNumber}: ${JSON.stringify(snapshot.marks)}`);
	if (!snapshot.right) throw new Error(`${rightNumber} is not rendered by KaTeX in the preview`);
	if (snapshot.marks.length !== 1) throw new Error(`one mark expected (one finding), the preview has ${snapshot.marks.length}: ${JSON.stringify(snapshot.marks)}`);
	await mark.first().hover();
	await shot(c, 'preview.png');
}

/** The panel's cell for the wrong value, its tooltip, the diagram and formula, and a click that selects the number. */
async function panelCell(c: Context): Promise<void> {
	const { page } = c;
	const panel = await webviewWith(page, '#dc-root', TIMEOUT.ui);
	const cell = panel.locator('td.dc-cell.dc-wrong[data-id="L0:out:0"]');
	await cell.waitFor({ timeout: TIMEOUT.recheck }).catch(async (e: Error) => {
		throw new Error(`${e.message}; the panel shows: ${JSON.stringify((await panel.locator('#dc-root').innerText()).slice(0, 400))}`);
	});
	const title = (await cell.getAttribute('title')) ?? '';
	for (const s of ['out_{h1}', networkMd.stated, `line ${networkMd.line + 1}`]) if (!title.includes(s)) throw new Error(`the cell's tooltip lacks "${s}": ${title}`);
	if ((await panel.locator('.dc-diagram .dc-box').count()) < 3) throw new Error('no diagram of input, layer and loss');
	if ((await panel.locator('.dc-formula .katex').count()) === 0) throw new Error('the layer formula is not rendered by KaTeX');
	if ((await panel.locator('td.dc-cell.dc-wrong').count()) !== 1) throw new Error('one cell marked wrong expected');
	await panel.locator('#dc-layer-0 h2').scrollIntoViewIfNeeded();
	await shot(c, 'panel.png');
	await cell.click();
	// The selection is the number, the cursor at its end: the status bar says where and how much.
	const where = `Ln ${networkMd.line + 1}, Col ${networkMd.character + 1 + networkMd.stated.length} (${networkMd.stated.length} selected)`;
	await until(`the status bar showing "${where}"`, async () => (await statusItems(page)).find((t) => t.includes(where)), TIMEOUT.ui)
		.catch(async (e: Error) => { throw new Error(`${e.message}; it shows ${JSON.stringify(await statusItems(page))}`); });
}

/** The export: the save dialog proposes the file beside the document, and the page written has the mark and the fonts. */
async function exportReport({ page, workspace }: Context): Promise<void> {
	await showNetworkFile(page);
	const target = path.join(workspace, networkMd.name.replace(/\.md$/, '.html'));
	fs.rmSync(target, { force: true });
	await runCommand(page, 'derivcheck: Export Checked Document as HTML');
	// The web workbench's save dialog is a quick input holding the default path: accept it.
	const input = page.locator('.quick-input-widget input');
	await input.waitFor({ state: 'visible', timeout: TIMEOUT.ui });
	// The dialog fills in the folder first and the file name a moment later.
	await until('the save dialog proposing network.html beside the document', async () => ((await input.inputValue()).endsWith(`${path.basename(workspace)}/network.html`) ? true : undefined), TIMEOUT.ui)
		.catch(async (e: Error) => { throw new Error(`${e.message}; it proposes ${await input.inputValue()}`); });
	await page.keyboard.press('Enter');
	const html = await until(`${target} written`, async () => (fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined), TIMEOUT.ui);
	const mark = new RegExp(`<mark id="dc-0-0" class="dc-error" data-code="value" data-line="${networkMd.line + 1}"[^>]*>`);
	if (!mark.test(html)) throw new Error(`no value mark on line ${networkMd.line + 1} in the export`);
	if ((html.match(/<mark /g) ?? []).length !== 1) throw new Error('one mark expected in the export');
	if (!html.includes('data:font/woff2;base64,')) throw new Error('KaTeX\'s fonts are not embedded: the packaged server did not find its copy of KaTeX');
	await page.locator('.notifications-toasts', { hasText: 'derivcheck wrote' }).waitFor({ timeout: TIMEOUT.ui });
}
