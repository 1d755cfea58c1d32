/**
 * Runs an editor (Neovim, Emacs) the way the editor tests need it: headless, its output kept for the
 * failure message, killed after a deadline so that a stuck editor fails the test instead of hanging it.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const binName = 'derivcheck-language-server';

/**
 * Links the language-server bin package.json names into `dir/bin`, as `npm install -g` puts it on a
 * user's PATH, and returns that folder.
 */
export function linkServerBin(dir: string): string {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
	const bin = path.join(dir, 'bin');
	fs.mkdirSync(bin, { recursive: true });
	fs.rmSync(path.join(bin, binName), { force: true });
	fs.symlinkSync(path.join(root, pkg.bin[binName]), path.join(bin, binName));
	return bin;
}

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
