/**
 * The few DOM types the panel's script uses, declared here because the project compiles without
 * the DOM library (the same code base builds Node bundles, where DOM globals must not type-check).
 * Only what the script calls is declared; at run time these are the webview's own objects.
 */

export interface Style {
	backgroundColor: string;
	outline: string;
}

export interface El {
	textContent: string | null;
	className: string;
	readonly classList: { add(...names: string[]): void; remove(...names: string[]): void; toggle(name: string, force?: boolean): boolean };
	readonly style: Style;
	readonly dataset: Record<string, string | undefined>;
	open?: boolean;
	tabIndex: number;
	setAttribute(name: string, value: string): void;
	getAttribute(name: string): string | null;
	appendChild<T extends El>(child: T): T;
	replaceChildren(...children: El[]): void;
	addEventListener(type: string, listener: (event: { key?: string; preventDefault(): void }) => void): void;
	querySelector(selector: string): El | null;
	querySelectorAll(selector: string): ArrayLike<El>;
	scrollIntoView(options?: { block?: string; inline?: string }): void;
	focus(): void;
}

export interface Doc {
	createElement(tag: string): El;
	getElementById(id: string): El | null;
}

/** The VS Code API object a webview script gets once from `acquireVsCodeApi()`. */
export interface VsCodeApi {
	postMessage(message: unknown): void;
}

interface WebviewGlobals {
	readonly document: Doc;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	acquireVsCodeApi(): VsCodeApi;
}

/** The webview's globals, typed as this script uses them. */
export const globals = globalThis as unknown as WebviewGlobals;

/** A new element with a class and, optionally, text (always as text, never as HTML): `el('td', 'dc-cell', '0.5')`. */
export function el(tag: string, className?: string, text?: string): El {
	const e = globals.document.createElement(tag);
	if (className) e.className = className;
	if (text !== undefined) e.textContent = text;
	return e;
}
