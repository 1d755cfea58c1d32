/**
 * What the e2e suite leaves behind in the ignored folder test-results/e2e/: screenshots of
 * failures, the README screenshots (copied to the tracked media/screenshots/ only by `npm run
 * screenshots`, and only when every check passed),
 * copies of code-server's and the extension host's logs, and the results as JSON. Strategy: logs
 * are copied after code-server has stopped (so they are flushed) and before its temp dir goes;
 * facts such as the activation time are then read from the copies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RESULTS_DIR = 'test-results/e2e';
export const README_SHOTS = 'media/screenshots';

/** Empties and recreates the results folder under `root`. */
export function resetResults(root: string): string {
	const dir = path.join(root, RESULTS_DIR);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.join(dir, 'readme'), { recursive: true });
	return dir;
}

/** Copies code-server's own log and its user-data logs tree into `dest` (a folder of the results). */
export function collectLogs(dest: string, userDataDir: string, serverLog: string): void {
	fs.mkdirSync(dest, { recursive: true });
	if (fs.existsSync(serverLog)) fs.copyFileSync(serverLog, path.join(dest, 'code-server.log'));
	const logs = path.join(userDataDir, 'logs');
	if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dest, 'user-data-logs'), { recursive: true });
}

/** Every file under `dir` whose base name matches `pattern`. */
export function findFiles(dir: string, pattern: RegExp): string[] {
	if (!fs.existsSync(dir)) return [];
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...findFiles(p, pattern));
		else if (pattern.test(e.name)) out.push(p);
	}
	return out;
}

const STAMP = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})/;

function stampOf(line: string): number | undefined {
	const m = STAMP.exec(line);
	return m ? Date.parse(m[1]!.replace(' ', 'T')) : undefined;
}

export interface Activation {
	log: string;
	event: string;
	/** _doActivateExtension → activate() called: reading and loading the bundle. */
	loadMs: number;
	/** _doActivateExtension → the extension's first diagnostics published (server up, first check done). */
	firstDiagnosticsMs?: number;
}

/**
 * The extension's activations, one per extension host log (code-server runs with --log trace):
 * `ExtensionService#_doActivateExtension <id>` starts it, `ExtensionService#_callActivateOptional
 * <id>` is the call of activate() once the bundle is loaded, and the first `[DiagnosticCollection]`
 * change of the extension is its first published check.
 */
export function activationTimes(results: string, extensionId: string): Activation[] {
	const out: Activation[] = [];
	for (const log of findFiles(path.join(results, 'logs'), /exthost.*\.log$/i)) {
		const lines = fs.readFileSync(log, 'utf8').split('\n');
		const start = lines.find((l) => l.includes(`_doActivateExtension ${extensionId},`));
		const call = lines.find((l) => l.includes(`_callActivateOptional ${extensionId}`));
		const t0 = start ? stampOf(start) : undefined;
		const t1 = call ? stampOf(call) : undefined;
		if (t0 === undefined || t1 === undefined || !start) continue;
		const event = /activationEvent: '([^']*)'/.exec(start)?.[1] ?? '?';
		const diag = lines.find((l) => l.includes(`[DiagnosticCollection]`) && l.includes(` ${extensionId} `));
		const t2 = diag ? stampOf(diag) : undefined;
		out.push({ log: path.relative(results, log), event, loadMs: t1 - t0, firstDiagnosticsMs: t2 === undefined ? undefined : t2 - t0 });
	}
	return out;
}

/**
 * Error lines of the extension host logs that name the extension (activation failures, provider
 * errors), including those while the host shuts down for a window reload: a request cut off by
 * the client stopping must be answered empty, not fail.
 */
export function extensionErrors(results: string, extensionId: string): string[] {
	const out: string[] = [];
	for (const log of findFiles(path.join(results, 'logs'), /exthost.*\.log$/i)) {
		for (const l of fs.readFileSync(log, 'utf8').split('\n')) {
			if (/\[error\]/i.test(l) && l.toLowerCase().includes(extensionId)) out.push(l);
		}
	}
	return out;
}

/** The lines of the extension's output channel (`N-derivcheck.log`), one list per extension host. */
export function outputChannelLogs(results: string): { log: string; lines: string[] }[] {
	return findFiles(path.join(results, 'logs'), /^\d+-derivcheck\.log$/).map((log) => ({
		log: path.relative(results, log),
		lines: fs.readFileSync(log, 'utf8').split('\n'),
	}));
}

/** Copies the README screenshots into media/screenshots/. */
export function publishScreenshots(root: string, results: string): string[] {
	const src = path.join(results, 'readme');
	const dest = path.join(root, README_SHOTS);
	fs.mkdirSync(dest, { recursive: true });
	const shots = fs.readdirSync(src).filter((f) => f.endsWith('.png'));
	for (const f of shots) fs.copyFileSync(path.join(src, f), path.join(dest, f));
	return shots.map((f) => path.join(README_SHOTS, f));
}
