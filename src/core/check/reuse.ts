/**
 * Keeping the results of the chains an edit cannot reach (salsa's rule, per chain). A chain's
 * check is a function of its own text, the steps over the whole document (the scan, each network
 * block's network, settling marks, joining chains) and what the chains before it stated; so a
 * re-check repeats a chain's results, without checking it, when the chain is the same and what it
 * read of the chains before it is the same.
 *
 * The last check leaves a `Journal`: per chain, where its writes end in each list the check
 * appends to (diagnostics in the order found, member facts, substitutions, names, stated values,
 * exact results, matrix shapes, the names left unchecked), and what it read (`ChainReads`: the
 * stated values of each key it looked up, the author's values of each quantity, the names of the
 * author's own, exact results, shapes, and the text of other places it quoted). The truth checkers
 * keep what each chain wrote into them (`checker.ts`). A re-check takes, in document order:
 *
 * - the chains before the first changed character, whose regions are unchanged: the same, and so
 *   is everything they read, so their writes are replayed without looking at their reads;
 * - when the edit added or removed no line break (a digit typed over another, typed or taken
 *   back), every other chain outside the regions the edit touched: its writes are replayed when
 *   each of its reads gives what it gave in the last check, else it is checked;
 * - everything else is checked, and records its reads for the next check.
 *
 * Messages speak of lines, which such an edit leaves where they were. When it also leaves the
 * offsets (a same-length edit), what is kept is shared; when it moves those after it (`Move`),
 * what is kept is copied with them moved, into the nodes of the new parse where it points into
 * the chain, and an offset found at the edit itself, which could belong to either side, makes the
 * whole check run afresh. The settings, the networks, where each block's reach starts and every
 * settled mark must be the same, or nothing is kept. The last check's analysis stays as it was.
 */
import type { ScanResult } from '../scan/region';
import type { TextChange } from '../scan/reuse';
import type { SettledNames } from '../syntax/settle';
import type { Span } from '../text/span';
import type { Chain } from './chains';
import type { CheckContext, ChainStatus } from './context';
import type { Diagnostic } from './diagnostic';
import type { StatedValue } from './facts';
import { addShape, latestShape, shapesAdded, type Shape } from './matrices';
import type { TruthChecker } from './truth/checker';
import { movedCopy } from '../syntax/copy';

/** The names left unchecked, with every addition and removal recorded against the chain that made it. */
export class UncheckedNames extends Set<string> {
	/** The chain being checked; -1 before the first. */
	chain = -1;
	/** Additions (`true`) and removals, in order. Undefined while the base constructor adds the initial names, which no chain made. */
	readonly log?: { readonly chain: number; readonly add: boolean; readonly name: string }[] = [];

	override add(name: string): this {
		this.log?.push({ chain: this.chain, add: true, name });
		return super.add(name);
	}

	override delete(name: string): boolean {
		this.log?.push({ chain: this.chain, add: false, name });
		return super.delete(name);
	}
}

/** The stated results known to be exact, by where their number starts, with each addition recorded and each look-up of an earlier chain's noted. */
export class ExactResults extends Set<number> {
	chain = -1;
	reads?: ChainReads;
	readonly log?: number[] = [];
	private own?: Set<number>;

	/** Starts chain `chain`: what it adds is its own. */
	begin(chain: number, reads: ChainReads | undefined): void {
		this.chain = chain;
		this.reads = reads;
		this.own = undefined;
	}

	override add(offset: number): this {
		this.log?.push(offset);
		(this.own ??= new Set()).add(offset);
		return super.add(offset);
	}

	override has(offset: number): boolean {
		const found = super.has(offset);
		if (this.reads && !this.own?.has(offset) && !this.reads.exact.has(offset)) this.reads.exact.set(offset, found);
		return found;
	}
}

/** What one chain's check read of what the chains before it stated; a re-check compares each with what it finds. */
export class ChainReads {
	/** Set when the check read something this record cannot say (a look-up on another chain's behalf): never kept then. */
	opaque = false;
	/** What each look-up of stated values gave (`Facts.reread` tells them apart): the values acceptable, whether there was an update, or every earlier value. */
	readonly facts = new Map<string, unknown>();
	/** The first chain of the reach the chain was checked in. */
	reach = 0;
	/** The author's values of quantities, as the truth check found them (undefined: none). */
	readonly author = new Map<string, unknown>();
	/** The names of the author's own bound so far in the reach, as one string. */
	invented = '';
	readonly exact = new Map<number, boolean>();
	readonly shapes = new Map<string, Shape | undefined>();
	/** Set when the chain looked a shape up while none had been stated. */
	noShapes = false;
	/** Places of the text the check quoted in messages. */
	readonly spans: Span[] = [];
}

