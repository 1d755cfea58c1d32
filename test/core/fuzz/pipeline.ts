/**
 * One fuzz case through the whole pipeline, as an editor drives it: check (which scans, parses,
 * infers and checks), hovers at the given offsets, code actions at every finding and at a given
 * range, and every action applied. What must hold is asserted on the way, so a failing case names
 * its broken property: no exception; every span inside the document; hover Markdown bounded and
 * inert (rendered with raw HTML and autolinks on, it holds no link, image or HTML of the
 * document's making); every action's edits inside the document and disjoint; a quick fix for one
 * number edits only that number's chain, a fix that carries forward edits only numbers inside
 * chains, an "Ignore" action only inserts a suppression comment; the applied text checks again.
 *
 * The case calls the core's features directly, on one analysis, as the facade does (which adds
 * only suppressions and severities, and turns a failed analysis into an empty answer — right for
 * an editor, but it would hide a bug from a fuzzer). Code actions turn a failed repair into no
 * action for the same reason, so the first finding's repair also runs here directly, where an
 * exception fails the case.
 */
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import { offeredFix, repair, chainOf } from '../../../src/core/features/repair';
import { MAX_HOVER_CHARS } from '../../../src/core/budgets';
import { codeActionsFor } from '../../../src/core/features/codeActions';
import { hoverAt } from '../../../src/core/features/hover';
import { ignoreActions } from '../../../src/core/features/ignore';
import type { CodeAction, Span, TextEdit } from '../../../src/core/index';
import { overlaps } from '../../../src/core/text/span';

const md = new MarkdownIt({ html: true, linkify: true });
/** The tags a hover's own structure renders to; anything else came from the document. */
const OURS = new Set(['p', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'pre', 'h1', 'h2', 'h3', 'h4', 'blockquote']);

/** The one link a hover writes itself: "Show in network panel", a command URI for the document's own uri. */
const OUR_LINK = /<a href="command:derivcheck\.showNetwork\?([^"]*)">Show in network panel<\/a>/g;
/** The one image a hover draws itself: a layer's heatmap, an SVG in a data URI (nothing is fetched). */
const OUR_IMAGE = /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]*" alt="heatmap">/g;

/**
 * Fails when `markdown` renders to a tag of the document's making, a link or an image. Our own
 * panel link passes only when its argument decodes to `[{uri, key}]` for this document, our own
 * heatmap only as an SVG data URI.
 */
export function assertInert(markdown: string, uri: string): void {
	const html = md.render(markdown).replace(OUR_LINK, (_, arg: string) => {
		const args = JSON.parse(decodeURIComponent(arg.replace(/&amp;/g, '&'))) as { uri: string; key: string }[];
		assert.ok(args.length === 1 && args[0].uri === uri && Object.keys(args[0]).join() === 'uri,key', `a panel link with ${arg}`);
		return '';
	}).replace(OUR_IMAGE, '');
	for (const m of html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)) {
		assert.ok(OURS.has(m[1].toLowerCase()), `<${m[1]}> in the rendered hover:\n${markdown.slice(0, 2000)}`);
	}
}

function inside(s: Span | undefined, length: number, what: string): void {
	if (!s) return;
	assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length, `${what} ${JSON.stringify(s)} outside a text of ${length}`);
}

/** `text` with `edits` applied (they must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
	for (let i = 1; i < sorted.length; i++) {
		assert.ok(sorted[i - 1].span.end <= sorted[i].span.start, `edits overlap: ${JSON.stringify(sorted[i - 1].span)} and ${JSON.stringify(sorted[i].span)}`);
	}
	let out = '', at = 0;
	for (const e of sorted) { out += text.slice(at, e.span.start) + e.newText; at = e.span.end; }
	return out + text.slice(at);
}

function inChain(a: Analysis, s: Span): boolean {
	return a.chains.some((c) => c.span.start <= s.start && s.end <= c.span.end);
}

/**
 * Asserts what each kind of action may edit. Kinds are told by where an action came from and by
 * its flags, not by its title, which is in the analysis's language.
 */
