/**
 * The bundled server (`dist/server.js`, built in `suiteSetup`) as an editor starts it: a child
 * process over stdio. One round trip shows the bundle starts, checks, answers and exits cleanly
 * after `shutdown` and `exit`.
 */
import * as assert from 'assert';
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { mismatches, wrongArithmeticMarkdown } from '../shared/expectations';

const root = path.resolve(__dirname, '..', '..');

suite('bundled server over stdio', () => {
	let child: ChildProcessWithoutNullStreams | undefined;

	suiteSetup(function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
	});

	teardown(() => {
		if (child && child.exitCode === null) child.kill();
	});

	test('starts, publishes diagnostics for an opened document, and exits after shutdown', async () => {
		const proc = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { cwd: root });
		child = proc;
		const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
		const client = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
		const uri = 'file:///fixtures/wrong-arithmetic.md';
		const published = new Promise<PublishDiagnosticsParams>((resolve) =>
			client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => p.uri === uri && resolve(p)),
		);
		client.listen();
		const init: InitializeResult = await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
		assert.strictEqual(init.serverInfo?.name, 'derivcheck');
		await client.sendNotification('initialized', {});
		await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: wrongArithmeticMarkdown.text } });
		assert.deepStrictEqual(mismatches(wrongArithmeticMarkdown, (await published).diagnostics), []);
		await client.sendRequest('shutdown');
		await client.sendNotification('exit');
		assert.strictEqual(await exited, 0);
		client.dispose();
	});
});
