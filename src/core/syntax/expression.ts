/**
 * The expression parser. Since TeX is not a grammar of arithmetic, the strategy of this parser is
 * to read the significant-token stream (see `stream.ts`) by precedence climbing over the few
 * levels notes use — sums, products (explicit, `/` and implicit), signs, powers, primaries — and
 * to let the command table say what each command is. It never throws: what it cannot read becomes
 * an `error` node that covers the text it skipped, and skipping always moves forward, so the
 * parser runs in linear time. Recursion is bounded by `MAX_DEPTH`; deeper input becomes an error.
 */
import type { CallNode, Expr, GroupNode, NameNode, Token } from './ast';
import { identFunction } from './commands';
import { Cursor } from './cursor';
import { parseArguments, parseFrac, parsePartialSlash, parseSlashDerivative } from './functions';
import { parseMatrix } from './matrix';
import { readName, skipSpace } from './names';
import { binaryNode, numberNode } from './nodes';
import { buildStream, type Item } from './stream';
import type { Span } from '../text/span';
import { MAX_EXPRESSION_DEPTH } from '../budgets';

/** How deeply parsing may recurse (`../budgets.ts`). */
export const MAX_DEPTH = MAX_EXPRESSION_DEPTH;

const MUL_OPS = new Set(['*', '\\cdot', '\\times', '\\ast', '\\centerdot']);
const DIV_OPS = new Set(['/', '\\div']);
/** The element-wise product (DESIGN 2.2): `a \odot b`, `a \circ b`; on numbers, the product. */
const ELEMENTWISE_OPS = new Set(['\\odot', '\\circ']);
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '\\{': '\\}', '|': '|' };
/** `+`, `-` and the two-valued `\pm`, `\mp` (DESIGN 2.2), by the text of their item. */
const ADD_OPS = new Map<string, '+' | '-' | '±' | '∓'>([['+', '+'], ['-', '-'], ['\\pm', '±'], ['\\mp', '∓']]);

const TRANSPOSE = new Set(['T', '\\top', '\\intercal', '⊤']);

/**
 * The token index after a transpose mark whose `^` is at `caret` (`^T`, `^\top`, `^{T}`,
 * `^{\mathsf{T}}`, `^\intercal`), or -1 when the script is anything else.
 */
function transposeEnd(tokens: readonly Token[], match: Int32Array, caret: number): number {
	const mark = (k: number): number => {
		const t = tokens[k];
		if (!t) return -1;
		if (TRANSPOSE.has(t.text)) return k + 1;
		if (/^\\(mathsf|mathrm|text|mathbf|rm|mathit)$/.test(t.text)) {
			const j = skipSpace(tokens, k + 1);
			if (tokens[j]?.kind === 'lbrace' && TRANSPOSE.has(tokens[skipSpace(tokens, j + 1)]?.text) && skipSpace(tokens, skipSpace(tokens, j + 1) + 1) === match[j]) return match[j] + 1;
			return TRANSPOSE.has(tokens[j]?.text) && tokens[j].text !== 'T' ? j + 1 : -1;
		}
		return -1;
	};
	const k = skipSpace(tokens, caret + 1);
	if (tokens[k]?.kind !== 'lbrace') return mark(k);
	const inner = mark(skipSpace(tokens, k + 1));
	return inner >= 0 && match[k] >= 0 && skipSpace(tokens, inner) === match[k] ? match[k] + 1 : -1;
}

/** True for `0.2`, `-3`, `+0.5`: a literal with at most one sign. */
function isSignedNumber(e: Expr): boolean {
	return e.kind === 'number' || (e.kind === 'unary' && (e.op === '-' || e.op === '+') && e.operand.kind === 'number');
}

export class ExpressionParser extends Cursor {
	/** At the top level, steps over a `\\` that a line continuing the member follows (`\\ &\quad + …`). */
	continueLine(): void {
		if (this.nest > 0 || !this.isLineBreak(this.peek())) return;
		let j = 1;
		let indent = false;
		while (this.isWideSpace(this.peek(j))) {
			j++;
			indent = true;
		}
		const next = this.peek(j);
		if (!next) return;
		const t = next.text;
		if (t === '+' || t === '\\pm' || t === '\\mp' || MUL_OPS.has(t) || DIV_OPS.has(t) || (t === '-' && indent)) this.pos += j;
	}

	/** Parses a sum: `a + b - c`; depth-limited, like every nested parse. */
	parseExpr(): Expr {
		if (this.depth >= MAX_DEPTH) return this.tooDeep();
		this.depth++;
		const node = this.parseSum();
		this.depth--;
		return node;
	}

