/**
 * The code action "Ignore this finding on this line": it writes the suppression comment
 * (`suppress.ts`) that silences one finding's code, where the comment renders as nothing and
 * breaks nothing. Strategy, per language:
 * - LaTeX: `% derivcheck-disable-next-line CODE` on the line above, with that line's indentation.
 *   A `%` comment is a TeX comment inside math too, so it goes right above the finding's line,
 *   even in the middle of an `align`; only a `% network` block (whose comment lines are YAML)
 *   takes the comment above its first line.
 * - Markdown: an HTML comment inside `$$…$$`, a `math` or a `network` fence would be read as math
 *   or YAML, so a finding in such a block over several lines gets the comment above the block's
 *   first line (the directive then covers the block). A line that opens with display math, or one
 *   after a blank line (or none), gets the comment on the line above; in the middle of a paragraph,
 *   a list or a table a comment line would split it, so the line gets
 *   `<!-- derivcheck-disable-line CODE -->` at its end.
 * - A directive already in that place (a `disable-next-line` above, a `disable-line` at the end)
 *   gets the code added instead of a second comment, which would push the first one off its line.
 */
import type { Analysis } from '../check/analyze';
import type { Diagnostic, TextEdit } from '../check/diagnostic';
import type { CodeAction } from '../service';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/span';
import { message } from '../messages/message';
import { closedBlocks, readDirectives, type Directive } from './suppress';

/** Above this many findings under the range (a whole-document request), no "Ignore" actions are offered, as with quick fixes. */
const ONE_BY_ONE = 6;

/** What every edit of one document reads, computed once per request. */
interface Layout {
	readonly index: LineIndex;
	readonly directives: readonly Directive[];
	readonly blocks: readonly Span[];
}

function layoutOf(a: Analysis): Layout {
	return { index: new LineIndex(a.text), directives: readDirectives(a.text, a.language, a.scan), blocks: closedBlocks(a.text, a.language, a.scan) };
}

interface Line {
	readonly start: number;
	/** The end of the line's text, its line break excluded. */
	readonly end: number;
	readonly eol: string;
}

function lineAt(text: string, index: LineIndex, line: number): Line {
	const start = index.offsetAt({ line, character: 0 });
	const end = index.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
	return { start, end, eol: text.startsWith('\r\n', end) ? '\r\n' : '\n' };
}

/** An edit that adds `code` to an existing directive's list of codes. */
function extend(text: string, d: Directive, code: string): TextEdit {
	let at = text.slice(d.span.end - 3, d.span.end) === '-->' ? d.span.end - 3 : d.span.end;
	while (at > d.span.start && /[ \t]/.test(text[at - 1])) at--;
	return { span: { start: at, end: at }, newText: ` ${code}` };
}

/** The edit that silences `d`, and whether it covers its line or a whole block. */
export function ignoreEdit(a: Analysis, d: Diagnostic, layout: Layout = layoutOf(a)): { edit: TextEdit; scope: 'line' | 'block' } | undefined {
	const { text, language, scan } = a;
	const { index, directives } = layout;
	const lineOf = (offset: number): number => index.positionAt(offset).line;
	const block = layout.blocks.find((b) => d.span.start >= b.start && d.span.start < b.end);
	const target = lineOf(block ? block.start : d.span.start);
	const here = lineAt(text, index, target);
	const above = target > 0 ? lineAt(text, index, target - 1) : undefined;
	const existing = (line: number, kind: Directive['kind']): Directive | undefined =>
		directives.find((x) => x.kind === kind && lineOf(x.span.end) === line);
	if (existing(target - 1, 'disable-next-line')?.codes.includes(d.code) || existing(target, 'disable-line')?.codes.includes(d.code)) return undefined;
	const scope = block && lineOf(block.end) !== target ? 'block' : 'line';
	const nextLine = existing(target - 1, 'disable-next-line');
	if (nextLine) return { edit: extend(text, nextLine, d.code), scope };
	const blankAbove = !above || text.slice(above.start, above.end).trim() === '';
	const endInMath = scan.regions.some((r) => r.outer.start < here.end && r.outer.end > here.end);
	// A line that opens with display math is a block of its own: text after its `$$` could make it inline.
	const opensDisplay = scan.regions.some((r) => r.kind !== 'inline' && r.outer.start >= here.start && text.slice(here.start, r.outer.start).trim() === '');
	if (language === 'markdown' && !block && !blankAbove && !endInMath && !opensDisplay) {
		const sameLine = existing(target, 'disable-line');
		if (sameLine) return { edit: extend(text, sameLine, d.code), scope };
		let at = here.end;
		while (at > here.start && /[ \t]/.test(text[at - 1])) at--;
		return { edit: { span: { start: at, end: at }, newText: ` <!-- derivcheck-disable-line ${d.code} -->` }, scope };
	}
	const lineText = text.slice(here.start, here.end);
	const indent = (language === 'markdown' ? /^[ \t]*(?:>[ \t]*)*/ : /^[ \t]*/).exec(lineText)?.[0] ?? '';
	const comment = language === 'latex' ? `% derivcheck-disable-next-line ${d.code}` : `<!-- derivcheck-disable-next-line ${d.code} -->`;
	return { edit: { span: { start: here.start, end: here.start }, newText: `${indent}${comment}${here.eol}` }, scope };
}

/** The "Ignore this finding" actions for the findings under a range, one per finding's place and code. */
export function ignoreActions(a: Analysis, under: readonly Diagnostic[]): CodeAction[] {
	const actions: CodeAction[] = [];
	if (under.length === 0 || under.length > ONE_BY_ONE) return actions;
	const layout = layoutOf(a);
	const seen = new Set<string>();
	for (const d of under) {
		const found = ignoreEdit(a, d, layout);
		if (!found) continue;
		const key = `${found.edit.span.start} ${found.edit.newText}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const title = message(found.scope === 'block' ? 'action.ignoreBlock' : 'action.ignoreLine', { code: d.code }, a.locale);
		actions.push({ title, kind: 'quickfix', edits: [found.edit], diagnostics: [d] });
	}
	return actions;
}
