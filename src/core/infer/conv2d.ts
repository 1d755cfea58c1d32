/**
 * A 2-D convolution over the document's inputs, read from its units' weighted sums (DESIGN 2.6).
 * The units name their place in the feature map (`in_{C1,2,1}`: channel 1, row 2, column 1) and
 * the inputs theirs (`x_{21}`, `x_{2,1}`: row 2, column 1); these places are a proposal, which the
 * engine's verification of every formula then holds to. Unit (r, c) reads the rectangle of inputs
 * that starts at (r·stride − padding, c·stride − padding), kh × kw, cut at the edges, and kernel
 * element (i, j) meets window element (i, j) (cross-correlation) or the one turned half a circle
 * (flip), which, as in 1-D, the kernel names' order decides: the engine computes the same values
 * either way. The kernel is fixed by the vote of a channel's units, as in `conv.ts`.
 */
import type { NameRef } from '../syntax/ast';
import type { ConvFit } from './conv';
import type { ForwardFormula } from './formulas';
import { trailingIndex } from './loss';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';

/** A unit of a 2-D map: its place (0-based) and its products, each an input's place and a weight. */
export interface MapUnit {
	readonly pre: ForwardFormula;
	readonly channel: number;
	readonly row: number;
	readonly col: number;
	readonly taps: readonly { readonly row: number; readonly col: number; readonly weight: NameRef }[];
	readonly bias?: NameRef;
}

/** `in_{C1,2,1}` → layer `C`, channel 0, row 1, column 0. */
export function mapPlace(n: NameRef): { name: string; channel: number; row: number; col: number } | undefined {
	const m = /^([A-Za-z]+?)(\d+),(\d+),(\d+)$/.exec(n.sub);
	return m && Number(m[2]) > 0 && Number(m[3]) > 0 && Number(m[4]) > 0 ? { name: m[1], channel: Number(m[2]) - 1, row: Number(m[3]) - 1, col: Number(m[4]) - 1 } : undefined;
}

/** `x_{21}` or `x_{2,1}` → row 1, column 0. */
export function gridPlace(n: NameRef): { row: number; col: number } | undefined {
	const m = /^(\d)(\d)$/.exec(n.sub) ?? /^(\d+),(\d+)$/.exec(n.sub);
	return m && Number(m[1]) > 0 && Number(m[2]) > 0 ? { row: Number(m[1]) - 1, col: Number(m[2]) - 1 } : undefined;
}

export interface Conv2dFit extends ConvFit {
	readonly kh: number;
	readonly strideRows: number;
	readonly rows: number;
	readonly cols: number;
}