function assertActionScope(a: Analysis, action: CodeAction, ignore: boolean): void {
	for (const e of action.edits) inside(e.span, a.text.length, `an edit of "${action.title}"`);
	if (ignore) {
		// An insertion of a directive, or of one more code into a directive already there.
		for (const e of action.edits) assert.ok(e.span.start === e.span.end && /^([\s>]*(<!-- |% )derivcheck-disable-(next-)?line [a-z]+( -->)?\s*| [a-z]+)$/.test(e.newText), `"${action.title}" edits ${JSON.stringify(e)}`);
		return;
	}
	if (action.kind === 'quickfix' && action.isPreferred) {
		// A quick fix for one number: its own chain and nothing else.
		const d = action.diagnostics[0];
		const chain = chainOf(a, d.span);
		assert.ok(chain >= 0, `"${action.title}" for a finding outside every chain`);
		const c = a.chains[chain].span;
		for (const e of action.edits) assert.ok(c.start <= e.span.start && e.span.end <= c.end, `"${action.title}" edits ${JSON.stringify(e.span)} outside its chain ${JSON.stringify(c)}`);
		return;
	}
	// A repair that carries forward, or fixes all: it rewrites numbers in chains, nothing around them.
	for (const e of action.edits) assert.ok(inChain(a, e.span), `"${action.title}" edits ${JSON.stringify(e.span)} outside every chain`);
}

export interface PipelineCase {
	readonly text: string;
	readonly language: 'markdown' | 'latex';
	/** Where to hover, as fractions of the text's length. */
	readonly hovers: readonly number[];
	/** One more range to ask code actions for, as fractions. */
	readonly range: readonly [number, number];
}

/** Runs one case through the pipeline; resolves to the number of code actions applied. */
export async function runPipeline(c: PipelineCase): Promise<number> {
	const { text, language } = c;
	const n = text.length;
	const a = await analyzeDocument(text, language, { tolerance: 'digits' });
	assert.ok(a, 'the analysis came back cancelled without a token');
	for (const d of a.diagnostics) for (const s of [d.span, d.fix?.span, d.origin]) inside(s, n, `a ${d.code} span`);
	for (const ch of a.chains) inside(ch.span, n, 'a chain');
	// Network inference, where the analysis keeps what it read, must keep its spans inside the document too.
	const inferred = (a as { inferred?: unknown }).inferred;
	if (inferred !== undefined) JSON.stringify(inferred, (k, v: unknown) => { if (k === 'span' || k === 'outer') inside(v as Span, n, 'an inferred span'); return v; });
	// What the facade shows: every finding but the unchecked notes (suppressions and severities are the facade's own, tested there).
	const diagnostics = a.diagnostics.filter((d) => d.code !== 'unchecked');
	const first = diagnostics.find((d) => offeredFix(d, a));
	if (first) await repair(a, [first], 'chain');

	const uri = language === 'latex' ? 'file:///fuzz.tex' : 'file:///fuzz.md';
	// Every other hover lands inside a chain member (a name, a number, an expression), where hovers quote the document.
	const members = a.chains.flatMap((ch) => ch.members.map((m) => m.span));
	for (const [k, f] of c.hovers.entries()) {
		const m = members[Math.floor(f * members.length)];
		const at = k % 2 === 1 && m ? m.start + Math.floor(f * 7919) % Math.max(1, m.end - m.start) : Math.floor(f * (n + 1));
		const h = hoverAt(a, at, undefined, uri);
		if (!h) continue;
		inside(h.span, n, 'a hover span');
		assert.ok(h.markdown.length <= MAX_HOVER_CHARS + 500, `a hover of ${h.markdown.length} characters`);
		assertInert(h.markdown, uri);
	}

	const ranges: Span[] = diagnostics.slice(0, 2).map((d) => d.span);
	const [x, y] = [Math.floor(c.range[0] * (n + 1)), Math.floor(c.range[1] * (n + 1))];
	ranges.push({ start: Math.min(x, y), end: Math.max(x, y) });
	let applied = 0;
	const seen = new Set<string>();
	for (const r of ranges) {
		const fixes = await codeActionsFor(a, diagnostics, r);
		const ignores = ignoreActions(a, diagnostics.filter((d) => overlaps(d.span, r)));
		for (const action of [...fixes, ...ignores]) {
			const key = JSON.stringify(action.edits);
			if (seen.has(key)) continue;
			seen.add(key);
			assertActionScope(a, action, ignores.includes(action));
			const after = applyEdits(text, action.edits);
			if (applied++ === 0) assert.ok(await analyzeDocument(after, language, { tolerance: 'digits' }), 'the fixed text checks');
		}
	}
	return applied;
}