	parseSum(): Expr {
		let left = this.parseTerm();
		for (;;) {
			this.continueLine();
			const item = this.peek();
			const op = item && ADD_OPS.get(item.text);
			if (!item || !op) return left;
			this.pos++;
			const right = this.parseTerm();
			left = binaryNode(op, this.stream.tokens[item.first].text, { start: this.startOf(item), end: this.endOf(item) }, left, right);
		}
	}

	/** Parses a product: `a \cdot b`, `a / b`, `0.5 (1 - x)`. */
	parseTerm(): Expr {
		let left = this.parseFactor();
		for (;;) {
			this.continueLine();
			const item = this.peek();
			if (!item) return left;
			if (MUL_OPS.has(item.text) || DIV_OPS.has(item.text) || ELEMENTWISE_OPS.has(item.text)) {
				this.pos++;
				const right = this.parseFactor();
				const op = MUL_OPS.has(item.text) ? '*' : ELEMENTWISE_OPS.has(item.text) ? '⊙' : '/';
				left = binaryNode(op, this.stream.tokens[item.first].text, { start: this.startOf(item), end: this.endOf(item) }, left, right);
			} else if (this.startsImplicitOperand(item)) {
				const right = this.parseFactor();
				left = binaryNode('*', '', { start: left.span.end, end: left.span.end }, left, right);
			} else return left;
		}
	}

	/** Parses signs and a power: `-0.349`, `-x^2` (the sign applies to the power), `\pm 0.5`. */
	parseFactor(): Expr {
		const signs: Item[] = [];
		for (let item = this.peek(); item && ADD_OPS.has(item.text); item = this.peek()) {
			signs.push(item);
			this.pos++;
		}
		let operand = this.parsePower();
		for (let i = signs.length - 1; i >= 0; i--) {
			operand = { kind: 'unary', span: { start: this.startOf(signs[i]), end: operand.span.end }, op: ADD_OPS.get(signs[i].text)!, operand };
		}
		return operand;
	}

	/** Parses a primary with an optional power: `10^{-3}`, `(1 - x)^2`, `e^{x}` (as exp), `W^T` (a transpose). */
	parsePower(): Expr {
		const base = this.parsePrimary();
		const caret = this.peek();
		if (caret?.text !== '^' || caret.kind !== 'symbol' || base.kind === 'error') return base;
		const transposed = base.kind === 'number' ? -1 : transposeEnd(this.stream.tokens, this.stream.match, caret.first);
		if (transposed >= 0 && !(base.kind === 'name' && base.name.base === 'e' && base.name.sub === '')) {
			this.seekToken(transposed);
			const call: CallNode = { kind: 'call', span: { start: base.span.start, end: this.prevEnd() }, fn: 'transpose', written: '^T', args: [base] };
			return call;
		}
		this.pos++;
		const exponent = this.parseScript();
		if (base.kind === 'name' && base.name.base === 'e' && base.name.sub === '' && !base.name.updated) {
			// The span runs to the script's closing brace, which the exponent's own span leaves out (`e^{-0.65}` whole).
			const call: CallNode = { kind: 'call', span: { start: base.span.start, end: Math.max(exponent.span.end, this.prevEnd()) }, fn: 'exp', written: 'e^', args: [exponent] };
			return call;
		}
		return binaryNode('^', '^', { start: this.startOf(caret), end: this.endOf(caret) }, base, exponent);
	}

	/** A script after `^`: `{-3}`, `2`, `-1`. */
	parseScript(): Expr {
		const item = this.peek();
		if (item?.kind === 'lbrace') return this.parseBraced();
		if (item && (item.text === '-' || item.text === '+')) {
			this.pos++;
			const operand = this.parseScript();
			return { kind: 'unary', span: { start: this.startOf(item), end: operand.span.end }, op: item.text, operand };
		}
		return this.parsePrimary();
	}

	/** True when `item` can begin a factor of an implicit product (`2x`, `0.5 (…)`, `i_1 KK_{11}`). */
	startsImplicitOperand(item: Item): boolean {
		if (item.kind === 'ident' || item.kind === 'lbrace' || item.kind === 'badenv' || item.kind === 'matrix') return true;
		if (item.text === '(' || item.text === '[') return true;
		if (item.kind !== 'command') return false;
		const spec = this.spec(item);
		if (!spec) return true;
		switch (spec.kind) {
			case 'greek': case 'function': case 'frac': case 'partial': case 'unsupported':
				return true;
			case 'open':
				return spec.open !== '|' || item.text === '\\lvert';
			case 'decoration': {
				if (!spec.text) return true;
				const scan = readName(this.stream.tokens, item.first, this.stream.match);
				return !!scan?.ref && (scan.ref.sub !== '' || scan.ref.updated);
			}
			default:
				return false;
		}
	}

