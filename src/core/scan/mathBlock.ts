/**
 * A markdown-it block rule for display math that starts a line: `$$`, `\[` or a bare math
 * environment (`\begin{align}` … `\end{align}`, which MathJax and KaTeX-based Markdown renderers
 * show as math), running over one or more lines to a closer that ends a line. Without it, a line inside a multi-line `$$`
 * block that begins with `- ` or `# ` would open a list or heading and cut the math in two.
 * The rule only claims lines; `markdown.ts` finds the delimiters' offsets in the raw text.
 * When the closer is missing, or a `$$` sits in the middle of a line, the rule declines and
 * the lines stay a paragraph for the inline scanner.
 */
import type MarkdownIt from 'markdown-it';
import { MATH_ENVIRONMENTS } from './latex';

type StateBlock = MarkdownIt.StateBlock;

export const MATH_BLOCK = 'math_block';

const PAIRS: readonly { open: string; close: string }[] = [
	{ open: '$$', close: '$$' },
	{ open: '\\[', close: '\\]' },
];

/** The delimiters of the display math that opens at `pos`: a pair above, or `\begin{align}` with its `\end{align}`. */
function opener(src: string, pos: number): { open: string; close: string } | undefined {
	const pair = PAIRS.find(p => src.startsWith(p.open, pos));
	if (pair) return pair;
	const begin = /^\\begin\{([A-Za-z]+)(\*?)\}/.exec(src.slice(pos, pos + 40));
	if (!begin || !MATH_ENVIRONMENTS.has(begin[1])) return undefined;
	return { open: begin[0], close: `\\end{${begin[1]}${begin[2]}}` };
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
	if (state.sCount[startLine] - state.blkIndent >= 4) return false;
	const pos = state.bMarks[startLine] + state.tShift[startLine];
	const pair = opener(state.src, pos);
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

/**
 * Installs the rule; after `mathBlockPlugin(md)`, `md.parse('$$\na\n- b\n$$', {})` yields one
 * `math_block` token. Its `markup` is the opener as written (`$$`, `\[`, `\begin{align*}`).
 */
export function mathBlockPlugin(md: MarkdownIt): void {
	md.block.ruler.before('fence', MATH_BLOCK, mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