const KINDS = 8;
const [DIAGNOSTICS, MEMBERS, SUBSTITUTIONS, NAMES, STATED, EXACT, SHAPES, UNCHECKED] = [0, 1, 2, 3, 4, 5, 6, 7];

/** What one check leaves for the next check of the same document. */
export interface Journal {
	/** The options the check ran under (language, tolerance, locale, inference, whether the text was cut at its budget). */
	readonly settings: string;
	readonly text: string;
	readonly scan: ScanResult;
	readonly settled: SettledNames;
	/** The lengths of the lists before the first chain (the network blocks' diagnostics). */
	readonly base: readonly number[];
	/** Every diagnostic in the order found. */
	readonly found: readonly Diagnostic[];
	/** After chain i, the lengths of the lists at `KINDS * i` … (diagnostics, members, substitutions, names, stated values, exact results, shapes, unchecked names). */
	readonly counts: readonly number[];
	/** What each chain read, when it was checked or its reads were found unchanged. */
	readonly reads: readonly (ChainReads | undefined)[];
	readonly unchecked: UncheckedNames;
	readonly exact: ExactResults;
	/** How many chains kept the results of the check before (for tests and the benchmark). */
	readonly kept: number;
}

/** The parts of an analysis a re-check reads. */
export interface Previous {
	readonly journal?: Journal;
	readonly chains: readonly Chain[];
	readonly status: readonly ChainStatus[];
	readonly segments: readonly { readonly start: number; readonly truth?: TruthChecker }[];
	readonly facts: CheckContext['facts'];
	readonly members: CheckContext['members'];
	readonly substitutions: CheckContext['substitutions'];
	readonly names: CheckContext['names'];
}

/** The lengths of the lists a journal counts, as they stand in `ctx`. */
export function lengths(ctx: CheckContext, exact: ExactResults, unchecked: UncheckedNames): number[] {
	return [ctx.diagnostics.length, ctx.members.length, ctx.substitutions.length, ctx.names.length, ctx.facts.added.length, exact.log?.length ?? 0, shapesAdded(ctx.facts).length, unchecked.log?.length ?? 0];
}

function sameRegion(x: ScanResult['regions'][number], y: ScanResult['regions'][number]): boolean {
	return x.outer.start === y.outer.start && x.outer.end === y.outer.end && x.inner.start === y.inner.start && x.inner.end === y.inner.end && x.kind === y.kind;
}

function sameDecisions(a: SettledNames, b: SettledNames): boolean {
	if (a.marksPrediction !== b.marksPrediction || a.decisions.size !== b.decisions.size) return false;
	for (const [key, dropped] of a.decisions) if (b.decisions.get(key) !== dropped) return false;
	return true;
}

const overlapping = (s: Span, lo: number, hi: number) => s.start < hi && s.end > lo;

/**
 * How the offsets of the last check's text map into the new text's after an edit that moved those
 * after it and no line: `old.slice(first, oldEnd)` became `by` characters longer. An offset at
 * the edit or inside it has no sure place (`NaN`).
 */
export class Move {
	/** The members of the new parse that are the copies of the last check's (`pair`). */
	private readonly seen = new Map<object, unknown>();
	/** The new place of an offset a kept result holds; one at the edit is a bug here, and throws (`analyzeDocument` then checks afresh). */
	readonly offset = (offset: number): number => {
		const moved = this.at(offset);
		if (Number.isNaN(moved)) throw new Error('A kept result has an offset at the edit.');
		return moved;
	};

	constructor(readonly first: number, readonly oldEnd: number, readonly by: number) {}

	at(offset: number): number {
		return offset < this.first ? offset : offset > this.oldEnd ? offset + this.by : NaN;
	}

	/** A copy of what a kept chain wrote, with its offsets moved (`offset`). */
	copy<T>(x: T): T {
		return movedCopy(x, this.offset, this.seen);
	}

