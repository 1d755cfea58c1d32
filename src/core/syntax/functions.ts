/**
 * Functions, fractions and derivatives: the operands that take arguments. Each reads what
 * follows its command through the shared `ExpressionParser`; anything outside what the checker
 * understands (`\sum_{i=1}^n`, `\sqrt[3]{x}`, `\frac{\partial^2 E}{…}`) is consumed whole and becomes
 * one error node, so it cannot disturb the text around it.
 */
import type { CallNode, Expr, FunctionName } from './ast';
import type { ExpressionParser } from './expression';
import { readName, skipSpace } from './names';
import { binaryNode, numberNode } from './nodes';
import type { Item } from './stream';

const DIV_OPS = new Set(['/', '\\div']);

/** Parses the arguments of a function whose name has been consumed: `\max\{a, b\}`, `\ln 0.5`, `\sqrt{2}`. */
export function parseArguments(p: ExpressionParser, fn: FunctionName, written: string, start: number, style: 'group-or-factor' | 'group-only' | 'braced'): Expr {
	const next = p.peek();
	if (next?.kind === 'symbol' && (next.text === '_' || next.text === '^')) {
		while (p.peek()?.text === '_' || p.peek()?.text === '^') {
			p.pos++;
			p.parseScript();
		}
		if (p.peek()?.text === '(' || p.peek()?.kind === 'lbrace') p.parsePrimary();
		return p.error(start, p.prevEnd(), `\`${written}\` with a subscript or power is not understood.`);
	}
	let args: Expr[] | undefined;
	const openSpec = p.spec(next);
	if (style === 'braced') {
		if (next?.text === '[') {
			p.parseList('[');
			if (p.peek()?.kind === 'lbrace') p.parseBraced();
			return p.error(start, p.prevEnd(), `\`${written}\` with an index is not understood.`);
		}
		args = [next?.kind === 'lbrace' ? p.parseBraced() : p.parsePrimary()];
	} else if (next && (next.text === '(' || next.text === '[' || (openSpec?.kind === 'open' && openSpec.open !== '|'))) {
		const open = next.text === '(' || next.text === '[' ? next.text : (openSpec as { open: string }).open;
		args = p.parseList(open);
		if (!args) return p.error(start, p.prevEnd(), `The arguments of \`${written}\` are not understood.`);
	} else if (next?.kind === 'lbrace') {
		args = [p.parseBraced()];
	} else if (style === 'group-or-factor') {
		args = [p.parseFactor()];
	} else {
		return p.error(start, p.prevEnd(), `\`${written}\` needs its arguments in parentheses.`);
	}
	const call: CallNode = { kind: 'call', span: { start, end: p.prevEnd() }, fn, written, args };
	return call;
}

/** The derivative `\partial A / \partial B` at a `\partial`; anything else is an error. */
export function parsePartialSlash(p: ExpressionParser, item: Item): Expr {
	const start = p.startOf(item);
	const of = partialName(p);
	const slash = p.peek();
	if (of && slash && DIV_OPS.has(slash.text) && p.spec(p.peek(1))?.kind === 'partial') {
		p.pos++;
		const wrt = partialName(p);
		if (wrt) return { kind: 'derivative', span: { start, end: wrt.span.end }, of, wrt };
	}
	return p.error(start, p.prevEnd(), '`\\partial` is understood only in `\\frac{\\partial A}{\\partial B}` or `\\partial A / \\partial B`.');
}

/** Consumes `\partial name` and returns the name. */
function partialName(p: ExpressionParser) {
	const partial = p.peek()!;
	const at = skipSpace(p.stream.tokens, partial.end);
	p.pos++;
	const scan = readName(p.stream.tokens, at, p.stream.match);
	if (!scan?.ref) return undefined;
	p.seekToken(scan.next);
	return scan.ref;
}

/** `\frac{a}{b}` (division), `\frac{\partial A}{\partial B}` (a derivative), `\frac12`. */
export function parseFrac(p: ExpressionParser, item: Item): Expr {
	const start = p.startOf(item);
	const opSpan = { start, end: p.endOf(item) };
	const written = p.stream.tokens[item.first].text;
	p.pos++;
	const num = p.peek();
	if (num?.kind === 'lbrace' && p.spec(p.peek(1))?.kind === 'partial') return parseDerivativeFrac(p, start);
	if (num?.kind === 'number' && /^\d\d$/.test(num.text)) {
		p.pos++;
		const s = p.startOf(num);
		return binaryNode('/', written, opSpan, numberNode(num.text[0], { start: s, end: s + 1 }), numberNode(num.text[1], { start: s + 1, end: s + 2 }));
	}
	const left = num?.kind === 'lbrace' ? p.parseBraced() : p.parsePrimary();
	const den = p.peek();
	const right = den?.kind === 'lbrace' ? p.parseBraced() : p.parsePrimary();
	const node = binaryNode('/', written, opSpan, left, right);
	return { ...node, span: { start, end: p.prevEnd() } };
}

function parseDerivativeFrac(p: ExpressionParser, start: number): Expr {
	const read = () => {
		const open = p.peek();
		if (open?.kind !== 'lbrace' || p.spec(p.peek(1))?.kind !== 'partial') return undefined;
		const close = p.stream.match[open.first];
		p.pos++;
		const name = partialName(p);
		const ok = name && close >= 0 && p.peek()?.first === close;
		if (close < 0) p.pos = p.stream.items.length;
		else p.seekToken(close + 1);
		return ok ? name : undefined;
	};
	const of = read();
	const wrt = of ? read() : undefined;
	if (of && wrt) return { kind: 'derivative', span: { start, end: p.prevEnd() }, of, wrt };
	if (p.peek()?.kind === 'lbrace') p.parseBraced();
	return p.error(start, p.prevEnd(), 'This fraction of `\\partial` terms is not a derivative of one name by another.');
}
