/**
 * The bundled server (`dist/server.js`) under an editor's worst typing: a child process over stdio
 * gets 1,000 rapid edits of a derivation with a network block, with hovers and code actions sent
 * between them and each one cancelled, as an editor cancels them, when the next edit arrives.
 * Edits go as ranges or as whole texts, whichever sync kind the server announces. What must hold:
 * - every request is answered, with a result or `RequestCancelled`, and never with another error;
 *   the server logs no failed handler;
 * - stale work is dropped, not finished: over the edits the server spends less CPU than checking
 *   every version would take (a full check's CPU is measured in this test, where `/proc`
 *   tells), and no superseded request waits longer than a bounded number of full checks;
 * - the diagnostics published last are those of a fresh check of the final text (the same text
 *   opened under a new name), so no edit was lost or applied twice;
 * - memory is flat: the server's resident set, sampled as the edits go, grows by a bounded amount
 *   from the first quarter to the end.
 */
import * as assert from 'assert';
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
	CancellationTokenSource,
	createProtocolConnection,
	LSPErrorCodes,
	ResponseError,
	StreamMessageReader,
	StreamMessageWriter,
	TextDocumentSyncKind,
	type InitializeResult,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = path.resolve(__dirname, '..', '..');
const EDITS = 1_000;

/** The server's resident set in bytes, or undefined where neither `/proc` nor `ps` can tell. */
function rss(pid: number): number | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
		if (kb) return Number(kb) * 1024;
	} catch { /* not Linux: ask ps */ }
	try {
		return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) * 1024 || undefined;
	} catch {
		return undefined;
	}
}

/** The CPU time the server has used, in milliseconds, where `/proc` tells (Linux). */
function cpuMs(pid: number): number | undefined {
	try {
		// Fields 14 and 15 of /proc/PID/stat, after the parenthesised command name: user and system time in clock ticks (100 per second).
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return undefined;
	}
}

/** The change notification for `edit` of `doc`, in the sync kind the server asked for. */
function changeOf(doc: TextDocument, next: TextDocument, edit: { start: number; end: number; text: string }, incremental: boolean) {
	const contentChanges = incremental
		? [{ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text }]
		: [{ text: next.getText() }];
	return { textDocument: { uri: doc.uri, version: next.version }, contentChanges };
}

