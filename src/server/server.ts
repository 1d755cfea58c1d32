/**
 * Wires the LSP connection to the core: documents in incremental sync (`TextDocuments` applies
 * each change through `TextDocument.update`), a check at once on open and a debounced one on
 * change, hover, code actions, settings pulled from the client, and derivcheck's own messages.
 * The language service comes from a factory so that tests can inject a fake one; every handler
 * is guarded (see `guard.ts`), looks its document up, delegates and converts. On `shutdown`
 * (and on `exit`, for a client that skips it) the scheduler is disposed: no check is pending or
 * started after, so nothing is sent on a connection that is closing. Where the host can read files
 * (`main.ts`), each document's settings also come from its configuration file (`config.ts`), read
 * again when the client reports that one changed. The messages follow the editor's display
 * language, `InitializeParams.locale` (`zh-cn` reads Chinese), laid over every settings update.
 */
import {
	CodeActionKind,
	DidChangeConfigurationNotification,
	TextDocuments,
	TextDocumentSyncKind,
	type CancellationToken,
	type Connection,
	type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type LanguageService, type ServiceOptions, type Settings } from '../core/index';
import { localeOf, message, type Locale } from '../core/index';
import { ConfigSettings, type ConfigLookup } from './config';
import { fixAllEdits, networkBlockEdits, onCodeAction } from './codeActions';
import { forgetLineIndex } from './convert';
import { DiagnosticsScheduler } from './diagnostics';
import { guard } from './guard';
import { onHover } from './hover';
import { onExportHtml, onNetworkView, type ReportAssets } from './panel';
import { insertNetworkBlockKind, networkBlockRequest, type NetworkBlockResult } from './protocol';
import { checkDocumentsRequest, exportHtmlRequest, fixAllKind, fixAllRequest, networkViewRequest, type CheckDocumentsParams, type ExportHtmlParams, type FixAllParams, type NetworkViewParams } from './protocol';
import { onGenerate } from './generate';
import { generateRequest, type GenerateParams, type GenerateResult } from './protocol';
import { toSettings } from './settings';
import { checkDocuments } from './workspace';

/** Makes the language service the server delegates to, given the initial settings and how a document's own are found. */
export type ServiceFactory = (settings: Settings, options?: ServiceOptions) => LanguageService;

/** What a running server exposes to its host (and to tests). */
export interface ServerHandle {
	readonly documents: TextDocuments<TextDocument>;
	readonly service: LanguageService;
}

/**
 * Registers every handler on `connection` and starts listening. `main.ts` calls
 * `startServer(createConnection(ProposedFeatures.all), createLanguageService)`; tests pass a
 * connection over in-memory streams and a fake service.
 */
export function startServer(connection: Connection, serviceFactory: ServiceFactory, configFiles?: ConfigLookup, assets: ReportAssets = {}): ServerHandle {
	const log = connection.console;
	const documents = new TextDocuments(TextDocument);
	const configs = configFiles && new ConfigSettings(configFiles, log);
	const service = serviceFactory(defaultSettings, configs ? { settingsFor: (uri, editor) => configs.settingsFor(uri, editor) } : {});
	// Checks wait for the client's settings at start-up, so that the first diagnostics are already the right ones.
	let settingsKnown: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (settingsKnown = resolve));
	const scheduler = new DiagnosticsScheduler(connection, documents, service, ready);
	let pullsConfiguration = false;
	let watchesConfiguration = false;
	let shuttingDown = false;
	let locale: Locale | undefined;
	/** The settings with the editor's display language, once the client has said it. */
	const localized = (s: Settings): Settings => (locale ? { ...s, locale } : s);

	const refreshSettings = guard(log, 'configuration', undefined, async () => {
		if (!pullsConfiguration || shuttingDown) return;
		const raw: unknown = await connection.workspace.getConfiguration('derivcheck');
		service.updateSettings(localized(toSettings(raw)));
	});

	connection.onInitialize((params): InitializeResult => {
		pullsConfiguration = params.capabilities.workspace?.configuration === true;
		watchesConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
		locale = localeOf(params.locale);
		if (locale) service.updateSettings(localized(defaultSettings));
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
				hoverProvider: true,
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind, insertNetworkBlockKind] },
			},
			serverInfo: { name: 'derivcheck' },
		};
	});

	const initialized = guard(log, 'initialized', undefined, async () => {
		if (watchesConfiguration && !shuttingDown) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'derivcheck' });
		await refreshSettings();
		scheduler.scheduleAll();
	});
	connection.onInitialized(async () => {
		await initialized();
		settingsKnown();
	});

	connection.onDidChangeConfiguration(
		guard(log, 'didChangeConfiguration', undefined, async (change: { settings?: unknown }) => {
			if (pullsConfiguration) await refreshSettings();
			else service.updateSettings(localized(toSettings(record(change.settings).derivcheck)));
			scheduler.scheduleAll();
		}),
	);

	connection.onDidChangeWatchedFiles(
		guard(log, 'didChangeWatchedFiles', undefined, () => {
			if (!configs || shuttingDown) return;
			configs.clear();
			scheduler.scheduleAll();
		}),
	);

	const stop = (): void => {
		shuttingDown = true;
		scheduler.dispose();
	};
	connection.onShutdown(stop);
	connection.onExit(stop);

	documents.onDidOpen((e) => scheduler.schedule(e.document.uri, 0));
	documents.onDidChangeContent((e) => scheduler.scheduleChange(e.document.uri));
	documents.onDidClose((e) => {
		forgetLineIndex(e.document.uri);
		scheduler.close(e.document.uri);
	});

	connection.onHover(guard(log, 'hover', null, (params, token) => onHover(documents, service, params, token)));
	connection.onCodeAction(guard(log, 'codeAction', [], (params, token) => onCodeAction(documents, service, params, token)));
	connection.onRequest(fixAllRequest, guard(log, 'fixAll', [], (params: FixAllParams, token) => fixAllEdits(documents, service, params.uri, token)));
	// A request that failed says so in the editor's language, which is known only once the client has said it.
	const networkBlock = guard(log, 'networkBlock', undefined, (params: FixAllParams, token: CancellationToken) => networkBlockEdits(documents, service, params.uri, token, locale));
	connection.onRequest(networkBlockRequest, async (params: FixAllParams, token: CancellationToken): Promise<NetworkBlockResult> => (await networkBlock(params, token)) ?? { kind: 'none', reason: message('request.failed', {}, locale) });
	connection.onRequest(
		checkDocumentsRequest,
		guard(log, 'checkDocuments', { summaries: [] }, (params: CheckDocumentsParams, token) => checkDocuments(connection, documents, service, params, token)),
	);

	connection.onRequest(networkViewRequest, guard(log, 'networkView', null, (params: NetworkViewParams, token) => onNetworkView(documents, service, params, token)));
	connection.onRequest(exportHtmlRequest, guard(log, 'exportHtml', null, (params: ExportHtmlParams, token) => onExportHtml(documents, service, assets, params, token)));
	const generate = guard(log, 'generate', undefined, (params: GenerateParams, token: CancellationToken) => onGenerate(documents, params, token, locale));
	connection.onRequest(generateRequest, async (params: GenerateParams, token: CancellationToken): Promise<GenerateResult> => (await generate(params, token)) ?? { kind: 'refused', reason: message('request.failed', {}, locale) });

	documents.listen(connection);
	connection.listen();
	return { documents, service };
}

function record(v: unknown): Record<string, unknown> {
	return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}
