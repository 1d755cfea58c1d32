/**
 * What a derivation states and in which order, as a careful author works: the forward pass layer
 * by layer (pre-activations, then outputs), the loss, the backward pass from the last layer down
 * (∂E/∂out, then the deltas, then that layer's gradients), and last the update of every parameter.
 * Each step is one quantity with the engine's own local formula (`formulas.ts`), so a step is
 * exactly what the checker will hold the document to. Flatten layers only reshape and are read
 * through, as the engine does; a layer below every parameter needs no backward steps.
 */
import type { Network } from '../engine/network';
import { ids } from '../engine/quantity';
import { closedFormDelta } from '../engine/run';
import { prod, ref, sub, sum, type Formula, type QuantityId } from '../engine/term';
import { expandFormula } from '../engine/formulas';

export type Part = 'forward' | 'backward' | 'update';

/** One section of the derivation: a layer's forward steps, the loss, a layer's backward steps, or the update. */
export interface Section {
	readonly part: Part;
	/** The layer (0-based) the section is about; undefined for the loss and the update. */
	readonly layer?: number;
	readonly kind: 'layer' | 'loss' | 'update';
	readonly steps: readonly Formula[];
}

function formulaOf(net: Network, id: QuantityId): Formula | undefined {
	return net.formula(id, { inlineDout: false });
}

function stepsOf(net: Network, idsOf: Iterable<QuantityId>): Formula[] {
	const out: Formula[] = [];
	for (const id of idsOf) {
		const f = formulaOf(net, id);
		if (f) out.push(f);
	}
	return out;
}

function* range(n: number, f: (j: number) => QuantityId): Generator<QuantityId> {
	for (let j = 0; j < n; j++) yield f(j);
}

/** True when layer `l` or one before it has parameters, so its gradient is needed. */
function needsBackward(net: Network, l: number): boolean {
	for (let m = 0; m <= l; m++) if (net.layers[m].weights || net.layers[m].bias) return true;
	return false;
}

/**
 * Softmax with cross-entropy over targets that do not sum to one has the delta out · Σt − t; the
 * engine holds Σt as a constant, an author writes the sum: `(t_{1} + t_{2}) \cdot out_{o1} - t_{1}`.
 */
function targetSum(net: Network, f: Formula): Formula {
	const r = f.rhs;
	if (r.op !== 'sub' || r.a.op !== 'prod' || r.a.factors[0]?.op !== 'num') return f;
	const targets = Array.from(net.spec.target, (_, j) => ref(ids.target(j)));
	return { of: f.of, rhs: sub(prod(sum(targets), ...r.a.factors.slice(1)), r.b) };
}

/** The sections of the whole step, in the order the derivation writes them. */
export function plan(net: Network): Section[] {
	const sections: Section[] = [];
	const last = net.layers.length - 1;
	net.layers.forEach((L, l) => {
		if (L.spec.kind === 'flatten') return;
		const n = L.out.length;
		const steps = [...(L.pre ? stepsOf(net, range(n, (j) => ids.layer(l, 'pre', j))) : []), ...stepsOf(net, range(n, (j) => ids.layer(l, 'out', j)))];
		sections.push({ part: 'forward', layer: l, kind: 'layer', steps });
	});
	// The loss is written whole, its per-output terms inlined: E = -(t_1 \ln out_{o1} + …).
	const loss = formulaOf(net, 'E');
	if (loss) sections.push({ part: 'forward', kind: 'loss', steps: [expandFormula(net, loss, (id) => id.startsWith('E:'))] });
	for (let l = last; l >= 0; l--) {
		const L = net.layers[l];
		if (L.spec.kind === 'flatten' || !needsBackward(net, l)) continue;
		const n = L.out.length;
		const closed = l === last && closedFormDelta(net.spec);
		const steps: Formula[] = [];
		if (!closed) steps.push(...stepsOf(net, range(n, (j) => ids.layer(l, 'dout', j))));
		if (L.delta) steps.push(...stepsOf(net, range(n, (j) => ids.layer(l, 'delta', j))).map((f) => (closed ? targetSum(net, f) : f)));
		for (const p of [L.weights, L.bias]) if (p) steps.push(...stepsOf(net, range(p.value.length, (i) => ids.param(l, p.kind, i, 'grad'))));
		sections.push({ part: 'backward', layer: l, kind: 'layer', steps });
	}
	if (!Number.isNaN(net.spec.learningRate)) {
		const steps: Formula[] = [];
		net.layers.forEach((L, l) => {
			for (const p of [L.weights, L.bias]) if (p) for (let i = 0; i < p.value.length; i++) if (!p.frozen[i]) steps.push(...stepsOf(net, [ids.param(l, p.kind, i, 'new')]));
		});
		sections.push({ part: 'update', kind: 'update', steps });
	}
	return sections;
}
