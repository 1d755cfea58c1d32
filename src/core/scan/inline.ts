/**
 * The inline math scanner for Markdown. markdown-it tells us which lines form a paragraph,
 * heading or table; this scanner then walks those lines' raw text (container prefixes such as
 * `> ` included, which hold no `$`, backslash or backtick) from left to right, so every offset is
 * absolute by construction. Whatever starts first wins: a code span hides the math in it, `\$`
 * and other backslash escapes are skipped, an HTML comment is skipped, and `$` follows pandoc's
 * rule (an opener has a non-space after it; a closer has a non-space before it and no digit after
 * it), so "costs $5 and $10" holds no math; a `$$` never closes inline math. GitHub's `` $`…`$ `` is
 * inline math too. Each closer search remembers where it failed, so a later search for the same
 * closer that starts further on fails at once and the walk stays linear.
 */
import type { MathRegion, RegionKind } from './region';

const BACKSLASH = 92;
const DOLLAR = 36;
const BACKTICK = 96;

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/**
 * Appends the math regions of `text.slice(from, to)` to `out`, in order.
 * For example `scanInline('a $x$ b', 0, 7, out)` appends an inline region with inner `x`.
 */
export function scanInline(text: string, from: number, to: number, out: MathRegion[]): void {
	const failed = new Map<string, number>();
	const find = (needle: string, start: number): number => {
		const known = failed.get(needle);
		if (known !== undefined && known <= start) return -1;
		const j = text.indexOf(needle, start);
		if (j >= 0 && j + needle.length <= to) return j;
		failed.set(needle, start);
		return -1;
	};
	const push = (kind: RegionKind, open: number, innerStart: number, innerEnd: number, close: number): void => {
		out.push({ kind, outer: { start: open, end: close }, inner: { start: innerStart, end: innerEnd } });
	};
	let inlineFailedFrom = Infinity;
	const findInlineCloser = (start: number): number => {
		if (start >= inlineFailedFrom) return -1;
		for (let k = start; k < to; k++) {
			const c = text.charCodeAt(k);
			if (c === BACKSLASH || (c === DOLLAR && text.charCodeAt(k + 1) === DOLLAR)) k++;
			else if (c === DOLLAR && !isSpace(text.charCodeAt(k - 1)) && !isDigit(text.charCodeAt(k + 1))) return k;
		}
		inlineFailedFrom = start;
		return -1;
	};
	const codeFailed = new Map<number, number>();
	const skipCodeSpan = (i: number): number => {
		let n = 0;
		while (text.charCodeAt(i + n) === BACKTICK) n++;
		const after = i + n;
		const known = codeFailed.get(n);
		if (known !== undefined && known <= after) return after;
		let k = after;
		while (k < to) {
			k = text.indexOf('`', k);
			if (k < 0 || k >= to) break;
			let m = 0;
			while (text.charCodeAt(k + m) === BACKTICK) m++;
			if (m === n) return k + m;
			k += m;
		}
		codeFailed.set(n, after);
		return after;
	};

	let i = from;
	while (i < to) {
		const c = text.charCodeAt(i);
		if (c === BACKSLASH) {
			const next = text[i + 1];
			if (next === '(' || next === '[') {
				const close = next === '(' ? '\\)' : '\\]';
				const j = find(close, i + 2);
				if (j >= 0) {
					push(next === '(' ? 'inline' : 'display', i, i + 2, j, j + 2);
					i = j + 2;
					continue;
				}
			}
			i += 2;
		} else if (c === BACKTICK) {
			i = skipCodeSpan(i);
		} else if (c === 60 && text.startsWith('<!--', i)) {
			const j = find('-->', i + 4);
			i = j >= 0 ? j + 3 : i + 4;
		} else if (c === DOLLAR && text.charCodeAt(i + 1) === BACKTICK && text.charCodeAt(i + 2) !== BACKTICK) {
			// GitHub's inline math, $`x^2`$: the backticks keep Markdown out of it.
			const j = find('`$', i + 2);
			if (j >= 0) {
				push('inline', i, i + 2, j, j + 2);
				i = j + 2;
			} else {
				i++;
			}
		} else if (c === DOLLAR && text.charCodeAt(i + 1) === DOLLAR) {
			const j = find('$$', i + 2);
			if (j >= 0) {
				push('display', i, i + 2, j, j + 2);
				i = j + 2;
			} else {
				i += 2;
			}
		} else if (c === DOLLAR && i + 1 < to && !isSpace(text.charCodeAt(i + 1))) {
			const j = findInlineCloser(i + 1);
			if (j >= 0) {
				push('inline', i, i + 1, j, j + 1);
				i = j + 1;
			} else {
				i++;
			}
		} else {
			i++;
		}
	}
}
