/**
 * Opening an editor hover on a number and measuring what VS Code shows of it. Strategy: the mouse
 * comes from outside the number and rests on the part of the text box that is the number, as a
 * user's pointer would; the hover is then read in the page: each part's text in order, its
 * images, and the heights that say whether it fits (the content's scroll height against the
 * height its scrollable container shows).
 */
import type { Page } from 'playwright-core';
import { TIMEOUT } from './expect';
import { until, type Box } from './workbench';

/** The visible editor hover, as playwright sees it. */
export function visibleHover(page: Page) {
	return page.locator('.monaco-hover').filter({ visible: true });
}

/**
 * Rests the mouse on the characters `from`…`from + length` of the text measured as `box` (a
 * monospace rendering, so each character is box.width / chars wide) and waits for a hover whose
 * text includes every one of `includes`; returns that text.
 */
export async function hoverOn(page: Page, box: Box, chars: number, from: number, length: number, includes: readonly string[]): Promise<string> {
	const per = box.width / chars;
	const x = box.x + per * (from + length / 2);
	const y = box.y + box.height / 2;
	await page.mouse.move(x - 40, y - 40);
	await page.mouse.move(x, y, { steps: 4 });
	const hover = visibleHover(page);
	return until(`a hover with ${includes.join(', ')}`, async () => (await hover.allInnerTexts()).find((t) => includes.every((s) => t.includes(s))), TIMEOUT.ui)
		.catch(async (e: Error) => { throw new Error(`${e.message}; visible hovers: ${JSON.stringify(await hover.allInnerTexts())}`); });
}

export interface HoverLayout {
	/** The hover's box on screen. */
	width: number;
	height: number;
	/** The scrollable content's full height and the height of it that shows. */
	scrollHeight: number;
	clientHeight: number;
	/** The text of each hover part (a diagnostic, a Markdown hover, the status bar of actions), in the order shown, and its height. */
	parts: string[];
	partHeights: number[];
	/** The images of the hover: their source's start and natural size, once loaded. */
	images: { src: string; naturalWidth: number; naturalHeight: number; complete: boolean }[];
}

/** Measures the visible editor hover. */
export async function hoverLayout(page: Page): Promise<HoverLayout> {
	// The project compiles without the DOM's types: the few properties read here are typed by hand.
	type Sized = { scrollHeight: number; clientHeight: number; innerText: string; closest(s: string): unknown; getBoundingClientRect(): { height: number } };
	type Image = { src: string; naturalWidth: number; naturalHeight: number; complete: boolean };
	return visibleHover(page).first().evaluate((hover) => {
		const content = hover.querySelector('.monaco-hover-content') as Sized | null;
		const scrollable = (content?.closest('.monaco-scrollable-element') as Sized | null) ?? content;
		const r = hover.getBoundingClientRect();
		const rows = (Array.from(hover.querySelectorAll('.hover-row')) as unknown as Sized[]).filter((p) => p.innerText.trim().length > 0);
		return {
			width: Math.round(r.width),
			height: Math.round(r.height),
			scrollHeight: content?.scrollHeight ?? 0,
			clientHeight: Math.min(content?.clientHeight ?? 0, scrollable?.clientHeight ?? 0),
			parts: rows.map((p) => p.innerText.trim()),
			partHeights: rows.map((p) => Math.round(p.getBoundingClientRect().height)),
			images: (Array.from(hover.querySelectorAll('img')) as unknown as Image[]).map((i) => ({
				src: i.src.slice(0, 40), naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight, complete: i.complete,
			})),
		};
	});
}