	/** Skips the rest of a construct nested beyond `MAX_DEPTH` and returns an error for it. */
	tooDeep(): Expr {
		const item = this.peek();
		const start = item ? this.startOf(item) : this.prevEnd();
		this.skipToCloser();
		return this.error(start, Math.max(start, this.prevEnd()), 'The expression is nested too deeply.');
	}

	/** Parses one operand; depth-limited. */
	parsePrimary(): Expr {
		if (this.depth >= MAX_DEPTH) return this.tooDeep();
		this.depth++;
		const node = this.primary();
		this.depth--;
		return node;
	}

	primary(): Expr {
		const item = this.peek();
		if (!item) return this.missing('An expression is missing here.');
		const start = this.startOf(item);
		if (item.kind === 'number') {
			this.pos++;
			return numberNode(this.stream.tokens[item.first].text, { start, end: this.endOf(item) });
		}
		if (item.kind === 'lbrace') {
			const inner = this.parseBraced();
			// Braces are invisible in TeX: `{0.2}` (left by `{\color{red}0.2}`) and `{-3}` are the number.
			if (inner.kind === 'error' || isSignedNumber(inner)) return inner;
			const group: GroupNode = { kind: 'group', span: { start, end: this.prevEnd() }, open: '{', inner };
			return group;
		}
		if (item.kind === 'ident') {
			const fn = identFunction(item.text);
			if (fn && this.peek(1)?.text === '(') {
				this.pos++;
				return parseArguments(this, fn, item.text, start, 'group-only');
			}
			return parseSlashDerivative(this, item) ?? this.parseName(item);
		}
		if (item.kind === 'matrix') return parseMatrix(this, item, (tokens, span) => this.parseCell(tokens, span));
		if (item.kind === 'badenv') {
			this.pos++;
			return this.error(start, this.endOf(item), `The \`${item.env}\` environment is not understood.`);
		}
		if (item.text === '(' || item.text === '[' || item.text === '|') return this.parseGroup(item.text);
		const spec = this.spec(item);
		if (item.kind === 'other' && !spec) return this.missing(`\`${item.text}\` is not understood here.`);
		if (item.kind !== 'command') return this.missing(`An expression is missing before \`${item.text}\`.`);
		if (!spec) {
			this.pos++;
			this.skipArguments();
			return this.error(start, this.prevEnd(), `The command \`${item.text}\` is not understood.`);
		}
		switch (spec.kind) {
			case 'greek':
				if (spec.name === 'sigma' && this.peek(1)?.text === '(') {
					this.pos++;
					return parseArguments(this, 'sigma', this.stream.tokens[item.first].text, start, 'group-only');
				}
				return this.parseName(item);
			case 'decoration':
				return this.parseDecorated(item, spec.text);
			case 'function':
				this.pos++;
				return parseArguments(this, spec.fn, this.stream.tokens[item.first].text, start, spec.args);
			case 'frac':
				return parseFrac(this, item);
			case 'partial':
				return parsePartialSlash(this, item);
			case 'open':
				return this.parseGroup(spec.open);
			case 'unsupported':
				this.pos++;
				this.skipArguments();
				return this.error(start, this.prevEnd(), `\`${item.text}\` has no value the checker can use.`);
			default:
				return this.missing(`An expression is missing before \`${item.text}\`.`);
		}
	}

	/** Parses the tokens of one matrix cell with a parser of its own, which shares this one's depth and errors. */
	parseCell(tokens: readonly Token[], span: Span): Expr | undefined {
		const sub = new ExpressionParser(buildStream(tokens), span);
		sub.depth = this.depth;
		sub.nest = 1;
		const expr = sub.parseExpr();
		for (const e of sub.errors) this.errors.push(e);
		return sub.peek() === undefined && expr.kind !== 'error' ? expr : undefined;
	}

	parseName(item: Item): Expr {
		const scan = readName(this.stream.tokens, item.first, this.stream.match);
		if (!scan) {
			this.pos++;
			return this.error(this.startOf(item), this.endOf(item), `\`${item.text}\` is not a name.`);
		}
		this.seekToken(scan.next);
		if (!scan.ref) return this.error(this.startOf(item), this.stream.tokens[Math.min(scan.next, this.stream.tokens.length) - 1].end, scan.error ?? 'This name is malformed.');
		const node: NameNode = { kind: 'name', span: scan.ref.span, name: scan.ref };
		if (!scan.transposed) return node;
		const call: CallNode = { kind: 'call', span: { start: scan.ref.span.start, end: this.prevEnd() }, fn: 'transpose', written: '^T', args: [node] };
		return call;
	}

