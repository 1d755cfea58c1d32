/**
 * Checking against the truth (DESIGN 3, steps 4 and 5). With a network block, every chain member
 * that names a quantity is bound to the engine, and the number the chain states for it is
 * checked two ways: globally, against the true value, and locally, by evaluating the engine's
 * formula for that quantity on the author's own earlier values of its parents (intervals again).
 *
 * - Global pass: nothing to say.
 * - Local pass, global fail: the number only carries an earlier error. If a parent the author
 *   stated is off, this is `inherited`, a hint pointing at where that error started; if none is,
 *   the gap is rounding carried forward and stays silent.
 * - Local fail: the error starts here, `value`, with the true value as the fix and, where a known
 *   mistake reproduces the number, the mistake in words. When the chain already holds an
 *   `arithmetic` or `substitution` finding, that finding is the origin and no second one is added.
 *
 * Numbers written for names are checked against the author's earlier value of that quantity or
 * its true value (`substitution`), and a written symbolic formula is evaluated on true values
 * and compared with the quantity's (`formula`), which catches a formula whose kernel order
 * contradicts `flip`.
 *
 * Where the values leave a choice of the backward pass open (a tied max window, a ReLU at its
 * kink, `choices.ts`), a number that a network taking another admissible choice gives is no
 * finding, and a forward formula written with the updated parameters is a second forward pass,
 * which the one-step network does not judge: it is counted unchecked.
 */
import { evaluateTermInterval, parseId, renderTerm, substitute, termParents, type Network, type QuantityId, type Term } from '../../engine/index';
import { evaluate, isNumeric } from '../../eval/evaluate';
import { contains, intersects, point, type Interval } from '../../eval/interval';
import { formatLike, formatValue } from '../../eval/format';
import type { DerivativeNode, Expr, NameNode } from '../../syntax/ast';
import { someNode } from '../../syntax/walk';
import type { Span } from '../../text/span';
import type { Chain } from '../chains';
import { reachedByLinks } from '../arithmetic';
import { lineOf, sourceOf, type CheckContext } from '../context';
import { namedMember } from '../facts';
import { authorInterval, resultInterval, signedLiteral, type SignedLiteral } from '../literal';
import { bind, trueValues, type Binding } from './bind';
import { explain } from './mistakes';
import { wrongName } from './wrongName';
import { alternatives, choiceDependent } from './choices';
import { quantityByFormula } from './byFormula';
import { elementOf, wholeName } from '../elements';
import { elementIndices, statedValue } from '../matrices';
import { evaluateOnTruth, firstDifference, trueGrid } from './matrixFormula';
import { message, sentences } from '../../messages/message';
import type { Locale } from '../../messages/locale';

export type TruthStatus = 'ok' | 'value' | 'inherited' | 'rounding' | 'unstated';

/** What the truth check knows about one bound place in the document, for hovers. */
export interface TruthFact {
	readonly span: Span;
	readonly id: QuantityId;
	readonly label: string;
	readonly trueValue: number;
	readonly stated?: string;
	readonly statedIv?: Interval;
	/** The engine's formula evaluated on the author's values, when there is a formula. */
	readonly localIv?: Interval;
	readonly status: TruthStatus;
	readonly mistake?: string;
	readonly origin?: Span;
}

interface AuthorValue {
	readonly iv: Interval;
	readonly text: string;
	readonly span: Span;
	readonly status: TruthStatus;
	readonly origin?: Span;
}

/** What one chain wrote into a checker's state, in order, so a re-check can replay it (`check/reuse.ts`). */
type Written = { readonly chain: number; readonly id: QuantityId; readonly value: AuthorValue } | { readonly chain: number; readonly invented: string; readonly id: QuantityId };

/** Where a chain's facts and writes start in a checker's lists. */
interface Start {
	readonly chain: number;
	readonly facts: number;
	readonly written: number;
}

