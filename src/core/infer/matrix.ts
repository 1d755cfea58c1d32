/**
 * A fully connected network written in vector form (DESIGN 2.6), as Nielsen's book and the CS229
 * notes write it: `z^{(1)} = W^{(1)} x + b^{(1)}`, `a^{(1)} = \sigma(z^{(1)})`, `\hat{y} = a^{(2)} =
 * \sigma(z^{(2)})`, `L = \frac{1}{2} (\hat{y} - y)^T (\hat{y} - y)`. A layer is a weighted sum of one
 * product, a matrix the document states (`W^{(1)} = \begin{bmatrix} … \end{bmatrix}`) times a vector,
 * plus a stated bias vector: its units are the matrix's rows, which the bias's length must match,
 * and its columns must be the width of what it multiplies, a stated input (`x`, or `a^{(0)} = x`)
 * or the output of the layer before. The activation is the formula over the pre-activation vector,
 * told by evaluating it element by element (`probe.ts`); the loss is the formula over the output
 * vector and a stated target vector, evaluated as a matrix expression on probe values (or, written
 * per element, as `loss.ts` reads it). The spec speaks the textbook names the engine resolves
 * (`z^{(l)}_j`, `W^{(l)}_{jk}`, DESIGN 2.3) and the document's names for the inputs and targets.
 *
 * Verification holds each vector formula to the network element by element: the member evaluated
 * on the true values (`matrixFormula.ts`) must give each element of the quantity its head names, and
 * its matrix, vector and bias must be the layer's weights, the layer before's outputs and the layer's
 * biases, element for element. Anything else is a reason, never a guess.
 */
import { MAX_INFER_LAYERS } from '../budgets';
import type { Chain } from '../check/chains';
import type { Facts } from '../check/facts';
import { latestShape, type Shape } from '../check/matrices';
import { elementName } from '../check/elements';
import { evaluateOnTruth, firstDifference, trueGrid } from '../check/truth/matrixFormula';
import { trueValues } from '../check/truth/bind';
import { buildNetwork, ids, type Network, type QuantityId } from '../engine/index';
import type { NameScope } from '../engine/resolve';
import { defaultNotation, type ActivationKind, type DenseLayer, type LossKind, type NetworkSpec } from '../engine/spec';
import { indexedNames } from '../engine/labels';
import { evaluate, type EvalContext } from '../eval/evaluate';
import { evaluateMatrix, type Grid } from '../eval/matrix';
import { point } from '../eval/interval';
import { message } from '../messages/message';
import { defaultLocale, type Locale } from '../messages/locale';
import type { Expr, NameNode, NameRef } from '../syntax/ast';
import type { ForwardFormula } from './formulas';
import type { Givens } from './givens';
import { isLossName, LOSS_KINDS, lossTerm, readLoss } from './loss';
import { activationOf, close } from './probe';
import type { InferredNetwork } from './types';
import { verifyNetwork } from './verify';

/** One layer as the document writes it. */
interface VectorLayer {
	readonly sums: ForwardFormula[];
	readonly matrix: NameRef;
	readonly matrixShape: Shape;
	readonly bias: NameRef;
	/** True when the bias of a one-unit layer is stated as a number, not a vector. */
	readonly scalarBias: boolean;
	readonly reads: NameRef;
	readonly units: number;
	readonly activation: ActivationKind;
	/** The formulas of the layer's activation (none for a linear layer). */
	readonly outs: ForwardFormula[];
	/** Every name the layer's output goes by, by key. */
	readonly outputs: Map<string, NameRef>;
}

type Reading = { kind: 'read'; input: NameRef; width: number; layers: VectorLayer[] } | { kind: 'none'; reason: string; at?: ForwardFormula };

const isVector = (s: Shape) => s.free || s.rows === 1 || s.cols === 1;
const lengthOf = (s: Shape) => s.rows * s.cols;

/** The names chains of plain names join (`a^{(0)} = x`), each key to every name it goes by. */
function aliases(chains: readonly Chain[]): Map<string, NameRef[]> {
	const out = new Map<string, NameRef[]>();
	for (const c of chains) {
		if (c.members.length < 2) continue;
		const names = c.members.map((m) => (m.kind === 'name' ? m.name : undefined));
		if (names.some((n) => !n || n.updated)) continue;
		const all = names as NameRef[];
		for (const n of all) out.set(n.key, [...(out.get(n.key) ?? []), ...all]);
	}
	return out;
}

