/**
 * The network's side of a hover, shaped to fit VS Code's hover (about 250 px, some 12 lines):
 * the verdict first, in one or two lines — what is wrong, the network's value, where the error
 * starts ("carried from line 123 (0.813)") — then the engine's formula and the same formula with
 * the author's values (negative ones in parentheses), the first chain-rule path to the loss, the
 * layer as a small heatmap image with the element outlined and a caption that says what its rows
 * and columns are, and a link that opens the network panel at the element, where the long detail
 * lives. Everything is read from the finished analysis and the engine on demand; nothing here
 * checks again. Labels, layer names and the author's text enter only through `markdown.ts`;
 * formulas are cut at `MAX_HOVER_FORMULA_CHARS` and say so, the path search has its own budget.
 */
import { MAX_HOVER_FORMULA_CHARS } from '../budgets';
import type { Analysis } from '../check/analyze';
import type { Diagnostic } from '../check/diagnostic';
import { parseId, renderTermBounded, type QuantityId } from '../engine/index';
import type { TruthChecker, TruthFact } from '../check/truth/checker';
import { formatValue } from '../eval/format';
import type { Interval } from '../eval/interval';
import type { Span } from '../text/span';
import type { CancellationLike } from '../service';
import { heatmap } from './heatmap';
import { pictureOf } from './layerPicture';
import { mdCode, mdText } from './markdown';
import { showNetworkLink } from './networkLink';
import { message } from '../messages/message';

/** What a hover needs beyond the analysis: the document's uri (for the panel link) and the request's token. */
export interface HoverContext {
	readonly uri?: string;
	readonly token?: CancellationLike;
}

/** `0.5` for an interval whose ends print alike, else `[0.49, 0.51]`: an exact number is never shown as an interval. */
export function rangeText(iv: Interval): string {
	const lo = formatValue(iv.lo), hi = formatValue(iv.hi);
	return lo === hi ? lo : `[${lo}, ${hi}]`;
}

/** The finding on exactly this span: an error or warning before a hint. */
function findingAt(a: Analysis, span: Span): Diagnostic | undefined {
	let found: Diagnostic | undefined;
	for (const d of a.diagnostics) {
		if (d.code === 'unchecked' || d.span.start !== span.start || d.span.end !== span.end) continue;
		if (!found || (found.severity === 'hint' && d.severity !== 'hint')) found = d;
	}
	return found;
}

function where(a: Analysis, origin: Span): string {
	const t = a.text.slice(origin.start, origin.end).replace(/\s+/g, ' ').trim();
	return message('hover.where', { line: a.lines.positionAt(origin.start).line + 1, text: mdText(t.length <= 24 ? t : `${t.slice(0, 23)}…`) }, a.locale);
}

/** The second verdict line: why, in a sentence, when the first does not say it. */
function why(a: Analysis, fact: TruthFact, d: Diagnostic | undefined): string | undefined {
	if (fact.mistake) return mdText(fact.mistake);
	if (d?.code === 'arithmetic') {
		const m = a.members.find((x) => x.stated && x.stated.span.start === d.span.start && x.stated.span.end === d.span.end && x.value !== undefined);
		if (m) {
			const spread = m.iv && rangeText(m.iv) !== formatValue(m.value!) ? message('hover.result.spread', { range: rangeText(m.iv) }, a.locale) : '';
			return message('hover.arithmetic', { what: mdCode(a.text.slice(m.span.start, m.span.end), 60), value: formatValue(m.value!), spread }, a.locale);
		}
	}
	if (d && (d.code === 'substitution' || d.code === 'formula')) return mdText(d.message.length > 200 ? `${d.message.slice(0, 199)}…` : d.message);
	// Your own earlier values giving the network's value again says nothing new; the hover has no room for it.
	if (d && fact.localIv && rangeText(fact.localIv) !== formatValue(fact.trueValue)) return message('truth.value.local', { range: rangeText(fact.localIv) }, a.locale);
	return undefined;
}

