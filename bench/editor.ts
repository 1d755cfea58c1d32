/**
 * The editor benchmark (issue 11's goals), against markdownlint linting the same text in the same
 * run: on a generated 10,000-line derivation (`document.ts`), a one-character edit re-checked by a
 * language service that checked the text before it (≤ 0.05× markdownlint's time: a digit typed
 * over another, then a digit typed and taken back, which moves the offsets after it), a full check by
 * a new service (≤ 0.5×), the derivcheck CLI against markdownlint-cli2 on the file, each a fresh
 * process (≤ 1×), and the language server's heap over 10,000 incremental edits (flat). Timings are
 * medians after a warm-up; the heap is measured after a forced garbage collection. It runs bundled
 * (`npm run bench`), as the server and the CLI do. Returns the
 * Markdown section that `run.ts` writes to bench/RESULTS.md.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { createLanguageService } from '../src/core/index';
import { startHarness } from '../test/server/harness';
import { longDerivation } from './document';

const root = path.join(__dirname, '..');

/** The median time of `runs` runs of `f`, after `warmup` runs that are not timed. */
async function median(runs: number, f: () => Promise<unknown> | unknown, warmup = 0): Promise<number> {
	for (let i = 0; i < warmup; i++) await f();
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await f();
		t.push(performance.now() - t0);
	}
	t.sort((a, b) => a - b);
	return t[Math.floor(t.length / 2)];
}

