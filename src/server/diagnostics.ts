/**
 * Re-checks open documents and publishes their diagnostics. Each document has at most one check
 * in flight: a new version cancels the old check through its token (the core checks the token
 * between regions), waits a short debounce so that typing does not check every keystroke, and a
 * result whose version is no longer the document's is dropped rather than published. Once the
 * client asks the server to shut down, `dispose()` cancels every pending and running check and
 * refuses new ones, so nothing is sent on a connection that is closing.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationLike, CheckReport, LanguageService } from '../core/index';
import { lineIndexOf, toInput, toLspDiagnostic } from './convert';
import { guard } from './guard';
import { summaryNotification, type SummaryParams } from './protocol';

/** The debounce after an edit, in milliseconds. */
export const CHANGE_DEBOUNCE_MS = 150;

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
	private disposed = false;
	private readonly run: (uri: string, entry: Pending) => Promise<void>;

	constructor(
		private readonly connection: Connection,
		private readonly documents: TextDocuments<TextDocument>,
		private readonly service: LanguageService,
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
		if (!this.disposed) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
	}

	/** Cancels every pending and running check and schedules none after, on `shutdown` or `exit`. */
	dispose(): void {
		this.disposed = true;
		for (const uri of [...this.pending.keys()]) this.cancel(uri);
	}

	private async check(uri: string, entry: Pending): Promise<void> {
		const doc = this.documents.get(uri);
		if (!doc || entry.token.isCancellationRequested) return;
		const version = doc.version;
		const report = await this.service.check(toInput(doc), entry.token);
		if (this.pending.get(uri) === entry) this.pending.delete(uri);
		const current = this.documents.get(uri);
		if (!report || entry.token.isCancellationRequested || this.disposed || !current || current.version !== version) return;
		const index = lineIndexOf(current);
		await this.connection.sendDiagnostics({ uri, version, diagnostics: report.diagnostics.map((d) => toLspDiagnostic(uri, index, d)) });
		await this.connection.sendNotification(summaryNotification, summaryParams(report));
	}
}
