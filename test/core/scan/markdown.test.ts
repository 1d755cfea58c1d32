// Behaviour of the Markdown scanner, one input and its expected regions per test.
import * as assert from 'assert';
import { scanMarkdown } from '../../../src/core/scan/markdown';
import { yamlOffsetToDocument } from '../../../src/core/scan/region';
import { check } from './check';

suite('scan/markdown: finds math', () => {
	test('finds inline dollar math inside a paragraph', () => {
		check('Set $x_1 = 0.5$ and $y = 2$.', [['inline', 'x_1 = 0.5'], ['inline', 'y = 2']]);
	});
	test('finds one-line and multi-line display math', () => {
		check('$$a = 1$$\n\n$$\nb = 2\n= 2\n$$\n', [['display', 'a = 1'], ['display', '\nb = 2\n= 2\n']]);
	});
	test('keeps a display block whole when a line in it starts like a list item or heading', () => {
		check('$$\nw_1 = 0.1\n- 0.5 \\cdot 0.2\n# x\n$$\n', [['display', '\nw_1 = 0.1\n- 0.5 \\cdot 0.2\n# x\n']]);
	});
	test('finds display dollars in the middle of a paragraph', () => {
		check('so $$a = 1$$ holds', [['display', 'a = 1']]);
	});
	test('finds backslash delimiters', () => {
		check('\\(a\\) and \\[b\\]\n\n\\[\nc\n- d\n\\]', [['inline', 'a'], ['display', 'b'], ['display', '\nc\n- d\n']]);
	});
	test('finds math fences', () => {
		check('```math\na = 1\n```\n\n~~~~ math\nb\n~~~~', [['fence', 'a = 1'], ['fence', 'b']]);
	});
	test('finds math in lists, headings and tables', () => {
		check('# Title $h$\n\n- item $a$\n  1. nested $b$\n\n| x | y |\n|---|---|\n| $c$ | 1 |\n', [['inline', 'h'], ['inline', 'a'], ['inline', 'b'], ['inline', 'c']]);
	});
	test('finds display math inside a list item', () => {
		check('- item\n\n  $$\n  a = 1\n  $$\n', [['display', '\n  a = 1\n  ']]);
	});
	test('keeps exact offsets with CRLF, tabs, Chinese text and emoji before the math', () => {
		check('正向传播😀\r\n\r\n卷积核\t$KK_{11} = 0.1$ 层\r\n$$\r\na\r\n$$\r\n', [['inline', 'KK_{11} = 0.1'], ['display', '\r\na\r\n']]);
	});
	test('reads a bare math environment that starts a line, as MathJax does in Markdown', () => {
		check('Text\n\n\\begin{align}\nz &= 0.1 + 0.2 \\\\\n- 0.3 &= 0\n\\end{align}\n\n\\begin{equation*} a = 1 \\end{equation*}\n', [
			['environment', '\nz &= 0.1 + 0.2 \\\\\n- 0.3 &= 0\n'],
			['environment', ' a = 1 '],
		]);
		const text = '\\begin{gather}\nb = 2\n\\end{gather}\n';
		assert.deepStrictEqual(scanMarkdown(text).regions.map(r => [r.kind, r.environment, text.slice(r.outer.start, r.outer.end)]), [['environment', 'gather', text.trimEnd()]]);
	});
	test('leaves other environments, unclosed ones and ones in the middle of a line as text', () => {
		check('\\begin{bmatrix}1\\end{bmatrix}\n\n\\begin{align}\nz = 1\n\nmore\n\n\\begin{align}x\\end{align*}\n\nso \\begin{equation}y = 2\\end{equation}\n\n`\\begin{align}c\\end{align}`\n', []);
	});
	test('keeps the empty body of a fence opened on the last line inside the fence', () => {
		// Found by the fuzz suite: the body started on the line after the opener, past the fence's end.
		for (const text of ['$$a = 1$$\n```math\n', '```math\n', '```math', '```math\n```\n']) {
			const [r] = scanMarkdown(text).regions;
			assert.ok(r, JSON.stringify(text));
			assert.ok(r.outer.start <= r.inner.start && r.inner.start <= r.inner.end && r.inner.end <= r.outer.end, `${JSON.stringify(text)}: ${JSON.stringify(r)}`);
		}
	});
	test('handles an unclosed fence at the end of the file', () => {
		const text = '```math\na = 1\n';
		const r = scanMarkdown(text);
		assert.deepStrictEqual(r.regions.map(x => text.slice(x.inner.start, x.inner.end)), ['a = 1']);
	});
});

