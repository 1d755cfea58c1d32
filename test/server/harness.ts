/**
 * Runs the language server in-process over two in-memory pipes and talks to it as an editor
 * would, with a protocol connection of its own. The harness collects published diagnostics,
 * summaries and log messages, answers `workspace/configuration` with a settings object the test
 * controls, and lets a test wait for the next message of each kind. `close()` ends the session as
 * an editor does (a `shutdown` request, then the pipes close) and returns whatever the server still
 * sent after its answer to `shutdown`, waiting past the change debounce so that a check left
 * pending would show up there; the tests assert that nothing was.
 */
import { PassThrough, Writable } from 'stream';
import {
	createConnection,
	createProtocolConnection,
	ProposedFeatures,
	StreamMessageReader,
	StreamMessageWriter,
	type InitializeResult,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
	type Range,
} from 'vscode-languageserver/node';
import { CHANGE_DEBOUNCE_MS } from '../../src/server/diagnostics';
import { startServer, type ServiceFactory } from '../../src/server/server';
import type { ConfigLookup } from '../../src/server/config';
import { summaryNotification, type SummaryParams } from '../../src/server/protocol';

export interface Harness {
	readonly client: ProtocolConnection;
	readonly initializeResult: InitializeResult;
	readonly logs: string[];
	/** What the client answers to `workspace/configuration` for `derivcheck`; tests may replace it. */
	configuration: unknown;
	/** The next diagnostics published for `uri` that satisfy `accept`. */
	diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
	/** The next summary sent for `uri`. */
	summary(uri: string): Promise<SummaryParams>;
	open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
	change(uri: string, text: string, version: number): Promise<void>;
	/** Sends incremental changes, each a range of the text before it and the text that replaces it. */
	edit(uri: string, changes: readonly { range: Range; text: string }[], version: number): Promise<void>;
	/** Shuts the server down, closes the pipes, and returns the messages it sent after `shutdown`. */
	close(): Promise<string[]>;
}

type Waiter<T> = { accept: (x: T) => boolean; resolve: (x: T) => void };

/** Starts a server with `factory` and a client with the given capabilities, and initializes it. */
export async function startHarness(factory: ServiceFactory, options: { configuration?: unknown; pullConfiguration?: boolean; configFiles?: ConfigLookup; locale?: string } = {}): Promise<Harness> {
	const up = new PassThrough();
	const down = new PassThrough();
	// The server writes through this gate: once the session is closed, what it still writes is
	// recorded instead of failing on a destroyed pipe.
	let closed = false;
	const late: string[] = [];
	const serverOut = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			if (closed) {
				late.push(chunk.toString('utf8'));
				callback();
			} else down.write(chunk, callback);
		},
	});
	const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(serverOut));
	startServer(serverConnection, factory, options.configFiles);
	const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
	const diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
	const summaryWaiters: Waiter<SummaryParams>[] = [];
	const logs: string[] = [];
	const settle = <T>(waiters: Waiter<T>[], x: T): void => {
		const i = waiters.findIndex((w) => w.accept(x));
		if (i >= 0) waiters.splice(i, 1)[0].resolve(x);
	};
	const harness = {
		client,
		logs,
		configuration: options.configuration ?? {},
	} as Harness & { initializeResult: InitializeResult };
	client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => settle(diagnosticWaiters, p));
	client.onNotification(summaryNotification, (p: SummaryParams) => settle(summaryWaiters, p));
	client.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
	client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => harness.configuration));
	client.onRequest('client/registerCapability', () => null);
	client.listen();
	harness.diagnostics = (uri, accept = () => true) =>
		new Promise((resolve) => diagnosticWaiters.push({ accept: (p) => p.uri === uri && accept(p), resolve }));
	harness.summary = (uri) => new Promise((resolve) => summaryWaiters.push({ accept: (p) => p.uri === uri, resolve }));
	harness.open = (uri, text, languageId = 'markdown', version = 1) =>
		client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
	harness.change = (uri, text, version) =>
		client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
	harness.edit = (uri, changes, version) =>
		client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
	harness.close = async () => {
		await client.sendRequest('shutdown');
		closed = true;
		client.dispose();
		await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS + 100));
		serverConnection.dispose();
		up.destroy();
		down.destroy();
		return late.map((m) => m.replace(/Content-Length: \d+\r\n\r\n/g, '')).filter((m) => m.length > 0);
	};
	const pull = options.pullConfiguration ?? true;
	harness.initializeResult = await client.sendRequest('initialize', {
		processId: null,
		rootUri: null,
		capabilities: { workspace: { configuration: pull, didChangeConfiguration: { dynamicRegistration: pull } } },
		...(options.locale ? { locale: options.locale } : {}),
	});
	await client.sendNotification('initialized', {});
	return harness;
}
