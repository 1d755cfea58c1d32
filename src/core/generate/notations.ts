/**
 * The two scalar notations a derivation can be written in, each a way to name every quantity and
 * a list of what it cannot name. `seed` is the seed notes' (DESIGN 2.4–2.5): role stem + layer
 * name + element (`in_{C1}`, `out_{C1}`, `coef_{C1}`), the block's parameter names, `w_{1}^{+}`
 * for an updated weight. `textbook` is Ng's and CS229's: `z^{(l)}_j`, `a^{(l)}_j`,
 * `\delta^{(l)}_j`, `W^{(l)}_{jk}`, `b^{(l)}_j`, l counting the layers with parameters, and an
 * update written as an assignment (`W^{(1)}_{11} \leftarrow …`). Kernels have no textbook
 * spelling, so a convolution's kernels keep the block's names; a pool's or a separate activation
 * layer's output has none at all (`a^{(l)}` is layer l's own activation), so the textbook notation
 * refuses those networks and says why.
 */
import { defaultLocale, type Locale } from '../messages/locale';
import { message } from '../messages/message';
import type { Network } from '../engine/network';
import { parseId } from '../engine/quantity';
import type { QuantityId } from '../engine/term';

export type NotationName = 'seed' | 'textbook' | 'matrix';

export const NOTATIONS: readonly NotationName[] = ['seed', 'textbook', 'matrix'];

/** How a scalar notation names quantities, and how it writes an update's left side. */
export interface ScalarNotation {
	readonly label: (id: QuantityId) => string;
	/** The left side of an update chain and its relation: `w_{1}^{+} =`, or `W^{(1)}_{11} \leftarrow`. */
	readonly updateHead: (id: QuantityId) => string;
}

export function seedNotation(net: Network): ScalarNotation {
	return { label: (id) => net.label(id), updateHead: (id) => `${net.label(id)} =` };
}

/** The textbook layer index (1-based) of each block layer: conv and dense layers count. */
function textbookLayers(net: Network): number[] {
	let l = 0;
	return net.layers.map((L) => (L.spec.kind === 'conv' || L.spec.kind === 'dense' ? ++l : l));
}

/** A weight's subscript: `12` when both dimensions are below ten, `1,2` otherwise (DESIGN 2.4's rule, as the textbook reader reads it). */
function pairSub(j: number, k: number, rows: number, cols: number): string {
	return rows < 10 && cols < 10 ? `${j}${k}` : `${j},${k}`;
}

/** Why the textbook notation cannot write this network, in `locale`, or undefined when it can. */
export function textbookRefusal(net: Network, locale: Locale = defaultLocale): string | undefined {
	for (const L of net.layers) {
		if (L.spec.kind === 'pool') return message('generate.textbookPool', { layer: net.layerName(L.index), symbol: 'a^{(l)}' }, locale);
		if (L.spec.kind === 'activation') return message('generate.textbookActivation', { layer: net.layerName(L.index), symbol: 'a^{(l)}' }, locale);
	}
	if (!net.layers.some((L) => L.spec.kind === 'conv' || L.spec.kind === 'dense')) return message('generate.textbookNoParams', {}, locale);
	return undefined;
}

export function textbookNotation(net: Network): ScalarNotation {
	const layerOf = textbookLayers(net);
	const d = (x: string) => `\\frac{\\partial E}{\\partial ${x}}`;
	const param = (layer: number, kind: 'w' | 'b', i: number): string => {
		const L = net.layers[layer], l = layerOf[layer];
		if (kind === 'b') return `b^{(${l})}_{${i + 1}}`;
		if (L.spec.kind !== 'dense') return net.label(`L${layer}:w:${i}`);
		const n = L.weights!.value.length / L.spec.units;
		return `W^{(${l})}_{${pairSub(Math.floor(i / n) + 1, (i % n) + 1, L.spec.units, n)}}`;
	};
	const label = (id: QuantityId): string => {
		const p = parseId(id);
		if (!p) return id;
		const l = p.layer >= 0 ? layerOf[p.layer] : 0, j = p.index + 1;
		switch (p.role) {
			case 'pre': return `z^{(${l})}_{${j}}`;
			case 'out': return `a^{(${l})}_{${j}}`;
			case 'delta': return `\\delta^{(${l})}_{${j}}`;
			case 'dout': return d(`a^{(${l})}_{${j}}`);
			case 'param': return param(p.layer, p.param!, p.index);
			case 'grad': return d(param(p.layer, p.param!, p.index));
			case 'updated': return param(p.layer, p.param!, p.index);
			default: return net.label(id);
		}
	};
	return { label, updateHead: (id) => `${label(id)} \\leftarrow` };
}
