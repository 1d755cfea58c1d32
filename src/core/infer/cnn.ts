/**
 * The structure of a convolutional network, read layer by layer from the inputs forward (DESIGN
 * 2.6). The first layer is the weighted sums that read nothing another formula computes, a
 * convolution over the inputs (`firstLayer.ts`). Each next layer is what reads the outputs of the layer before and nothing later: weighted sums
 * (dense when every unit reads every output once with a weight of its own, else a convolution, over
 * the layer's channels or, when a window runs across them, over them flattened into one sequence),
 * or formulas over a window of outputs, pools (`pool.ts`). Activations are read as for dense layers
 * (`dense.ts`), names as `layerNames.ts` gives them. A name spelt with another case than the formula that computes it (`\text{out}_{p1}`
 * for `out_{P1}`) is that name when no other fits, as the engine matches layer names.
 *
 * The work is bounded: each layer is found by one look over the formulas not yet placed, and there
 * are at most `MAX_INFER_LAYERS` layers.
 *
 * What does not fit is a reason, never a guess: the caller reports no network. `readCnn` answers
 * `undefined` when the first layer is no convolution at all, so the dense reader's reason stands.
 */
import { MAX_INFER_LAYERS } from '../budgets';
import type { ActivationKind } from '../engine/spec';
import type { QuantityId } from '../engine/index';
import type { NameRef } from '../syntax/ast';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';
import { fitConv, looksConvolutional, type ConvFit, type ConvUnit } from './conv';
import { mapPlace, type Conv2dFit } from './conv2d';
import { readFirstLayer } from './firstLayer';
import { aliases, layerNameOf, POST, PRE, sameOutput, sameWindow, STEMS } from './layerNames';
import { onePerHead, readActivation, type DenseUnit } from './dense';
import type { ForwardFormula } from './formulas';
import { byIndex } from './loss';
import { fitPool, fitPool2d, poolMode, type Pool2dFit, type PoolFit } from './pool';

interface Layout {
	/** Every key that means an output of the layer → its flat index. */
	readonly outputs: ReadonlyMap<string, number>;
	readonly channels: number;
	/** Elements per channel (rows × columns for a 2-D map). */
	readonly length: number;
	/** Set for a 2-D map. */
	readonly rows?: number;
}

export type CnnLayer =
	| ({ readonly kind: 'conv'; readonly name?: string; readonly units: readonly DenseUnit[]; readonly fit: ConvFit; readonly activation: ActivationKind } & Layout)
	| ({ readonly kind: 'pool'; readonly name?: string; readonly units: readonly ForwardFormula[]; readonly fit: PoolFit } & Layout)
	| ({ readonly kind: 'dense'; readonly name?: string; readonly units: readonly DenseUnit[]; readonly activation: ActivationKind } & Layout)
	| { readonly kind: 'flatten' };

export type CnnReading =
	| { readonly kind: 'read'; readonly inputs: readonly NameRef[]; readonly grid?: { readonly rows: number; readonly cols: number }; readonly inputChannels?: number; readonly layers: readonly CnnLayer[] }
	| { readonly kind: 'none'; readonly reason: string; readonly at?: ForwardFormula };

const MAX_ROUNDS = 16;


function none(reason: string, at?: ForwardFormula): CnnReading {
	return { kind: 'none', reason, at };
}


/**
 * The weighted sums of the forward pass, as `dense.ts` finds them, but a name computed by a
 * formula over forward quantities (a pool's output, an activation's) is forward too, however many
 * such formulas stand between it and a weighted sum. A sum marked backward is never one.
 */
function forwardOnly(formulas: readonly ForwardFormula[]): ForwardFormula[] {
	const computed = new Set(formulas.flatMap((f) => f.heads.map((h) => h.key)));
	const readers = new Map<string, ForwardFormula[]>();
	for (const f of formulas) if (!f.affine) for (const r of f.reads) readers.set(r.key, readers.get(r.key) ?? []).get(r.key)!.push(f);
	let sums = formulas.filter((f) => f.affine && !f.backward);
	for (let round = 0; round < MAX_ROUNDS; round++) {
		// The names computed from the sums' heads alone, each formula once: work in the number of reads.
		const nodes = new Set<string>();
		const waiting = new Map<ForwardFormula, number>();
		const queue = sums.flatMap((f) => f.heads.map((h) => h.key));
		while (queue.length > 0) {
			const k = queue.pop()!;
			if (nodes.has(k)) continue;
			nodes.add(k);
			for (const f of readers.get(k) ?? []) {
				const left = (waiting.get(f) ?? f.reads.length) - 1;
				waiting.set(f, left);
				if (left === 0) queue.push(...f.heads.map((h) => h.key));
			}
		}
		const kept = sums.filter((f) => f.affine!.products.every((p) => [p.a, p.b].every((n) => !computed.has(n.key) || nodes.has(n.key))));
		if (kept.length === sums.length) return sums;
		sums = kept;
	}
	return sums;
}

