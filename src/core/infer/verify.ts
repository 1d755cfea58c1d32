/**
 * The confidence rule of DESIGN 2.6: a network read off a document is used only when it
 * reproduces every forward formula the document writes. The engine builds the candidate; each
 * formula's head must mean the quantity it was read as (by its spelling, `resolve.ts`, or, for a
 * name of the author's own, by its formula, `byFormula.ts`), and the written formula must compute
 * that quantity: the same parents as the engine's local formula and the same value on the true
 * values. A name two layers share (the seed's `b_1`) is, in the formula of a unit of one of them, that
 * layer's parameter, as the reading placed it (`pins`). A loss formula must give the loss (or its term) it names. One formula that does not is
 * the reason there is no network.
 */
import { buildNetwork, termParents, type Network, type QuantityId } from '../engine/index';
import type { NameScope } from '../engine/resolve';
import type { NetworkSpec } from '../engine/spec';
import { evaluate } from '../eval/evaluate';
import { bind, trueValues } from '../check/truth/bind';
import { point } from '../eval/interval';
import { nodesOf } from '../syntax/walk';
import { boundParents, quantityByFormula } from '../check/truth/byFormula';
import { message } from '../messages/message';
import { defaultLocale, type Locale } from '../messages/locale';
import type { Expr, NameRef } from '../syntax/ast';
import type { DenseReading } from './dense';
import type { ForwardFormula } from './formulas';
import { isLossName } from './loss';
import { close } from './probe';
import type { InferredNetwork } from './types';

type Read<T> = Extract<T, { kind: 'read' }>;

function headId(net: Network, heads: readonly NameRef[], scope: NameScope): QuantityId | 'ambiguous' | undefined {
	for (const h of heads) {
		const r = net.resolve(h, scope);
		if (r.kind === 'quantity') return r.id;
		if (r.kind === 'ambiguous') return 'ambiguous';
	}
	return undefined;
}

/**
 * Whether `member` reads exactly the parents of `id`'s local formula and gives its true value on
 * the true values; with `parentsOnly` (a unit the other units of its layer out-vote) the parents suffice.
 */
function computes(net: Network, member: Expr, id: QuantityId, scope: NameScope, parentsOnly = false, pins?: ReadonlyMap<string, QuantityId>): boolean {
	const parents = pinnedParents(net, member, scope, pins);
	if (!parents) return false;
	const truth = net.value(id);
	const ctx = trueValues(net, scope);
	const out = evaluate(member, { ...ctx, name: (e) => {
		const pin = pinOf(net, e.name, scope, pins);
		const v = pin === undefined ? undefined : net.value(pin);
		return v === undefined ? ctx.name?.(e) : { value: v, iv: point(v) };
	} });
	if (!parentsOnly && (truth === undefined || !out.ok || !close(out.value, truth))) return false;
	return [net.formula(id), net.formula(id, { inlineDout: false })].some((f) => {
		const want = f ? new Set(termParents(f.rhs)) : undefined;
		return want !== undefined && want.size === parents.size && [...parents].every((p) => want.has(p));
	});
}

/** The quantity a pinned name means in this formula: the reading's own, when the network finds it among several. */
function pinOf(net: Network, name: NameRef, scope: NameScope, pins: ReadonlyMap<string, QuantityId> | undefined): QuantityId | undefined {
	const pin = pins?.get(name.key);
	if (pin === undefined) return undefined;
	const r = net.resolve(name, scope);
	return r.kind === 'ambiguous' && r.candidates.includes(pin) ? pin : undefined;
}

