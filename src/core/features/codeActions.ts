/**
 * Code actions, read from a finished analysis. Every fix leaves its chain consistent, so no fix
 * ever makes a new finding of its own:
 * - "Replace 0.453 with 0.443" replaces the wrong number and recomputes the rest of its chain;
 * - "Fix this and recompute what follows", on an origin that later values inherited from or later
 *   chains use, also rewrites every downstream number that carried the old value, in the author's
 *   rounding;
 * - "Fix all" fixes every arithmetic and value error and carries each fix forward.
 * All three are one repair (`repair.ts`) with a different scope; a fix whose chain cannot be made
 * consistent (a value fix the chain's own arithmetic would undo) is not offered. Repairs are
 * remembered per analysis, so a code action request after the first costs nothing; they are shared
 * by every request for that analysis, so they stop only on `stop`, when a newer text replaces it,
 * never on one request's cancellation.
 */
import type { Analysis } from '../check/analyze';
import type { Diagnostic, DiagnosticCode, TextEdit } from '../check/diagnostic';
import type { CancellationLike, CodeAction } from '../service';
import { overlaps, type Span } from '../text/span';
import { message } from '../messages/message';
import { offeredFix, repair, type Repair, type RepairScope } from './repair';

/** The codes a diagnostic may have to be an origin that later values inherit from. */
const ORIGINS: readonly DiagnosticCode[] = ['value', 'arithmetic', 'substitution', 'formula'];

/** All fixes of the given codes, in document order, none overlapping another, each at the author's precision. */
export function collectFixes(a: Analysis, diagnostics: readonly Diagnostic[], codes: readonly DiagnosticCode[]): { edits: TextEdit[]; fixed: Diagnostic[] } {
	const edits: TextEdit[] = [];
	const fixed: Diagnostic[] = [];
	for (const d of [...diagnostics].sort((x, y) => x.span.start - y.span.start)) {
		const fix = codes.includes(d.code) ? offeredFix(d, a) : undefined;
		if (!fix || edits.some((e) => overlaps(e.span, fix.span))) continue;
		edits.push(fix);
		fixed.push(d);
	}
	return { edits, fixed };
}

/** At most this many findings under the range get quick fixes of their own. */
const ONE_BY_ONE = 6;

const remembered = new WeakMap<Analysis, Map<string, Promise<Repair | undefined>>>();

/** The repair of `seeds` in `scope`, computed once per analysis. */
function repairOf(a: Analysis, seeds: readonly Diagnostic[], scope: RepairScope, stop?: CancellationLike): Promise<Repair | undefined> {
	const byKey = remembered.get(a) ?? new Map<string, Promise<Repair | undefined>>();
	remembered.set(a, byKey);
	const key = `${scope} ${seeds.map((d) => `${d.code}@${d.span.start}`).join(' ')}`;
	let r = byKey.get(key);
	if (!r) {
		r = repair(a, seeds, scope, stop).catch(() => undefined);
		byKey.set(key, r);
	}
	return r;
}

/** Fix all of the given codes, each fix carried forward: one list of edits, none overlapping. */
export async function fixAll(a: Analysis, diagnostics: readonly Diagnostic[], codes: readonly DiagnosticCode[], stop?: CancellationLike): Promise<Repair | undefined> {
	const seeds = collectFixes(a, diagnostics, codes).fixed;
	return seeds.length === 0 ? undefined : repairOf(a, seeds, 'document', stop);
}

/** The code actions for the diagnostics under `range`. */
export async function codeActionsFor(a: Analysis, diagnostics: readonly Diagnostic[], range: Span, stop?: CancellationLike): Promise<CodeAction[]> {
	const actions: CodeAction[] = [];
	const under = diagnostics.filter((d) => overlaps(d.span, range) && offeredFix(d, a));
	// A request for a whole document (`editor.codeActionsOnSave` asks so) wants the file-wide fixes,
	// not a repair per finding; one number's fixes are for a cursor or a small selection.
	for (const d of under.length <= ONE_BY_ONE ? under : []) {
		const fix = offeredFix(d, a)!;
		const here = await repairOf(a, [d], 'chain', stop);
		if (here) {
			const chain = here.edits.length > 1;
			const title = d.stated !== undefined
				? message(chain ? 'action.replaceAndChain' : 'action.replace', { stated: d.stated, fixed: fix.newText }, a.locale)
				: message(chain ? 'action.replaceNumberAndChain' : 'action.replaceNumber', { fixed: fix.newText }, a.locale);
			actions.push({ title, kind: 'quickfix', edits: here.edits, diagnostics: [d], isPreferred: true });
		}
		// An origin later values inherit from, or whose number later chains use (without a network
		// nothing is `inherited`, but `b = a + 1 = 0.6 + 1` still carries the old `a`).
		const onward = ORIGINS.includes(d.code) ? await repairOf(a, [d], 'document', stop) : undefined;
		if (onward && onward.edits.length > (here?.edits.length ?? 0)) {
			const n = onward.edits.length;
			const title = n === 1 ? message('action.fixOnwardOne', {}, a.locale) : message('action.fixOnward', { count: n }, a.locale);
			actions.push({ title, kind: 'quickfix', edits: onward.edits, diagnostics: [d] });
		}
	}
	const families: [DiagnosticCode, 'action.fixAllArithmeticCount' | 'action.fixAllValuesCount'][] = [['arithmetic', 'action.fixAllArithmeticCount'], ['value', 'action.fixAllValuesCount']];
	for (const [code, title] of families) {
		if (!diagnostics.some((d) => d.code === code && overlaps(d.span, range))) continue;
		const all = await fixAll(a, diagnostics, [code], stop);
		if (all && all.seeds.length > 1) actions.push({ title: message(title, { count: all.seeds.length }, a.locale), kind: 'quickfix', edits: all.edits, diagnostics: all.seeds });
	}
	const everything = await fixAll(a, diagnostics, ['arithmetic', 'value'], stop);
	if (everything && everything.edits.length > 0) {
		const onlyArithmetic = everything.seeds.every((d) => d.code === 'arithmetic');
		actions.push({ title: message(onlyArithmetic ? 'action.fixAllArithmetic' : 'action.fixAllArithmeticAndValues', {}, a.locale), kind: 'source.fixAll', edits: everything.edits, diagnostics: everything.seeds });
	}
	return actions;
}
