/**
 * The one wrong name in a written formula. A `formula` finding says the written formula, on the
 * network's values, is not the quantity's value; often one name was mistyped (`w_1 i_1 + w_3 i_2`
 * for the network's `w_1 i_1 + w_2 i_2`). The strategy is to try, not to match structure: replace
 * each name of the written formula, one occurrence at a time, by each quantity of the network's
 * formula that the author did not write, and evaluate on true values. When exactly one replacement
 * gives the network's value, that occurrence is the typo and the replacement is what it should be;
 * two or more (equal weights, a swap of two names) or none, and nothing is claimed.
 */
import { termParents, type Network, type QuantityId } from '../../engine/index';
import type { NameScope } from '../../engine/resolve';
import { evaluate } from '../../eval/evaluate';
import { point } from '../../eval/interval';
import type { Expr, NameNode } from '../../syntax/ast';
import { parseMath } from '../../syntax/parser';
import { nodesOf } from '../../syntax/walk';
import type { Span } from '../../text/span';
import { bind } from './bind';

export interface WrongName {
	/** The mistyped name, exactly. */
	readonly span: Span;
	readonly written: string;
	readonly id: QuantityId;
	/** The quantity it should name, and how to write it in the author's notation. */
	readonly should: QuantityId;
	readonly text: string;
}

/**
 * The single name occurrence in `formula` that makes it the network's formula of `head` when it
 * names another quantity of that formula. `w_3` in `w_1 i_1 + w_3 i_2 + b_1` for `in_{h1}`.
 */
export function wrongName(net: Network, formula: Expr, head: { readonly id: QuantityId; readonly value: number }, source: string, scope?: NameScope): WrongName | undefined {
	const rhs = head.id.startsWith('d:') ? undefined : net.formula(head.id)?.rhs;
	if (!rhs) return undefined;
	const names: { node: NameNode; id: QuantityId }[] = [];
	for (const x of nodesOf(formula)) {
		if (x.kind !== 'name') continue;
		const b = bind(net, x, false, scope);
		if (b.kind !== 'bound') return undefined;
		names.push({ node: x, id: b.id });
	}
	const written = new Set(names.map((n) => n.id));
	const missing = termParents(rhs).filter((p) => !written.has(p) && net.value(p) !== undefined);
	if (missing.length > 8 || names.length > 32) return undefined;
	const found: { node: NameNode; id: QuantityId; should: QuantityId }[] = [];
	for (const n of names) {
		for (const p of missing) {
			const outcome = evaluate(formula, {
				literal: (lit) => point(lit.value),
				name: (node) => {
					const b = node === n.node ? { kind: 'bound' as const, value: net.value(p)! } : bind(net, node, false, scope);
					return b.kind === 'bound' ? { value: b.value, iv: point(b.value) } : undefined;
				},
			});
			if (outcome.ok && Math.abs(outcome.value - head.value) <= 1e-9 * Math.max(1, Math.abs(head.value))) found.push({ ...n, should: p });
		}
	}
	if (found.length !== 1) return undefined;
	const { node, id, should } = found[0];
	const writtenText = source.slice(node.span.start, node.span.end);
	const text = writeLike(net, writtenText, id, should, scope);
	return text === undefined ? undefined : { span: node.span, written: writtenText, id, should, text };
}

/**
 * `should` written the way the author wrote `id`: the part of the canonical labels that differs
 * (`3` in `w_{3}` against `w_{2}`) is swapped in the author's text (`w_3` → `w_2`); failing that,
 * the canonical label. Either must name `should` again when read back, or there is no text.
 */
function writeLike(net: Network, written: string, id: QuantityId, should: QuantityId, scope?: NameScope): string | undefined {
	const from = net.label(id);
	const to = net.label(should);
	let head = 0;
	while (head < from.length && head < to.length && from[head] === to[head]) head++;
	let tail = 0;
	while (tail < from.length - head && tail < to.length - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
	const part = from.slice(head, from.length - tail);
	const candidates: string[] = [];
	if (part && written.split(part).length === 2) candidates.push(written.replace(part, to.slice(head, to.length - tail)));
	candidates.push(to);
	return candidates.find((c) => names(net, c, scope) === should);
}

/** The quantity a piece of text names, when it is one name. */
function names(net: Network, text: string, scope?: NameScope): QuantityId | undefined {
	// A statement needs a relation; `= 0` gives the name one.
	const source = `${text} = 0`;
	const parsed = parseMath(source, { start: 0, end: source.length });
	const e: Expr | undefined = parsed.statements[0]?.members[0];
	if (!e || e.kind !== 'name' || e.span.start !== 0 || e.span.end !== text.length) return undefined;
	const b = bind(net, e, false, scope);
	return b.kind === 'bound' ? b.id : undefined;
}
