/**
 * The engine's public surface: parse a network block, build (or fetch from the cache) its
 * network, and ask the network about named quantities. Everything is pure and synchronous.
 *
 * ```ts
 * const { network, diagnostics } = networkForBlock(scan.networks[0]);
 * const r = network?.resolve(nameRef);                 // {kind: 'quantity', id: 'L3:out:2'}
 * const f = network?.formula(r.id);                    // out_{C3} = σ(in_{C3})
 * renderTerm(f.rhs, (id) => network.label(id));        // '\\sigma(in_{C3})'
 * evaluateTermInterval(f.rhs, (id) => stated.get(id)); // on the author's own values
 * ```
 */
import type { Diagnostic } from '../check/diagnostic';
import type { NetworkBlockRegion } from '../scan/region';
import { parseNetworkBlock } from './block';
import { Network } from './network';
import type { NetworkSpec } from './spec';
import type { Locale } from '../messages/locale';

export { parseNetworkBlock, parseNetworkYaml, MAX_NETWORK_BYTES, MAX_MACS } from './block';
export { Network } from './network';
export type { Choices } from './run';
export type { NetworkSpec, LayerSpec, Shape, ActivationKind, LossKind, Notation } from './spec';
export type { Quantity, Role } from './quantity';
export { parseId, ids } from './quantity';
export type { Formula, Term, QuantityId } from './term';
export { evaluateTerm, evaluateTermInterval, termParents, substitute } from './term';
export { renderTerm, renderTermBounded } from './render';
export { expandFormula, type FormulaOptions } from './formulas';
export type { ChainPaths } from './paths';
export type { LayerTable, Grid } from './table';
export type { Resolution, DerivativeResolution, DerivativeReading, LocalPartial } from './resolve';
export { diffTerm } from './diff';
export { nameKey } from './nameKey';

const networks = new WeakMap<NetworkSpec, Network>();

/** The network a spec describes, built once per spec (specs are cached per block text). */
export function buildNetwork(spec: NetworkSpec): Network {
	let n = networks.get(spec);
	if (!n) networks.set(spec, (n = new Network(spec)));
	return n;
}

/**
 * Parses a block and builds its network; both are cached by the block's YAML text, so calling
 * this on every keystroke re-runs nothing while the block is unchanged.
 */
export function networkForBlock(block: NetworkBlockRegion, locale?: Locale): { network?: Network; diagnostics: Diagnostic[] } {
	const { spec, diagnostics } = parseNetworkBlock(block, locale);
	return { network: spec && buildNetwork(spec), diagnostics };
}
