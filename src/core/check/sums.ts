/**
 * Expanding sums over an index (DESIGN 2.2): `\sum_{i=1}^{3} w_i x_i` becomes `w_1 x_1 + w_2 x_2 +
 * w_3 x_3`, so the arithmetic, substitution and truth checks see the explicit sum the author means
 * and pair its leaves with the numbers written after it. The range is the one written; without
 * one, it is the range the network gives the index: the largest n for which every name the index
 * runs through names a quantity, with none of them naming one at n + 1. Without bounds and without
 * a network, or when the names disagree about the range, the sum stays unexpanded and unchecked.
 *
 * The index is substituted in subscripts where it appears exactly once (`w_{ji}` over i gives
 * `w_{j1}`, `w_{j2}` …); a name in which it cannot be placed leaves the sum unexpanded. Expansion
 * is bounded: at most `MAX_TERMS` terms, and trees deeper than the parser makes are left alone.
 */
import type { CallNode, Expr, NameRef, Statement } from '../syntax/ast';
import { nameKeyOf } from '../syntax/names';
import { someNode } from '../syntax/walk';

const MAX_TERMS = 1000;
const MAX_DEPTH = 400;

/** Tells whether a name means a quantity of the governing network. */
export type NameKnown = (name: NameRef) => boolean;

/** The name with `letter` in its subscript replaced by `k`, itself when the letter is not there, or `undefined` when it cannot be placed. */
function renamed(ref: NameRef, letter: string, k: number): NameRef | undefined {
	if (ref.base === letter && ref.sub === '') return undefined;
	const count = ref.sub.split(letter).length - 1;
	if (count === 0) return ref;
	if (count > 1 || (k >= 10 && ref.sub.length > 1)) return undefined;
	const sub = ref.sub.replace(letter, String(k));
	const baseKey = nameKeyOf(ref.marks, ref.base, ref.layer, sub);
	const at = ref.text.lastIndexOf(letter);
	const text = at >= 0 ? `${ref.text.slice(0, at)}${k}${ref.text.slice(at + 1)}` : ref.text;
	return { ...ref, sub, baseKey, key: ref.updated ? `${baseKey}'` : baseKey, text };
}

/** The summand with the index at `k`, and whether any name changed; `undefined` when a name cannot take it. */
function instance(e: Expr, letter: string, k: number, depth = 0): { expr: Expr; changed: NameRef[] } | undefined {
	const changed: NameRef[] = [];
	const go = (x: Expr, d: number): Expr | undefined => {
		if (d > MAX_DEPTH) return undefined;
		switch (x.kind) {
			case 'name': {
				const r = renamed(x.name, letter, k);
				if (!r) return undefined;
				if (r !== x.name) changed.push(r);
				return r === x.name ? x : { ...x, name: r };
			}
			case 'derivative': {
				const of = renamed(x.of, letter, k), wrt = renamed(x.wrt, letter, k);
				if (!of || !wrt) return undefined;
				for (const r of [of, wrt]) if (r !== x.of && r !== x.wrt) changed.push(r);
				return of === x.of && wrt === x.wrt ? x : { ...x, of, wrt };
			}
			case 'group': {
				const inner = go(x.inner, d + 1);
				return inner && { ...x, inner };
			}
			case 'unary': {
				const operand = go(x.operand, d + 1);
				return operand && { ...x, operand };
			}
			case 'binary': {
				const left = go(x.left, d + 1), right = left && go(x.right, d + 1);
				return left && right && { ...x, left, right };
			}
			case 'call': {
				if (x.fn === 'indexsum') return undefined;
				const args: Expr[] = [];
				for (const a of x.args) {
					const y = go(a, d + 1);
					if (!y) return undefined;
					args.push(y);
				}
				return { ...x, args };
			}
			case 'number': return x;
			default: return someNode(x, (y) => y.kind === 'name' || y.kind === 'derivative') ? undefined : x;
		}
	};
	const expr = go(e, depth);
	return expr && { expr, changed };
}

/** The range of a sum without written bounds: 1 … n as the network gives it, or `undefined`. */
function networkRange(summand: Expr, letter: string, known: NameKnown | undefined): number | undefined {
	if (!known) return undefined;
	for (let k = 1; k <= MAX_TERMS + 1; k++) {
		const at = instance(summand, letter, k);
		if (!at || at.changed.length === 0) return undefined;
		const found = at.changed.filter(known).length;
		if (found === at.changed.length) continue;
		return found === 0 && k > 1 ? k - 1 : undefined;
	}
	return undefined;
}

/** The explicit sum an `indexsum` stands for, or `undefined` when its range is not known. */
function expandOne(call: CallNode, known: NameKnown | undefined): Expr | undefined {
	const index = call.index;
	const summand = call.args[0];
	if (!index || !summand) return undefined;
	const from = index.from ?? 1;
	const to = index.to ?? (index.from === undefined || index.from === 1 ? networkRange(summand, index.name, known) : undefined);
	if (to === undefined || to < from || to - from >= MAX_TERMS) return undefined;
	let sum: Expr | undefined;
	for (let k = from; k <= to; k++) {
		const term = instance(summand, index.name, k)?.expr;
		if (!term) return undefined;
		sum = sum ? { kind: 'binary', span: call.span, op: '+', written: '+', opSpan: { start: call.span.start, end: call.span.start }, left: sum, right: term } : term;
	}
	return sum && { kind: 'group', span: call.span, open: '(', inner: sum };
}

/** The member with every sum it can expand expanded; the member itself when there is none. */
function expandMember(e: Expr, known: NameKnown | undefined, depth = 0): Expr {
	if (depth > MAX_DEPTH || !someNode(e, (x) => x.kind === 'call' && x.fn === 'indexsum')) return e;
	switch (e.kind) {
		case 'call': {
			if (e.fn === 'indexsum') return expandOne(e, known) ?? e;
			return { ...e, args: e.args.map((a) => expandMember(a, known, depth + 1)) };
		}
		case 'group': return { ...e, inner: expandMember(e.inner, known, depth + 1) };
		case 'unary': return { ...e, operand: expandMember(e.operand, known, depth + 1) };
		case 'binary': return { ...e, left: expandMember(e.left, known, depth + 1), right: expandMember(e.right, known, depth + 1) };
		default: return e;
	}
}

/** Whether each statement holds an index sum, found once: the parse memo hands the same statements to every check. */
const sums = new WeakMap<Statement, boolean>();

function holdsSum(s: Statement): boolean {
	let holds = sums.get(s);
	if (holds === undefined) sums.set(s, (holds = s.members.some((m) => someNode(m, (x) => x.kind === 'call' && x.fn === 'indexsum'))));
	return holds;
}

/**
 * Expands the index sums of a statement. With `x_1 = 1, x_2 = 2` declared, `\sum_i x_i = 3`
 * becomes `(x_1 + x_2) = 3`; `\sum_{i=1}^{2} 0.5 x_i` needs no network.
 */
export function expandSums(s: Statement, known: NameKnown | undefined): Statement {
	if (!holdsSum(s)) return s;
	return { ...s, members: s.members.map((m) => expandMember(m, known)) };
}
