/**
 * The documents the fuzz targets start from: every Markdown and LaTeX fixture in `test/fixtures`
 * and `examples/`, cut into paragraphs (at blank lines) so that a case can be a short excerpt —
 * the fixture's network block, if it has one, and a few consecutive paragraphs after it. Short
 * excerpts keep each case cheap (a whole 20 KB fixture costs a hundred times more to check and
 * repair) without losing what makes the fixtures worth mutating: real notation, real blocks, real
 * mistakes with fixes.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');

export interface CorpusDocument {
	/** The path inside the project, for messages. */
	readonly name: string;
	readonly language: 'markdown' | 'latex';
	readonly text: string;
	/** The network blocks, each with its fences or comment lines, as written. */
	readonly blocks: readonly string[];
	/** The text cut at blank lines, blocks left out; joined with `\n\n` they are the rest of the text. */
	readonly paragraphs: readonly string[];
}

function files(dir: string): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...files(full));
		else if (/\.(md|tex)$/.test(entry.name)) out.push(full);
	}
	return out.sort();
}

/** The network blocks of a text: Markdown fences with the info string `network`, LaTeX `% network` comment runs. */
function blocksOf(text: string): string[] {
	const fenced = [...text.matchAll(/^```network[^\n]*\n[\s\S]*?^```[^\n]*$/gm)].map((m) => m[0]);
	const latex = [...text.matchAll(/^% network\n(?:%[^\n]*\n)+/gm)].map((m) => m[0].trimEnd());
	return [...fenced, ...latex];
}

function load(): CorpusDocument[] {
	return [...files(path.join(root, 'test', 'fixtures')), ...files(path.join(root, 'examples'))].map((file) => {
		const text = fs.readFileSync(file, 'utf8');
		const blocks = blocksOf(text);
		let rest = text;
		for (const b of blocks) rest = rest.replace(b, '');
		return {
			name: path.relative(root, file).split(path.sep).join('/'),
			language: file.endsWith('.tex') ? 'latex' : 'markdown',
			text,
			blocks,
			paragraphs: rest.split(/\n[ \t]*\n/).filter((p) => p.trim().length > 0),
		};
	});
}

/** Every fixture and example, read once. */
export const corpus: readonly CorpusDocument[] = load();

/**
 * An excerpt of `doc`: its block number `block` (none when out of range) followed by `count`
 * paragraphs from `first` on (both taken modulo what the document has).
 * `excerpt(doc, 0, 3, 2)` is the first block, then paragraphs 3 and 4.
 */
export function excerpt(doc: CorpusDocument, block: number, first: number, count: number): string {
	const head = block < doc.blocks.length ? `${doc.blocks[block]}\n\n` : '';
	const n = doc.paragraphs.length;
	if (n === 0) return head;
	const start = first % n;
	return head + doc.paragraphs.slice(start, start + count).join('\n\n') + '\n';
}
