/**
 * Names (DESIGN 2.3). The strategy is to read a name straight off the token list: a base (an
 * identifier, a Greek letter, or a decoration such as `\bar{in}` or `\text{coef}` around one),
 * then subscripts and update marks in any order. Subscripts are normalised flat, without
 * recursion: braces, `_`, decorations and spacing are dropped, identifiers, digits, Greek names and
 * commas kept. A `^` that is not an update mark (`^+`, `^{new}`, `^{(1)}`, `^\prime`) is left for
 * the parser, which reads it as a power.
 */
import type { NameRef, Token } from './ast';
import { canonical, commandSpec, type CommandSpec } from './commands';
import { lex } from './lexer';

/** The spec of a command token, or of a Unicode character that stands for one: the token `α` gives `{ kind: 'greek', name: 'alpha' }`. */
export function tokenSpec(t: Token | undefined): CommandSpec | undefined {
	if (!t || (t.kind !== 'command' && t.kind !== 'other')) return undefined;
	return commandSpec(canonical(t.text));
}

/** For each `{` the index of its `}` (and back), or -1 when unbalanced; one pass with a stack. For `{a}{` it gives `[2, -1, 0, -1]`. */
export function matchBraces(tokens: readonly Token[]): Int32Array {
	const match = new Int32Array(tokens.length).fill(-1);
	const stack: number[] = [];
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i].kind === 'lbrace') stack.push(i);
		else if (tokens[i].kind === 'rbrace' && stack.length > 0) {
			const open = stack.pop()!;
			match[open] = i;
			match[i] = open;
		}
	}
	return match;
}

/** The index of the first token at or after `i` (before `end`) that is not whitespace or a comment. */
export function skipSpace(tokens: readonly Token[], i: number, end = tokens.length): number {
	while (i < end && (tokens[i].kind === 'whitespace' || tokens[i].kind === 'comment')) i++;
	return i;
}

export interface NameScan {
	/** The name, unless it is malformed (`w_{`); then `error` says why. */
	readonly ref?: NameRef;
	readonly error?: string;
	/** The index of the first token after the name. */
	readonly next: number;
}

interface Parts {
	base: string;
	sub: string;
	updated: boolean;
	next: number;
}

const MAX_NESTING = 16;

/** Concatenates the normalised pieces of a subscript in tokens `[a, b)`; `undefined` if it holds anything else. */
function flatSubscript(tokens: readonly Token[], a: number, b: number): string | undefined {
	let out = '';
	for (let i = a; i < b; i++) {
		const t = tokens[i];
		if (t.kind === 'ident' || t.kind === 'number') out += t.text;
		else if (t.kind === 'whitespace' || t.kind === 'comment' || t.kind === 'lbrace' || t.kind === 'rbrace' || t.text === '_') continue;
		else if (t.text === ',') out += ',';
		else {
			const spec = tokenSpec(t);
			if (spec?.kind === 'greek') out += spec.name;
			else if (spec?.kind === 'decoration' || (spec?.kind === 'spacing' && !spec.wide)) continue;
			else return undefined;
		}
	}
	return out;
}

/** Reads the base of a name at `i`: `out`, `\delta`, `\bar{in}`, `\text{coef}`, `\bar{in_{cc1}}`. */
function readBase(tokens: readonly Token[], i: number, match: Int32Array, depth: number): Parts | undefined {
	const t = tokens[i];
	if (!t || depth > MAX_NESTING) return undefined;
	if (t.kind === 'ident') return { base: t.text, sub: '', updated: false, next: i + 1 };
	const spec = tokenSpec(t);
	if (spec?.kind === 'greek') return { base: spec.name, sub: '', updated: false, next: i + 1 };
	if (spec?.kind !== 'decoration') return undefined;
	const j = skipSpace(tokens, i + 1);
	if (tokens[j]?.kind === 'lbrace') {
		const close = match[j];
		if (close < 0) return undefined;
		if (spec.text && (tokens[j + 1]?.kind === 'whitespace' || tokens[close - 1]?.kind === 'whitespace')) return undefined;
		const a = skipSpace(tokens, j + 1, close);
		const inner = readParts(tokens, a, match, depth + 1);
		if (!inner || skipSpace(tokens, inner.next, close) !== close) return undefined;
		return { ...inner, next: close + 1 };
	}
	const inner = readBase(tokens, j, match, depth + 1);
	return inner && inner.next === j + 1 ? inner : undefined;
}

