/**
 * The network a check used, as the block that declares it: what `derivcheck --print-network`
 * prints and what the code action and command "Insert the network block derivcheck read" insert.
 * A document with blocks used its blocks (each that builds, written back by `writeBlock.ts`); a
 * document without one used the network read from it (`analysis.inferred`, DESIGN 2.6), if any;
 * otherwise there is none, and the answer is the reason in a sentence.
 *
 * Where the block goes: at the top, so that it reads as the givens of the derivation, but after
 * what must stay first. In Markdown that is a front matter (`---` … `---` or `...`) and then a
 * title (an ATX `#` heading, or a setext one underlined with `=`); in LaTeX the line of
 * `\begin{document}` (and a `\maketitle` right after it), or, in a fragment without one, the
 * comment lines it opens with (`% !TEX` magic comments must stay first). The block is set off by
 * blank lines — in LaTeX the line after it must not be a comment, or it would be read as YAML —
 * and the edit only inserts: no character of the document changes.
 */
import type { Analysis } from '../check/analyze';
import type { TextEdit } from '../check/diagnostic';
import { blockText, writeNetworkYaml } from '../engine/writeBlock';
import type { DocumentLanguage } from '../scan/region';
import { message } from '../messages/message';
import type { CodeAction } from '../service';

/** The network a check used, written as blocks, or why there is none. */
export type NetworkBlockAnswer =
	| {
		readonly kind: 'blocks';
		/** `declared` when the document has blocks of its own, `read` when the network was read from it. */
		readonly source: 'declared' | 'read';
		/** The blocks, in the document's language, separated by a blank line. */
		readonly text: string;
		/** For a network read from the document: the edit that inserts its block. */
		readonly insert?: TextEdit;
	}
	| { readonly kind: 'none'; readonly reason: string };

/** The title of the code action, in English; the action itself is titled in the analysis's language. */
export const INSERT_NETWORK_BLOCK = message('action.insertNetworkBlock', {});


/** A line's text without its line break, and where the next line starts. */
function lineAt(text: string, start: number): { line: string; next: number } {
	let end = start;
	while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
	const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : Math.min(end + 1, text.length);
	return { line: text.slice(start, end), next };
}

/** The offset after a Markdown document's front matter and title, where its block goes. */
function markdownTop(text: string): number {
	let at = 0;
	if (/^---[ \t]*(\r?\n|$)/.test(text)) {
		for (let l = lineAt(text, 0).next; l < text.length;) {
			const { line, next } = lineAt(text, l);
			l = next;
			if (/^(---|\.\.\.)[ \t]*$/.test(line)) { at = l; break; }
		}
	}
	let first = at;
	while (first < text.length && lineAt(text, first).line.trim() === '') {
		const { next } = lineAt(text, first);
		if (next === first) break;
		first = next;
	}
	const title = lineAt(text, first);
	if (/^ {0,3}#{1,6}([ \t]|$)/.test(title.line)) return title.next;
	const under = lineAt(text, title.next);
	if (title.line.trim() !== '' && title.next < text.length && /^ {0,3}=+[ \t]*$/.test(under.line)) return under.next;
	return at;
}

/** The offset after `\begin{document}` (and a `\maketitle` after it), or after a LaTeX fragment's opening comments. */
function latexTop(text: string): number {
	for (let l = 0; l < text.length;) {
		const { line, next } = lineAt(text, l);
		if (/^[^%]*\\begin\{document\}/.test(line)) {
			const after = lineAt(text, next);
			return next < text.length && /^[ \t]*\\maketitle\b/.test(after.line) ? after.next : next;
		}
		if (next === l) break;
		l = next;
	}
	let at = 0;
	while (at < text.length && /^[ \t]*%/.test(lineAt(text, at).line)) at = lineAt(text, at).next;
	return at;
}

/**
 * The edit that inserts `block` (in the document's language, no trailing line break) at the top
 * of `text`: `insertBlock('# Notes\n$x = 1$\n', 'markdown', B)` inserts `\nB\n\n` after the title.
 */
export function insertBlock(text: string, language: DocumentLanguage, block: string): TextEdit {
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const at = language === 'latex' ? latexTop(text) : markdownTop(text);
	// A document whose last line has no line break gets one before the block.
	const before = at > 0 && !/[\r\n]$/.test(text.slice(0, at)) ? eol : '';
	const blankBefore = at > 0 && lineAt(text, Math.max(0, text.lastIndexOf('\n', at - 2) + 1)).line.trim() !== '' ? eol : '';
	const after = at < text.length && lineAt(text, at).line.trim() !== '' ? eol : '';
	return { span: { start: at, end: at }, newText: `${before}${blankBefore}${block.split('\n').join(eol)}${eol}${after}` };
}

/** Answers per analysis: editors ask for code actions at every move of the cursor, and a block is written and read back once. */
const answers = new WeakMap<Analysis, NetworkBlockAnswer>();

/** The network the check of `a` used, written as blocks in the document's language, or why there is none. */
export function networkBlockOf(a: Analysis): NetworkBlockAnswer {
	let answer = answers.get(a);
	if (!answer) answers.set(a, (answer = answerOf(a)));
	return answer;
}

function answerOf(a: Analysis): NetworkBlockAnswer {
	if (a.scan.networks.length > 0) {
		const specs = a.segments.flatMap((s) => (s.truth ? [s.truth.net.spec] : []));
		if (specs.length === 0) {
			const problem = a.diagnostics.find((d) => d.code === 'network');
			return { kind: 'none', reason: problem ? message('networkBlock.doesNotBuild', { problem: problem.message }, a.locale) : message('networkBlock.doesNotBuildPlain', {}, a.locale) };
		}
		const blocks: string[] = [];
		for (const spec of specs) {
			const w = writeNetworkYaml(spec, a.locale);
			if (w.kind === 'refused') return { kind: 'none', reason: w.reason };
			blocks.push(blockText(w.yaml, a.language));
		}
		return { kind: 'blocks', source: 'declared', text: blocks.join('\n\n') };
	}
	const inferred = a.inferred;
	if (!inferred) return { kind: 'none', reason: message('networkBlock.none', {}, a.locale) };
	if (inferred.kind === 'none') return { kind: 'none', reason: message('networkBlock.unread', { reason: inferred.reason.replace(/[.。\s]*$/, '') }, a.locale) };
	const w = writeNetworkYaml(inferred.spec, a.locale);
	if (w.kind === 'refused') return { kind: 'none', reason: w.reason };
	const text = blockText(w.yaml, a.language);
	return { kind: 'blocks', source: 'read', text, insert: insertBlock(a.text, a.language, text) };
}

/** "Insert the network block derivcheck read", offered anywhere in a document whose network was read from it. */
export function networkBlockActions(a: Analysis): CodeAction[] {
	if (a.scan.networks.length > 0 || a.inferred?.kind !== 'read') return [];
	const answer = networkBlockOf(a);
	if (answer.kind !== 'blocks' || !answer.insert) return [];
	return [{ title: message('action.insertNetworkBlock', {}, a.locale), kind: 'source', edits: [answer.insert], diagnostics: [] }];
}
