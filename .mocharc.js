// Mocha's configuration. The whole suite runs with no file arguments (`npx mocha`, `npm run test:unit`);
// `npx mocha test/x.test.ts` runs only the files named, where a `spec` list here would add every suite to them.
// The suites assert English output, so they run in a neutral locale whatever the machine's is; the
// tests of the language itself (test/cli/lang.test.ts) set the variables they need.
delete process.env.LC_ALL;
delete process.env.LC_MESSAGES;
process.env.LANG = 'C.UTF-8';

const named = process.argv.slice(2).some((arg) => /\.test\.ts$/.test(arg));

module.exports = {
	require: ['tsx/cjs'],
	ui: 'tdd',
	...(named ? {} : { spec: ['test/core/**/*.test.ts', 'test/server/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/client/**/*.test.ts'] }),
	timeout: 30000,
	reporter: 'dot',
};
