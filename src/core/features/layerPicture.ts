/**
 * Which grid a hover draws for a quantity, and the caption that says what its rows and columns
 * are. A quantity of a one-channel 1-D layer shows the whole layer, a row each for its
 * pre-activations, outputs, ∂E/∂out and deltas (each on its own scale, since they differ by orders
 * of magnitude); a quantity of a layer with channels or rows shows its own role (the outputs, or
 * the deltas, …), a row per channel for 1-D layers, a panel per channel side by side for 2-D ones;
 * a parameter shows its tensor: dense weights as units × inputs, kernels a row (1-D) or a panel
 * (2-D) each, biases as one row. Values are read from the run's typed arrays, never copied whole.
 * Layer names come from the block, so the caption quotes them through `markdown.ts`.
 */
import { MAX_HEATMAP_PANELS } from '../budgets';
import { parseId, type Network, type QuantityId } from '../engine/index';
import type { LayerState } from '../engine/run';
import type { HeatmapInput, HeatmapPanel } from './heatmap';
import { mdCode } from './markdown';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';

export interface LayerPicture extends HeatmapInput {
	/** Markdown: what the rows, columns and panels are, and which element is outlined (without the block note). */
	readonly caption: string;
}

const ROLE_WORDS = { pre: 'picture.role.pre', out: 'picture.role.out', dout: 'picture.role.dout', delta: 'picture.role.delta' } as const;
type LayerRole = keyof typeof ROLE_WORDS;

function panel(rows: number, cols: number, at: (r: number, c: number) => number): HeatmapPanel {
	return { rows, cols, at };
}

/** `1–6`, or `1` for one. */
function range(n: number): string {
	return n === 1 ? '1' : `1–${n}`;
}

/** Panels `0 … n-1` drawn side by side, or only the marked one when there are too many. */
function choosePanels(n: number, markPanel: number, make: (i: number) => HeatmapPanel): { panels: HeatmapPanel[]; mark: number; only: boolean } {
	if (n <= MAX_HEATMAP_PANELS) return { panels: Array.from({ length: n }, (_, i) => make(i)), mark: markPanel, only: false };
	return { panels: [make(markPanel)], mark: 0, only: true };
}

function layerPicture(net: Network, L: LayerState, role: LayerRole, index: number, label: string, locale?: Locale): LayerPicture | undefined {
	const s = L.outShape;
	const name = mdCode(net.layerName(L.index));
	const values = L[role];
	if (!values) return undefined;
	const colours = message('picture.colours', { label: mdCode(label) }, locale);
	const roleWords = (r: LayerRole) => message(ROLE_WORDS[r], {}, locale);
	if (s.rows === 1 && s.channels === 1) {
		const roles = (['pre', 'out', 'dout', 'delta'] as const).filter((r) => L[r]);
		return {
			panels: [panel(roles.length, s.cols, (r, c) => L[roles[r]]![c])],
			scale: 'rows',
			mark: { panel: 0, row: roles.indexOf(role), col: index },
			caption: message('picture.units', { name, roles: roles.map(roleWords).join(message('picture.listSeparator', {}, locale)), range: range(s.cols), colours }, locale),
		};
	}
	const per = s.rows * s.cols;
	const channel = Math.floor(index / per), within = index % per;
	if (s.rows === 1) {
		return {
			panels: [panel(s.channels, s.cols, (r, c) => values[r * s.cols + c])],
			scale: 'all',
			mark: { panel: 0, row: channel, col: within },
			caption: message('picture.channels', { name, role: roleWords(role), channels: range(s.channels), positions: range(s.cols), colours }, locale),
		};
	}
	const chosen = choosePanels(s.channels, channel, (c) => panel(s.rows, s.cols, (r, x) => values[c * per + r * s.cols + x]));
	const which = chosen.only ? message('picture.oneOf', { channel: channel + 1, count: s.channels }, locale) : s.channels > 1 ? message('picture.sideBySide', { range: range(s.channels) }, locale) : message('picture.oneChannel', {}, locale);
	return {
		panels: chosen.panels,
		scale: 'all',
		mark: { panel: chosen.mark, row: Math.floor(within / s.cols), col: within % s.cols },
		caption: message('picture.maps', { name, role: roleWords(role), which, rows: s.rows, cols: s.cols, colours }, locale),
	};
}

