/**
 * The structure of a fully connected network, read from its weighted sums (DESIGN 2.6). Each
 * affine formula (`net_{h1} = w_1 i_1 + w_2 i_2 + b_1`) is one unit's pre-activation. In each
 * product one factor is the parent (an input, or the output of a unit of the layer before) and the
 * other the weight: a factor that another formula defines is a parent; in the first layer the
 * inputs are the factors every unit reads, the weights those only one unit reads. A unit whose
 * parents are the units of layer l − 1, every one of them once, is in layer l. Activations come from
 * the formulas over one pre-activation (`out_{h1} = \sigma(net_{h1})`) or over the whole layer
 * (softmax); a layer without any is linear only when what follows reads its pre-activations.
 *
 * Whatever does not fit this shape is a reason, never a guess: the caller reports no network.
 */
import type { ActivationKind } from '../engine/spec';
import type { NameRef } from '../syntax/ast';
import type { ForwardFormula } from './formulas';
import { byIndex } from './loss';
import { message } from '../messages/message';
import { defaultLocale, type Locale } from '../messages/locale';
import { activationOf, softmaxUnit } from './probe';

export interface DenseUnit {
	readonly pre: ForwardFormula;
	/** The parent of each weight, in the order of the layer before (or of the inputs). */
	readonly weights: readonly NameRef[];
	readonly bias?: NameRef;
	/** The formula for the unit's output, when it has one. */
	readonly out?: ForwardFormula;
}

export interface DenseLayerReading {
	readonly name?: string;
	readonly units: readonly DenseUnit[];
	readonly activation: ActivationKind;
	/** Every key that means a unit's output (its output formula's heads, or its pre-activation when linear) → unit. */
	readonly outputs: ReadonlyMap<string, number>;
}

export type DenseReading =
	| { readonly kind: 'read'; readonly inputs: readonly NameRef[]; readonly layers: readonly DenseLayerReading[] }
	| { readonly kind: 'none'; readonly reason: string; readonly at?: ForwardFormula };

const PRE_STEMS = ['in', 'net', 'z'];
const MAX_ROUNDS = 16;

/** `net_{h1}` → layer `h`, unit 1: the layer name when every unit's head spells stem + one name + 1…n. */
function layerName(units: readonly DenseUnit[]): string | undefined {
	let name: string | undefined;
	for (let j = 0; j < units.length; j++) {
		const h = units[j].pre.heads[0];
		const stem = PRE_STEMS.find((s) => h.baseKey.startsWith(s));
		const m = stem === undefined || h.marks.length > 0 || h.layer !== undefined ? null : /^([A-Za-z]+?)(\d+)$/.exec(h.baseKey.slice(stem.length));
		if (!m || Number(m[2]) !== j + 1 || (name !== undefined && name !== m[1])) return undefined;
		name = m[1];
	}
	return name;
}

function none(reason: string, at?: ForwardFormula): DenseReading {
	return { kind: 'none', reason, at };
}

/**
 * One unit per head: the first weighted sum for each head, and which sum each head names. A sum
 * written again must read the same names, else there are two readings and the reason says so.
 */
export function onePerHead(sums: readonly ForwardFormula[], locale: Locale): { pres: ForwardFormula[]; preOf: Map<string, ForwardFormula> } | { reason: string; at: ForwardFormula } {
	const pres: ForwardFormula[] = [];
	const preOf = new Map<string, ForwardFormula>();
	for (const f of sums) {
		const earlier = f.heads.map((h) => preOf.get(h.key)).find((x) => x);
		if (earlier) {
			const same = earlier.reads.length === f.reads.length && earlier.reads.every((r) => f.reads.some((x) => x.key === r.key));
			if (!same) return { reason: message('infer.twoSums', { head: f.heads[0].text }, locale), at: f };
			continue;
		}
		pres.push(f);
		for (const h of f.heads) preOf.set(h.key, f);
	}
	return { pres, preOf };
}