export class TruthChecker {
	readonly facts: TruthFact[] = [];
	private readonly author = new Map<QuantityId, AuthorValue>();
	/** The chain being checked, set by `begin`. */
	private chain = -1;
	/** Every author value and invented name set, with its chain, in order. */
	private readonly written: Written[] = [];
	/** Where each chain checked or replayed starts in `facts` and `written`, in order. */
	private readonly starts: Start[] = [];
	private startOf?: Map<number, number>;
	/** The quantities the current chain has given a value: its own reads of them are not reads of earlier chains. */
	private own = new Set<QuantityId>();
	/** Set when the current chain is a forward pass run again with the updated parameters (`substitution`). */
	private secondPass = false;

	constructor(readonly net: Network, private readonly ctx: CheckContext) {}

	/** Starts the checks of chain `chain`: what it writes is recorded as its own. */
	begin(chain: number): void {
		this.chain = chain;
		this.own = new Set();
		this.secondPass = false;
		this.starts.push({ chain, facts: this.facts.length, written: this.written.length });
	}

	/**
	 * Repeats what chain `chain` did in `from`, a checker of the same network in an earlier check
	 * of the document: its facts, the author's values it set and, into `invented`, the names it
	 * bound by their formula. Shares the values, which nothing changes once made, or takes what
	 * `kept` makes of them (copies with their offsets moved, after an edit moved the text).
	 */
	replay(from: TruthChecker, chain: number, invented: Map<string, QuantityId>, kept: <T>(x: T) => T = (x) => x): void {
		if (!from.startOf) from.startOf = new Map(from.starts.map((s, i) => [s.chain, i]));
		const at = from.startOf.get(chain);
		this.begin(chain);
		if (at === undefined) return;
		const start = from.starts[at], next = from.starts[at + 1];
		for (let i = start.facts, n = next ? next.facts : from.facts.length; i < n; i++) this.facts.push(kept(from.facts[i]));
		for (let i = start.written, n = next ? next.written : from.written.length; i < n; i++) {
			const w = kept(from.written[i]);
			this.written.push(w);
			if ('invented' in w) invented.set(w.invented, w.id);
			else this.author.set(w.id, w.value);
		}
	}

	private setAuthor(id: QuantityId, value: AuthorValue): void {
		this.author.set(id, value);
		this.own.add(id);
		this.written.push({ chain: this.chain, id, value });
	}

	/** The author's value of a quantity, for the checks: recorded as read when an earlier chain gave it (`ctx.reads`). */
	private known(id: QuantityId): AuthorValue | undefined {
		const v = this.author.get(id);
		const reads = this.ctx.reads;
		if (reads && !this.own.has(id) && !reads.author.has(id)) reads.author.set(id, v);
		return v;
	}

	/** The author's latest stated value of a quantity, if any. */
	authorValue(id: QuantityId): AuthorValue | undefined {
		return this.author.get(id);
	}

	private unchecked(e: Expr, b: Binding): void {
		if (b.kind !== 'bound') this.ctx.uncheckedNames.add(sourceOf(this.ctx, e.span, 40));
	}

