/**
 * The cursor over the significant-token stream that the expression and statement parsers share:
 * where we are, how deeply groups nest, the errors met so far, and the two recovery moves —
 * skipping to the closer of the current group, and skipping the braced arguments of an unknown
 * command. Both only ever move forward, which keeps parsing linear. Its members are public to the
 * parser modules of this folder, which is its only user.
 */
import type { ErrorNode, SyntaxError } from './ast';
import type { CommandSpec } from './commands';
import type { Item, Stream } from './stream';
import type { Span } from '../text/span';

export class Cursor {
	pos = 0;
	/** How many groups enclose the current position; 0 is the top level of a region. */
	nest = 0;
	/** How deeply the parser has recursed; bounded by `MAX_DEPTH`. */
	depth = 0;
	readonly errors: SyntaxError[] = [];

	constructor(readonly stream: Stream, readonly region: Span) {}

	/** The item `offset` places ahead; inside groups, `\\` and `\quad` are spacing and are stepped over. */
	peek(offset = 0): Item | undefined {
		if (this.nest > 0) {
			for (let item = this.stream.items[this.pos]; item && (this.isLineBreak(item) || this.isWideSpace(item)); item = this.stream.items[this.pos]) this.pos++;
		}
		return this.stream.items[this.pos + offset];
	}

	spec(item: Item | undefined): CommandSpec | undefined {
		return item?.kind === 'command' ? item.spec : undefined;
	}

	startOf(item: Item): number {
		return this.stream.tokens[item.first].start;
	}

	endOf(item: Item): number {
		return this.stream.tokens[item.end - 1].end;
	}

	/** The end offset of the last consumed item, or the region's start. */
	prevEnd(): number {
		const prev = this.stream.items[this.pos - 1];
		return prev ? this.endOf(prev) : this.region.start;
	}

	error(start: number, end: number, message: string): ErrorNode {
		const node: ErrorNode = { kind: 'error', span: { start, end }, message };
		this.errors.push({ span: node.span, message });
		return node;
	}

	/** An empty error at the current position, consuming nothing. */
	missing(message: string): ErrorNode {
		const at = this.prevEnd();
		return this.error(at, at, message);
	}

	/** Moves to the first item at or after token index `tokenIndex`. */
	seekToken(tokenIndex: number): void {
		this.pos = this.stream.itemAt[Math.min(tokenIndex, this.stream.tokens.length)];
	}

	isRelation(item: Item | undefined): boolean {
		return !!item && (item.text === '=' || this.spec(item)?.kind === 'relation');
	}

	isLineBreak(item: Item | undefined): boolean {
		return item?.kind === 'command' && this.spec(item)?.kind === 'linebreak';
	}

	isWideSpace(item: Item | undefined): boolean {
		const spec = this.spec(item);
		return spec?.kind === 'spacing' && spec.wide;
	}

	/** Consumes items up to (not including) a closer or a relation at this level, for recovery; braces jump to their match. */
	skipToCloser(): void {
		let level = 0;
		for (let item = this.peek(); item; item = this.peek()) {
			if (item.kind === 'lbrace') {
				const close = this.stream.match[item.first];
				if (close < 0) {
					this.pos = this.stream.items.length;
					return;
				}
				this.seekToken(close + 1);
				continue;
			}
			const t = item.text;
			if (level === 0 && this.isRelation(item)) return;
			if (item.kind === 'rbrace' || t === ')' || t === ']' || t === '\\}' || t === '\\rbrace') {
				if (level === 0) return;
				level--;
			} else if (t === '(' || t === '[' || t === '\\{' || t === '\\lbrace') level++;
			this.pos++;
		}
	}

	/** Skips braced arguments that directly follow (for unknown commands such as `\mathfrak{x}`). */
	skipArguments(): void {
		for (let item = this.peek(); item?.kind === 'lbrace'; item = this.peek()) {
			const close = this.stream.match[item.first];
			if (close < 0) {
				this.pos = this.stream.items.length;
				return;
			}
			this.seekToken(close + 1);
		}
	}
}
