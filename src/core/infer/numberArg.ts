/**
 * An activation applied to a number: `out_{C1} = \sigma(0.235) = 0.558` right after
 * `\bar{in}_{C1} = … = 0.235`. The notes write the pre-activation's value where its name would be.
 * Such a chain is read as the formula `out_{C1} = \sigma(\bar{in}_{C1})` only when all of this
 * holds: the head has no formula of its own; the member is one function of one number; a weighted
 * sum of the same family and index (the head's name with the pre-activation stem for the output
 * stem: `out_{C1}` and `in_{C1}`, `\bar{in}_{C1}`, `net_{C1}`, `z_{C1}`) exists, exactly one; and
 * its own chain ends in that very number. Verification then holds the formula to the network like
 * any other, and the checker still judges the number.
 */
import type { Chain } from '../check/chains';
import { namedMember } from '../check/facts';
import { isNumeric } from '../eval/evaluate';
import type { Expr, NameRef } from '../syntax/ast';
import type { ForwardFormula } from './formulas';

const PRE = ['in', 'net', 'z'];
const POST = ['out', 'a', 'h'];

/** The family of a name after its role stem (`out_{C1}` → `C1`), or undefined when it has none of `stems`. */
export function family(n: NameRef, stems: readonly string[]): string | undefined {
	const plain = n.base + n.sub;
	const stem = stems.find((s) => plain.startsWith(s) && plain.length > s.length);
	return stem === undefined || n.layer !== undefined ? undefined : plain.slice(stem.length);
}

function unwrap(e: Expr): Expr {
	let x = e;
	while (x.kind === 'group') x = x.inner;
	return x;
}

/** The number a member states at its end, as written with its sign. */
function lastNumber(chain: Chain): number | undefined {
	const m = unwrap(chain.members[chain.members.length - 1]);
	if (m.kind === 'number') return m.value;
	if (m.kind === 'unary' && m.op === '-' && unwrap(m.operand).kind === 'number') return -(unwrap(m.operand) as { value: number }).value;
	return undefined;
}

/** The signed literal of `e` (`0.235`, `-0.235`, `(-0.235)`), if it is one. */
function literal(e: Expr): number | undefined {
	const x = unwrap(e);
	if (x.kind === 'number') return x.value;
	if (x.kind === 'unary' && x.op === '-' && unwrap(x.operand).kind === 'number') return -(unwrap(x.operand) as { value: number }).value;
	return undefined;
}

/** The formulas `out = f(pre)` that chains write with the pre-activation's number in place of its name. */
export function numberArgFormulas(chains: readonly Chain[], formulas: readonly ForwardFormula[]): ForwardFormula[] {
	const defined = new Set(formulas.flatMap((f) => f.heads.map((h) => h.key)));
	const sums = new Map<string, ForwardFormula[]>();
	for (const f of formulas) {
		if (!f.affine) continue;
		const fam = family(f.heads[0], PRE);
		if (fam !== undefined) sums.set(fam, [...(sums.get(fam) ?? []), f]);
	}
	const out: ForwardFormula[] = [];
	for (const chain of chains) {
		const head = namedMember(chain.members[0])?.name;
		if (!head || head.updated || defined.has(head.key) || chain.members.length < 2) continue;
		const fam = family(head, POST);
		const pre = fam === undefined ? undefined : sums.get(fam);
		const member = unwrap(chain.members[1]);
		if (!pre || new Set(pre.map((f) => f.heads[0].key)).size !== 1 || member.kind !== 'call' || member.args.length !== 1 || !isNumeric(member)) continue;
		const v = literal(member.args[0]);
		if (v === undefined || !pre.some((f) => lastNumber(f.chain) === v)) continue;
		const name = pre[0].heads[0];
		const arg: Expr = { kind: 'name', span: member.args[0].span, name };
		out.push({ heads: [head], member: { ...member, args: [arg] }, chain, reads: [name] });
		defined.add(head.key);
	}
	return out;
}
