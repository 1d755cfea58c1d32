/**
 * A whole layer at a glance, for hovers: pre-activation, output, ∂E/∂out and delta of every
 * element, as channel × row × column grids (1-D layers have one row per channel), with the ids
 * of the elements so a hover can mark the one under the cursor.
 */
import type { Network } from './network';
import { ids } from './quantity';
import type { Shape } from './spec';
import type { QuantityId } from './term';

export type Grid = number[][][];

export interface LayerTable {
	readonly layer: number;
	readonly name: string;
	readonly kind: string;
	readonly shape: Shape;
	readonly pre?: Grid;
	readonly out: Grid;
	readonly dout: Grid;
	readonly delta?: Grid;
	/** The id of the element at [channel][row][column] for a role. */
	id(role: 'pre' | 'out' | 'dout' | 'delta', channel: number, row: number, col: number): QuantityId;
}

function grid(a: Float64Array, s: Shape): Grid {
	const g: Grid = [];
	for (let c = 0; c < s.channels; c++) {
		const rows: number[][] = [];
		for (let r = 0; r < s.rows; r++) rows.push(Array.from(a.subarray((c * s.rows + r) * s.cols, (c * s.rows + r + 1) * s.cols)));
		g.push(rows);
	}
	return g;
}

/** The table of layer `l`; for the seed's CC layer, `out` is [[[0.646, 0.659, 0.673, 0.686]], [[0.411, …]]]. */
export function layerTable(net: Network, l: number): LayerTable {
	const L = net.layers[l], s = L.outShape;
	return {
		layer: l,
		name: net.layerName(l),
		kind: L.spec.kind,
		shape: s,
		pre: L.pre && grid(L.pre, s),
		out: grid(L.out, s),
		dout: grid(L.dout, s),
		delta: L.delta && grid(L.delta, s),
		id: (role, c, r, col) => ids.layer(l, role, (c * s.rows + r) * s.cols + col),
	};
}
