/**
 * Names (DESIGN 2.3). The strategy is to read a name straight off the token list: a base (an
 * identifier, a Greek letter, or a decoration such as `\hat{y}` or `\text{coef}` around one),
 * then subscripts, a layer superscript and update marks in any order. Subscripts are normalised
 * flat, without recursion: braces, `_`, typography and spacing are dropped, identifiers, digits,
 * Greek names and commas kept. Typography (`\mathbf`, `\text` …) vanishes from the key; a mark
 * (`\hat`, `\bar` …) is kept in front of it, so `\hat{y}_1` and `y_1` are two names until
 * `settleMarks` finds that the base means nothing else. A superscript is a layer index when it is
 * a whole number in parentheses or brackets (`z^{(1)}`, `b^{[2]}`, also `^{(L)}`, the last layer),
 * an update mark when it is `^+`, `'`, `^\prime`, `^{new}`, `^{(new)}` or `^{(t+1)}`, and dropped
 * when it is `^{(t)}` (the step before the update); any other `^` is left for the parser, which
 * reads it as a power.
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
	/** True for `W^{(2)T}`: the parser wraps the name in a transpose. */
	readonly transposed?: boolean;
}

interface Parts {
	base: string;
	sub: string;
	updated: boolean;
	marks: string[];
	layer?: string;
	/** `W^{(2)T}`: the name is followed by a transpose written inside its layer superscript. */
	transposed?: boolean;
	next: number;
}

const MAX_NESTING = 16;

/** Unicode subscript characters and what they spell: `₁` is `1`, `ₒ` is `o`. */
const SUBSCRIPT_CHARS = new Map<string, string>([
	...[...'₀₁₂₃₄₅₆₇₈₉'].map((c, i): [string, string] => [c, String(i)]),
	['ₐ', 'a'], ['ₑ', 'e'], ['ₒ', 'o'], ['ₓ', 'x'], ['ₕ', 'h'], ['ₖ', 'k'], ['ₗ', 'l'], ['ₘ', 'm'], ['ₙ', 'n'], ['ₚ', 'p'], ['ₛ', 's'], ['ₜ', 't'], ['ᵢ', 'i'], ['ⱼ', 'j'],
]);

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
	if (t.kind === 'ident') return { base: t.text, sub: '', updated: false, marks: [], next: i + 1 };
	const spec = tokenSpec(t);
	if (spec?.kind === 'greek') return { base: spec.name, sub: '', updated: false, marks: [], next: i + 1 };
	if (spec?.kind !== 'decoration') return undefined;
	const marked = (p: Parts): Parts => (spec.mark ? { ...p, marks: [spec.mark, ...p.marks] } : p);
	const j = skipSpace(tokens, i + 1);
	if (tokens[j]?.kind === 'lbrace') {
		const close = match[j];
		if (close < 0) return undefined;
		if (spec.text && (tokens[j + 1]?.kind === 'whitespace' || tokens[close - 1]?.kind === 'whitespace')) return undefined;
		const a = skipSpace(tokens, j + 1, close);
		const inner = readParts(tokens, a, match, depth + 1, spec.text === true);
		if (!inner || inner.error || skipSpace(tokens, inner.next, close) !== close) return undefined;
		return marked({ ...inner, next: close + 1 });
	}
	const inner = readBase(tokens, j, match, depth + 1);
	return inner && inner.next === j + 1 ? marked(inner) : undefined;
}

/** What a superscript after a name is: an update mark, a layer index, the step before the update (dropped), or neither (a power). */
type Superscript = { readonly kind: 'update' | 'time'; readonly end: number } | { readonly kind: 'layer'; readonly layer: string; readonly end: number; readonly transposed: boolean };