/** The end of an update mark after the `^` at `caret` (`^+`, `^{new}`, `^{(1)}`, `^\prime`), or -1. */
function updateMarkEnd(tokens: readonly Token[], caret: number, match: Int32Array): number {
	const p = skipSpace(tokens, caret + 1);
	const t = tokens[p];
	if (!t) return -1;
	if (t.text === '+' || t.text === "'" || t.text === '\\prime') return p + 1;
	if (t.kind !== 'lbrace' || match[p] < 0) return -1;
	let content = '';
	for (let i = p + 1; i < match[p]; i++) {
		const k = tokens[i].kind;
		if (k === 'whitespace' || k === 'lbrace' || k === 'rbrace' || tokenSpec(tokens[i])?.kind === 'decoration') continue;
		content += tokens[i].text;
	}
	return /^(\+|'|\\prime|new|\([A-Za-z0-9]+(\+1)?\))$/i.test(content) ? match[p] + 1 : -1;
}

/** Reads base and scripts at `i`; `undefined` when no name starts there. */
function readParts(tokens: readonly Token[], i: number, match: Int32Array, depth: number): (Parts & { error?: string }) | undefined {
	const parts: Parts & { error?: string } = { ...(readBase(tokens, i, match, depth) ?? { base: '', sub: '', updated: false, next: -1 }) };
	if (parts.next < 0) return undefined;
	for (;;) {
		const k = skipSpace(tokens, parts.next);
		const t = tokens[k];
		if (!t) break;
		if (t.text === '_' && t.kind === 'symbol') {
			const p = skipSpace(tokens, k + 1);
			const s = tokens[p];
			if (s?.kind === 'lbrace') {
				const close = match[p];
				const flat = close < 0 ? undefined : flatSubscript(tokens, p + 1, close);
				if (flat === undefined) return { ...parts, next: close < 0 ? tokens.length : close + 1, error: 'This subscript is not a plain index.' };
				parts.sub += flat;
				parts.next = close + 1;
			} else if (s?.kind === 'number' || s?.kind === 'ident') {
				parts.sub += s.text;
				parts.next = p + 1;
			} else {
				const inner = s ? readBase(tokens, p, match, depth + 1) : undefined;
				if (!inner) break;
				parts.sub += inner.base + inner.sub;
				parts.next = inner.next;
			}
		} else if (t.text === "'" && t.kind === 'symbol') {
			parts.updated = true;
			parts.next = k + 1;
		} else if (t.text === '^' && t.kind === 'symbol') {
			const end = updateMarkEnd(tokens, k, match);
			if (end < 0) break;
			parts.updated = true;
			parts.next = end;
		} else break;
	}
	return parts;
}

/**
 * Reads the name that starts at token `i`, or returns `undefined` when none does.
 * On the tokens of `\bar{in}_{cc_1} + 1`, `readName(tokens, 0, match)` gives the name with key
 * `incc1` and `next` the index of the space before `+`.
 */
export function readName(tokens: readonly Token[], i: number, match: Int32Array): NameScan | undefined {
	const parts = readParts(tokens, i, match, 0);
	if (!parts) return undefined;
	if (parts.error) return { error: parts.error, next: Math.max(parts.next, i + 1) };
	let text = '';
	for (let k = i; k < parts.next; k++) text += tokens[k].text;
	const baseKey = parts.base + parts.sub;
	const ref: NameRef = {
		span: { start: tokens[i].start, end: tokens[parts.next - 1].end },
		text,
		key: parts.updated ? `${baseKey}'` : baseKey,
		baseKey,
		base: parts.base,
		sub: parts.sub,
		updated: parts.updated,
	};
	return { ref, next: parts.next };
}

/**
 * The name a piece of LaTeX spells, or `undefined` when it is not exactly one name.
 * `normalizeNameText('\\bar{in}_{cc_1}')?.key` is `'incc1'`; `normalizeNameText('w_5^+')?.key` is `"w5'"`.
 */
export function normalizeNameText(latex: string): NameRef | undefined {
	const tokens = lex(latex);
	const match = matchBraces(tokens);
	const start = skipSpace(tokens, 0);
	const scan = readName(tokens, start, match);
	if (!scan?.ref || skipSpace(tokens, scan.next) !== tokens.length) return undefined;
	return scan.ref;
}
