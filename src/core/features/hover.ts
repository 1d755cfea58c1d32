/**
 * Hover: on a number, a name or a whole chain member, explain in plain Markdown what the checker
 * knows — the exact value of the written expression, the interval it stands for, the value the
 * document stated, and why that holds or not. It reads the facts of a finished analysis and never
 * checks again. The innermost thing under the cursor wins: a number inside a member is explained
 * as a number.
 */
import { truthAt, type Analysis } from '../check/analyze';
import type { MemberFact, NameFact, SubstitutionFact } from '../check/context';
import { inputInterval } from '../check/literal';
import { formatInterval, formatValue } from '../eval/format';
import type { Expr, NumberNode } from '../syntax/ast';
import { nodesOf } from '../syntax/walk';
import type { CancellationLike, HoverResult } from '../service';
import { truthHover } from './truthHover';
import { describeElement, matrixElementAt } from './matrixHover';
import { bind } from '../check/truth/bind';
import type { TruthChecker, TruthFact } from '../check/truth/checker';
import { containsOffset, type Span } from '../text/span';
import { capHover, mdCode as code, mdText } from './markdown';

function width(s: Span): number {
	return s.end - s.start;
}

function innermost<T extends { span: Span }>(items: readonly T[], offset: number): T | undefined {
	let best: T | undefined;
	for (const it of items) if (containsOffset(it.span, offset) && (!best || width(it.span) < width(best.span))) best = it;
	return best;
}

function findNumber(e: Expr, offset: number): NumberNode | undefined {
	for (const x of nodesOf(e)) if (x.kind === 'number' && containsOffset(x.span, offset)) return x;
	return undefined;
}

function substitutionHover(s: SubstitutionFact, a: Analysis): string {
	const lines = [`**${mdText(s.number.text)}** is written for ${code(s.written)}; it stands for ${formatInterval(s.iv.lo, s.iv.hi)}.`];
	if (s.acceptable.length === 0) {
		lines.push('', `The document states no value for ${code(s.written)} before this point, so this number is not checked.`);
		return lines.join('\n');
	}
	for (const v of s.acceptable) {
		lines.push('', `- stated ${code(s.written)} = ${mdText(v.text)} on line ${a.lines.positionAt(v.span.start).line + 1}${v.update ? ' (after its update)' : ''}, standing for ${formatInterval(v.iv.lo, v.iv.hi)}`);
	}
	lines.push('', s.holds ? '✓ The number agrees with the stated value.' : '✗ The number agrees with no stated value of this name.');
	return lines.join('\n');
}

function memberHover(m: MemberFact, a: Analysis): string {
	const lines = [`${code(a.text.slice(m.span.start, m.span.end))}`];
	if (m.value === undefined || !m.iv) {
		lines.push('', 'This member could not be evaluated, so it is not checked.');
		return lines.join('\n');
	}
	lines.push('', `- value as written: **${formatValue(m.value)}**`, `- with the rounding of its inputs: ${formatInterval(m.iv.lo, m.iv.hi)}`);
	if (m.stated && m.statedIv) {
		lines.push(`- stated: ${mdText(m.stated.text)}, standing for ${formatInterval(m.statedIv.lo, m.statedIv.hi)}`);
		lines.push('', m.holds ? '✓ The stated number is a rounding of this value.' : `✗ No value in ${formatInterval(m.iv.lo, m.iv.hi)} rounds to ${mdText(m.stated.text)}.`);
	}
	return lines.join('\n');
}

function statedResultHover(m: MemberFact, a: Analysis): string {
	const stated = m.stated!;
	const lines = [`**${mdText(stated.text)}** is stated as the result of ${code(a.text.slice(m.span.start, m.span.end))}; it stands for ${formatInterval(m.statedIv!.lo, m.statedIv!.hi)}.`];
	if (m.value !== undefined && m.iv) {
		lines.push('', `- the computation is **${formatValue(m.value)}**, or anywhere in ${formatInterval(m.iv.lo, m.iv.hi)} given its inputs' rounding`);
		lines.push('', m.holds ? '✓ The result holds.' : '✗ The result does not hold.');
	}
	return lines.join('\n');
}

