/**
 * A fresh code-server (VS Code 1.100 server + web workbench) for one suite run. Strategy: all
 * state lives in a throwaway temp dir (user data, extensions, XDG config/data, the workspace copy),
 * the .vsix is installed with code-server's own `--install-extension`, user settings silence
 * everything a first start would pop up, and the server binds 127.0.0.1 on a free port only.
 * Readiness is code-server's /healthz answering, bounded by a timeout.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { collectLogs } from './artifacts';
import { exited, onCleanup, run, startLogged, withTimeout } from './procs';

export const CODE_SERVER_ENTRY = '.cache/cs/node_modules/code-server/out/node/entry.js';

export interface CodeServer {
	url: string;
	/** The workspace folder opened in the window (a copy of the fixture). */
	workspace: string;
	userDataDir: string;
	tmp: string;
	logFile: string;
	child: ChildProcess;
}

const SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'security.workspace.trust.enabled': false,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'git.enabled': false,
	'editor.minimap.enabled': false,
	'editor.hover.delay': 200,
	'editor.fontSize': 15,
	'files.autoSave': 'off',
	'chat.commandCenter.enabled': false,
	'window.commandCenter': false,
};

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
		});
	});
}

/** What differs between the suite's passes: the display language, and where the logs go. */
export interface PassOptions {
	/** A display language (code-server's `--locale`), with the language pack that provides it. */
	locale?: { id: string; pack: (dir: string) => Promise<string>; register: (userDataDir: string, extensionsDir: string) => void };
	/** The folder of `results` that receives the logs (`logs` unless told). */
	logsDir?: string;
}

/**
 * Installs `vsix` into a fresh code-server over a workspace made of `files` (copied flat) and
 * starts it; its logs are copied into `results` when it is stopped at cleanup.
 */
export async function startCodeServer(root: string, vsix: string, files: string[], results: string, options: PassOptions = {}): Promise<CodeServer> {
	const entry = path.join(root, CODE_SERVER_ENTRY);
	if (!fs.existsSync(entry)) throw new Error(`${CODE_SERVER_ENTRY} missing: run "npm run setup" first`);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'derivcheck-e2e-'));
	onCleanup('temp dir', () => fs.rmSync(tmp, { recursive: true, force: true }));
	const userDataDir = path.join(tmp, 'user-data');
	const extensionsDir = path.join(tmp, 'extensions');
	const workspace = path.join(tmp, 'workspace');
	fs.mkdirSync(workspace);
	for (const f of files) fs.copyFileSync(f, path.join(workspace, path.basename(f)));
	fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
	fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, '\t'));
	const env = {
		...process.env,
		XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
		XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
		XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
		// no gallery: the machine cannot reach one, and the suite must not try
		EXTENSIONS_GALLERY: '{}',
	};
	const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
	await run(process.execPath, [entry, ...common, '--install-extension', vsix, '--force'], { env, timeoutMs: 120_000 });
	const locale = options.locale ? ['--locale', options.locale.id] : [];
	if (options.locale) {
		const pack = await options.locale.pack(tmp);
		await run(process.execPath, [entry, ...common, '--install-extension', pack, '--force'], { env, timeoutMs: 120_000 });
		options.locale.register(userDataDir, extensionsDir);
	}

	const port = await freePort();
	const logFile = path.join(tmp, 'code-server.log');
	onCleanup('collect logs', () => collectLogs(path.join(results, options.logsDir ?? 'logs'), userDataDir, logFile));
	const args = [
		entry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
		'--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
		'--disable-proxy', '--ignore-last-opened', '--log', 'trace', ...locale, workspace,
	];
	const child = startLogged(process.execPath, args, logFile, { env, cwd: tmp });
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	await withTimeout(Promise.race([healthy(url, deadline), exited(child).then((c) => {
		throw new Error(`code-server exited with ${c} before it was ready; see ${logFile}`);
	})]), 61_000, 'code-server start');
	return { url: `${url}/?folder=${encodeURIComponent(workspace)}`, workspace, userDataDir, tmp, logFile, child };
}

async function healthy(url: string, deadline: number): Promise<void> {
	while (Date.now() < deadline) {
		try {
			const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
			if (r.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${url}/healthz did not answer in time`);
}
