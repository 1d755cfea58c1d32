/**
 * Local formulas, produced on demand from an id: each quantity as an expression over its
 * parents in the graph, the way a derivation writes it. Forward: in_{C1} = k_{13} · outpp_{1} + …
 * + b_{1}, out = σ(in), pool outputs as max{…} or ½(…). Backward: ∂E/∂out as the sum over the
 * next layer's consumers (delta · weight, pool routing 1/0 or ½), the delta as ∂E/∂out times the
 * activation's derivative (with ∂E/∂out inlined by default, as the seeds write coef_{c1} =
 * (coef_{o1} · w_1 + coef_{o2} · w_4) · out (1 − out)), gradients as sums of delta · input, and
 * updates as w − α · ∂E/∂w. Connectivity comes from the same tap functions as the numeric loops.
 */
import { closedFormDelta } from './run';
import { convChannel, convTaps } from './layers/conv';
import { poolWindow } from './layers/pool';
import type { Network } from './network';
import { ids, parseId } from './quantity';
import { call, div, neg, num, prod, ref, sq, sub, substitute, sum, type Formula, type QuantityId, type Term } from './term';

export interface FormulaOptions {
	/** Inline ∂E/∂out into a delta's formula (default true), as hand derivations do. */
	readonly inlineDout?: boolean;
}

interface Use { readonly out: number; readonly other: number }

/**
 * For a conv or pool layer: per input element its (output, weight) uses, and per weight its
 * (output, input) uses. Built once per layer and kept (its bytes are counted in the block's size
 * cap); chain-rule path search reads it too.
 */
export function uses(net: Network, l: number): { byInput: Use[][]; byWeight: Use[][] } {
	const key = `uses:${l}`;
	const hit = net.memo.get(key) as { byInput: Use[][]; byWeight: Use[][] } | undefined;
	if (hit) return hit;
	const L = net.layers[l];
	const byInput: Use[][] = Array.from({ length: L.inShape.channels * L.inShape.rows * L.inShape.cols }, () => []);
	const byWeight: Use[][] = Array.from({ length: L.weights?.value.length ?? 0 }, () => []);
	for (let i = 0; i < L.out.length; i++) {
		if (L.conv) for (const t of convTaps(L.conv, i)) { byInput[t.input].push({ out: i, other: t.weight }); byWeight[t.weight].push({ out: i, other: t.input }); }
		if (L.pool) for (const j of poolWindow(L.pool, i)) byInput[j].push({ out: i, other: -1 });
	}
	const r = { byInput, byWeight };
	net.memo.set(key, r);
	return r;
}

/**
 * The id of element `j` of layer `l`'s input: an input value, or the previous layer's output.
 * Flatten layers only reshape, so their outputs are read through to the layer before them: the
 * seed's conv C reads `outpp_1 … outpp_4`, not the flatten layer's copies of them.
 */
export function inputId(net: Network, l: number, j: number): QuantityId {
	let m = l - 1;
	while (m >= 0 && net.layers[m].spec.kind === 'flatten') m--;
	return m < 0 ? ids.input(j) : ids.layer(m, 'out', j);
}

/** The layer that consumes layer `l`'s output, looking through flatten layers (undefined after the last). */
export function consumerLayer(net: Network, l: number): number | undefined {
	let m = l + 1;
	while (m < net.layers.length - 1 && net.layers[m].spec.kind === 'flatten') m++;
	return m < net.layers.length ? m : undefined;
}

function forwardPre(net: Network, l: number, j: number): Term | undefined {
	const L = net.layers[l], s = L.spec;
	if (s.kind === 'conv') {
		const b = ids.param(l, 'b', s.sharedBias ? 0 : convChannel(L.conv!, j));
		return sum([...convTaps(L.conv!, j).map((t) => prod(ref(ids.param(l, 'w', t.weight)), ref(inputId(net, l, t.input)))), ref(b)]);
	}
	if (s.kind === 'dense') {
		const n = L.inShape.channels * L.inShape.rows * L.inShape.cols;
		const terms: Term[] = [];
		for (let k = 0; k < n; k++) terms.push(prod(ref(ids.param(l, 'w', j * n + k)), ref(inputId(net, l, k))));
		return sum([...terms, ref(ids.param(l, 'b', s.sharedBias ? 0 : j))]);
	}
	if (s.kind === 'activation') return ref(inputId(net, l, j));
	return undefined;
}

