/**
 * Keeping the results of the chains an edit cannot reach (salsa's rule, for a prefix): a chain's
 * check reads only the chains before it and the steps over the whole document (the scan, each
 * network block's network, settling marks, joining chains), so when those steps give the same
 * result for the chains before an edit, the state after those chains is the same as in the last
 * check, and so are their results. A re-check then copies that state and checks from the first
 * chain the edit may reach.
 *
 * The last check leaves a `Journal`: how many diagnostics, member facts, substitutions and names
 * there were after each chain, the diagnostics in the order found (the analysis sorts its own),
 * the order of the names left unchecked (a later chain may take one back), and how marks were
 * settled. The truth checkers keep their own record of what each chain wrote (`checker.ts`).
 * Everything is copied, never shared mutably, so the last check's analysis stays as it was.
 *
 * The chains kept are those that end before the first changed character, whose regions (and every
 * region before them) are unchanged, and that are the same chain in both checks (same span, same
 * members); the settings, the network blocks' networks and where their reach starts, and every
 * settled mark must be the same too. Anything else is checked again.
 */
import type { ScanResult } from '../scan/region';
import type { SettledNames } from '../syntax/settle';
import type { Chain } from './chains';
import type { CheckContext, ChainStatus } from './context';
import type { Diagnostic } from './diagnostic';
import { keepShapesBefore } from './matrices';
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

/** What one check leaves for the next check of the same document. */
export interface Journal {
	/** The options the check ran under (tolerance, locale, inference, whether the text was cut at its budget). */
	readonly settings: string;
	readonly text: string;
	readonly scan: ScanResult;
	readonly settled: SettledNames;
	/** Diagnostics found before the first chain (the network blocks'). */
	readonly base: number;
	/** Every diagnostic in the order found. */
	readonly found: readonly Diagnostic[];
	/** After chain i: the counts of diagnostics, member facts, substitutions and names, at 4i … 4i + 3. */
	readonly counts: readonly number[];
	readonly unchecked: UncheckedNames;
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
	readonly policy: CheckContext['policy'];
}

/** The first offset where `a` and `b` differ; their common length when one is the other's start. */
function firstDifference(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	let i = 0;
	while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
	return i;
}

/** Where the unchanged start of the document ends for the math: the first changed character, or the first math region before it that is not the same region in both scans. */
function unchangedUntil(prev: Journal, text: string, scan: ScanResult): number {
	const limit = firstDifference(prev.text, text);
	const a = prev.scan.regions, b = scan.regions;
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const x = a[i], y = b[i];
		const start = Math.min(x?.outer.start ?? Infinity, y?.outer.start ?? Infinity);
		if (start >= limit) break;
		const same = x && y && x.outer.start === y.outer.start && x.outer.end === y.outer.end && x.inner.start === y.inner.start && x.inner.end === y.inner.end && x.kind === y.kind;
		if (!same || x.outer.end > limit) return start;
	}
	return limit;
}

function sameDecisions(a: SettledNames, b: SettledNames): boolean {
	if (a.marksPrediction !== b.marksPrediction || a.decisions.size !== b.decisions.size) return false;
	for (const [key, dropped] of a.decisions) if (b.decisions.get(key) !== dropped) return false;
	return true;
}

/**
 * How many chains at the start of the document keep the results of the check `prev`: 0 when the
 * settings, a network, a network's reach or a settled mark differ, else the leading chains that
 * end before the edit and are the same chains in both checks.
 */
export function reusablePrefix(prev: Previous, now: { settings: string; text: string; scan: ScanResult; settled: SettledNames; segments: readonly { readonly start: number; readonly truth?: TruthChecker }[]; chains: readonly Chain[] }): number {
	const journal = prev.journal;
	if (!journal || journal.settings !== now.settings || !sameDecisions(journal.settled, now.settled)) return 0;
	const limit = unchangedUntil(journal, now.text, now.scan);
	if (prev.segments.length !== now.segments.length) return 0;
	for (let i = 0; i < now.segments.length; i++) {
		const x = prev.segments[i], y = now.segments[i];
		if (x.truth?.net !== y.truth?.net || (x.truth === undefined) !== (y.truth === undefined)) return 0;
		if (x.start !== y.start && (x.start < limit || y.start < limit)) return 0;
	}
	let k = 0;
	while (k < prev.chains.length && k < now.chains.length) {
		const x = prev.chains[k], y = now.chains[k];
		if (x.span.end > limit || y.span.end > limit || x.span.start !== y.span.start || x.span.end !== y.span.end || x.members.length !== y.members.length) break;
		k++;
	}
	return k;
}

/**
 * Copies into `ctx`, a new check's state before its first chain, what `prev` held after its
 * first `k` chains; `segments` are the new check's, one for each of `prev`'s. Returns the new
 * check's invented names per segment, to start each segment's name scope with.
 */
export function keepPrefix(prev: Previous, k: number, ctx: CheckContext, unchecked: UncheckedNames, segments: readonly { readonly truth?: TruthChecker }[]): Map<string, string>[] {
	const journal = prev.journal!;
	const [diagnostics, members, substitutions, names] = journal.counts.slice(4 * (k - 1), 4 * k);
	for (let i = journal.base; i < diagnostics; i++) ctx.diagnostics.push(journal.found[i]);
	for (let i = 0; i < members; i++) ctx.members.push(prev.members[i]);
	for (let i = 0; i < substitutions; i++) ctx.substitutions.push(prev.substitutions[i]);
	for (let i = 0; i < names; i++) ctx.names.push(prev.names[i]);
	ctx.facts.keepBefore(prev.facts, k);
	keepShapesBefore(prev.facts, ctx.facts, k);
	// Exact results are keyed by where their number starts, which is inside the chain that found it.
	const end = prev.chains[k]?.span.start ?? Infinity;
	const exact = ctx.policy.exactResults;
	for (const offset of prev.policy.exactResults ?? []) if (offset < end) exact?.add(offset);
	for (const op of journal.unchecked.log ?? []) {
		if (op.chain >= k) break;
		if (op.chain < 0) continue;
		unchecked.chain = op.chain;
		if (op.add) unchecked.add(op.name);
		else unchecked.delete(op.name);
	}
	return segments.map((seg, i) => {
		const invented = new Map<string, string>();
		const from = prev.segments[i].truth;
		if (seg.truth && from) seg.truth.keepBefore(from, k, invented);
		return invented;
	});
}

/** The counts `Journal.counts` keeps for one chain, as they stand in `ctx` after it. */
export function countsAfter(ctx: CheckContext, into: number[]): void {
	into.push(ctx.diagnostics.length, ctx.members.length, ctx.substitutions.length, ctx.names.length);
}

/** The statuses and counts of the kept chains, for the new check's record: the diagnostics' count moves by the difference of the blocks' diagnostics. */
export function keptCounts(prev: Previous, k: number, base: number): { status: ChainStatus[]; counts: number[] } {
	const journal = prev.journal!;
	const counts = journal.counts.slice(0, 4 * k);
	for (let i = 0; i < counts.length; i += 4) counts[i] += base - journal.base;
	return { status: prev.status.slice(0, k), counts };
}
