/**
 * Binding: what a name, a derivative or a chain's head means in the document's network
 * (DESIGN 2.5), through the engine's resolver. A name the engine cannot place, or places in
 * more than one quantity, is not bound: the checker leaves it unchecked and lists it, never
 * guessing. A derivative between two quantities that are not a gradient is bound to its local
 * partial, under a pseudo-id `d:of/wrt` that only the chain binding it uses.
 */
import type { Network, QuantityId, Term } from '../../engine/index';
import type { DerivativeNode, Expr, NameNode, NameRef } from '../../syntax/ast';
import type { NameScope } from '../../engine/resolve';
import type { EvalContext } from '../../eval/evaluate';
import { point } from '../../eval/interval';

export type Binding =
	| { readonly kind: 'bound'; readonly id: QuantityId; readonly value: number; readonly label: string; readonly term?: Term }
	| { readonly kind: 'ambiguous'; readonly labels: readonly string[] }
	| { readonly kind: 'unknown' };

const BINDINGS_KEPT = 50_000;

/** The parts of a name its resolution reads (`resolve.ts`), as one string. */
/** Each name's spelling, made once: a name is bound on every check, and its key changes only when its marks settle anew. */
const spellings = new WeakMap<NameRef, { readonly baseKey: string; readonly spelling: string }>();

function spelling(n: NameRef): string {
	const hit = spellings.get(n);
	if (hit && hit.baseKey === n.baseKey) return hit.spelling;
	const made = `${n.marks.join(',')}\u0000${n.base}\u0000${n.layer ?? '\u0001'}\u0000${n.sub}\u0000${n.baseKey}\u0000${n.updated ? 1 : 0}`;
	spellings.set(n, { baseKey: n.baseKey, spelling: made });
	return made;
}

/**
 * Binds a name or derivative node; `updated` turns a parameter into its updated value (update chains).
 * A binding is a function of the network, the name's parts, whether the document marks a
 * prediction and the name the author invented for its key, if any; a document binds the same
 * names hundreds of times, so bindings that no invented name touches are kept per network
 * (emptied at `BINDINGS_KEPT`, so the memo stays bounded).
 */
export function bind(net: Network, e: Expr, updated = false, scope?: NameScope): Binding {
	let x = e;
	while (x.kind === 'group') x = x.inner;
	if (x.kind !== 'name' && x.kind !== 'derivative') return { kind: 'unknown' };
	const invented = scope?.invented;
	const own = x.kind === 'name' ? invented?.has(x.name.baseKey) : invented?.has(x.of.baseKey) || invented?.has(x.wrt.baseKey);
	if (own) return bindNow(net, x, updated, scope);
	let memo = net.memo.get('bindings') as Map<string, Binding> | undefined;
	if (!memo || memo.size >= BINDINGS_KEPT) net.memo.set('bindings', (memo = new Map()));
	const key = `${scope?.marksPrediction ? 1 : 0}${updated ? 1 : 0}${x.kind === 'name' ? spelling(x.name) : `${spelling(x.of)}\u0002${spelling(x.wrt)}\u0002${x.of.text}\u0002${x.wrt.text}`}`;
	const hit = memo.get(key);
	if (hit) return hit;
	const b = bindNow(net, x, updated, scope);
	memo.set(key, b);
	return b;
}

function bindNow(net: Network, x: NameNode | DerivativeNode, updated: boolean, scope: NameScope | undefined): Binding {
	if (x.kind === 'name') {
		const r = net.resolve(x.name, scope);
		if (r.kind === 'ambiguous') return { kind: 'ambiguous', labels: r.candidates.map((id) => net.label(id)) };
		if (r.kind === 'unknown') return { kind: 'unknown' };
		const id = updated && !x.name.updated && /^L\d+:[wb]:\d+$/.test(r.id) ? `${r.id}:new` : r.id;
		const value = net.value(id);
		return value === undefined ? { kind: 'unknown' } : { kind: 'bound', id, value, label: net.label(id) };
	}
	const r = net.resolveDerivative(x.of, x.wrt, scope);
	if (r.kind === 'ambiguous') return { kind: 'ambiguous', labels: [`\\frac{\\partial ${x.of.text}}{\\partial ${x.wrt.text}}`] };
	if (r.kind === 'unknown') return { kind: 'unknown' };
	if (r.kind === 'local') return { kind: 'bound', id: `d:${r.of}/${r.wrt}`, value: r.value, label: `\\frac{\\partial ${net.label(r.of)}}{\\partial ${net.label(r.wrt)}}`, term: r.term };
	const value = net.value(r.id);
	return value === undefined ? { kind: 'unknown' } : { kind: 'bound', id: r.id, value, label: net.label(r.id) };
}

/** Every absolute value the block declares: inputs, targets, parameters and the learning rate (exact, DESIGN 3.3). */
export function declaredValues(net: Network): Set<number> {
	const out = new Set<number>();
	for (const id of net.allIds()) {
		if (/^(x|t):\d+$/.test(id) || id === 'lr' || /^L\d+:[wb]:\d+$/.test(id)) {
			const v = net.value(id);
			if (v !== undefined) out.add(Math.abs(v));
		}
	}
	return out;
}

/**
 * The evaluation context of the network's true values: literals at face value, every bound name
 * and derivative at its true value, anything else unknown. The formula checks and binding by
 * formula all evaluate the written formula through it.
 */
export function trueValues(net: Network, scope: NameScope | undefined): EvalContext {
	const value = (e: Expr) => {
		const b = bind(net, e, false, scope);
		return b.kind === 'bound' ? { value: b.value, iv: point(b.value) } : undefined;
	};
	return { literal: (n) => point(n.value), name: value, derivative: value };
}