function forwardOut(net: Network, l: number, j: number): Term {
	const L = net.layers[l], s = L.spec;
	if (s.kind === 'pool') {
		const w = poolWindow(L.pool!, j).map((k) => ref(inputId(net, l, k)));
		return s.mode === 'max' ? call('max', w) : prod(num(1 / w.length, `\\frac{1}{${w.length}}`), sum(w));
	}
	if (s.kind === 'flatten') return ref(inputId(net, l, j));
	const pre = ref(ids.layer(l, 'pre', j));
	const a = s.activation;
	switch (a.kind) {
		case 'linear': return pre;
		case 'leaky_relu': return call('leaky_relu', [pre], a.slope);
		case 'softmax': {
			const all: Term[] = [];
			for (let k = 0; k < L.out.length; k++) all.push(call('exp', [ref(ids.layer(l, 'pre', k))]));
			return div(call('exp', [pre]), sum(all));
		}
		default: return call(a.kind, [pre]);
	}
}

/** ∂E/∂out_j of layer `l`: from the loss for the last layer, else from the next layer's consumers. */
function dout(net: Network, l: number, j: number): Term {
	const last = l === net.layers.length - 1;
	const out = ref(ids.layer(l, 'out', j)), t = ref(ids.target(j));
	if (last) {
		const n = net.layers[l].out.length;
		switch (net.spec.loss) {
			case 'cross_entropy': return neg(div(t, out));
			case 'half_sse': return sub(out, t);
			case 'mse': return prod(num(2 / n, `\\frac{2}{${n}}`), sub(out, t));
			case 'binary_cross_entropy': return div(sub(out, t), prod(out, sub(num(1), out)));
		}
	}
	const m = consumerLayer(net, l)!, M = net.layers[m], s = M.spec;
	switch (s.kind) {
		case 'conv':
			return sum(uses(net, m).byInput[j].map((u) => prod(ref(ids.layer(m, 'delta', u.out)), ref(ids.param(m, 'w', u.other)))));
		case 'dense': {
			const n = net.layers[l].out.length;
			const terms: Term[] = [];
			for (let i = 0; i < s.units; i++) terms.push(prod(ref(ids.layer(m, 'delta', i)), ref(ids.param(m, 'w', i * n + j))));
			return sum(terms);
		}
		case 'pool':
			return sum(uses(net, m).byInput[j].map((u) => {
				const routing = s.mode === 'max' ? num(M.argmax![u.out] === j ? 1 : 0) : num(1 / (s.size[0] * s.size[1]), `\\frac{1}{${s.size[0] * s.size[1]}}`);
				return prod(ref(ids.layer(m, 'dout', u.out)), routing);
			}));
		case 'flatten': return ref(ids.layer(m, 'dout', j));
		case 'activation': return ref(ids.layer(m, 'delta', j));
	}
}

function delta(net: Network, l: number, j: number, inline: boolean): Term | undefined {
	const L = net.layers[l], s = L.spec;
	if (s.kind !== 'conv' && s.kind !== 'dense' && s.kind !== 'activation') return undefined;
	const out = ref(ids.layer(l, 'out', j)), pre = ref(ids.layer(l, 'pre', j));
	if (l === net.layers.length - 1 && closedFormDelta(net.spec)) {
		const st = net.spec.target.reduce((a, b) => a + b, 0);
		return s.activation.kind === 'softmax' && st !== 1 ? sub(prod(num(st), out), ref(ids.target(j))) : sub(out, ref(ids.target(j)));
	}
	const d = inline ? dout(net, l, j) : ref(ids.layer(l, 'dout', j));
	const chosen = net.choices?.slopes?.get(`${l}:${j}`);
	if (chosen !== undefined) return prod(d, num(chosen));
	switch (s.activation.kind) {
		case 'sigmoid': return prod(d, out, sub(num(1), out));
		case 'tanh': return prod(d, sub(num(1), sq(out)));
		case 'relu': return prod(d, call('step', [pre]));
		case 'leaky_relu': return prod(d, call('leaky_step', [pre], s.activation.slope));
		case 'linear': return d;
		case 'softmax': {
			const dk = (k: number) => (inline ? dout(net, l, k) : ref(ids.layer(l, 'dout', k)));
			const all: Term[] = [];
			for (let k = 0; k < L.out.length; k++) all.push(prod(dk(k), ref(ids.layer(l, 'out', k))));
			return prod(out, sub(d, sum(all)));
		}
	}
}