	/** True when a place the last check quoted touches the edit, so its text may differ now. */
	touches(span: Span): boolean {
		return span.end >= this.first && span.start <= this.oldEnd;
	}

	/**
	 * Makes the members of chain `now` (the new parse) the copies of those of `before`, the same
	 * text moved, so that a kept fact about a member points into the new chain, not into a copy.
	 */
	pair(before: Chain, now: Chain): void {
		for (let m = 0; m < before.members.length && m < now.members.length; m++) {
			const x = before.members[m], y = now.members[m];
			if (x.kind !== y.kind || this.at(x.span.start) !== y.span.start || this.at(x.span.end) !== y.span.end) continue;
			this.seen.set(x, y).set(x.span, y.span);
		}
	}

	/** What a kept chain read, in the new text's offsets, for the check after this one. */
	reads(r: ChainReads): ChainReads {
		const out = new ChainReads();
		out.opaque = r.opaque;
		out.reach = r.reach;
		out.invented = r.invented;
		out.noShapes = r.noShapes;
		for (const [k, v] of r.facts) out.facts.set(k, this.copy(v));
		for (const [k, v] of r.author) out.author.set(k, this.copy(v));
		for (const [k, v] of r.exact) out.exact.set(this.offset(k), v);
		for (const [k, v] of r.shapes) out.shapes.set(k, this.copy(v));
		for (const span of r.spans) out.spans.push(this.copy(span));
		return out;
	}
}

/** Which chains of the new check keep the last check's results, and how. */
export interface ReusePlan {
	/** The leading chains that are kept whatever they read. */
	readonly prefix: number;
	/** For every later chain, whether it may keep its results when its reads are unchanged. */
	readonly candidate: (index: number) => boolean;
	/** Set when the edit moved the offsets after it: the later chains kept are copied with theirs moved. */
	readonly move?: Move;
}

const NOTHING: ReusePlan = { prefix: 0, candidate: () => false };

/** What of the check `prev` the new check may keep (see the file's comment). */
export function planReuse(prev: Previous, now: { settings: string; text: string; change: TextChange; scan: ScanResult; settled: SettledNames; segments: readonly { readonly start: number; readonly truth?: TruthChecker }[]; chains: readonly Chain[] }): ReusePlan {
	const journal = prev.journal;
	if (!journal || journal.settings !== now.settings || !sameDecisions(journal.settled, now.settled)) return NOTHING;
	if (prev.segments.length !== now.segments.length) return NOTHING;
	const first = now.change.first;
	// The prefix: the regions before the first change that are the same in both scans.
	let limit = first;
	const a = journal.scan.regions, b = now.scan.regions;
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const x = a[i], y = b[i];
		const start = Math.min(x?.outer.start ?? Infinity, y?.outer.start ?? Infinity);
		if (start >= limit) break;
		if (!x || !y || !sameRegion(x, y) || x.outer.end > limit) {
			limit = start;
			break;
		}
	}
	for (let i = 0; i < now.segments.length; i++) {
		const x = prev.segments[i], y = now.segments[i];
		if (x.truth?.net !== y.truth?.net || (x.truth === undefined) !== (y.truth === undefined)) return NOTHING;
		if (x.start !== y.start && (x.start < limit || y.start < limit)) return NOTHING;
	}
	let prefix = 0;
	while (prefix < prev.chains.length && prefix < now.chains.length && sameChain(prev.chains[prefix], now.chains[prefix]) && now.chains[prefix].span.end <= limit) prefix++;
	return { prefix, ...lineKeepingEdit(prev, now, prefix) };
}

/** The stretch `[lo, hi)` of every region of `regions` that touches `[first, end)` (or holds it), and the regions outside it: those an edit there cannot have changed. */
function untouched(regions: ScanResult['regions'], first: number, end: number): { lo: number; hi: number; rest: ScanResult['regions'] } {
	let lo = first, hi = Math.max(end, first + 1);
	for (const r of regions) {
		if (overlapping(r.outer, lo, hi) || (r.outer.start <= first && r.outer.end >= end)) {
			lo = Math.min(lo, r.outer.start);
			hi = Math.max(hi, r.outer.end);
		}
	}
	return { lo, hi, rest: regions.filter((r) => !overlapping(r.outer, lo, hi)) };
}

/**
 * After an edit that added or removed no line break, the chains outside every region the edit
 * touched, each the same chain as in the last check (moved with the text after the edit), may
 * keep their results when their reads are unchanged. A same-length edit moves nothing.
 */
