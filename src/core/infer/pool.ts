/**
 * A 1-D pooling layer read from its formulas (DESIGN 2.6): each formula reads a window of the
 * layer before's outputs (`\text{outpp}_1 = \frac{1}{2} (out_{cc_1} + out_{cc_2})`,
 * `out_{P1} = \max\{out_{C1}, out_{C2}\}`). Which pool it is is told by evaluating it, as
 * `probe.ts` tells activations: at fixed probe values it must give the mean of its window, or the
 * largest element, and nothing else. The windows must tile each channel in order: unit t of
 * channel c reads elements t·stride … t·stride + size − 1 of channel c, the units of a channel
 * written one after another, every window as long as the others.
 */
import type { ForwardFormula } from './formulas';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';
import { PROBES, close, evaluateWith } from './probe';

export interface PoolFit {
	readonly mode: 'max' | 'avg';
	readonly size: number;
	readonly stride: number;
	/** Outputs per channel. */
	readonly length: number;
}

/** The element each of `f`'s reads stands for, in the layer before; `undefined` for a read outside it. */
export type Place = (key: string) => { channel: number; at: number } | undefined;

/** Whether `f` computes the mean or the maximum of the values it reads (in the order given). */
export function poolMode(f: ForwardFormula, keys: readonly string[]): 'max' | 'avg' | undefined {
	const rows = [0, 1, 2, 3].map((r) => keys.map((_, j) => PROBES[(r * 5 + j * 3) % PROBES.length] + 0.05 * j));
	const fits = (want: (row: number[]) => number) => rows.every((row) => {
		const v = evaluateWith(f.member, new Map(keys.map((k, j) => [k, row[j]])));
		return v !== undefined && close(v, want(row));
	});
	const avg = fits((row) => row.reduce((a, b) => a + b, 0) / row.length);
	const max = fits((row) => Math.max(...row));
	return avg === max ? undefined : avg ? 'avg' : 'max';
}

/**
 * Fits a pool to `units` (in the order of their indices) over `channels` × `length` outputs;
 * the reason, said in `locale`, when their windows do not tile the layer before.
 */
export function fitPool(units: readonly ForwardFormula[], place: Place, channels: number, length: number, locale: Locale): PoolFit | { reason: string } {
	const fail = (id: 'infer.poolKind' | 'infer.poolChannels' | 'infer.poolWindow' | 'infer.poolTiling', f: ForwardFormula) => ({ reason: message(id, { head: f.heads[0].text }, locale) });
	let mode: 'max' | 'avg' | undefined;
	const windows: { channel: number; start: number; size: number }[] = [];
	for (const f of units) {
		const at = f.reads.map((r) => place(r.key));
		if (at.some((p) => !p)) return fail('infer.poolWindow', f);
		const ps = at as { channel: number; at: number }[];
		if (ps.some((p) => p.channel !== ps[0].channel)) return fail('infer.poolChannels', f);
		const order = ps.map((p, i) => ({ p: p.at, i })).sort((a, b) => a.p - b.p);
		if (order.some((o, i) => i > 0 && o.p !== order[i - 1].p + 1)) return fail('infer.poolWindow', f);
		const m = poolMode(f, f.reads.map((r) => r.key));
		if (!m || (mode && m !== mode)) return fail('infer.poolKind', f);
		mode = m;
		windows.push({ channel: ps[0].channel, start: order[0].p, size: ps.length });
	}
	const size = windows[0].size;
	if (units.length % channels !== 0) return fail('infer.poolTiling', units[units.length - 1]);
	const n = units.length / channels;
	const stride = n > 1 ? windows[1].start - windows[0].start : size;
	if (stride < 1 || Math.floor((length - size) / stride) + 1 !== n) return fail('infer.poolTiling', units[0]);
	for (let u = 0; u < units.length; u++) {
		const w = windows[u];
		if (w.size !== size || w.channel !== Math.floor(u / n) || w.start !== (u % n) * stride) return fail('infer.poolTiling', units[u]);
	}
	return { mode: mode!, size, stride, length: n };
}

export interface Pool2dFit extends PoolFit {
	readonly sizeRows: number;
	readonly strideRows: number;
	/** Outputs per channel along the rows and the columns. */
	readonly outRows: number;
	readonly outCols: number;
}

/** Where a read stands in a 2-D map before: channel, row, column (0-based). */
export type Place2d = (key: string) => { channel: number; row: number; col: number } | undefined;

/**
 * Fits a 2-D pool to `units` (in channel, row, column order) over `channels` × `rows` × `cols`
 * outputs: each window a rectangle in one channel, the windows tiling it row by row.
 */
export function fitPool2d(units: readonly ForwardFormula[], place: Place2d, channels: number, rows: number, cols: number, locale: Locale): Pool2dFit | { reason: string } {
	const fail = (id: 'infer.poolKind' | 'infer.poolChannels' | 'infer.poolWindow' | 'infer.poolTiling', f: ForwardFormula) => ({ reason: message(id, { head: f.heads[0].text }, locale) });
	let mode: 'max' | 'avg' | undefined;
	const boxes: { channel: number; r0: number; c0: number; h: number; w: number }[] = [];
	for (const f of units) {
		const at = f.reads.map((r) => place(r.key));
		if (at.some((p) => !p)) return fail('infer.poolWindow', f);
		const ps = at as { channel: number; row: number; col: number }[];
		if (ps.some((p) => p.channel !== ps[0].channel)) return fail('infer.poolChannels', f);
		const r0 = Math.min(...ps.map((p) => p.row)), c0 = Math.min(...ps.map((p) => p.col));
		const h = Math.max(...ps.map((p) => p.row)) - r0 + 1, w = Math.max(...ps.map((p) => p.col)) - c0 + 1;
		if (new Set(ps.map((p) => `${p.row},${p.col}`)).size !== ps.length || ps.length !== h * w) return fail('infer.poolWindow', f);
		const m = poolMode(f, f.reads.map((r) => r.key));
		if (!m || (mode && m !== mode)) return fail('infer.poolKind', f);
		mode = m;
		boxes.push({ channel: ps[0].channel, r0, c0, h, w });
	}
	const { h, w } = boxes[0];
	const starts = (pick: (b: typeof boxes[number]) => number) => [...new Set(boxes.filter((b) => b.channel === 0).map(pick))].sort((a, b) => a - b);
	const rs = starts((b) => b.r0), cs = starts((b) => b.c0);
	const sr = rs.length > 1 ? rs[1] - rs[0] : h, sc = cs.length > 1 ? cs[1] - cs[0] : w;
	const outRows = Math.floor((rows - h) / sr) + 1, outCols = Math.floor((cols - w) / sc) + 1;
	if (sr < 1 || sc < 1 || units.length !== channels * outRows * outCols) return fail('infer.poolTiling', units[units.length - 1]);
	for (let u = 0; u < units.length; u++) {
		const b = boxes[u];
		const c = Math.floor(u / (outRows * outCols)), i = Math.floor(u / outCols) % outRows, j = u % outCols;
		if (b.h !== h || b.w !== w || b.channel !== c || b.r0 !== i * sr || b.c0 !== j * sc) return fail('infer.poolTiling', units[u]);
	}
	return { mode: mode!, size: w, stride: sc, length: outRows * outCols, sizeRows: h, strideRows: sr, outRows, outCols };
}
