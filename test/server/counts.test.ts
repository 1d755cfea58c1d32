/**
 * Counts that agree: for every example and fixture document, the status bar (the summary the
 * server sends), the CLI's summary line and the Problems panel (the LSP diagnostics VS Code lists:
 * every severity but hint) count the same findings, and no summary says "0 unchecked" above a list
 * of unchecked names. The documents are checked once by the core; each adapter's own conversion
 * is then applied to the same report, so a disagreement points at the adapter or at `summarize`.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { createLanguageService, defaultSettings, LineIndex, type CheckReport, type Settings } from '../../src/core/index';
import { summaryParams } from '../../src/server/diagnostics';
import { lineIndexOf, toLspDiagnostic } from '../../src/server/convert';
import { formatText } from '../../src/cli/formatText';
import { totals, type FileResult } from '../../src/cli/results';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = join(__dirname, '../..');
const folders = ['examples', 'test/fixtures/truth', 'test/fixtures/notation', 'test/fixtures/docs', 'test/fixtures/e2e-workspace'];
const documents = folders.flatMap((f) => readdirSync(join(root, f)).filter((n) => /\.(md|tex)$/.test(n)).map((n) => `${f}/${n}`));

/** What each of the three shows for one report. */
function counts(path: string, text: string, report: CheckReport) {
	const doc = TextDocument.create(report.uri, path.endsWith('.tex') ? 'latex' : 'markdown', 1, text);
	const problems = report.diagnostics.map((d) => toLspDiagnostic(report.uri, lineIndexOf(doc), d)).filter((d) => d.severity !== DiagnosticSeverity.Hint);
	const status = summaryParams(report);
	const result: FileResult = { path, index: new LineIndex(text), report };
	const cliText = formatText([result]);
	const line = /(\d+) checked · (\d+) wrong · (\d+) unchecked/.exec(cliText);
	assert.ok(line, cliText);
	const cliLines = cliText.split('\n').filter((l) => / (error|warning|information) [a-z]+: /.test(l)).length;
	return { problems: problems.length, status, cli: { wrong: Number(line[2]), unchecked: Number(line[3]), lines: cliLines, totals: totals([result]) }, cliText };
}

async function check(path: string, settings: Settings = defaultSettings) {
	const text = readFileSync(join(root, path), 'utf8');
	const ls = createLanguageService(settings);
	const report = await ls.check({ uri: `file:///${path}`, languageId: path.endsWith('.tex') ? 'latex' : 'markdown', version: 1, text });
	assert.ok(report);
	return counts(path, text, report);
}

function assertAgree(c: Awaited<ReturnType<typeof check>>): void {
	assert.strictEqual(c.status.wrong, c.problems, 'the status bar counts what the Problems panel lists');
	assert.strictEqual(c.cli.wrong, c.problems, 'the CLI summary counts what the Problems panel lists');
	assert.strictEqual(c.cli.lines, c.problems, 'the CLI summary counts the lines the CLI prints');
	assert.strictEqual(c.cli.totals.wrong, c.problems);
	assert.strictEqual(c.cli.unchecked, c.status.unchecked);
	assert.ok(c.status.unchecked >= c.status.uncheckedNames.length, `${c.status.unchecked} unchecked beside ${c.status.uncheckedNames.length} names`);
	if (/unchecked names: /.test(c.cliText)) assert.ok(c.cli.unchecked > 0, c.cliText);
}

suite('counts that agree', () => {
	test('finds the documents', () => assert.ok(documents.length >= 20, documents.join()));

	for (const path of documents) {
		test(`status bar, CLI and Problems count the same findings in ${path}`, async () => assertAgree(await check(path)));
	}

	test('the mistakes example counts its nine findings, not the six chains that hold them', async () => {
		const c = await check('examples/cnn-1d-mistakes.md');
		assert.deepStrictEqual([c.problems, c.status.wrong, c.cli.wrong], [9, 9, 9]);
	});

	test('a seed that lists unchecked names counts them as unchecked', async () => {
		const c = await check('test/fixtures/truth/seed-cnn.md');
		assert.ok(c.status.uncheckedNames.length > 0);
		assert.strictEqual(c.status.unchecked, c.status.uncheckedNames.length);
		assert.match(c.cliText, new RegExp(`· ${c.status.uncheckedNames.length} unchecked\\nunchecked names: b_1`));
	});

	test('severity settings change all three alike: a hint raised to a warning counts, a code turned off does not', async () => {
		const settings: Settings = { ...defaultSettings, severity: { inherited: 'warning', arithmetic: 'off' } };
		const plain = await check('examples/cnn-1d-mistakes.md');
		const c = await check('examples/cnn-1d-mistakes.md', settings);
		assertAgree(c);
		assert.notStrictEqual(c.problems, plain.problems);
	});
});
