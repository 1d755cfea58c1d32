/**
 * Runs the in-host integration suite in a VS Code that @vscode/test-electron downloads, so it needs
 * a machine that can reach Microsoft's servers (`npm run test:integration`; on these machines the
 * code-server suite in test/e2e covers the same ground). The suite is bundled with esbuild into
 * `out/integration/suite.js` first, since the extension host loads JavaScript only.
 */
import * as path from 'path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
	const suite = path.join(root, 'out', 'integration', 'suite.js');
	await build({
		entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
		outfile: suite,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		external: ['vscode', 'mocha'],
		logLevel: 'warning',
	});
	await runTests({
		version: process.env.DERIVCHECK_VSCODE_VERSION ?? '1.100.3',
		extensionDevelopmentPath: root,
		extensionTestsPath: suite,
		launchArgs: [path.join(root, 'test', 'fixtures', 'docs'), '--disable-extensions', '--disable-workspace-trust'],
	});
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
