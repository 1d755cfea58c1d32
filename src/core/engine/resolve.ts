/**
 * Names in the document → quantities (DESIGN 2.3, 2.5). A name's normalised key (`NameRef.baseKey`)
 * is looked up among the names the block declares (inputs, targets, kernels, weights, biases),
 * the loss (`E`, `E_{total}`, `L`, `loss`, per-output `E_{o1}`), the learning rate (`\alpha`,
 * `\eta`, `lr`), and as role stem + layer name + index (`outpp1` = `out` + `PP` + 1, `outL1,2,3`
 * = channel 1, row 2, column 3). Layer names match with their case first and without it only
 * when that finds nothing. Every reading that fits is a candidate; more than one distinct
 * candidate is `ambiguous` (the seeds' b_1 is both the second conv's and the dense layer's
 * bias), never a guess. Derivatives of the loss are gradients; other derivatives are local
 * partials, differentiated from the local formula (`diff.ts`).
 *
 * Beside the block's own names, the spellings every course uses need no `notation:` override:
 * layer superscripts (`textbook.ts`), the prediction `\hat{y}_j`, `y_{pred}`, `o_j` (the last
 * layer's output), targets `t_j`, `target_j`, and `y_j` when the document writes `\hat{y}` beside
 * it, inputs `x_j`, and the losses `E`, `L`, `J`, `C`, `\mathcal{L}`, `loss`, `cost`. A marked name
 * (`\bar{in}_{cc1}`) that has no reading of its own is read as its unmarked base.
 */
import type { NameRef } from '../syntax/ast';
import { diffTerm } from './diff';
import { inputId, localFormula } from './formulas';
import { nameKey } from './nameKey';
import type { Network } from './network';
import { ids, parseId } from './quantity';
import { textbookCandidates, unit } from './textbook';
import { nameKeyOf } from '../syntax/names';
import { call, evaluateTerm, neg, num, prod, ref, sub, termParents, type QuantityId, type Term } from './term';

export type Resolution =
	| { readonly kind: 'quantity'; readonly id: QuantityId }
	| { readonly kind: 'ambiguous'; readonly candidates: readonly QuantityId[] }
	| { readonly kind: 'unknown' };

/** ∂A/∂B where A's local formula involves B: the partial as a term over named quantities, and its true value. */
export interface LocalPartial {
	readonly kind: 'local';
	readonly of: QuantityId;
	readonly wrt: QuantityId;
	readonly term: Term;
	readonly value: number;
}

export type DerivativeReading = { readonly kind: 'quantity'; readonly id: QuantityId } | LocalPartial;

export type DerivativeResolution =
	| DerivativeReading
	/** A or B has several readings that give different derivatives: each of them. */
	| { readonly kind: 'ambiguous'; readonly readings: readonly DerivativeReading[] }
	| { readonly kind: 'unknown' };

const LOSS_NAMES = ['E', 'Etotal', 'Etot', 'L', 'loss', 'Loss', 'J', 'C', 'cost', 'Cost', 'ell'];

/** What the document around a name tells the resolver: whether it writes a prediction `\hat{y}` (so `y_j` is the target). */
export interface NameScope {
	readonly marksPrediction: boolean;
	/** Names of the author's own, bound by their formula (`check/truth/byFormula.ts`), by key. */
	readonly invented?: ReadonlyMap<string, QuantityId>;
}

/** The parts of a name the resolver reads. */
export type ResolvableName = Pick<NameRef, 'baseKey' | 'updated'> & Partial<Pick<NameRef, 'marks' | 'layer' | 'base' | 'sub'>>;
const LR_NAMES = ['alpha', 'eta', 'lr'];

/** Declared names and fixed names → ids, built once per network. */
function declared(net: Network): Map<string, QuantityId[]> {
	const hit = net.memo.get('declared') as Map<string, QuantityId[]> | undefined;
	if (hit) return hit;
	const m = new Map<string, QuantityId[]>();
	const add = (name: string, id: QuantityId) => {
		const k = nameKey(name);
		const list = m.get(k);
		// Ids arrive grouped (one quantity's names are added together), so the last one is the only possible repeat; a search of the whole list would be quadratic in a block that gives thousands of parameters one name.
		if (!list) m.set(k, [id]);
		else if (list[list.length - 1] !== id) list.push(id);
	};
	net.spec.inputNames?.forEach((n, j) => add(n, ids.input(j)));
	net.spec.targetNames?.forEach((n, j) => add(n, ids.target(j)));
	for (const L of net.layers) for (const p of [L.weights, L.bias]) p?.names?.forEach((n, i) => add(n, ids.param(L.index, p.kind, i)));
	for (const n of LOSS_NAMES) add(n, 'E');
	for (const n of LR_NAMES) add(n, 'lr');
	for (let j = 0; j < net.terms.length; j++) add(`E${j + 1}`, ids.term(j));
	net.memo.set('declared', m);
	return m;
}