/** The vector weighted sums: one product whose factor is a stated matrix or vector, plus a bias. */
function vectorSums(formulas: readonly ForwardFormula[], facts: Facts): ForwardFormula[] {
	return formulas.filter((f) => f.affine?.products.length === 1 && f.affine.bias && (latestShape(facts, f.affine.products[0].a.key) || latestShape(facts, f.affine.products[0].b.key)));
}

/** The layers, from the input forward, or the reason they cannot be read. */
function readLayers(sums: readonly ForwardFormula[], formulas: readonly ForwardFormula[], chains: readonly Chain[], facts: Facts, scalar: (n: NameRef) => boolean, locale: Locale): Reading {
	const same = aliases(chains);
	const headKeys = new Set(formulas.flatMap((f) => f.heads.map((h) => h.key)));
	const computed = (n: NameRef) => [n, ...(same.get(n.key) ?? [])].some((x) => headKeys.has(x.key));
	const byHead = new Map<string, ForwardFormula[]>();
	for (const f of sums) byHead.set(f.heads[0].key, [...(byHead.get(f.heads[0].key) ?? []), f]);
	const groups = [...byHead.values()];
	for (const g of groups) {
		const [a, ...rest] = g;
		const key = (f: ForwardFormula) => `${f.affine!.products[0].a.key} ${f.affine!.products[0].b.key} ${f.affine!.bias!.key}`;
		if (rest.some((f) => key(f) !== key(a))) return { kind: 'none', reason: message('infer.twoSums', { head: a.heads[0].text }, locale), at: rest[0] };
	}
	const first = groups.filter((g) => !computed(g[0].affine!.products[0].b));
	const stated = (n: NameRef) => [n, ...(same.get(n.key) ?? [])].map((x) => latestShape(facts, x.key)).find((s) => s);
	// What a layer multiplies, when no formula computes it, is a vector the document states: the input.
	const loose = first.find((g) => !stated(g[0].affine!.products[0].b));
	if (loose) return { kind: 'none', reason: message('infer.matrixInput', { head: loose[0].heads[0].text, name: loose[0].affine!.products[0].a.text, x: loose[0].affine!.products[0].b.text }, locale), at: loose[0] };
	if (first.length === 0) return { kind: 'none', reason: message('infer.matrixInput', { head: groups[0][0].heads[0].text, name: groups[0][0].affine!.products[0].a.text, x: groups[0][0].affine!.products[0].b.text }, locale), at: groups[0][0] };
	if (first.length > 1) return { kind: 'none', reason: message('infer.sideBySide', { a: first[0][0].heads[0].text, b: first[1][0].heads[0].text }, locale), at: first[1][0] };
	const input = first[0][0].affine!.products[0].b;
	const inputShape = [input, ...(same.get(input.key) ?? [])].map((n) => ({ n, s: latestShape(facts, n.key) })).find((x) => x.s);
	// `X \cdot W_1 + b_1` with X a vector and W_1 a matrix: the row-vector convention, which is not read yet.
	const factor = first[0][0].affine!.products[0].a;
	const factorShape = latestShape(facts, factor.key);
	if (inputShape && !isVector(inputShape.s!) && factorShape && isVector(factorShape)) {
		return { kind: 'none', reason: message('infer.rowVector', { head: first[0][0].heads[0].text, x: factor.text, name: input.text }, locale), at: first[0][0] };
	}
	if (!inputShape || !isVector(inputShape.s!)) return { kind: 'none', reason: message('infer.noValue', { name: input.text }, locale), at: first[0][0] };
	const layers: VectorLayer[] = [];
	let reads: ReadonlyMap<string, NameRef> = new Map([input, ...(same.get(input.key) ?? [])].map((n) => [n.key, n]));
	let width = lengthOf(inputShape.s!);
	const left = new Set(groups);
	while (left.size > 0) {
		if (layers.length >= MAX_INFER_LAYERS) return { kind: 'none', reason: message('infer.tooDeep', { max: MAX_INFER_LAYERS }, locale) };
		const next = [...left].filter((g) => reads.has(g[0].affine!.products[0].b.key));
		if (next.length === 0) {
			const g = [...left][0];
			return { kind: 'none', reason: message('infer.matrixInput', { head: g[0].heads[0].text, name: g[0].affine!.products[0].a.text, x: g[0].affine!.products[0].b.text }, locale), at: g[0] };
		}
		if (next.length > 1) return { kind: 'none', reason: message('infer.sideBySide', { a: next[0][0].heads[0].text, b: next[1][0].heads[0].text }, locale), at: next[1][0] };
		const g = next[0];
		left.delete(g);
		const layer = readLayer(g, formulas, same, facts, width, scalar, locale);
		if ('reason' in layer) return layer;
		layers.push(layer);
		reads = layer.outputs;
		width = layer.units;
	}
	return { kind: 'read', input: inputShape.n, width: lengthOf(inputShape.s!), layers };
}

