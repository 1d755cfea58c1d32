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
 * - when the edit replaced text by text of the same length with no line break in either (a digit
 *   typed over another), every other chain outside the regions the edit touched: its writes are
 *   replayed when each of its reads gives what it gave in the last check, else it is checked;
 * - everything else is checked, and records its reads for the next check.
 *
 * An insertion or a deletion moves the offsets and line numbers after it, which messages and
 * facts hold, so the chains after it are checked (re-rendering those is the next step). The
 * settings, the networks, where each block's reach starts and every settled mark must be the
 * same, or nothing is kept. Everything is shared read-only or copied, so the last check's analysis
 * stays as it was.
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

/** Which chains of the new check keep the last check's results, and how. */
export interface ReusePlan {
	/** The leading chains that are kept whatever they read. */
	readonly prefix: number;
	/** For every later chain, whether it may keep its results when its reads are unchanged. */
	readonly candidate: (index: number) => boolean;
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
	return { prefix, candidate: sameLengthEdit(prev, now, prefix) };
}

/**
 * After an edit that replaced text by text of the same length with no line break (so no offset
 * and no line moved), the chains outside every region the edit touched, each the same chain as in
 * the last check, may keep their results when their reads are unchanged.
 */
function sameLengthEdit(prev: Previous, now: { text: string; change: TextChange; scan: ScanResult; segments: readonly { readonly start: number }[]; chains: readonly Chain[] }, prefix: number): (index: number) => boolean {
	const journal = prev.journal!;
	const old = journal.text, text = now.text;
	const { first, oldEnd: end } = now.change;
	if (old.length !== text.length || prev.chains.length !== now.chains.length) return () => false;
	if (prev.segments.some((s, i) => s.start !== now.segments[i].start)) return () => false;
	if (/[\r\n]/.test(old.slice(first, end)) || /[\r\n]/.test(text.slice(first, end))) return () => false;
	// The edit's reach for the parse: every region, in either scan, that it touches.
	let lo = first, hi = Math.max(end, first + 1);
	const a = journal.scan.regions, b = now.scan.regions;
	for (const r of [...a, ...b]) {
		if (overlapping(r.outer, lo, hi) || (r.outer.start <= first && r.outer.end >= end)) {
			lo = Math.min(lo, r.outer.start);
			hi = Math.max(hi, r.outer.end);
		}
	}
	const outside = (r: ScanResult['regions'][number]) => !overlapping(r.outer, lo, hi);
	const x = a.filter(outside), y = b.filter(outside);
	if (x.length !== y.length || x.some((r, i) => !sameRegion(r, y[i]))) return () => false;
	return (i) => i >= prefix && !overlapping(now.chains[i].span, lo, hi) && sameChain(prev.chains[i], now.chains[i]);
}

function sameChain(x: Chain, y: Chain): boolean {
	return x.span.start === y.span.start && x.span.end === y.span.end && x.members.length === y.members.length && x.relations.length === y.relations.length;
}

function sameStated(x: StatedValue, y: StatedValue): boolean {
	return x === y || (x.key === y.key && x.written === y.written && x.value === y.value && x.iv.lo === y.iv.lo && x.iv.hi === y.iv.hi && x.text === y.text && x.span.start === y.span.start && x.span.end === y.span.end && x.chain === y.chain && x.update === y.update);
}

function sameList(x: readonly StatedValue[], y: readonly StatedValue[]): boolean {
	return x.length === y.length && x.every((v, i) => sameStated(v, y[i]));
}

function sameData(x: unknown, y: unknown): boolean {
	if (x === y) return true;
	if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
	const kx = Object.keys(x), ky = Object.keys(y);
	if (kx.length !== ky.length) return false;
	for (const k of kx) if (!sameData((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k])) return false;
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
export function sameReads(reads: ChainReads, index: number, ctx: CheckContext, exact: ExactResults, changed: (s: Span) => boolean): boolean {
	if (reads.opaque || reads.reach !== ctx.facts.reach || reads.invented !== inventedNow(ctx)) return false;
	for (const [what, was] of reads.facts) {
		const now = ctx.facts.reread(what, index);
		if (typeof was === 'boolean' ? now !== was : !sameList(now as readonly StatedValue[], was as readonly StatedValue[])) return false;
	}
	const truth = ctx.truth;
	if (reads.author.size > 0 && !truth) return false;
	for (const [id, value] of reads.author) if (!sameData(truth!.authorValue(id), value)) return false;
	for (const [offset, found] of reads.exact) if (Set.prototype.has.call(exact, offset) !== found) return false;
	if (reads.noShapes && shapesAdded(ctx.facts).length > 0) return false;
	for (const [key, shape] of reads.shapes) if (!sameData(latestShape(ctx.facts, key), shape)) return false;
	return !reads.spans.some(changed);
}

/**
 * Repeats in `ctx` what chains `from` … `to` - 1 of `prev` wrote: their diagnostics, member facts,
 * substitutions, names, stated values, exact results, shapes and unchecked names, and, into the
 * truth checker of their reach (`truthOf`), the author's values and invented names.
 */
export function replay(prev: Previous, from: number, to: number, ctx: CheckContext, exact: ExactResults, unchecked: UncheckedNames, truthOf: (chain: number) => { now?: TruthChecker; before?: TruthChecker; invented: Map<string, string> }): void {
	const journal = prev.journal!;
	const at = (chain: number, kind: number) => (chain < 0 ? journal.base[kind] : journal.counts[KINDS * chain + kind]);
	const lo = (kind: number) => at(from - 1, kind), hi = (kind: number) => at(to - 1, kind);
	for (let i = lo(DIAGNOSTICS); i < hi(DIAGNOSTICS); i++) ctx.diagnostics.push(journal.found[i]);
	for (let i = lo(MEMBERS); i < hi(MEMBERS); i++) ctx.members.push(prev.members[i]);
	for (let i = lo(SUBSTITUTIONS); i < hi(SUBSTITUTIONS); i++) ctx.substitutions.push(prev.substitutions[i]);
	for (let i = lo(NAMES); i < hi(NAMES); i++) ctx.names.push(prev.names[i]);
	for (let i = lo(STATED); i < hi(STATED); i++) ctx.facts.add(prev.facts.added[i]);
	const exactLog = journal.exact.log ?? [];
	for (let i = lo(EXACT); i < hi(EXACT); i++) exact.add(exactLog[i]);
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
		if (t.now && t.before) t.now.replay(t.before, c, t.invented);
	}
}

/** What the next check's journal holds for the kept chains `from` … `to` - 1: their statuses, counts and reads. */
export function keptRecords(prev: Previous, from: number, to: number, now: readonly number[], status: ChainStatus[], counts: number[], reads: (ChainReads | undefined)[]): void {
	const journal = prev.journal!;
	const before = from === 0 ? journal.base : journal.counts.slice(KINDS * (from - 1), KINDS * from);
	for (let c = from; c < to; c++) {
		status.push(prev.status[c]);
		for (let k = 0; k < KINDS; k++) counts.push(journal.counts[KINDS * c + k] - before[k] + now[k]);
		reads.push(journal.reads[c]);
	}
}
