/**
 * The LSP server over the real core, in-process: the shared fixtures get exactly the diagnostics
 * every editor suite expects (test/shared/expectations.ts), a severity override of `off` hides a
 * code, and a binary or very large document neither crashes the server nor stops it answering.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createLanguageService } from '../../src/core/index';
import { ConfigFiles } from '../../src/node/configFile';
import type { Hover } from 'vscode-languageserver/node';
import { mismatches, wrongArithmeticLatex, wrongArithmeticMarkdown, wrongArithmeticStatus } from '../shared/expectations';
import { startHarness, type Harness } from './harness';

suite('language server over the real core', () => {
	let h: Harness;
	// Every session ends with a shutdown after which the server sends nothing more.
	teardown(async () => {
		if (h) assert.deepStrictEqual(await h.close(), [], 'messages sent after shutdown');
	});

	for (const fixture of [wrongArithmeticMarkdown, wrongArithmeticLatex]) {
		test(`reports the wrong result in ${fixture.name} and nothing else`, async () => {
			h = await startHarness(createLanguageService);
			const uri = `file:///fixtures/${fixture.name}`;
			const published = h.diagnostics(uri);
			const summary = h.summary(uri);
			await h.open(uri, fixture.text, fixture.languageId);
			assert.deepStrictEqual(mismatches(fixture, (await published).diagnostics), []);
			const { checked, wrong, unchecked } = await summary;
			assert.deepStrictEqual({ checked, wrong, unchecked }, wrongArithmeticStatus);
			const want = fixture.diagnostics[0];
			const hover: Hover | null = await h.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: want.line, character: want.character + 1 } });
			const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
			for (const s of fixture.hoverIncludes) assert.ok(value.includes(s), value);
		});
	}

	test('hides a code whose severity is set to off', async () => {
		h = await startHarness(createLanguageService, { configuration: { severity: { arithmetic: 'off' } } });
		const uri = 'file:///fixtures/off.md';
		const published = h.diagnostics(uri);
		await h.open(uri, wrongArithmeticMarkdown.text);
		assert.deepStrictEqual((await published).diagnostics, []);
	});

	test('publishes what suppression comments leave, and counts what they silence', async () => {
		h = await startHarness(createLanguageService);
		const cases = [
			{ uri: 'file:///fixtures/suppressed.md', text: '<!-- derivcheck-disable-next-line arithmetic -->\n$$1 + 1 = 3$$\n\n$$1 + 2 = 4$$\n', languageId: 'markdown' },
			{ uri: 'file:///fixtures/suppressed.tex', text: '\\begin{align}\n  a &= 1 + 1 \\\\\n  % derivcheck-disable-next-line\n  &= 3\n\\end{align}\n\\[ 1 + 2 = 4 \\]\n', languageId: 'latex' },
		];
		for (const c of cases) {
			const published = h.diagnostics(c.uri);
			const summary = h.summary(c.uri);
			await h.open(c.uri, c.text, c.languageId);
			const lines = (await published).diagnostics.map((d) => d.range.start.line);
			assert.deepStrictEqual(lines, [c.text.split('\n').findIndex((l) => l.includes('= 4'))], c.uri);
			const { wrong, suppressed } = await summary;
			assert.deepStrictEqual({ wrong, suppressed }, { wrong: 1, suppressed: 1 }, c.uri);
		}
	});

	test('offers "Ignore this finding on this line" as a quick fix that writes the comment', async () => {
		h = await startHarness(createLanguageService);
		const uri = 'file:///fixtures/ignore.tex';
		const text = '\\begin{align}\n  a &= 1 + 1 \\\\\n  &= 3\n\\end{align}\n';
		const published = h.diagnostics(uri);
		await h.open(uri, text, 'latex');
		const [d] = (await published).diagnostics;
		const actions: { title: string; kind?: string; edit?: { changes?: Record<string, { range: unknown; newText: string }[]> } }[] =
			await h.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
		const ignore = actions.find((a) => a.title === 'Ignore this finding on this line (arithmetic)');
		assert.ok(ignore, actions.map((a) => a.title).join('; '));
		assert.strictEqual(ignore.kind, 'quickfix');
		assert.deepStrictEqual(ignore.edit?.changes?.[uri], [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '  % derivcheck-disable-next-line arithmetic\n' }]);
	});

	suite('with configuration files', () => {
		let dir: string;
		const sum = '$$0.3 + 0.4 = 0.8$$\n';
		const uriOf = (...parts: string[]): string => pathToFileURL(path.join(dir, ...parts)).href;
		const published = async (uri: string): Promise<string[]> => {
			const p = h.diagnostics(uri);
			await h.open(uri, sum);
			return (await p).diagnostics.map((d) => String(d.code));
		};
		setup(() => {
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-config-'));
			for (const d of ['quiet/notes', 'plain', 'bad']) fs.mkdirSync(path.join(dir, d), { recursive: true });
			fs.writeFileSync(path.join(dir, 'quiet', '.derivcheck.json'), '{ "tolerance": "loose", "severity": { "value": "off" } }\n');
			fs.writeFileSync(path.join(dir, 'bad', '.derivcheck.yml'), 'tolerance: [loose\n');
		});
		teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

		test('checks each document with the file above it, and others without', async () => {
			h = await startHarness(createLanguageService, { configFiles: new ConfigFiles() });
			assert.deepStrictEqual(await published(uriOf('quiet', 'notes', 'a.md')), []);
			assert.deepStrictEqual(await published(uriOf('plain', 'a.md')), ['arithmetic']);
			assert.deepStrictEqual(await published('untitled:Untitled-1'), ['arithmetic']);
		});

		test('lets an editor setting that differs from its default override the file', async () => {
			h = await startHarness(createLanguageService, { configFiles: new ConfigFiles(), configuration: { tolerance: 'strict' } });
			assert.deepStrictEqual(await published(uriOf('quiet', 'notes', 'a.md')), ['arithmetic']);
		});

		test('logs a file with a mistake once and checks as if there were none', async () => {
			h = await startHarness(createLanguageService, { configFiles: new ConfigFiles() });
			assert.deepStrictEqual(await published(uriOf('bad', 'a.md')), ['arithmetic']);
			assert.deepStrictEqual(await published(uriOf('bad', 'b.md')), ['arithmetic']);
			const said = h.logs.filter((l) => l.includes('ignoring the configuration file'));
			assert.strictEqual(said.length, 1, h.logs.join('\n'));
			assert.match(said[0], /\.derivcheck\.yml: it is not valid YAML at line \d+, column \d+: /);
		});

		test('reads a changed file again when the client says so', async () => {
			h = await startHarness(createLanguageService, { configFiles: new ConfigFiles() });
			const uri = uriOf('plain', 'a.md');
			assert.deepStrictEqual(await published(uri), ['arithmetic']);
			fs.writeFileSync(path.join(dir, 'plain', '.derivcheck.yaml'), 'severity:\n  arithmetic: off\n');
			const again = h.diagnostics(uri);
			await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('plain', '.derivcheck.yaml'), type: 1 }] });
			assert.deepStrictEqual((await again).diagnostics, []);
		});
	});

	test('checks a binary and a very large document without crashing', async () => {
		h = await startHarness(createLanguageService);
		const binary = 'file:///fixtures/binary.md';
		const huge = 'file:///fixtures/huge.md';
		const binaryPublished = h.diagnostics(binary);
		const binarySummary = h.summary(binary);
		await h.open(binary, '\u0000\u0001PNG\u0000$$1 + 1 = 3\u0000$$\uFFFD'.repeat(1000));
		// Each repetition holds one display, `$$1 + 1 = 3\u0000$$`: the NUL is not math, so the chain
		// is counted unchecked, never guessed at, and nothing is reported.
		assert.deepStrictEqual((await binaryPublished).diagnostics, []);
		const { checked, wrong, unchecked } = await binarySummary;
		assert.deepStrictEqual({ checked, wrong, unchecked }, { checked: 0, wrong: 0, unchecked: 1000 });
		const hugePublished = h.diagnostics(huge);
		const paragraph = 'Prose about the forward pass, with $x_1 = 0.5$ and $$0.5 \\times 0.349 \\times 0.034 = 0.006$$\n\n';
		await h.open(huge, paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)));
		assert.deepStrictEqual((await hugePublished).diagnostics, []);
		const hover = await h.client.sendRequest('textDocument/hover', { textDocument: { uri: huge }, position: { line: 0, character: 0 } });
		assert.strictEqual(hover, null);
	});
});