suite('bundled server under 1,000 rapid edits', () => {
	let child: ChildProcessWithoutNullStreams | undefined;

	suiteSetup(function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
	});

	teardown(() => {
		if (child && child.exitCode === null) child.kill();
	});

	test('answers every request, drops stale work, ends on a fresh check, and keeps its memory flat', async function () {
		this.timeout(240_000);
		const proc = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { cwd: root });
		child = proc;
		const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
		const client: ProtocolConnection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
		const published = new Map<string, PublishDiagnosticsParams[]>();
		const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
		client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
			published.set(p.uri, [...(published.get(p.uri) ?? []).slice(-4), p]);
			for (const w of waiters.filter((x) => x.uri === p.uri && p.version === x.version)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
		});
		const failures: string[] = [];
		client.onNotification('window/logMessage', (p: { type: number; message: string }) => { if (p.type === 1 || /failed/.test(p.message)) failures.push(p.message); });
		const diagnosticsFor = (uri: string, version: number) => new Promise<PublishDiagnosticsParams>((resolve) => {
			const had = published.get(uri)?.find((p) => p.version === version);
			if (had) resolve(had); else waiters.push({ uri, version, resolve });
		});
		client.listen();

		const init: InitializeResult = await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
		const sync = init.capabilities.textDocumentSync;
		const kind = typeof sync === 'number' ? sync : sync?.change;
		assert.ok(kind === TextDocumentSyncKind.Incremental || kind === TextDocumentSyncKind.Full, `a sync kind the test knows: ${JSON.stringify(sync)}`);
		const incremental = kind === TextDocumentSyncKind.Incremental;
		await client.sendNotification('initialized', {});

		const original = fs.readFileSync(path.join(root, 'examples', 'cnn-1d-mistakes.md'), 'utf8');
		let doc = TextDocument.create('file:///stress/cnn-1d-mistakes.md', 'markdown', 1, original);
		await client.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'markdown', version: 1, text: original } });
		await diagnosticsFor(doc.uri, 1);

		// Edits rewrite stated numbers (a digit changed, a number retyped, sometimes a line added or
		// removed), in a fixed pseudo-random order so that a failure replays.
		let seed = 11;
		const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
		const numbers = () => [...doc.getText().matchAll(/\d\.\d+/g)];
		const pending: Promise<void>[] = [];
		const sources: CancellationTokenSource[] = [];
		const latencies = { answered: [] as number[], cancelled: [] as number[], byMethod: new Map<string, number[]>() };
		let requests = 0;
		const send = (method: string, params: unknown) => {
			const source = new CancellationTokenSource();
			sources.push(source);
			const sent = Date.now();
			requests++;
			pending.push(client.sendRequest(method, params, source.token).then(
				() => {
					(source.token.isCancellationRequested ? latencies.cancelled : latencies.answered).push(Date.now() - sent);
					if (source.token.isCancellationRequested) latencies.byMethod.set(method, [...(latencies.byMethod.get(method) ?? []), Date.now() - sent]);
				},
				(e: unknown) => {
					const cancelled = e instanceof ResponseError && (e.code === LSPErrorCodes.RequestCancelled || e.code === LSPErrorCodes.ServerCancelled || e.code === LSPErrorCodes.ContentModified);
					if (cancelled) latencies.cancelled.push(Date.now() - sent);
					else failures.push(`${method}: ${e instanceof ResponseError ? `${e.code} ${e.message}` : String(e)}`);
				},
			));
		};
		const samples: number[] = [];
		let t = Date.now();
		const cpuBefore = cpuMs(proc.pid!);
		for (let i = 1; i <= EDITS; i++) {
			const all = numbers();
			const hit = all[Math.floor(random() * all.length)];
			const start = hit.index + 2 + Math.floor(random() * (hit[0].length - 2));
			let edit = { start, end: start + 1, text: String(Math.floor(random() * 10)) };
			if (i % 97 === 0) edit = { start: hit.index, end: hit.index, text: `$$0.3 + 0.4 = 0.${i % 10}$$\n` };
			if (i % 101 === 0) { const line = doc.getText().indexOf('\n', hit.index); edit = { start: hit.index, end: line < 0 ? hit.index : line, text: '' }; }
			const next = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, doc.getText()), [{ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text }], doc.version + 1);
			// The editor cancels what it asked about the text this edit replaces.
			for (const s of sources.splice(0)) s.cancel();
			await client.sendNotification('textDocument/didChange', changeOf(doc, next, edit, incremental));
			doc = next;
			const at = doc.positionAt(Math.min(doc.getText().length, hit.index + 1));
			if (i % 3 === 0) send('textDocument/hover', { textDocument: { uri: doc.uri }, position: at });
			if (i % 5 === 0) send('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
			if (i % 50 === 0) {
				const bytes = rss(proc.pid!);
				if (bytes !== undefined) samples.push(bytes);
				// Now and then the editor waits for an answer, as a user who stops typing does.
				await Promise.all(pending.splice(0));
			}
		}
		const editsMs = Date.now() - t;
		const last = await diagnosticsFor(doc.uri, doc.version);
		const cpuAfter = cpuMs(proc.pid!);
		// Hovers and code actions on the final text, not cancelled, must be answered as well.
		const end = doc.positionAt(doc.getText().indexOf('0.'));
		const hover = await client.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position: end });
		await client.sendRequest('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: end, end }, context: { diagnostics: [] } });
		await Promise.all(pending);

		// Full checks of the final text through the server, warm: the unit "quickly" and "stale" are measured in.
		// The first is the fresh check the stressed document must agree with; three give a steadier CPU figure.
		const checks: { ms: number; cpu?: number; p: PublishDiagnosticsParams }[] = [];
		for (let k = 0; k < 3; k++) {
			const uri = `file:///stress/fresh-${k}.md`;
			t = Date.now();
			const cpu = cpuMs(proc.pid!);
			await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: doc.getText() } });
			const p = await diagnosticsFor(uri, 1);
			checks.push({ ms: Date.now() - t, cpu: cpu === undefined ? undefined : cpuMs(proc.pid!)! - cpu, p });
		}
		const expected = checks[0].p;
		const fullCheckMs = Math.max(20, Math.min(...checks.map((c) => c.ms)));
		const fullCheckCpu = checks[0].cpu === undefined ? undefined : Math.max(10, checks.reduce((s, c) => s + c.cpu!, 0) / checks.length);

		assert.deepStrictEqual(failures, []);
		assert.ok(hover !== undefined);
		assert.strictEqual(latencies.answered.length + latencies.cancelled.length, requests, 'every request answered');
		// Related information names the document; the fresh copy has another name.
		const named = (p: PublishDiagnosticsParams) => JSON.parse(JSON.stringify(p.diagnostics).split(JSON.stringify(p.uri).slice(1, -1)).join('DOC')) as unknown;
		assert.deepStrictEqual(named(last), named(expected));
		assert.ok(expected.diagnostics.length > 0, 'the final text still has findings, so the comparison says something');
		const slowestCancelled = Math.max(0, ...latencies.cancelled);
		assert.ok(slowestCancelled <= 20 * fullCheckMs + 3000, `a superseded request took ${slowestCancelled} ms; a full check takes ${fullCheckMs} ms`);
		if (cpuBefore !== undefined && cpuAfter !== undefined && fullCheckCpu !== undefined) {
			// Had the server finished the work of every version it was asked about, it would have spent a full check per edit,
			// and more for the code actions' repairs; it spends less (measured: a quarter to a third of that, most of it repairs).
			const burst = cpuAfter - cpuBefore;
			console.log(`      server CPU: ${burst} ms for the edits, ${fullCheckCpu.toFixed(0)} ms for one full check`);
			assert.ok(burst < EDITS * fullCheckCpu, `the server spent ${burst} ms of CPU on ${EDITS} edits; one full check takes ${fullCheckCpu} ms`);
		}
		if (samples.length >= 8) {
			const early = Math.max(...samples.slice(1, samples.length / 4 + 1));
			const late = Math.max(...samples.slice(-3));
			assert.ok(late - early < 100 * 1024 * 1024, `the server grew from ${(early / 2 ** 20).toFixed(0)} MB to ${(late / 2 ** 20).toFixed(0)} MB over ${EDITS} edits`);
		}
		for (const [method, ms] of latencies.byMethod) {
			const sorted = [...ms].sort((a, b) => a - b);
			console.log(`      ${method} cancelled: median ${sorted[sorted.length >> 1]} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)]} ms, max ${sorted[sorted.length - 1]} ms`);
		}
		console.log(`      ${EDITS} edits (${incremental ? 'incremental' : 'full'} sync) in ${editsMs} ms, ${requests} requests (${latencies.cancelled.length} cancelled), full check ${fullCheckMs} ms, RSS ${samples.length ? `${(Math.min(...samples) / 2 ** 20).toFixed(0)}–${(Math.max(...samples) / 2 ** 20).toFixed(0)} MB` : 'not sampled'}`);

		await client.sendRequest('shutdown');
		await client.sendNotification('exit');
		assert.strictEqual(await exited, 0);
		client.dispose();
	});
});
