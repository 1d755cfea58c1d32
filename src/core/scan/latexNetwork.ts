/**
 * Network blocks in LaTeX (DESIGN 2.4): consecutive comment lines, the first exactly
 * `% network`, the rest YAML after `% `. Each YAML line is a segment of its own that points at
 * the document text after the `%` and the one space that follows it (a line with no space keeps
 * everything after the `%`), so `yamlOffsetToDocument` maps every YAML offset back exactly;
 * the YAML joins the lines with `\n` whatever the document's line breaks are.
 */
import type { NetworkBlockRegion, YamlSegment } from './region';

const HEADER = /^%[ \t]*network[ \t]*$/;
const COMMENT_LINE = /^[ \t]*%/;

/** Where the line starting at `start` ends, its line break excluded, and where the next line starts. */
function lineAt(text: string, start: number): { end: number; next: number } {
	let end = start;
	while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
	const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
	return { end, next };
}

/**
 * The network block whose `% network` header starts at offset `at`, or undefined when the comment
 * there is not such a header. For example `networkAt('% network\n% input: [1]\n', 0)` has the
 * YAML `input: [1]` in one segment that starts at document offset 12.
 */
export function networkAt(text: string, at: number): NetworkBlockRegion | undefined {
	const header = lineAt(text, at);
	if (!HEADER.test(text.slice(at, header.end))) return undefined;
	const segments: YamlSegment[] = [];
	const parts: string[] = [];
	let yamlStart = 0;
	let end = header.end;
	let start = header.next;
	while (start < text.length) {
		const line = lineAt(text, start);
		const lineText = text.slice(start, line.end);
		const comment = COMMENT_LINE.exec(lineText);
		if (!comment) break;
		let docStart = start + comment[0].length;
		if (text[docStart] === ' ') docStart++;
		const part = text.slice(docStart, line.end);
		segments.push({ yamlStart, docStart, length: part.length });
		parts.push(part);
		yamlStart += part.length + 1;
		end = line.end;
		start = line.next;
	}
	return { yaml: parts.join('\n'), segments, outer: { start: at, end } };
}
