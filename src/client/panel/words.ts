/**
 * The network panel's own words. The webview has no `vscode.l10n`, so the host translates these
 * English templates (the keys of `l10n/bundle.l10n.*.json`, as every `vscode.l10n.t` string is)
 * and sends them with each view; the script fills their `{0}`, `{1}` … itself and falls back to
 * English for any word that is missing or not a string. Words go into the page as text only.
 */

export const englishWords = {
	verdictWrong: 'wrong: a finding is on this number',
	verdictCarried: 'carries an error that starts earlier',
	verdictOk: 'agrees with the network',
	states: 'The document states {0} on line {1}: {2}.',
	startsOn: 'The error starts on line {0}.',
	clickToReveal: 'Click to reveal it in the editor.',
	channel: 'channel {0}',
	columnName: 'name',
	columnPosition: 'position',
	columnNetwork: 'network',
	columnDocument: 'document',
	columnVerdict: 'verdict',
	columnLine: 'line',
	cellWrong: 'wrong',
	cellCarried: 'carried',
	cellOk: 'right',
	revealInEditor: 'Reveal in the editor',
	range: 'from {0} to {1}',
	tableOfValues: 'Table of values',
	diagram: 'The network, layer by layer',
	input: 'input',
	loss: 'loss',
	inputAndTarget: 'input and target',
	lossOf: 'loss — {0}',
	networkOf: 'Network of {0}',
	networkOfMany: 'Network of {0} (network {1} of {2})',
	summary: '{0} values stated in the document · {1} wrong · {2} carrying an earlier error',
	legendWrong: 'wrong (a finding is on it)',
	legendCarried: 'carries an earlier error',
	legendOk: 'stated and right',
	legendNegative: 'negative',
	legendPositive: 'positive',
	noNetwork: '{0} declares no network block that derivcheck can build, so there is no network to show.',
	noDocument: 'Open a Markdown or LaTeX document with a network block.',
} as const;

export type PanelWords = { readonly [K in keyof typeof englishWords]: string };

/** The words as they arrived, each a string of bounded length, English where one is not: `panelWords({ input: '输入' }).input` is `输入`. */
export function panelWords(received: unknown): PanelWords {
	const got = typeof received === 'object' && received !== null ? (received as Record<string, unknown>) : {};
	const out: Record<string, string> = {};
	for (const [key, english] of Object.entries(englishWords)) {
		const w = got[key];
		out[key] = typeof w === 'string' && w.length <= 400 ? w : english;
	}
	return out as PanelWords;
}

/** A word with its placeholders filled: `fill('from {0} to {1}', 1, 2)` is `from 1 to 2`. */
export function fill(template: string, ...args: (string | number)[]): string {
	return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
