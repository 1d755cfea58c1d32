/**
 * The textbook reader (DESIGN 2.3 "Layer superscripts"): `z^{(l)}_j`, `a^{(l)}_j`, `\delta^{(l)}_j`,
 * `W^{(l)}_{jk}`, `b^{(l)}_j` as Ng, CS229 and d2l write them, `^{[l]}` alike, Ng's gradients
 * `dz^{[l]}`, `da^{[l]}`, `dW^{[l]}`, `db^{[l]}`, and his vectorized capitals `Z^{[l]}`, `A^{[l]}`,
 * `dZ^{[l]}` for one example. The layer index l counts the layers with parameters (conv, dense)
 * from 1 in block order; a pool, flatten or activation layer belongs to the layer
 * before it, so `a^{(l)}` is the output of layer l's own activation, wherever the block puts it;
 * `a^{(0)}` is the input and `^{(L)}` the last layer. `W^{(l)}_{jk}` is the weight from unit k of
 * the layer before to unit j (the block's out × in order). A name without an element index means
 * the whole vector, which is one quantity only when the layer has one unit.
 *
 * The reader returns candidates, never a choice: the resolver settles them with every other reading.
 */
import type { Network } from './network';
import { ids } from './quantity';
import type { QuantityId } from './term';

interface TextbookName {
	readonly base: string;
	readonly layer?: string;
	readonly sub: string;
	readonly updated: boolean;
}

/** The block's layer indices, grouped by textbook layer: `groups[0]` holds the first conv or dense layer and the layers after it up to the next one. */
function groups(net: Network): number[][] {
	const hit = net.memo.get('textbook-groups') as number[][] | undefined;
	if (hit) return hit;
	const out: number[][] = [];
	net.layers.forEach((L, l) => {
		if (L.spec.kind === 'conv' || L.spec.kind === 'dense') out.push([l]);
		else if (out.length > 0) out[out.length - 1].push(l);
	});
	net.memo.set('textbook-groups', out);
	return out;
}

/** The element index a subscript names, 0-based, for a vector of `n`: `'2'` → 1; `''` → 0 when n is 1. */
export function unit(sub: string, n: number): number | undefined {
	if (sub === '') return n === 1 ? 0 : undefined;
	if (!/^\d+$/.test(sub)) return undefined;
	const j = Number(sub) - 1;
	return j >= 0 && j < n ? j : undefined;
}

/** The (row, column) a weight subscript names: `'12'` (single digits), `'1,2'`, or `''` for a 1 × 1 matrix. */
function entry(sub: string, rows: number, cols: number): [number, number] | undefined {
	let j: number, k: number;
	if (sub === '') return rows === 1 && cols === 1 ? [0, 0] : undefined;
	const comma = /^(\d+),(\d+)$/.exec(sub);
	if (comma) [j, k] = [Number(comma[1]), Number(comma[2])];
	else if (/^\d\d$/.test(sub) && rows < 10 && cols < 10) [j, k] = [Number(sub[0]), Number(sub[1])];
	else return undefined;
	return j >= 1 && j <= rows && k >= 1 && k <= cols ? [j - 1, k - 1] : undefined;
}

const ROLES: Record<string, 'pre' | 'out' | 'delta' | 'w' | 'b' | 'dpre' | 'dout' | 'dw' | 'db'> = {
	z: 'pre', a: 'out', h: 'out', delta: 'delta', W: 'w', w: 'w', b: 'b',
	dz: 'dpre', da: 'dout', dW: 'dw', dw: 'dw', db: 'db',
	// Ng's vectorized capitals, one training example: Z^{[l]}, A^{[l]}, dZ^{[l]}, dA^{[l]}.
	Z: 'pre', A: 'out', dZ: 'dpre', dA: 'dout',
};

/**
 * The quantities a layer-indexed name can mean. In a 2-3-2 dense network, `z^{(1)}_2` is
 * `L0:pre:1`, `a^{(2)}_1` is `L1:out:0`, `W^{(2)}_{12}` is `L1:w:1` (unit 1, input 2), `\delta^{(2)}_1`
 * is `L1:delta:0`, `dW^{[1]}_{11}` is `L0:w:0:grad`, and `a^{(0)}_2` is `x:1`.
 */
export function textbookCandidates(net: Network, name: TextbookName): QuantityId[] {
	const role = ROLES[name.base];
	if (!role || name.layer === undefined) return [];
	const gs = groups(net);
	const l = name.layer === 'L' ? gs.length : Number(name.layer);
	if (l === 0) {
		if (role !== 'out') return [];
		const j = unit(name.sub, net.spec.input.length);
		return j === undefined ? [] : [ids.input(j)];
	}
	const group = gs[l - 1];
	if (!group) return [];
	const own = net.layers[group[0]];
	// The group's output: the last layer of its own activation (a separate activation layer), else its own.
	let outLayer = group[0];
	for (const g of group.slice(1)) if (net.layers[g].spec.kind === 'activation') outLayer = g; else break;
	const n = own.outShape.channels * own.outShape.rows * own.outShape.cols;
	switch (role) {
		case 'pre': case 'delta': case 'dpre': {
			const j = unit(name.sub, n);
			if (j === undefined || !own.pre) return [];
			return [ids.layer(group[0], role === 'pre' ? 'pre' : 'delta', j)];
		}
		case 'out': case 'dout': {
			const j = unit(name.sub, n);
			return j === undefined ? [] : [ids.layer(outLayer, role === 'out' ? 'out' : 'dout', j)];
		}
		case 'w': case 'dw': {
			if (own.spec.kind !== 'dense' || !own.weights) return [];
			const inputs = own.inShape.channels * own.inShape.rows * own.inShape.cols;
			const at = entry(name.sub, own.spec.units, inputs);
			if (!at) return [];
			const i = at[0] * inputs + at[1];
			if (role === 'dw') return [ids.param(group[0], 'w', i, 'grad')];
			return [ids.param(group[0], 'w', i, name.updated ? 'new' : undefined)];
		}
		case 'b': case 'db': {
			if (!own.bias) return [];
			const count = own.bias.value.length;
			const j = count === 1 && /^\d+$/.test(name.sub) && unit(name.sub, n) !== undefined ? 0 : unit(name.sub, count);
			if (j === undefined) return [];
			if (role === 'db') return [ids.param(group[0], 'b', j, 'grad')];
			return [ids.param(group[0], 'b', j, name.updated ? 'new' : undefined)];
		}
	}
}