suite('scan/markdown: block quotes', () => {
	test('covers the quote marker of a later line and lists it as a prefix', () => {
		const text = '> $$a\r\n> = b$$\r\n';
		const r = check(text, [['display', 'a\r\n> = b']]);
		assert.deepStrictEqual(r.regions[0].prefixes?.map(p => text.slice(p.start, p.end)), ['> ']);
	});
	test('lists every marker of nested quotes', () => {
		const text = '> > $$\n> > a = 1\n> > $$\n';
		const r = check(text, [['display', '\n> > a = 1\n> > ']]);
		assert.deepStrictEqual(r.regions[0].prefixes?.map(p => text.slice(p.start, p.end)), ['> > ', '> > ']);
	});
	test('gives one-line regions in a quote no prefixes', () => {
		const r = check('> see $x$', [['inline', 'x']]);
		assert.strictEqual(r.regions[0].prefixes, undefined);
	});
});

suite('scan/markdown: GitHub inline math', () => {
	test('reads $`…`$ as inline math, over lines of a paragraph too', () => {
		check('Cost: $`0.1 + 0.2 = 0.3`$ and $`\\sigma`$.\n\n- $`a = \\sigma(0.5)\n  = 0.62`$\n', [['inline', '0.1 + 0.2 = 0.3'], ['inline', '\\sigma'], ['inline', 'a = \\sigma(0.5)\n  = 0.62']]);
	});
	test('leaves a code span that starts with $ or ends with one as code, and an unclosed $` as text', () => {
		check('`$x$` and ``$`y`$`` and $`z without a close', []);
	});
});

suite('scan/markdown: must not fire', () => {
	test('ignores prices', () => {
		check('It costs $5 and $10, or $20,000 and $30,000.', []);
	});
	test('ignores code spans and other fences and indented code', () => {
		check('`$x$` and ``a ` $y$``\n\n```python\n$z$\n```\n\n    $w$\n', []);
	});
	test('ignores escaped dollars', () => {
		check('\\$5 and \\$x\\$', []);
	});
	test('ignores HTML blocks and HTML comments', () => {
		check('<!-- $x$ -->\n\n<div>\n$y$\n</div>\n\ntext <!-- $z$ --> $q$', [['inline', 'q']]);
	});
	test('does not let inline math cross a blank line', () => {
		check('a $x\n\ny$ b', []);
	});
	test('treats an unterminated dollar as text', () => {
		check('a $x and b $$ c', []);
	});
	test('treats a dollar followed by a space as text', () => {
		check('a $ x$ b', []);
	});
});

suite('scan/markdown: network blocks', () => {
	test('gives a top-level network fence as one segment', () => {
		const text = 'x\r\n```network\r\ninput: [1]\r\nloss: mse\r\n```\r\n';
		const r = scanMarkdown(text);
		assert.strictEqual(r.networks.length, 1);
		const n = r.networks[0];
		assert.strictEqual(n.segments.length, 1);
		assert.strictEqual(n.yaml, 'input: [1]\r\nloss: mse');
		assert.strictEqual(text.slice(n.outer.start, n.outer.end), '```network\r\ninput: [1]\r\nloss: mse\r\n```');
		const at = n.yaml.indexOf('mse');
		assert.strictEqual(text.slice(yamlOffsetToDocument(n, at), yamlOffsetToDocument(n, at) + 3), 'mse');
	});
	test('maps a network fence in a block quote line by line', () => {
		const text = '> ```network\n> input: [1]\n> loss: mse\n> ```\n';
		const n = scanMarkdown(text).networks[0];
		assert.strictEqual(n.yaml, 'input: [1]\nloss: mse');
		for (const word of ['input', 'mse']) {
			const at = yamlOffsetToDocument(n, n.yaml.indexOf(word));
			assert.strictEqual(text.slice(at, at + word.length), word);
		}
	});
	test('does not scan a network fence for math', () => {
		check('```network\nname: $x$\n```\n', []);
	});
});

suite('scan/markdown: hostile input', () => {
	test('treats display dollars at the end of the file as text', () => {
		check('a $$', []);
		check('$$\na = 1', []);
	});
	test('does not throw on quotes and lists nested past markdown-it\'s limit', () => {
		check('> '.repeat(500) + '$x$\n' + '- '.repeat(500) + '$y$', []);
	});
});
