/**
 * The status bar item: "derivcheck: N checked · M wrong · K unchecked" for the active editor's
 * document, from the summaries the server sends after every check. It shows only for Markdown and
 * LaTeX editors whose language is enabled, lists the unchecked names and counts the findings that
 * suppression comments silenced in its tooltip, and sits where
 * `derivcheck.statusBar.alignment` says (left, right, or hidden).
 */
import * as vscode from 'vscode';
import type { SummaryParams } from '../server/protocol';
import { languages } from './languageClient';

type Alignment = 'left' | 'right' | 'hidden';

function alignment(): Alignment {
	const a = vscode.workspace.getConfiguration('derivcheck').get<string>('statusBar.alignment');
	return a === 'right' || a === 'hidden' ? a : 'left';
}

/** The status bar text for a summary, e.g. "derivcheck: 12 checked · 1 wrong · 0 unchecked". */
export function statusText(s: SummaryParams | undefined): string {
	if (!s) return vscode.l10n.t('derivcheck: checking…');
	return vscode.l10n.t('derivcheck: {0} checked · {1} wrong · {2} unchecked', s.checked, s.wrong, s.unchecked);
}

export class StatusBar implements vscode.Disposable {
	private item: vscode.StatusBarItem | undefined;
	private readonly summaries = new Map<string, SummaryParams>();
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor() {
		this.create();
		this.subscriptions.push(
			vscode.window.onDidChangeActiveTextEditor(() => this.update()),
			vscode.workspace.onDidCloseTextDocument((d) => this.summaries.delete(d.uri.toString())),
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration('derivcheck.statusBar.alignment')) this.create();
				else if (e.affectsConfiguration('derivcheck.enable')) this.update();
			}),
		);
	}

	/** Records the summary of a check and refreshes the item if it is the active document's. */
	set(summary: SummaryParams): void {
		this.summaries.set(summary.uri, summary);
		this.update();
	}

	/** The latest summary for a document, if it was checked. */
	get(uri: string): SummaryParams | undefined {
		return this.summaries.get(uri);
	}

	/** All summaries received, by document uri. */
	all(): ReadonlyMap<string, SummaryParams> {
		return this.summaries;
	}

	private create(): void {
		this.item?.dispose();
		this.item = undefined;
		const a = alignment();
		if (a === 'hidden') return;
		const side = a === 'right' ? vscode.StatusBarAlignment.Right : vscode.StatusBarAlignment.Left;
		this.item = vscode.window.createStatusBarItem('derivcheck.status', side, 100);
		this.item.name = 'derivcheck';
		this.item.command = 'derivcheck.showOutput';
		this.update();
	}

	private update(): void {
		const item = this.item;
		if (!item) return;
		const doc = vscode.window.activeTextEditor?.document;
		const enabled = doc && vscode.workspace.getConfiguration('derivcheck', doc).get<boolean>(`enable.${doc.languageId}`, true);
		if (!doc || !(languages as readonly string[]).includes(doc.languageId) || !enabled) {
			item.hide();
			return;
		}
		const s = this.summaries.get(doc.uri.toString());
		item.text = statusText(s);
		const tooltip = [
			s && s.uncheckedNames.length > 0
				? vscode.l10n.t('Not checked (unknown names): {0}', s.uncheckedNames.join(', '))
				: vscode.l10n.t('derivcheck checks the arithmetic of this document. Click to show the log.'),
		];
		// The count is the statements not understood plus the names listed; the statements are said apart.
		const statements = s ? s.unchecked - s.uncheckedNames.length : 0;
		if (statements > 0) tooltip.push(vscode.l10n.t('Statements not understood: {0}', statements));
		// Older servers (and fakes) send no count; a missing one is none.
		if (s && (s.suppressed ?? 0) > 0) tooltip.push(vscode.l10n.t('Suppressed by derivcheck-disable comments: {0}', s.suppressed));
		// Without a block, where the truth came from: the network read off the document, or why there is none.
		if (s?.network?.source === 'read') tooltip.push(vscode.l10n.t('Network read from the document.'));
		else if (s?.network?.source === 'none') tooltip.push(vscode.l10n.t('No network: {0}', s.network.reason));
		item.tooltip = tooltip.join('\n');
		item.show();
	}

	dispose(): void {
		this.item?.dispose();
		for (const d of this.subscriptions) d.dispose();
	}
}
