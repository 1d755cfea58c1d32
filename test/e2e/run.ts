/**
 * Entry of the end-to-end suite (`npm run test:e2e`): the packaged extension in a real VS Code.
 * Strategy: build the bundles and the .vsix exactly as a release would (`npm run build`,
 * `npm run package`), install it into a fresh code-server on 127.0.0.1 (state in a temp dir),
 * open the window in Debian's chromium through playwright-core, run the checks of checks.ts;
 * then the same in a second window whose display language is zh-cn, for the few checks of
 * chinese.ts; then stop everything it started (also on failure and on SIGINT), keep logs and screenshots
 * under test-results/e2e/ (the README's shots in test-results/e2e/readme/), and exit non-zero on
 * any failure. It writes nothing tracked, so a green run leaves the tree clean; with
 * `--publish-screenshots` (`npm run screenshots`) a green run also copies the README's shots into
 * media/screenshots/. E2E_VSIX=path skips the build and installs that package instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activationTimes, extensionErrors, findFiles, outputChannelLogs, publishScreenshots, resetResults } from './artifacts';
import { chineseChecks, chineseFiles } from './chinese';
import { runChecks, type CheckResult } from './checks';
import { startCodeServer } from './codeServer';
import { EXTENSION_ID, workspaceFiles } from './expect';
import { registerZhCnLanguagePack, ZH_CN, zhCnLanguagePack } from './languagePack';
import { cleanupAll, installSignalHandlers, run } from './procs';
import { CHROMIUM, openWorkbench } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..');

const publish = process.argv.includes('--publish-screenshots');

async function main(): Promise<number> {
	installSignalHandlers();
	const t0 = Date.now();
	const results = resetResults(ROOT);
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run "npm run setup" first`);
	let vsix = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : '';
	if (!vsix) {
		console.log('[e2e] npm run build && npm run package');
		await run('npm', ['run', '--silent', 'build'], { cwd: ROOT, timeoutMs: 300_000 });
		await run('npm', ['run', '--silent', 'package'], { cwd: ROOT, timeoutMs: 300_000, stdio: ['ignore', 'ignore', 'inherit'] });
		vsix = path.join(ROOT, 'dist', 'derivcheck.vsix');
	}
	console.log(`[e2e] ${path.relative(ROOT, vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`);

	const checks: CheckResult[] = [];
	try {
		const cs = await startCodeServer(ROOT, vsix, workspaceFiles, results);
		console.log(`[e2e] code-server ready after ${Date.now() - t0} ms`);
		const { page } = await openWorkbench(cs.url);
		console.log(`[e2e] workbench open after ${Date.now() - t0} ms`);
		checks.push(...await runChecks({ page, workspace: cs.workspace, userDataDir: cs.userDataDir, results }));
	} catch (e) {
		checks.push({ name: 'start code-server and open the workbench', ok: false, ms: Date.now() - t0, error: (e as Error).stack });
		console.log(`  ✗ ${(e as Error).stack}`);
	} finally {
		await cleanupAll();
	}
	// The second, short pass: a fresh window whose display language is zh-cn (chinese.ts).
	const tZh = Date.now();
	try {
		console.log(`[e2e] display language ${ZH_CN}`);
		const cs = await startCodeServer(ROOT, vsix, chineseFiles, results, { locale: { id: ZH_CN, pack: zhCnLanguagePack, register: registerZhCnLanguagePack }, logsDir: path.join('logs', ZH_CN) });
		const { page } = await openWorkbench(cs.url);
		const language = await page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE ?? 'en');
		checks.push({ name: `the workbench's display language is ${ZH_CN}`, ok: language === ZH_CN, ms: 0, error: language === ZH_CN ? undefined : `it is ${language}` });
		console.log(`  ${language === ZH_CN ? '✓' : '✗'} the workbench's display language is ${language}`);
		checks.push(...await runChecks({ page, workspace: cs.workspace, userDataDir: cs.userDataDir, results }, chineseChecks, `${ZH_CN}-`));
	} catch (e) {
		checks.push({ name: `start code-server in ${ZH_CN} and open the workbench`, ok: false, ms: Date.now() - tZh, error: (e as Error).stack });
		console.log(`  ✗ ${(e as Error).stack}`);
	} finally {
		await cleanupAll();
	}

	const errors = extensionErrors(results, EXTENSION_ID);
	checks.push({ name: 'no errors of the extension in the extension host log', ok: errors.length === 0, ms: 0, error: errors.slice(0, 5).join('\n') || undefined });
	if (errors.length) console.log(`  ✗ extension host log errors:\n${errors.slice(0, 5).join('\n')}`);
	// The output channel through a restart and a window reload: the restart is logged, and nothing
	// at all is logged as an error ("Server process exited with code 0", "Starting server failed").
	const channel = outputChannelLogs(results);
	const channelErrors = channel.flatMap((c) => c.lines.filter((l) => /^\[Error\b/.test(l)).map((l) => `${c.log}: ${l}`));
	checks.push({ name: 'no [Error] line in the extension\'s output channel', ok: channel.length > 0 && channelErrors.length === 0, ms: 0, error: channel.length === 0 ? 'no output channel log found' : channelErrors.slice(0, 5).join('\n') || undefined });
	if (channelErrors.length) console.log(`  ✗ output channel errors:\n${channelErrors.slice(0, 5).join('\n')}`);
	const restarted = channel.some((c) => c.lines.some((l) => l.includes('the language server was restarted')));
	checks.push({ name: 'the restart is logged in the output channel', ok: restarted, ms: 0, error: restarted ? undefined : 'no "the language server was restarted" line' });
	const activation = activationTimes(results, EXTENSION_ID);
	for (const a of activation) {
		console.log(`[e2e] activation (${a.event}): bundle loaded and activate() called after ${a.loadMs} ms` +
			(a.firstDiagnosticsMs !== undefined ? `, first diagnostics published after ${a.firstDiagnosticsMs} ms` : ''));
	}
	if (activation.length === 0) console.log('[e2e] activation time: not found in the extension host log');
	const failed = checks.filter((c) => !c.ok);
	const summary = { passed: checks.length - failed.length, failed: failed.length, ms: Date.now() - t0, activation, checks };
	fs.writeFileSync(path.join(results, 'results.json'), JSON.stringify(summary, null, 2));
	if (failed.length === 0 && publish) {
		console.log(`[e2e] README screenshots updated: ${publishScreenshots(ROOT, results).join(', ')}`);
	} else if (publish) {
		console.log('[e2e] README screenshots left as they were: a check failed');
	}
	if (failed.length > 0) {
		const logs = findFiles(path.join(results, 'logs'), /^(code-server|remoteexthost|remoteagent|\d+-derivcheck)\.log$/);
		console.log(`[e2e] logs: ${logs.map((l) => path.relative(ROOT, l)).join(', ')}`);
	}
	console.log(`[e2e] ${(summary.ms / 1000).toFixed(1)} s; details in ${path.relative(ROOT, results)}/`);
	// The plain closing line CI reads: "N passed, N failed", alone on its line.
	console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed`);
	return failed.length === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	async (e: Error) => {
		console.error(`[e2e] ${e.stack ?? e.message}`);
		await cleanupAll();
		process.exit(1);
	},
);
