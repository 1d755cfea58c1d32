/**
 * The network panel (command `derivcheck.showNetwork`): one webview beside the editor that draws
 * the network of the Markdown or LaTeX document in the active editor (webview/main.ts draws it).
 *
 * Strategy: the host holds no network data of its own. It asks the language server for the view
 * (`derivcheck/networkView`, built by the core from the analysis the diagnostics came from) and
 * posts it to the script, again when the active editor changes to another Markdown or LaTeX
 * document, when the server publishes new diagnostics for the document shown (so the panel follows
 * each re-check, never an analysis of its own), and when the script says it is ready (a hidden
 * webview's page is rebuilt when it is shown again). A message from the script is only trusted to
 * be JSON: a reveal names the document shown and offsets into the text of the version drawn, which
 * the editor's own document turns into positions. The webview runs scripts only with its page's
 * nonce, loads only from the extension's `dist/` and `media/`, and has command links off.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { randomNonce } from '../../core/features/report/report';
import { networkViewRequest, type NetworkViewParams, type NetworkViewResult } from '../../server/protocol';
import { panelHtml } from './html';
import { asReveal, type ShowMessage, type ShowNetworkArgs } from './messages';
import { englishWords, type PanelWords } from './words';

export { showNetworkArgs } from './messages';

const languages = new Set(['markdown', 'latex']);
const REFRESH_MS = 150;

/** The panel's words in VS Code's display language; the script fills their placeholders. */
function translatedWords(): PanelWords {
	const out: Record<string, string> = {};
	for (const [key, english] of Object.entries(englishWords)) out[key] = vscode.l10n.t(english);
	return out as PanelWords;
}

export class NetworkPanel implements vscode.Disposable {
	private static current: NetworkPanel | undefined;
	private readonly disposables: vscode.Disposable[] = [];
	private uri: string | undefined;
	private key: string | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private asked = 0;
	private disposed = false;

	/** Shows the panel (making it the first time) for `args.uri`, else the active editor's document. */
	static show(context: vscode.ExtensionContext, client: BaseLanguageClient, args: ShowNetworkArgs): void {
		// With the focus in a webview (the Markdown preview) there is no active editor: the visible Markdown or LaTeX one is meant.
		const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => languages.has(e.document.languageId));
		const uri = args.uri ?? editor?.document.uri.toString();
		if (!NetworkPanel.current) NetworkPanel.current = new NetworkPanel(context, client);
		const panel = NetworkPanel.current;
		panel.uri = uri ?? panel.uri;
		panel.key = args.key;
		panel.panel.reveal(vscode.ViewColumn.Beside, true);
		void panel.refresh();
	}

	private readonly panel: vscode.WebviewPanel;

	private constructor(context: vscode.ExtensionContext, private readonly client: BaseLanguageClient) {
		const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
		const media = vscode.Uri.joinPath(context.extensionUri, 'media');
		this.panel = vscode.window.createWebviewPanel('derivcheck.network', vscode.l10n.t('derivcheck: Network'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
			enableScripts: true,
			enableCommandUris: false,
			enableForms: false,
			localResourceRoots: [dist, media],
		});
		const webview = this.panel.webview;
		const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, ...path)).toString();
		webview.html = panelHtml({
			cspSource: webview.cspSource,
			nonce: randomNonce(),
			script: uri('dist', 'webview', 'panel.js'),
			katexCss: uri('dist', 'katex', 'katex.min.css'),
			panelCss: uri('media', 'panel.css'),
		});
		this.disposables.push(
			webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
			this.panel.onDidDispose(() => this.dispose()),
			vscode.window.onDidChangeActiveTextEditor((e) => {
				if (!e || !languages.has(e.document.languageId) || e.document.uri.toString() === this.uri) return;
				this.uri = e.document.uri.toString();
				this.key = undefined;
				this.schedule();
			}),
			vscode.languages.onDidChangeDiagnostics((e) => {
				if (this.uri && e.uris.some((u) => u.toString() === this.uri)) this.schedule();
			}),
		);
		context.subscriptions.push(this);
	}

	private schedule(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.refresh(), REFRESH_MS);
	}

	/** Asks the server for the view of the document shown and posts it; an answer overtaken by a newer question is dropped. */
	private async refresh(): Promise<void> {
		const uri = this.uri;
		const ask = ++this.asked;
		if (!uri) return this.post({ type: 'show', uri: '', name: '', version: 0, view: null, words: translatedWords() });
		const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
		const params: NetworkViewParams = { uri, ...(editor ? { position: editor.selection.active } : {}), ...(this.key ? { key: this.key } : {}) };
		let result: NetworkViewResult | null = null;
		try {
			result = await this.client.sendRequest<NetworkViewResult | null>(networkViewRequest, params);
		} catch {
			// The server is restarting or the document closed: the panel shows that there is nothing to draw.
		}
		if (ask !== this.asked) return;
		const name = vscode.Uri.parse(uri).path.split('/').pop() ?? uri;
		this.panel.title = vscode.l10n.t('derivcheck: Network — {0}', name);
		this.post({ type: 'show', uri, name, version: result?.version ?? 0, view: result?.view ?? null, words: translatedWords() });
	}

	private post(message: ShowMessage): void {
		if (this.disposed) return;
		void this.panel.webview.postMessage(message);
	}

	/** A message from the script: `ready` (send the view again) or a `reveal` of the document shown. */
	private async receive(m: unknown): Promise<void> {
		if (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready') return this.refresh();
		const r = asReveal(m);
		if (!r || r.uri !== this.uri) return;
		const uri = vscode.Uri.parse(r.uri);
		const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === r.uri);
		const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
		if (r.end > document.getText().length) return;
		const range = new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
		const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}

	dispose(): void {
		if (this.disposed) return;
		this.disposed = true;
		if (NetworkPanel.current === this) NetworkPanel.current = undefined;
		if (this.timer) clearTimeout(this.timer);
		for (const d of this.disposables.splice(0)) d.dispose();
		this.panel.dispose();
	}
}
