/**
 * Reads the network a document works through when it declares none (DESIGN 2.6). The strategy is
 * propose, then verify. `formulas.ts` collects the forward formulas (and `numberArg.ts` an activation
 * written on its pre-activation's number); `dense.ts` proposes the layers from the weighted sums and
 * activations, and when they are no fully connected network `cnn.ts` proposes convolutions, pools and
 * flattens (`cnnSpec.ts` their spec), or `matrix.ts` layers written in vector form (`W^{(1)} x + b^{(1)}`); `loss.ts` the loss and the targets, `givens.ts` the numbers
 * the document states; `spec.ts` turns them into a `NetworkSpec` in the document's own names. Then
 * the engine builds that network and `verify.ts` asks it for the local formula of every quantity a
 * forward formula defines: the candidate is used only when each written formula binds to the
 * quantity it was read as and computes it (the same parents, the same value). Anything less is no
 * network, with the reason in a sentence: a wrong network would raise false alarms, the worst outcome.
 *
 * The work is bounded: at most `MAX_INFER_FORMULAS` formulas are read and the network is capped
 * by the engine's own budgets (`MAX_NETWORK_BYTES`, `MAX_MACS`).
 */
import { MAX_INFER_FORMULAS } from '../budgets';
import type { Chain } from '../check/chains';
import type { Facts } from '../check/facts';
import type { QuantityId } from '../engine/index';
import type { NameRef } from '../syntax/ast';
import type { NameScope } from '../engine/resolve';
import { message } from '../messages/message';
import { defaultLocale, type Locale } from '../messages/locale';
import { readDense } from './dense';
import { readCnn, expectedIds, type CnnReading } from './cnn';
import { buildCnnSpec, paramsOf, sharedParams } from './cnnSpec';
import { readFormulas, type ForwardFormula } from './formulas';
import { numberArgFormulas } from './numberArg';
import { Givens } from './givens';
import { readLoss } from './loss';
import { inferMatrix } from './matrix';
import { buildSpec } from './spec';
import type { InferredNetwork } from './types';
import { denseIds, verifyNetwork } from './verify';

export type { InferredNetwork } from './types';

/** The reason, in `locale`, when a document holds nothing a network could be read from (no weighted sum at all). */
export function nothingToRead(locale: Locale = defaultLocale): string {
	return message('infer.nothing', {}, locale);
}

/**
 * The network `chains` work through, or none and why; `facts` records what the chains state, asked
 * for only when there is a structure to give values to. `inferNetwork(chains, text, facts, scope)` on
 * the 2-2-2 network of Mazur's notes (`net_{h1} = w_1 i_1 + w_2 i_2 + b_1`, `out_{h1} = \sigma(net_{h1})`,
 * `E_{o1} = \frac{1}{2}(t_1 - out_{o1})^2`, …) reads two sigmoid dense layers `h` and `o` and half_sse.
 */
export function inferNetwork(chains: readonly Chain[], text: string, facts: () => Facts, scope: NameScope, locale: Locale = defaultLocale): InferredNetwork {
	const written = readFormulas(chains, MAX_INFER_FORMULAS);
	// In document order: verification binds a name of the author's own where its formula stands, before the formulas that read it.
	const formulas = [...written, ...numberArgFormulas(chains, written)].sort((a, b) => a.chain.index - b.chain.index);
	const dense = readDense(formulas, locale);
	if (dense?.kind !== 'read') {
		const cnn = dense || formulas.some((f) => f.affine) ? readCnn(formulas, locale) : undefined;
		if (cnn?.kind === 'read') return convolutional(cnn, formulas, chains, text, facts, scope, locale);
		// Layers written in vector form (`z^{(1)} = W^{(1)} x + b^{(1)}` over stated matrices), when the document writes any.
		if (formulas.some((f) => f.affine?.products.length === 1)) {
			const stated = facts();
			const vector = inferMatrix(formulas, chains, stated, new Givens(stated, chains, text), scope, locale);
			if (vector) return vector;
		}
		if (cnn) return { kind: 'none', reason: cnn.reason, span: cnn.at?.chain.span };
		return dense ? { kind: 'none', reason: dense.reason, span: dense.at?.chain.span } : { kind: 'none', reason: nothingToRead(locale) };
	}
	const last = dense.layers[dense.layers.length - 1];
	const loss = readLoss(formulas, last.outputs, last.units.length, locale);
	if (loss.kind === 'none') return loss;
	const givens = new Givens(facts(), chains, text);
	for (const L of dense.layers) {
		for (const u of L.units) {
			for (const n of [...u.pre.heads, ...(u.out?.heads ?? []), ...u.weights, ...(u.bias ? [u.bias] : []), ...dense.inputs]) {
				const two = givens.twoValues(n);
				if (two) return { kind: 'none', reason: message('infer.twoValues', { name: n.text, a: two[0].text, b: two[1].text }, locale), span: two[1].span };
			}
		}
	}
	const off = contradiction(givens, [...dense.inputs, ...dense.layers.flatMap((L) => L.units.flatMap((u) => [...u.weights, ...(u.bias ? [u.bias] : [])]))], sumChains(formulas, dense.layers.flatMap((L) => L.units.map((u) => u.pre))), locale);
	if (off) return off;
	const spec = buildSpec(dense, loss, givens, locale);
	if ('reason' in spec) return { kind: 'none', reason: spec.reason };
	return verifyNetwork(spec, denseIds(dense), formulas, scope, locale);
}

