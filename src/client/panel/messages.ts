/**
 * The messages between the network panel's host (networkPanel.ts, in the extension host) and its
 * script (webview/main.ts, in the webview), as plain data: the host sends the view to draw, the
 * script asks the host to reveal a statement. Both sides check what they receive, since a webview
 * message is only JSON; so does the command, whose argument a command link writes.
 */
import type { NetworkView } from '../../core/index';
import type { PanelWords } from './words';

/** Host → webview: draw this view (null: the document has no network that builds). */
export interface ShowMessage {
	readonly type: 'show';
	readonly uri: string;
	/** The document's name as the title shows it. */
	readonly name: string;
	readonly version: number;
	readonly view: NetworkView | null;
	/** The panel's own words in the editor's language (`words.ts`). */
	readonly words: PanelWords;
}

/** Webview → host: reveal the statement at these offsets of `uri`'s text of `version`. */
export interface RevealMessage {
	readonly type: 'reveal';
	readonly uri: string;
	readonly version: number;
	readonly start: number;
	readonly end: number;
}

/** Webview → host: the script is listening (the host sends the current view then). */
export interface ReadyMessage {
	readonly type: 'ready';
}

export type FromWebview = RevealMessage | ReadyMessage;

/** A reveal message, or undefined for anything else: `asReveal({ type: 'reveal', uri: 'file:///a.md', version: 1, start: 4, end: 9 })`. */
export function asReveal(m: unknown): RevealMessage | undefined {
	if (typeof m !== 'object' || m === null) return undefined;
	const r = m as Partial<RevealMessage>;
	const offset = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
	return r.type === 'reveal' && typeof r.uri === 'string' && typeof r.version === 'number' && offset(r.start) && offset(r.end) && r.end! >= r.start!
		? { type: 'reveal', uri: r.uri, version: r.version, start: r.start!, end: r.end! }
		: undefined;
}

/** The command's argument, as a hover's command link passes it: the document and, optionally, a name key to highlight. */
export interface ShowNetworkArgs {
	readonly uri?: string;
	readonly key?: string;
}

/**
 * The argument of `derivcheck.showNetwork` (alone or first in an argument list, as a command link
 * passes it), or an empty one for anything that is not `{ uri?: string, key?: string }`:
 * `showNetworkArgs([{ uri: 'file:///a.md', key: 'outC3' }])` is `{ uri: 'file:///a.md', key: 'outC3' }`.
 */
export function showNetworkArgs(arg: unknown): ShowNetworkArgs {
	const a = Array.isArray(arg) ? arg[0] : arg;
	if (typeof a !== 'object' || a === null) return {};
	const { uri, key } = a as { uri?: unknown; key?: unknown };
	return { ...(typeof uri === 'string' ? { uri } : {}), ...(typeof key === 'string' && key.length <= 200 ? { key } : {}) };
}
