/**
 * A 1-D convolution read from its units' weighted sums (DESIGN 2.6). Each unit is a list of
 * products, a parent (a position in the layer before: channel and element) times a weight, and a
 * bias. The units of one output channel are written one after another and all read the same
 * kernel: a run of units reading weights of one kernel is a channel. Within a channel unit t reads, per
 * input channel, the window that starts at t·stride − padding, k elements long and cut at the
 * edges (zero padding writes no product); kernel element m meets window element m
 * (cross-correlation) or k − 1 − m (flip). Which of the two the document means cannot be told from
 * its formulas, since both networks compute the same values with the same names: the order of the
 * kernel's names decides (`KK_{13}` meeting the first input of a window is the flipped `KK_1`).
 *
 * The weight sharing over-determines the kernel, so a unit whose formula pairs the channel's kernel
 * elements with its window in another order (the notes' kernel-order mistake) is out-voted by the
 * units that agree, when they are at least two and more than those that do not; its formula is the
 * checker's to judge. Anything else that does not fit is a reason, never a guess.
 */
import type { NameRef } from '../syntax/ast';
import type { ForwardFormula } from './formulas';
import { trailingIndex } from './loss';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';

/** One product of a unit: the parent's position in the layer before and the weight it meets. */
export interface Tap {
	readonly channel: number;
	readonly at: number;
	readonly weight: NameRef;
}

export interface ConvUnit {
	readonly pre: ForwardFormula;
	readonly taps: readonly Tap[];
	readonly bias?: NameRef;
}

export interface ConvFit {
	readonly outChannels: number;
	readonly inChannels: number;
	readonly k: number;
	readonly stride: number;
	readonly padding: number;
	readonly flip: boolean;
	/** Kernel names flat over output channel, input channel, element, in the engine's order. */
	readonly kernel: readonly NameRef[];
	/** One per output channel, or one shared by all. */
	readonly biases: readonly NameRef[];
	readonly sharedBias: boolean;
	/** Units whose formula pairs the kernel in another order than the agreeing units of their channel. */
	readonly outvoted: readonly ForwardFormula[];
}

const key = (n: NameRef) => n.key;

/**
 * The runs of consecutive units that read one kernel: the output channels. A unit whose window
 * the padding cuts short reads part of its channel's kernel, so a unit that reads any weight the
 * run reads continues it; the kernels of two channels share no weight.
 */
function channelsOf(units: readonly ConvUnit[]): ConvUnit[][] {
	const runs: ConvUnit[][] = [];
	let kernel = new Set<string>();
	for (const u of units) {
		const own = u.taps.map((t) => key(t.weight));
		if (runs.length === 0 || !own.some((k) => kernel.has(k))) {
			runs.push([]);
			kernel = new Set();
		}
		runs[runs.length - 1].push(u);
		for (const k of own) kernel.add(k);
	}
	return runs;
}

/** Whether the units form channels of at least two units each with kernels of their own: the shape of a convolution. */
export function looksConvolutional(units: readonly ConvUnit[]): boolean {
	const runs = channelsOf(units);
	if (runs.some((r) => r.length < 2)) return false;
	const sets = runs.map((r) => new Set(r.flatMap((u) => u.taps.map((t) => key(t.weight)))));
	return sets.every((s, i) => sets.every((o, j) => i === j || [...s].every((k) => !o.has(k))));
}

/**
 * Fits a convolution to `units` (in the order of their indices) over `inChannels` × `length`
 * inputs; the reason, said in `locale`, when they are no convolution the engine computes.
 */