	/**
	 * Checks a number written for a name. Returns false when the network does not know the name,
	 * so the document-only substitution check may judge it instead.
	 */
	substitution(symbol: Expr, number: SignedLiteral, numberIv: Interval, starting: boolean, chain?: Chain): boolean {
		const b = bind(this.net, symbol, false, this.ctx.nameScope);
		if (b.kind === 'unknown') return false;
		if (b.kind === 'ambiguous') {
			this.unchecked(symbol, b);
			return true;
		}
		const known = this.known(b.id);
		const holdsAuthor = known !== undefined && !starting && intersects(known.iv, numberIv);
		const slack = Math.max(number.node.halfUlp, 0.005 * Math.abs(b.value));
		const holdsTrue = intersects({ lo: numberIv.lo - slack, hi: numberIv.hi + slack }, point(b.value)) || this.holdsInAlternative(b.id, { lo: numberIv.lo - slack, hi: numberIv.hi + slack });
		this.facts.push({ span: number.span, id: b.id, label: b.label, trueValue: b.value, stated: number.text, statedIv: numberIv, status: holdsAuthor || holdsTrue ? 'ok' : 'value' });
		if (starting) this.setAuthor(b.id, { iv: numberIv, text: number.text, span: number.span, status: holdsTrue ? 'ok' : 'value' });
		if (holdsAuthor || holdsTrue) return true;
		const expected = known && !starting ? known.text : formatLike(b.value, number.text);
		const name = sourceOf(this.ctx, symbol.span, 30);
		const said = known && !starting
			? message('truth.substitution.known', { number: number.text, name, label: b.label, known: known.text, line: lineOf(this.ctx, known.span.start), value: formatValue(b.value) }, this.ctx.locale)
			: message('truth.substitution.network', { number: number.text, name, label: b.label, value: formatValue(b.value) }, this.ctx.locale);
		let why = '';
		const after = this.net.value(`${b.id}:new`);
		const statedAfter = this.known(`${b.id}:new`);
		const isAfter = (after !== undefined && contains(numberIv, after)) || (statedAfter !== undefined && intersects(statedAfter.iv, numberIv));
		// A forward formula written with a parameter's value after the step is the forward pass run
		// again: the network (one step) does not judge it, and the document's own check does.
		if (isAfter && !starting && chain && this.forwardHead(chain)) {
			this.secondPass = true;
			this.facts.pop();
			return false;
		}
		if (isAfter) {
			why = statedAfter
				? message('truth.substitution.afterUpdateAt', { number: number.text, label: b.label, line: lineOf(this.ctx, statedAfter.span.start) }, this.ctx.locale)
				: message('truth.substitution.afterUpdate', { number: number.text, label: b.label }, this.ctx.locale);
		}
		this.ctx.diagnostics.push({
			code: 'substitution',
			severity: 'warning',
			span: number.span,
			message: sentences(this.ctx.locale, said, why),
			stated: number.text,
			expected,
			fix: { span: number.span, newText: expected },
		});
		return true;
	}

	/** Binds the chain's named members and checks what it states for them; returns how many checks it made. */
	checkChain(chain: Chain, selfKey: string | undefined): number {
		if (this.secondPass) {
			this.ctx.uncheckedNames.add(sourceOf(this.ctx, chain.members[0].span, 40));
			return 0;
		}
		const lits = chain.members.map((m) => signedLiteral(m, this.ctx.text));
		let compared = 0;
		const seen = new Set<QuantityId>();
		const bound: { m: Expr; b: Extract<Binding, { kind: 'bound' }>; lit?: SignedLiteral }[] = [];
		this.bindByFormula(chain);
		chain.members.forEach((m, i) => {
			const named = namedMember(m);
			if (!named) return;
			const after = i === 0 && this.headIsAfter(named.key, selfKey, chain.index);
			const b = bind(this.net, m, after, this.ctx.nameScope);
			let next = chain.members[i + 1];
			while (next?.kind === 'group') next = next.inner;
			// `KK_1 = (0.1, 0.2, 0.3)` names a whole kernel; its elements are checked where they are used.
			if (b.kind !== 'bound' && next?.kind === 'tuple') return;
			if (b.kind !== 'bound') return this.unchecked(m, b);
			if (seen.has(b.id)) return;
			seen.add(b.id);
			bound.push({ m, b, lit: lits.find((l, k) => k > i && l !== undefined) });
		});
		if (bound.length === 0) return this.checkElements(chain, selfKey);
		compared += this.checkElements(chain, selfKey);
		// The written formula first: when it is wrong, it is where the error starts.
		compared += this.checkFormula(chain, bound[0].b, lits);
		const unbound = this.writesUnboundNames(chain);
		for (const { m, b, lit } of bound) {
			if (!lit) {
				this.facts.push({ span: m.span, id: b.id, label: b.label, trueValue: b.value, status: 'unstated' });
				continue;
			}
			compared++;
			const fact = this.checkValue(chain, b, lit, unbound);
			this.facts.push({ ...fact, span: m.span }, fact);
		}
		return compared;
	}

