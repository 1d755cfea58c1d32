/**
 * The CLI's formatters are pure functions of hand-made reports, so each format's contract is
 * tested here without the core: text lines with 1-based positions, the JSON shape with 0-based
 * LSP ranges (and `origin` for inherited values), SARIF 2.1.0 with rules and 1-based regions.
 */
import * as assert from 'assert';
import { LineIndex, type CheckReport, type Diagnostic } from '../../src/core/index';
import { parseArgs } from '../../src/cli/args';
import { formatText } from '../../src/cli/formatText';
import { toJson } from '../../src/cli/formatJson';
import { toSarif } from '../../src/cli/formatSarif';
import { exitStatus, type FileResult } from '../../src/cli/results';

const text = '# Notes\n\n$$a = 0.1 + 0.2 = 0.4$$\n$$b = 0.4 \\cdot 2 = 0.8$$\n';
const at = (needle: string, from = 0) => ({ start: text.indexOf(needle, from), end: text.indexOf(needle, from) + needle.length });
const arithmetic: Diagnostic = {
	code: 'arithmetic', severity: 'error', message: '0.1 + 0.2 is 0.3, not 0.4.', span: at('0.4'), stated: '0.4', expected: '0.3',
	fix: { span: at('0.4'), newText: '0.3' },
};
const inherited: Diagnostic = { code: 'inherited', severity: 'hint', message: 'b carries the error in a.', span: at('0.8'), origin: at('0.4') };

function result(diagnostics: Diagnostic[], path = 'notes.md', uncheckedNames: string[] = ['x_1']): FileResult {
	const report: CheckReport = { uri: `file:///${path}`, version: 1, diagnostics, summary: { checked: 2, wrong: diagnostics.filter((d) => d.severity === 'error').length, unchecked: uncheckedNames.length, uncheckedNames, suppressed: 0 } };
	return { path, index: new LineIndex(text), report };
}

suite('cli formats', () => {
	test('prints one line per diagnostic with 1-based positions, then the summary', () => {
		assert.strictEqual(
			formatText([result([arithmetic, inherited]), result([], 'clean.md', ['x_1', 'y'])]),
			'notes.md:3:19: error arithmetic: 0.1 + 0.2 is 0.3, not 0.4.\n' +
			'notes.md:4:21: hint inherited: b carries the error in a.\n' +
			'2 files · 4 checked · 1 wrong · 3 unchecked\n' +
			'unchecked names: x_1, y\n',
		);
	});

	test('writes the JSON contract with 0-based ranges and the origin of an inherited value', () => {
		const json = toJson([result([arithmetic, inherited])]);
		assert.deepStrictEqual(json.files, [{
			path: 'notes.md',
			diagnostics: [
				{ code: 'arithmetic', severity: 'error', message: arithmetic.message, range: { start: { line: 2, character: 18 }, end: { line: 2, character: 21 } }, stated: '0.4', expected: '0.3' },
				{ code: 'inherited', severity: 'hint', message: inherited.message, range: { start: { line: 3, character: 20 }, end: { line: 3, character: 23 } }, origin: { start: { line: 2, character: 18 }, end: { line: 2, character: 21 } } },
			],
		}]);
		assert.deepStrictEqual(json.summary, { files: 1, checked: 2, wrong: 1, unchecked: 1, uncheckedNames: ['x_1'], suppressed: 0, errors: 1, warnings: 0 });
	});

	test('says in JSON where a file\'s network came from, and nothing for a file with a block or nothing to read', () => {
		const read = result([], 'read.md');
		const none = result([], 'none.md');
		const plain = result([], 'plain.md');
		const withNetwork = (r: FileResult, network: NonNullable<CheckReport['summary']['network']>): FileResult => ({ ...r, report: { ...r.report, summary: { ...r.report.summary, network } } });
		const json = toJson([withNetwork(read, { source: 'read' }), withNetwork(none, { source: 'none', reason: 'layer h has no formula for h_2' }), plain]);
		assert.deepStrictEqual(json.files.map((f) => [f.path, f.network]), [['read.md', { source: 'read' }], ['none.md', { source: 'none', reason: 'layer h has no formula for h_2' }], ['plain.md', undefined]]);
		assert.ok(!('network' in json.files[2]), 'no network key for a file with nothing to read');
	});

	test('writes SARIF 2.1.0 with a rule per code and 1-based regions', () => {
		const sarif = toSarif([result([arithmetic, inherited], 'dir with space/notes.md')], '1.2.3') as {
			version: string;
			runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
		};
		assert.strictEqual(sarif.version, '2.1.0');
		const run = sarif.runs[0];
		assert.strictEqual(run.tool.driver.name, 'derivcheck');
		assert.deepStrictEqual(run.tool.driver.rules.map((r) => r.id), ['arithmetic', 'value', 'substitution', 'formula', 'inherited', 'network']);
		const [first, second] = run.results;
		assert.strictEqual(first.ruleId, 'arithmetic');
		assert.strictEqual(first.level, 'error');
		assert.strictEqual(second.level, 'note');
		assert.deepStrictEqual(first.locations, [{
			physicalLocation: { artifactLocation: { uri: 'dir%20with%20space/notes.md' }, region: { startLine: 3, startColumn: 19, endLine: 3, endColumn: 22 } },
		}]);
		const uri = { uri: 'dir%20with%20space/notes.md' };
		const origin = { startLine: 3, startColumn: 19, endLine: 3, endColumn: 22 };
		assert.deepStrictEqual(second.relatedLocations, [{
			id: 0,
			message: { text: 'The error this value carries starts here.' },
			physicalLocation: { artifactLocation: uri, region: origin },
		}]);
		assert.strictEqual(first.relatedLocations, undefined);
		assert.deepStrictEqual(first.fixes, [{
			description: { text: 'Replace 0.4 with 0.3.' },
			artifactChanges: [{ artifactLocation: uri, replacements: [{ deletedRegion: origin, insertedContent: { text: '0.3' } }] }],
		}]);
		assert.strictEqual(second.fixes, undefined);
	});

	test('exits 1 on an error or warning and 0 on hints alone', () => {
		assert.strictEqual(exitStatus([result([arithmetic])]), 1);
		assert.strictEqual(exitStatus([result([inherited])]), 0);
		assert.strictEqual(exitStatus([]), 0);
	});

	test('parses options before and after files and rejects bad usage', () => {
		assert.deepStrictEqual(parseArgs(['a.md', '--format=json', '--tolerance', 'strict', 'b.tex']), { kind: 'run', options: { format: 'json', tolerance: 'strict', files: ['a.md', 'b.tex'] } });
		assert.deepStrictEqual(parseArgs(['--', '--odd.md']), { kind: 'run', options: { format: 'text', files: ['--odd.md'] } });
		assert.strictEqual(parseArgs(['--format', 'xml', 'a.md']).kind, 'error');
		assert.strictEqual(parseArgs(['--format']).kind, 'error');
		assert.strictEqual(parseArgs(['--frobnicate', 'a.md']).kind, 'error');
		assert.strictEqual(parseArgs([]).kind, 'error');
		assert.strictEqual(parseArgs(['a.md', '--help']).kind, 'help');
	});
});
