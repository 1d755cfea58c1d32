// Builds the extension's bundles with one esbuild context each, in the manner of
// vscode-extension-samples' esbuild-sample: the client (loaded by VS Code), the language
// server (a separate Node process), and the CLI. `--watch` keeps all contexts alive;
// `--production` minifies and drops source maps. The server and the CLI are also package bins
// (`derivcheck-language-server`, `derivcheck`): both open with a shebang and are made executable,
// so `dist/server.js --stdio` runs as other editors start it. `dist/browser/` holds the extension
// for the browser: its client and the server for a web worker. `dist/webview/panel.js` is the
// network panel's script, run inside its webview (a browser context of its own), and `dist/katex/`
// a copy of KaTeX's stylesheet and WOFF2 fonts, which the panel loads and the server embeds in the
// HTML export (the extension ships without `node_modules`). `--bench` also bundles the benchmark
// (`dist/bench.js`, run by `npm run bench`), so that it times the code as it ships, not as a
// TypeScript loader rewrites it (tsx wraps every function it creates, doubling a check's time).
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const bench = process.argv.includes('--bench');

/** Reports build results the way VS Code's problem matchers expect. */
const problemMatcherPlugin = {
	name: 'problem-matcher',
	setup(build) {
		build.onStart(() => {
			if (watch) console.log('[watch] build started');
		});
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
			}
			if (watch) console.log('[watch] build finished');
		});
	},
};

const common = {
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node18',
	minify: production,
	sourcemap: !production,
	sourcesContent: false,
	logLevel: 'silent',
	plugins: [problemMatcherPlugin],
};

const bundles = [
	{ entryPoints: ['src/client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
	{ entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
	{ entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
	// The extension in the browser (vscode.dev): the client, and the same server in a web worker
	// (the LSP library's browser build, same API).
	{ entryPoints: ['src/client/browserExtension.ts'], outfile: 'dist/browser/client.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'] },
	{
		entryPoints: ['src/server/browserMain.ts'], outfile: 'dist/browser/server.js', platform: 'browser', format: 'iife', target: 'es2022',
		alias: { 'vscode-languageserver/node': 'vscode-languageserver/browser' },
	},
	// The network panel's script, in its webview: no Node, no `vscode` module, only the DOM and `acquireVsCodeApi`.
	{ entryPoints: ['src/client/panel/webview/main.ts'], outfile: 'dist/webview/panel.js', platform: 'browser', format: 'iife', target: 'es2022' },
];
// markdownlint stays in node_modules: the benchmark imports it by a specifier in a variable, which no bundler follows.
if (bench) bundles.push({ entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js', mainFields: ['module', 'main'] });

/**
 * Copies KaTeX's stylesheet and its WOFF2 fonts (the only format the stylesheet needs first) into
 * `dist/katex/`. A file already there with the same bytes is left alone, so a build never rewrites
 * what a packaging run beside it may be reading.
 */
function copyKatex() {
	const from = path.dirname(require.resolve('katex'));
	const to = path.join('dist', 'katex');
	fs.mkdirSync(path.join(to, 'fonts'), { recursive: true });
	const copy = (a, b) => {
		const bytes = fs.readFileSync(a);
		if (fs.existsSync(b) && fs.readFileSync(b).equals(bytes)) return;
		fs.writeFileSync(b, bytes);
	};
	copy(path.join(from, 'katex.min.css'), path.join(to, 'katex.min.css'));
	for (const font of fs.readdirSync(path.join(from, 'fonts'))) {
		if (font.endsWith('.woff2')) copy(path.join(from, 'fonts', font), path.join(to, 'fonts', font));
	}
}
const executables = ['dist/server.js', 'dist/cli.js'];

async function main() {
	copyKatex();
	const contexts = await Promise.all(bundles.map((b) => esbuild.context({ ...common, ...b })));
	if (watch) {
		await Promise.all(contexts.map((c) => c.watch()));
		return;
	}
	await Promise.all(contexts.map((c) => c.rebuild()));
	await Promise.all(contexts.map((c) => c.dispose()));
	for (const file of executables) fs.chmodSync(file, 0o755);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
