/**
 * The seed notes (`test/fixtures/seeds/002…`) as their author meant them, transcribed in their own
 * notation and without a network block (`test/fixtures/infer/seed-notes*.md`, described in that
 * folder's README). Checked with the seed network's block prepended, the corrected transcription is
 * silent, and the one that keeps the notes' real mistakes reports exactly those: the formula whose
 * kernel order contradicts the layer's other seven, the mis-divided softmax, and the updated
 * weights and kernels used in backpropagation, each at its origin, with every later value that
 * carries one of them an `inherited` hint pointing at it. Without the block (blanked, so every
 * offset stays where it was), each document is checked against the network read off it (DESIGN
 * 2.6) and must give exactly the same findings: codes, places, severities and numbers.
 *
 * A finding is named by the fixture's line (1-based), its code, the text its span covers (with
 * `#n` for the n-th occurrence when that text occurs more than once on the line) and, for a hint,
 * the line and text of the origin it points at.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeDocument, type Analysis } from '../../../src/core/check/analyze';
import type { Span } from '../../../src/core/text/span';
import { seedBlock } from '../../shared/seedBlock';
import { shown, withoutBlocks } from './bothWays';

const dir = path.join(__dirname, '../../fixtures/infer');
/** The seed network as DESIGN 2.4 declares it: `b_1`, `b_2` name conv C's biases and the dense layer's, as in the notes. */
const block = seedBlock('b');

/** The place of a span in the fixture that follows the block: `line text` or `line text #n`. */
function place(fixture: string, text: string, s: Span): string {
	const at = s.start - block.length;
	const lineStart = fixture.lastIndexOf('\n', at - 1) + 1;
	const lineEnd = fixture.indexOf('\n', at);
	const line = fixture.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
	const covered = text.slice(s.start, s.end);
	const starts: number[] = [];
	for (let k = line.indexOf(covered); k >= 0; k = line.indexOf(covered, k + 1)) starts.push(lineStart + k);
	const nth = starts.length > 1 ? ` #${starts.indexOf(at) + 1}` : '';
	return `${fixture.slice(0, at).split('\n').length} ${covered}${nth}`;
}

/** Every finding of `a`, named as the table below names it, in document order. */
function named(a: Analysis, fixture: string, text: string): string[] {
	return a.diagnostics.map((d) => {
		const [line, ...covered] = place(fixture, text, d.span).split(' ');
		return `${line} ${d.code} ${covered.join(' ')}${d.origin ? ` ← ${place(fixture, text, d.origin)}` : ''}`;
	});
}

async function withBlock(file: string): Promise<{ a: Analysis; fixture: string; text: string }> {
	const fixture = readFileSync(path.join(dir, file), 'utf8');
	const text = block + fixture;
	const a = await analyzeDocument(text, 'markdown', { tolerance: 'digits' });
	assert.ok(a, 'the analysis was not cancelled');
	return { a, fixture, text };
}

/**
 * What the seed block finds in `seed-notes.md`. Origins: the kernel order of `\bar{in}_{cc_1}`
 * (line 12), 2.158/2.621 written as 0.813 (120), the updated dense weights in `\text{coefp}_1…3`
 * (151, 156, 161) and the updated kernels in `\text{coef}_{pp1…4}` (268–277). The kernel-order
 * formula has no numbers (the notes compute `\bar{in}_{cc_1}` = 0.60 correctly), so nothing inherits it.
 */
