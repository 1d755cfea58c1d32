/**
 * A markdown-it block rule for display math that starts a line: `$$` or `\[`, running over
 * one or more lines to a closer that ends a line. Without it, a line inside a multi-line `$$`
 * block that begins with `- ` or `# ` would open a list or heading and cut the math in two.
 * The rule only claims lines; `markdown.ts` finds the delimiters' offsets in the raw text.
 * When the closer is missing, or a `$$` sits in the middle of a line, the rule declines and
 * the lines stay a paragraph for the inline scanner.
 */
import type MarkdownIt from 'markdown-it';

type StateBlock = MarkdownIt.StateBlock;

export const MATH_BLOCK = 'math_block';

const PAIRS: readonly { open: string; close: string }[] = [
	{ open: '$$', close: '$$' },
	{ open: '\\[', close: '\\]' },
];

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
	if (state.sCount[startLine] - state.blkIndent >= 4) return false;
	const pos = state.bMarks[startLine] + state.tShift[startLine];
	const pair = PAIRS.find(p => state.src.startsWith(p.open, pos));
	if (!pair) return false;
	let from = pos + pair.open.length;
	for (let line = startLine; line < endLine; line++) {
		if (line > startLine) {
			if (state.isEmpty(line) || state.sCount[line] < state.blkIndent) return false;
			from = state.bMarks[line] + state.tShift[line];
		}
		const rest = state.src.slice(from, state.eMarks[line]).trimEnd();
		const at = rest.indexOf(pair.close);
		if (at < 0) continue;
		if (at !== rest.length - pair.close.length) return false;
		if (silent) return true;
		const token = state.push(MATH_BLOCK, 'math', 0);
		token.map = [startLine, line + 1];
		token.markup = pair.open;
		state.line = line + 1;
		return true;
	}
	return false;
}

/** Installs the rule; after `mathBlockPlugin(md)`, `md.parse('$$\na\n- b\n$$', {})` yields one `math_block` token. */
export function mathBlockPlugin(md: MarkdownIt): void {
	md.block.ruler.before('fence', MATH_BLOCK, mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
