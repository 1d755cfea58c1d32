/**
 * Draws a network view into the panel's page. Strategy: every node is made with `createElement`
 * and every string of the document or its block (layer names, element names, numbers as written,
 * messages) is set as `textContent` or an attribute value, never parsed as HTML; formulas and
 * names go through KaTeX with `trust: false` and small `maxSize`/`maxExpand`, and one that is too
 * long, or that KaTeX rejects, is shown as its text. The page holds: a header with the counts and a
 * legend, the diagram (one box per layer, arrows between, the shape each passes on), then per
 * layer its formula and one heatmap per table (channels side by side, rows down, columns across;
 * the value in the cell, the name, value and what the document states in its tooltip; a cell the
 * document states is marked by its verdict, and a click reveals the statement). Under each
 * heatmap the same values as a table, built when it is opened, so a big network costs its
 * heatmaps only.
 */
import katex from 'katex';
import type { CellView, GridView, LayerView, NetworkView } from '../../../core/index';
import type { ShowMessage } from '../messages';
import { fill, type PanelWords } from '../words';
import { el, type El } from './dom';
import { formatCell, heatColor, shapeText } from './format';

/** The most characters of LaTeX given to KaTeX at once; a longer formula is shown as text. */
const MAX_KATEX_CHARS = 4_000;
/** The widest table whose cells show their values (wider ones show colour only, the value in the tooltip). */
const MAX_LABELLED_COLS = 16;

export interface RenderContext {
	readonly message: ShowMessage;
	/** The panel's words, checked (`panelWords`). */
	readonly words: PanelWords;
	/** Asks the host to reveal a statement. */
	readonly reveal: (start: number, end: number) => void;
}

/** Renders LaTeX into `target` with KaTeX, or as text when it is too long or KaTeX rejects it. */
export function tex(target: El, latex: string, display = false): El {
	if (latex.length > MAX_KATEX_CHARS) {
		target.textContent = latex;
		return target;
	}
	try {
		katex.render(latex, target as never, { displayMode: display, throwOnError: true, trust: false, strict: 'ignore', maxSize: 20, maxExpand: 1000, output: 'html' });
	} catch {
		target.textContent = latex;
	}
	return target;
}

/** The tooltip of a cell: its name and value, and what the document states for it. */
function tooltip(c: CellView, w: PanelWords): string {
	const lines = [`${c.label} = ${formatCell(c.value)}${c.value !== null ? ` (${c.value})` : ''}`];
	if (c.stated) {
		const verdict = { wrong: w.verdictWrong, carried: w.verdictCarried, ok: w.verdictOk }[c.stated.verdict];
		lines.push(fill(w.states, c.stated.text, c.stated.line, verdict));
		if (c.stated.originLine) lines.push(fill(w.startsOn, c.stated.originLine));
		if (c.stated.message) lines.push(c.stated.message);
		lines.push(w.clickToReveal);
	}
	return lines.join('\n');
}

function cellElement(c: CellView, g: GridView, ctx: RenderContext, highlight: string | undefined): El {
	const td = el('td', 'dc-cell');
	td.dataset.id = c.id;
	td.style.backgroundColor = heatColor(c.value, g.min, g.max);
	td.setAttribute('title', tooltip(c, ctx.words));
	if (g.cols <= MAX_LABELLED_COLS) td.appendChild(el('span', 'dc-value', formatCell(c.value)));
	if (c.stated) {
		td.classList.add('dc-stated', `dc-${c.stated.verdict}`);
		td.dataset.verdict = c.stated.verdict;
		if (c.stated.verdict !== 'ok' && g.cols <= MAX_LABELLED_COLS) td.appendChild(el('span', 'dc-doc', c.stated.text));
		const { start, end } = c.stated.span;
		td.tabIndex = 0;
		td.setAttribute('role', 'button');
		td.addEventListener('click', () => ctx.reveal(start, end));
		td.addEventListener('keydown', (e) => {
			if (e.key === 'Enter' || e.key === ' ') {
				e.preventDefault();
				ctx.reveal(start, end);
			}
		});
	}
	if (c.id === highlight) td.classList.add('dc-highlight');
	return td;
}

