/**
 * The lexer of math text. The strategy of this lexer is to be lossless and total: it walks the
 * text once, code unit by code unit, and every character lands in exactly one token, so the
 * token texts joined give back the input (whitespace, comments and spacing commands included).
 * It never looks further ahead than one number or one command name, so it runs in linear time on
 * any string, lone surrogates and binary garbage included, and it has no way to fail.
 */
import type { Token, TokenKind } from './ast';

const SYMBOLS = new Set(['+', '-', '*', '/', '=', '(', ')', '[', ']', ',', ';', '^', '_', "'", '&', '|', '<', '>', '!']);

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
	return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** The length of the code point at `i`: 2 for a well-formed surrogate pair, else 1. */
function codePointLength(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
		const d = text.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) return 2;
	}
	return 1;
}

/** The end of a number literal starting at `i` (`12`, `0.5`, `.5`, `1e-3`), or `i` when there is none. */
function numberEnd(text: string, i: number): number {
	let j = i;
	while (j < text.length && isDigit(text.charCodeAt(j))) j++;
	if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
		j += 2;
		while (j < text.length && isDigit(text.charCodeAt(j))) j++;
	}
	if (j === i) return i;
	const e = text.charCodeAt(j);
	if (e === 101 || e === 69) {
		let k = j + 1;
		const s = text.charCodeAt(k);
		if (s === 43 || s === 45) k++;
		if (isDigit(text.charCodeAt(k))) {
			while (k < text.length && isDigit(text.charCodeAt(k))) k++;
			j = k;
		}
	}
	return j;
}

/**
 * Splits `text` into tokens whose offsets start at `base`.
 * `lex('w_1 = 0.5', 10)` gives `w` (ident, 10–11), `_`, `1` (number), ` `, `=`, ` `, `0.5` (number, 16–19).
 */
export function lex(text: string, base = 0): Token[] {
	const tokens: Token[] = [];
	const push = (kind: TokenKind, start: number, end: number) => {
		tokens.push({ kind, text: text.slice(start, end), start: base + start, end: base + end });
	};
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text.charCodeAt(i);
		let j: number;
		if (isSpace(c)) {
			j = i + 1;
			while (j < n && isSpace(text.charCodeAt(j))) j++;
			push('whitespace', i, j);
		} else if (c === 37 /* % */) {
			j = i + 1;
			while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
			push('comment', i, j);
		} else if (c === 92 /* \ */) {
			j = i + 1;
			if (j >= n) {
				push('other', i, j);
				i = j;
				continue;
			}
			if (isLetter(text.charCodeAt(j))) {
				while (j < n && isLetter(text.charCodeAt(j))) j++;
			} else {
				j += codePointLength(text, j);
			}
			push('command', i, j);
		} else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
			j = numberEnd(text, i);
			push('number', i, j);
		} else if (isLetter(c)) {
			j = i + 1;
			while (j < n && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
			push('ident', i, j);
		} else if (c === 123) {
			j = i + 1;
			push('lbrace', i, j);
		} else if (c === 125) {
			j = i + 1;
			push('rbrace', i, j);
		} else if (SYMBOLS.has(text[i])) {
			j = i + 1;
			push('symbol', i, j);
		} else {
			j = i + codePointLength(text, i);
			push('other', i, j);
		}
		i = j;
	}
	return tokens;
}
