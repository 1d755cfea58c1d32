/**
 * The network panel's page: an empty body that its script (dist/webview/panel.js) fills. Strategy:
 * a Content-Security-Policy that allows nothing by default; scripts only with this page's nonce
 * (random per page), styles and fonts only from the webview's own resource origin (the
 * extension's `dist/` and `media/` folders, which `localResourceRoots` limits it to), no inline
 * style sheets, no network, no frames, no forms. The document's text never reaches this HTML: the
 * script writes it into the DOM as text (`textContent`) or through KaTeX. Pure, so mocha tests it.
 */
import { escapeHtml } from '../../core/features/report/html';

export interface PanelPage {
	/** The webview's `cspSource`. */
	readonly cspSource: string;
	/** Letters and digits, random per page. */
	readonly nonce: string;
	/** Webview URIs of the script and the two style sheets. */
	readonly script: string;
	readonly katexCss: string;
	readonly panelCss: string;
}

/** The Content-Security-Policy of the panel: `panelCsp('vscode-resource:', 'ab12')` allows scripts with nonce `ab12` only. */
export function panelCsp(cspSource: string, nonce: string): string {
	return [
		"default-src 'none'",
		`script-src 'nonce-${nonce}'`,
		`style-src ${cspSource}`,
		`font-src ${cspSource}`,
		`img-src ${cspSource} data:`,
		"base-uri 'none'",
		"form-action 'none'",
		"frame-src 'none'",
	].join('; ');
}

/** The panel's HTML: `panelHtml({ cspSource, nonce, script, katexCss, panelCss })`. */
export function panelHtml(p: PanelPage): string {
	const nonce = /^[A-Za-z0-9]+$/.test(p.nonce) ? p.nonce : 'invalid';
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(panelCsp(p.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(p.katexCss)}">
<link rel="stylesheet" href="${escapeHtml(p.panelCss)}">
<title>derivcheck: Network</title>
</head>
<body>
<main id="dc-root" aria-live="polite"><p class="dc-note">Waiting for the document's network…</p></main>
<script nonce="${nonce}" src="${escapeHtml(p.script)}"></script>
</body>
</html>
`;
}