/** `1` → [1]; `1,2,3` → [1, 2, 3]; anything else → undefined. */
function indices(s: string): number[] | undefined {
	return /^\d+(,\d+)*$/.test(s) ? s.split(',').map(Number) : undefined;
}

/** The flat element of layer `l` an index list names, or -1: [j] flat, or [c, j], [r, col], [c, r, col]. */
function element(net: Network, l: number, idx: number[]): number {
	const s = net.layers[l].outShape;
	const n = s.channels * s.rows * s.cols;
	let j = -1;
	if (idx.length === 1) j = idx[0] - 1;
	else if (idx.length === 2 && s.dims === 1) j = idx[0] >= 1 && idx[0] <= s.channels && idx[1] >= 1 && idx[1] <= s.cols ? (idx[0] - 1) * s.cols + idx[1] - 1 : -1;
	else if (idx.length === 2 && s.channels === 1) j = idx[0] >= 1 && idx[0] <= s.rows && idx[1] >= 1 && idx[1] <= s.cols ? (idx[0] - 1) * s.cols + idx[1] - 1 : -1;
	else if (idx.length === 3 && s.dims === 2) {
		const [c, r, col] = idx;
		j = c >= 1 && c <= s.channels && r >= 1 && r <= s.rows && col >= 1 && col <= s.cols ? ((c - 1) * s.rows + r - 1) * s.cols + col - 1 : -1;
	}
	return j >= 0 && j < n ? j : -1;
}

/** Layer quantities a key can mean, reading it as stem + layer name + index. */
function layerCandidates(net: Network, key: string, ignoreCase: boolean): QuantityId[] {
	const out: QuantityId[] = [];
	const n = net.spec.notation;
	const roles = [['pre', n.pre], ['out', n.post], ['delta', n.delta]] as const;
	for (const [role, stems] of roles) for (const stem of stems) {
		if (!key.startsWith(stem)) continue;
		const rest = key.slice(stem.length);
		net.layers.forEach((L, l) => {
			const name = L.spec.name;
			if (!name) return;
			const head = rest.slice(0, name.length);
			if (!(ignoreCase ? head.toLowerCase() === name.toLowerCase() : head === name)) return;
			const idx = indices(rest.slice(name.length));
			const j = idx ? element(net, l, idx) : -1;
			if (j < 0) return;
			const r = L.pre ? role : role === 'delta' ? 'dout' : 'out';
			out.push(ids.layer(l, r, j));
		});
		// Per-output loss terms: E + output layer name + index.
	}
	const last = net.layers.length - 1, lastName = net.layers[last].spec.name;
	if (lastName && key.startsWith('E')) {
		const head = key.slice(1, 1 + lastName.length);
		if (ignoreCase ? head.toLowerCase() === lastName.toLowerCase() : head === lastName) {
			const idx = indices(key.slice(1 + lastName.length));
			if (idx?.length === 1 && idx[0] >= 1 && idx[0] <= net.terms.length) out.push(ids.term(idx[0] - 1));
		}
	}
	return out;
}

/**
 * The prediction, targets and inputs by the spellings courses use, read off the unmarked key:
 * `\hat{y}_1`, `y_{pred}`, `o_1` (the last layer's output), `t_1`, `target_1`, `y_1` beside a
 * `\hat{y}` (the target), `x_1` (the input). `\hat{y}` alone is the output of a one-unit layer.
 */
function defaultCandidates(net: Network, key: string, marks: readonly string[], scope: NameScope | undefined): QuantityId[] {
	const last = net.layers.length - 1;
	const out: QuantityId[] = [];
	const add = (sub: string, n: number, id: (j: number) => QuantityId) => {
		const j = unit(sub, n);
		if (j !== undefined) out.push(id(j));
	};
	const output = (sub: string) => add(sub, net.layers[last].out.length, (j) => ids.layer(last, 'out', j));
	const m = /^([A-Za-z]+?)(\d*)$/.exec(key);
	if (!m) return out;
	const [, stem, sub] = m;
	if (marks.length > 0) {
		if (marks[0] === 'hat' && (stem === 'y' || stem === 'Y' || stem === 'o')) output(sub);
		return out;
	}
	// `o_j` is the output only where no layer is called `o`: the seeds, whose output layer is `o`
	// (`out_{o1}`), write `o_1` for the target.
	if (stem === 'ypred' || stem === 'yhat' || (stem === 'o' && sub !== '' && !net.layers.some((L) => L.spec.name?.toLowerCase() === 'o'))) output(sub);
	if (stem === 't' || stem === 'target' || ((stem === 'y' || stem === 'Y') && scope?.marksPrediction)) add(sub, net.spec.target.length, ids.target);
	if (stem === 'x' && sub !== '') add(sub, net.spec.input.length, ids.input);
	return out;
}