	/**
	 * The formula of `id` over values the author stated: parents the author never wrote down
	 * (a loss term, a pre-activation skipped on the way) are replaced by their own formulas, a
	 * few levels deep, so `E = -(1 \cdot \ln 0.813 …)` is judged on the author's 0.813.
	 */
	private authorFormula(id: QuantityId, term?: Term, net: Network = this.net): { rhs: Term } | undefined {
		// A delta is written over ∂E/∂out where the author stated that, and over its parts otherwise.
		const dout = id.includes(':delta:') ? id.replace(':delta:', ':dout:') : undefined;
		const f = term ? { rhs: term } : id.startsWith('d:') ? undefined : net.formula(id, { inlineDout: !(dout && (this.known(dout) !== undefined)) });
		if (!f) return undefined;
		let rhs = f.rhs;
		for (let round = 0; round < 3; round++) {
			const parents = termParents(rhs);
			if (parents.length > 64) break;
			const expandable = (p: QuantityId) => this.known(p) === undefined && ['lossTerm', 'pre', 'out', 'dout', 'delta', 'grad'].includes(parseId(p)?.role ?? '') && net.formula(p) !== undefined;
			if (!parents.some(expandable)) break;
			// A delta expands over the ∂E/∂out the author stated, as the top formula does.
			const expand = (p: QuantityId) => net.formula(p, { inlineDout: !(p.includes(':delta:') && (this.known(p.replace(':delta:', ':dout:')) !== undefined)) })?.rhs;
			rhs = substitute(rhs, (p) => (expandable(p) ? expand(p) : undefined));
		}
		return { rhs };
	}

	/**
	 * The parents the author stated wrongly and that matter here: putting a parent's true value in
	 * place of the author's must move the result (a wrong δ multiplied by a zero weight does not).
	 */
	private offParents(rhs: Term, localIv: Interval | undefined): AuthorValue[] {
		const out: AuthorValue[] = [];
		if (!localIv) return out;
		const values = (p: QuantityId) => this.known(p)?.iv ?? pointOf(this.net.value(p));
		for (const p of termParents(rhs)) {
			const a = this.known(p);
			const truth = this.net.value(p);
			if (!a || truth === undefined || (a.status !== 'value' && a.status !== 'inherited')) continue;
			const fixed = evaluateTermInterval(rhs, (q) => (q === p ? point(truth) : values(q)));
			if (fixed && Math.abs(fixed.lo + fixed.hi - localIv.lo - localIv.hi) > 1e-12 * Math.max(1, Math.abs(localIv.lo))) out.push(a);
		}
		return out;
	}

	/**
	 * A head no spelling reaches (`H_{11} = \sigma(net_{H11})`) is bound to the quantity its
	 * written formula computes, for this chain and every later one (DESIGN 2.5, `byFormula.ts`).
	 */
	private bindByFormula(chain: Chain): void {
		const invented = this.ctx.nameScope?.invented as Map<string, QuantityId> | undefined;
		let head = chain.members[0];
		while (head?.kind === 'group') head = head.inner;
		if (!invented || head?.kind !== 'name' || head.name.updated || invented.has(head.name.baseKey)) return;
		if (bind(this.net, head, false, this.ctx.nameScope).kind !== 'unknown') return;
		for (const m of chain.members.slice(1)) {
			if (isNumeric(m) || namedMember(m) || m.kind === 'tuple') continue;
			const q = quantityByFormula(this.net, m, this.ctx.nameScope);
			if (!q) continue;
			invented.set(head.name.baseKey, q);
			this.written.push({ chain: this.chain, invented: head.name.baseKey, id: q });
			return;
		}
	}

