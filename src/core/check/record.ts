/**
 * Records what a chain states, after it has been checked: each member that is just a name or a
 * derivative gets the number the chain states for it (the nearest plain number to its right),
 * `KK_1 = (0.1, 0.2, 0.3)` states each element `KK_{11}`, `KK_{12}`, `KK_{13}`, and a named matrix of
 * numbers states each of its elements (`W_{12}`). Every name in the
 * chain is also noted with its span, for hovers.
 */
import type { Expr } from '../syntax/ast';
import { eachNode } from '../syntax/walk';
import type { Chain } from './chains';
import type { CheckContext } from './context';
import { derivativeKey, namedMember } from './facts';
import { elementKey, recordMatrixFacts } from './matrices';
import { resultInterval, signedLiteral } from './literal';
import { updatedKey } from './substitution';

export function recordChain(chain: Chain, ctx: CheckContext): void {
	const lits = chain.members.map((m) => signedLiteral(m, ctx.text));
	const update = updatedKey(chain);
	chain.members.forEach((m, i) => {
		const named = namedMember(m);
		if (!named) return;
		const written = ctx.text.slice(named.written.start, named.written.end);
		const lit = lits.find((l, k) => k > i && l !== undefined);
		if (lit) {
			ctx.facts.add({ key: named.key, written, value: lit.value, iv: resultInterval(lit), text: lit.text, span: lit.span, chain: chain.index, update: i === 0 && named.key === update });
			return;
		}
		if (named.name && recordMatrixFacts(named.key, written, chain.members.slice(i + 1), ctx, chain.index, i === 0 && named.key === update)) return;
		const next = chain.members[i + 1];
		let tuple = next;
		while (tuple?.kind === 'group') tuple = tuple.inner;
		if (tuple?.kind !== 'tuple' || !named.name) return;
		// After an `\ldots` (an error item) the places of the elements are unknown: `(0.1, \ldots, 0.6)` states only the first.
		const known = tuple.items.findIndex((item) => item.kind === 'error');
		tuple.items.slice(0, known < 0 ? undefined : known).forEach((item, j) => {
			const l = signedLiteral(item, ctx.text);
			if (!l) return;
			ctx.facts.add({ key: elementKey(named.key, [j + 1]), written: `${written}[${j + 1}]`, value: l.value, iv: resultInterval(l), text: l.text, span: l.span, chain: chain.index, update: false });
		});
	});
	for (const m of chain.members) noteNames(m, chain.index, ctx);
}

function noteNames(e: Expr, chain: number, ctx: CheckContext): void {
	eachNode(e, (x) => {
		if (x.kind === 'name') ctx.names.push({ span: x.span, key: x.name.key, name: x.name, written: x.name.text, chain });
		else if (x.kind === 'derivative') ctx.names.push({ span: x.span, key: derivativeKey(x), written: ctx.text.slice(x.span.start, x.span.end), chain });
	});
}
