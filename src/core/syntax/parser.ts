/**
 * The statement parser (DESIGN 2.2). Math in notes mixes equality chains with prose and layout,
 * so the strategy of this parser is to split a region at the top level — outside every group — on
 * what separates statements (`\quad`, prose `\text{…}`, Chinese text, `;`, `,`, `\\`, and
 * relations that are not equalities, such as `>`), and to read each piece as a chain of members
 * joined by `=` or `\approx`. A `\\` followed by a relation continues the chain on the next line;
 * a chain that opens a line with a relation is marked `continues`. Members are parsed by
 * `ExpressionParser`; text a member cannot hold becomes an error node in its place, so the
 * statement, and every statement around it, survives. A name/number table with no relation
 * (`tableStatements`) gives one statement per column.
 */
import type { Expr, ParseResult, Relation, Statement } from './ast';
import { ExpressionParser } from './expression';
import { lex } from './lexer';
import { buildStream, type Item } from './stream';
import { nodesOf } from './walk';
import type { Span } from '../text/span';

const PROSE_LETTER = /^\p{L}$/u;

/**
 * A two-row matrix with names on top and numbers below (seed 000's kernel tables,
 * `\begin{pmatrix} KK_{11} & KK_{12} \\ 0.1 & 0.2 \end{pmatrix}`) states each name's number
 * (DESIGN 2.2): one statement `KK_{11} = 0.1` per column, its relation an empty span before the
 * number. Only a piece of math with no relation of its own is read so.
 */
function tableStatements(e: Expr): Statement[] {
	const out: Statement[] = [];
	for (const x of nodesOf(e)) {
		if (x.kind !== 'matrix' || x.rows.length !== 2) continue;
		const [names, numbers] = x.rows;
		const isNumber = (c: Expr) => c.kind === 'number' || (c.kind === 'unary' && (c.op === '-' || c.op === '+') && c.operand.kind === 'number');
		if (!names.every((c) => c.kind === 'name') || !numbers.every(isNumber)) continue;
		names.forEach((name, k) => {
			const at = numbers[k].span.start;
			out.push({ span: { start: name.span.start, end: numbers[k].span.end }, members: [name, numbers[k]], relations: [{ kind: '=', span: { start: at, end: at } }], continues: false });
		});
	}
	return out;
}

class StatementParser extends ExpressionParser {
	readonly statements: Statement[] = [];

	private isInequality(item: Item): boolean {
		return item.text === '<' || item.text === '>' || this.spec(item)?.kind === 'inequality';
	}

	/** True for prose: a `\text{…}` that is not a name here, or a letter outside ASCII (`卷`). */
	private isProse(item: Item, chainStart: boolean): boolean {
		if (item.kind === 'other') return !this.spec(item) && PROSE_LETTER.test(item.text) && !/^[A-Za-z]$/.test(item.text);
		const spec = this.spec(item);
		if (spec?.kind !== 'decoration' || !spec.text) return false;
		return !chainStart || !this.isTextName(item);
	}

	/** True for what ends a statement at the top level. */
	private isSeparator(item: Item, chainStart: boolean): boolean {
		const t = item.text;
		if (t === ';' || t === ',' || t === '.' || t === ':' || item.kind === 'env' || this.isLineBreak(item) || this.isWideSpace(item)) return true;
		return this.isInequality(item) || this.isProse(item, chainStart);
	}

	/** Consumes a separator; prose `\text{…}` with its argument. */
	private consumeSeparator(item: Item): void {
		this.pos++;
		const spec = this.spec(item);
		const next = this.peek();
		if (spec?.kind === 'decoration' && next?.kind === 'lbrace') {
			const close = this.stream.match[next.first];
			if (close < 0) this.pos = this.stream.items.length;
			else this.seekToken(close + 1);
		}
	}