function settle(candidates: readonly QuantityId[]): Resolution {
	const unique = [...new Set(candidates)];
	if (unique.length === 0) return { kind: 'unknown' };
	return unique.length === 1 ? { kind: 'quantity', id: unique[0] } : { kind: 'ambiguous', candidates: unique };
}

/** Every key the block declares (inputs, targets, parameters, the loss and the learning rate). */
export function declaredKeys(net: Network): ReadonlySet<string> {
	return new Set(declared(net).keys());
}

/** The readings of a name's unmarked key, before update marks are applied. */
function readingsOf(net: Network, key: string, scope: NameScope | undefined): QuantityId[] {
	const found = [...(declared(net).get(key) ?? [])];
	let layer = layerCandidates(net, key, false);
	if (layer.length === 0) layer = layerCandidates(net, key, true);
	const defaults = found.length > 0 ? [] : defaultCandidates(net, key, [], scope);
	return [...found, ...layer, ...defaults];
}

/**
 * What a name means. In the seed network `outpp_1` and `\text{out}_{PP1}` are `L1:out:0`,
 * `coef_{C_1}` is `L3:delta:0`, `w_5^+` is `L5:w:4:new`, and `b_1` is ambiguous between the conv C
 * and the dense layer. In a dense network, `z^{(1)}_2` is `L0:pre:1` and `\hat{y}_1` the last
 * layer's first output.
 */
export function resolveName(net: Network, name: ResolvableName, scope?: NameScope): Resolution {
	if (name.layer !== undefined && name.base !== undefined) {
		return settle(textbookCandidates(net, { base: name.base, layer: name.layer, sub: name.sub ?? '', updated: name.updated }));
	}
	let all: readonly QuantityId[] = spelledReadings(net, name, scope);
	const invented = all.length === 0 ? scope?.invented?.get(name.baseKey) : undefined;
	if (invented) all = [invented];
	if (!name.updated) return settle(all);
	// An update mark names the parameter's value after the step; it means nothing on other quantities.
	return settle(all.filter((id) => parseId(id)?.role === 'param').map((id) => `${id}:new`));
}

const READINGS_KEPT = 50_000;

/**
 * The readings a name's spelling gives, before names of the author's own and update marks: a pure
 * function of the network, the name's parts and whether the document marks a prediction, so it is
 * kept per network (a document names the same quantity hundreds of times). The memo is emptied
 * when it holds `READINGS_KEPT` spellings, so a long session cannot grow it without bound.
 */
function spelledReadings(net: Network, name: ResolvableName, scope: NameScope | undefined): readonly QuantityId[] {
	let memo = net.memo.get('readings') as Map<string, readonly QuantityId[]> | undefined;
	if (!memo || memo.size >= READINGS_KEPT) net.memo.set('readings', (memo = new Map()));
	const marks = name.marks ?? [];
	const key = `${scope?.marksPrediction ? 1 : 0}\u0000${marks.join(',')}\u0000${name.base ?? '\u0001'}\u0000${name.sub ?? ''}\u0000${name.baseKey}`;
	const hit = memo.get(key);
	if (hit) return hit;
	let all: QuantityId[];
	if (marks.length > 0 && name.base !== undefined) {
		const sub = name.sub ?? '';
		const plain = nameKeyOf([], name.base, undefined, sub);
		const own = [...(declared(net).get(nameKeyOf(marks, name.base, undefined, sub)) ?? []), ...defaultCandidates(net, plain, marks, scope)];
		all = own.length > 0 ? own : readingsOf(net, plain, scope);
	} else {
		all = readingsOf(net, name.baseKey, scope);
	}
	memo.set(key, all);
	return all;
}

/** ∂E/∂q as a graph node: pre → delta, out → ∂E/∂out, parameter → gradient, E → undefined. */
function gradientOf(net: Network, id: QuantityId): QuantityId | undefined {
	const p = parseId(id);
	if (!p) return undefined;
	if (p.role === 'pre') return ids.layer(p.layer, 'delta', p.index);
	if (p.role === 'out') return ids.layer(p.layer, 'dout', p.index);
	if (p.role === 'param') return ids.param(p.layer, p.param!, p.index, 'grad');
	void net;
	return undefined;
}