const mistakes = [
	'12 formula i_1 * KK_{11} + i_2 * KK_{12} + i_3 * KK_{13} + b_{b1}',
	'120 arithmetic 0.813',
	'124 inherited 0.207 ← 120 0.813',
	'128 inherited -0.187 ← 120 0.813',
	'134 inherited 0.173 ← 120 0.813',
	'136 inherited 0.258 ← 120 0.813',
	'138 inherited 0.398 ← 120 0.813',
	'151 substitution 0.173',
	'151 substitution -0.169',
	'156 substitution 0.258',
	'156 substitution -0.255',
	'161 substitution 0.398',
	'161 substitution -0.393',
	'167 inherited -0.015 ← 151 0.173',
	'185 inherited -0.023 ← 156 0.258',
	'191 inherited -0.027 ← 161 0.398',
	'205 inherited -0.996 ← 151 0.173',
	'211 inherited 0.0071 ← 151 0.173',
	'217 inherited 1.007 ← 151 0.173',
	'223 inherited 1.007 ← 156 0.258',
	'229 inherited 0.0067 ← 156 0.258',
	'235 inherited -0.989 ← 156 0.258',
	'241 inherited 1.008 ← 161 0.398',
	'247 inherited 1.013 ← 161 0.398',
	'253 inherited 0.012 ← 161 0.398',
	'262 inherited 0.019 ← 161 0.398',
	'268 substitution 1.007',
	'268 substitution -0.989',
	'268 substitution 0.012',
	'268 inherited -0.015 #2 ← 151 0.173',
	'271 substitution 0.0071',
	'271 substitution 1.007',
	'271 substitution 0.0067',
	'271 substitution -0.989',
	'271 substitution 1.013',
	'271 substitution 0.012',
	'271 inherited -0.0047 ← 156 0.258',
	'274 substitution 0.0071',
	'274 substitution 1.007',
	'274 substitution 0.0067',
	'274 substitution 1.008',
	'274 substitution 1.013',
	'274 inherited -0.012 ← 151 0.173',
	'277 substitution 1.007',
	'277 substitution 1.008',
	'277 inherited -0.023 #2 ← 156 0.258',
	'282 inherited -0.0017 ← 151 0.173',
	'286 inherited -0.0017 ← 151 0.173',
	'290 inherited -0.00052 ← 156 0.258',
	'294 inherited -0.00051 ← 156 0.258',
	'298 inherited -0.0015 ← 151 0.173',
	'302 inherited -0.0015 ← 151 0.173',
	'306 inherited -0.0028 ← 156 0.258',
	'310 inherited -0.0029 ← 156 0.258',
	'330 inherited 0.301 ← 151 0.173',
	'336 inherited 0.303 ← 151 0.173',
	'348 inherited 0.102 ← 151 0.173',
	'352 inherited 0.503 ← 151 0.173',
	'356 inherited -0.494 ← 151 0.173',
];

/** The words each kind of origin must say. */
const explains: Record<string, RegExp> = {
	formula: /reads the kernel unflipped/,
	arithmetic: /rounds to 0\.823, not 0\.813/,
	substitution: /after the update \(line \d+\); backpropagation must use the weights of the forward pass/,
};

/** Names the block cannot place, in both files: the notes' targets `o_1`, `o_2` (the block calls them `t`), the givens `b_1 = 0`, `b_2 = 0` (conv C's or the dense layer's?) and the pools' routing weights. */
const unplaced = ['o_1', 'o_2', 'b_1', 'b_2', 'w_{11}', 'w_{12}', 'w_{21}', 'w_{22}', 'w_{31}', 'w_{32}', 'w_{41}', 'w_{42}'];

suite('infer: the seed notes transcribed, checked with the seed block', function () {
	this.timeout(60_000);

	test('the corrected transcription is silent, and only the names the block does not know stay unchecked', async () => {
		const { a, fixture, text } = await withBlock('seed-notes-clean.md');
		assert.ok(a.segments.some((s) => s.truth), 'checked against the block');
		assert.deepStrictEqual(named(a, fixture, text), []);
		assert.deepStrictEqual(a.summary.uncheckedNames, unplaced);
	});

	test('the transcription with the notes\' mistakes reports each at its origin, and the hints after it point there', async () => {
		const { a, fixture, text } = await withBlock('seed-notes.md');
		assert.deepStrictEqual(named(a, fixture, text), mistakes);
		for (const d of a.diagnostics.filter((x) => x.code !== 'inherited')) assert.match(d.message, explains[d.code], d.message);
		for (const d of a.diagnostics.filter((x) => x.code === 'inherited')) assert.ok(d.expected, 'a hint carries the true value');
	});

	test('the two transcriptions are checked alike: the same statements, the same names left unchecked', async () => {
		const clean = (await withBlock('seed-notes-clean.md')).a.summary;
		const wrong = (await withBlock('seed-notes.md')).a.summary;
		assert.strictEqual(wrong.checked, clean.checked);
		assert.deepStrictEqual(wrong.uncheckedNames, clean.uncheckedNames);
	});
});

suite('infer: the seed notes transcribed, checked against the network read off them', function () {
	this.timeout(60_000);

	for (const file of ['seed-notes-clean.md', 'seed-notes.md']) {
		test(`reads the network of ${file} and reports what the seed block reports`, async () => {
			const { a: declared, text } = await withBlock(file);
			const read = await analyzeDocument(withoutBlocks(text, 'markdown'), 'markdown', { tolerance: 'digits' });
			assert.ok(read, 'the analysis was not cancelled');
			assert.strictEqual(read.inferred?.kind, 'read', read.inferred?.kind === 'none' ? read.inferred.reason : 'no reading');
			assert.ok(read.segments.some((s) => s.truth), 'the truth check ran against the network read');
			assert.deepStrictEqual(shown(read), shown(declared));
		});
	}
});