function lineKeepingEdit(prev: Previous, now: { text: string; change: TextChange; scan: ScanResult; segments: readonly { readonly start: number }[]; chains: readonly Chain[] }, prefix: number): Omit<ReusePlan, 'prefix'> {
	const journal = prev.journal!;
	const old = journal.text, text = now.text;
	const { first, oldEnd, newEnd } = now.change;
	const refuse = { candidate: () => false };
	if (prev.chains.length !== now.chains.length) return refuse;
	// No line break goes or comes, and none is split or joined (`\r` + `\n` make one line break).
	if (/[\r\n]/.test(old.slice(first, oldEnd)) || /[\r\n]/.test(text.slice(first, newEnd)) || old[first - 1] === '\r') return refuse;
	const move = newEnd === oldEnd ? undefined : new Move(first, oldEnd, newEnd - oldEnd);
	const at = (offset: number) => (move ? move.at(offset) : offset);
	if (prev.segments.some((s, i) => at(s.start) !== now.segments[i].start)) return refuse;
	// The edit's reach for the parse: every region, in either scan, that it touches.
	const x = untouched(journal.scan.regions, first, oldEnd), y = untouched(now.scan.regions, first, newEnd);
	const same = (r: ScanResult['regions'][number], q: ScanResult['regions'][number]) => at(r.outer.start) === q.outer.start && at(r.outer.end) === q.outer.end && at(r.inner.start) === q.inner.start && at(r.inner.end) === q.inner.end && r.kind === q.kind;
	if (x.rest.length !== y.rest.length || x.rest.some((r, i) => !same(r, y.rest[i]))) return refuse;
	return {
		move,
		candidate: (i) => {
			const a = prev.chains[i], b = now.chains[i];
			return i >= prefix && !overlapping(b.span, y.lo, y.hi) && !overlapping(a.span, x.lo, x.hi) && at(a.span.start) === b.span.start && at(a.span.end) === b.span.end && a.members.length === b.members.length && a.relations.length === b.relations.length;
		},
	};
}

function sameChain(x: Chain, y: Chain): boolean {
	return x.span.start === y.span.start && x.span.end === y.span.end && x.members.length === y.members.length && x.relations.length === y.relations.length;
}

const still = (offset: number) => offset;

/** True when stated value `x` (now) is `y` (the last check's), its offsets moved by `at`. */
function sameStated(x: StatedValue, y: StatedValue, at: (offset: number) => number): boolean {
	return x === y || (x.key === y.key && x.written === y.written && x.value === y.value && x.iv.lo === y.iv.lo && x.iv.hi === y.iv.hi && x.text === y.text && x.span.start === at(y.span.start) && x.span.end === at(y.span.end) && x.chain === y.chain && x.update === y.update);
}

function sameList(x: readonly StatedValue[], y: readonly StatedValue[], at: (offset: number) => number): boolean {
	return x.length === y.length && x.every((v, i) => sameStated(v, y[i], at));
}

/** True when `x` (now) is `y` (the last check's) as data, every `start` and `end` of `y` moved by `at`. */
function sameData(x: unknown, y: unknown, at: (offset: number) => number, key = ''): boolean {
	if (typeof x === 'number' && typeof y === 'number' && (key === 'start' || key === 'end')) return at(y) === x;
	// One object in both checks: a value of a chain before the edit, whose offsets did not move.
	if (x === y) return true;
	if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
	const kx = Object.keys(x), ky = Object.keys(y);
	if (kx.length !== ky.length) return false;
	for (const k of kx) if (!sameData((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], at, k)) return false;
	return true;
}

/** The names of the author's own bound so far, as `ChainReads.invented` holds them. */
export function inventedNow(ctx: CheckContext): string {
	const invented = ctx.nameScope?.invented;
	if (!invented || invented.size === 0) return '';
	let out = '';
	for (const [k, v] of invented) out += `${k}\u0000${v}\u0001`;
	return out;
}

/**
 * True when chain `index`'s reads in the last check give the same now, in `ctx` as it stands
 * before the chain: the stated values of every key, the author's values, the names of the
 * author's own, exact results, shapes, and the quoted text (outside the edit, `changed`).
 */
