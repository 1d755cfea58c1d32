/**
 * Sums over an index (DESIGN 2.2 "Symbolic sums"): `\sum_{i} w_{ji} x_i`, `\sum_i`, `\sum_{i=1}^{3}`,
 * `\sum_{k=1}^n`. The parser reads the index and the bounds the author wrote and takes the summand
 * as one product, as notes mean it (`\sum_i w_{1i} x_i + b_1` is `(Σ w_{1i} x_i) + b_1`). The node is
 * an `indexsum` call that evaluates to nothing by itself; the check layer expands it into the
 * explicit sum once it knows the range (`check/sums.ts`). A subscript or bound it cannot read
 * makes the whole sum one error node, as before.
 */
import type { CallNode, Expr } from './ast';
import type { ExpressionParser } from './expression';
import type { Item } from './stream';

/** The raw text of the script after a `^` or `_` item: `{i=1}` → `i=1`, `n` → `n`. */
function scriptText(p: ExpressionParser): string | undefined {
	const item: Item | undefined = p.peek();
	if (!item) return undefined;
	const tokens = p.stream.tokens;
	if (item.kind === 'lbrace') {
		const close = p.stream.match[item.first];
		if (close < 0) return undefined;
		let text = '';
		for (let i = item.first + 1; i < close; i++) text += tokens[i].text;
		p.seekToken(close + 1);
		return text;
	}
	let text = '';
	for (let i = item.first; i < item.end; i++) text += tokens[i].text;
	p.pos++;
	return text;
}

/**
 * Parses `\sum_…` after the `\sum` item at `start`: `\sum_{i=1}^{2} w_i x_i` gives an `indexsum`
 * over `i` from 1 to 2 with the summand `w_i x_i`.
 */
export function parseIndexedSum(p: ExpressionParser, written: string, start: number): Expr {
	p.pos++; // the `_`
	const sub = scriptText(p)?.replace(/\s+/g, '');
	const m = sub && /^([A-Za-z])(?:=(\d{1,4}))?$/.exec(sub);
	let to: number | undefined;
	if (p.peek()?.text === '^' && p.peek()?.kind === 'symbol') {
		p.pos++;
		const sup = scriptText(p)?.replace(/\s+/g, '');
		if (sup && /^\d{1,4}$/.test(sup)) to = Number(sup);
	}
	while (p.peek()?.text === '\\limits' || p.peek()?.text === '\\nolimits') p.pos++;
	const summand = p.parseTerm();
	if (!m || summand.kind === 'error') return p.error(start, p.prevEnd(), `\`${written}\` with this index is not understood.`);
	const from = m[2] !== undefined ? Number(m[2]) : undefined;
	const call: CallNode = {
		kind: 'call',
		span: { start, end: p.prevEnd() },
		fn: 'indexsum',
		written,
		args: [summand],
		index: { name: m[1], ...(from !== undefined ? { from } : {}), ...(to !== undefined && from !== undefined ? { to } : {}) },
	};
	return call;
}