/** Reads a convolutional network from `formulas`, its reasons said in `locale`; `undefined` when its first layer is no convolution. */
export function readCnn(formulas: readonly ForwardFormula[], locale: Locale): CnnReading | undefined {
	const heads = onePerHead(forwardOnly(formulas), locale);
	if ('reason' in heads) return none(heads.reason, heads.at);
	const { pres, preOf } = heads;
	const outFormulas = new Map<ForwardFormula, ForwardFormula[]>();
	const outOf = new Map<string, ForwardFormula>();
	for (const f of formulas) {
		if (f.affine || f.reads.length === 0 || !f.reads.every((r) => preOf.has(r.key)) || f.heads.some((h) => preOf.has(h.key))) continue;
		if (f.reads.length === 1) {
			const p = preOf.get(f.reads[0].key)!;
			outFormulas.set(p, outFormulas.get(p) ?? []).get(p)!.push(f);
		}
		for (const h of f.heads) outOf.set(h.key, f.reads.length === 1 ? preOf.get(f.reads[0].key)! : f);
	}
	// A pool has an output only, so `\bar{in}_{pp_1}` and `\text{outpp}_1` are one name (DESIGN 2.5).
	const computed = new Set(formulas.flatMap((f) => f.heads.flatMap((h) => [h.key, ...(!f.affine && f.reads.length > 1 ? aliases(h) : [])])));
	// A 2-D map's elements named flat (`out_{C3}` beside `out_{C1,2,1}`) are computed too.
	const maps = new Map<string, { channels: number; rows: number; cols: number }>();
	for (const f of formulas) for (const h of f.heads) {
		const p = mapPlace(h);
		if (!p) continue;
		const m = maps.get(p.name) ?? { channels: 0, rows: 0, cols: 0 };
		maps.set(p.name, { channels: Math.max(m.channels, p.channel + 1), rows: Math.max(m.rows, p.row + 1), cols: Math.max(m.cols, p.col + 1) });
	}
	for (const [name, m] of maps) for (let j = 1; j <= m.channels * m.rows * m.cols && j <= formulas.length; j++) for (const stem of STEMS) computed.add(`${stem}${name}${j}`);
	const lowerComputed = new Set([...computed].map((k) => k.toLowerCase()));
	const isComputed = (k: string) => computed.has(k) || lowerComputed.has(k.toLowerCase());
	/** The output of `at` a name means: its own key, else the one key that differs from it in case only. */
	const lowered = new WeakMap<Layout, Map<string, number | undefined>>();
	const place = (at: Layout, k: string): number | undefined => {
		if (at.outputs.has(k)) return at.outputs.get(k);
		if (computed.has(k)) return undefined;
		let lower = lowered.get(at);
		if (!lower) {
			lower = new Map();
			// Two outputs that differ in case only leave the lowered spelling to neither.
			for (const [o, j] of at.outputs) lower.set(o.toLowerCase(), lower.has(o.toLowerCase()) && lower.get(o.toLowerCase()) !== j ? undefined : j);
			lowered.set(at, lower);
		}
		return lower.get(k.toLowerCase());
	};

	// The first layer: the sums over names nothing computes.
	const first = byIndex(pres.filter((f) => f.affine!.products.every((p) => !isComputed(p.a.key) && !isComputed(p.b.key))), (f) => f.heads[0]);
	if (first.length === 0) return undefined;
	const firstRead = readFirstLayer(first, locale);
	if (!firstRead) return undefined;
	if ('reason' in firstRead) return none(firstRead.reason, firstRead.at);
	const { inputs, units, fit: firstFit, grid, inputChannels } = firstRead;
	const layers: CnnLayer[] = [];
	const used = new Set<ForwardFormula>(first);
	const conv = (fit: ConvFit, us: readonly ConvUnit[]): CnnLayer | { reason: string } => {
		const read = readActivation(us.map((u) => ({ pre: u.pre, weights: [], bias: u.bias })), outFormulas, outOf, formulas, pres.every((f) => used.has(f)), locale);
		if ('reason' in read) return read;
		const length = us.length / fit.outChannels;
		if (!('rows' in fit)) return { kind: 'conv', name: layerNameOf(us.map((u) => u.pre.heads[0]), PRE), units: read.units, fit, activation: read.activation, outputs: read.outputs, channels: fit.outChannels, length };
		// A 2-D map's elements are also named flat, channel by channel, row by row (`out_{C3}` is `out_{C1,2,1}` in a 2 × 2 map).
		const name = mapPlace(us[0].pre.heads[0])?.name;
		const outputs = new Map(read.outputs);
		if (name && us.every((u) => mapPlace(u.pre.heads[0])?.name === name)) for (let j = 0; j < us.length; j++) for (const stem of POST) if (!outputs.has(`${stem}${name}${j + 1}`)) outputs.set(`${stem}${name}${j + 1}`, j);
		return { kind: 'conv', name, units: read.units, fit, activation: read.activation, outputs, channels: fit.outChannels, length, rows: (fit as Conv2dFit).rows };
	};
	const layer0 = conv(firstFit, units);
	if ('reason' in layer0) return none(layer0.reason, first[0]);
	layers.push(layer0);
	let current = layer0 as Layout;

	// Each next layer reads the outputs of the one before.
	while (pres.some((f) => !used.has(f)) || layers.length < formulas.length) {
		if (layers.length >= MAX_INFER_LAYERS) return none(message('infer.tooDeep', { max: MAX_INFER_LAYERS }, locale));
		const cur = current;
		const nextSums = byIndex(pres.filter((f) => !used.has(f) && f.affine!.products.every((p) => (place(cur, p.a.key) !== undefined) !== (place(cur, p.b.key) !== undefined))), (f) => f.heads[0]);
		const poolHeads = new Set<string>();
		const nextPools = byIndex(formulas.filter((f) => {
			if (f.affine || used.has(f) || f.reads.length < 2 || f.heads.some((h) => preOf.has(h.key) || poolHeads.has(h.key))) return false;
			if (!f.reads.every((r) => place(cur, r.key) !== undefined) || poolMode(f, f.reads.map((r) => r.key)) === undefined) return false;
			for (const h of f.heads) poolHeads.add(h.key);
			return true;
		}), (f) => f.heads[0]);
		// The seed's max pool written also as a sum with routing weights (`\bar{in}_{p1} = out_{C1} w_{11} + out_{C2} w_{12}`
		// beside `out_{p1} = \max\{…\}`): the same pool output over the same window, which the pool formula decides.
		const routing = nextPools.length > 0 && nextSums.every((f) => nextPools.some((g) => sameOutput(f, g) && sameWindow(f, g)));
		if (routing) {
			for (const f of nextSums) used.add(f);
			nextSums.length = 0;
		}
		if (nextSums.length > 0 && nextPools.length > 0) return none(message('infer.sideBySide', { a: nextSums[0].heads[0].text, b: nextPools[0].heads[0].text }, locale), nextPools[0]);
		if (nextPools.length > 0) {
			const mapped = cur.rows !== undefined && nextPools.every((f) => mapPlace(f.heads[0]));
			// A 2-D pool's units in the order of their places (`out_{P1,1,2}`), else of their indices.
			if (mapped) nextPools.sort((a, b) => {
				const [p, q] = [mapPlace(a.heads[0])!, mapPlace(b.heads[0])!];
				return p.channel - q.channel || p.row - q.row || p.col - q.col;
			});
			const flat = (k: string) => place(cur, k);
			const fit = cur.rows === undefined
				? fitPool(nextPools, (k) => {
					const j = flat(k);
					return j === undefined ? undefined : { channel: Math.floor(j / cur.length), at: j % cur.length };
				}, cur.channels, cur.length, locale)
				: fitPool2d(nextPools, (k) => {
					const j = flat(k), cols = cur.length / cur.rows!;
					return j === undefined ? undefined : { channel: Math.floor(j / cur.length), row: Math.floor((j % cur.length) / cols), col: j % cols };
				}, cur.channels, cur.rows, cur.length / cur.rows, locale);
			if ('reason' in fit) return none(fit.reason, nextPools[0]);
			for (const f of nextPools) used.add(f);
			const outputs = new Map<string, number>();
			nextPools.forEach((f, j) => { for (const h of f.heads) for (const k of [h.key, ...aliases(h)]) outputs.set(k, j); });
			const name = mapped ? mapPlace(nextPools[0].heads[0])!.name : layerNameOf(nextPools.map((f) => f.heads[0]), STEMS);
			if (mapped && name) for (let j = 0; j < nextPools.length; j++) for (const stem of STEMS) if (!outputs.has(`${stem}${name}${j + 1}`)) outputs.set(`${stem}${name}${j + 1}`, j);
			const rows = 'outRows' in fit ? (fit as Pool2dFit).outRows : undefined;
			const pool: CnnLayer = { kind: 'pool', name, units: nextPools, fit, outputs, channels: cur.channels, length: fit.length, rows };
			layers.push(pool);
			current = pool;
			continue;
		}
		if (nextSums.length === 0) break;
		for (const f of nextSums) used.add(f);
		const width = cur.channels * cur.length;
		const taps = nextSums.map((f) => f.affine!.products.map((p) => {
			const ja = place(cur, p.a.key);
			return ja !== undefined ? { j: ja, weight: p.b } : { j: place(cur, p.b.key)!, weight: p.a };
		}));
		const bad = nextSums.find((_, u) => taps[u].some((t) => isComputed(t.weight.key)));
		if (bad) return none(message('infer.twoComputed', { x: bad.affine!.products[0].a.text, y: bad.affine!.products[0].b.text, head: bad.heads[0].text }, locale), bad);
		const dense = taps.every((ts) => ts.length === width && new Set(ts.map((t) => t.j)).size === width);
		if (dense) {
			const us = nextSums.map((f, u) => {
				const weights = new Array<NameRef>(width);
				for (const t of taps[u]) weights[t.j] = t.weight;
				return { pre: f, weights, bias: f.affine!.bias };
			});
			const missing = us.find((u) => !u.bias);
			if (missing) return none(message('infer.noBias', { head: missing.pre.heads[0].text }, locale), missing.pre);
			const read = readActivation(us, outFormulas, outOf, formulas, pres.every((f) => used.has(f)), locale);
			if ('reason' in read) return none(read.reason, nextSums[0]);
			if (cur.rows !== undefined) layers.push({ kind: 'flatten' });
			const layer: CnnLayer = { kind: 'dense', name: layerNameOf(nextSums.map((f) => f.heads[0]), PRE), units: read.units, activation: read.activation, outputs: read.outputs, channels: 1, length: nextSums.length };
			layers.push(layer);
			current = layer;
			continue;
		}
		if (cur.rows !== undefined) return none(message('infer.conv2d', { example: 'x_{11}, x_{12}, …', head: nextSums[0].heads[0].text }, locale), nextSums[0]);
		// A convolution over the layer's channels, or over its outputs flattened into one sequence.
		const over = (length: number): ConvUnit[] => nextSums.map((f, u) => ({
			pre: f,
			bias: f.affine!.bias,
			taps: taps[u].map((t) => ({ channel: Math.floor(t.j / length), at: t.j % length, weight: t.weight })),
		}));
		const tries: [boolean, ConvUnit[]][] = [[false, over(cur.length)]];
		if (cur.channels > 1) tries.push([true, over(width)]);
		let reason: string | undefined;
		let done = false;
		for (const [flat, us] of tries) {
			if (!looksConvolutional(us)) continue;
			const fit = fitConv(us, flat ? 1 : cur.channels, flat ? width : cur.length, locale);
			if ('reason' in fit) { reason ??= fit.reason; continue; }
			const layer = conv(fit, us);
			if ('reason' in layer) return none(layer.reason, nextSums[0]);
			if (flat) layers.push({ kind: 'flatten' });
			layers.push(layer);
			current = layer as Layout;
			done = true;
			break;
		}
		if (!done) return none(reason ?? message('infer.notConv', { head: nextSums[0].heads[0].text }, locale), nextSums[0]);
	}
	const left = pres.find((f) => !used.has(f));
	if (left) return none(message('infer.mixedLayers', { head: left.heads[0].text }, locale), left);
	return { kind: 'read', inputs, grid, inputChannels, layers };
}

/** The quantity each head of the reading means, by key: `\bar{in}_{cc_1}` → `L0:pre:0`, `\text{outpp}_1` → `L1:out:0`. */
export function expectedIds(reading: Extract<CnnReading, { kind: 'read' }>): Map<string, QuantityId> {
	const expected = new Map<string, QuantityId>();
	reading.layers.forEach((L, l) => {
		if (L.kind === 'flatten') return;
		if (L.kind === 'pool') {
			L.units.forEach((f, j) => { for (const h of f.heads) expected.set(h.key, `L${l}:out:${j}`); });
			return;
		}
		L.units.forEach((u, j) => {
			for (const h of u.pre.heads) expected.set(h.key, `L${l}:pre:${j}`);
			for (const h of u.out?.heads ?? []) expected.set(h.key, `L${l}:out:${j}`);
		});
	});
	return expected;
}
