/**
 * Hovers on a matrix element say which element it is (DESIGN 2.2), with and without a network,
 * and name the whole matrix when the matrix is what a chain states for it.
 */
import * as assert from 'assert';
import { createLanguageService } from '../../../src/core/index';

async function hover(text: string, needle: string): Promise<string | undefined> {
	const at = text.indexOf(needle);
	assert.ok(at >= 0, needle);
	const h = await createLanguageService().hover({ uri: 'file:///m.md', languageId: 'markdown', version: 1, text }, at + 1);
	return h?.markdown;
}

suite('hover on a matrix element', () => {
	test('says which element a number is, in a matrix of a computation', async () => {
		const md = await hover('$$\\begin{bmatrix}0.1&0.2\\\\0.3&0.4\\end{bmatrix}\\begin{bmatrix}1\\\\2\\end{bmatrix} = \\begin{bmatrix}0.5\\\\1.2\\end{bmatrix}$$', '0.3&');
		assert.match(md ?? '', /^Element \(2, 1\) of this matrix \(2 × 2\)\./);
		assert.match(md ?? '', /\*\*0\.3\*\*/);
	});

	test('names the whole matrix a chain states, and the element of a vector by one index', async () => {
		const md = await hover('$$W^{(1)} = \\begin{bmatrix} 0.5 & 0.3 \\\\ 0.2 & 0.4 \\end{bmatrix}$$\n\n$$z = \\begin{bmatrix} 0.7 \\\\ 0.9 \\end{bmatrix}$$', '0.9');
		assert.match(md ?? '', /^Element 2 of `z` \(2 × 1\)\./);
		const w = await hover('$$W^{(1)} = \\begin{bmatrix} 0.5 & 0.3 \\\\ 0.2 & 0.4 \\end{bmatrix}$$', '0.3');
		assert.match(w ?? '', /^Element \(1, 2\) of `W\^\{\(1\)\}` \(2 × 2\)\./);
	});

	test('says nothing of matrices for a number outside any', async () => {
		const md = await hover('$$0.1 + 0.2 = 0.3$$', '0.2');
		assert.ok(md && !/Element/.test(md), md);
	});
});