function paramPicture(net: Network, L: LayerState, kind: 'w' | 'b', what: 'param' | 'grad' | 'updated', index: number, label: string, locale?: Locale): LayerPicture | undefined {
	const p = kind === 'w' ? L.weights : L.bias;
	if (!p) return undefined;
	const values = what === 'grad' ? p.grad : what === 'updated' ? p.updated : p.value;
	const name = mdCode(net.layerName(L.index));
	const words = what === 'grad' ? message('picture.grads', {}, locale) : what === 'updated' ? message('picture.updated', {}, locale) : '';
	const colours = message('picture.colours', { label: mdCode(label) }, locale);
	const spec = L.spec;
	if (kind === 'b' || (spec.kind !== 'dense' && spec.kind !== 'conv')) {
		const per = values.length === 1 ? message('picture.sharedBias', {}, locale) : message(spec.kind === 'conv' ? 'picture.perKernel' : 'picture.perUnit', { range: range(values.length) }, locale);
		return { panels: [panel(1, values.length, (_, c) => values[c])], scale: 'all', mark: { panel: 0, row: 0, col: index }, caption: message('picture.biases', { name, words, per, colours }, locale) };
	}
	if (spec.kind === 'dense') {
		const inputs = values.length / spec.units;
		return {
			panels: [panel(spec.units, inputs, (r, c) => values[r * inputs + c])],
			scale: 'all',
			mark: { panel: 0, row: Math.floor(index / inputs), col: index % inputs },
			caption: message('picture.weights', { name, words, units: range(spec.units), inputs: range(inputs), colours }, locale),
		};
	}
	const size = spec.kh * spec.kw, kernels = spec.outChannels * spec.inChannels;
	const k = Math.floor(index / size), within = index % size;
	const of = spec.inChannels > 1 ? message('picture.kernelsBy', { kernels: spec.outChannels, inputs: spec.inChannels }, locale) : spec.outChannels === 1 ? message('picture.oneKernel', {}, locale) : message('picture.kernels', { kernels: spec.outChannels }, locale);
	if (spec.kh === 1) {
		return {
			panels: [panel(kernels, spec.kw, (r, c) => values[r * spec.kw + c])],
			scale: 'all',
			mark: { panel: 0, row: k, col: within },
			caption: message(spec.inChannels > 1 ? 'picture.kernelChannelRows' : 'picture.kernelRows', { name, words, of, range: range(spec.kw), colours }, locale),
		};
	}
	const chosen = choosePanels(kernels, k, (i) => panel(spec.kh, spec.kw, (r, c) => values[i * size + r * spec.kw + c]));
	return {
		panels: chosen.panels,
		scale: 'all',
		mark: { panel: chosen.mark, row: Math.floor(within / spec.kw), col: within % spec.kw },
		caption: message('picture.kernelMaps', { name, words, which: chosen.only ? message('picture.kernelOf', { kernel: k + 1, count: kernels }, locale) : kernels === 1 ? of : message('picture.kernelsSide', { of }, locale), rows: spec.kh, cols: spec.kw, colours }, locale),
	};
}

/**
 * The picture for a quantity, or undefined for one with no grid (the loss, a target, the learning
 * rate). For `L0:out:2` of a one-channel 1-D layer: one panel of four rows (pre-activations,
 * outputs, ∂E/∂out, deltas) by its units, the third column of the outputs' row marked.
 */
export function pictureOf(net: Network, id: QuantityId, label: string, locale?: Locale): LayerPicture | undefined {
	const p = parseId(id);
	if (!p || p.layer < 0) return undefined;
	const L = net.layers[p.layer];
	if (!L) return undefined;
	if (p.param) return paramPicture(net, L, p.param, p.role as 'param' | 'grad' | 'updated', p.index, label, locale);
	if (p.role in ROLE_WORDS) return layerPicture(net, L, p.role as LayerRole, p.index, label, locale);
	return undefined;
}