/** One heatmap: a small table per channel, rows down, columns across. */
function heatmap(g: GridView, ctx: RenderContext, highlight: string | undefined): El {
	const box = el('div', 'dc-heatmap');
	const cells = g.cells ?? [];
	for (let ch = 0; ch < g.channels; ch++) {
		const table = el('table', 'dc-channel');
		if (g.channels > 1) table.appendChild(el('caption', undefined, fill(ctx.words.channel, ch + 1)));
		for (let r = 0; r < g.rows; r++) {
			const tr = table.appendChild(el('tr'));
			for (let c = 0; c < g.cols; c++) {
				const cell = cells[(ch * g.rows + r) * g.cols + c];
				if (cell) tr.appendChild(cellElement(cell, g, ctx, highlight));
			}
		}
		box.appendChild(table);
	}
	return box;
}

/** The values of a table as rows: name, position, true value, stated value and verdict, line. */
function valueTable(g: GridView, ctx: RenderContext): El {
	const table = el('table', 'dc-values');
	const head = table.appendChild(el('tr'));
	const w = ctx.words;
	for (const h of [w.columnName, w.columnPosition, w.columnNetwork, w.columnDocument, w.columnVerdict, w.columnLine]) head.appendChild(el('th', undefined, h));
	(g.cells ?? []).forEach((c, j) => {
		const tr = table.appendChild(el('tr'));
		tex(tr.appendChild(el('td', 'dc-name')), c.label);
		const ch = Math.floor(j / (g.rows * g.cols)), r = Math.floor(j / g.cols) % g.rows, col = j % g.cols;
		tr.appendChild(el('td', undefined, [g.channels > 1 ? ch + 1 : undefined, g.rows > 1 ? r + 1 : undefined, col + 1].filter((x) => x !== undefined).join(', ')));
		tr.appendChild(el('td', 'dc-num', formatCell(c.value)));
		tr.appendChild(el('td', 'dc-num', c.stated?.text ?? ''));
		const verdict = tr.appendChild(el('td', c.stated ? `dc-verdict dc-${c.stated.verdict}` : undefined, c.stated ? { wrong: w.cellWrong, carried: w.cellCarried, ok: w.cellOk }[c.stated.verdict] : ''));
		if (c.stated?.message) verdict.setAttribute('title', c.stated.message);
		const line = tr.appendChild(el('td'));
		if (c.stated) {
			const { start, end } = c.stated.span;
			const button = line.appendChild(el('button', 'dc-link', String(c.stated.line)));
			button.setAttribute('title', w.revealInEditor);
			button.addEventListener('click', () => ctx.reveal(start, end));
		}
	});
	return table;
}

function gridSection(g: GridView, ctx: RenderContext, highlight: string | undefined): El {
	const box = el('div', 'dc-grid');
	box.dataset.role = g.role;
	const title = box.appendChild(el('h3', undefined, g.title));
	title.appendChild(el('span', 'dc-shape', ` ${shapeText(g)}`));
	if (!g.cells) {
		box.appendChild(el('p', 'dc-note', g.omitted ?? ''));
		return box;
	}
	box.appendChild(el('p', 'dc-range', fill(ctx.words.range, formatCell(g.min), formatCell(g.max))));
	box.appendChild(heatmap(g, ctx, highlight));
	const details = box.appendChild(el('details', 'dc-table'));
	details.appendChild(el('summary', undefined, ctx.words.tableOfValues));
	let built = false;
	const build = () => {
		if (built) return;
		built = true;
		details.appendChild(valueTable(g, ctx));
	};
	details.addEventListener('toggle', build);
	if (highlight && g.cells.some((c) => c.id === highlight)) {
		details.open = true;
		build();
	}
	return box;
}

function layerTitle(l: LayerView): string {
	return `${l.name} — ${l.kind}${l.activation && l.activation !== 'linear' ? `, ${l.activation}` : ''}`;
}

