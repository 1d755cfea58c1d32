/**
 * The entry point the extension host calls: runs the integration tests with mocha's TDD interface
 * and resolves when they pass, rejects when any fails.
 */
import Mocha from 'mocha';

/** Runs the suite; called by VS Code's test runner inside the extension host. */
export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: true });
	mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
	// The tests register themselves once mocha's globals exist, so they are loaded only now.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require('./extension.test');
	return new Promise((resolve, reject) => {
		mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed.`)) : resolve()));
	});
}