	/**
	 * A chain whose head is a whole vector or matrix (`z^{(1)} = … = \begin{bmatrix} 0.3 \\ 0.1 \end{bmatrix}`)
	 * states each element; each is judged as a scalar would be (`elements.ts`). Returns how many.
	 */
	private checkElements(chain: Chain, selfKey: string | undefined): number {
		const stated = chain.members.map((m) => statedValue(m, this.ctx.text));
		if (!stated.some((m) => m !== undefined)) return 0;
		const unbound = this.writesUnboundNames(chain);
		let compared = 0;
		chain.members.forEach((m, i) => {
			const whole = wholeName(m);
			const matrix = stated.slice(i + 1).find((x) => x !== undefined);
			if (!whole || !matrix || bind(this.net, whole, false, this.ctx.nameScope).kind !== 'unknown') return;
			const key = whole.kind === 'name' ? whole.name.key : undefined;
			const after = i === 0 && key !== undefined && this.headIsAfter(key, selfKey, chain.index);
			if (i === 0) compared += this.checkMatrixFormula(chain, whole, after);
			let bound = 0;
			matrix.lits.forEach((lit, e) => {
				// A one-row or one-column matrix names its elements by one index (`v_2`) or, as the weights of a one-unit layer, by two (`W^{(2)}_{12}`).
				const tries = [elementIndices(matrix, e)];
				if (!matrix.free && matrix.rows === 1) tries.push([1, e + 1]);
				else if (!matrix.free && matrix.cols === 1) tries.push([e + 1, 1]);
				const b = tries.map((ix) => bind(this.net, elementOf(whole, ix), after, this.ctx.nameScope)).find((x) => x.kind === 'bound') ?? { kind: 'unknown' as const };
				if (b.kind !== 'bound') return;
				bound++;
				this.facts.push(this.checkValue(chain, b, lit, unbound));
			});
			if (bound > 0) this.ctx.uncheckedNames.delete(sourceOf(this.ctx, whole.span, 40));
			compared += bound;
		});
		return compared;
	}

	/**
	 * The written formulas of a whole vector or matrix, evaluated element by element on the
	 * network's values, must give the quantity (`matrixFormula.ts`); the first that does not is a
	 * `formula` finding on that member, with the known mistake that explains it, if one does.
	 */
	private checkMatrixFormula(chain: Chain, head: NameNode | DerivativeNode, after: boolean): number {
		const truth = trueGrid(this.net, head, after, this.ctx.nameScope);
		if (!truth) return 0;
		let compared = 0;
		for (const m of chain.members.slice(1)) {
			if (namedMember(m) || !someNode(m, (x) => x.kind === 'name' || x.kind === 'derivative')) continue;
			const grid = evaluateOnTruth(this.net, m, this.ctx.nameScope);
			const at = grid && firstDifference(grid, truth);
			if (at === undefined) continue;
			compared++;
			if (at < 0) continue;
			const id = truth.ids[at], value = grid!.cells[at].value;
			// Another admissible choice at a tie or a kink (`choices.ts`) may give the whole grid: no finding then.
			if (this.matrixFormulaAdmitted(m, head, after, truth.ids)) continue;
			const mistake = explain(this.net, id, { lo: value - 1e-9, hi: value + 1e-9 }, () => undefined, this.ctx.locale);
			const label = this.net.label(id);
			this.ctx.diagnostics.push({
				code: 'formula',
				severity: 'warning',
				span: m.span,
				message: sentences(this.ctx.locale, message('truth.formula.element', { index: at + 1, value: formatValue(value), label, truth: formatValue(truth.cells[at].value) }, this.ctx.locale), mistake?.clause),
				expected: formatValue(truth.cells[at].value),
			});
			break;
		}
		return compared;
	}

	/**
	 * True when a network that takes other choices the values leave open (`choices.ts`) gives the
	 * written member's grid on its own values, element for element. Every open choice is tried, not
	 * only those reaching one element: two kinks may each set one element of a vector. Past the
	 * bound on alternatives, a grid such a choice can change is given the benefit of the doubt.
	 */
	private matrixFormulaAdmitted(m: Expr, head: NameNode | DerivativeNode, after: boolean, ids: readonly QuantityId[]): boolean {
		if (!ids.some((id) => choiceDependent(id))) return false;
		const alts = alternatives(this.net, (p) => this.known(p)?.iv);
		return !alts.complete || alts.nets.some((alt) => {
			const truth = trueGrid(alt, head, after, this.ctx.nameScope);
			const grid = truth && evaluateOnTruth(alt, m, this.ctx.nameScope);
			return grid !== undefined && firstDifference(grid, truth!) === -1;
		});
	}

