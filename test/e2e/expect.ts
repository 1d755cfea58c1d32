/**
 * What the code-server suite expects to see. Strategy: everything the in-host suite also checks
 * comes from test/shared/expectations.ts (the wrong-arithmetic fixtures, the status bar pattern);
 * only what is particular to this suite lives here: the one-line `equation` fixture in
 * test/fixtures/e2e-workspace/, the network fixture beside it, the extension's id and the time limits of each wait.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { statusBarPattern, wrongArithmeticLatex, wrongArithmeticMarkdown, wrongArithmeticStatus, type Fixture } from '../shared/expectations';

export { statusBarPattern, wrongArithmeticLatex, wrongArithmeticMarkdown, wrongArithmeticStatus, type Fixture };

export const EXTENSION_ID = 'derivcheck.derivcheck';

/**
 * A file of test/fixtures/e2e-workspace and where `stated` stands in it, first after `before`:
 * line and character 0-based, as in LSP and test/shared/expectations.ts.
 */
function wrongNumberIn(name: string, before: string, stated: string) {
	const file = path.resolve(__dirname, '..', 'fixtures', 'e2e-workspace', name);
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	const line = lines.findIndex((l) => l.includes(`${before}${stated}`));
	return { name, path: file, line, character: lines[line]!.indexOf(stated), stated };
}

/** test/fixtures/e2e-workspace/equation.tex: `\begin{equation} 0.3 + 0.4 = 0.8 \end{equation}`. */
export const equationTex = {
	...wrongNumberIn('equation.tex', '= ', '0.8'),
	firstText: 'begin{equation}',
	expected: '0.7',
	code: 'arithmetic',
	/** Its status bar counts, which differ from those of network.md, opened just before it. */
	status: { checked: 1, wrong: 1, unchecked: 0 },
} as const;

/** test/fixtures/e2e-workspace/network.md: a network block, then `out_{h1} = 0.600`, which the network says is 0.593. */
export const networkMd = {
	...wrongNumberIn('network.md', '= ', '0.600'),
	firstText: "The network's truth",
	expected: '0.593',
	code: 'value',
	hoverIncludes: ["the network's value of", '0.593'],
} as const;

/** The status bar text for counts: `derivcheck: 2 checked · 1 wrong · 0 unchecked`. */
export function statusFor(s: { checked: number; wrong: number; unchecked: number }): string {
	return `derivcheck: ${s.checked} checked · ${s.wrong} wrong · ${s.unchecked} unchecked`;
}

/** How the Problems panel shows a 0-based position: `[Ln 5, Col 44]`. */
export function problemsPosition(p: { line: number; character: number }): string {
	return `[Ln ${p.line + 1}, Col ${p.character + 1}]`;
}

/** The files copied into the workspace the window opens. */
export const workspaceFiles = [wrongArithmeticMarkdown.path, wrongArithmeticLatex.path, equationTex.path, networkMd.path];

/** Bounds of the waits, in milliseconds. */
export const TIMEOUT = {
	/** activation + language server start + first check */
	firstDiagnostics: 90_000,
	ui: 20_000,
	recheck: 30_000,
	/** how long wrong squiggles may stay before a check concludes the right one will not come */
	settle: 8_000,
} as const;