/** The diagram: input, one box per layer, loss; each arrow labelled with the shape it carries. */
function diagram(v: NetworkView, w: PanelWords): El {
	const box = el('nav', 'dc-diagram');
	box.setAttribute('aria-label', w.diagram);
	const node = (title: string, detail: string, target: string, wrong: boolean) => {
		const a = box.appendChild(el('button', `dc-box${wrong ? ' dc-box-wrong' : ''}`));
		a.appendChild(el('span', 'dc-box-title', title));
		a.appendChild(el('span', 'dc-box-detail', detail));
		a.addEventListener('click', () => root().querySelector(`#${target}`)?.scrollIntoView({ block: 'start' }));
	};
	const arrow = (shape: string) => {
		const a = box.appendChild(el('span', 'dc-arrow'));
		a.appendChild(el('span', 'dc-arrow-shape', shape));
		a.appendChild(el('span', 'dc-arrow-head', '→'));
	};
	const wrongIn = (grids: readonly GridView[]) => grids.some((g) => g.cells?.some((c) => c.stated?.verdict === 'wrong'));
	node(w.input, shapeText(v.input), 'dc-input', wrongIn([v.input]));
	for (const l of v.layers) {
		arrow(shapeText(l.inShape));
		node(l.name, `${l.kind}${l.activation && l.activation !== 'linear' ? ` · ${l.activation}` : ''}`, `dc-layer-${l.index}`, wrongIn(l.grids));
	}
	arrow(shapeText(v.layers[v.layers.length - 1]?.outShape ?? v.input));
	node(w.loss, v.loss.kind.replace(/_/g, ' '), 'dc-loss', v.loss.cell.stated?.verdict === 'wrong');
	return box;
}

function header(m: ShowMessage, v: NetworkView, w: PanelWords): El {
	const h = el('header', 'dc-header');
	h.appendChild(el('h1', undefined, v.networks > 1 ? fill(w.networkOfMany, m.name, v.network + 1, v.networks) : fill(w.networkOf, m.name)));
	h.appendChild(el('p', 'dc-summary', fill(w.summary, v.stated, v.wrong, v.carried)));
	const legend = h.appendChild(el('p', 'dc-legend'));
	for (const [cls, text] of [['dc-wrong', w.legendWrong], ['dc-carried', w.legendCarried], ['dc-ok', w.legendOk], ['dc-neg', w.legendNegative], ['dc-pos', w.legendPositive]]) {
		const item = legend.appendChild(el('span', 'dc-legend-item'));
		item.appendChild(el('span', `dc-swatch ${cls}`));
		item.appendChild(el('span', undefined, text));
	}
	return h;
}

let rootElement: El | undefined;
function root(): El {
	return rootElement!;
}

/** Draws `ctx.message` into `target`, replacing what was there; returns the highlighted cell, if any. */
export function render(target: El, ctx: RenderContext): El | undefined {
	rootElement = target;
	const m = ctx.message;
	const w = ctx.words;
	const v = m.view;
	if (!v) {
		target.replaceChildren(el('p', 'dc-note', m.uri ? fill(w.noNetwork, m.name) : w.noDocument));
		return undefined;
	}
	const highlight = v.highlight;
	const parts: El[] = [header(m, v, w), diagram(v, w)];
	const io = el('section', 'dc-layer');
	io.setAttribute('id', 'dc-input');
	io.appendChild(el('h2', undefined, w.inputAndTarget));
	io.appendChild(gridSection(v.input, ctx, highlight));
	io.appendChild(gridSection(v.target, ctx, highlight));
	parts.push(io);
	for (const l of v.layers) {
		const s = el('section', 'dc-layer');
		s.setAttribute('id', `dc-layer-${l.index}`);
		const h = s.appendChild(el('h2', undefined, layerTitle(l)));
		h.appendChild(el('span', 'dc-shape', ` ${shapeText(l.inShape)} → ${shapeText(l.outShape)}`));
		if (l.formula) tex(s.appendChild(el('div', 'dc-formula')), l.formula, true);
		for (const g of l.grids) s.appendChild(gridSection(g, ctx, highlight));
		parts.push(s);
	}
	const loss = el('section', 'dc-layer');
	loss.setAttribute('id', 'dc-loss');
	loss.appendChild(el('h2', undefined, fill(w.lossOf, v.loss.kind.replace(/_/g, ' '))));
	const lossGrid: GridView = { role: 'out', title: 'E', channels: 1, rows: 1, cols: 1, min: v.loss.cell.value ?? 0, max: v.loss.cell.value ?? 0, cells: [v.loss.cell] };
	loss.appendChild(heatmap(lossGrid, ctx, highlight));
	parts.push(loss);
	target.replaceChildren(...parts);
	return highlight ? target.querySelector(`td.dc-highlight`) ?? undefined : undefined;
}