	/**
	 * True when a chain's head names the value after the update: the chain updates it, or an earlier
	 * chain did (`w_1 = w_1 - …`, `w_1^+ = …`) and this one states it again (`w_{11} = 0.5136`).
	 */
	private headIsAfter(key: string, selfKey: string | undefined, chain: number): boolean {
		if (key === selfKey) return true;
		if (key.endsWith("'")) return false;
		return this.ctx.facts.updatedBefore(key, chain);
	}

	/**
	 * True when the chain writes a name the network cannot place (`\delta_{y1} H_{11}` with names of
	 * the author's own): the author's values for such names are unknown to the local check, which
	 * then cannot tell a new error from rounding carried through them.
	 */
	private writesUnboundNames(chain: Chain): boolean {
		return chain.members.some((m) => someNode(m, (x) => (x.kind === 'name' || x.kind === 'derivative') && !this.binds(x)));
	}

	/** True when a name or derivative is bound, or is a whole vector or matrix whose first element is. */
	private binds(x: NameNode | DerivativeNode): boolean {
		if (bind(this.net, x, false, this.ctx.nameScope).kind === 'bound') return true;
		return [[1], [1, 1]].some((ix) => bind(this.net, elementOf(x, ix), false, this.ctx.nameScope).kind === 'bound');
	}

	private checkValue(chain: Chain, b: Extract<Binding, { kind: 'bound' }>, lit: SignedLiteral, writesUnbound = false): TruthFact {
		const statedIv = resultInterval(lit);
		const formula = this.authorFormula(b.id, b.term);
		const localIv = formula && evaluateTermInterval(formula.rhs, (p) => this.known(p)?.iv ?? pointOf(this.net.value(p)));
		const base = { span: lit.span, id: b.id, label: b.label, trueValue: b.value, stated: lit.text, statedIv, localIv };
		// What is computed from exact numbers alone is exact (DESIGN 3.3): later local checks use the point.
		const authorIv = authorInterval(this.ctx, lit, localIv, b.value);
		const record = (status: TruthStatus, origin?: Span) => {
			this.setAuthor(b.id, { iv: authorIv, text: lit.text, span: lit.span, status, origin });
			return { ...base, status, origin };
		};
		if (contains(statedIv, b.value)) return record('ok');
		// The same number stated again for a quantity (`\frac{\partial L}{\partial b_1} = \delta_1 = -0.04692`)
		// repeats what was judged where it was first stated; it is no new origin.
		const before = this.known(b.id);
		if (before && before.text === lit.text && before.status !== 'ok') return { ...base, status: before.status, origin: before.origin ?? before.span };
		// A number two members of one chain state is judged once, by the first.
		if (this.ctx.diagnostics.some((d) => d.span.start === lit.span.start && d.span.end === lit.span.end)) return record('inherited');
		const offParents = formula ? this.offParents(formula.rhs, localIv) : [];
		// The chain's own steps may carry the author's rounding between the formula and the number.
		const exactParents = new Set((formula ? termParents(formula.rhs) : []).map((p) => this.known(p)?.iv ?? pointOf(this.net.value(p))).filter((v) => v && v.lo === v.hi).map((v) => Math.abs(v!.lo)));
		if (localIv && (intersects(localIv, statedIv) || reachedByLinks(this.ctx, chain, lit, localIv, exactParents))) {
			if (offParents.length === 0) return record('rounding');
			const origin = offParents[0].origin ?? offParents[0].span;
			this.ctx.diagnostics.push({
				code: 'inherited',
				severity: 'hint',
				span: lit.span,
				message: message('truth.inherited', { stated: lit.text, label: b.label, value: formatValue(b.value), line: lineOf(this.ctx, origin.start), origin: sourceOf(this.ctx, origin, 24) }, this.ctx.locale),
				stated: lit.text,
				expected: expectedText(b.value, lit),
				origin,
				related: [{ span: origin, message: message('truth.origin', {}, this.ctx.locale) }],
			});
			return record('inherited', origin);
		}
		// Another admissible choice at a tie or a kink (`choices.ts`) may give the number: no finding then.
		if (this.admitted(chain, b, lit, statedIv)) return record('rounding');
		const earlier = this.ctx.diagnostics.find((d) => (d.code === 'arithmetic' || d.code === 'substitution' || d.code === 'value' || d.code === 'formula') && d.span.start >= chain.span.start && d.span.end <= chain.span.end);
		if (earlier) return record('value', earlier.span);
		// Parents the author gave only under names the network cannot place may carry the difference:
		// with no value of theirs to evaluate on, the error cannot be placed here, so nothing is claimed.
		if (writesUnbound && formula && termParents(formula.rhs).some((p) => this.known(p) === undefined)) return record('rounding');
		const mistake = explain(this.net, b.id, statedIv, (p) => this.known(p)?.iv, this.ctx.locale);
		const expected = expectedText(b.value, lit);
		const local = localIv && offParents.length === 0 ? '' : localIv ? message('truth.value.local', { range: formatRange(localIv, this.ctx.locale) }, this.ctx.locale) : '';
		this.ctx.diagnostics.push({
			code: 'value',
			severity: 'error',
			span: lit.span,
			message: sentences(this.ctx.locale, message('truth.value', { label: b.label, value: formatValue(b.value), expected, stated: lit.text }, this.ctx.locale), local, mistake?.message),
			stated: lit.text,
			expected,
			fix: { span: lit.span, newText: expected },
		});
		return { ...record('value', lit.span), mistake: mistake?.message };
	}