export function fitConv(units: readonly ConvUnit[], inChannels: number, length: number, locale: Locale): ConvFit | { reason: string } {
	const head = (u: ConvUnit) => u.pre.heads[0].text;
	const fail = (id: 'infer.convUneven' | 'infer.convWindow' | 'infer.convStride' | 'infer.convCount' | 'infer.convKernel' | 'infer.convBias' | 'infer.noBias', u: ConvUnit) => ({ reason: message(id, { head: head(u) }, locale) });
	const runs = channelsOf(units);
	const n = runs[0].length;
	const uneven = runs.find((r) => r.length !== n);
	if (uneven) return fail('infer.convUneven', uneven[0]);
	// Each unit's window per input channel: positions read, each once, one after another.
	const windows: { start: number; size: number }[][] = [];
	let k = 0;
	for (const u of units) {
		const per: { start: number; size: number }[] = [];
		for (let c = 0; c < inChannels; c++) {
			const at = u.taps.filter((t) => t.channel === c).map((t) => t.at).sort((a, b) => a - b);
			if (at.length === 0 || at.some((p, i) => i > 0 && p !== at[i - 1] + 1)) return fail('infer.convWindow', u);
			per.push({ start: at[0], size: at.length });
			k = Math.max(k, at.length);
		}
		windows.push(per);
	}
	// Stride and padding from the whole windows: the window of unit t starts at t·stride − padding.
	const whole: { t: number; start: number }[] = [];
	units.forEach((_, i) => { if (windows[i].every((w) => w.size === k)) whole.push({ t: i % n, start: windows[i][0].start }); });
	const two = whole.find((a) => whole.some((b) => b.t !== a.t));
	if (!two) return fail('infer.convStride', units[0]);
	const other = whole.find((b) => b.t !== two.t)!;
	const stride = (other.start - two.start) / (other.t - two.t);
	const padding = two.t * stride - two.start;
	if (!Number.isInteger(stride) || stride < 1 || padding < 0 || padding >= k) return fail('infer.convStride', units[0]);
	for (let i = 0; i < units.length; i++) {
		const from = (i % n) * stride - padding;
		const lo = Math.max(from, 0), hi = Math.min(from + k, length);
		if (windows[i].some((w) => w.start !== lo || w.start + w.size !== hi)) return fail('infer.convWindow', units[i]);
	}
	if (Math.floor((length + 2 * padding - k) / stride) + 1 !== n) return fail('infer.convCount', units[units.length - 1]);
	// The kernel, element by element, by the vote of the channel's units.
	const kernel: NameRef[] = [];
	const outvoted: ForwardFormula[] = [];
	let increasing = 0, decreasing = 0;
	const slots: NameRef[][] = [];
	for (const run of runs) {
		const base = runs.indexOf(run) * n;
		const votes: Map<string, { name: NameRef; count: number }>[] = Array.from({ length: inChannels * k }, () => new Map());
		const slotOf = (t: Tap, i: number) => t.channel * k + t.at - ((i % n) * stride - padding);
		run.forEach((u, r) => {
			for (const t of u.taps) {
				const v = votes[slotOf(t, base + r)];
				const was = v.get(key(t.weight));
				v.set(key(t.weight), { name: t.weight, count: (was?.count ?? 0) + 1 });
			}
		});
		const chosen: NameRef[] = [];
		for (const v of votes) {
			const ranked = [...v.values()].sort((a, b) => b.count - a.count);
			if (ranked.length === 0 || (ranked.length > 1 && ranked[1].count === ranked[0].count)) return fail('infer.convKernel', run[0]);
			chosen.push(ranked[0].name);
		}
		if (new Set(chosen.map(key)).size !== chosen.length) return fail('infer.convKernel', run[0]);
		const against = run.filter((u, r) => u.taps.some((t) => key(chosen[slotOf(t, base + r)]) !== key(t.weight)));
		if (against.length > 0 && (run.length - against.length < 2 || against.length >= run.length - against.length)) return fail('infer.convKernel', against[0]);
		outvoted.push(...against.map((u) => u.pre));
		for (let c = 0; c < inChannels; c++) {
			const idx = chosen.slice(c * k, (c + 1) * k).map(trailingIndex);
			if (idx.every((x, i) => i === 0 || (x !== undefined && idx[i - 1] !== undefined && x > idx[i - 1]!))) increasing++;
			if (idx.every((x, i) => i === 0 || (x !== undefined && idx[i - 1] !== undefined && x < idx[i - 1]!))) decreasing++;
		}
		slots.push(chosen);
	}
	// The engine computes the same values either way; the names' order says which the document means.
	const flip = k > 1 && decreasing === runs.length * inChannels && increasing === 0;
	for (const chosen of slots) for (let c = 0; c < inChannels; c++) {
		const part = chosen.slice(c * k, (c + 1) * k);
		kernel.push(...(flip ? part.reverse() : part));
	}
	// One bias per output channel, the same in each of its units, or one for all.
	const biases: NameRef[] = [];
	for (const run of runs) {
		const missing = run.find((u) => !u.bias);
		if (missing) return fail('infer.noBias', missing);
		if (run.some((u) => key(u.bias!) !== key(run[0].bias!))) return fail('infer.convBias', run[0]);
		biases.push(run[0].bias!);
	}
	const sharedBias = biases.length > 1 && biases.every((b) => key(b) === key(biases[0]));
	return { outChannels: runs.length, inChannels, k, stride, padding, flip, kernel, biases: sharedBias ? [biases[0]] : biases, sharedBias, outvoted };
}
