/**
 * Local formulas as small expression trees over named quantities. A `Term` refers to its
 * parents by quantity id and holds constants as numbers, so one tree can be rendered as LaTeX
 * with canonical names, evaluated on the network's true values, on the author's stated values,
 * or on intervals of them (DESIGN 3.3), and asked for its parents. Nothing here knows the
 * network: callers pass a label function and a value function.
 */
import * as iv from '../eval/interval';
import type { Interval } from '../eval/interval';
import { tighten, widest } from '../eval/subdivide';
import { sigmoid } from './activation';

export type QuantityId = string;

export type TermFn = 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'step' | 'leaky_step' | 'exp' | 'ln' | 'max';

export type Term =
	/** A constant; `text` is how to write it (`\frac{1}{2}`), when not as a decimal. */
	| { readonly op: 'num'; readonly value: number; readonly text?: string }
	| { readonly op: 'ref'; readonly id: QuantityId }
	| { readonly op: 'sum'; readonly terms: readonly Term[] }
	| { readonly op: 'prod'; readonly factors: readonly Term[] }
	| { readonly op: 'sub'; readonly a: Term; readonly b: Term }
	| { readonly op: 'div'; readonly a: Term; readonly b: Term }
	| { readonly op: 'neg'; readonly a: Term }
	| { readonly op: 'sq'; readonly a: Term }
	/** `step` is ReLU's derivative (1 above zero, else 0); `leaky_step` is 1 or `slope`. */
	| { readonly op: 'call'; readonly fn: TermFn; readonly args: readonly Term[]; readonly slope?: number };

/** The local formula of one quantity: `of = rhs`. */
export interface Formula {
	readonly of: QuantityId;
	readonly rhs: Term;
}

/** Term builders: `prod(ref('L5:w:0'), ref('L4:out:0'))` is w_1 · out_{P1}; `sum` of one term is that term. */
export const num = (value: number, text?: string): Term => ({ op: 'num', value, text });
export const ref = (id: QuantityId): Term => ({ op: 'ref', id });
export const sum = (terms: Term[]): Term => (terms.length === 1 ? terms[0] : terms.length === 0 ? num(0) : { op: 'sum', terms });
export const prod = (...factors: Term[]): Term => ({ op: 'prod', factors });
export const sub = (a: Term, b: Term): Term => ({ op: 'sub', a, b });
export const div = (a: Term, b: Term): Term => ({ op: 'div', a, b });
export const neg = (a: Term): Term => ({ op: 'neg', a });
export const sq = (a: Term): Term => ({ op: 'sq', a });
export const call = (fn: TermFn, args: Term[], slope?: number): Term => ({ op: 'call', fn, args, slope });

/** The parent ids of a term, each once, in order of first appearance. */
export function termParents(t: Term, into: QuantityId[] = [], seen = new Set<QuantityId>()): QuantityId[] {
	switch (t.op) {
		case 'num': break;
		case 'ref': if (!seen.has(t.id)) { seen.add(t.id); into.push(t.id); } break;
		case 'sum': for (const x of t.terms) termParents(x, into, seen); break;
		case 'prod': for (const x of t.factors) termParents(x, into, seen); break;
		case 'call': for (const x of t.args) termParents(x, into, seen); break;
		case 'sub': case 'div': termParents(t.a, into, seen); termParents(t.b, into, seen); break;
		case 'neg': case 'sq': termParents(t.a, into, seen); break;
	}
	return into;
}

/** Replaces each `ref` for which `f` returns a term (inlining a parent's own formula, say). */
export function substitute(t: Term, f: (id: QuantityId) => Term | undefined): Term {
	switch (t.op) {
		case 'num': return t;
		case 'ref': return f(t.id) ?? t;
		case 'sum': return { op: 'sum', terms: t.terms.map((x) => substitute(x, f)) };
		case 'prod': return { op: 'prod', factors: t.factors.map((x) => substitute(x, f)) };
		case 'call': return { ...t, args: t.args.map((x) => substitute(x, f)) };
		case 'sub': case 'div': return { ...t, a: substitute(t.a, f), b: substitute(t.b, f) };
		case 'neg': case 'sq': return { ...t, a: substitute(t.a, f) };
	}
}

function apply(fn: TermFn, xs: number[], slope = 0): number {
	const x = xs[0];
	switch (fn) {
		case 'sigmoid': return sigmoid(x);
		case 'tanh': return Math.tanh(x);
		case 'relu': return x > 0 ? x : 0;
		case 'leaky_relu': return x > 0 ? x : slope * x;
		case 'step': return x > 0 ? 1 : 0;
		case 'leaky_step': return x > 0 ? 1 : slope;
		case 'exp': return Math.exp(x);
		case 'ln': return Math.log(x);
		case 'max': return xs.reduce((a, b) => Math.max(a, b), -Infinity);
	}
}

/**
 * Evaluates a term; `undefined` when a parent has no value. With `value` giving coef_{o1} = −0.177
 * and w_1 = 0.1, `coef_{o1} · w_1` evaluates to −0.0177.
 */
