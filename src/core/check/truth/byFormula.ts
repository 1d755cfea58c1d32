/**
 * Binding by formula (DESIGN 2.5). Authors name quantities their own way (`z1`, `H_{11}`,
 * `net_{H1}`, `y1`); a chain whose head no spelling reaches, and one of whose symbolic members
 * reads only names that are already bound, binds its head to the one network quantity whose
 * local formula that member matches: the same parents (`termParents` of the engine's formula,
 * with ∂E/∂out inlined or not) and, evaluated on the network's true values, the same value — the
 * same operation over the same quantities. Numbers never decide a binding: only the written
 * formula is compared, never the number the author stated, so a wrong number cannot unbind its
 * name. Two quantities that match leave the name unbound.
 *
 * Candidates are the quantities of the layers the member's parents belong to and their
 * neighbours, so the search stays small on a large network.
 */
import { parseId, termParents, type Network, type QuantityId } from '../../engine/index';
import { evaluate } from '../../eval/evaluate';
import type { Expr } from '../../syntax/ast';
import { nodesOf } from '../../syntax/walk';
import type { NameScope } from '../../engine/resolve';
import { bind, trueValues } from './bind';

/** At most this many candidate quantities are compared for one member. */
const MAX_CANDIDATES = 4096;

/**
 * The quantities a member reads (the learning rate aside), or `undefined` when one of its names or
 * derivatives is not bound to a quantity; network inference verifies its formulas with it too.
 */
export function boundParents(net: Network, member: Expr, scope: NameScope | undefined): Set<QuantityId> | undefined {
	const out = new Set<QuantityId>();
	for (const x of nodesOf(member)) {
		if (x.kind !== 'name' && x.kind !== 'derivative') continue;
		const b = bind(net, x, false, scope);
		if (b.kind !== 'bound' || b.id.startsWith('d:')) return undefined;
		if (b.id !== 'lr') out.add(b.id);
	}
	return out;
}

/** The ids a member reads, or `undefined` when it reads none or one of them is not bound. */
function parentsOf(net: Network, member: Expr, scope: NameScope | undefined): Set<QuantityId> | undefined {
	const out = boundParents(net, member, scope);
	return out && out.size > 0 ? out : undefined;
}

function sameSet(a: ReadonlySet<QuantityId>, b: readonly QuantityId[]): boolean {
	const bs = new Set(b);
	if (bs.size !== a.size) return false;
	for (const x of a) if (!bs.has(x)) return false;
	return true;
}

/** Layer quantities near the parents: their layers and the layers on either side. */
function candidatesNear(net: Network, parents: ReadonlySet<QuantityId>): QuantityId[] {
	const layers = new Set<number>();
	for (const p of parents) {
		const l = parseId(p)?.layer ?? -1;
		for (const k of [l - 1, l, l + 1]) if (k >= 0 && k < net.layers.length) layers.add(k);
		if (l < 0) layers.add(0);
	}
	const out: QuantityId[] = [];
	for (const l of layers) {
		const L = net.layers[l];
		for (const role of ['pre', 'out', 'dout', 'delta'] as const) {
			const values = L[role];
			if (!values) continue;
			for (let j = 0; j < values.length && out.length < MAX_CANDIDATES; j++) out.push(`L${l}:${role}:${j}`);
		}
	}
	return out;
}

/**
 * The quantity a written formula computes, when exactly one does: for `\sigma(net_{H11})` with
 * `net_{H11}` bound to `L0:pre:0`, that is `L0:out:0`; for `w_1 x_1 + w_2 x_2 + b_1` it is
 * `L0:pre:0`.
 */
export function quantityByFormula(net: Network, member: Expr, scope: NameScope | undefined): QuantityId | undefined {
	const parents = parentsOf(net, member, scope);
	if (!parents) return undefined;
	const outcome = evaluate(member, trueValues(net, scope));
	if (!outcome.ok) return undefined;
	const matches: QuantityId[] = [];
	for (const q of candidatesNear(net, parents)) {
		if (parents.has(q)) continue;
		const truth = net.value(q);
		if (truth === undefined || Math.abs(outcome.value - truth) > 1e-9 * Math.max(1, Math.abs(truth))) continue;
		const forms = [net.formula(q), net.formula(q, { inlineDout: false })];
		if (forms.some((f) => f && sameSet(parents, termParents(f.rhs)))) matches.push(q);
		if (matches.length > 1) return undefined;
	}
	return matches[0];
}