	/** Parses one member; trailing text it cannot hold turns the member into an error. */
	private parseMember(): Expr {
		const first = this.peek();
		const start = first ? this.startOf(first) : this.prevEnd();
		const expr = this.parseExpr();
		const next = this.peek();
		if (!next || this.isRelation(next) || this.isSeparator(next, false)) return expr;
		const memberStart = expr.span.start === expr.span.end ? start : Math.min(start, expr.span.start);
		for (let item = this.peek(); item && !this.isRelation(item) && !this.isSeparator(item, false); item = this.peek()) {
			if (item.kind === 'lbrace') {
				const close = this.stream.match[item.first];
				if (close < 0) this.pos = this.stream.items.length;
				else this.seekToken(close + 1);
			} else this.pos++;
		}
		return this.error(memberStart, this.prevEnd(), `\`${next.text}\` is not understood here.`);
	}

	private relation(item: Item): Relation {
		this.pos++;
		const spec = this.spec(item);
		const kind = item.text === '=' || spec?.kind !== 'relation' ? '=' : spec.relation;
		return { kind, span: { start: this.startOf(item), end: this.endOf(item) } };
	}

	/** The index (relative to the current one) of the relation after a `\\` and indentation, or 0. */
	private relationAfterBreak(): number {
		if (!this.isLineBreak(this.peek())) return 0;
		let j = 1;
		while (this.isWideSpace(this.peek(j))) j++;
		return this.isRelation(this.peek(j)) ? j : 0;
	}

	/**
	 * `i_1, \dots, i_6 = 0.1, \dots, 0.6` is a list set equal to a list, not the chain `i_6 = 0.1`:
	 * a chain with a top-level comma right before it and right after it is such a piece and is dropped.
	 */
	private inList(afterComma: boolean): boolean {
		return afterComma && this.peek()?.text === ',';
	}

	private parseChain(lineStart: boolean, afterComma = false): void {
		const members: Expr[] = [];
		const relations: Relation[] = [];
		const first = this.peek()!;
		const continues = this.isRelation(first) && lineStart;
		if (!this.isRelation(first)) members.push(this.parseMember());
		else if (!continues) members.push(this.missing('Nothing stands before this relation.'));
		for (;;) {
			const skip = this.relationAfterBreak();
			if (skip > 0) this.pos += skip;
			const item = this.peek();
			if (!item || !this.isRelation(item)) break;
			relations.push(this.relation(item));
			members.push(this.parseMember());
		}
		if (relations.length === 0) {
			if (members.length === 1) for (const st of tableStatements(members[0])) this.statements.push(st);
			return;
		}
		if (this.inList(afterComma)) return;
		const start = continues ? relations[0].span.start : members[0].span.start;
		this.statements.push({ span: { start, end: Math.max(start, members[members.length - 1].span.end) }, members, relations, continues });
	}

	run(): void {
		let lineStart = true;
		let afterComma = false;
		while (this.pos < this.stream.items.length) {
			const item = this.peek()!;
			if (this.isSeparator(item, true)) {
				this.consumeSeparator(item);
				lineStart = this.isLineBreak(item) || item.kind === 'env';
				afterComma = item.text === ',';
				continue;
			}
			this.parseChain(lineStart, afterComma);
			lineStart = false;
			afterComma = false;
		}
	}
}

/**
 * Parses the math in `text` between `inner.start` and `inner.end` (absolute offsets) into statements.
 * `parseMath('$$w_1 = 0.1 - 0.5 \\times 0.2 \\\\ = 0$$', { start: 2, end: 35 })` gives one statement
 * with members `w_1`, `0.1 - 0.5 \times 0.2` and `0`; it never throws.
 */
export function parseMath(text: string, inner: Span): ParseResult {
	const start = Math.max(0, Math.min(inner.start, text.length));
	const end = Math.max(start, Math.min(inner.end, text.length));
	const tokens = lex(text.slice(start, end), start);
	const parser = new StatementParser(buildStream(tokens), { start, end });
	parser.run();
	return { tokens, statements: parser.statements, errors: parser.errors };
}
