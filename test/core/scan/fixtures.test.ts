// Scans the fixture documents under test/fixtures/scan (each with a `.json` list of the expected
// regions beside it) and the two seed documents the project started from.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { scanDocument } from '../../../src/core/scan';
import { assertWellFormed, check, type Expected } from './check';

const FIXTURES = path.join(__dirname, '../../fixtures/scan');
const SEEDS = path.join(__dirname, '../../fixtures/seeds');

suite('scan: fixture documents', () => {
	for (const name of fs.readdirSync(FIXTURES).filter(f => !f.endsWith('.json'))) {
		test(`finds the expected regions in ${name}`, () => {
			const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
			const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Expected;
			check(text, expected, name.endsWith('.tex') ? 'latex' : 'markdown');
			check(text.replace(/\n/g, '\r\n'), expected.map(([k, s]) => [k, s.replace(/\n/g, '\r\n')] as const), name.endsWith('.tex') ? 'latex' : 'markdown');
		});
	}
	test('reads the network block of mixed.tex', () => {
		const r = scanDocument(fs.readFileSync(path.join(FIXTURES, 'mixed.tex'), 'utf8'), 'latex');
		assert.deepStrictEqual(r.networks.map(n => n.yaml), ['input: [0.1, 0.2]\n  # indented comment kept as YAML\nloss: mse']);
	});
});

suite('scan: seed documents', () => {
	for (const name of fs.readdirSync(SEEDS).filter(f => f.endsWith('.txt'))) {
		test(`finds math in the seed ${name}`, () => {
			const text = fs.readFileSync(path.join(SEEDS, name), 'utf8');
			const result = scanDocument(text, 'markdown');
			assert.ok(result.regions.length > 0);
			assertWellFormed(text, result);
			for (const r of result.regions) {
				const inner = text.slice(r.inner.start, r.inner.end);
				assert.ok(!inner.startsWith('$') && !inner.endsWith('$'), `delimiter left in ${JSON.stringify(inner.slice(0, 40))}`);
			}
		});
	}
	for (const name of fs.readdirSync(SEEDS).filter(f => f.endsWith('.txt'))) {
		test(`pairs up every $$ of the seed ${name} into a display region`, () => {
			const text = fs.readFileSync(path.join(SEEDS, name), 'utf8');
			const pairs = (text.match(/\$\$/g) ?? []).length / 2;
			assert.strictEqual(scanDocument(text, 'markdown').regions.filter(r => r.kind === 'display').length, pairs);
		});
	}
});