/** One layer: its matrix's and bias's shapes against the width of what it reads, and its activation. */
function readLayer(sums: ForwardFormula[], formulas: readonly ForwardFormula[], same: ReadonlyMap<string, NameRef[]>, facts: Facts, width: number, scalar: (n: NameRef) => boolean, locale: Locale): VectorLayer | { kind: 'none'; reason: string; at?: ForwardFormula } {
	const f = sums[0];
	const head = f.heads[0].text;
	const { a: matrix, b: reads } = f.affine!.products[0];
	const bias = f.affine!.bias!;
	const none = (reason: string) => ({ kind: 'none' as const, reason, at: f });
	const shape = latestShape(facts, matrix.key);
	if (!shape || shape.free) return none(message('infer.matrixUnstated', { name: matrix.text, x: reads.text, head }, locale));
	// One row is a layer of one unit (`W^{(2)} = \begin{bmatrix} 0.6 & -0.4 \end{bmatrix}`, a 2-2-1 network's output); one column over one input is not read.
	if (shape.cols === 1 || (shape.rows === 1 && width === 1)) return none(message('infer.matrixThin', { name: matrix.text, rows: shape.rows, cols: shape.cols }, locale));
	if (shape.cols !== width) return none(message('infer.matrixColumns', { name: matrix.text, rows: shape.rows, cols: shape.cols, x: reads.text, n: width, head }, locale));
	const biasShape = latestShape(facts, bias.key);
	// One unit's bias may be stated as a number (`b^{(2)} = 0.2`).
	const scalarBias = shape.rows === 1 && !biasShape && scalar(bias);
	if (!biasShape && !scalarBias) return none(message('infer.noValue', { name: bias.text }, locale));
	if (biasShape && (!isVector(biasShape) || lengthOf(biasShape) !== shape.rows)) return none(message('infer.matrixBias', { bias: bias.text, n: lengthOf(biasShape), name: matrix.text, rows: shape.rows, head }, locale));
	const pre = new Set(f.heads.map((h) => h.key));
	const outs = formulas.filter((o) => o.reads.length === 1 && pre.has(o.reads[0].key) && !o.affine && !o.heads.some(isLossName));
	const kinds = new Set<ActivationKind>();
	for (const o of outs) {
		const kind = activationOf(o.member, o.reads[0].key);
		if (!kind) return { kind: 'none', reason: message('infer.unknownActivation', { head: o.heads[0].text }, locale), at: o };
		kinds.add(kind);
	}
	if (kinds.size > 1) return none(message('infer.mixedActivations', { head, kinds: [...kinds].join(', ') }, locale));
	const names = outs.length > 0 ? outs.flatMap((o) => o.heads) : f.heads;
	const outputs = new Map<string, NameRef>();
	for (const n of names) for (const x of [n, ...(same.get(n.key) ?? [])]) outputs.set(x.key, x);
	return { sums, matrix, matrixShape: shape, bias, scalarBias, reads, units: shape.rows, activation: [...kinds][0] ?? 'linear', outs, outputs };
}