	/** True when the chain's head is a quantity of the forward pass (a pre-activation, an output, the loss). */
	private forwardHead(chain: Chain): boolean {
		const b = bind(this.net, chain.members[0], false, this.ctx.nameScope);
		const role = b.kind === 'bound' && !b.id.startsWith('d:') ? parseId(b.id)?.role : undefined;
		return role === 'pre' || role === 'out' || role === 'loss' || role === 'lossTerm';
	}

	/**
	 * True when a network that takes another choice the values leave open (`choices.ts`: a tied
	 * max window, a ReLU kink) gives a value of `id` in `iv`. Past the bound on alternatives, a
	 * quantity such a choice can change is given the benefit of the doubt.
	 */
	private holdsInAlternative(id: QuantityId, iv: Interval): boolean {
		if (!choiceDependent(id)) return false;
		const alts = alternatives(this.net, (p) => this.known(p)?.iv, id);
		return !alts.complete || alts.nets.some((alt) => {
			const v = alt.value(id);
			return v !== undefined && contains(iv, v);
		});
	}

	/** As `holdsInAlternative`, or the alternative's formula on the author's values gives the stated number. */
	private admitted(chain: Chain, b: Extract<Binding, { kind: 'bound' }>, lit: SignedLiteral, statedIv: Interval): boolean {
		if (this.holdsInAlternative(b.id, statedIv)) return true;
		if (!choiceDependent(b.id)) return false;
		return alternatives(this.net, (p) => this.known(p)?.iv, b.id).nets.some((alt) => {
			const f = this.authorFormula(b.id, b.term, alt);
			const local = f && evaluateTermInterval(f.rhs, (p) => this.known(p)?.iv ?? pointOf(alt.value(p)));
			return local !== undefined && (intersects(local, statedIv) || reachedByLinks(this.ctx, chain, lit, local, new Set()));
		});
	}

	/** True when the written formula gives the quantity's value in a network that takes another open choice. */
	private formulaAdmitted(m: Expr, head: Extract<Binding, { kind: 'bound' }>): boolean {
		if (!choiceDependent(head.id)) return false;
		const alts = alternatives(this.net, (p) => this.known(p)?.iv, head.id);
		return !alts.complete || alts.nets.some((alt) => {
			const o = evaluate(m, trueValues(alt, this.ctx.nameScope));
			const v = alt.value(head.id);
			return o.ok && v !== undefined && Math.abs(o.value - v) <= 1e-6 * Math.max(1, Math.abs(v));
		});
	}

