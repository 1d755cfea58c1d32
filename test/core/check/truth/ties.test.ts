/**
 * Ties and kinks (`src/core/check/truth/choices.ts`): where a max window's elements are equal (exactly,
 * or within the author's rounding) or a ReLU's pre-activation is 0, either routing and either
 * derivative is an admissible (sub)gradient, and the truth check judges the author's against each;
 * the kernel gradients and updates that follow inherit the author's choice. A forward formula after
 * the update written with the updated kernel is a second forward pass, which the one-step network
 * does not judge. Strategy: each held-out document (test/fixtures/realworld/tricky) is checked as
 * written and must stay silent; then a copy with a real mistake planted (routing to the clear
 * loser of a window, ReLU′ = 1 at a clearly negative pre-activation) must be found on its number.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeDocument, type Analysis } from '../../../../src/core/check/analyze';
import { findings } from '../../../shared/heldOut';

const dir = path.join(__dirname, '../../../fixtures/realworld/tricky');

async function analyze(file: string, edit?: readonly [from: string, to: string]): Promise<{ a: Analysis; text: string }> {
	let text = readFileSync(path.join(dir, file), 'utf8');
	if (edit) {
		assert.strictEqual(text.split(edit[0]).length, 2, `${edit[0]} occurs once`);
		text = text.replace(edit[0], edit[1]);
	}
	const a = await analyzeDocument(text, 'markdown', { tolerance: 'digits' });
	assert.ok(a, 'the analysis was not cancelled');
	assert.strictEqual(a.inferred?.kind, 'read', 'the network is read off the document');
	return { a, text };
}

/** Silence must come from a judgement: the chain that starts on each 1-based line was checked. */
function checkedOn(a: Analysis, text: string, lines: readonly number[]): void {
	const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
	for (const line of lines) {
		const i = a.chains.findIndex((c) => lineOf(c.span.start) === line);
		assert.ok(i >= 0, `a chain starts on line ${line}`);
		assert.strictEqual(a.status[i], 'checked', `the chain on line ${line} was checked`);
	}
}

const quiet = (a: Analysis) => a.diagnostics.map((d) => d.message).join('\n');

suite('truth: ties and kinks', () => {
	test('a max pool tie routed to the later of two equal elements is no mistake, nor the kernel gradients over it', async () => {
		// a_{11} = a_{12} = 0.5474 and a_{21} = a_{22} = 0.48: either element's gradient is a right one.
		const { a, text } = await analyze('conv1d-max-tie-last.md');
		assert.deepStrictEqual(findings(a, text), [], quiet(a));
		checkedOn(a, text, [83, 91, 99]);
	});

	test('a max pool whose elements are equal at the precision written may route to either', async () => {
		// a_{11} = a_{12} = 0.5939 as written (σ(0.38) = 0.593867, σ(0.3801) = 0.593891): some values within
		// their rounding make a_{11} the maximum, so the routing to it, and the kernel gradients and updates
		// summed over that routing, stand.
		const { a, text } = await analyze('conv1d-max-near-tie.md');
		assert.deepStrictEqual(findings(a, text), [], quiet(a));
		checkedOn(a, text, [83, 85]);
	});

	test('a max pool over two ReLU zeros routed to the second is no mistake', async () => {
		const { a, text } = await analyze('conv1d-relu-zeros-tie.md');
		assert.deepStrictEqual(findings(a, text), [], quiet(a));
		checkedOn(a, text, [91, 93]);
	});

	test("ReLU's derivative at exactly 0 taken as 1 is a convention, not a left-out derivative", async () => {
		// z_{11} = 0 takes ReLU′(0) = 1 and z_{14} = 0 takes 0: both stand.
		const { a, text } = await analyze('conv1d-relu-at-zero-one.md');
		assert.deepStrictEqual(findings(a, text), [], quiet(a));
		checkedOn(a, text, [83, 85]);
	});

	test('a second forward pass after the update may substitute the updated kernel', async () => {
		const { a, text } = await analyze('conv1d-second-pass-same-names.md');
		assert.deepStrictEqual(findings(a, text), [], quiet(a));
		assert.ok(a.summary.uncheckedNames.some((n) => n.startsWith('z_{11}')), 'the second pass is counted as unchecked');
	});

	test('the gradient routed to the clear loser of a window is still the routing mistake', async () => {
		// p_{12} = \max\{0.5474, 0.5125\}: a_{14} lost its window.
		const { a, text } = await analyze('conv1d-max-tie-last.md', ['\\frac{\\partial E}{\\partial a_{13}} = \\frac{\\partial E}{\\partial p_{12}} = 0.0485', '\\frac{\\partial E}{\\partial a_{14}} = \\frac{\\partial E}{\\partial p_{12}} = 0.0485']);
		const found = a.diagnostics.find((d) => d.code === 'value' && text.slice(d.span.start, d.span.end) === '0.0485');
		assert.ok(found, findings(a, text).join('\n'));
		assert.match(found.message, /lost its window/);
	});

	test("ReLU's derivative taken as 1 at a clearly negative pre-activation is still found", async () => {
		// z_{12} = -0.49: the derivative there is 0 whichever convention holds at 0.
		const { a, text } = await analyze('conv1d-relu-at-zero-one.md', ['\\frac{\\partial E}{\\partial a_{12}} \\times 0 = (-0.0382) \\times 0 = 0', '\\frac{\\partial E}{\\partial a_{12}} \\times 1 = (-0.0382) \\times 1 = -0.0382']);
		const line = text.split('\n').findIndex((l) => l.includes('\\frac{\\partial E}{\\partial a_{12}} \\times 1')) + 1;
		assert.ok(findings(a, text).some((f) => f.includes(`@${line} `)), findings(a, text).join('\n'));
	});
});
