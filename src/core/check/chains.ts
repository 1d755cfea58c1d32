/**
 * Joins parsed statements into equality chains. A statement that begins with a relation
 * (`\\ = 0.166`, or a display that opens with `= coef_{f1} \cdot w_1 …` right after another
 * display) continues the chain before it, so a derivation written over several lines or several
 * `$$` blocks is checked as one chain.
 */
import type { Expr, Relation, Statement } from '../syntax/ast';
import type { Span } from '../text/span';

export interface Chain {
	/** Position of the chain in the document, from 0. */
	readonly index: number;
	readonly members: readonly Expr[];
	readonly relations: readonly Relation[];
	readonly span: Span;
}

/** Joins `statements` (in document order, across regions) into chains. */
export function joinChains(statements: readonly Statement[]): Chain[] {
	const chains: { members: Expr[]; relations: Relation[]; span: Span }[] = [];
	for (const st of statements) {
		const last = chains[chains.length - 1];
		if (st.continues && last) {
			// One at a time: a spread of a long chain's members would overflow the stack.
			for (const m of st.members) last.members.push(m);
			for (const r of st.relations) last.relations.push(r);
			last.span = { start: last.span.start, end: st.span.end };
		} else if (st.continues) {
			chains.push({ members: [...st.members], relations: st.relations.slice(1), span: st.span });
		} else {
			chains.push({ members: [...st.members], relations: [...st.relations], span: st.span });
		}
	}
	return chains.filter((c) => c.members.length >= 2).map((c, index) => ({ index, ...c }));
}
