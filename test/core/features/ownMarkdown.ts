/**
 * The two pieces of live Markdown a hover may hold, both of our own making: the heatmap image (a
 * base64 `data:image/svg+xml` URI whose SVG holds only `svg`, `path` and `rect` elements with
 * numeric geometry and hex colours) and the "Show in network panel" link (a `command:` URI for
 * `derivcheck.showNetwork` alone, percent-encoded, whose argument decodes to `[{uri, key}]`).
 * `withoutOwn` checks each and removes it, so the hostile-input tests can then require that
 * nothing live is left.
 */
import * as assert from 'assert';

const IMAGE = /!\[heatmap\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g;
const LINK = /\[Show in network panel\]\(command:derivcheck\.showNetwork\?([A-Za-z0-9%._~-]+)\)/g;

/** The SVG of a heatmap image URI's base64, checked to hold nothing but shapes. */
export function checkedSvg(base64: string): string {
	const svg = Buffer.from(base64, 'base64').toString('utf8');
	assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+" shape-rendering="crispEdges">[\s\S]*<\/svg>$/);
	const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
	const rest = inner.replace(/<path fill="#[0-9a-f]{6}" d="[MhvzZ0-9. -]+"\/>/g, '').replace(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="none" stroke="#(000|fff)" stroke-width="[12]"\/>/g, '');
	assert.strictEqual(rest, '', `unexpected SVG content: ${rest.slice(0, 200)}`);
	return svg;
}

/** The `[{uri, key}]` argument of a panel link's encoded query. */
export function linkArgs(query: string): { uri: string; key: string }[] {
	const args = JSON.parse(decodeURIComponent(query)) as { uri: string; key: string }[];
	assert.ok(Array.isArray(args) && args.length === 1 && Object.keys(args[0]).sort().join() === 'key,uri', JSON.stringify(args));
	return args;
}

/** The Markdown with our own image and link checked and removed; `uri` is the document's, which the link must carry. */
export function withoutOwn(md: string, uri?: string): string {
	return md
		.replace(IMAGE, (_, b64: string) => (checkedSvg(b64), ' '))
		.replace(LINK, (_, q: string) => {
			const [a] = linkArgs(q);
			if (uri !== undefined) assert.strictEqual(a.uri, uri);
			return ' ';
		});
}
