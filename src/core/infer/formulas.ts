/**
 * The forward formulas a document writes, read without any network (DESIGN 2.6). A chain whose
 * first member is a name, not an update, and which has a symbolic member (names, perhaps small
 * constants) gives a formula for that name; plain names between them are aliases of it
 * (`\hat{y}_1 = a^{(2)}_1 = \sigma(z^{(2)}_1)`). An affine member (`w_1 i_1 + w_2 i_2 + b_1`: a sum of
 * products of two names and at most one lone name) is a weighted sum; any other member is a function
 * of the names it reads, judged later by evaluating it (`activation.ts`, `loss.ts`). A name defined
 * by derivatives (`delta1 = dE/dy1 \cdot dy1/dnet`, `\delta = \partial E / \partial z`) is a backward
 * quantity, never a formula of its own; a formula that reads one is marked backward, so the readers
 * leave its weighted sum (`dw5 = delta1 \cdot H1`) out of the forward pass.
 */
import type { Expr, NameRef } from '../syntax/ast';
import { isNumeric } from '../eval/evaluate';
import { nodesOf } from '../syntax/walk';
import type { Chain } from '../check/chains';
import { namedMember } from '../check/facts';
import { updatedKey } from '../check/substitution';

/** One product of a weighted sum: two names, in the order written. */
export interface Product {
	readonly a: NameRef;
	readonly b: NameRef;
}

export interface ForwardFormula {
	/** The head and its aliases, as written (`\hat{y}_1`, `a^{(2)}_1`). */
	readonly heads: readonly NameRef[];
	readonly member: Expr;
	readonly chain: Chain;
	/** The member's names, by key, each once, in the order written. */
	readonly reads: readonly NameRef[];
	/** Set when the member is a weighted sum. */
	readonly affine?: { readonly products: readonly Product[]; readonly bias?: NameRef };
	/** Set when the member reads a name the document defines by derivatives: a backward quantity. */
	readonly backward?: true;
}

function unwrap(e: Expr): Expr {
	let x = e;
	while (x.kind === 'group') x = x.inner;
	return x;
}

function nameOf(e: Expr): NameRef | undefined {
	const x = unwrap(e);
	return x.kind === 'name' ? x.name : undefined;
}

/** The terms of a sum written with `+` only; `undefined` when a term is subtracted. */
function terms(e: Expr, out: Expr[]): boolean {
	const x = unwrap(e);
	if (x.kind === 'binary' && x.op === '+') return terms(x.left, out) && terms(x.right, out);
	if (x.kind === 'binary' && x.op === '-') return false;
	out.push(x);
	return true;
}

/** `b_1 \cdot 1` (the bias times its constant input, as some notes write it) is `b_1`. */
function timesOne(e: Expr): NameRef | undefined {
	if (e.kind !== 'binary' || e.op !== '*') return undefined;
	const [l, r] = [unwrap(e.left), unwrap(e.right)];
	if (r.kind === 'number' && r.value === 1) return nameOf(l);
	if (l.kind === 'number' && l.value === 1) return nameOf(r);
	return undefined;
}

/** `w_1 i_1 + w_2 i_2 + b_1` as its products and its bias; `undefined` for anything else. */
export function readAffine(member: Expr): ForwardFormula['affine'] {
	const parts: Expr[] = [];
	if (!terms(member, parts)) return undefined;
	const products: Product[] = [];
	let bias: NameRef | undefined;
	for (const t of parts) {
		const lone = nameOf(t) ?? timesOne(t);
		if (lone) {
			if (bias) return undefined;
			bias = lone;
			continue;
		}
		if (t.kind !== 'binary' || t.op !== '*') return undefined;
		const a = nameOf(t.left);
		const b = nameOf(t.right);
		if (!a || !b) return undefined;
		products.push({ a, b });
	}
	return products.length > 0 ? { products, bias } : undefined;
}

function namesIn(e: Expr): NameRef[] {
	const seen = new Map<string, NameRef>();
	for (const x of nodesOf(e)) {
		if (x.kind === 'derivative') return [];
		if (x.kind === 'name' && !seen.has(x.name.key)) seen.set(x.name.key, x.name);
	}
	return [...seen.values()];
}

/** A member that is a formula: it reads names and holds nothing but names, numbers and operations. */
function isFormula(e: Expr): boolean {
	if (isNumeric(e) || nameOf(e)) return false;
	for (const x of nodesOf(e)) if (x.kind === 'error' || x.kind === 'tuple' || x.kind === 'matrix' || x.kind === 'derivative') return false;
	return namesIn(e).length > 0;
}

function holdsDerivative(e: Expr): boolean {
	for (const x of nodesOf(e)) if (x.kind === 'derivative') return true;
	return false;
}

/**
 * The names the chains define by derivatives: a chain headed by a name, not an update, whose
 * aliases lead to a derivative or to a member that holds one (`delta1 = dE/dy1 \cdot dy1/dnet = 0.126`).
 */
function backwardNames(chains: readonly Chain[]): Set<string> {
	const keys = new Set<string>();
	for (const chain of chains) {
		const head = namedMember(chain.members[0]);
		if (!head?.name || head.name.updated || updatedKey(chain) !== undefined) continue;
		const heads: string[] = [head.name.key];
		for (const m of chain.members.slice(1)) {
			const alias = nameOf(m);
			if (alias) {
				heads.push(alias.key);
				continue;
			}
			if (holdsDerivative(m)) for (const k of heads) keys.add(k);
			break;
		}
	}
	return keys;
}

/** Every forward formula, in document order; a head may have several (the notes write a formula, then again with numbers). */
export function readFormulas(chains: readonly Chain[], maxFormulas: number): ForwardFormula[] {
	const formulas: ForwardFormula[] = [];
	const backward = backwardNames(chains);
	for (const chain of chains) {
		if (formulas.length >= maxFormulas) break;
		const head = namedMember(chain.members[0]);
		if (!head?.name || head.name.updated || updatedKey(chain) !== undefined) continue;
		const heads: NameRef[] = [head.name];
		let member: Expr | undefined;
		for (const m of chain.members.slice(1)) {
			const alias = nameOf(m);
			if (alias && !member) {
				heads.push(alias);
				continue;
			}
			if (isFormula(m)) member = m;
			break;
		}
		if (!member) continue;
		const reads = namesIn(member);
		if (reads.length === 0 || reads.some((r) => heads.some((h) => h.key === r.key))) continue;
		const fromBackward = reads.some((r) => backward.has(r.key));
		formulas.push({ heads, member, chain, reads, affine: readAffine(member), ...(fromBackward ? { backward: true as const } : {}) });
	}
	return formulas;
}
