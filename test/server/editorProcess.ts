/**
 * Runs an editor (Neovim, Emacs) the way the editor tests need it: headless, its output kept for the
 * failure message, killed after a deadline so that a stuck editor fails the test instead of hanging it.
 */
import { spawn } from 'child_process';

export interface EditorRun {
	readonly code: number | null;
	readonly output: string;
}

/** Runs `command` until it exits, killing it after `ms`; resolves with its exit code and output. */
export function runEditor(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }, ms: number): Promise<EditorRun> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		const timer = setTimeout(() => {
			output += `\n[killed after ${ms} ms]`;
			child.kill('SIGKILL');
		}, ms);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}