function ms(x: number): string {
	return x < 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(0)} ms`;
}

/** A one-character edit in the middle of the document: the last digit of a stated 0.418, alternately 7 and 9, so every edit changes the text. */
function editAt(text: string): { at: number; digits: [string, string] } {
	const at = text.indexOf('= 0.418', Math.floor(text.length / 2)) + 6;
	return { at, digits: ['7', '9'] };
}

function gc(): () => void {
	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc') as () => void;
}

/** The server's heap after `edits` one-character incremental edits, sampled every tenth of them, in MB. */
async function serverHeap(text: string, edits: number): Promise<number[]> {
	const collect = gc();
	const h = await startHarness(createLanguageService);
	const uri = 'file:///bench.md';
	let version = 1;
	const opened = h.diagnostics(uri);
	await h.open(uri, text, 'markdown', version);
	await opened;
	const { at } = editAt(text);
	const before = text.slice(0, at);
	const line = before.split('\n').length - 1;
	const character = at - before.lastIndexOf('\n') - 1;
	const samples: number[] = [];
	const round = Math.max(1, Math.floor(edits / 10));
	for (let done = 0; done < edits; ) {
		for (let i = 0; i < round; i++, done++) {
			version++;
			await h.edit(uri, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: version % 2 ? '9' : '7' }], version);
		}
		const v = version;
		await h.diagnostics(uri, (p) => p.version === v);
		collect();
		samples.push(process.memoryUsage().heapUsed / 2 ** 20);
	}
	await h.close();
	return samples;
}

function cli(file: string): { derivcheck: number | undefined; markdownlint: number } {
	const run = (args: string[]): void => {
		try {
			execFileSync(process.execPath, args, { stdio: 'ignore', cwd: os.tmpdir() });
		} catch {
			// Both exit non-zero when they find something; only the time is measured here.
		}
	};
	const derivcheckCli = path.join(root, 'dist', 'cli.js');
	const lintCli = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
	const time = (args: string[]): number => {
		run(args);
		const t: number[] = [];
		for (let i = 0; i < 3; i++) {
			const t0 = performance.now();
			run(args);
			t.push(performance.now() - t0);
		}
		return t.sort((a, b) => a - b)[1];
	};
	return { derivcheck: fs.existsSync(derivcheckCli) ? time([derivcheckCli, file]) : undefined, markdownlint: time([lintCli, file]) };
}

export async function editorBench(): Promise<string> {
	// markdownlint is an ES module; a specifier in a variable keeps TypeScript's CommonJS resolution out of it.
	const sync = 'markdownlint/sync';
	const { lint } = (await import(sync)) as { lint: (o: { strings: Record<string, string> }) => unknown };
	const lintVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'markdownlint', 'package.json'), 'utf8')) as { version: string }).version;
	const text = longDerivation(10_000);
	const lines = text.split('\n').length;
	const uri = 'file:///bench.md';
	// Both are timed warm, as in an editor session, after the same warm-up runs.
	const markdownlint = await median(7, () => lint({ strings: { [uri]: text } }), 3);
	const full = await median(7, () => createLanguageService().check({ uri, languageId: 'markdown', version: 1, text }), 3);
	const service = createLanguageService();
	const first = await service.check({ uri, languageId: 'markdown', version: 1, text });
	const { at, digits } = editAt(text);
	let version = 1;
	// Typing is many edits in a row: the first few of each kind warm up, the next ones are timed.
	const edits = 21;
	const edit = await median(edits, () => {
		version++;
		const edited = text.slice(0, at) + digits[version % 2] + text.slice(at + 1);
		return service.check({ uri, languageId: 'markdown', version, text: edited });
	}, 10);
	// A digit typed and taken back at the same place: the offsets after it move by one each time.
	const inserted = await median(edits, () => {
		version++;
		const edited = version % 2 ? text.slice(0, at + 1) + '1' + text.slice(at + 1) : text;
		return service.check({ uri, languageId: 'markdown', version, text: edited });
	}, 10);
	const file = path.join(os.tmpdir(), `derivcheck-bench-${process.pid}.md`);
	fs.writeFileSync(file, text);
	const clis = cli(file);
	fs.rmSync(file, { force: true });
	const heap = await serverHeap(text, 10_000);
	const ratio = (x: number, peer: number): string => `${(x / peer).toFixed(2)}×`;
	const rows = [
		`| one-character edit, re-checked | ${ms(edit)} | ${ms(markdownlint)} (lint the text) | ${ratio(edit, markdownlint)} | ≤ 0.05× | ${edit / markdownlint <= 0.05 ? 'met' : 'not met'} |`,
		`| a digit typed, re-checked (the offsets after it move) | ${ms(inserted)} | ${ms(markdownlint)} (lint the text) | ${ratio(inserted, markdownlint)} | ≤ 0.05× | ${inserted / markdownlint <= 0.05 ? 'met' : 'not met'} |`,
		`| full check, new service | ${ms(full)} | ${ms(markdownlint)} (lint the text) | ${ratio(full, markdownlint)} | ≤ 0.5× | ${full / markdownlint <= 0.5 ? 'met' : 'not met'} |`,
		clis.derivcheck === undefined
			? `| CLI on the file | (run \`npm run build\` first) | ${ms(clis.markdownlint)} (markdownlint-cli2) | – | ≤ 1× | – |`
			: `| CLI on the file, a fresh process | ${ms(clis.derivcheck)} | ${ms(clis.markdownlint)} (markdownlint-cli2) | ${ratio(clis.derivcheck, clis.markdownlint)} | ≤ 1× | ${clis.derivcheck / clis.markdownlint <= 1 ? 'met' : 'not met'} |`,
	];
	const grow = heap[heap.length - 1] - heap[0];
	const table = ['| measure | derivcheck | peer, same run | ratio | goal | |', '|---|---|---|---|---|---|', ...rows].join('\n');
	const memory = `Server heap over 10,000 one-character incremental edits (after a forced GC, every 1,000 edits): ${heap.map((x) => x.toFixed(0)).join(', ')} MB — ${Math.abs(grow) <= Math.max(8, heap[0] * 0.1) ? 'flat' : 'growing'} (${grow >= 0 ? '+' : ''}${grow.toFixed(1)} MB from the first sample to the last).`;
	const facts = `The document: ${lines.toLocaleString('en-US')} lines, ${(text.length / 1000).toFixed(0)} KB, one network block, ${first?.summary.checked ?? 0} chains checked. Medians of ${edits} edits of each kind after 10 untimed ones (the first keystrokes of a session warm up), of 7 full checks and 7 markdownlint runs after 3 untimed ones each, and of 3 runs of each CLI; markdownlint ${lintVersion} with its default rules.`;
	return `## Editor benchmark\n\n${table}\n\n${memory}\n\n${facts}\n`;
}
