/**
 * Fixes that leave the document consistent. Replacing one wrong number changes what the numbers
 * after it should be: the chain's own result (`0.5 \times 0.453 = 0.2265` once `0.453` becomes
 * `0.443`), and, downstream, every value that inherited the old number. Rather than predict those,
 * a repair asks the checker, which is pure and cheap: it applies the fixes, checks the edited text
 * again, and applies the fixes of the findings its own edits made (those not in the original
 * analysis), round after round until nothing new appears. Every fix it writes is the checker's own,
 * at the author's precision (`offeredFix`), so the rewritten values keep the author's rounding.
 *
 * A fix that would undo an earlier one (a value fix the chain's own arithmetic reverts) is a
 * conflict: no edit of that number makes its chain consistent, so the seed in that chain is left
 * out and the repair starts again without it; outside a seed's chain the chain's own arithmetic
 * has the last word and the place is not touched again. A seed whose own chain is left with a
 * finding it did not have (a step the checker cannot fix, in a matrix) is dropped the same way.
 * The scope says how far a repair follows: `chain`, only the seed's own chains (a quick fix), or
 * `document`, everything downstream (carry forward, fix all). Rounds are bounded; a repair that
 * stops at the bound says what it left. `stop` cancels it between rounds (the document changed).
 */
import { analyzeDocument, truthAt, type Analysis } from '../check/analyze';
import { declaredValues } from '../check/truth/bind';
import type { Network } from '../engine/index';
import type { CancellationLike } from '../service';
import type { Diagnostic, DiagnosticCode, TextEdit } from '../check/diagnostic';
import { decimalsOf, fixText } from '../eval/format';
import type { Span } from '../text/span';
import { EditSet } from './editSet';

/** The findings whose fixes a repair applies when its own edits made them. */
const FOLLOWED: readonly DiagnosticCode[] = ['substitution', 'arithmetic', 'value'];

/** At most this many checks of the edited text per attempt; a derivation rarely needs a tenth. */
const ROUNDS = 40;

/**
 * And at most this long per attempt, so a very long document cannot keep the server busy. A repair
 * stopped early may not have checked its last round of edits; fix-all applied again goes on from there.
 */
const BUDGET_MS = 8000;

export type RepairScope = 'chain' | 'document';

export interface Repair {
	/** One list of edits on the original text, in document order, none overlapping. */
	readonly edits: readonly TextEdit[];
	/** The seeds the edits fix; a seed whose chain cannot be made consistent is left out. */
	readonly seeds: readonly Diagnostic[];
	/** Findings the edits made that are still there, in the edited text's offsets (none when complete). */
	readonly left: readonly Diagnostic[];
	/** The check of the edited text. */
	readonly after: Analysis;
}

/**
 * The fix a diagnostic offers, at the author's precision (`fixText`), or `undefined`. A replaced
 * `-0.1295` for a weight the block declares as `-0.3` is written `-0.3`.
 */
export function offeredFix(d: Diagnostic, a: Analysis): TextEdit | undefined {
	if (!d.fix) return undefined;
	// A formula's fix replaces a name (`w_3` by `w_2`), not a number.
	if (d.code === 'formula') return d.fix;
	const stated = a.text.slice(d.fix.span.start, d.fix.span.end);
	// Only a number written for a name is that name's declared value; a result that happens to equal one is not.
	// The author's own spelling wins: a weight stated as `0.40` somewhere stays `0.40`.
	const net = d.code === 'substitution' && !writes(a.text, d.fix.newText) ? truthAt(a, d.span.start)?.net : undefined;
	const newText = fixText(stated, d.fix.newText, (v) => net !== undefined && declaredOf(net).has(v));
	return newText === undefined ? undefined : { span: d.fix.span, newText };
}

/**
 * The fix a diagnostic carries out of the core: `offeredFix`, and none for a value fix its chain's
 * own arithmetic would undo. Cheap and synchronous, so every adapter (the editor's diagnostics,
 * SARIF's fixes) sees the same fixes the code actions offer.
 */
export function carriedFix(d: Diagnostic, a: Analysis): TextEdit | undefined {
	return undoneByArithmetic(d, a) ? undefined : offeredFix(d, a);
}

/** True when `text` holds the number `number` written exactly so (`0.40`, not only `0.400` or `10.40`). */
function writes(text: string, number: string): boolean {
	const digits = number.replace(/^[+-]/, '').replace(/\./g, '\\.');
	return new RegExp(`(^|[^0-9.])${digits}(?![0-9])`).test(text);
}

const declared = new WeakMap<Network, Set<number>>();

/** The absolute values a network block declares, once per network. */
function declaredOf(net: Network): Set<number> {
	let values = declared.get(net);
	if (!values) {
		values = declaredValues(net);
		declared.set(net, values);
	}
	return values;
}

/**
 * True for a value fix on a result the chain's own arithmetic computes, when the written steps
 * cannot give the new number: `-0.144 \times 0 \times 0.750 (1 - 0.750) = 0` stays 0 whatever the
 * truth is, so writing `-0.0199` there would only trade a value error for an arithmetic one.
 */