/** One or two lines: the verdict on the number, the network's value, where the error starts. */
function verdict(a: Analysis, fact: TruthFact): string[] {
	const label = mdCode(fact.label);
	const value = formatValue(fact.trueValue);
	if (!fact.stated) return [message('hover.truth.unstated', { label, value }, a.locale)];
	const stated = `**${mdText(fact.stated)}**`;
	const truth = message('hover.truth.value', { label, value }, a.locale);
	const d = findingAt(a, fact.span);
	const precision = d?.expected && d.expected !== value ? message('hover.truth.precision', { expected: mdText(d.expected) }, a.locale) : '';
	if (d && d.severity !== 'hint') {
		const second = why(a, fact, d);
		return [message('hover.truth.wrong', { stated, truth, precision }, a.locale), ...(second ? [second] : [])];
	}
	if (d || fact.status === 'inherited' || fact.status === 'value') {
		const origin = d?.origin ?? fact.origin;
		const from = origin && (origin.start !== fact.span.start || origin.end !== fact.span.end) ? message('hover.truth.from', { where: where(a, origin) }, a.locale) : '';
		return [message('hover.truth.carried', { stated, truth, precision, from }, a.locale)];
	}
	if (fact.status === 'rounding') return [message('hover.truth.rounding', { stated, truth }, a.locale)];
	return [message('hover.truth.right', { stated, truth }, a.locale)];
}

/** A value as the author's formula shows it: negative ones in parentheses, `(-0.177)`. */
function shownValue(text: string): string {
	return /^[-−]/.test(text) ? `(${text})` : text;
}

function formulaLines(a: Analysis, truth: TruthChecker, fact: TruthFact): string[] {
	const net = truth.net;
	const f = fact.id.startsWith('d:') ? undefined : net.formula(fact.id);
	if (!f) return [];
	const formula = renderTermBounded(f.rhs, (id) => net.label(id), MAX_HOVER_FORMULA_CHARS);
	const mine = renderTermBounded(f.rhs, (id) => shownValue(truth.authorValue(id)?.text ?? formatValue(net.value(id) ?? NaN)), MAX_HOVER_FORMULA_CHARS);
	const lines = [`${mdCode(`${fact.label} = ${formula.text}`, MAX_HOVER_FORMULA_CHARS + 40)} ${message('hover.formula.mine', { formula: mdCode(mine.text, MAX_HOVER_FORMULA_CHARS) }, a.locale)}`];
	if (formula.cut || mine.cut) lines.push(message('hover.formula.cut', { max: MAX_HOVER_FORMULA_CHARS }, a.locale));
	return lines;
}

function pathLine(a: Analysis, truth: TruthChecker, id: QuantityId, token?: CancellationLike): string | undefined {
	const net = truth.net;
	const p = parseId(id);
	const of = p?.role === 'grad' ? id.replace(/:grad$/, '') : p?.role === 'delta' ? id.replace(':delta:', ':pre:') : p?.role === 'dout' ? id.replace(':dout:', ':out:') : id;
	const paths = net.paths(of, 2, token);
	const first = paths.paths[0];
	if (!first || first.length < 2) return undefined;
	const more = paths.paths.length > 1 || paths.truncated ? message('hover.path.more', {}, a.locale) : '';
	return message('hover.path', { path: mdCode(first.map((q) => net.label(q)).join(' → '), MAX_HOVER_FORMULA_CHARS), more }, a.locale);
}

function pictureLines(a: Analysis, truth: TruthChecker, fact: TruthFact): string[] {
	const picture = pictureOf(truth.net, fact.id, fact.label, a.locale);
	if (!picture) return [];
	const image = heatmap(picture);
	const blocks = image.step > 1 ? message('hover.picture.blocks', { step: image.step }, a.locale) : '';
	// The caption sits beside the picture, on its line, which saves the hover a line.
	return [`![heatmap](${image.uri}) *${picture.caption}${blocks}*`];
}

/**
 * The Markdown for a truth fact: one block of lines joined by hard breaks — the verdict, the
 * formula with your values, the path and the panel link, the picture and its caption — so that the
 * whole hover fits VS Code's 250 px hover window without scrolling (the e2e suite measures it). For the seed's mis-divided
 * softmax it opens `✗ **0.813** is wrong: the network's value of `out_{o1}` is **0.823244** (0.823
 * at your precision). The error starts here.`
 */
export function truthHover(a: Analysis, truth: TruthChecker, fact: TruthFact, context: HoverContext = {}): string {
	const path = pathLine(a, truth, fact.id, context.token);
	const read = a.inferred?.kind === 'read' ? message('hover.read', {}, a.locale) : '';
	const link = context.uri ? `${showNetworkLink({ uri: context.uri, key: fact.id }, message('hover.showNetwork', {}, a.locale))}${read}` : read ? message('hover.readAlone', {}, a.locale) : undefined;
	const onward = path && link ? [`${path} · ${link}`] : [...(path ? [path] : []), ...(link ? [link] : [])];
	const body = [...formulaLines(a, truth, fact), ...onward, ...pictureLines(a, truth, fact)];
	return [...verdict(a, fact), ...body].join('  \n');
}
