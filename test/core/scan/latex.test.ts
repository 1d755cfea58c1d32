// Behaviour of the LaTeX scanner, one input and its expected regions per test.
import * as assert from 'assert';
import { scanLatex } from '../../../src/core/scan/latex';
import { yamlOffsetToDocument } from '../../../src/core/scan/region';
import { check } from './check';

const latex = (input: string, expected: Parameters<typeof check>[1]) => check(input, expected, 'latex');

suite('scan/latex: finds math', () => {
	test('finds dollar and backslash delimiters', () => {
		latex('a $x$ b $$y$$ \\(z\\) \\[w\\]', [['inline', 'x'], ['display', 'y'], ['inline', 'z'], ['display', 'w']]);
	});
	test('finds math environments and names them', () => {
		const r = latex('\\begin{equation}a=1\\end{equation}\n\\begin{align*}\nb &= 2 \\\\\n&= 2\n\\end{align*}\n\\begin{eqnarray}c\\end{eqnarray}',
			[['environment', 'a=1'], ['environment', '\nb &= 2 \\\\\n&= 2\n'], ['environment', 'c']]);
		assert.deepStrictEqual(r.regions.map(x => x.environment), ['equation', 'align*', 'eqnarray']);
	});
	test('finds a top-level aligned, gather and multline', () => {
		latex('\\begin{aligned}a\\end{aligned} \\begin{gather}b\\end{gather} \\begin{multline*}c\\end{multline*}',
			[['environment', 'a'], ['environment', 'b'], ['environment', 'c']]);
	});
	test('leaves an aligned inside display math to that region', () => {
		latex('$$\\begin{aligned}a &= 1\\end{aligned}$$', [['display', '\\begin{aligned}a &= 1\\end{aligned}']]);
	});
	test('keeps exact offsets with CRLF and Chinese text', () => {
		latex('正向传播 😀\r\n$x_1 = 0.5$\r\n', [['inline', 'x_1 = 0.5']]);
	});
});

suite('scan/latex: must not fire', () => {
	test('skips comments but not escaped percent signs', () => {
		latex('% $a$\n50\\% $b$ % $c$\n', [['inline', 'b']]);
	});
	test('skips escaped dollars', () => {
		latex('costs \\$5 and \\$10', []);
	});
	test('skips verbatim environments and verb', () => {
		latex('\\verb|$a$| \\verb*+$b$+ \\begin{verbatim}$c$\\end{verbatim} \\begin{lstlisting}$d$\\end{lstlisting} \\begin{minted}{py}$e$\\end{minted} $f$', [['inline', 'f']]);
	});
	test('treats unterminated delimiters as text', () => {
		latex('$a \\( b \\[ c \\begin{equation} d', []);
		latex('$$ e', []);
		latex('$a\n\n$b', []);
	});
});

suite('scan/latex: network blocks', () => {
	test('reads consecutive comment lines after a network header, each line a segment', () => {
		const text = 'Intro\r\n% network\r\n% input: [1, 2]\r\n%loss: mse\r\n%   layers: []\r\nText $x$\n';
		const r = scanLatex(text);
		assert.strictEqual(r.networks.length, 1);
		const n = r.networks[0];
		assert.strictEqual(n.yaml, 'input: [1, 2]\nloss: mse\n  layers: []');
		assert.strictEqual(n.segments.length, 3);
		for (const word of ['input', 'mse', 'layers']) {
			const at = yamlOffsetToDocument(n, n.yaml.indexOf(word));
			assert.strictEqual(text.slice(at, at + word.length), word);
		}
		assert.strictEqual(text.slice(n.outer.start, n.outer.end), '% network\r\n% input: [1, 2]\r\n%loss: mse\r\n%   layers: []');
		assert.strictEqual(r.regions.length, 1);
	});
	test('does not read other comments as a network block', () => {
		assert.strictEqual(scanLatex('% networks\n% input: [1]\n').networks.length, 0);
	});
});
