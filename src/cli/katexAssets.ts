/**
 * KaTeX's stylesheet for the HTML report, with its fonts embedded: each `@font-face` keeps only its
 * WOFF2 source, read from the installed `katex` package and written as a `data:` URI (about 350 KB
 * for all twenty fonts, so the report stays one file that needs no network). A bundle shipped
 * without `node_modules` (the VS Code extension's `dist/server.js`) finds the same files in the
 * `katex/` folder the build copies beside it. When neither can be read, there is no stylesheet and
 * the report falls back to KaTeX's MathML output, which needs no fonts of its own.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined | null = null;

/** The folder of `katex.min.css` and `fonts/`: the installed package's `dist`, else the copy beside this bundle. */
function katexFolder(): string {
	try {
		return dirname(require.resolve('katex'));
	} catch {
		return join(__dirname, 'katex');
	}
}

/** KaTeX's CSS with the WOFF2 fonts inlined, or undefined when the package's files cannot be read. */
export function katexCss(): string | undefined {
	if (cached !== null) return cached;
	try {
		const dist = katexFolder();
		const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
		cached = css.replace(/src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\)[^;}]*/g, (_all, name: string) => {
			const font = readFileSync(join(dist, 'fonts', `${name}.woff2`)).toString('base64');
			return `src:url(data:font/woff2;base64,${font}) format("woff2")`;
		});
	} catch {
		cached = undefined;
	}
	return cached;
}
