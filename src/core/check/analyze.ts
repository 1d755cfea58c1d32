/**
 * One pass over one document: scan it into math regions, parse each, join the statements into
 * chains, and run the checkers on each chain in document order, so a chain can rely on what the
 * chains before it stated. The result holds the diagnostics, the summary the status bar shows, and
 * the facts hovers and code actions read later without checking again.
 *
 * Cancellation is checked between regions; the work yields to the event loop every few
 * milliseconds so that a newer version of the document can cancel an older check. A document
 * longer than `MAX_DOCUMENT_CHARS` is checked up to that point, and the summary lists the rest as
 * unchecked.
 */
import { MAX_DOCUMENT_CHARS } from '../budgets';
import { scanDocument } from '../scan/index';
import { rescanAfterDigits, textChange } from '../scan/reuse';
import type { DocumentLanguage, ScanResult } from '../scan/region';
import { parseMath } from '../syntax/parser';
import type { Statement } from '../syntax/ast';
import { LineIndex } from '../text/lineIndex';
import type { CancellationLike, NetworkSource, Summary, TolerancePolicy } from '../service';
import { checkArithmetic } from './arithmetic';
import { joinChains, type Chain } from './chains';
import type { ChainStatus, CheckContext } from './context';
import type { Diagnostic } from './diagnostic';
import { Facts, namedMember } from './facts';
import { signedLiteral } from './literal';
import { recordChain } from './record';
import { checkSubstitution, updatedKey } from './substitution';
import { networkForBlock } from '../engine/index';
import { declaredValues } from './truth/bind';
import { declaredKeys } from '../engine/resolve';
import { settleMarks } from '../syntax/settle';
import { expandSums } from './sums';
import { TruthChecker } from './truth/checker';
import type { ParseMemo } from './parseMemo';
import { buildNetwork } from '../engine/index';
import { inferNetwork, nothingToRead, type InferredNetwork } from '../infer/index';
import type { Locale } from '../messages/locale';
import { message } from '../messages/message';
import { ChainReads, ExactResults, inventedNow, keptRecords, lengths, planReuse, replay, sameReads, UncheckedNames } from './reuse';
import type { Journal } from './reuse';
import { overlaps } from '../text/span';

/** A network block's reach: the math from `start` on, up to the next block; the first block's reach starts with the document. */
export interface NetworkSegment {
	readonly start: number;
	/** Absent when the block does not build: the math under it is checked as if it had no block. */
	readonly truth?: TruthChecker;
}

export interface Analysis extends CheckContext {
	readonly language: DocumentLanguage;
	/** One per network block that builds, in document order. */
	readonly segments: readonly NetworkSegment[];
	readonly scan: ScanResult;
	readonly chains: readonly Chain[];
	readonly status: readonly ChainStatus[];
	readonly summary: Summary;
	/** The network read off the document (DESIGN 2.6), or why none could be; absent when the document has a block or inference is off. */
	readonly inferred?: InferredNetwork;
	/** What the next check of the document reads to keep the results of the chains an edit cannot reach (`reuse.ts`). */
	readonly journal?: Journal;
	/** True when the text holds no `derivcheck-` comment, so nothing in it is suppressed (`features/suppress.ts`). */
	readonly noDirectives: boolean;
}

export interface AnalyzeOptions {
	readonly tolerance: TolerancePolicy;
	readonly token?: CancellationLike;
	/** Read the network off a document that has no block (DESIGN 2.6); on unless `false`. */
	readonly inferNetwork?: boolean;
	/** The language of the diagnostics, hovers and code-action titles; English when absent. */
	readonly locale?: Locale;
	/** The parses of the document's last check, reused for every region whose text is unchanged (`parseMemo.ts`). */
	readonly parses?: ParseMemo;
	/** The document's last finished check: the chains an edit cannot reach keep its results (`reuse.ts`). */
	readonly previous?: Analysis;
}

const SLICE_MS = 8;

/** What every suppression comment holds, in Markdown and in LaTeX. */
const DIRECTIVE = 'derivcheck-';

