/**
 * A small heatmap as an SVG image for a hover. Editors render hover Markdown with images but
 * without HTML or math, so a layer is drawn as an `data:image/svg+xml;base64,…` URI: one square
 * per element, blue below zero, red above, white at zero, the element under the cursor outlined.
 *
 * Strategy: the image holds only shapes and colours we compute — no text, no names from the
 * document — so nothing a document writes can reach it. Colours are quantised to eight steps on
 * each side of zero (`level`: darker is further from zero) and every square of one colour is a subpath of one `<path>`, which keeps the
 * image a few kilobytes. It is bounded twice: at most `MAX_HEATMAP_PANELS` panels (channels or
 * kernels, side by side) and at most `MAX_HEATMAP_CELLS` squares, a bigger grid being drawn in
 * blocks of `step × step` elements, each square the mean of its block. No charting library draws
 * an SVG string without a DOM, and this one is forty lines of rectangles, so it is written here.
 */
import { MAX_HEATMAP_CELLS } from '../budgets';

/** One grid of values: a channel, a kernel, or a layer's roles as rows. */
export interface HeatmapPanel {
	readonly rows: number;
	readonly cols: number;
	/** The value at 0-based `row`, `col`; NaN where there is none. */
	at(row: number, col: number): number;
}

export interface HeatmapInput {
	readonly panels: readonly HeatmapPanel[];
	/** `rows`: each row coloured on its own scale (roles of different sizes); `all`: one scale for everything. */
	readonly scale: 'rows' | 'all';
	/** The element to outline: its panel and 0-based row and column. */
	readonly mark?: { readonly panel: number; readonly row: number; readonly col: number };
}

export interface Heatmap {
	readonly svg: string;
	/** The image as a data URI, for Markdown's `![…](…)`. */
	readonly uri: string;
	/** Elements per square side: 1 draws every element, 3 draws the mean of each 3 × 3 block. */
	readonly step: number;
	readonly width: number;
	readonly height: number;
}

const MAX_WIDTH = 240;
const MAX_HEIGHT = 72;
const LEVELS = 8;

/** Colours from zero (white) to the strongest, red for positive and blue for negative, ColorBrewer's RdBu ends. */
function colour(level: number): string {
	const t = Math.abs(level) / LEVELS;
	const [r, g, b] = level >= 0 ? [178, 24, 43] : [33, 102, 172];
	const mix = (c: number) => Math.round(247 + (c - 247) * t).toString(16).padStart(2, '0');
	return `#${mix(r)}${mix(g)}${mix(b)}`;
}

interface Scale {
	readonly lo: number;
	readonly hi: number;
}

/**
 * The colour step of `v`, −8 … 8. Values of both signs share one scale by their largest magnitude,
 * so zero is white; values all of one sign spread over steps 1 … 8 from the smallest magnitude to
 * the largest, so a layer of sigmoid outputs (all between 0 and 1) still shows which is larger.
 */
function level(v: number, s: Scale): number {
	if (s.lo < 0 && s.hi > 0) return Math.round((v / Math.max(-s.lo, s.hi)) * LEVELS);
	const sign = s.hi <= 0 && s.lo < 0 ? -1 : 1;
	const near = Math.min(Math.abs(s.lo), Math.abs(s.hi)), far = Math.max(Math.abs(s.lo), Math.abs(s.hi));
	if (far === 0) return 0;
	return sign * (far === near ? LEVELS : 1 + Math.round(((Math.abs(v) - near) / (far - near)) * (LEVELS - 1)));
}

function shown(p: HeatmapPanel, step: number): [number, number] {
	return [Math.ceil(p.rows / step), Math.ceil(p.cols / step)];
}

/** The smallest block side that keeps the squares within budget. */
function stepFor(panels: readonly HeatmapPanel[]): number {
	let step = 1;
	const cells = (s: number) => panels.reduce((n, p) => n + shown(p, s)[0] * shown(p, s)[1], 0);
	while (cells(step) > MAX_HEATMAP_CELLS) step = Math.max(step + 1, Math.floor(step * 1.25));
	return step;
}

/** The mean of the finite values in one block, NaN when it has none. */
function blockMean(p: HeatmapPanel, r0: number, c0: number, step: number): number {
	let sum = 0, n = 0;
	for (let r = r0; r < Math.min(p.rows, r0 + step); r++) {
		for (let c = c0; c < Math.min(p.cols, c0 + step); c++) {
			const v = p.at(r, c);
			if (Number.isFinite(v)) { sum += v; n++; }
		}
	}
	return n > 0 ? sum / n : NaN;
}

/**
 * The heatmap of `input`. `heatmap({panels: [{rows: 1, cols: 3, at: (r, c) => c - 1}], scale: 'all',
 * mark: {panel: 0, row: 0, col: 2}})` draws a blue, a white and a red square, the red one outlined.
 */
export function heatmap(input: HeatmapInput): Heatmap {
	const panels = input.panels.filter((p) => p.rows > 0 && p.cols > 0);
	const step = stepFor(panels);
	const dims = panels.map((p) => shown(p, step));
	const rows = Math.max(1, ...dims.map((d) => d[0]));
	const cols = dims.reduce((n, d) => n + d[1], 0) + Math.max(0, dims.length - 1);
	const size = Math.max(3, Math.min(18, Math.floor(MAX_WIDTH / Math.max(1, cols)), Math.floor(MAX_HEIGHT / rows)));
	const gap = Math.max(2, Math.floor(size / 2));
	const means = panels.map((p, i) => Array.from({ length: dims[i][0] }, (_, r) => Array.from({ length: dims[i][1] }, (_, c) => blockMean(p, r * step, c * step, step))));
	// The scale, per displayed row or over everything: its smallest and largest value.
	const scaleOf = (r: number): Scale => {
		const vs = means.flatMap((m) => (input.scale === 'rows' ? [m[r] ?? []] : m)).flat().filter(Number.isFinite);
		return { lo: Math.min(...vs), hi: Math.max(...vs) };
	};
	const scales = Array.from({ length: input.scale === 'rows' ? rows : 1 }, (_, r) => scaleOf(r));
	const paths = new Map<string, string[]>();
	let x0 = 0;
	let outline = '';
	means.forEach((m, i) => {
		m.forEach((row, r) => row.forEach((v, c) => {
			const fill = Number.isFinite(v) ? colour(level(v, scales[input.scale === 'rows' ? r : 0])) : '#999999';
			const list = paths.get(fill) ?? [];
			list.push(`M${x0 + c * size} ${r * size}h${size}v${size}h${-size}z`);
			paths.set(fill, list);
		}));
		const mk = input.mark;
		if (mk && mk.panel === input.panels.indexOf(panels[i])) {
			const x = x0 + Math.floor(mk.col / step) * size, y = Math.floor(mk.row / step) * size;
			outline = `<rect x="${x + 1}" y="${y + 1}" width="${size - 2}" height="${size - 2}" fill="none" stroke="#000" stroke-width="2"/>`
				+ `<rect x="${x + 2.5}" y="${y + 2.5}" width="${Math.max(0, size - 5)}" height="${Math.max(0, size - 5)}" fill="none" stroke="#fff" stroke-width="1"/>`;
		}
		x0 += dims[i][1] * size + gap;
	});
	const width = Math.max(size, x0 - gap), height = rows * size;
	const body = [...paths].map(([fill, d]) => `<path fill="${fill}" d="${d.join('')}"/>`).join('');
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" shape-rendering="crispEdges">${body}${outline}</svg>`;
	return { svg, uri: `data:image/svg+xml;base64,${btoa(svg)}`, step, width, height };
}