/** Reads the dense layers of `formulas`, its reasons said in `locale`; `undefined` when the document writes no weighted sum at all. */
export function readDense(formulas: readonly ForwardFormula[], locale: Locale = defaultLocale): DenseReading | undefined {
	if (!formulas.some((f) => f.affine)) return undefined;
	const units = onePerHead(forwardSums(formulas), locale);
	if ('reason' in units) return none(units.reason, units.at);
	const { pres, preOf } = units;
	// Outputs: a formula over one pre-activation (an activation) or over several (softmax).
	const outFormulas = new Map<ForwardFormula, ForwardFormula[]>();
	const outOf = new Map<string, ForwardFormula>();
	for (const f of formulas) {
		if (f.affine || f.reads.length === 0 || !f.reads.every((r) => preOf.has(r.key))) continue;
		if (f.heads.some((h) => preOf.has(h.key))) continue;
		for (const r of f.reads) {
			const p = preOf.get(r.key)!;
			if (f.reads.length === 1) outFormulas.set(p, [...(outFormulas.get(p) ?? []), f]);
		}
		if (f.reads.length === 1) for (const h of f.heads) outOf.set(h.key, preOf.get(f.reads[0].key)!);
		else for (const h of f.heads) outOf.set(h.key, f);
	}
	// Softmax formulas: the unit they give is known once the layer is.
	const nodeOf = (key: string) => outOf.get(key) ?? preOf.get(key);
	const depth = new Map<ForwardFormula, number>();
	const parentsOf = new Map<ForwardFormula, { parent: NameRef; weight: NameRef }[] | 'leaf'>();
	for (const f of pres) {
		const products = f.affine!.products;
		const inner = products.map((p) => ({ a: nodeOf(p.a.key), b: nodeOf(p.b.key) }));
		if (inner.every((x) => !x.a && !x.b)) { parentsOf.set(f, 'leaf'); continue; }
		const list: { parent: NameRef; weight: NameRef }[] = [];
		for (let k = 0; k < products.length; k++) {
			const { a, b } = inner[k];
			const [x, y] = [products[k].a.text, products[k].b.text];
			if (a && b) return none(message('infer.twoComputed', { x, y, head: f.heads[0].text }, locale), f);
			if (!a && !b) return none(message('infer.forwardMissing', { head: f.heads[0].text, x, y }, locale), f);
			list.push(a ? { parent: products[k].a, weight: products[k].b } : { parent: products[k].b, weight: products[k].a });
		}
		parentsOf.set(f, list);
	}
	// Layer numbers, by the layer of the units a formula reads; a cycle is no network.
	const visiting = new Set<ForwardFormula>();
	const layerOf = (f: ForwardFormula): number | undefined => {
		const known = depth.get(f);
		if (known !== undefined) return known;
		if (visiting.has(f)) return undefined;
		visiting.add(f);
		const ps = parentsOf.get(f)!;
		let d: number | undefined = 0;
		if (ps !== 'leaf') {
			const layers = new Set<number | undefined>();
			for (const p of ps) {
				const n = nodeOf(p.parent.key)!;
				const under = n.affine ? n : preOf.get(n.reads[0].key);
				layers.add(under ? layerOf(under) : undefined);
			}
			d = layers.size === 1 && !layers.has(undefined) ? [...layers][0]! + 1 : undefined;
		}
		visiting.delete(f);
		if (d !== undefined) depth.set(f, d);
		return d;
	};
	const groups: ForwardFormula[][] = [];
	for (const f of pres) {
		const d = layerOf(f);
		if (d === undefined) return none(message('infer.mixedLayers', { head: f.heads[0].text }, locale), f);
		(groups[d] ??= []).push(f);
	}
	// Every weighted sum belongs to the backward pass: there is no forward one to read a layer from.
	if (groups.length === 0) return undefined;
	// `some` skips the holes of a sparse array, so each layer number is looked at.
	if (Array.from(groups, (g) => g).some((g) => !g)) return none(message('infer.emptyLayer', {}, locale));
	// The first layer: the factors every unit reads are the inputs.
	const first = groups[0];
	const count = new Map<string, number>();
	for (const f of first) for (const k of new Set(f.affine!.products.flatMap((p) => [p.a.key, p.b.key]))) count.set(k, (count.get(k) ?? 0) + 1);
	if (first.length < 2) return none(message('infer.oneUnit', { head: first[0].heads[0].text }, locale), first[0]);
	const shared = (k: string) => count.get(k) === first.length;
	const inputs = byIndex([...new Map(first[0].affine!.products.flatMap((p) => [p.a, p.b]).filter((n) => shared(n.key)).map((n) => [n.key, n])).values()], (n) => n);
	const inputIndex = new Map(inputs.map((n, i) => [n.key, i]));
	const layers: DenseLayerReading[] = [];
	let before: ReadonlyMap<string, number> = inputIndex;
	let width = inputs.length;
	for (let l = 0; l < groups.length; l++) {
		const units: DenseUnit[] = [];
		for (const f of byIndex(groups[l], (g) => g.heads[0])) {
			const products = f.affine!.products;
			const weights: (NameRef | undefined)[] = new Array(width).fill(undefined);
			const inner = parentsOf.get(f);
			for (let k = 0; k < products.length; k++) {
				const p = products[k];
				const pair = inner === 'leaf'
					? (l > 0 || shared(p.a.key) === shared(p.b.key) ? undefined : shared(p.a.key) ? { parent: p.a, weight: p.b } : { parent: p.b, weight: p.a })
					: inner?.[k];
				const c = pair && before.get(pair.parent.key);
				if (l === 0 && !pair) return none(message('infer.sparse', { a: p.a.text, b: p.b.text, head: f.heads[0].text }, locale), f);
				if (!pair || c === undefined || weights[c]) return none(message(l === 0 ? 'infer.inputOnce' : 'infer.unitOnce', { head: f.heads[0].text }, locale), f);
				weights[c] = pair.weight;
			}
			if (weights.some((w) => !w)) return none(message(l === 0 ? 'infer.everyInput' : 'infer.everyUnit', { head: f.heads[0].text }, locale), f);
			units.push({ pre: f, weights: weights as NameRef[], bias: f.affine!.bias });
		}
		// A weight two units share is no weight of their own: a convolution's kernel, read the wrong way round.
		const owner = new Map<string, DenseUnit>();
		for (const u of units) for (const w of u.weights) {
			const other = owner.get(w.key);
			const p = u.pre.affine!.products.find((x) => x.a.key === w.key || x.b.key === w.key)!;
			if (other && other !== u) return none(message('infer.sparse', { a: p.a.text, b: p.b.text, head: u.pre.heads[0].text }, locale), u.pre);
			owner.set(w.key, u);
		}
		const withBias = units.filter((u) => u.bias).length;
		// The engine's weighted sums always add a bias, so a sum written without one could not be verified.
		if (withBias === 0) return none(message('infer.noBias', { head: units[0].pre.heads[0].text }, locale), units[0].pre);
		if (withBias !== units.length) return none(message('infer.someBias', { head: units[0].pre.heads[0].text }, locale), units[0].pre);
		const reading = readActivation(units, outFormulas, outOf, formulas, l === groups.length - 1, locale);
		if ('reason' in reading) return none(reading.reason, units[0].pre);
		layers.push({ name: layerName(units), units: reading.units, activation: reading.activation, outputs: reading.outputs });
		before = reading.outputs;
		width = units.length;
	}
	return { kind: 'read', inputs, layers };
}