function tick(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** True for `b_1 = 0`, `c_1 = c_2 = 0` and `KK_1 = (0.1, 0.2, 0.3)`: givens, with nothing to check. */
function isGiven(chain: Chain, text: string): boolean {
	const last = chain.members[chain.members.length - 1];
	let t = last;
	while (t.kind === 'group') t = t.inner;
	const literalSide = signedLiteral(last, text) !== undefined || (t.kind === 'tuple' && t.items.every((x) => signedLiteral(x, text)));
	return literalSide && chain.members.slice(0, -1).every((m) => namedMember(m) !== undefined);
}

/**
 * Analyzes a document. Resolves to `undefined` when the token is cancelled on the way.
 * `analyzeDocument('$$0.3 + 0.4 = 0.8$$', 'markdown', …)` finds one `arithmetic` error on `0.8`.
 * What is kept from the last check is ours, not the user's input, so an exception while keeping
 * it is a bug; it costs only the keeping: the document is checked afresh.
 */
export async function analyzeDocument(text: string, language: DocumentLanguage, options: AnalyzeOptions): Promise<Analysis | undefined> {
	if (!options.previous) return analyze(text, language, options);
	try {
		return await analyze(text, language, options);
	} catch {
		return analyze(text, language, { ...options, previous: undefined });
	}
}

async function analyze(text: string, language: DocumentLanguage, options: AnalyzeOptions): Promise<Analysis | undefined> {
	if (options.token?.isCancellationRequested) return undefined;
	// A document past its size budget is checked up to the budget; the rest is listed as unchecked.
	const tooLong = text.length > MAX_DOCUMENT_CHARS;
	const settings = JSON.stringify([language, options.tolerance, options.inferNetwork !== false, options.locale ?? '', tooLong]);
	const prev = options.previous;
	// Digits typed inside math move no region: the last scan serves, shifted (`scan/reuse.ts`).
	const change = prev?.journal?.settings === settings ? textChange(prev.journal.text, text) : undefined;
	const again = !tooLong && change ? rescanAfterDigits(prev!.journal!.text, prev!.journal!.scan, text, change) : undefined;
	const scan = again ?? scanDocument(tooLong ? text.slice(0, MAX_DOCUMENT_CHARS) : text, language);
	// A comment that suppresses findings can only appear where the text changed, give or take its own length.
	const noDirectives = prev?.noDirectives && change ? !text.slice(Math.max(0, change.first - DIRECTIVE.length), change.newEnd + DIRECTIVE.length).includes(DIRECTIVE) : !text.includes(DIRECTIVE);
	const statements: Statement[] = [];
	options.parses?.begin();
	let sliceStart = Date.now();
	for (const region of scan.regions) {
		if (Date.now() - sliceStart > SLICE_MS) {
			await tick();
			if (options.token?.isCancellationRequested) return undefined;
			sliceStart = Date.now();
		}
		// One at a time: a spread of a region's statements overflows the stack past about 120,000 of them.
		for (const st of options.parses ? options.parses.statements(text, region.inner) : parseMath(text, region.inner).statements) statements.push(st);
	}
	options.parses?.end();
	const exact = new ExactResults();
	const unchecked = new UncheckedNames(tooLong ? [message('analyze.tooLong', { offset: MAX_DOCUMENT_CHARS.toLocaleString('en-US') }, options.locale)] : []);
	const ctx: CheckContext = {
		text,
		lines: new LineIndex(text),
		policy: { tolerance: options.tolerance, exactValues: new Set(), exactResults: exact },
		locale: options.locale,
		facts: new Facts(),
		diagnostics: [],
		members: [],
		substitutions: [],
		names: [],
		uncheckedNames: unchecked,
	};
	const segments = networkSegments(scan, ctx);
	// What the memo handed out is shared with the last check; settling copies it before rewriting a key.
	const owned = statements.map((st) => !options.parses || options.parses.owns(st));
	const inferred = scan.networks.length === 0 && options.inferNetwork !== false ? readNetwork(statements, ctx, scan, (i) => owned[i]) : undefined;
	if (inferred?.kind === 'read') segments.push({ start: 0, truth: new TruthChecker(buildNetwork(inferred.spec), ctx) });
	for (let i = 0; i < statements.length; i++) {
		const truth = truthAt({ segments }, statements[i].span.start);
		statements[i] = expandSums(statements[i], truth && ((n) => truth.net.resolve(n).kind === 'quantity'));
	}
	const reserved = new Set<string>();
	for (const seg of segments) if (seg.truth) for (const k of declaredKeys(seg.truth.net)) reserved.add(k);
	const scope = settleMarks(statements, reserved, (i) => owned[i]);
	ctx.nameScope = scope;
	const joined = joinChains(statements, { text, regions: scan.regions });
	// The chains an edit cannot reach keep the last check's results, and are that check's chains (`reuse.ts`).
	const plan = prev && change ? planReuse(prev, { settings, text, change, scan, settled: scope, segments, chains: joined }) : undefined;
	const chains = joined.slice();
	const base = lengths(ctx, exact, unchecked);
	const status: ChainStatus[] = [];
	const counts: number[] = [];
	const reads: (ChainReads | undefined)[] = [];
	const invented = segments.map(() => new Map<string, string>());
	const previousTruth = () => ({ now: ctx.truth, before: prev!.segments[segment]?.truth, invented: invented[segment] ?? new Map<string, string>() });
	// Offsets hold still where chains after the edit may be kept: the edit's own text is what changed.
	const changedAt = change && { start: change.first, end: change.newEnd };
	const changed = (span: { start: number; end: number }) => !!changedAt && (overlaps(span, changedAt) || (span.start <= changedAt.start && span.end >= changedAt.end));
	let segment = -1;
	let kept = 0;
	for (let at = 0; at < joined.length; at++) {
		const chain = joined[at];
		if (Date.now() - sliceStart > SLICE_MS) {
			await tick();
			if (options.token?.isCancellationRequested) return undefined;
			sliceStart = Date.now();
		}
		// Each network block governs the math after it, up to the next block (DESIGN 2.4).
		while (segment + 1 < segments.length && segments[segment + 1].start <= chain.span.start) {
			segment++;
			const { truth } = segments[segment];
			if (segment > 0) ctx.facts.startSegment(chain.index);
			ctx.truth = truth;
			// Names bound by their formula belong to one network: each block starts without them.
			ctx.nameScope = { ...scope, invented: invented[segment] };
			ctx.policy = { ...ctx.policy, exactValues: truth ? declaredValues(truth.net) : new Set() };
		}
		const c = chain.index;
		// The chains before the edit are kept whatever they read: in one run, up to the next block's reach.
		if (plan && c < plan.prefix) {
			const next = segments[segment + 1]?.start ?? Infinity;
			let end = c + 1;
			while (end < plan.prefix && joined[end].span.start < next) end++;
			const now = lengths(ctx, exact, unchecked);
			replay(prev!, c, end, ctx, exact, unchecked, previousTruth);
			keptRecords(prev!, c, end, now, status, counts, reads);
			for (let k = c; k < end; k++) chains[k] = prev!.chains[k];
			kept += end - c;
			at = end - 1;
			continue;
		}
		const before = plan && c < plan.prefix ? undefined : prev?.journal?.reads[c];
		// Chains before the edit did not move; those after an insertion or deletion are kept moved (`reuse.ts`).
		const move = plan && c >= plan.prefix ? plan.move : undefined;
		if (plan && (c < plan.prefix || (before && plan.candidate(c) && sameReads(before, c, ctx, exact, changed, move)))) {
			const now = lengths(ctx, exact, unchecked);
			move?.pair(prev!.chains[c], chain);
			replay(prev!, c, c + 1, ctx, exact, unchecked, previousTruth, move);
			keptRecords(prev!, c, c + 1, now, status, counts, reads, move);
			chains[c] = move ? chain : prev!.chains[c];
			kept++;
			continue;
		}
		const r = new ChainReads();
		r.reach = ctx.facts.reach;
		r.invented = inventedNow(ctx);
		ctx.reads = r;
		ctx.facts.reading = { chain: c, reads: r };
		exact.begin(c, r);
		ctx.truth?.begin(c);
		unchecked.chain = c;
		if (isGiven(chain, text)) {
			// A given is checked when a network block can judge it (`out_{h1} = 0.600`).
			status.push(truthOf(ctx, chain) > 0 ? 'checked' : 'given');
		} else {
			let compared = checkSubstitution(chain, ctx) + checkArithmetic(chain, ctx);
			if (ctx.truth) compared += truthOf(ctx, chain);
			status.push(compared > 0 ? 'checked' : 'unchecked');
		}
		ctx.reads = undefined;
		ctx.facts.reading = undefined;
		exact.begin(c, undefined);
		recordChain(chain, ctx);
		for (const n of lengths(ctx, exact, unchecked)) counts.push(n);
		reads.push(r);
	}
	if (options.token?.isCancellationRequested) return undefined;
	const journal: Journal = { settings, text, scan, settled: scope, base, found: ctx.diagnostics.slice(), counts, reads, unchecked, exact, kept };
	ctx.diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
	return { ...ctx, language, scan, chains, status, segments, inferred, journal, noDirectives, summary: { ...summarize(status, ctx.diagnostics, ctx.uncheckedNames), ...networkSource(scan, inferred, ctx.locale) } };
}

/**
 * The network a document without a block works through (`infer/`), read from a first pass over
 * its chains: what they state (recorded as the check would, into facts of their own) and their
 * forward formulas. A bug there costs the document its inferred network, never its other findings.
 */
function readNetwork(statements: readonly Statement[], ctx: CheckContext, scan: ScanResult, owned: (i: number) => boolean): InferredNetwork {
	try {
		const expanded = statements.map((st) => expandSums(st, undefined));
		const scope = settleMarks(expanded, new Set(), owned);
		const chains = joinChains(expanded, { text: ctx.text, regions: scan.regions });
		const facts = () => {
			const scratch: CheckContext = { ...ctx, facts: new Facts(), diagnostics: [], members: [], substitutions: [], names: [], uncheckedNames: new Set(), nameScope: scope };
			for (const chain of chains) recordChain(chain, scratch);
			return scratch.facts;
		};
		return inferNetwork(chains, ctx.text, facts, scope, ctx.locale);
	} catch {
		return { kind: 'none', reason: message('infer.internal', {}, ctx.locale) };
	}
}

/** Where the network came from, for the summary; nothing when the document has nothing to read a network from. */
function networkSource(scan: ScanResult, inferred: InferredNetwork | undefined, locale: Locale | undefined): { network?: NetworkSource } {
	if (scan.networks.length > 0 || !inferred || (inferred.kind === 'none' && inferred.reason === nothingToRead(locale))) return {};
	return { network: inferred.kind === 'read' ? { source: 'read' } : { source: 'none', reason: inferred.reason } };
}

/** The truth checker of the network block that governs `offset`, if any: the last block before it. */
export function truthAt(a: Pick<Analysis, 'segments'>, offset: number): TruthChecker | undefined {
	let found: TruthChecker | undefined;
	for (const seg of a.segments) if (seg.start <= offset) found = seg.truth;
	return found;
}

/**
 * One truth checker per network block that builds, in document order, each governing the math
 * from its block on. A block's problems are diagnostics whether or not it builds; a bug in the
 * engine costs only that block's truth check.
 */
function networkSegments(scan: ScanResult, ctx: CheckContext): NetworkSegment[] {
	const out: NetworkSegment[] = [];
	for (const block of scan.networks) {
		let truth: TruthChecker | undefined;
		try {
			const { network, diagnostics } = networkForBlock(block, ctx.locale);
			for (const d of diagnostics) ctx.diagnostics.push(d);
			if (network) truth = new TruthChecker(network, ctx);
		} catch {
			// A bug in the engine leaves the math under this block checked as if it had no block.
		}
		// The first block also governs the math before it, which no other block could.
		out.push({ start: out.length === 0 ? 0 : block.outer.start, truth });
	}
	return out;
}

/**
 * Runs the truth check on one chain. The engine is ours, not the user's input, so an exception
 * there is a bug; it must still cost only this chain's truth check, never the document's other
 * findings.
 */
function truthOf(ctx: CheckContext, chain: Chain): number {
	try {
		return ctx.truth?.checkChain(chain, updatedKey(chain)) ?? 0;
	} catch {
		return 0;
	}
}

/**
 * Counts what the status bar, the CLI and the Problems panel show, so that all three agree:
 * `checked` the chains whose numbers were checked; `wrong` the findings, one per diagnostic the
 * Problems panel lists (`countFindings`), not the chains that hold them; `unchecked` the chains not
 * understood plus the names that could not be placed (`uncheckedNames`), so the count is never
 * smaller than the list beside it. `summarize(['checked', 'unchecked'], [error, hint], {'x'})` is
 * 1 checked, 1 wrong, 2 unchecked.
 */
export function summarize(status: readonly ChainStatus[], diagnostics: readonly Diagnostic[], uncheckedNames: ReadonlySet<string>): Summary {
	let checked = 0;
	let statements = 0;
	for (const s of status) {
		if (s === 'checked') checked++;
		else if (s === 'unchecked') statements++;
	}
	const names = [...uncheckedNames];
	// Suppression comments are read on the way out (`features/suppress.ts`), so none are counted here.
	return { checked, wrong: countFindings(diagnostics), unchecked: statements + names.length, uncheckedNames: names, suppressed: 0 };
}

/**
 * The findings among `diagnostics`: those the Problems panel lists, every severity but `hint`
 * (VS Code shows hints only as faint dots in the editor), and never the `unchecked` bookkeeping.
 */
export function countFindings(diagnostics: readonly Diagnostic[]): number {
	let n = 0;
	for (const d of diagnostics) if (d.severity !== 'hint' && d.code !== 'unchecked') n++;
	return n;
}