function gradient(net: Network, l: number, kind: 'w' | 'b', i: number): Term {
	const L = net.layers[l], s = L.spec;
	const d = (k: number) => ref(ids.layer(l, 'delta', k));
	if (kind === 'b') {
		const units: number[] = [];
		for (let k = 0; k < L.out.length; k++) {
			const owner = s.kind === 'conv' ? convChannel(L.conv!, k) : k;
			if (L.bias!.shared || owner === i) units.push(k);
		}
		return sum(units.map(d));
	}
	if (s.kind === 'dense') {
		const n = L.inShape.channels * L.inShape.rows * L.inShape.cols;
		return prod(d(Math.floor(i / n)), ref(inputId(net, l, i % n)));
	}
	return sum(uses(net, l).byWeight[i].map((u) => prod(d(u.out), ref(inputId(net, l, u.other)))));
}

function loss(net: Network, j: number): Term {
	const o = ref(ids.layer(net.layers.length - 1, 'out', j)), t = ref(ids.target(j));
	const n = net.terms.length;
	switch (net.spec.loss) {
		case 'cross_entropy': return neg(prod(t, call('ln', [o])));
		case 'half_sse': return prod(num(0.5, '\\frac{1}{2}'), sq(sub(t, o)));
		case 'mse': return prod(num(1 / n, `\\frac{1}{${n}}`), sq(sub(t, o)));
		case 'binary_cross_entropy': return neg(sum([prod(t, call('ln', [o])), prod(sub(num(1), t), call('ln', [sub(num(1), o)]))]));
	}
}

function rhs(net: Network, id: QuantityId, options: FormulaOptions): Term | undefined {
	const p = parseId(id);
	if (!p || net.value(id) === undefined) return undefined;
	switch (p.role) {
		case 'loss': return sum(Array.from(net.terms, (_, j) => ref(ids.term(j))));
		case 'lossTerm': return loss(net, p.index);
		case 'pre': return forwardPre(net, p.layer, p.index);
		case 'out': return forwardOut(net, p.layer, p.index);
		case 'dout': return dout(net, p.layer, p.index);
		case 'delta': return delta(net, p.layer, p.index, options.inlineDout ?? true);
		case 'grad': return gradient(net, p.layer, p.param!, p.index);
		case 'updated': {
			const w = ref(ids.param(p.layer, p.param!, p.index));
			return net.param(p.layer, p.param!)!.frozen[p.index] ? w : sub(w, prod(ref('lr'), ref(ids.param(p.layer, p.param!, p.index, 'grad'))));
		}
		default: return undefined;
	}
}

/**
 * The local formula of `id`, or undefined for a leaf. For the seed network, `L4:dout:0` (∂E/∂out_{P1},
 * written coefp_1) is coef_{o1} · w_{1} + coef_{o2} · w_{4}.
 */
export function localFormula(net: Network, id: QuantityId, options: FormulaOptions = {}): Formula | undefined {
	const r = rhs(net, id, options);
	return r && { of: id, rhs: r };
}

/** Inlines, into `f`, the formulas of the parents `expand` selects (one level at a time, as often as asked). */
export function expandFormula(net: Network, f: Formula, expand: (id: QuantityId) => boolean): Formula {
	return { of: f.of, rhs: substitute(f.rhs, (id) => (expand(id) ? localFormula(net, id)?.rhs : undefined)) };
}
