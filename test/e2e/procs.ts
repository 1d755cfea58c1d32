/**
 * Processes the e2e suite starts, and their cleanup. Strategy: every long-lived child is spawned
 * detached, i.e. as the leader of its own process group, so that one signal to the group also
 * reaches what it forks (code-server's extension host, the language server, pty host, watchers).
 * Cleanup callbacks are registered in a stack and run in reverse on normal exit, on failure and
 * on SIGINT/SIGTERM/SIGHUP; each is bounded by a timeout so a hung child cannot hang the suite.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';

type Cleanup = { name: string; run: () => Promise<void> | void };
const cleanups: Cleanup[] = [];

/** Registers a cleanup step; steps run last-in, first-out. */
export function onCleanup(name: string, run: Cleanup['run']): void {
	cleanups.push({ name, run });
}

/** Runs every registered cleanup step once, each bounded by `timeoutMs`. */
export async function cleanupAll(timeoutMs = 15_000): Promise<void> {
	while (cleanups.length > 0) {
		const c = cleanups.pop()!;
		try {
			await withTimeout(Promise.resolve(c.run()), timeoutMs, `cleanup ${c.name}`);
		} catch (e) {
			console.error(`[e2e] cleanup ${c.name} failed: ${(e as Error).message}`);
		}
	}
}

/**
 * Makes SIGINT/SIGTERM/SIGHUP run the cleanup and exit with 128 + signal number. Repeated signals
 * (a terminal's Ctrl+C reaches both tsx and this process, and tsx relays it) are absorbed while
 * the cleanup runs, so they cannot kill the process half-way.
 */
export function installSignalHandlers(): void {
	const codes: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
	let exiting = false;
	for (const sig of Object.keys(codes)) {
		process.on(sig, () => {
			if (exiting) return;
			exiting = true;
			console.error(`[e2e] ${sig}: cleaning up`);
			void cleanupAll(5_000).finally(() => process.exit(128 + codes[sig]!));
		});
	}
}

/** Rejects when `p` does not settle within `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const t = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
	});
	return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Runs a command to completion (output shown), failing on a non-zero exit or after `timeoutMs`. */
export async function run(cmd: string, args: string[], opts: SpawnOptions & { timeoutMs: number }): Promise<void> {
	const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true, ...opts });
	const stop = track(child, `${cmd} ${args.join(' ')}`);
	try {
		const code = await withTimeout(exited(child), opts.timeoutMs, `${cmd} ${args.join(' ')}`);
		if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}`);
	} finally {
		await stop();
	}
}

/** Starts a long-lived detached child whose output goes to `logFile`; it is killed at cleanup. */
export function startLogged(cmd: string, args: string[], logFile: string, opts: SpawnOptions): ChildProcess {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { ...opts, stdio: ['ignore', fd, fd], detached: true });
	fs.closeSync(fd);
	const stop = track(child, cmd);
	onCleanup(`${cmd} (pid ${child.pid})`, stop);
	return child;
}

/** The exit code of a child (or -signal), once it has exited. */
export function exited(child: ChildProcess): Promise<number> {
	if (child.exitCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => {
		child.once('exit', (code, signal) => resolve(code ?? -(signalNumber(signal) || 1)));
		child.once('error', () => resolve(-1));
	});
}

function signalNumber(signal: NodeJS.Signals | null): number {
	return signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 0;
}

/** Returns a function that ends the child's whole process group: SIGTERM, then SIGKILL. */
function track(child: ChildProcess, name: string): () => Promise<void> {
	const pgid = child.pid;
	return async () => {
		if (pgid === undefined) return;
		if (!groupAlive(pgid)) return;
		signalGroup(pgid, 'SIGTERM');
		const deadline = Date.now() + 5_000;
		while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		if (groupAlive(pgid)) {
			console.error(`[e2e] ${name}: process group ${pgid} ignored SIGTERM, sending SIGKILL`);
			signalGroup(pgid, 'SIGKILL');
		}
	};
}

function signalGroup(pgid: number, sig: NodeJS.Signals): void {
	try {
		process.kill(-pgid, sig);
	} catch {
		// the group is already gone
	}
}

function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}