/** The chains that write the weighted sums read as units (`pres`), each time one is written. */
function sumChains(formulas: readonly ForwardFormula[], pres: readonly ForwardFormula[]): Set<number> {
	const heads = new Set(pres.flatMap((f) => f.heads.map((h) => h.key)));
	return new Set(formulas.filter((f) => f.affine && f.heads.some((h) => heads.has(h.key))).map((f) => f.chain.index));
}

/** The first given whose stated value a formula contradicts, as the reason there is no network. */
function contradiction(givens: Givens, names: readonly NameRef[], within: ReadonlySet<number>, locale: Locale): InferredNetwork | undefined {
	for (const n of names) {
		const off = givens.contradicted(n, within);
		if (off) return { kind: 'none', reason: message('infer.givenContradicted', { name: n.text, a: off.stated.text, b: off.text }, locale), span: off.span };
	}
	return undefined;
}

/** Per head of a unit's pre-activation, each name its layer shares with another → that layer's own parameter. */
function pinsOf(cnn: Extract<CnnReading, { kind: 'read' }>, shared: ReadonlySet<string>): Map<string, Map<string, QuantityId>> {
	const pins = new Map<string, Map<string, QuantityId>>();
	cnn.layers.forEach((L, l) => {
		if (L.kind !== 'conv' && L.kind !== 'dense') return;
		const own = new Map<string, QuantityId>();
		const weights = L.kind === 'conv' ? L.fit.kernel : L.units.flatMap((u) => u.weights);
		const biases = L.kind === 'conv' ? L.fit.biases : [...new Map(L.units.map((u) => [u.bias!.key, u.bias!])).values()];
		weights.forEach((n, i) => { if (shared.has(n.key)) own.set(n.key, `L${l}:w:${i}`); });
		biases.forEach((n, i) => { if (shared.has(n.key)) own.set(n.key, `L${l}:b:${i}`); });
		if (own.size > 0) for (const u of L.units) for (const h of u.pre.heads) pins.set(h.key, own);
	});
	return pins;
}

/** The convolutional reading's loss, givens and spec, verified as a dense one is. */
function convolutional(cnn: Extract<CnnReading, { kind: 'read' }>, formulas: readonly ForwardFormula[], chains: readonly Chain[], text: string, facts: () => Facts, scope: NameScope, locale: Locale): InferredNetwork {
	const last = cnn.layers[cnn.layers.length - 1];
	if (last.kind === 'flatten') return { kind: 'none', reason: message('infer.noLoss', { names: 'E, L, E_{o1} …' }, locale) };
	const loss = readLoss(formulas, last.outputs, last.channels * last.length, locale);
	if (loss.kind === 'none') return loss;
	const givens = new Givens(facts(), chains, text);
	const shared = sharedParams(cnn.layers);
	const heads = cnn.layers.flatMap((L) => (L.kind === 'flatten' ? [] : L.kind === 'pool' ? L.units.flatMap((f) => f.heads) : L.units.flatMap((u) => [...u.pre.heads, ...(u.out?.heads ?? [])])));
	const names = [...heads, ...cnn.inputs, ...cnn.layers.flatMap(paramsOf)].filter((n) => !shared.has(n.key));
	for (const n of names) {
		const two = givens.twoValues(n);
		if (two) return { kind: 'none', reason: message('infer.twoValues', { name: n.text, a: two[0].text, b: two[1].text }, locale), span: two[1].span };
	}
	const pres = cnn.layers.flatMap((L) => (L.kind === 'conv' || L.kind === 'dense' ? L.units.map((u) => u.pre) : []));
	const off = contradiction(givens, [...cnn.inputs, ...cnn.layers.flatMap(paramsOf)].filter((n) => !shared.has(n.key)), sumChains(formulas, pres), locale);
	if (off) return off;
	const spec = buildCnnSpec(cnn, loss, givens, formulas, locale);
	if ('reason' in spec) return { kind: 'none', reason: spec.reason };
	const outvoted = new Set(cnn.layers.flatMap((L) => (L.kind === 'conv' ? L.fit.outvoted.flatMap((f) => f.heads.map((h) => h.key)) : [])));
	return verifyNetwork(spec, expectedIds(cnn), formulas, scope, locale, outvoted, pinsOf(cnn, shared));
}