function nameHover(n: NameFact, a: Analysis): string {
	const history = a.facts.history(n.key);
	const lines = [`${code(n.written)} (name ${code(n.key)})`];
	if (history.length === 0) {
		lines.push('', 'The document states no value for this name.');
		return lines.join('\n');
	}
	lines.push('');
	for (const v of history.slice(0, 8)) {
		lines.push(`- ${v.update ? 'updated to' : 'stated'} ${mdText(v.text)} on line ${a.lines.positionAt(v.span.start).line + 1}${v.chain === n.chain ? ' (here)' : ''}`);
	}
	if (history.length > 8) lines.push(`- … and ${history.length - 8} more`);
	return lines.join('\n');
}

/**
 * The hover at `offset` in an analysed document, or `undefined` when there is nothing to say.
 * Its Markdown is bounded (`capHover`), and every piece of document text in it went through
 * `markdown.ts`; `token` stops the chain-rule path search of a hover no longer wanted.
 */
export function hoverAt(a: Analysis, offset: number, token?: CancellationLike): HoverResult | undefined {
	const h = hoverUncapped(a, offset, token);
	return h && { span: h.span, markdown: capHover(h.markdown) };
}

function hoverUncapped(a: Analysis, offset: number, token?: CancellationLike): HoverResult | undefined {
	const hover = hoverOf(a, offset, token);
	const element = matrixElementAt(a, offset);
	if (!element) return hover;
	const line = describeElement(element, code);
	if (hover) return { span: hover.span, markdown: `${line}\n\n${hover.markdown}` };
	const member = a.chains.find((c) => containsOffset(c.span, offset))?.members.find((m) => containsOffset(m.span, offset));
	const num = member && findNumber(member, offset);
	if (!num) return undefined;
	return { span: num.span, markdown: `${line}\n\n${standsFor(num, a)}` };
}

/** `**0.558** stands for [0.5575, 0.5585] (every value that rounds to it).` */
function standsFor(num: NumberNode, a: Analysis): string {
	const iv = inputInterval(num, a.policy);
	return `**${mdText(num.text)}** stands for ${formatInterval(iv.lo, iv.hi)}${iv.lo === iv.hi ? ' (exact)' : ' (every value that rounds to it)'}.`;
}

function hoverOf(a: Analysis, offset: number, token?: CancellationLike): HoverResult | undefined {
	const checker = truthAt(a, offset);
	const truth = checker && (innermost(checker.facts, offset) ?? boundName(a, checker, offset));
	if (checker && truth) {
		const basic = hoverWithoutNetwork(a, offset);
		const markdown = truthHover(checker, truth, token);
		return { span: truth.span, markdown: basic && basic.span.start === truth.span.start && basic.span.end === truth.span.end ? `${markdown}\n\n---\n\n${basic.markdown}` : markdown };
	}
	return hoverWithoutNetwork(a, offset);
}

/** A name inside a formula that the network knows, though no chain states a value for it. */
function boundName(a: Analysis, checker: TruthChecker, offset: number): TruthFact | undefined {
	const n = innermost(a.names, offset);
	const node = n && a.chains.filter((c) => containsOffset(c.span, offset)).flatMap((c) => c.members).flatMap((m) => [...nodesOf(m)]).find((x) => (x.kind === 'name' || x.kind === 'derivative') && x.span.start === n.span.start && x.span.end === n.span.end);
	const b = node && bind(checker.net, node, false, a.nameScope);
	return b?.kind === 'bound' ? { span: n!.span, id: b.id, label: b.label, trueValue: b.value, status: 'unstated' } : undefined;
}

function hoverWithoutNetwork(a: Analysis, offset: number): HoverResult | undefined {
	const sub = innermost(a.substitutions.map((s) => ({ span: s.number.span, s })), offset);
	if (sub) return { span: sub.span, markdown: substitutionHover(sub.s, a) };
	const result = innermost(a.members.filter((m) => m.stated).map((m) => ({ span: m.stated!.span, m })), offset);
	if (result) return { span: result.span, markdown: statedResultHover(result.m, a) };
	const name = innermost(a.names, offset);
	if (name) return { span: name.span, markdown: nameHover(name, a) };
	const member = innermost(a.members, offset);
	if (member) {
		const num = findNumber(member.expr, offset);
		if (num) {
			return { span: num.span, markdown: `${standsFor(num, a)}\n\n${memberHover(member, a)}` };
		}
		return { span: member.span, markdown: memberHover(member, a) };
	}
	return undefined;
}