/** `boundParents`, but a name two layers share is the parameter of the layer the formula belongs to (`pins`). */
function pinnedParents(net: Network, member: Expr, scope: NameScope, pins: ReadonlyMap<string, QuantityId> | undefined): Set<QuantityId> | undefined {
	if (!pins || pins.size === 0) return boundParents(net, member, scope);
	const out = new Set<QuantityId>();
	for (const x of nodesOf(member)) {
		const pin = x.kind === 'name' ? pinOf(net, x.name, scope, pins) : undefined;
		if (pin !== undefined) { out.add(pin); continue; }
		if (x.kind !== 'name' && x.kind !== 'derivative') continue;
		const b = bind(net, x, false, scope);
		if (b.kind !== 'bound' || b.id.startsWith('d:')) return undefined;
		if (b.id !== 'lr') out.add(b.id);
	}
	return out;
}

/** The quantity each head of a dense reading means, by key. */
export function denseIds(dense: Read<DenseReading>): Map<string, QuantityId> {
	const expected = new Map<string, QuantityId>();
	dense.layers.forEach((L, l) => L.units.forEach((u, j) => {
		for (const h of u.pre.heads) expected.set(h.key, `L${l}:pre:${j}`);
		for (const h of u.out?.heads ?? []) expected.set(h.key, `L${l}:out:${j}`);
	}));
	return expected;
}

/**
 * The candidate as an inferred network, or the first formula it does not reproduce (said in
 * `locale`). `expected` is the quantity each head was read as; a head in `outvoted` (a unit whose
 * weights the other units of its layer fix) must read the quantity's parents, and its value is the
 * checker's to judge.
 */
export function verifyNetwork(spec: NetworkSpec, expected: ReadonlyMap<string, QuantityId>, formulas: readonly ForwardFormula[], scope: NameScope, locale: Locale = defaultLocale, outvoted: ReadonlySet<string> = new Set(), pins: ReadonlyMap<string, ReadonlyMap<string, QuantityId>> = new Map()): InferredNetwork {
	let net: Network;
	try {
		net = buildNetwork(spec);
	} catch {
		return { kind: 'none', reason: message('infer.noBuild', {}, locale) };
	}
	const invented = new Map<string, QuantityId>(scope.invented ?? []);
	const within: NameScope = { ...scope, invented };
	// The document's spelling of each quantity a formula defines, the first formula's; and of its loss.
	const quantities: Record<string, string> = {};
	let loss: string | undefined;
	for (const f of formulas) {
		const want = f.heads.map((h) => expected.get(h.key)).find((x) => x);
		if (want) {
			const named = headId(net, f.heads, within);
			// A head the spelling places is checked against its own formula; a name of the author's own is bound by its formula, as the checker binds it.
			const loose = f.heads.some((h) => outvoted.has(h.key));
			const fits = named === want ? computes(net, f.member, want, within, loose, f.heads.map((h) => pins.get(h.key)).find((p) => p)) : named === undefined && quantityByFormula(net, f.member, within) === want;
			if (!fits) {
				return { kind: 'none', reason: message('infer.formulaMisfit', { head: f.heads[0].text }, locale), span: f.chain.span };
			}
			if (named === undefined) for (const h of f.heads) invented.set(h.key, want);
			if (/^L\d+:(pre|out):\d+$/.test(want)) quantities[want] ??= f.heads[0].text;
			continue;
		}
		if (!f.heads.some(isLossName)) continue;
		const id = headId(net, f.heads, within);
		if (id !== 'E' && !(id && id.startsWith('E:'))) continue;
		const out = evaluate(f.member, trueValues(net, within));
		const truth = net.value(id);
		// A loss formula over names the network does not place (`\frac{1}{2} \sum (T - y)^2` in prose) says nothing either way.
		if (!out.ok && out.reason === 'unknown') continue;
		if (!out.ok || truth === undefined || !close(out.value, truth)) {
			return { kind: 'none', reason: message('infer.lossMisfit', { head: f.heads[0].text }, locale), span: f.chain.span };
		}
		if (id === 'E') loss ??= f.heads.find(isLossName)?.text;
	}
	return { kind: 'read', spec: { ...spec, written: { quantities, ...(loss ? { loss } : {}) } } };
}
