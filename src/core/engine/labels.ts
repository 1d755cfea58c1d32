/**
 * Canonical names. A layer quantity is written with the first role stem of the notation, the
 * layer's name and the 1-based flat element (`out_{C3}`, `in_{CC5}`); ∂E/∂out as a fraction;
 * parameters by the names the block declared, else `w^{(C)}_{i}`; gradients as fractions and
 * updated values with `^{+}`. `indexedNames` expands a stem the way DESIGN 2.4 prescribes.
 * A network read off a document speaks the document's names instead, where it writes them.
 */
import type { Network } from './network';
import type { ParsedId } from './quantity';

/**
 * Expands a stem over a tensor's index space, 1-based, row-major: `indexedNames('KK', [2, 3])`
 * is KK_{11} … KK_{23}; indices run together when all are single digits, otherwise commas
 * separate them (`K_{1,2,10}`).
 */
export function indexedNames(stem: string, dims: readonly number[]): string[] {
	const total = dims.reduce((a, b) => a * b, 1);
	const comma = dims.some((d) => d > 9) && dims.length > 1;
	const names: string[] = [];
	for (let flat = 0; flat < total; flat++) {
		const idx: number[] = [];
		let r = flat;
		for (let d = dims.length - 1; d >= 0; d--) { idx.unshift((r % dims[d]) + 1); r = Math.floor(r / dims[d]); }
		names.push(`${stem}_{${idx.join(comma ? ',' : '')}}`);
	}
	return names;
}

/** A layer's display name: `CC`, or `L3` for an unnamed third layer. */
export function layerName(net: Network, l: number): string {
	return net.layers[l]?.spec.name ?? `L${l + 1}`;
}

/** The 1-based position of a layer element: [channel, element] or [channel, row, column]; CC's element 6 is [2, 3]. */
export function positionOf(net: Network, layer: number, j: number): number[] {
	if (layer < 0) return [j + 1];
	const s = net.layers[layer].outShape;
	const c = Math.floor(j / (s.rows * s.cols)), r = Math.floor(j / s.cols) % s.rows, col = j % s.cols;
	return s.dims === 1 ? [c + 1, col + 1] : [c + 1, r + 1, col + 1];
}

/** The dimensions of a parameter tensor as its names count them (DESIGN 2.4). */
export function paramDims(net: Network, layer: number, kind: 'w' | 'b'): number[] {
	const l = net.layers[layer].spec;
	if (kind === 'b') return [l.kind === 'conv' || l.kind === 'dense' ? l.bias.length : 0];
	if (l.kind === 'dense') return [l.weights.length];
	if (l.kind !== 'conv') return [0];
	const dims = [l.outChannels];
	if (l.inChannels > 1) dims.push(l.inChannels);
	if (l.dims === 2) dims.push(l.kh);
	dims.push(l.kw);
	return dims;
}

/** The 1-based position of a parameter element: the seed's KK_{23} (flat 5) is [2, 3]. */
export function paramPosition(net: Network, layer: number, kind: 'w' | 'b', i: number): number[] {
	const dims = paramDims(net, layer, kind);
	const pos: number[] = [];
	let r = i;
	for (let d = dims.length - 1; d >= 0; d--) { pos.unshift((r % dims[d]) + 1); r = Math.floor(r / dims[d]); }
	return pos;
}

/** The declared or default name of a parameter element: `KK_{11}`, or `w^{(o)}_{1}`. */
export function paramLabel(net: Network, layer: number, kind: 'w' | 'b', i: number): string {
	const p = kind === 'w' ? net.layers[layer].weights : net.layers[layer].bias;
	return p?.names?.[i] ?? `${kind}^{(${layerName(net, layer)})}_{${i + 1}}`;
}

/**
 * The LaTeX name of a parsed id: `L3:out:2` → `out_{C3}` in the seed network. For a network read
 * off a document, the document's own spelling of a pre-activation or output (`z_{11}`) and of the
 * loss, and derivatives written in them (`\\frac{\\partial L}{\\partial z_{11}}` for the
 * unit's delta), where it writes them; else the canonical label.
 */
export function quantityLabel(net: Network, p: ParsedId): string {
	const n = net.spec.notation;
	const loss = net.spec.written?.loss ?? 'E';
	const d = (of: string) => `\\frac{\\partial ${loss}}{\\partial ${of}}`;
	const own = (role: 'pre' | 'out') => net.spec.written?.quantities[`L${p.layer}:${role}:${p.index}`];
	switch (p.role) {
		case 'input': return net.spec.inputNames?.[p.index] ?? `x_{${p.index + 1}}`;
		case 'target': return net.spec.targetNames?.[p.index] ?? `t_{${p.index + 1}}`;
		case 'lr': return '\\alpha';
		case 'loss': return loss;
		case 'lossTerm': return `E_{${layerName(net, net.layers.length - 1)}${p.index + 1}}`;
		case 'pre': return own('pre') ?? `${n.pre[0]}_{${layerName(net, p.layer)}${p.index + 1}}`;
		case 'out': return own('out') ?? `${n.post[0]}_{${layerName(net, p.layer)}${p.index + 1}}`;
		case 'delta': {
			const pre = own('pre');
			return pre ? d(pre) : `${n.delta[0]}_{${layerName(net, p.layer)}${p.index + 1}}`;
		}
		case 'dout': {
			const out = own('out');
			if (out) return d(out);
			const L = net.layers[p.layer];
			if (!L.pre) return `${n.delta[0]}_{${layerName(net, p.layer)}${p.index + 1}}`;
			return d(`${n.post[0]}_{${layerName(net, p.layer)}${p.index + 1}}`);
		}
		case 'param': return paramLabel(net, p.layer, p.param!, p.index);
		case 'grad': return d(paramLabel(net, p.layer, p.param!, p.index));
		case 'updated': return `${paramLabel(net, p.layer, p.param!, p.index)}^{+}`;
	}
}
