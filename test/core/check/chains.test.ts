/**
 * Joining statements into chains across math regions: a statement that opens with a relation
 * continues only the math right before it (the display just before, or an inline chain with
 * nothing but spacing and punctuation between, in the same paragraph). Each case marks what must
 * fire (`⟦0.4|arithmetic⟧`); unmarked numbers must stay silent.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, check } from './harness';

suite('check: chains across regions', () => {
	test('continues a display with the display that opens with = right after it, over a blank line', async () => {
		await check('$$w = 0.1 + 0.2$$\n\n$$= ⟦0.4|arithmetic⟧$$');
	});

	test('continues an aligned display with the display that opens with = after it', async () => {
		await check('$$\\begin{aligned} w &= 0.1 + 0.2 \\end{aligned}$$\n\n$$= ⟦0.4|arithmetic⟧$$');
	});

	test('continues a LaTeX display with the next one that opens with =', async () => {
		await check('\\[ w = 0.1 + 0.2 \\]\n\\[ = ⟦0.4|arithmetic⟧ \\]', 'latex');
	});

	test('continues an inline chain with an inline = after a comma in the same sentence', async () => {
		await check('We get $x = 0.1 + 0.2$, $= ⟦0.4|arithmetic⟧$.');
	});

	test('continues an inline chain with a display that opens with = on the next line', async () => {
		await check('We get $x = 0.1 + 0.2$\n$$= ⟦0.4|arithmetic⟧$$');
	});

	test('does not join "all biases $= 0$" in a later paragraph to the chain before it', async () => {
		await check('The output has $(3 - 2)/1 + 1 = ⟦2|ok⟧$ elements.\n\nAll biases $= 0$.');
	});

	test('does not join an inline = after prose words in the same sentence', async () => {
		await check('The map has $(6 - 3)/1 + 1 = ⟦4|ok⟧$ elements and all biases $= 0$.');
	});

	test('does not join an inline = in the next paragraph even with no words between', async () => {
		await check('$x = 0.1 + 0.2 = ⟦0.3|ok⟧$\n\n$= 0$');
	});

	test('does not join a display after prose, and still checks its own members', async () => {
		await check('$$x = 0.1 + 0.2 = ⟦0.3|ok⟧$$\nwhich gives\n$$= 0.5 + 0.1 = ⟦0.7|arithmetic⟧$$');
	});

	test('does not join over other math between the two', async () => {
		await check('$$x = 0.1 + 0.2 = ⟦0.3|ok⟧$$ $y$ $$= 0$$');
		await check('$$x = 0.1 + 0.2 = ⟦0.3|ok⟧ \\\\ y$$\n$$= 0$$');
	});

	test('the held-out document that writes "all biases $= 0$" after an output-size formula checks clean', async () => {
		const file = path.join(__dirname, '../../fixtures/realworld/tricky/prose-equals-zero.md');
		const a = await analyze(readFileSync(file, 'utf8'));
		assert.deepStrictEqual(a.diagnostics.map((d) => d.message), []);
	});
});