/** A column of fixed probe values (`loss.ts`'s outputs and targets, all in (0, 1)). */
function probeColumn(n: number, r: number, target: boolean): Grid {
	const cells = Array.from({ length: n }, (_, k) => {
		const v = target ? 0.1 + 0.13 * ((r * 3 + k) % 6) : 0.15 + 0.17 * ((r + k * 2) % 5);
		return { value: v, iv: point(v) };
	});
	return { rows: n, cols: 1, cells, free: false };
}

/** A member's one value, as a number or a 1 × 1 matrix (`(\hat{y} - y)^T (\hat{y} - y)`). */
function scalarOf(member: Expr, named: (n: NameNode) => Grid | undefined, ctx: EvalContext): number | undefined {
	const out = evaluateMatrix(member, (e) => evaluate(e, ctx), (n) => (n.kind === 'name' ? named(n) : undefined));
	if (out.ok) return out.grid.cells.length === 1 ? out.grid.cells[0].value : undefined;
	const v = evaluate(member, ctx);
	return v.ok ? v.value : undefined;
}

const NO_NAMES: EvalContext = { literal: (n) => point(n.value), name: () => undefined };

/** The loss read from formulas over the whole output vector and a target vector the document states. */
function vectorLoss(formulas: readonly ForwardFormula[], outputs: ReadonlyMap<string, NameRef>, n: number, facts: Facts, locale: Locale): { loss: LossKind; target: NameRef; formulas: ForwardFormula[] } | { reason: string } | undefined {
	let kinds = new Set<LossKind>(LOSS_KINDS);
	let target: NameRef | undefined;
	const read: ForwardFormula[] = [];
	for (const f of formulas) {
		if (!f.heads.some(isLossName)) continue;
		const outs = f.reads.filter((r) => outputs.has(r.key));
		const others = f.reads.filter((r) => !outputs.has(r.key));
		if (outs.length !== 1 || others.length !== 1) continue;
		const t = others[0];
		const shape = latestShape(facts, t.key);
		if (!shape || !isVector(shape) || lengthOf(shape) !== n) continue;
		if (target && target.key !== t.key) return { reason: message('infer.twoTargets', { output: 1, a: target.text, b: t.text }, locale) };
		const fits = new Set<LossKind>();
		for (const kind of kinds) {
			const ok = [0, 1, 2, 3].every((r) => {
				const o = probeColumn(n, r, false), y = probeColumn(n, r, true);
				const want = o.cells.reduce((s, c, k) => s + lossTerm(kind, y.cells[k].value, c.value, n), 0);
				const v = scalarOf(f.member, (x) => (x.name.key === outs[0].key ? o : x.name.key === t.key ? y : undefined), NO_NAMES);
				return v !== undefined && close(v, want);
			});
			if (ok) fits.add(kind);
		}
		if (fits.size === 0) continue;
		kinds = fits;
		target = t;
		read.push(f);
	}
	if (!target) return undefined;
	if (kinds.has('half_sse') && kinds.has('mse') && n === 2) kinds.delete('mse');
	if (kinds.size !== 1) return { reason: message('infer.lossAlike', { kinds: [...kinds].join(locale === 'zh-cn' ? ' 和 ' : ' and ') }, locale) };
	return { loss: [...kinds][0], target, formulas: read };
}

const nodeOf = (name: NameRef): NameNode => ({ kind: 'name', span: name.span, name });

/** The ids of a whole name's elements, when they bind. */
function gridIds(net: Network, name: NameRef, scope: NameScope): QuantityId[] | undefined {
	return trueGrid(net, nodeOf(name), false, scope)?.ids;
}

const sameIds = (a: readonly QuantityId[] | undefined, b: readonly QuantityId[]) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/** A member's value on the true values, as a 1 × 1 grid, when it is a number. */
function oneOnTruth(net: Network, member: Expr, scope: NameScope): Grid | undefined {
	const v = evaluate(member, trueValues(net, scope));
	return v.ok ? { rows: 1, cols: 1, free: false, cells: [{ value: v.value, iv: point(v.value) }] } : undefined;
}

