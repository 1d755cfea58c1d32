/**
 * The truth check on whole worked derivations (test/fixtures/truth, described in its README):
 * clean files in several notations — a fully-connected network, a 2-D convolution, the seed CNN,
 * a long chain of carried rounding, ambiguous names — must be silent, and each mistakes file must
 * report every planted mistake once, at its line, with everything downstream an `inherited` hint
 * that points at one of those origins.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from './harness';

const dir = path.join(__dirname, '../../fixtures/truth');
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');

/** The origins each mistakes file must report: `line code`, and the words that explain the mistake. */
const mistakes: Record<string, [string, RegExp?][]> = {
	'fc-mistakes.md': [
		['85 formula', /adds the gradient step/],
		['94 substitution', /\\eta/],
		['103 substitution', /after the update/],
		['138 formula', /activation's derivative/],
	],
	'seed-mistakes.md': [
		['54 formula', /unflipped/],
		['73 formula', /unflipped/],
		['164 arithmetic'],
		['197 substitution', /after the update/],
		['197 substitution', /after the update/],
		['200 substitution'],
		['200 substitution'],
		['203 substitution'],
		['203 substitution'],
		['214 value'],
		['217 value', /lost its window/],
		['258 formula', /average pool's factor/],
	],
	'conv2d-mistakes.md': [['73 formula', /swaps target and output/]],
};

suite('check: truth on worked derivations', () => {
	for (const file of ['fc-clean.md', 'conv2d-clean.md', 'seed-cnn.md', 'rounding-long.md', 'ambiguous.md']) {
		test(`${file} is silent`, async () => {
			const a = await analyze(read(file));
			assert.deepStrictEqual(a.diagnostics.map((d) => `${a.lines.positionAt(d.span.start).line + 1} ${d.code}: ${d.message}`), []);
		});
	}

	test('ambiguous and unknown names stay unchecked and are listed', async () => {
		const a = await analyze(read('ambiguous.md'));
		for (const name of ['b_1', 'b_2', 'foo_{3}']) assert.ok(a.summary.uncheckedNames.includes(name), `${name} is listed`);
	});

	for (const [file, expected] of Object.entries(mistakes)) {
		test(`${file} reports each planted mistake once, at its origin`, async () => {
			const a = await analyze(read(file));
			const line = (o: number) => a.lines.positionAt(o).line + 1;
			const origins = a.diagnostics.filter((d) => d.code !== 'inherited');
			assert.deepStrictEqual(origins.map((d) => `${line(d.span.start)} ${d.code}`), expected.map(([k]) => k));
			origins.forEach((d, i) => {
				const words = expected[i][1];
				if (words) assert.match(d.message, words);
			});
			const originLines = new Set(origins.map((d) => line(d.span.start)));
			for (const d of a.diagnostics.filter((x) => x.code === 'inherited')) {
				assert.ok(d.origin && originLines.has(line(d.origin.start)), `the hint on line ${line(d.span.start)} points at an origin`);
				assert.ok(d.expected, 'an inherited hint carries the true value');
			}
		});
	}
});
