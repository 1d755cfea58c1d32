/**
 * The graph of named quantities (DESIGN 4) over one numeric run. Values live in the run's typed
 * arrays; a `Quantity`, its label, its local formula, its chain-rule paths and a layer's table
 * are produced on demand from an id, so building a network costs one forward and backward pass
 * and nothing per element. Name resolution (DESIGN 2.3, 2.5) lives in `resolve.ts`.
 */
import type { NameRef } from '../syntax/ast';
import { localFormula, type FormulaOptions } from './formulas';
import { chainPaths, pathFactors, type ChainPaths, type PathToken } from './paths';
import { ids, parseId, type Quantity } from './quantity';
import { resolveDerivative, resolveName, type DerivativeResolution, type LocalPartial, type NameScope, type Resolution } from './resolve';
import { runNetwork, type Choices, type LayerState, type ParamState, type RunResult } from './run';
import type { NetworkSpec } from './spec';
import { layerTable, type LayerTable } from './table';
import type { Formula, QuantityId } from './term';
import { layerName, paramPosition, positionOf, quantityLabel } from './labels';

/**
 * One network with all its values. `new Network(spec)` runs the step; `buildNetwork(spec)` in
 * `index.ts` caches it. `net.quantity('L0:out:0')` is out_{CC1} = 0.646 in the seed network.
 */
export class Network {
	readonly layers: readonly LayerState[];
	readonly loss: number;
	readonly terms: Float64Array;
	private readonly run: RunResult;
	/** Caches for `resolve.ts` and `formulas.ts`, built the first time they are needed. */
	readonly memo = new Map<string, unknown>();

	/** `choices`: another admissible (sub)gradient at ties and kinks (`run.ts`), for the truth check's alternatives. */
	constructor(readonly spec: NetworkSpec, readonly choices?: Choices) {
		this.run = runNetwork(spec, choices);
		this.layers = this.run.layers;
		this.loss = this.run.loss;
		this.terms = this.run.terms;
	}

	/** The parameter tensor of a layer: `param(4, 'w')` is the dense layer's weights. */
	param(layer: number, kind: 'w' | 'b'): ParamState | undefined {
		const L = this.layers[layer];
		return kind === 'w' ? L?.weights : L?.bias;
	}

	/** The value of a quantity, or undefined for an id that names nothing: `value('E')` is the loss. */
	value(id: QuantityId): number | undefined {
		const v = this.rawValue(id);
		return v === undefined || Number.isNaN(v) ? undefined : v;
	}

	private rawValue(id: QuantityId): number | undefined {
		const p = parseId(id);
		if (!p) return undefined;
		const { index: j } = p;
		switch (p.role) {
			case 'input': return this.spec.input[j];
			case 'target': return this.spec.target[j];
			case 'lr': return this.spec.learningRate;
			case 'loss': return this.loss;
			case 'lossTerm': return this.terms[j];
			case 'pre': case 'out': case 'dout': case 'delta': return this.layers[p.layer]?.[p.role]?.[j];
			default: {
				const t = this.param(p.layer, p.param!);
				return p.role === 'param' ? t?.value[j] : p.role === 'grad' ? t?.grad[j] : t?.updated[j];
			}
		}
	}

	/** The node behind an id: `quantity('L0:out:0')` is out_{CC1} with value 0.646 in the seed network. */
	quantity(id: QuantityId): Quantity | undefined {
		const p = parseId(id);
		const value = this.value(id);
		if (!p || value === undefined) return undefined;
		const position = p.param ? paramPosition(this, p.layer, p.param, p.index) : positionOf(this, p.layer, p.index);
		return { id, role: p.role, label: quantityLabel(this, p), value, layer: p.layer >= 0 ? p.layer : undefined, index: p.index, position, param: p.param };
	}

	/** The canonical LaTeX name of a quantity (`out_{C3}`); the id itself for an unknown id. */
	label(id: QuantityId): string {
		const p = parseId(id);
		return p ? quantityLabel(this, p) : id;
	}

	/**
	 * The local formula of a quantity over its named parents, or undefined for leaves (inputs,
	 * parameters, targets, the learning rate). `formula('L3:pre:0')` in the seed network is
	 * in_{C1} = k_{13} · outpp_{1} + k_{12} · outpp_{2} + k_{11} · outpp_{3} + b_{1}.
	 */
	formula(id: QuantityId, options?: FormulaOptions): Formula | undefined {
		return localFormula(this, id, options);
	}

	/** Chain-rule paths from a quantity to the loss, at most `limit` of them, in a bounded number of steps (`paths.ts`). */
	paths(id: QuantityId, limit = 16, token?: PathToken): ChainPaths {
		return chainPaths(this, id, limit, undefined, token);
	}

	/** The local derivatives along one path from `paths()`, from the loss down (for a hover's chain rule). */
	pathFactors(path: readonly QuantityId[]): LocalPartial[] {
		return pathFactors(this, path);
	}

	/** A whole layer's values as grids, by index or name (`layerTable('CC')`). */
	layerTable(layer: number | string): LayerTable | undefined {
		const l = typeof layer === 'number' ? layer : this.layers.findIndex((L) => L.spec.name === layer);
		return l >= 0 && l < this.layers.length ? layerTable(this, l) : undefined;
	}

	/** What a name in the document means (DESIGN 2.5); see `resolve.ts`. */
	resolve(name: NameRef, scope?: NameScope): Resolution {
		return resolveName(this, name, scope);
	}

	/** What `\frac{\partial A}{\partial B}` means; see `resolve.ts`. */
	resolveDerivative(of: NameRef, wrt: NameRef, scope?: NameScope): DerivativeResolution {
		return resolveDerivative(this, of, wrt, scope);
	}

	/** Every quantity id of the network, in forward order then parameters (for tests and tables). */
	*allIds(): Generator<QuantityId> {
		for (let j = 0; j < this.spec.input.length; j++) yield ids.input(j);
		for (const L of this.layers) {
			for (const role of ['pre', 'out', 'dout', 'delta'] as const) if (L[role]) for (let j = 0; j < L.out.length; j++) yield ids.layer(L.index, role, j);
			for (const p of [L.weights, L.bias]) if (p) for (let i = 0; i < p.value.length; i++) for (const w of [undefined, 'grad', 'new'] as const) yield ids.param(L.index, p.kind, i, w);
		}
		for (let j = 0; j < this.terms.length; j++) yield ids.term(j);
		for (let j = 0; j < this.spec.target.length; j++) yield ids.target(j);
		yield 'E';
		yield 'lr';
	}

	/** The layer's display name: its declared name, else `L3` for the third layer. */
	layerName(l: number): string {
		return layerName(this, l);
	}
}
