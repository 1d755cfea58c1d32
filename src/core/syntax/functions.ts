/**
 * Functions, fractions and derivatives: the operands that take arguments. Each reads what
 * follows its command through the shared `ExpressionParser`; anything outside what the checker
 * understands (`\sum_{i=1}^n`, `\sqrt[3]{x}`, `\frac{\partial^2 E}{…}`) is consumed whole and becomes
 * one error node, so it cannot disturb the text around it.
 */
import type { CallNode, DerivativeNode, Expr, FunctionName, NameRef, Token } from './ast';
import type { ExpressionParser } from './expression';
import { normalizeNameText, readName, skipSpace } from './names';
import { binaryNode, numberNode } from './nodes';
import type { Item } from './stream';
import { parseIndexedSum } from './sums';

const DIV_OPS = new Set(['/', '\\div']);

/** Parses the arguments of a function whose name has been consumed: `\max\{a, b\}`, `\ln 0.5`, `\sqrt{2}`. */
export function parseArguments(p: ExpressionParser, fn: FunctionName, written: string, start: number, style: 'group-or-factor' | 'group-only' | 'braced'): Expr {
	const next = p.peek();
	if (fn === 'log' && next?.kind === 'symbol' && next.text === '_') {
		// `\log_2 x`, `\log_{10}(x)`: the base, then the argument as for `\log`.
		p.pos++;
		const base = p.parseScript();
		const arg = parseArguments(p, 'log', written, start, style);
		if (arg.kind !== 'call') return arg;
		const call: CallNode = { kind: 'call', span: { start, end: p.prevEnd() }, fn: 'logb', written, args: [base, ...arg.args] };
		return call;
	}
	if (fn === 'sum' && next?.kind === 'symbol' && next.text === '_') return parseIndexedSum(p, written, start);
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
			// `\sqrt[3]{x}`: the n-th root, arguments `[n, x]`.
			const index = p.parseList('[');
			const radicand = p.peek()?.kind === 'lbrace' ? p.parseBraced() : undefined;
			if (!index || index.length !== 1 || !radicand || radicand.kind === 'error') return p.error(start, p.prevEnd(), `\`${written}\` with this index is not understood.`);
			const root: CallNode = { kind: 'call', span: { start, end: p.prevEnd() }, fn: 'root', written, args: [index[0], radicand] };
			return root;
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

const UPRIGHT = new Set(['\\mathrm', '\\text', '\\operatorname', '\\textrm']);

/**
 * The name a differential `d` is written before, at token `i`: `dL` gives L, `d L` gives L,
 * `dw_{11}` gives w_{11}, `\mathrm{d}w` gives w. A lone `d_1` or `d` is no differential.
 */
function differentialName(tokens: readonly Token[], i: number, match: Int32Array): { ref: NameRef; next: number } | undefined {
	const t = tokens[i];
	if (!t) return undefined;
	let at = -1;
	if (t.kind === 'ident' && t.text === 'd') at = skipSpace(tokens, i + 1);
	else if (UPRIGHT.has(t.text) && tokens[i + 1]?.kind === 'lbrace' && tokens[i + 2]?.text === 'd' && tokens[i + 3]?.kind === 'rbrace') at = skipSpace(tokens, i + 4);
	if (at >= 0) {
		const scan = readName(tokens, at, match);
		return scan?.ref ? { ref: scan.ref, next: scan.next } : undefined;
	}
	if (t.kind !== 'ident' || t.text.length < 2 || t.text[0] !== 'd' || !/[A-Za-z]/.test(t.text[1])) return undefined;
	const scan = readName(tokens, i, match);
	if (!scan?.ref) return undefined;
	let text = '';
	for (let k = i; k < scan.next; k++) text += tokens[k].text;
	const ref = normalizeNameText(text.slice(1));
	if (!ref) return undefined;
	const shift = t.start + 1;
	return { ref: { ...ref, span: { start: ref.span.start + shift, end: ref.span.end + shift } }, next: scan.next };
}

/**
 * `dL/dw11`, `dE/dw_1` (DESIGN 2.2): a derivative when both sides are a `d` before a name;
 * otherwise `undefined`, consuming nothing, so `d_1 / d_2` stays a quotient of names.
 */
export function parseSlashDerivative(p: ExpressionParser, item: Item): DerivativeNode | undefined {
	const tokens = p.stream.tokens;
	const of = differentialName(tokens, item.first, p.stream.match);
	if (!of) return undefined;
	const slash = skipSpace(tokens, of.next);
	if (tokens[slash]?.text !== '/') return undefined;
	const wrt = differentialName(tokens, skipSpace(tokens, slash + 1), p.stream.match);
	if (!wrt) return undefined;
	p.seekToken(wrt.next);
	return { kind: 'derivative', span: { start: p.startOf(item), end: tokens[wrt.next - 1].end }, of: of.ref, wrt: wrt.ref };
}

/** `\frac{dL}{dw}`, `\frac{\mathrm{d} E}{\mathrm{d} w_1}` at the numerator's `{`: a derivative, or `undefined`, consuming nothing. */
function differentialFrac(p: ExpressionParser, start: number): DerivativeNode | undefined {
	const tokens = p.stream.tokens;
	const match = p.stream.match;
	const side = (open: number) => {
		if (tokens[open]?.kind !== 'lbrace' || match[open] < 0) return undefined;
		const d = differentialName(tokens, skipSpace(tokens, open + 1), match);
		return d && skipSpace(tokens, d.next) === match[open] ? d.ref : undefined;
	};
	const num = p.peek()!;
	const of = side(num.first);
	if (!of) return undefined;
	const den = skipSpace(tokens, match[num.first] + 1);
	const wrt = side(den);
	if (!wrt) return undefined;
	p.seekToken(match[den] + 1);
	return { kind: 'derivative', span: { start, end: p.prevEnd() }, of, wrt };
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
	const differential = num?.kind === 'lbrace' ? differentialFrac(p, start) : undefined;
	if (differential) return differential;
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