	/** The written symbolic members, evaluated on true values, must equal the head quantity's value. */
	private checkFormula(chain: Chain, head: Extract<Binding, { kind: 'bound' }>, lits: readonly (SignedLiteral | undefined)[]): number {
		let compared = 0;
		for (let i = 0; i < chain.members.length; i++) {
			const m = chain.members[i];
			// Only a written formula is judged here: a member of numbers alone (a matrix product of numbers too) is arithmetic.
			if (lits[i] || namedMember(m) || isNumeric(m) || m.kind === 'tuple' || !someNode(m, (x) => x.kind === 'name' || x.kind === 'derivative')) continue;
			let outcome = evaluate(m, trueValues(this.net, this.ctx.nameScope));
			// A number written over whole vectors (`L = \frac{1}{2} (\hat{y} - y)^T (\hat{y} - y)`) is a 1 × 1 matrix.
			const grid = outcome.ok ? undefined : evaluateOnTruth(this.net, m, this.ctx.nameScope);
			if (grid && grid.cells.length === 1) outcome = { ok: true, value: grid.cells[0].value, iv: grid.cells[0].iv };
			if (!outcome.ok) {
				for (const n of outcome.names) if (this.net.resolve(n, this.ctx.nameScope).kind !== 'quantity' && !this.binds({ kind: 'name', span: n.span, name: n })) this.ctx.uncheckedNames.add(n.text);
				continue;
			}
			compared++;
			if (Math.abs(outcome.value - head.value) <= 1e-6 * Math.max(1, Math.abs(head.value)) || this.formulaAdmitted(m, head)) continue;
			const f = head.id.startsWith('d:') ? undefined : this.net.formula(head.id);
			const network = f ? message('truth.formula.network', { label: head.label, formula: renderTerm(f.rhs, (id) => this.net.label(id)) }, this.ctx.locale) : '';
			const mistake = explain(this.net, head.id, { lo: outcome.value - 1e-9, hi: outcome.value + 1e-9 }, () => undefined, this.ctx.locale);
			// One mistyped name (`w_3` for `w_2`) is said as such, on that name, with the name as the fix;
			// the numbers written for it are then right for the name meant, so they are not flagged.
			const typo = mistake ? undefined : wrongName(this.net, m, head, this.ctx.text, this.ctx.nameScope);
			if (typo) {
				const meant = point(this.net.value(typo.should)!);
				for (const x of this.facts) {
					if (x.id !== typo.id || !x.statedIv || !intersects(x.statedIv, meant) || x.span.start < chain.span.start || x.span.end > chain.span.end) continue;
					const k = this.ctx.diagnostics.findIndex((d) => d.code === 'substitution' && d.span.start === x.span.start && d.span.end === x.span.end);
					if (k >= 0) this.ctx.diagnostics.splice(k, 1);
				}
				this.ctx.diagnostics.push({
					code: 'formula',
					severity: 'warning',
					span: typo.span,
					message: sentences(this.ctx.locale, message('truth.formula.typo', { written: typo.written, meant: typo.text, value: formatValue(head.value), label: head.label }, this.ctx.locale), network),
					stated: typo.written,
					expected: typo.text,
					fix: { span: typo.span, newText: typo.text },
				});
				break;
			}
			this.ctx.diagnostics.push({
				code: 'formula',
				severity: 'warning',
				span: m.span,
				message: sentences(this.ctx.locale, message('truth.formula.differs', { value: formatValue(outcome.value), label: head.label, truth: formatValue(head.value) }, this.ctx.locale), mistake?.clause, network),
				expected: formatValue(head.value),
			});
			break;
		}
		return compared;
	}
}

/** The true value at the author's precision; an integer stated for a fraction gets three significant digits. */
function expectedText(value: number, lit: SignedLiteral): string {
	if (lit.node.isInteger && !Number.isInteger(value)) return String(Number(value.toPrecision(3)));
	return formatLike(value, lit.text);
}

function pointOf(v: number | undefined): Interval | undefined {
	return v === undefined ? undefined : point(v);
}

function formatRange(iv: Interval, locale?: Locale): string {
	return iv.lo === iv.hi ? formatValue(iv.lo) : message('truth.range', { lo: formatValue(iv.lo), hi: formatValue(iv.hi) }, locale);
}
