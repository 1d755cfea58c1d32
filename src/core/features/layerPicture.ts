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

export interface LayerPicture extends HeatmapInput {
	/** Markdown: what the rows, columns and panels are, and which element is outlined (without the block note). */
	readonly caption: string;
}

const ROLE_WORDS = { pre: 'pre-activations', out: 'outputs', dout: '∂E/∂out', delta: 'deltas' } as const;
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

function layerPicture(net: Network, L: LayerState, role: LayerRole, index: number, label: string): LayerPicture | undefined {
	const s = L.outShape;
	const name = mdCode(net.layerName(L.index));
	const values = L[role];
	if (!values) return undefined;
	const outlined = `${mdCode(label)} outlined`;
	if (s.rows === 1 && s.channels === 1) {
		const roles = (['pre', 'out', 'dout', 'delta'] as const).filter((r) => L[r]);
		return {
			panels: [panel(roles.length, s.cols, (r, c) => L[roles[r]]![c])],
			scale: 'rows',
			mark: { panel: 0, row: roles.indexOf(role), col: index },
			caption: `Layer ${name}: a row each for its ${roles.map((r) => ROLE_WORDS[r]).join(', ')}; a column per unit (${range(s.cols)}); each row on its own scale, blue below zero, red above; ${outlined}.`,
		};
	}
	const per = s.rows * s.cols;
	const channel = Math.floor(index / per), within = index % per;
	if (s.rows === 1) {
		return {
			panels: [panel(s.channels, s.cols, (r, c) => values[r * s.cols + c])],
			scale: 'all',
			mark: { panel: 0, row: channel, col: within },
			caption: `Layer ${name}, its ${ROLE_WORDS[role]}: a row per channel (${range(s.channels)}), a column per position (${range(s.cols)}); blue below zero, red above; ${outlined}.`,
		};
	}
	const chosen = choosePanels(s.channels, channel, (c) => panel(s.rows, s.cols, (r, x) => values[c * per + r * s.cols + x]));
	const which = chosen.only ? `channel ${channel + 1} of ${s.channels}` : s.channels > 1 ? `channels ${range(s.channels)} side by side` : 'one channel';
	return {
		panels: chosen.panels,
		scale: 'all',
		mark: { panel: chosen.mark, row: Math.floor(within / s.cols), col: within % s.cols },
		caption: `Layer ${name}, its ${ROLE_WORDS[role]} (${which}): rows and columns of the ${s.rows} × ${s.cols} feature map; blue below zero, red above; ${outlined}.`,
	};
}

function paramPicture(net: Network, L: LayerState, kind: 'w' | 'b', what: 'param' | 'grad' | 'updated', index: number, label: string): LayerPicture | undefined {
	const p = kind === 'w' ? L.weights : L.bias;
	if (!p) return undefined;
	const values = what === 'grad' ? p.grad : what === 'updated' ? p.updated : p.value;
	const name = mdCode(net.layerName(L.index));
	const words = what === 'grad' ? ', their gradients' : what === 'updated' ? ', after the update' : '';
	const tail = `blue below zero, red above; ${mdCode(label)} outlined.`;
	const spec = L.spec;
	if (kind === 'b' || (spec.kind !== 'dense' && spec.kind !== 'conv')) {
		const per = values.length === 1 ? 'one bias shared by every unit' : `a column per ${spec.kind === 'conv' ? 'kernel' : 'unit'} (${range(values.length)})`;
		return { panels: [panel(1, values.length, (_, c) => values[c])], scale: 'all', mark: { panel: 0, row: 0, col: index }, caption: `Layer ${name}, its biases${words}: ${per}; ${tail}` };
	}
	if (spec.kind === 'dense') {
		const inputs = values.length / spec.units;
		return {
			panels: [panel(spec.units, inputs, (r, c) => values[r * inputs + c])],
			scale: 'all',
			mark: { panel: 0, row: Math.floor(index / inputs), col: index % inputs },
			caption: `Layer ${name}, its weights${words}: a row per unit (${range(spec.units)}), a column per input (${range(inputs)}); ${tail}`,
		};
	}
	const size = spec.kh * spec.kw, kernels = spec.outChannels * spec.inChannels;
	const k = Math.floor(index / size), within = index % size;
	const of = spec.inChannels > 1 ? `${spec.outChannels} kernels × ${spec.inChannels} input channels` : spec.outChannels === 1 ? 'one kernel' : `${spec.outChannels} kernels`;
	if (spec.kh === 1) {
		return {
			panels: [panel(kernels, spec.kw, (r, c) => values[r * spec.kw + c])],
			scale: 'all',
			mark: { panel: 0, row: k, col: within },
			caption: `Layer ${name}, its kernels${words}: a row per kernel${spec.inChannels > 1 ? ' and input channel' : ''} (${of}), a column per element (${range(spec.kw)}); ${tail}`,
		};
	}
	const chosen = choosePanels(kernels, k, (i) => panel(spec.kh, spec.kw, (r, c) => values[i * size + r * spec.kw + c]));
	return {
		panels: chosen.panels,
		scale: 'all',
		mark: { panel: chosen.mark, row: Math.floor(within / spec.kw), col: within % spec.kw },
		caption: `Layer ${name}, its kernels${words} (${chosen.only ? `kernel ${k + 1} of ${kernels}` : kernels === 1 ? of : `${of}, side by side`}): rows and columns of the ${spec.kh} × ${spec.kw} kernel; ${tail}`,
	};
}

/**
 * The picture for a quantity, or undefined for one with no grid (the loss, a target, the learning
 * rate). For `L0:out:2` of a one-channel 1-D layer: one panel of four rows (pre-activations,
 * outputs, ∂E/∂out, deltas) by its units, the third column of the outputs' row marked.
 */
export function pictureOf(net: Network, id: QuantityId, label: string): LayerPicture | undefined {
	const p = parseId(id);
	if (!p || p.layer < 0) return undefined;
	const L = net.layers[p.layer];
	if (!L) return undefined;
	if (p.param) return paramPicture(net, L, p.param, p.role as 'param' | 'grad' | 'updated', p.index, label);
	if (p.role in ROLE_WORDS) return layerPicture(net, L, p.role as LayerRole, p.index, label);
	return undefined;
}
