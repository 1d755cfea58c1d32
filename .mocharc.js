// Mocha's configuration. The whole suite runs with no file arguments (`npx mocha`, `npm run test:unit`);
// `npx mocha test/x.test.ts` runs only the files named, where a `spec` list here would add every suite to them.
const named = process.argv.slice(2).some((arg) => /\.test\.ts$/.test(arg));

module.exports = {
	require: ['tsx/cjs'],
	ui: 'tdd',
	...(named ? {} : { spec: ['test/core/**/*.test.ts', 'test/server/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/client/**/*.test.ts'] }),
	timeout: 30000,
	reporter: 'dot',
};