function undoneByArithmetic(d: Diagnostic, a: Analysis): boolean {
	const fix = d.code === 'value' ? offeredFix(d, a) : undefined;
	if (!fix) return false;
	const half = 0.5 * 10 ** -decimalsOf(fix.newText);
	const v = Number(fix.newText);
	return a.members.some((m) => m.stated?.span.start === d.span.start && m.stated.span.end === d.span.end && m.iv !== undefined && (m.iv.hi < v - half || m.iv.lo > v + half));
}

/** The index of the chain of `base` that holds `span`, or -1. */
export function chainOf(base: Analysis, span: Span): number {
	// Chains are in document order and do not overlap: the last one starting at or before `span`.
	let lo = 0;
	let hi = base.chains.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (base.chains[mid].span.start <= span.start) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	const c = found >= 0 ? base.chains[found] : undefined;
	return c && span.end <= c.span.end ? c.index : -1;
}

/**
 * Fixes `seeds` (diagnostics of `base` with a fix, none overlapping) and what their edits make
 * wrong, within `scope`. `undefined` when nothing could be fixed consistently.
 */
export async function repair(base: Analysis, seeds: readonly Diagnostic[], scope: RepairScope, stop?: CancellationLike): Promise<Repair | undefined> {
	// A value fix on a result the chain's own arithmetic computes would be undone by that arithmetic.
	let kept = seeds.filter((d) => offeredFix(d, base) && !undoneByArithmetic(d, base));
	while (kept.length > 0) {
		const r = await attempt(base, kept, scope, stop);
		if (!r) return undefined;
		const next = kept.filter((d) => !r.conflicts.has(chainOf(base, d.span)));
		if (next.length === kept.length) return { edits: r.edits, seeds: kept, left: r.left, after: r.after };
		kept = next;
	}
	return undefined;
}

interface Attempt {
	readonly edits: TextEdit[];
	readonly left: Diagnostic[];
	readonly after: Analysis;
	/** Chains holding a seed where a fix would undo an earlier one. */
	readonly conflicts: Set<number>;
}

async function attempt(base: Analysis, seeds: readonly Diagnostic[], scope: RepairScope, stop?: CancellationLike): Promise<Attempt | undefined> {
	const set = new EditSet(base.text);
	const written = new Map<string, Set<number | string>>();
	/** A number is the same however many places it is written with (`0` and `0.0000`); a name is its text. */
	const valueOf = (text: string) => (Number.isNaN(Number(text)) ? text : Number(text));
	/** Writes `text` at `at` (original offsets); false when the place held that value before (a cycle). */
	const write = (at: Span, text: string): boolean => {
		const k = spanKey(at);
		const values = written.get(k) ?? new Set([valueOf(base.text.slice(at.start, at.end))]);
		written.set(k, values);
		if (values.has(valueOf(text))) return false;
		values.add(valueOf(text));
		return set.set(at, text);
	};
	for (const s of seeds) write(s.fix!.span, offeredFix(s, base)!.newText);
	const seedChains = new Set(seeds.map((d) => chainOf(base, d.span)));
	const inScope = (chain: number) => scope === 'document' || seedChains.has(chain);
	const known = new Set(base.diagnostics.map((d) => `${d.code} ${spanKey(d.span)} ${base.text.slice(d.span.start, d.span.end)}`));
	const frozen = new Set<string>();
	const conflicts = new Set<number>();
	let after = base;
	let fresh: Diagnostic[] = [];
	const deadline = Date.now() + BUDGET_MS;
	for (let round = 0; round < ROUNDS && Date.now() < deadline; round++) {
		const next = await analyzeDocument(set.text(), base.language, { tolerance: base.policy.tolerance, token: stop });
		if (!next || stop?.isCancellationRequested) return undefined;
		after = next;
		fresh = [];
		const byChain = new Map<number, Rewrite[]>();
		for (const d of after.diagnostics) {
			if (d.code === 'unchecked') continue;
			const o = set.toOriginal(d.span);
			if (o && known.has(`${d.code} ${spanKey(o)} ${after.text.slice(d.span.start, d.span.end)}`)) continue;
			const chain = o ? chainOf(base, o) : -1;
			if (!inScope(chain)) continue;
			fresh.push(d);
			// A result the chain's own arithmetic computes keeps what its written numbers give.
			const fix = FOLLOWED.includes(d.code) && !undoneByArithmetic(d, after) ? offeredFix(d, after) : undefined;
			const at = fix && set.toOriginal(fix.span);
			if (!fix || !at || frozen.has(spanKey(at))) continue;
			byChain.set(chain, [...(byChain.get(chain) ?? []), { d, at, newText: fix.newText }]);
		}
		const uses = usesOf(after, set);
		// Every number written so far is carried to its later uses, in this round already.
		const pending = new Map<number, Rewrite[]>();
		const carry = (at: Span, newText: string) => {
			for (const u of uses.get(spanKey(at)) ?? []) {
				const chain = chainOf(base, u);
				if (inScope(chain) && !frozen.has(spanKey(u)) && set.textAt(u) === base.text.slice(u.start, u.end)) pending.set(chain, [...(pending.get(chain) ?? []), { at: u, newText }]);
			}
		};
		for (const e of set.list()) carry(e.span, e.newText);
		let wrote = false;
		const chains = [...new Set([...byChain.keys(), ...pending.keys()])].sort((a, b) => a - b);
		for (let i = 0; i < chains.length; i++) {
			const chain = chains[i];
			const fixes = [...(pending.get(chain) ?? []), ...(byChain.get(chain) ?? [])];
			// A chain's result is recomputed only once the numbers written into it are settled.
			const inputs = fixes.filter((f) => f.d?.code !== 'arithmetic' && f.d?.code !== 'value');
			for (const f of inputs.length > 0 ? inputs : fixes) {
				if (set.textAt(f.at) === f.newText) continue;
				if (write(f.at, f.newText)) {
					wrote = true;
					carry(f.at, f.newText);
					for (const c of pending.keys()) if (c > chain && !chains.includes(c)) chains.splice(sortedIndex(chains, c), 0, c);
					continue;
				}
				// The chain's own arithmetic has the last word: its result is what its written numbers give.
				if (f.d?.code === 'arithmetic') wrote = set.set(f.at, f.newText) || wrote;
				frozen.add(spanKey(f.at));
				if (seedChains.has(chain)) conflicts.add(chain);
			}
		}
		if (!wrote || conflicts.size > 0) break;
	}
	const left = leftOf(base, set, fresh);
	// A seed whose own chain the repair leaves with an error or warning it did not have is not consistent.
	for (const d of left) {
		const at = d.severity !== 'hint' ? set.toOriginal(d.span) : undefined;
		const chain = at ? chainOf(base, at) : -1;
		if (seedChains.has(chain)) conflicts.add(chain);
	}
	return { edits: set.list(), left, after, conflicts };
}

