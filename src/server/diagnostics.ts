/**
 * Re-checks open documents and publishes their diagnostics. Each document has at most one check
 * in flight: a new version cancels the old check through its token (the core checks the token
 * between regions), waits a short debounce so that typing does not check every keystroke, and a
 * result whose version is no longer the document's is dropped rather than published. An opened
 * document is checked at once; after an edit the debounce is as long as the document's last check
 * took, up to `CHANGE_DEBOUNCE_MS`: a check that takes 3 ms waits 3 ms, so a fast (incremental)
 * check reaches the editor while the user types, and a slow one is not started for every keystroke
 * (the first edit of a document not yet checked waits for nothing). A check waits only for the
 * client's settings at start-up (`ready`), so the first diagnostics are already the right ones. Once the
 * client asks the server to shut down, `dispose()` cancels every pending and running check and
 * refuses new ones, so nothing is sent on a connection that is closing.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationLike, CheckReport, LanguageService } from '../core/index';
import { lineIndexOf, toInput, toLspDiagnostic } from './convert';
import { guard } from './guard';
import { summaryNotification, type SummaryParams } from './protocol';

/** The longest debounce after an edit, in milliseconds. */
export const CHANGE_DEBOUNCE_MS = 150;

/** The debounce after an edit, given how long the document's last check took: `changeDebounce(40)` is 40, `changeDebounce(900)` is 150. */
export function changeDebounce(lastCheckMs: number | undefined): number {
	if (lastCheckMs === undefined || !Number.isFinite(lastCheckMs)) return 0;
	return Math.min(CHANGE_DEBOUNCE_MS, Math.max(0, Math.round(lastCheckMs)));
}

class Token implements CancellationLike {
	isCancellationRequested = false;
}

interface Pending {
	readonly token: Token;
	timer?: ReturnType<typeof setTimeout>;
}

/** The summary notification's parameters for a finished check. */
export function summaryParams(report: CheckReport): SummaryParams {
	return { uri: report.uri, version: report.version, ...report.summary, uncheckedNames: [...report.summary.uncheckedNames] };
}

export class DiagnosticsScheduler {
	private readonly pending = new Map<string, Pending>();
	/** How long each open document's last finished check took, in milliseconds. */
	private readonly lastCheckMs = new Map<string, number>();
	private disposed = false;
	private readonly run: (uri: string, entry: Pending) => Promise<void>;

	constructor(
		private readonly connection: Connection,
		private readonly documents: TextDocuments<TextDocument>,
		private readonly service: LanguageService,
		/** Settles once the client's settings are known; no check starts before, so none runs on defaults the client overrides. */
		private readonly ready: Promise<void> = Promise.resolve(),
	) {
		this.run = guard(connection.console, 'check', undefined, (uri: string, entry: Pending) => this.check(uri, entry));
	}

	/** Schedules a check of `uri` after `delayMs`, cancelling any check of an older version. */
	schedule(uri: string, delayMs: number): void {
		this.cancel(uri);
		if (this.disposed) return;
		const entry: Pending = { token: new Token() };
		this.pending.set(uri, entry);
		entry.timer = setTimeout(() => void this.run(uri, entry), delayMs);
	}

	/** Schedules the check after an edit of `uri`, debounced by how long its last check took. */
	scheduleChange(uri: string): void {
		this.schedule(uri, changeDebounce(this.lastCheckMs.get(uri)));
	}

	/** Re-checks every open document, e.g. after the settings changed. */
	scheduleAll(): void {
		for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
	}

	/** Cancels the check of `uri`, if one is pending or running. */
	cancel(uri: string): void {
		const old = this.pending.get(uri);
		if (!old) return;
		old.token.isCancellationRequested = true;
		if (old.timer) clearTimeout(old.timer);
		this.pending.delete(uri);
	}

	/** Cancels the check of a closed document and clears what was published for it. */
	close(uri: string): void {
		this.cancel(uri);
		this.lastCheckMs.delete(uri);
		if (!this.disposed) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
	}

	/** Cancels every pending and running check and schedules none after, on `shutdown` or `exit`. */
	dispose(): void {
		this.disposed = true;
		for (const uri of [...this.pending.keys()]) this.cancel(uri);
	}

	private async check(uri: string, entry: Pending): Promise<void> {
		await this.ready;
		const doc = this.documents.get(uri);
		if (!doc || entry.token.isCancellationRequested) return;
		const version = doc.version;
		const started = Date.now();
		const report = await this.service.check(toInput(doc), entry.token);
		if (report) this.lastCheckMs.set(uri, Date.now() - started);
		if (this.pending.get(uri) === entry) this.pending.delete(uri);
		const current = this.documents.get(uri);
		if (!report || entry.token.isCancellationRequested || this.disposed || !current || current.version !== version) return;
		const index = lineIndexOf(current);
		await this.connection.sendDiagnostics({ uri, version, diagnostics: report.diagnostics.map((d) => toLspDiagnostic(uri, index, d)) });
		await this.connection.sendNotification(summaryNotification, summaryParams(report));
	}
}