/**
 * The weighted sums of the forward pass. A sum that multiplies a name some other formula computes,
 * when that name is no pre-activation or output, belongs to the backward pass
 * (`e_{H11} = \delta_{y1} w_5 + \delta_{y2} w_7`) and is left out, until no more are; so is a sum
 * over a name defined by derivatives (`dw5 = delta1 \cdot H1`, marked backward in `formulas.ts`).
 */
export function forwardSums(formulas: readonly ForwardFormula[]): ForwardFormula[] {
	const computed = new Set(formulas.flatMap((f) => f.heads.map((h) => h.key)));
	let sums = formulas.filter((f) => f.affine && !f.backward);
	// Each round leaves out at least one sum; a few rounds settle any derivation written by hand, and
	// a set that has not settled by then only fails the verification, never passes it wrongly.
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const pre = new Set(sums.flatMap((f) => f.heads.map((h) => h.key)));
		const nodes = new Set(pre);
		for (const f of formulas) if (!f.affine && f.reads.every((r) => pre.has(r.key))) for (const h of f.heads) nodes.add(h.key);
		const kept = sums.filter((f) => f.affine!.products.every((p) => [p.a, p.b].every((n) => !computed.has(n.key) || nodes.has(n.key))));
		if (kept.length === sums.length) return sums;
		sums = kept;
	}
	return sums;
}

