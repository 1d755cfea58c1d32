/**
 * Hover: on a number, a name or a whole chain member, explain in plain Markdown what the checker
 * knows, the verdict first (✓ or ✗ and why), then the value of the written expression, the
 * interval it stands for and the value the document stated. It reads the facts of a finished
 * analysis and never checks again. The innermost thing under the cursor wins: a number inside a
 * member is explained as a number. Where a network judges the place, its hover (`truthHover.ts`)
 * is the whole hover. An exact number is never shown as an interval; every hover is bounded in
 * characters (`capHover`) and lines (`MAX_HOVER_LINES`).
 */
import { truthAt, type Analysis } from '../check/analyze';
import type { MemberFact, NameFact, SubstitutionFact } from '../check/context';
import { inputInterval } from '../check/literal';
import { formatValue } from '../eval/format';
import { MAX_HOVER_LINES } from '../budgets';
import type { Expr, NumberNode } from '../syntax/ast';
import { nodesOf } from '../syntax/walk';
import type { CancellationLike, HoverResult } from '../service';
import { rangeText, truthHover, type HoverContext } from './truthHover';
import { describeElement, matrixElementAt } from './matrixHover';
import { bind } from '../check/truth/bind';
import type { TruthChecker, TruthFact } from '../check/truth/checker';
import { containsOffset, type Span } from '../text/span';
import type { Diagnostic } from '../check/diagnostic';
import { capHover, mdCode as code, mdText } from './markdown';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';

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

/** Whether a number stands for more than itself: its interval's ends print apart. */
function isRange(iv: { lo: number; hi: number }): boolean {
	return rangeText(iv).startsWith('[');
}

/** `stands for [0.5575, 0.5585]`, or `is exact` for a number that stands for itself alone. */
function standsForText(iv: { lo: number; hi: number }, locale?: Locale): string {
	return isRange(iv) ? message('hover.standsFor', { range: rangeText(iv) }, locale) : message('hover.exact', {}, locale);
}

function substitutionHover(s: SubstitutionFact, a: Analysis): string {
	const number = `**${mdText(s.number.text)}**`;
	const name = code(s.written);
	if (s.acceptable.length === 0) return message('hover.sub.unstated', { number, name }, a.locale);
	const lines = [message(s.holds ? 'hover.sub.agrees' : 'hover.sub.disagrees', { number, name }, a.locale), '', message('hover.sub.it', { standsFor: standsForText(s.iv, a.locale) }, a.locale), ''];
	for (const v of s.acceptable.slice(0, 4)) {
		const args = { name, value: mdText(v.text), line: a.lines.positionAt(v.span.start).line + 1, standsFor: standsForText(v.iv, a.locale) };
		lines.push(message(v.update ? 'hover.sub.statedAfter' : 'hover.sub.stated', args, a.locale));
	}
	if (s.acceptable.length > 4) lines.push(message('hover.more', { count: s.acceptable.length - 4 }, a.locale));
	return lines.join('\n');
}

function memberHover(m: MemberFact, a: Analysis): string {
	const lines = [`${code(a.text.slice(m.span.start, m.span.end))}`];
	if (m.value === undefined || !m.iv) {
		lines.push('', message('hover.member.unevaluated', {}, a.locale));
		return lines.join('\n');
	}
	if (m.stated && m.statedIv) lines.unshift(m.holds ? message('hover.member.holds', { stated: mdText(m.stated.text) }, a.locale) : message('hover.member.fails', { range: rangeText(m.iv), stated: mdText(m.stated.text) }, a.locale), '');
	lines.push('', message('hover.member.value', { value: formatValue(m.value) }, a.locale));
	if (rangeText(m.iv) !== formatValue(m.value)) lines.push(message('hover.member.range', { range: rangeText(m.iv) }, a.locale));
	if (m.stated && m.statedIv) lines.push(message('hover.member.stated', { stated: mdText(m.stated.text), standsFor: standsForText(m.statedIv, a.locale) }, a.locale));
	return lines.join('\n');
}

function statedResultHover(m: MemberFact, a: Analysis): string {
	const stated = `**${mdText(m.stated!.text)}**`;
	const what = code(a.text.slice(m.span.start, m.span.end));
	if (m.value === undefined || !m.iv) return message('hover.result.unevaluated', { stated, what }, a.locale);
	const spread = rangeText(m.iv) !== formatValue(m.value) ? message('hover.result.spread', { range: rangeText(m.iv) }, a.locale) : '';
	const head = message(m.holds ? 'hover.result.holds' : 'hover.result.fails', { stated, what, value: formatValue(m.value), spread }, a.locale);
	return `${head}\n\n${message('hover.number', { number: stated, standsFor: standsForText(m.statedIv!, a.locale) }, a.locale)}`;
}