/** True when `wrt` could be a direct parent of `of`: same layer, or `of`'s layer input. */
function adjacent(net: Network, of: QuantityId, wrt: QuantityId): boolean {
	const a = parseId(of), b = parseId(wrt);
	if (!a || !b || a.layer < 0) return false;
	if (b.layer === a.layer) return b.role === 'param' || (a.role === 'out' && b.role === 'pre');
	if (a.role !== 'pre' && a.role !== 'out') return false;
	return (b.role === 'input' || b.role === 'out') && inputId(net, a.layer, b.index) === wrt;
}

/** The local partial ∂of/∂wrt, with activation derivatives written in the output (out (1 − out)). */
function localPartial(net: Network, of: QuantityId, wrt: QuantityId): Term | undefined {
	const a = parseId(of), b = parseId(wrt);
	const L = a && a.layer >= 0 ? net.layers[a.layer] : undefined;
	if (a?.role === 'out' && b?.role === 'pre' && L && a.layer === b.layer && L.spec.kind !== 'pool' && L.spec.kind !== 'flatten') {
		const act = L.spec.activation;
		const out = ref(of), same = a.index === b.index;
		if (act.kind === 'softmax') return same ? prod(out, sub(num(1), out)) : neg(prod(out, ref(ids.layer(a.layer, 'out', b.index))));
		if (!same) return num(0);
		switch (act.kind) {
			case 'sigmoid': return prod(out, sub(num(1), out));
			case 'tanh': return sub(num(1), { op: 'sq', a: out });
			case 'relu': return call('step', [ref(wrt)]);
			case 'leaky_relu': return call('leaky_step', [ref(wrt)], act.slope);
			case 'linear': return num(1);
		}
	}
	if (a?.role === 'out' && L?.spec.kind === 'pool' && L.pool?.max) {
		const f = localFormula(net, of);
		const j = parseId(wrt)?.index;
		const winner = L.argmax![a.index];
		return f && termParents(f.rhs).includes(wrt) ? num(winner === j ? 1 : 0) : num(0);
	}
	const f = localFormula(net, of);
	if (!f) return undefined;
	if (!termParents(f.rhs).includes(wrt)) return adjacent(net, of, wrt) ? num(0) : undefined;
	return diffTerm(f.rhs, wrt);
}

/**
 * The local partial ∂of/∂wrt between two quantity ids, as a term and its true value, or undefined
 * when `wrt` is not a direct parent of `of`: `localDerivative(net, 'L3:pre:0', 'L3:w:2')` is
 * outpp_1 (the seed's ∂in_{C1}/∂k_{13}).
 */
export function localDerivative(net: Network, of: QuantityId, wrt: QuantityId): LocalPartial | undefined {
	const term = of === 'E' && parseId(wrt)?.role === 'lossTerm' ? num(1) : localPartial(net, of, wrt);
	const value = term && evaluateTerm(term, (id) => net.value(id));
	return term && value !== undefined ? { kind: 'local', of, wrt, term, value } : undefined;
}

function derivative(net: Network, of: QuantityId, wrt: QuantityId): DerivativeReading | undefined {
	if (of === 'E') {
		const g = gradientOf(net, wrt);
		if (g && net.value(g) !== undefined) return { kind: 'quantity', id: g };
	}
	return localDerivative(net, of, wrt);
}

/**
 * What `\frac{\partial A}{\partial B}` means. ∂E/∂w_1 is w_1's gradient (a node); ∂E/∂in_{C1}
 * is coef_{C1}; ∂in_{C1}/∂k_{13} is the local partial `outpp_1`; ∂out_{C1}/∂in_{C1} is
 * out_{C1} (1 − out_{C1}). Pairs with no direct link are `unknown`; an ambiguous A or B whose
 * readings disagree is `ambiguous` with the derivative of each reading.
 */
export function resolveDerivative(net: Network, of: ResolvableName, wrt: ResolvableName, scope?: NameScope): DerivativeResolution {
	const A = resolveName(net, of, scope), B = resolveName(net, wrt, scope);
	if (A.kind === 'unknown' || B.kind === 'unknown') return { kind: 'unknown' };
	const as = A.kind === 'quantity' ? [A.id] : A.candidates, bs = B.kind === 'quantity' ? [B.id] : B.candidates;
	const readings: DerivativeReading[] = [];
	for (const a of as) for (const b of bs) {
		const r = derivative(net, a, b);
		if (r) readings.push(r);
	}
	if (readings.length === 0) return { kind: 'unknown' };
	return readings.length === 1 ? readings[0] : { kind: 'ambiguous', readings };
}