/** The head a vector formula names `want` by, when it gives each element of it on the true values. */
function reproduces(net: Network, f: ForwardFormula, want: readonly QuantityId[], scope: NameScope): NameRef | undefined {
	// A one-unit layer's formula over names that bind as numbers (`\sigma(z^{(2)})`) is a number, not a grid.
	const grid = evaluateOnTruth(net, f.member, scope) ?? (want.length === 1 ? oneOnTruth(net, f.member, scope) : undefined);
	const head = f.heads.find((h) => sameIds(gridIds(net, h, scope), want));
	const truth = head && trueGrid(net, nodeOf(head), false, scope);
	return grid !== undefined && truth !== undefined && firstDifference(grid, truth) === -1 ? head : undefined;
}

/**
 * The vector-form network `formulas` write, verified, or why not; `undefined` when the document
 * writes no vector weighted sum (`W x + b` over a stated matrix or vector). The formulas it places
 * are verified here; the rest go to `verifyNetwork`, which holds each one to the quantity its head names.
 */
export function inferMatrix(
	formulas: readonly ForwardFormula[], chains: readonly Chain[], facts: Facts, givens: Givens, scope: NameScope, locale: Locale = defaultLocale,
): InferredNetwork | undefined {
	const sums = vectorSums(formulas, facts);
	if (sums.length === 0) return undefined;
	const reading = readLayers(sums, formulas, chains, facts, (x) => givens.value(x) !== undefined, locale);
	if (reading.kind === 'none') return { kind: 'none', reason: reading.reason, span: reading.at?.chain.span };
	const last = reading.layers[reading.layers.length - 1];
	const n = last.units;
	let lossKind: LossKind, targets: NameRef[], lossFormulas: ForwardFormula[];
	const vec = vectorLoss(formulas, last.outputs, n, facts, locale);
	if (vec && 'reason' in vec) return { kind: 'none', reason: vec.reason };
	if (vec) {
		lossKind = vec.loss;
		targets = Array.from({ length: n }, (_, j) => elementName(vec.target, [j + 1]));
		lossFormulas = vec.formulas;
	} else {
		// A loss written per element (`\frac{1}{2} (y_1 - a^{(2)}_1)^2 + …`), read as `loss.ts` reads it; one output is also its own only element (`(y - \hat{y})^2`).
		const elements = new Map<string, number>();
		for (const o of last.outputs.values()) for (let j = 0; j < n; j++) elements.set(elementName(o, [j + 1]).key, j);
		if (n === 1) for (const o of last.outputs.values()) elements.set(o.key, 0);
		const scalar = readLoss(formulas, elements, n, locale);
		if (scalar.kind === 'none') return scalar;
		const unpaired = scalar.targets.findIndex((t) => !t);
		if (unpaired >= 0) return { kind: 'none', reason: message('infer.unpaired', { output: unpaired + 1 }, locale) };
		lossKind = scalar.loss;
		targets = scalar.targets as NameRef[];
		lossFormulas = [];
	}
	let missing: NameRef | undefined;
	let two: { name: NameRef; a: string; b: string; at: Chain['span'] } | undefined;
	const values = (names: readonly NameRef[]) => Float64Array.from(names, (x) => {
		const pair = givens.twoValues(x);
		if (pair) two ??= { name: x, a: pair[0].text, b: pair[1].text, at: pair[1].span };
		const v = givens.value(x);
		if (v === undefined) missing ??= x;
		return v ?? 0;
	});
	const inputs = Array.from({ length: reading.width }, (_, k) => elementName(reading.input, [k + 1]));
	const layers: DenseLayer[] = reading.layers.map((L) => {
		const weights = Array.from({ length: L.units * L.matrixShape.cols }, (_, i) => elementName(L.matrix, [Math.floor(i / L.matrixShape.cols) + 1, (i % L.matrixShape.cols) + 1]));
		// A one-row matrix states its elements by one index (`W^{(2)}_2`, `matrices.ts`); its names keep both (`W^{(2)}_{12}`).
		const stated = L.units === 1 ? weights.map((_, k) => elementName(L.matrix, [k + 1])) : weights;
		const biases = L.scalarBias ? [L.bias] : Array.from({ length: L.units }, (_, j) => elementName(L.bias, [j + 1]));
		return {
			kind: 'dense',
			units: L.units,
			weights: values(stated),
			weightNames: weights.map((w) => w.text),
			bias: values(biases),
			biasNames: biases.map((b) => b.text),
			sharedBias: false,
			activation: { kind: L.activation, slope: 0.01 },
		};
	});
	const spec: NetworkSpec = {
		input: values(inputs),
		inputShape: { channels: 1, rows: 1, cols: reading.width, dims: 1 },
		inputNames: indexedNames(reading.input.text, [reading.width]),
		target: values(targets),
		targetNames: vec ? indexedNames(vec.target.text, [n]) : targets.map((t) => t.text),
		loss: lossKind,
		learningRate: givens.learningRate(),
		layers,
		frozen: new Set(),
		notation: defaultNotation,
	};
	if (two) return { kind: 'none', reason: message('infer.twoValues', { name: two.name.text, a: two.a, b: two.b }, locale), span: two.at };
	if (missing) return { kind: 'none', reason: message('infer.noValue', { name: missing.text }, locale) };
	let net: Network;
	try {
		net = buildNetwork(spec);
	} catch {
		return { kind: 'none', reason: message('infer.noBuild', {}, locale) };
	}
	const placed = new Set<ForwardFormula>(lossFormulas);
	const quantities: Record<string, string> = {};
	let before = Array.from({ length: reading.width }, (_, k) => ids.input(k));
	for (const [l, L] of reading.layers.entries()) {
		const range = (m: number, id: (i: number) => QuantityId) => Array.from({ length: m }, (_, i) => id(i));
		const pre = range(L.units, (j) => ids.layer(l, 'pre', j));
		const out = range(L.units, (j) => ids.layer(l, 'out', j));
		const parts = sameIds(gridIds(net, L.matrix, scope), range(L.units * L.matrixShape.cols, (i) => ids.param(l, 'w', i)))
			&& sameIds(gridIds(net, L.reads, scope), before) && sameIds(gridIds(net, L.bias, scope), range(L.units, (j) => ids.param(l, 'b', j)));
		for (const [f, want] of [...L.sums.map((f) => [f, pre] as const), ...L.outs.map((f) => [f, out] as const)]) {
			const head = parts ? reproduces(net, f, want, scope) : undefined;
			if (!head) return { kind: 'none', reason: message('infer.formulaMisfit', { head: f.heads[0].text }, locale), span: f.chain.span };
			// The document's spelling of each element, for the findings' sentences (`z^{(1)}_{1}`).
			// A one-unit layer's quantities go by the name itself (`z^{(2)}`), as the document writes them.
			want.forEach((id, j) => (quantities[id] ??= want.length === 1 ? head.text : elementName(head, [j + 1]).text));
			placed.add(f);
		}
		before = L.outs.length > 0 ? out : pre;
	}
	const truth = net.value('E');
	const column = (id: (j: number) => QuantityId): Grid => ({ rows: n, cols: 1, free: false, cells: Array.from({ length: n }, (_, j) => ({ value: net.value(id(j)) ?? NaN, iv: point(net.value(id(j)) ?? NaN) })) });
	const outputs = column((j) => ids.layer(reading.layers.length - 1, 'out', j));
	const target = column((j) => ids.target(j));
	for (const f of lossFormulas) {
		const v = scalarOf(f.member, (x) => (last.outputs.has(x.name.key) ? outputs : x.name.key === vec?.target.key ? target : undefined), NO_NAMES);
		if (v === undefined || truth === undefined || !close(v, truth)) return { kind: 'none', reason: message('infer.lossMisfit', { head: f.heads[0].text }, locale), span: f.chain.span };
	}
	const rest = formulas.filter((f) => !placed.has(f));
	const expected = new Map<string, QuantityId>();
	for (const f of rest) for (const h of f.heads) {
		const r = net.resolve(h, scope);
		if (r.kind === 'quantity' && /^L\d+:(pre|out):\d+$/.test(r.id)) expected.set(h.key, r.id);
	}
	const verified = verifyNetwork(spec, expected, rest, scope, locale);
	if (verified.kind !== 'read') return verified;
	const loss = verified.spec.written?.loss ?? lossFormulas[0]?.heads.find(isLossName)?.text;
	return { kind: 'read', spec: { ...verified.spec, written: { quantities: { ...quantities, ...verified.spec.written?.quantities }, ...(loss ? { loss } : {}) } } };
}