function nameHover(n: NameFact, a: Analysis): string {
	const history = a.facts.history(n.key);
	const lines = [message('hover.name.title', { written: code(n.written), key: code(n.key) }, a.locale)];
	if (history.length === 0) {
		lines.push('', message('hover.name.unstated', {}, a.locale));
		return lines.join('\n');
	}
	lines.push('');
	for (const v of history.slice(0, 8)) {
		const here = v.chain === n.chain ? message('hover.name.here', {}, a.locale) : '';
		lines.push(message(v.update ? 'hover.name.updated' : 'hover.name.stated', { value: mdText(v.text), line: a.lines.positionAt(v.span.start).line + 1, here }, a.locale));
	}
	if (history.length > 8) lines.push(message('hover.more', { count: history.length - 8 }, a.locale));
	return lines.join('\n');
}

/**
 * The hover at `offset` in an analysed document, or `undefined` when there is nothing to say.
 * Its Markdown is bounded (`capHover`, `fitLines`), and every piece of document text in it went
 * through `markdown.ts`; `token` stops the chain-rule path search of a hover no longer wanted;
 * with the document's `uri`, a hover the network judges ends in a link to the network panel.
 */
export function hoverAt(a: Analysis, offset: number, token?: CancellationLike, uri?: string): HoverResult | undefined {
	const h = hoverUncapped(a, offset, { token, uri });
	return h && { span: h.span, markdown: capHover(fitLines(h.markdown, MAX_HOVER_LINES, a.locale)) };
}

/**
 * A hover cut to `MAX_HOVER_LINES` lines of Markdown, blank lines not counted, with a note that
 * says so. Hovers are built to fit; this is the bound that holds whatever a document holds.
 */
export function fitLines(markdown: string, max = MAX_HOVER_LINES, locale?: Locale): string {
	const lines = markdown.split('\n');
	let shown = 0;
	for (let i = 0; i < lines.length; i++) {
		if (lines[i].trim() === '') continue;
		if (++shown === max) return lines.slice(0, i).join('\n').replace(/\s+$/, '') + `\n\n${message('hover.cut', {}, locale)}`;
	}
	return markdown;
}

/** The hover's first paragraph (its verdict), then the line that says which matrix element it is, then the rest. */
function afterFirstLine(markdown: string, line: string): string {
	const cut = markdown.indexOf('\n\n');
	return cut < 0 ? `${markdown}\n\n${line}` : `${markdown.slice(0, cut)}\n\n${line}${markdown.slice(cut)}`;
}

/**
 * A finding on a wider span than the thing hovered (a `formula` finding on a whole written
 * formula, hovered on one of its names): it is what is wrong here, so it is the verdict, first.
 */
function enclosingFinding(a: Analysis, offset: number, span: Span | undefined): Diagnostic | undefined {
	let best: Diagnostic | undefined;
	for (const d of a.diagnostics) {
		if (d.span.start > offset) break;
		if ((d.severity !== 'error' && d.severity !== 'warning') || !containsOffset(d.span, offset)) continue;
		if (span && (d.span.start > span.start || d.span.end < span.end || (d.span.start === span.start && d.span.end === span.end))) continue;
		if (!best || width(d.span) < width(best.span)) best = d;
	}
	return best;
}

function withFinding(a: Analysis, offset: number, hover: HoverResult | undefined): HoverResult | undefined {
	const d = enclosingFinding(a, offset, hover?.span);
	if (!d) return hover;
	const verdict = `✗ ${mdText(d.message.length > 240 ? `${d.message.slice(0, 239)}…` : d.message)}`;
	return hover ? { span: hover.span, markdown: `${verdict}\n\n${hover.markdown}` } : { span: d.span, markdown: verdict };
}

function hoverUncapped(a: Analysis, offset: number, context: HoverContext): HoverResult | undefined {
	const hover = withFinding(a, offset, hoverOf(a, offset, context));
	const element = matrixElementAt(a, offset);
	if (!element) return hover;
	const line = describeElement(element, code, a.locale);
	if (hover) return { span: hover.span, markdown: afterFirstLine(hover.markdown, line) };
	const member = a.chains.find((c) => containsOffset(c.span, offset))?.members.find((m) => containsOffset(m.span, offset));
	const num = member && findNumber(member, offset);
	if (!num) return undefined;
	return { span: num.span, markdown: `${line}\n\n${standsFor(num, a)}` };
}

/** `**0.558** stands for [0.5575, 0.5585] (every value that rounds to it).`, or `**0.5** is exact.` */
function standsFor(num: NumberNode, a: Analysis): string {
	const iv = inputInterval(num, a.policy);
	return message(isRange(iv) ? 'hover.numberRounds' : 'hover.number', { number: `**${mdText(num.text)}**`, standsFor: standsForText(iv, a.locale) }, a.locale);
}

function hoverOf(a: Analysis, offset: number, context: HoverContext): HoverResult | undefined {
	const checker = truthAt(a, offset);
	const truth = checker && (innermost(checker.facts, offset) ?? boundName(a, checker, offset));
	if (checker && truth) return { span: truth.span, markdown: truthHover(a, checker, truth, context) };
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