/** The activation of one layer and the keys that mean its outputs. */
export function readActivation(
	units: readonly DenseUnit[],
	outFormulas: ReadonlyMap<ForwardFormula, ForwardFormula[]>,
	outOf: ReadonlyMap<string, ForwardFormula>,
	formulas: readonly ForwardFormula[],
	last: boolean,
	locale: Locale,
): { units: DenseUnit[]; activation: ActivationKind; outputs: Map<string, number> } | { reason: string } {
	const outputs = new Map<string, number>();
	const preKeys = units.map((u) => u.pre.heads[0].key);
	const kinds = new Set<ActivationKind>();
	const read: DenseUnit[] = [];
	// Softmax: formulas over every pre-activation of the layer.
	const unitOf = new Map<string, number>();
	units.forEach((u, j) => { for (const h of u.pre.heads) unitOf.set(h.key, j); });
	const soft = formulas.filter((f) => !f.affine && f.reads.length === units.length && units.length > 1 && f.reads.every((r) => unitOf.has(r.key)));
	const softOut = new Map<number, ForwardFormula>();
	for (const f of soft) {
		const byUnit = new Map(f.reads.map((r) => [unitOf.get(r.key)!, r.key]));
		if (byUnit.size !== units.length) continue;
		const keys = units.map((_, j) => byUnit.get(j)!);
		const j = softmaxUnit(f.member, keys);
		if (j === undefined) continue;
		if (softOut.has(j)) return { reason: message('infer.twoSoftmax', { head: units[j].pre.heads[0].text }, locale) };
		softOut.set(j, f);
	}
	for (let j = 0; j < units.length; j++) {
		const u = units[j];
		const own = outFormulas.get(u.pre) ?? [];
		let out: ForwardFormula | undefined;
		if (softOut.has(j)) {
			out = softOut.get(j);
			kinds.add('softmax');
		} else if (own.length > 0) {
			for (const f of own) {
				const kind = activationOf(f.member, f.reads[0].key);
				if (!kind) return { reason: message('infer.unknownActivation', { head: f.heads[0].text }, locale) };
				kinds.add(kind);
			}
			out = own[0];
		}
		if (out) for (const h of out.heads) outputs.set(h.key, j);
		read.push({ ...u, out });
	}
	if (kinds.size > 1) return { reason: message('infer.mixedActivations', { head: preKeys.length ? units[0].pre.heads[0].text : '', kinds: [...kinds].join(locale === 'zh-cn' ? '、' : ', ') }, locale) };
	if (kinds.size === 1) {
		const missing = read.find((u) => !u.out);
		if (missing) return { reason: message('infer.noOutput', { head: missing.pre.heads[0].text }, locale) };
		return { units: read, activation: [...kinds][0], outputs };
	}
	// No activation formula: linear, when something reads the pre-activations themselves.
	const preSet = new Set(preKeys);
	const readers = formulas.filter((f) => f.reads.some((r) => preSet.has(r.key)) && !f.heads.some((h) => outOf.has(h.key)));
	if (!last && readers.length === 0) return { reason: message('infer.noOutput', { head: units[0].pre.heads[0].text }, locale) };
	for (let j = 0; j < units.length; j++) for (const h of units[j].pre.heads) outputs.set(h.key, j);
	return { units: read, activation: 'linear', outputs };
}
