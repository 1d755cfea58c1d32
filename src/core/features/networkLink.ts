/**
 * The hover's "Show in network panel" link: a `command:` URI for the one command hovers may run.
 * The editor runs a hover's command links only when the hover is trusted for that command
 * (`isTrusted: { enabledCommands: [SHOW_NETWORK_COMMAND] }`, set by the client), and the
 * document's own text cannot write a link at all (`markdown.ts` escapes it), so this is the only
 * command a hover can hold. The argument is `encodeURIComponent(JSON.stringify([{uri, key}]))`,
 * and the characters `encodeURIComponent` leaves alone that would end a Markdown link destination
 * or a title — `(`, `)`, `'`, `!`, `*` — are percent-encoded too, which the editor decodes alike.
 */

/** The command the network panel registers; its one argument is `{ uri, key }`. */
export const SHOW_NETWORK_COMMAND = 'derivcheck.showNetwork';

/** What the command is given: the document and the element to highlight (a quantity id, `L0:out:2`). */
export interface ShowNetworkArgs {
	readonly uri: string;
	readonly key: string;
}

/** The command URI: `showNetworkUri({uri: 'file:///a.md', key: 'L0:out:2'})` is `command:derivcheck.showNetwork?%5B%7B%22uri…`. */
export function showNetworkUri(args: ShowNetworkArgs): string {
	const encoded = encodeURIComponent(JSON.stringify([{ uri: args.uri, key: args.key }])).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `command:${SHOW_NETWORK_COMMAND}?${encoded}`;
}

/** The Markdown link a hover ends with; `title` is its text in the reader's language (no Markdown in it). */
export function showNetworkLink(args: ShowNetworkArgs, title = 'Show in network panel'): string {
	return `[${title}](${showNetworkUri(args)})`;
}
