/**
 * Chain-rule paths from a quantity to the loss, for hovers: the forward routes along which the
 * quantity influences E, each a list of ids from the quantity to `E`. A gradient, delta or
 * ∂E/∂out asks for the paths of the quantity it differentiates. Routes with a zero local
 * derivative (a max-pool input that lost its window) are left out. The search stops at `limit`
 * paths and says so, since a LeNet-sized network has millions of routes; it also stops after
 * `MAX_PATH_STEPS` quantities visited, found or not, because most routes through stacked convs
 * and a max pool end at a losing element (3^L routes for L convs of width 3), and it stops when
 * its cancellation token is set. A quantity's consumers come from the layer's inverse
 * connectivity (`uses` in `formulas.ts`), so one step costs the quantity's fan-out, not the
 * layer's size.
 */
import { MAX_PATH_STEPS } from '../budgets';
import { uses } from './formulas';
import { convChannel } from './layers/conv';
import type { Network } from './network';
import { ids, parseId } from './quantity';
import { localDerivative, type LocalPartial } from './resolve';
import type { QuantityId } from './term';

/** A cancellation token as LSP's, reduced to what the search reads (the engine imports no service types). */
export interface PathToken {
	readonly isCancellationRequested: boolean;
}

export interface ChainPaths {
	readonly paths: readonly (readonly QuantityId[])[];
	/** True when there are more paths than `limit`, or the search ran out of steps or was cancelled. */
	readonly truncated: boolean;
	/** True when the search stopped at its step budget or its token, so more paths may exist than it could tell. */
	readonly exhausted?: boolean;
}

/** The quantities `id` feeds directly, in the forward direction. */
function consumers(net: Network, id: QuantityId): QuantityId[] {
	const p = parseId(id);
	if (!p) return [];
	const last = net.layers.length - 1;
	if (p.role === 'lossTerm') return ['E'];
	if (p.role === 'pre') {
		const L = net.layers[p.layer];
		const a = L.spec.kind === 'conv' || L.spec.kind === 'dense' || L.spec.kind === 'activation' ? L.spec.activation.kind : 'linear';
		if (a === 'softmax') return Array.from(L.out, (_, k) => ids.layer(p.layer, 'out', k));
		return [ids.layer(p.layer, 'out', p.index)];
	}
	if (p.role === 'param') {
		const L = net.layers[p.layer];
		if (p.param === 'w' && L.conv) return uses(net, p.layer).byWeight[p.index].map((u) => ids.layer(p.layer, 'pre', u.out));
		const r: QuantityId[] = [];
		for (let i = 0; i < L.out.length; i++) {
			const used = p.param === 'b'
				? L.bias!.shared || (L.conv ? convChannel(L.conv, i) : i) === p.index
				: Math.floor(p.index / (L.weights!.value.length / L.out.length)) === i;
			if (used) r.push(ids.layer(p.layer, 'pre', i));
		}
		return r;
	}
	if (p.role !== 'input' && p.role !== 'out') return [];
	const from = p.role === 'input' ? -1 : p.layer;
	if (from === last) return [ids.term(p.index)];
	const m = from + 1, M = net.layers[m], j = p.index;
	// A flatten layer only reshapes; paths go straight through it.
	if (M.spec.kind === 'flatten' && m < last) return consumers(net, ids.layer(m, 'out', j));
	switch (M.spec.kind) {
		case 'conv': return uses(net, m).byInput[j].map((u) => ids.layer(m, 'pre', u.out));
		case 'dense': return Array.from(M.out, (_, i) => ids.layer(m, 'pre', i));
		case 'pool': return uses(net, m).byInput[j].filter((u) => !M.argmax || M.argmax[u.out] === j).map((u) => ids.layer(m, 'out', u.out));
		case 'flatten': return [ids.layer(m, 'out', j)];
		case 'activation': return [ids.layer(m, 'pre', j)];
	}
}

/** The forward quantity a backward one differentiates: delta → pre, ∂E/∂out → out, gradient or update → parameter. */
function subject(id: QuantityId): QuantityId {
	const p = parseId(id);
	if (!p) return id;
	if (p.role === 'delta') return ids.layer(p.layer, 'pre', p.index);
	if (p.role === 'dout') return ids.layer(p.layer, 'out', p.index);
	if (p.role === 'grad' || p.role === 'updated') return ids.param(p.layer, p.param!, p.index);
	return id;
}

/**
 * Up to `limit` paths to the loss, in at most `steps` quantities visited. In the seed network
 * `w_{1}` has one path: w_{1} → in_{o1} → out_{o1} → E_{o1} → E, and `in_{o1}` has two since
 * softmax couples both outputs.
 */
export function chainPaths(net: Network, id: QuantityId, limit: number, steps = MAX_PATH_STEPS, token?: PathToken): ChainPaths {
	const paths: QuantityId[][] = [];
	let truncated = false, exhausted = false, taken = 0;
	const walk = (q: QuantityId, path: QuantityId[]): void => {
		if (truncated) return;
		// Every visit is a step, whether or not its route reaches the loss; the token is read every 256 steps.
		if (++taken > steps || ((taken & 255) === 0 && token?.isCancellationRequested)) { truncated = exhausted = true; return; }
		if (q === 'E') {
			if (paths.length >= limit) { truncated = true; return; }
			paths.push(path);
			return;
		}
		for (const c of consumers(net, q)) walk(c, [...path, c]);
	};
	const start = subject(id);
	if (net.value(start) !== undefined) walk(start, [start]);
	return exhausted ? { paths, truncated, exhausted } : { paths, truncated };
}

/**
 * The factors of one chain-rule path, from the loss down: for w_1 → in_{o1} → out_{o1} → E_{o1} → E
 * they are ∂E/∂E_{o1} = 1, ∂E_{o1}/∂out_{o1} = −t_1/out_{o1}, ∂out_{o1}/∂in_{o1} = out (1 − out) and
 * ∂in_{o1}/∂w_1 = out_{P1}, each with its term and true value; their product is the path's share
 * of ∂E/∂w_1.
 */
export function pathFactors(net: Network, path: readonly QuantityId[]): LocalPartial[] {
	const factors: LocalPartial[] = [];
	for (let i = path.length - 1; i > 0; i--) {
		const f = localDerivative(net, path[i], path[i - 1]);
		if (f) factors.push(f);
	}
	return factors;
}