export function sameReads(reads: ChainReads, index: number, ctx: CheckContext, exact: ExactResults, changed: (s: Span) => boolean, move?: Move): boolean {
	if (reads.opaque || reads.reach !== ctx.facts.reach || reads.invented !== inventedNow(ctx)) return false;
	const at = move ? (offset: number) => move.at(offset) : still;
	for (const [what, was] of reads.facts) {
		const now = ctx.facts.reread(what, index);
		if (typeof was === 'boolean' ? now !== was : !sameList(now as readonly StatedValue[], was as readonly StatedValue[], at)) return false;
	}
	const truth = ctx.truth;
	if (reads.author.size > 0 && !truth) return false;
	for (const [id, value] of reads.author) if (!sameData(truth!.authorValue(id), value, at)) return false;
	for (const [offset, found] of reads.exact) if (Set.prototype.has.call(exact, at(offset)) !== found) return false;
	if (reads.noShapes && shapesAdded(ctx.facts).length > 0) return false;
	for (const [key, shape] of reads.shapes) if (!sameData(latestShape(ctx.facts, key), shape, at)) return false;
	return !reads.spans.some(move ? (s) => move.touches(s) : changed);
}

/**
 * Repeats in `ctx` what chains `from` … `to` - 1 of `prev` wrote: their diagnostics, member facts,
 * substitutions, names, stated values, exact results, shapes and unchecked names, and, into the
 * truth checker of their reach (`truthOf`), the author's values and invented names.
 */
export function replay(prev: Previous, from: number, to: number, ctx: CheckContext, exact: ExactResults, unchecked: UncheckedNames, truthOf: (chain: number) => { now?: TruthChecker; before?: TruthChecker; invented: Map<string, string> }, move?: Move): void {
	const journal = prev.journal!;
	const at = (chain: number, kind: number) => (chain < 0 ? journal.base[kind] : journal.counts[KINDS * chain + kind]);
	const lo = (kind: number) => at(from - 1, kind), hi = (kind: number) => at(to - 1, kind);
	const kept = move ? <T>(x: T): T => move.copy(x) : <T>(x: T): T => x;
	for (let i = lo(DIAGNOSTICS); i < hi(DIAGNOSTICS); i++) ctx.diagnostics.push(kept(journal.found[i]));
	for (let i = lo(MEMBERS); i < hi(MEMBERS); i++) ctx.members.push(kept(prev.members[i]));
	for (let i = lo(SUBSTITUTIONS); i < hi(SUBSTITUTIONS); i++) ctx.substitutions.push(kept(prev.substitutions[i]));
	for (let i = lo(NAMES); i < hi(NAMES); i++) ctx.names.push(kept(prev.names[i]));
	for (let i = lo(STATED); i < hi(STATED); i++) ctx.facts.add(kept(prev.facts.added[i]));
	const exactLog = journal.exact.log ?? [];
	for (let i = lo(EXACT); i < hi(EXACT); i++) exact.add(move ? move.offset(exactLog[i]) : exactLog[i]);
	const shapes = shapesAdded(prev.facts);
	for (let i = lo(SHAPES); i < hi(SHAPES); i++) addShape(ctx.facts, shapes[i].key, shapes[i].shape);
	const ops = journal.unchecked.log ?? [];
	for (let i = lo(UNCHECKED); i < hi(UNCHECKED); i++) {
		unchecked.chain = ops[i].chain;
		if (ops[i].add) unchecked.add(ops[i].name);
		else unchecked.delete(ops[i].name);
	}
	for (let c = from; c < to; c++) {
		const t = truthOf(c);
		if (t.now && t.before) t.now.replay(t.before, c, t.invented, kept);
	}
}

/** What the next check's journal holds for the kept chains `from` … `to` - 1: their statuses, counts and reads. */
export function keptRecords(prev: Previous, from: number, to: number, now: readonly number[], status: ChainStatus[], counts: number[], reads: (ChainReads | undefined)[], move?: Move): void {
	const journal = prev.journal!;
	const before = from === 0 ? journal.base : journal.counts.slice(KINDS * (from - 1), KINDS * from);
	for (let c = from; c < to; c++) {
		status.push(prev.status[c]);
		for (let k = 0; k < KINDS; k++) counts.push(journal.counts[KINDS * c + k] - before[k] + now[k]);
		const r = journal.reads[c];
		reads.push(move && r ? move.reads(r) : r);
	}
}
