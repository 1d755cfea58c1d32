/**
 * Symbolic partial derivatives of local formulas with respect to one parent, simplified the way
 * a person writes them: ∂(k_{13} · outpp_1 + … + b_1)/∂k_{13} is `outpp_1`, not `1 · outpp_1 + 0`.
 * Only the functions local formulas use are handled; `max` (a pool's routing) is left to the
 * caller, which knows the winner. Returns undefined where it cannot differentiate.
 */
import { call, div, neg, num, prod, sub, sum, type QuantityId, type Term } from './term';

const isZero = (t: Term) => t.op === 'num' && t.value === 0;
const isOne = (t: Term) => t.op === 'num' && t.value === 1;

/** A product with ones dropped and zeros absorbing: `times(1, x)` is x, `times(0, x)` is 0. */
export function times(...fs: Term[]): Term {
	if (fs.some(isZero)) return num(0);
	const kept = fs.flatMap((f) => (f.op === 'prod' ? f.factors : [f])).filter((f) => !isOne(f));
	// t · 1/x is written t/x.
	const reciprocal = kept.findIndex((f) => f.op === 'div' && isOne(f.a));
	if (reciprocal >= 0 && kept.length > 1) {
		const r = kept[reciprocal] as Extract<Term, { op: 'div' }>;
		return div(times(...kept.filter((_, i) => i !== reciprocal)), r.b);
	}
	return kept.length === 0 ? num(1) : kept.length === 1 ? kept[0] : prod(...kept);
}

/** A sum with zeros dropped. */
export function plus(ts: Term[]): Term {
	const kept = ts.filter((t) => !isZero(t));
	return kept.length === 0 ? num(0) : sum(kept);
}

/** ∂t/∂id. `diffTerm(k·x + b, 'k')` is x; `diffTerm(σ(z), 'z')` is σ(z) (1 − σ(z)). */
export function diffTerm(t: Term, id: QuantityId): Term | undefined {
	const d = (x: Term) => diffTerm(x, id);
	switch (t.op) {
		case 'num': return num(0);
		case 'ref': return num(t.id === id ? 1 : 0);
		case 'sum': {
			const ds = t.terms.map(d);
			return ds.some((x) => !x) ? undefined : plus(ds as Term[]);
		}
		case 'prod': {
			const parts: Term[] = [];
			for (let i = 0; i < t.factors.length; i++) {
				const di = d(t.factors[i]);
				if (!di) return undefined;
				parts.push(times(...t.factors.map((f, j) => (j === i ? di : f))));
			}
			return plus(parts);
		}
		case 'sub': {
			const a = d(t.a), b = d(t.b);
			if (!a || !b) return undefined;
			return isZero(b) ? a : isZero(a) ? neg(b) : sub(a, b);
		}
		case 'neg': {
			const a = d(t.a);
			return a && (isZero(a) ? a : neg(a));
		}
		case 'sq': {
			const a = d(t.a);
			return a && times(num(2), t.a, a);
		}
		case 'div': {
			const a = d(t.a), b = d(t.b);
			if (!a || !b) return undefined;
			if (isZero(b)) return isZero(a) ? a : div(a, t.b);
			return div(sub(times(a, t.b), times(t.a, b)), { op: 'sq', a: t.b });
		}
		case 'call': {
			if (t.fn === 'max' || t.args.length !== 1) return undefined;
			const x = t.args[0], dx = d(x);
			if (!dx) return undefined;
			if (isZero(dx)) return dx;
			switch (t.fn) {
				case 'sigmoid': return times(t, sub(num(1), t), dx);
				case 'tanh': return times(sub(num(1), { op: 'sq', a: t }), dx);
				case 'relu': return times(call('step', [x]), dx);
				case 'leaky_relu': return times(call('leaky_step', [x], t.slope), dx);
				case 'exp': return times(t, dx);
				case 'ln': return div(dx, x);
				default: return undefined;
			}
		}
	}
}
