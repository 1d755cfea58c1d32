/**
 * Runs the statement fixtures in `test/fixtures/syntax/*.txt`: each case is some math (lines
 * starting `> `) and the statements it must give (lines starting `→ `), printed as in `print.ts`.
 */
import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { parseMath } from '../../../src/core/syntax/parser';
import { printStatement } from './print';

const DIR = join(__dirname, '../../fixtures/syntax');

interface Case {
	readonly line: number;
	readonly input: string;
	readonly expected: string[];
}

/** Reads the cases of one fixture file. */
function cases(text: string): Case[] {
	const out: Case[] = [];
	let input: string[] = [];
	let expected: string[] = [];
	let line = 0;
	const flush = () => {
		if (input.length > 0) out.push({ line, input: input.join('\n'), expected });
		input = [];
		expected = [];
	};
	text.split('\n').forEach((raw, i) => {
		if (raw.startsWith('> ')) {
			if (input.length === 0) line = i + 1;
			input.push(raw.slice(2));
		} else if (raw.startsWith('→ ')) expected.push(raw.slice(2));
		else if (raw.trim() === '') flush();
	});
	flush();
	return out;
}

/** Asserts the printed statements of one case. */
function check(file: string, c: Case): void {
	const result = parseMath(c.input, { start: 0, end: c.input.length });
	assert.deepStrictEqual(result.statements.map((s) => printStatement(s)), c.expected, `${file}:${c.line}\n${c.input}`);
}

suite('syntax/fixtures', () => {
	for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
		test(`gives the statements written in ${file}`, () => {
			const all = cases(readFileSync(join(DIR, file), 'utf8'));
			assert.ok(all.length > 10);
			for (const c of all) check(file, c);
		});
	}
});