	/** `\text{coef}_{o1}` (a name), `\operatorname{ReLU}(x)` (a call), `\text{卷积核}` (prose: nothing here). */
	parseDecorated(item: Item, text: boolean): Expr {
		const derivative = parseSlashDerivative(this, item);
		if (derivative) return derivative;
		const scan = readName(this.stream.tokens, item.first, this.stream.match);
		if (scan?.ref) {
			const fn = scan.ref.sub === '' && !scan.ref.updated ? identFunction(scan.ref.base) : undefined;
			const back = this.pos;
			this.seekToken(scan.next);
			if (fn && (this.peek()?.text === '(' || item.text === '\\operatorname')) return parseArguments(this, fn, scan.ref.text, scan.ref.span.start, 'group-or-factor');
			this.pos = back;
			if (!text || this.isTextName(item)) return this.parseName(item);
		}
		if (text) return this.missing('Text is not an expression.');
		const start = this.startOf(item);
		this.pos++;
		if (this.peek()?.kind === 'lbrace') {
			// Typography around what is not a name is that thing: `\mathbf{-3}` is -3, `\boxed{0.2}` is 0.2 (DESIGN 2.2).
			const inner = this.parseBraced();
			if (inner.kind !== 'error') return inner;
			return this.error(start, this.prevEnd(), `\`${item.text}\` holds something that is not an expression.`);
		}
		this.skipArguments();
		return this.error(start, this.prevEnd(), `\`${item.text}\` does not decorate a name here.`);
	}

	/**
	 * True when the text command at `item` spells a name: `\text{coef}_{o1}`, or a bare `\text{coefci}`
	 * that no operand follows (`\text{where} x` is prose, not the product of `where` and `x`).
	 */
	isTextName(item: Item): boolean {
		const scan = readName(this.stream.tokens, item.first, this.stream.match);
		if (!scan?.ref) return false;
		if (scan.ref.sub !== '' || scan.ref.updated) return true;
		const next = this.stream.items[this.stream.itemAt[scan.next]];
		return !next || (next.kind !== 'number' && !this.startsImplicitOperand(next));
	}

	/** Parses `{…}` and returns its content; an unclosed or garbled brace becomes an error. */
	parseBraced(): Expr {
		const open = this.peek()!;
		const start = this.startOf(open);
		const close = this.stream.match[open.first];
		this.pos++;
		this.nest++;
		const inner = this.parseExpr();
		this.nest--;
		if (this.peek()?.kind === 'rbrace' && this.peek()!.first === close) {
			this.pos++;
			return inner;
		}
		if (close < 0) this.pos = this.stream.items.length;
		else this.seekToken(close + 1);
		return this.error(start, this.prevEnd(), close < 0 ? 'This `{` is never closed.' : 'The braces hold something that is not an expression.');
	}

	/** Parses `( … )`, `[ … ]`, `\{ … \}`, `| … |`: a group, a tuple, or (for bars) an absolute value. */
	parseGroup(open: string): Expr {
		const first = this.peek()!;
		const start = this.startOf(first);
		const stop = { item: undefined as Item | undefined };
		const items = this.parseList(open, stop);
		if (!items) {
			const message = stop.item
				? `\`${this.stream.tokens[stop.item.first].text}\` is not understood inside \`${this.stream.tokens[first.first].text} … ${CLOSERS[open]}\`.`
				: `This \`${this.stream.tokens[first.first].text}\` is not closed by \`${CLOSERS[open]}\`.`;
			return this.error(start, this.prevEnd(), message);
		}
		const span = { start, end: this.prevEnd() };
		if (open === '|') {
			if (items.length !== 1) return this.error(start, span.end, 'An absolute value holds one expression.');
			const call: CallNode = { kind: 'call', span, fn: 'abs', written: this.stream.tokens[first.first].text, args: items };
			return call;
		}
		if (items.length > 1) return { kind: 'tuple', span, items };
		return { kind: 'group', span, open: open as GroupNode['open'], inner: items[0] };
	}

	/** Parses an opener, comma-separated expressions and the matching closer; `undefined` (after recovery) when garbled. */
	parseList(open: string, stop: { item?: Item } = {}): Expr[] | undefined {
		const close = CLOSERS[open];
		this.pos++;
		this.nest++;
		const items = [this.parseExpr()];
		while (this.peek()?.text === ',') {
			this.pos++;
			items.push(this.parseExpr());
		}
		this.nest--;
		const isClose = (item: Item | undefined) => !!item && (item.text === close || (this.spec(item)?.kind === 'close' && (this.spec(item) as { close: string }).close === close));
		if (isClose(this.peek())) {
			this.pos++;
			return items.some((e) => e.kind === 'error' && e.span.start === e.span.end && items.length === 1) ? undefined : items;
		}
		stop.item = this.peek();
		this.skipToCloser();
		if (isClose(this.peek())) this.pos++;
		else if (!this.peek() || this.isRelation(this.peek())) stop.item = undefined;
		return undefined;
	}
}
