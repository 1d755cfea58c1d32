/**
 * The significant-token stream the parser reads. The strategy is one linear pass over the lossless
 * token list that drops what never matters (whitespace, comments, `\,`, `\left`, `\big`, `&`,
 * `\label{…}`) and folds multi-token constructs into one item (`\begin{aligned}`, a whole matrix
 * `\begin{bmatrix}…\end{bmatrix}` whose `&` and `\\` the matrix parser splits, a whole unsupported
 * `\begin{cases}…\end{cases}`, `\hspace{1em}`). What matters only in context —
 * `\quad` and `\\`, which separate statements at the top level and are spacing inside groups —
 * stays in the stream for the parser to judge.
 */
import type { Token } from './ast';
import { ALIGN_ENVIRONMENTS, canonical, commandSpec, MATRIX_ENVIRONMENTS, type CommandSpec } from './commands';
import { matchBraces, skipSpace } from './names';

/** `env`: an align-like environment's `\begin`/`\end`; `matrix`: a whole matrix environment; `badenv`: any other whole environment. */
export type ItemKind = Token['kind'] | 'env' | 'badenv' | 'matrix';

export interface Item {
	readonly kind: ItemKind;
	/** The canonical text of the item's first token (`×` becomes `\times`). */
	readonly text: string;
	/** Token range `[first, end)` the item covers. */
	readonly first: number;
	readonly end: number;
	/** For `env`, `matrix` and `badenv`: the environment's name. */
	readonly env?: string;
	/** For commands: what the command table says the command is. */
	readonly spec?: CommandSpec;
}

export interface Stream {
	readonly tokens: readonly Token[];
	readonly match: Int32Array;
	readonly items: readonly Item[];
	/** For each token index (and one past the end), the index of the first item at or after it. */
	readonly itemAt: Int32Array;
}

/** The index after the braced argument starting at or after `i` (whitespace skipped), or `i` when there is none. */
function skipArgument(tokens: readonly Token[], match: Int32Array, i: number): number {
	const j = skipSpace(tokens, i);
	if (tokens[j]?.kind !== 'lbrace') return i;
	return match[j] < 0 ? tokens.length : match[j] + 1;
}

/** The environment name of `\begin{name}` at `i`, and the index after it. */
function environmentName(tokens: readonly Token[], match: Int32Array, i: number): { name: string; next: number } | undefined {
	const j = skipSpace(tokens, i + 1);
	if (tokens[j]?.kind !== 'lbrace' || match[j] < 0) return undefined;
	let name = '';
	for (let k = j + 1; k < match[j]; k++) name += tokens[k].text;
	return { name: name.trim(), next: match[j] + 1 };
}

/** The index after the `\end{name}` that closes the environment opened before `i`, or the end. */
function environmentEnd(tokens: readonly Token[], match: Int32Array, i: number, name: string): number {
	let level = 0;
	for (let k = i; k < tokens.length; k++) {
		const t = tokens[k].text;
		if (t !== '\\begin' && t !== '\\end') continue;
		const env = environmentName(tokens, match, k);
		if (!env) continue;
		if (t === '\\begin' && env.name === name) level++;
		else if (t === '\\end' && env.name === name) {
			if (level === 0) return env.next;
			level--;
		}
	}
	return tokens.length;
}

/** The index after a `\\` at `i` and its optional spacing argument (`\\[2pt]`). */
function lineBreakEnd(tokens: readonly Token[], i: number): number {
	if (tokens[i + 1]?.text !== '[') return i + 1;
	for (let k = i + 2; k < tokens.length && k < i + 8; k++) {
		const t = tokens[k];
		if (t.text === ']') return k + 1;
		if (t.kind !== 'number' && t.kind !== 'ident' && t.kind !== 'whitespace') break;
	}
	return i + 1;
}

/** Builds the stream: `buildStream(lex('a \\, + b'))` has the items `a`, `+`, `b`. */
export function buildStream(tokens: readonly Token[]): Stream {
	const match = matchBraces(tokens);
	const items: Item[] = [];
	let i = 0;
	while (i < tokens.length) {
		const t = tokens[i];
		const text = t.kind === 'other' ? canonical(t.text) : t.text;
		const kind = text === t.text ? t.kind : text.startsWith('\\') ? 'command' : 'symbol';
		if (kind === 'whitespace' || kind === 'comment' || text === '&') {
			i++;
			continue;
		}
		const spec = kind === 'command' ? commandSpec(text) : undefined;
		if (spec?.kind === 'spacing' && !spec.wide) {
			i++;
			continue;
		}
		if (spec?.kind === 'ignored') {
			let next = i + 1;
			for (let a = 0; a < spec.numArgs; a++) next = skipArgument(tokens, match, next);
			if (spec.delimiter) {
				const j = skipSpace(tokens, next);
				if (tokens[j]?.text === '.') next = j + 1;
			}
			i = next;
			continue;
		}
		if (spec?.kind === 'decoration' && spec.text) {
			const j = skipSpace(tokens, i + 1);
			if (tokens[j]?.kind === 'lbrace' && match[j] > 0 && skipSpace(tokens, j + 1) === match[j]) {
				i = match[j] + 1;
				continue;
			}
		}
		if (spec?.kind === 'spacing') {
			let next = i + 1;
			for (let a = 0; a < spec.numArgs; a++) next = skipArgument(tokens, match, next);
			items.push({ kind, text, first: i, end: next, spec });
			i = next;
			continue;
		}
		if (spec?.kind === 'begin' || spec?.kind === 'end') {
			const env = environmentName(tokens, match, i);
			if (env && (spec.kind === 'end' || ALIGN_ENVIRONMENTS.has(env.name))) {
				items.push({ kind: 'env', text, first: i, end: env.next, env: env.name, spec });
				i = env.next;
				continue;
			}
			if (env) {
				const end = environmentEnd(tokens, match, env.next, env.name);
				items.push({ kind: MATRIX_ENVIRONMENTS.has(env.name) ? 'matrix' : 'badenv', text, first: i, end, env: env.name, spec });
				i = end;
				continue;
			}
		}
		if (text === ':' && tokens[i + 1]?.text === '=') {
			// `:=` is one relation, the assignment `\coloneqq`.
			items.push({ kind: 'command', text: '\\coloneqq', first: i, end: i + 2, spec: commandSpec('\\coloneqq') });
			i += 2;
			continue;
		}
		const end = spec?.kind === 'linebreak' ? lineBreakEnd(tokens, i) : i + 1;
		items.push({ kind, text, first: i, end, spec });
		i = end;
	}
	const itemAt = new Int32Array(tokens.length + 1);
	let k = items.length;
	for (let j = tokens.length; j >= 0; j--) {
		while (k > 0 && items[k - 1].first >= j) k--;
		itemAt[j] = k;
	}
	return { tokens, match, items, itemAt };
}
