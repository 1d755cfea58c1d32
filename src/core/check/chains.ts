/**
 * Joins parsed statements into equality chains. A statement that begins with a relation
 * (`\\ = 0.166`, or a display that opens with `= coef_{f1} \cdot w_1 …` right after another
 * display) continues the chain before it, so a derivation written over several lines or several
 * `$$` blocks is checked as one chain.
 *
 * Across math regions a leading relation continues only what stands right before it: the region
 * just before, with nothing written between the two but spacing and punctuation, and within one
 * paragraph unless both are displays. Prose such as "all biases $= 0$" has its subject in words,
 * so its `= 0` is about a thing no math names, and joining it to an earlier paragraph's chain
 * would state that chain's value as 0. Such a statement stands alone (its members after the
 * relation), which can only lose a check, never make one up.
 */
import type { MathRegion } from '../scan/region';
import type { Expr, Relation, Statement } from '../syntax/ast';
import type { Span } from '../text/span';

export interface Chain {
	/** Position of the chain in the document, from 0. */
	readonly index: number;
	readonly members: readonly Expr[];
	readonly relations: readonly Relation[];
	readonly span: Span;
}

/** Where the statements lie: the document and its math regions, in document order. */
export interface Layout {
	readonly text: string;
	readonly regions: readonly MathRegion[];
}

/**
 * Joins `statements` (in document order, across regions) into chains. With `layout`, a statement
 * opening with a relation in another region continues the chain before it only as the file's
 * comment says; without it (the statements of one region), wherever the parser marked it.
 */
export function joinChains(statements: readonly Statement[], layout?: Layout): Chain[] {
	const chains: { members: Expr[]; relations: Relation[]; span: Span }[] = [];
	const regionOf = layout ? regionFinder(layout.regions) : undefined;
	let lastRegion = -1;
	for (const st of statements) {
		const last = chains[chains.length - 1];
		const region = regionOf ? regionOf(st.span.start) : -1;
		if (st.continues && last && (!layout || continuesAcross(layout, last.span, lastRegion, st.span, region))) {
			// One at a time: a spread of a long chain's members would overflow the stack.
			for (const m of st.members) last.members.push(m);
			for (const r of st.relations) last.relations.push(r);
			last.span = { start: last.span.start, end: st.span.end };
		} else if (st.continues) {
			chains.push({ members: [...st.members], relations: st.relations.slice(1), span: st.span });
		} else {
			chains.push({ members: [...st.members], relations: [...st.relations], span: st.span });
		}
		lastRegion = region;
	}
	return chains.filter((c) => c.members.length >= 2).map((c, index) => ({ index, ...c }));
}

/**
 * Spacing, punctuation, `\\`, alignment, environment markers (`\end{aligned}`) and block-quote
 * markers: what may stand between a chain and its continuation.
 */
const NOTHING = /^(?:\s|[,;:.&>]|\\\\|\\(?:quad|qquad|[,;:! ])|\\(?:begin|end)\{[A-Za-z]+\*?\})*$/;
/** A blank line: a paragraph break in Markdown and LaTeX alike. */
const PARAGRAPH = /\n[ \t>]*\n/;

/**
 * Whether the statement at `span` in region `region`, opening with a relation, continues the
 * chain that ends at `before` in region `beforeRegion`. In one region the parser's reading (a
 * relation first on its line) stands.
 */
function continuesAcross(layout: Layout, before: Span, beforeRegion: number, span: Span, region: number): boolean {
	if (region < 0 || beforeRegion < 0) return false;
	if (region === beforeRegion) return true;
	if (region !== beforeRegion + 1) return false;
	const a = layout.regions[beforeRegion];
	const b = layout.regions[region];
	const { text } = layout;
	const between = text.slice(a.outer.end, b.outer.start);
	if (!NOTHING.test(text.slice(before.end, a.inner.end)) || !NOTHING.test(between) || !NOTHING.test(text.slice(b.inner.start, span.start))) return false;
	return !PARAGRAPH.test(between) || (a.kind !== 'inline' && b.kind !== 'inline');
}

/** The index of the region holding each offset asked for, offsets asked in increasing order; -1 outside every region. */
function regionFinder(regions: readonly MathRegion[]): (offset: number) => number {
	let i = 0;
	return (offset) => {
		while (i < regions.length && regions[i].outer.end <= offset) i++;
		return i < regions.length && regions[i].inner.start <= offset && offset <= regions[i].inner.end ? i : -1;
	};
}
