/**
 * The network panel's script, bundled by esbuild into `dist/webview/panel.js` and run inside the
 * webview (the page comes from ../html.ts with a nonce for this script alone). It waits for the
 * host's `show` messages and draws each (render.ts); a click on a stated value asks the host to
 * reveal it. It tells the host when it is ready, since a message posted before the script listens
 * is lost. Anything that is not a well-formed `show` message is ignored, and a word missing from
 * one is said in English.
 */
import type { ShowMessage } from '../messages';
import { globals } from './dom';
import { render } from './render';
import { panelWords } from '../words';

const vscode = globals.acquireVsCodeApi();

function isShow(m: unknown): m is ShowMessage {
	const s = m as Partial<ShowMessage> | null;
	return typeof s === 'object' && s !== null && s.type === 'show' && typeof s.uri === 'string' && typeof s.name === 'string' && typeof s.version === 'number' && (s.view === null || typeof s.view === 'object');
}

globals.addEventListener('message', (event) => {
	const m = event.data;
	const target = globals.document.getElementById('dc-root');
	if (!isShow(m) || !target) return;
	const highlighted = render(target, { message: m, words: panelWords(m.words), reveal: (start, end) => vscode.postMessage({ type: 'reveal', uri: m.uri, version: m.version, start, end }) });
	highlighted?.scrollIntoView({ block: 'center', inline: 'center' });
});

vscode.postMessage({ type: 'ready' });
