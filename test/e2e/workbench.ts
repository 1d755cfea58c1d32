/**
 * Drives the VS Code web workbench the way a user does, through Debian's chromium and
 * playwright-core. Strategy: act with the keyboard and mouse (Quick Open, Ctrl+., hovering the
 * number), and observe only what is rendered (decorations, the Problems list, hover widgets,
 * the status bar, notification toasts); every wait polls the DOM with a timeout, none sleeps.
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { onCleanup } from './procs';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Box { x: number; y: number; width: number; height: number }

/** Launches chromium (closed at cleanup) and opens the workbench at `url`. */
export async function openWorkbench(url: string): Promise<{ browser: Browser; page: Page }> {
	const browser = await chromium.launch({
		executablePath: CHROMIUM, args: FLAGS, timeout: 60_000,
		handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
	});
	onCleanup('chromium', () => browser.close());
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
	const page = await context.newPage();
	page.setDefaultTimeout(30_000);
	await page.goto(url, { timeout: 60_000 });
	await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
	await page.locator('.statusbar').waitFor({ timeout: 60_000 });
	// the explorer shows the workspace once the remote file system answers
	await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
	return { browser, page };
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor to show text. */
export async function openFile(page: Page, name: string, firstText: string): Promise<Locator> {
	await page.keyboard.press('Control+P');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor({ state: 'visible' });
	await input.fill(name);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
	const editor = activeEditor(page);
	await editor.locator('.view-lines', { hasText: firstText }).waitFor();
	return editor;
}

/** The editor of the active editor group. */
export function activeEditor(page: Page): Locator {
	return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** Screen box of the `occurrence`-th rendering of `needle` in the editor's visible lines. */
export async function textBox(editor: Locator, needle: string, occurrence = 0): Promise<Box | null> {
	// Runs in the page: walks the text nodes of each rendered line (Monaco renders spaces as
	// U+00A0) and measures the needle with a DOM Range.
	return editor.locator('.view-lines').evaluate((lines, arg) => {
		const doc = lines.ownerDocument;
		let seen = 0;
		for (const line of Array.from(lines.querySelectorAll('.view-line'))) {
			const walker = doc.createTreeWalker(line, 4);
			const nodes = [];
			let text = '';
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				nodes.push({ node: n, start: text.length });
				text += (n.textContent ?? '').replace(/\u00a0/g, ' ');
			}
			let at = text.indexOf(arg.needle);
			while (at >= 0 && seen < arg.occurrence) {
				seen++;
				at = text.indexOf(arg.needle, at + 1);
			}
			if (at < 0) continue;
			const end = at + arg.needle.length;
			const range = doc.createRange();
			for (const { node, start } of nodes) {
				const len = (node.textContent ?? '').length;
				if (at >= start && at <= start + len) range.setStart(node, at - start);
				if (end >= start && end <= start + len) { range.setEnd(node, end - start); break; }
			}
			const r = range.getBoundingClientRect();
			return { x: r.left, y: r.top, width: r.width, height: r.height };
		}
		return null;
	}, { needle, occurrence });
}

/**
 * Boxes of the squiggles of one severity (`error`, `warning`, `info`, `hint`) currently drawn in the
 * editor. A squiggle removed while it is measured (the document was just re-checked) is skipped at
 * once, rather than waited for until playwright's timeout.
 */
export async function squiggles(editor: Locator, kind = 'error'): Promise<Box[]> {
	const all = editor.locator(`.view-overlays .squiggly-${kind}, .view-overlays .cdr.squiggly-${kind}`);
	const boxes: Box[] = [];
	for (const s of await all.all()) {
		const b = await s.boundingBox({ timeout: 500 }).catch(() => null);
		if (b && b.width > 0) boxes.push(b);
	}
	return boxes;
}

/** True when a squiggle overlaps `target` horizontally and sits on its line. */
export function covers(squiggle: Box, target: Box): boolean {
	const sameLine = Math.abs(squiggle.y + squiggle.height / 2 - (target.y + target.height / 2)) < target.height;
	const overlap = Math.min(squiggle.x + squiggle.width, target.x + target.width) - Math.max(squiggle.x, target.x);
	return sameLine && overlap >= Math.min(target.width, squiggle.width) * 0.6;
}

/** Polls `probe` until it returns a non-undefined value or `timeoutMs` passes. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const v = await probe();
			if (v !== undefined) return v;
		} catch (e) {
			last = e;
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** Runs a command from the Command Palette by its exact label. */
export async function runCommand(page: Page, label: string): Promise<void> {
	await page.keyboard.press('F1');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor({ state: 'visible' });
	await input.fill(`>${label}`);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
	await page.keyboard.press('Enter');
	await input.waitFor({ state: 'hidden' });
}

/** The Problems panel's rows (opened with Ctrl+Shift+M), as text. */
export async function problems(page: Page): Promise<string[]> {
	const panel = page.locator('.markers-panel');
	if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
	await panel.waitFor({ state: 'visible' });
	return panel.locator('.monaco-list-row').allInnerTexts();
}

/** Texts of error notifications on screen (toasts) and in the notification center. */
export async function errorNotifications(page: Page): Promise<string[]> {
	const rows = page.locator('.notification-list-item', { has: page.locator('.codicon-error') });
	return rows.allInnerTexts();
}

/** Texts of the status bar items. */
export async function statusItems(page: Page): Promise<string[]> {
	return page.locator('.statusbar .statusbar-item').allInnerTexts();
}