/** Reads the superscript after the `^` at `caret` (`^+`, `^{new}`, `^{(t+1)}`, `^{(1)}`, `^{[2]}`, `^{(t)}`), or `undefined` for a power. */
function superscriptAt(tokens: readonly Token[], caret: number, match: Int32Array): Superscript | undefined {
	const p = skipSpace(tokens, caret + 1);
	const t = tokens[p];
	if (!t) return undefined;
	if (t.text === '+' || t.text === "'" || t.text === '\\prime') return { kind: 'update', end: p + 1 };
	if (t.kind !== 'lbrace' || match[p] < 0) return undefined;
	let content = '';
	for (let i = p + 1; i < match[p]; i++) {
		const k = tokens[i].kind;
		if (k === 'whitespace' || k === 'lbrace' || k === 'rbrace' || tokenSpec(tokens[i])?.kind === 'decoration') continue;
		content += tokens[i].text;
	}
	const end = match[p] + 1;
	if (/^(\+|'|\\prime|new|\(new\)|\((t|k|n)\+1\)|(t|k|n)\+1)$/i.test(content)) return { kind: 'update', end };
	// `W^{(2)T}`, `W^{[2]\top}`: the layer index and a transpose in one superscript.
	const layer = /^(?:\((\d{1,3}|L)\)|\[(\d{1,3}|L)\])(T|\\top|\\intercal|\\mathsf\{?T\}?|\\mathrm\{?T\}?)?$/.exec(content);
	if (layer) return { kind: 'layer', layer: layer[1] ?? layer[2], end, transposed: layer[3] !== undefined };
	return /^\((t|k|n)\)$/.test(content) ? { kind: 'time', end } : undefined;
}

/**
 * Reads base and scripts at `i`; `undefined` when no name starts there. In text (`\text{Out\_conv}`)
 * an escaped underscore is the underscore a name writes in math (`\text{Out_conv}`).
 */
function readParts(tokens: readonly Token[], i: number, match: Int32Array, depth: number, inText = false): (Parts & { error?: string }) | undefined {
	const parts: Parts & { error?: string } = { ...(readBase(tokens, i, match, depth) ?? { base: '', sub: '', updated: false, marks: [], next: -1 }) };
	if (parts.next < 0) return undefined;
	for (;;) {
		const k = skipSpace(tokens, parts.next);
		const t = tokens[k];
		if (!t) break;
		if ((t.text === '_' && t.kind === 'symbol') || (inText && t.text === '\\_')) {
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
		} else if (t.kind === 'other' && SUBSCRIPT_CHARS.has(t.text) && k === parts.next) {
			// Plain text writes `x₁`, `w₁₂`, `Hₒ`: Unicode subscripts are the subscript.
			parts.sub += SUBSCRIPT_CHARS.get(t.text);
			parts.next = k + 1;
		} else if (t.text === "'" && t.kind === 'symbol') {
			parts.updated = true;
			parts.next = k + 1;
		} else if (t.text === '^' && t.kind === 'symbol') {
			const sup = superscriptAt(tokens, k, match);
			if (!sup || (sup.kind === 'layer' && parts.layer !== undefined)) break;
			if (sup.kind === 'update') parts.updated = true;
			else if (sup.kind === 'layer') {
				parts.layer = sup.layer;
				if (sup.transposed) parts.transposed = true;
			}
			parts.next = sup.end;
			if (parts.transposed) break;
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
	const baseKey = nameKeyOf(parts.marks, parts.base, parts.layer, parts.sub);
	const ref: NameRef = {
		span: { start: tokens[i].start, end: tokens[parts.next - 1].end },
		text,
		key: parts.updated ? `${baseKey}'` : baseKey,
		baseKey,
		base: parts.base,
		sub: parts.sub,
		updated: parts.updated,
		marks: parts.marks,
		...(parts.layer !== undefined ? { layer: parts.layer } : {}),
	};
	return { ref, next: parts.next, ...(parts.transposed ? { transposed: true } : {}) };
}

/** The key of a name's parts (without the update mark): `nameKeyOf(['hat'], 'y', undefined, '1')` is `hat.y1`, `nameKeyOf([], 'z', '1', '2')` is `z(1)2`. */
export function nameKeyOf(marks: readonly string[], base: string, layer: string | undefined, sub: string): string {
	let key = '';
	for (const m of marks) key += `${m}.`;
	return `${key}${base}${layer !== undefined ? `(${layer})` : ''}${sub}`;
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
	if (!scan?.ref || scan.transposed || skipSpace(tokens, scan.next) !== tokens.length) return undefined;
	return scan.ref;
}