/**
 * The findings a repair's edits made and left: a new error or warning (a finding the original had
 * at the same place, such as a value error whose number was recomputed, is the same finding), or a
 * hint that inherits from a place the repair edited or from a finding the original did not have.
 */
function leftOf(base: Analysis, set: EditSet, fresh: readonly Diagnostic[]): Diagnostic[] {
	const had = new Set(base.diagnostics.map((d) => `${d.code} ${spanKey(d.span)}`));
	const origins = new Set(base.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => spanKey(d.span)));
	const edited = new Set(set.list().map((e) => spanKey(e.span)));
	return fresh.filter((d) => {
		if (d.code === 'inherited') {
			const from = d.origin && set.toOriginal(d.origin);
			return !from || edited.has(spanKey(from)) || !origins.has(spanKey(from));
		}
		const at = set.toOriginal(d.span);
		return !at || !had.has(`${d.code} ${spanKey(at)}`);
	});
}

/** Where `value` goes in the ascending list `xs`. */
function sortedIndex(xs: readonly number[], value: number): number {
	const i = xs.findIndex((x) => x > value);
	return i < 0 ? xs.length : i;
}

function spanKey(s: Span): string {
	return `${s.start}:${s.end}`;
}

/** A number to write: a finding's fix, or (without `d`) an earlier number carried to where it is used. */
interface Rewrite {
	readonly d?: Diagnostic;
	/** Where, in original offsets. */
	readonly at: Span;
	readonly newText: string;
}

/**
 * Where each stated number is used later, in original offsets: a place that states a quantity
 * (`0.813` for `out_{o1}`) maps to the later numbers written for the same quantity with the same
 * digits. When the repair rewrites the place, those uses are the old value and take the new one;
 * without this, a use within a rounding step of the new value would keep the old digits and its
 * chain would disagree with the truth check's local judgement.
 */
function usesOf(after: Analysis, set: EditSet): Map<string, Span[]> {
	const out = new Map<string, Span[]>();
	const byId = new Map<string, Span[]>();
	const add = (place: Span, use: Span) => {
		const p = set.toOriginal(place);
		const u = set.toOriginal(use);
		if (!p || !u || u.start < p.end) return;
		if (set.original.slice(u.start, u.end) !== set.original.slice(p.start, p.end)) return;
		out.set(spanKey(p), [...(out.get(spanKey(p)) ?? []), u]);
	};
	// Each network block has its own quantities; an id means the same only under one block.
	after.segments.forEach((seg, k) => {
		for (const f of seg.truth?.facts ?? []) if (f.stated !== undefined) byId.set(`${k} ${f.id}`, [...(byId.get(`${k} ${f.id}`) ?? []), f.span]);
	});
	for (const group of byId.values()) for (const f of group) for (const g of group) if (g.start > f.start) add(f, g);
	for (const s of after.substitutions) if (s.acceptable[0]) add(s.acceptable[0].span, s.number.span);
	return out;
}
