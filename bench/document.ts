/**
 * The benchmark's long derivation: the bundled worked example's network block once, then its
 * derivation (forward pass, backward pass, SGD step) written out again and again, each copy
 * followed by a page of prose notes as lecture notes have, until the document has `lines` lines:
 * one block and about 2,000 chains at 10,000 lines, the size the performance goals are stated for.
 * Each copy restates the same quantities, as notes that work an example several times do, so every
 * chain is checked against the network.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The bundled example, split into its network block (with the title above it) and its derivation. */
function example(): { head: string; body: string } {
	const text = fs.readFileSync(path.join(__dirname, '..', 'examples', 'cnn-1d.md'), 'utf8');
	const end = text.indexOf('```', text.indexOf('```network') + 3) + 3;
	return { head: text.slice(0, end), body: text.slice(end) };
}

const sentences = [
	'Each value above is rounded to three digits, and the next step uses the rounded value.',
	'The kernel is flipped, so its last element meets the first input of each window.',
	'- The average pool halves the length; the max pool keeps the larger of each pair.',
	'Softmax with cross-entropy gives the output delta in closed form, *out* minus *t*.',
	'> A gradient is the product of the local factors along every path to the loss.',
	'The update uses the learning rate `0.7` and the gradients of the forward pass.',
	'',
];

/** `lines` lines of notes, cycling through the sentences above. */
function notes(lines: number): string {
	const out = ['', '### Notes', ''];
	for (let i = 0; out.length < lines; i++) out.push(sentences[i % sentences.length]);
	return out.join('\n');
}

/** A derivation of at least `lines` lines: `longDerivation(10_000)` has one block and about 2,000 chains. */
export function longDerivation(lines: number): string {
	const { head, body } = example();
	const parts = [head];
	let count = head.split('\n').length;
	const page = notes(300);
	const copyLines = body.split('\n').length + page.split('\n').length + 2;
	for (let copy = 1; count < lines; copy++) {
		parts.push(`\n\n## Worked again, copy ${copy}\n${body}${page}`);
		count += copyLines;
	}
	return parts.join('');
}
