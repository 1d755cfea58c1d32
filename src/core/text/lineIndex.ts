/**
 * Converts between absolute offsets and LSP positions (0-based line, 0-based UTF-16 character).
 * This is the one place where the two meet; the core never sees a line number. Lines end at
 * `\n`, `\r\n` or a lone `\r`, as in LSP.
 */
import type { Span } from './span';

export interface Position {
	readonly line: number;
	readonly character: number;
}

export interface Range {
	readonly start: Position;
	readonly end: Position;
}

export class LineIndex {
	private starts: number[] | undefined;

	/** Lines are found on first use: a check that reports nothing needs none. */
	constructor(private readonly text: string) {}

	private get lineStarts(): number[] {
		return (this.starts ??= lineStartsOf(this.text));
	}

	get lineCount(): number {
		return this.lineStarts.length;
	}

	/** `positionAt(0)` is `{line: 0, character: 0}`; offsets past the end clamp to the end. */
	positionAt(offset: number): Position {
		const o = Math.max(0, Math.min(offset, this.text.length));
		const starts = this.lineStarts;
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid] <= o) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, character: o - starts[lo] };
	}

	/** The inverse of `positionAt`; characters past the end of a line clamp to its end. */
	offsetAt(position: Position): number {
		if (position.line < 0) return 0;
		if (position.line >= this.lineStarts.length) return this.text.length;
		const start = this.lineStarts[position.line];
		const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
		let lineEnd = next;
		while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
		return Math.min(start + Math.max(0, position.character), lineEnd);
	}

	rangeOf(s: Span): Range {
		return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
	}

	spanOf(r: Range): Span {
		return { start: this.offsetAt(r.start), end: this.offsetAt(r.end) };
	}
}

/**
 * Where each line of `text` starts. A text without `\r` is split by `indexOf`, the engine's own
 * search, many times a character loop's speed; one with `\r` is read a character at a time.
 */
function lineStartsOf(text: string): number[] {
	const starts = [0];
	if (text.indexOf('\r') < 0) {
		for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
		return starts;
	}
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 13 /* \r */) {
			if (text.charCodeAt(i + 1) === 10) i++;
			starts.push(i + 1);
		} else if (c === 10 /* \n */) {
			starts.push(i + 1);
		}
	}
	return starts;
}