export function evaluateTerm(t: Term, value: (id: QuantityId) => number | undefined): number | undefined {
	switch (t.op) {
		case 'num': return t.value;
		case 'ref': return value(t.id);
		case 'sum': case 'prod': {
			const xs = t.op === 'sum' ? t.terms : t.factors;
			let r = t.op === 'sum' ? 0 : 1;
			for (const x of xs) {
				const v = evaluateTerm(x, value);
				if (v === undefined) return undefined;
				r = t.op === 'sum' ? r + v : r * v;
			}
			return r;
		}
		case 'sub': case 'div': {
			const a = evaluateTerm(t.a, value), b = evaluateTerm(t.b, value);
			if (a === undefined || b === undefined) return undefined;
			return t.op === 'sub' ? a - b : a / b;
		}
		case 'neg': case 'sq': {
			const a = evaluateTerm(t.a, value);
			return a === undefined ? undefined : t.op === 'neg' ? -a : a * a;
		}
		case 'call': {
			const xs: number[] = [];
			for (const x of t.args) {
				const v = evaluateTerm(x, value);
				if (v === undefined) return undefined;
				xs.push(v);
			}
			return apply(t.fn, xs, t.slope);
		}
	}
}

/**
 * Evaluates a term on intervals: every value the parents' intervals allow lies in the result.
 * `undefined` when a parent has no interval or the result is unbounded (division by an interval
 * holding zero). A parent read at several places is one value (DESIGN 3.3): `out (1 − out)` with
 * out ∈ [0.45, 0.55] is about [0.2461, 0.2516], not [0.2025, 0.3025], by evaluating over pieces of
 * its interval (`eval/subdivide.ts`).
 */
export function evaluateTermInterval(t: Term, value: (id: QuantityId) => Interval | undefined): Interval | undefined {
	const plain = enclose(t, value);
	if (!plain) return plain;
	const { size, repeated } = readings(t);
	const shared = widest(repeated, value);
	if (shared.length === 0) return plain;
	const at = new Map(shared.map((s, i) => [s.item, i]));
	return tighten(plain, shared.map((s) => s.iv), (box) => enclose(t, (id) => {
		const i = at.get(id);
		return i === undefined ? value(id) : box[i];
	}), size);
}

/** The number of nodes of a term, and the parents it reads at more than one place. */
function readings(t: Term): { size: number; repeated: QuantityId[] } {
	const count = new Map<QuantityId, number>();
	let size = 0;
	const stack: Term[] = [t];
	while (stack.length > 0) {
		const x = stack.pop()!;
		size++;
		switch (x.op) {
			case 'num': break;
			case 'ref': count.set(x.id, (count.get(x.id) ?? 0) + 1); break;
			// One at a time: a pooling window's sum may hold more terms than a spread's arguments can.
			case 'sum': for (const y of x.terms) stack.push(y); break;
			case 'prod': for (const y of x.factors) stack.push(y); break;
			case 'call': for (const y of x.args) stack.push(y); break;
			case 'sub': case 'div': stack.push(x.a, x.b); break;
			case 'neg': case 'sq': stack.push(x.a); break;
		}
	}
	return { size, repeated: [...count].filter(([, n]) => n > 1).map(([id]) => id) };
}

/** Interval arithmetic on a term, each reading of a parent independent. */
function enclose(t: Term, value: (id: QuantityId) => Interval | undefined): Interval | undefined {
	switch (t.op) {
		case 'num': return iv.point(t.value);
		case 'ref': return value(t.id);
		case 'sum': case 'prod': {
			let r: Interval | undefined = iv.point(t.op === 'sum' ? 0 : 1);
			for (const x of t.op === 'sum' ? t.terms : t.factors) {
				const v = enclose(x, value);
				if (!v || !r) return undefined;
				r = t.op === 'sum' ? iv.add(r, v) : iv.mul(r, v);
			}
			return r;
		}
		case 'sub': case 'div': {
			const a = enclose(t.a, value), b = enclose(t.b, value);
			if (!a || !b) return undefined;
			return t.op === 'sub' ? iv.sub(a, b) : iv.div(a, b);
		}
		case 'neg': { const a = enclose(t.a, value); return a && iv.neg(a); }
		case 'sq': { const a = enclose(t.a, value); return a && iv.pow(a, iv.point(2)); }
		case 'call': {
			const xs: Interval[] = [];
			for (const x of t.args) {
				const v = enclose(x, value);
				if (!v) return undefined;
				xs.push(v);
			}
			if (t.fn === 'max') return xs.reduce((a, b) => iv.max(a, b));
			if (t.fn === 'ln') return iv.log(xs[0]);
			const slope = t.slope ?? 0;
			if ((t.fn === 'leaky_relu' || t.fn === 'leaky_step') && slope < 0) return undefined;
			if (t.fn === 'leaky_step' && slope > 1) return { lo: apply(t.fn, [xs[0].hi], slope), hi: apply(t.fn, [xs[0].lo], slope) };
			return iv.monotone(xs[0], (x) => apply(t.fn, [x], slope));
		}
	}
}
