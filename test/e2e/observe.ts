/**
 * The suite's higher-level observations of the workbench: a squiggle on a given number, a
 * Problems entry, the status bar item, choosing a Quick Fix. Strategy: poll rendered state with
 * bounded waits and, on failure, say what was seen instead (where the squiggles are, what the
 * Problems panel and the Quick Fix menu show).
 */
import type { Page } from 'playwright-core';
import { statusBarPattern, TIMEOUT } from './expect';
import { activeEditor, covers, problems, squiggles, statusItems, textBox, until, type Box } from './workbench';

/**
 * Waits for an error squiggle on the rendering of `stated`; returns its box. Before any squiggle
 * shows it waits up to `timeoutMs` (activation, server start); once squiggles show but none is on
 * the number, it fails after `TIMEOUT.settle`, saying where they are.
 */
export async function squiggleOn(page: Page, stated: string, timeoutMs: number): Promise<Box> {
	const editor = activeEditor(page);
	const deadline = Date.now() + timeoutMs;
	let firstSeen: number | undefined;
	let where = '';
	while (Date.now() < deadline) {
		const target = await textBox(editor, stated);
		const boxes = await squiggles(editor);
		const hit = target && boxes.find((s) => covers(s, target));
		if (hit) return hit;
		if (boxes.length > 0) {
			firstSeen ??= Date.now();
			const span = (b: Box) => `x ${Math.round(b.x)}–${Math.round(b.x + b.width)}, y ${Math.round(b.y)}`;
			where = `${boxes.length} error squiggle(s) at ${boxes.map(span).join('; ')}, but "${stated}" is at ${target ? span(target) : '(not rendered)'}`;
			if (Date.now() - firstSeen > TIMEOUT.settle) throw new Error(`no error squiggle on "${stated}": ${where}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for an error squiggle on "${stated}"${where ? `: ${where}` : ' (none shown)'}`);
}

/**
 * In the open Quick Fix menu, moves the keyboard focus to the action mentioning `text` and applies
 * it with Enter (a mouse click is swallowed by the menu's pointer block in the web workbench).
 */
export async function chooseAction(page: Page, text: string, beforeApply: () => Promise<unknown>): Promise<void> {
	const rows = page.locator('.action-widget .monaco-list-row');
	const wanted = page.locator('.action-widget .monaco-list-row.action', { hasText: text }).first();
	await wanted.waitFor({ timeout: TIMEOUT.ui }).catch(async (e: Error) => {
		throw new Error(`${e.message.split('\n')[0]}; the menu shows: ${JSON.stringify(await rows.allInnerTexts())}`);
	});
	const focused = page.locator('.action-widget .monaco-list-row.action.focused');
	for (let i = 0; i < 20 && !(await focused.innerText().catch(() => '')).includes(text); i++) await page.keyboard.press('ArrowDown');
	if (!(await focused.innerText()).includes(text)) throw new Error(`could not focus the action "${text}"`);
	await beforeApply();
	await page.keyboard.press('Enter');
	await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
}

/** Waits until the Problems panel has a row with `code` and every one of `includes`. */
export async function problemRow(page: Page, file: string, code: string, includes: readonly string[]): Promise<string> {
	let seen: string[] = [];
	try {
		return await until(`a Problems entry under ${file} with code ${code} and ${includes.join(', ')}`, async () => {
			seen = await problems(page);
			if (!seen.some((r) => r.includes(file))) return undefined;
			// a marker row reads "message / derivcheck / code / [Ln l, Col c]"; the source sits right before the code
			const sourceAndCode = new RegExp(`derivcheck\\W*${code}\\b`);
			return seen.find((r) => sourceAndCode.test(r) && includes.every((s) => r.includes(s)));
		}, TIMEOUT.ui);
	} catch (e) {
		throw new Error(`${(e as Error).message}; the panel shows: ${JSON.stringify(seen)}`);
	}
}

export async function statusText(page: Page): Promise<string> {
	return until('the status bar item matching ' + statusBarPattern, async () => (await statusItems(page)).find((t) => statusBarPattern.test(t)), TIMEOUT.firstDiagnostics);
}
