/**
 * An activation applied to a number: `out_{C1} = \sigma(0.235) = 0.558` right after
 * `\bar{in}_{C1} = … = 0.235`. The notes write the pre-activation's value where its name would be.
 * Such a chain is read as the formula `out_{C1} = \sigma(\bar{in}_{C1})` only when all of this
 * holds: the head has no formula of its own; the member is one function of one number; a weighted
 * sum of the same family and index (the head's name with the pre-activation stem for the output
 * stem: `out_{C1}` and `in_{C1}`, `\bar{in}_{C1}`, `net_{C1}`, `z_{C1}`) exists, exactly one; and
 * its own chain, or another chain that opens with its name, ends in that very number. Textbook names pair by layer and unit (`a^{(2)}` with
 * `z^{(2)}`), and a chain may open with several names (`\hat{y} = a^{(2)} = \sigma(0.4172)`).
 * Verification then holds the formula to the network like any other, and the checker still judges
 * the number.
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

/**
 * The family of a textbook name (`a^{(2)}`, `z^{(2)}_1`: DESIGN 2.3's layer superscripts) whose base
 * is one of `stems`: its layer and unit, `(2)1`.
 */
function layerFamily(n: NameRef, stems: readonly string[]): string | undefined {
	return n.layer !== undefined && stems.includes(n.base) ? `(${n.layer})${n.sub}` : undefined;
}

const familyOf = (n: NameRef, stems: readonly string[]) => family(n, stems) ?? layerFamily(n, stems);

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
		const fam = familyOf(f.heads[0], PRE);
		if (fam !== undefined) sums.set(fam, [...(sums.get(fam) ?? []), f]);
	}
	const out: ForwardFormula[] = [];
	for (const chain of chains) {
		// The names the chain opens with are its heads (`\hat{y} = a^{(2)} = \sigma(0.4172)`); one of them names the family.
		const heads: NameRef[] = [];
		for (const m of chain.members) {
			const n = namedMember(m)?.name;
			if (!n) break;
			heads.push(n);
		}
		if (heads.length === 0 || heads.length >= chain.members.length || heads.some((h) => h.updated || defined.has(h.key))) continue;
		const fams = new Set(heads.map((h) => familyOf(h, POST)).filter((f) => f !== undefined));
		const fam = fams.size === 1 ? [...fams][0] : undefined;
		const pre = fam === undefined ? undefined : sums.get(fam);
		const member = unwrap(chain.members[heads.length]);
		if (!pre || new Set(pre.map((f) => f.heads[0].key)).size !== 1 || member.kind !== 'call' || member.args.length !== 1 || !isNumeric(member)) continue;
		const v = literal(member.args[0]);
		const name = pre[0].heads[0];
		// The number is the pre-activation's as its weighted sum's chain ends, or as a chain of its own that opens with its name ends.
		const states = (c: Chain) => lastNumber(c) === v && namedMember(c.members[0])?.name?.key === name.key;
		if (v === undefined || !(pre.some((f) => lastNumber(f.chain) === v) || chains.some(states))) continue;
		const arg: Expr = { kind: 'name', span: member.args[0].span, name };
		out.push({ heads, member: { ...member, args: [arg] }, chain, reads: [name] });
		for (const h of heads) defined.add(h.key);
	}
	return out;
}
