/**
 * The LaTeX scanner: one left-to-right walk over the source. A backslash takes the next
 * character with it (so `\%` and `\$` are text), `%` starts a comment that runs to the end of
 * the line, `\verb` and the verbatim environments are skipped whole, and math openers (`$`,
 * `$$`, `\(`, `\[`, `\begin{equation}` and friends) jump to their closer. Because the walk
 * skips over every math region it finds, an `aligned` it meets is top-level by construction.
 * A comment line that reads `% network` starts a network block (`latexNetwork.ts`). Each closer
 * search remembers where it failed, so the walk stays linear on unterminated input. Inline `$`
 * math ends at a blank line, as TeX's paragraphs do.
 */
import { networkAt } from './latexNetwork';
import { ordered } from './order';
import type { MathRegion, NetworkBlockRegion, ScanResult } from './region';

/** The environments that are display math (with or without `*`), in LaTeX and, at the start of a line, in Markdown. */
export const MATH_ENVIRONMENTS: ReadonlySet<string> = new Set(['equation', 'align', 'aligned', 'gather', 'multline', 'eqnarray']);
const VERBATIM_ENVIRONMENTS = new Set(['verbatim', 'lstlisting', 'minted', 'comment', 'Verbatim']);

/**
 * Finds the math regions and network blocks of a LaTeX document.
 * For example `scanLatex('Let \\(x = 1\\). % $y$')` gives one inline region, inner `x = 1`;
 * the `$y$` is in a comment.
 */
export function scanLatex(text: string): ScanResult {
	const regions: MathRegion[] = [];
	const networks: NetworkBlockRegion[] = [];
	const failed = new Map<string, number>();
	const find = (needle: string, start: number): number => {
		const known = failed.get(needle);
		if (known !== undefined && known <= start) return -1;
		const j = text.indexOf(needle, start);
		if (j < 0) failed.set(needle, start);
		return j;
	};
	// A failed search for an inline closer stopped at a blank line or the end; any later search
	// that starts before that stop fails the same way.
	let failStart = Infinity;
	let failStop = -1;
	const findDollar = (start: number): number => {
		if (start >= failStart && start <= failStop) return -1;
		let k = start;
		for (; k < text.length; k++) {
			const c = text[k];
			if (c === '\\') k++;
			else if (c === '$') return k;
			else if (c === '%') {
				const eol = find('\n', k);
				k = eol < 0 ? text.length : eol - 1;
			} else if (c === '\n' && /^[ \t\r]*\n/.test(text.slice(k + 1, k + 64))) break;
		}
		failStart = start;
		failStop = k;
		return -1;
	};
	const region = (kind: MathRegion['kind'], open: number, innerStart: number, innerEnd: number, close: number, environment?: string): void => {
		const r: MathRegion = { kind, outer: { start: open, end: close }, inner: { start: innerStart, end: innerEnd } };
		regions.push(environment === undefined ? r : { ...r, environment });
	};

	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (c === '%') {
			const block = atLineStart(text, i) ? networkAt(text, i) : undefined;
			if (block) {
				networks.push(block);
				i = block.outer.end;
			} else {
				const eol = find('\n', i);
				i = eol < 0 ? text.length : eol + 1;
			}
		} else if (c === '\\') {
			i = backslash(i);
		} else if (c === '$' && text[i + 1] === '$') {
			const j = find('$$', i + 2);
			if (j >= 0) {
				region('display', i, i + 2, j, j + 2);
				i = j + 2;
			} else i += 2;
		} else if (c === '$') {
			const j = findDollar(i + 1);
			if (j >= 0) {
				region('inline', i, i + 1, j, j + 1);
				i = j + 1;
			} else i++;
		} else i++;
	}
	return { regions: ordered(regions), networks };

	function backslash(i: number): number {
		const next = text[i + 1];
		if (next === '(' || next === '[') {
			const j = find(next === '(' ? '\\)' : '\\]', i + 2);
			if (j < 0) return i + 2;
			region(next === '(' ? 'inline' : 'display', i, i + 2, j, j + 2);
			return j + 2;
		}
		if (text.startsWith('verb', i + 1) && !/[A-Za-z]/.test(text[i + 5] ?? '')) {
			let d = i + 5;
			if (text[d] === '*') d++;
			const delimiter = text[d];
			if (delimiter === undefined || delimiter === '\n' || delimiter === '\r') return d;
			for (let k = d + 1; k < text.length && text[k] !== '\n' && text[k] !== '\r'; k++) {
				if (text[k] === delimiter) return k + 1;
			}
			return d + 1;
		}
		const begin = /^\\begin\s*\{([A-Za-z]+\*?)\}/.exec(text.slice(i, i + 40));
		if (begin) {
			const name = begin[1];
			const base = name.replace(/\*$/, '');
			const innerStart = i + begin[0].length;
			const endTag = `\\end{${name}}`;
			if (MATH_ENVIRONMENTS.has(base)) {
				const j = find(endTag, innerStart);
				if (j < 0) return innerStart;
				region('environment', i, innerStart, j, j + endTag.length, name);
				return j + endTag.length;
			}
			if (VERBATIM_ENVIRONMENTS.has(base)) {
				const j = find(endTag, innerStart);
				return j < 0 ? text.length : j + endTag.length;
			}
			return innerStart;
		}
		return i + 2;
	}
}

function atLineStart(text: string, i: number): boolean {
	for (let k = i - 1; k >= 0; k--) {
		const c = text[k];
		if (c === '\n' || c === '\r') return true;
		if (c !== ' ' && c !== '\t') return false;
	}
	return true;
}