/** Fits a 2-D convolution to `units` (in channel, row, column order) over `height` × `width` inputs, or says why not. */
export function fitConv2d(units: readonly MapUnit[], height: number, width: number, locale: Locale): Conv2dFit | { reason: string } {
	const fail = (id: 'infer.convUneven' | 'infer.convWindow' | 'infer.convStride' | 'infer.convCount' | 'infer.convKernel' | 'infer.convBias' | 'infer.noBias', u: MapUnit) => ({ reason: message(id, { head: u.pre.heads[0].text }, locale) });
	const channels = Math.max(...units.map((u) => u.channel)) + 1;
	const rows = Math.max(...units.map((u) => u.row)) + 1;
	const cols = Math.max(...units.map((u) => u.col)) + 1;
	if (units.length !== channels * rows * cols) return fail('infer.convUneven', units[0]);
	const box = units.map((u) => {
		const rs = u.taps.map((t) => t.row), cs = u.taps.map((t) => t.col);
		return { r0: Math.min(...rs), r1: Math.max(...rs) + 1, c0: Math.min(...cs), c1: Math.max(...cs) + 1 };
	});
	for (let i = 0; i < units.length; i++) {
		const b = box[i];
		const cells = new Set(units[i].taps.map((t) => `${t.row},${t.col}`));
		if (cells.size !== units[i].taps.length || cells.size !== (b.r1 - b.r0) * (b.c1 - b.c0)) return fail('infer.convWindow', units[i]);
	}
	const kh = Math.max(...box.map((b) => b.r1 - b.r0)), kw = Math.max(...box.map((b) => b.c1 - b.c0));
	const whole = units.map((u, i) => ({ u, b: box[i] })).filter((x) => x.b.r1 - x.b.r0 === kh && x.b.c1 - x.b.c0 === kw);
	// Strides along each axis from two whole windows that differ along it; one output along an axis needs none.
	const step = (along: 'row' | 'col'): { stride: number; pad: number } | undefined => {
		const a = whole[0];
		if (!a) return undefined;
		const start = (x: { b: typeof box[number] }) => (along === 'row' ? x.b.r0 : x.b.c0);
		const other = whole.find((x) => x.u[along] !== a.u[along]);
		const stride = other ? (start(other) - start(a)) / (other.u[along] - a.u[along]) : 1;
		return { stride, pad: a.u[along] * stride - start(a) };
	};
	const sr = step('row'), sc = step('col');
	if (!sr || !sc || sr.pad !== sc.pad || [sr.stride, sc.stride].some((s) => !Number.isInteger(s) || s < 1) || sr.pad < 0 || sr.pad >= Math.min(kh, kw)) return fail('infer.convStride', units[0]);
	const pad = sr.pad;
	for (let i = 0; i < units.length; i++) {
		const u = units[i], b = box[i];
		const top = u.row * sr.stride - pad, left = u.col * sc.stride - pad;
		if (b.r0 !== Math.max(top, 0) || b.r1 !== Math.min(top + kh, height) || b.c0 !== Math.max(left, 0) || b.c1 !== Math.min(left + kw, width)) return fail('infer.convWindow', u);
	}
	if (Math.floor((height + 2 * pad - kh) / sr.stride) + 1 !== rows || Math.floor((width + 2 * pad - kw) / sc.stride) + 1 !== cols) return fail('infer.convCount', units[units.length - 1]);
	const kernel: NameRef[] = [];
	const outvoted: ForwardFormula[] = [];
	const biases: NameRef[] = [];
	let increasing = 0, decreasing = 0;
	const slots: NameRef[][] = [];
	for (let c = 0; c < channels; c++) {
		const run = units.filter((u) => u.channel === c);
		const slotOf = (u: MapUnit, t: MapUnit['taps'][number]) => (t.row - (u.row * sr.stride - pad)) * kw + t.col - (u.col * sc.stride - pad);
		const votes: Map<string, { name: NameRef; count: number }>[] = Array.from({ length: kh * kw }, () => new Map());
		for (const u of run) for (const t of u.taps) {
			const v = votes[slotOf(u, t)];
			v.set(t.weight.key, { name: t.weight, count: (v.get(t.weight.key)?.count ?? 0) + 1 });
		}
		const chosen: NameRef[] = [];
		for (const v of votes) {
			const ranked = [...v.values()].sort((a, b) => b.count - a.count);
			if (ranked.length === 0 || (ranked.length > 1 && ranked[1].count === ranked[0].count)) return fail('infer.convKernel', run[0]);
			chosen.push(ranked[0].name);
		}
		if (new Set(chosen.map((n) => n.key)).size !== chosen.length) return fail('infer.convKernel', run[0]);
		const against = run.filter((u) => u.taps.some((t) => chosen[slotOf(u, t)].key !== t.weight.key));
		if (against.length > 0 && (run.length - against.length < 2 || against.length >= run.length - against.length)) return fail('infer.convKernel', against[0]);
		outvoted.push(...against.map((u) => u.pre));
		const idx = chosen.map(trailingIndex);
		if (idx.every((x, i) => i === 0 || (x !== undefined && idx[i - 1] !== undefined && x > idx[i - 1]!))) increasing++;
		if (idx.every((x, i) => i === 0 || (x !== undefined && idx[i - 1] !== undefined && x < idx[i - 1]!))) decreasing++;
		slots.push(chosen);
		const missing = run.find((u) => !u.bias);
		if (missing) return fail('infer.noBias', missing);
		if (run.some((u) => u.bias!.key !== run[0].bias!.key)) return fail('infer.convBias', run[0]);
		biases.push(run[0].bias!);
	}
	const others = units.flatMap((u) => u.taps.map((t) => t.weight.key));
	const kernels = slots.map((s) => new Set(s.map((n) => n.key)));
	if (others.some((k) => kernels.filter((s) => s.has(k)).length !== 1)) return fail('infer.convKernel', units[0]);
	// The engine computes the same values either way; the names' order says which the document means.
	const flip = kh * kw > 1 && decreasing === channels && increasing === 0;
	for (const chosen of slots) kernel.push(...(flip ? [...chosen].reverse() : chosen));
	const sharedBias = biases.length > 1 && biases.every((b) => b.key === biases[0].key);
	return {
		outChannels: channels, inChannels: 1, k: kw, kh, stride: sc.stride, strideRows: sr.stride, padding: pad, flip, kernel,
		biases: sharedBias ? [biases[0]] : biases, sharedBias, outvoted, rows, cols,
	};
}

/**
 * The first layer read as a 2-D convolution over `names` (one side of its products) as the input
 * grid: `undefined` when those names do not name one full grid of places, else the fit or why not.
 */
export function readMap(first: readonly ForwardFormula[], names: readonly NameRef[], locale: Locale): { inputs: NameRef[]; units: { pre: ForwardFormula; bias?: NameRef; taps: [] }[]; fit: Conv2dFit; grid: { rows: number; cols: number } } | { reason: string } | undefined {
	const places = names.map(gridPlace);
	if (places.some((p) => !p)) return undefined;
	const height = Math.max(...places.map((p) => p!.row)) + 1, width = Math.max(...places.map((p) => p!.col)) + 1;
	const grid: (NameRef | undefined)[] = new Array(height * width).fill(undefined);
	for (let i = 0; i < names.length; i++) {
		const at = places[i]!.row * width + places[i]!.col;
		if (grid[at]) return undefined;
		grid[at] = names[i];
	}
	if (grid.some((n) => !n)) return undefined;
	const where = new Map(names.map((n, i) => [n.key, places[i]!]));
	const units: MapUnit[] = [];
	for (const f of first) {
		const place = mapPlace(f.heads[0]);
		if (!place) return { reason: message('infer.conv2d', { example: 'x_{11}, x_{12}, …', head: f.heads[0].text }, locale) };
		const taps = f.affine!.products.map((p) => {
			const a = where.get(p.a.key);
			return a ? { ...a, weight: p.b } : { ...where.get(p.b.key)!, weight: p.a };
		});
		units.push({ pre: f, channel: place.channel, row: place.row, col: place.col, taps, bias: f.affine!.bias });
	}
	units.sort((a, b) => a.channel - b.channel || a.row - b.row || a.col - b.col);
	const fit = fitConv2d(units, height, width, locale);
	if ('reason' in fit) return fit;
	return { inputs: grid as NameRef[], units: units.map((u) => ({ pre: u.pre, bias: u.bias, taps: [] })), fit, grid: { rows: height, cols: width } };
}
