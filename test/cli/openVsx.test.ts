/**
 * Open VSX accepts the package: the registry's own CLI (`ovsx`, from npm) packages this folder with
 * its own rules and publishes it — to a registry stub on 127.0.0.1, since the real registry is not
 * reachable from a test and `ovsx` has no dry run. Everything `ovsx` checks before the upload runs
 * for real (manifest, license, packaging through its own vsce); the stub stands in only for the
 * server, and the test reads what arrived: one .vsix whose manifest names this extension and whose
 * files include the bundles the extension needs.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const ovsx = path.join(root, 'node_modules', 'ovsx', 'bin', 'ovsx');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };

interface Upload {
	readonly path: string;
	readonly token: string | null;
	readonly body: Buffer;
}

/** A registry that answers what `ovsx publish` asks and keeps every upload. */
function startRegistry(): Promise<{ server: http.Server; url: string; uploads: Upload[] }> {
	const uploads: Upload[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			res.setHeader('content-type', 'application/json');
			if (req.method === 'POST' && url.pathname === '/api/-/publish') {
				uploads.push({ path: url.pathname, token: url.searchParams.get('token') ?? req.headers.authorization ?? null, body: Buffer.concat(chunks) });
				res.end(JSON.stringify({ namespace: manifest.publisher, name: manifest.name, version: manifest.version, targetPlatform: 'universal' }));
			} else if (url.pathname === '/api/version') {
				// An old registry version: `ovsx` then skips the per-namespace size lookup, which the stub does not serve.
				res.end(JSON.stringify({ version: '0.1.0' }));
			} else {
				res.statusCode = 404;
				res.end(JSON.stringify({ error: `not served: ${url.pathname}` }));
			}
		});
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, uploads, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

function runOvsx(args: string[]): Promise<{ status: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [ovsx, ...args], { cwd: root, env: { ...process.env, OVSX_PAT: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.on('close', (status) => resolve({ status, output }));
	});
}

suite('open vsx', () => {
	/** The package the first test's publish uploaded, published again as a prepackaged file by the second. */
	let uploaded: Buffer | undefined;

	test('ovsx packages this folder and publishes a complete .vsix', async function () {
		this.timeout(180_000);
		const registry = await startRegistry();
		try {
			const r = await runOvsx(['publish', '--packagePath', root, '--no-dependencies', '--registryUrl', registry.url, '--pat', 'test-token']);
			assert.strictEqual(r.status, 0, r.output);
			assert.match(r.output, new RegExp(`Published ${manifest.publisher}\\.${manifest.name} v${manifest.version.replace(/\./g, '\\.')}`));
			assert.strictEqual(registry.uploads.length, 1, r.output);
			const { body, token } = registry.uploads[0];
			uploaded = body;
			assert.ok(token?.includes('test-token'), `the token reached the registry: ${token}`);
			assert.strictEqual(body.subarray(0, 2).toString('latin1'), 'PK', 'a zip archive');
			// File names sit uncompressed in a zip's headers, so the archive names what it holds.
			const names = body.toString('latin1');
			for (const file of ['extension.vsixmanifest', 'extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/browser/server.js', 'extension/readme.md', 'extension/LICENSE.txt']) {
				assert.ok(names.includes(file), `the package holds ${file}`);
			}
			for (const file of ['extension/src/', 'extension/test/', 'extension/node_modules/']) {
				assert.ok(!names.includes(file), `the package leaves out ${file}`);
			}
		} finally {
			registry.server.close();
		}
	});

	test('a prepackaged .vsix that the registry refuses fails the publish in words', async function () {
		this.timeout(60_000);
		assert.ok(uploaded, 'the package the previous test published');
		const vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-ovsx-')), 'derivcheck.vsix');
		fs.writeFileSync(vsix, uploaded);
		const server = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				res.setHeader('content-type', 'application/json');
				if ((req.url ?? '').startsWith('/api/version')) return res.end(JSON.stringify({ version: '0.1.0' }));
				res.statusCode = 400;
				res.end(JSON.stringify({ error: 'The extension refused by the stub.' }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			const r = await runOvsx(['publish', vsix, '--registryUrl', url, '--pat', 'test-token']);
			assert.notStrictEqual(r.status, 0, r.output);
			assert.match(r.output, /refused by the stub/);
		} finally {
			server.close();
			fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
		}
	});
});
