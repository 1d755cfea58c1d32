/**
 * Parses every `$…$` and `$$…$$` region of the seed documents (OCR'd handwritten notes, see
 * DESIGN): nothing throws, and every `= number` in them ends up inside a statement. A small regex
 * stands in for the scanner here, so this test depends on the syntax layer alone.
 */
import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { parseMath } from '../../../src/core/syntax/parser';
import type { Expr } from '../../../src/core/syntax/ast';
import type { Span } from '../../../src/core/text/span';

const SEEDS = join(__dirname, '../../fixtures/seeds');

/** The inner spans of `$$…$$` and `$…$` regions. */
function regions(text: string): Span[] {
	const out: Span[] = [];
	const re = /\$\$([\s\S]*?)\$\$|\$([^$\n]+?)\$/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const open = m[1] !== undefined ? 2 : 1;
		out.push({ start: m.index + open, end: m.index + m[0].length - open });
	}
	return out;
}

function hasError(e: Expr): boolean {
	const stack = [e];
	while (stack.length > 0) {
		const x = stack.pop()!;
		if (x.kind === 'error') return true;
		if (x.kind === 'binary') stack.push(x.left, x.right);
		else if (x.kind === 'unary') stack.push(x.operand);
		else if (x.kind === 'group') stack.push(x.inner);
		else if (x.kind === 'call') stack.push(...x.args);
		else if (x.kind === 'tuple') stack.push(...x.items);
	}
	return false;
}

const files = (() => {
	try {
		return readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
	} catch {
		return [];
	}
})();

suite('syntax/seeds', () => {
	for (const file of files) {
		test(`parses every math region of ${file}, with each "= number" inside a statement`, () => {
			const text = readFileSync(join(SEEDS, file), 'utf8');
			let stated = 0;
			let clean = 0;
			for (const region of regions(text)) {
				const result = parseMath(text, region);
				const inner = text.slice(region.start, region.end);
				const numbers = /(?:=|\\approx)\s*(-?\s*\d+(?:\.\d+)?)/g;
				for (let m = numbers.exec(inner); m; m = numbers.exec(inner)) {
					const at = region.start + m.index + m[0].length - m[1].length;
					const holder = result.statements.find((s) => s.members.some((x) => x.span.start <= at && at < x.span.end && !hasError(x)));
					assert.ok(holder, `${file}: "${m[0]}" at ${at} is in no error-free member:\n${inner}`);
					stated++;
				}
				clean += result.statements.filter((s) => !s.members.some(hasError)).length;
			}
			assert.ok(stated > 20, `${file}: only ${stated} stated numbers found`);
			assert.ok(clean > 10);
		});
	}
	test('finds the seed documents', () => {
		assert.ok(files.length >= 2, `no seeds in ${SEEDS}`);
	});
});
