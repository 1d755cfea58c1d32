/**
 * The browser build of the server (`dist/browser/server.js`) in a real web worker, as vscode.dev
 * runs it, and the browser client that starts it (`dist/browser/client.js`, package.json's
 * `browser`), which must need nothing the web extension host lacks. Strategy: build, serve the bundle and an empty page from a local HTTP server, open the
 * page in Debian's Chromium through playwright-core, and let `browser/page.js` start the bundle
 * with `new Worker()` and speak LSP to it with `postMessage`: initialize, open the shared fixture, wait for
 * its diagnostics, ask for a hover on the wrong number. Chromium is installed by `npm run setup`;
 * without it the test fails and says so, never skips.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { mismatches, wrongArithmeticMarkdown } from '../shared/expectations';

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'browser', 'server.js');
const pageScript = path.join(__dirname, 'browser', 'page.js');
const flags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Debian's chromium on PATH (or `E2E_CHROMIUM`, as the e2e suite reads it), or a failure that says how to get it. */
function findChromium(): string {
	const candidates = process.env.E2E_CHROMIUM ? [process.env.E2E_CHROMIUM] : (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'chromium'));
	const found = candidates.find((c) => fs.existsSync(c));
	return found ?? assert.fail("Chromium is not installed or not on PATH: run `npm run setup`, which installs Debian's chromium, then run the tests again.");
}

interface WorkerResult {
	readonly serverName?: string;
	readonly diagnostics?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string | number; severity?: number; message: string }[];
	readonly hover?: string;
	readonly failure?: string;
}

suite('the server in a web worker', () => {
	let server: http.Server | undefined;
	let browser: Browser | undefined;
	let base = '';

	suiteSetup(async function () {
		this.timeout(60_000);
		execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
		server = http.createServer((req, res) => {
			const script = { '/server.js': bundle, '/page.js': pageScript }[req.url ?? ''];
			if (script) {
				res.writeHead(200, { 'content-type': 'text/javascript' });
				res.end(fs.readFileSync(script));
			} else {
				res.writeHead(200, { 'content-type': 'text/html' });
				res.end('<!doctype html><title>derivcheck worker</title><script src="/page.js"></script>');
			}
		});
		const listening = server;
		await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
	});

	suiteTeardown(async () => {
		await browser?.close();
		const open = server;
		if (open) await new Promise((resolve) => open.close(resolve));
	});

	test("package.json's browser entry is a bundle that needs only vscode and starts this worker", () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { browser: string; files: string[] };
		assert.strictEqual(path.normalize(pkg.browser), path.normalize('dist/browser/client.js'));
		for (const f of ['dist/browser/client.js', 'dist/browser/server.js']) assert.ok(pkg.files.includes(f), `${f} is in package.json files`);
		const client = fs.readFileSync(path.join(root, pkg.browser), 'utf8');
		const required = new Set([...client.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
		assert.deepStrictEqual([...required], ['vscode'], 'the web extension host provides vscode and nothing else');
		assert.match(client, /"dist",\s*"browser",\s*"server\.js"/, 'the client starts dist/browser/server.js');
	});

	test('checks a document and answers a hover inside the worker', async function () {
		this.timeout(90_000);
		browser = await chromium.launch({ executablePath: findChromium(), args: flags, timeout: 60_000 });
		const page = await browser.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (e) => pageErrors.push(e.message));
		await page.goto(base);
		const fixture = wrongArithmeticMarkdown;
		const [wrong] = fixture.diagnostics;
		const call = `checkInWorker(${JSON.stringify(fixture.text)}, ${wrong.line}, ${wrong.character + 1})`;
		const result = (await page.evaluate(call)) as WorkerResult;
		assert.strictEqual(result.failure, undefined, `${result.failure ?? ''}; page errors: ${pageErrors.join('; ')}`);
		assert.strictEqual(result.serverName, 'derivcheck');
		assert.deepStrictEqual(mismatches(fixture, result.diagnostics ?? []), []);
		assert.ok(result.hover, 'the hover has text');
		for (const s of fixture.hoverIncludes) assert.ok(result.hover.includes(s), `the hover mentions ${s}: ${result.hover}`);
	});
});
