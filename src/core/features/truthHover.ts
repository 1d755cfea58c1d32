/**
 * The network's side of a hover: for a bound name or number, the true value beside the stated
 * one, the engine's formula for it, the same formula with the author's own values in place of
 * its parents, the chain-rule path to the loss, and a table of the whole layer with the element
 * marked. Everything is read from the engine on demand; nothing here checks again. Labels and
 * layer names come from the network block, so they enter the Markdown only through `markdown.ts`;
 * formulas are rendered within `MAX_FORMULA_CHARS` and say so when cut, and the path search has
 * its own step budget (`engine/paths.ts`).
 */
import { MAX_FORMULA_CHARS } from '../budgets';
import { parseId, renderTermBounded, type Network, type QuantityId } from '../engine/index';
import type { TruthChecker, TruthFact } from '../check/truth/checker';
import { formatInterval, formatValue } from '../eval/format';
import { mdCode, mdText } from './markdown';
import type { CancellationLike } from '../service';

const MAX_TABLE = 48;

function row(cells: string[]): string {
	return `| ${cells.join(' | ')} |`;
}

/** A Markdown table of one layer: pre-activation, output, ∂E/∂out and delta, the element in bold; 2-D layers as grids. */
export function layerTableMarkdown(net: Network, layer: number, mark?: number): string | undefined {
	const t = net.layerTable(layer);
	if (!t) return undefined;
	const { channels, rows, cols } = t.shape;
	const n = channels * rows * cols;
	if (n > MAX_TABLE) return `Layer ${mdText(t.name)} has ${n} elements (${channels}×${rows}×${cols}); too many to show here.`;
	const cell = (v: number, j: number) => (j === mark ? `**${formatValue(v)}**` : formatValue(v));
	const roles: [string, number[][][] | undefined][] = [
		['pre-activation', t.pre],
		['output', t.out],
		['∂E/∂out', t.dout],
		['delta', t.delta],
	];
	if (rows > 1) {
		// A 2-D layer: one grid per role and channel, rows down and columns across.
		const parts: string[] = [];
		for (const [name, g] of roles) {
			if (!g) continue;
			for (let c = 0; c < channels; c++) {
				const header = [`${mdText(t.name)} ${name}${channels > 1 ? `, channel ${c + 1}` : ''}`, ...Array.from({ length: cols }, (_, x) => `col ${x + 1}`)];
				const lines = [row(header), row(['---', ...header.slice(1).map(() => '---:')])];
				g[c].forEach((values, r) => lines.push(row([`row ${r + 1}`, ...values.map((v, x) => cell(v, (c * rows + r) * cols + x))])));
				parts.push(lines.join('\n'));
			}
		}
		return parts.join('\n\n');
	}
	const header = Array.from({ length: n }, (_, j) => {
		const pos = net.quantity(`L${layer}:out:${j}`)?.position ?? [j + 1];
		return j === mark ? `**${pos.join(',')}**` : pos.join(',');
	});
	const lines = [row([`layer ${mdText(t.name)}`, ...header]), row(['---', ...header.map(() => '---:')])];
	for (const [name, g] of roles) if (g) lines.push(row([name, ...g.flat(2).map(cell)]));
	return lines.join('\n');
}

function pathText(net: Network, id: QuantityId, token?: CancellationLike): string | undefined {
	const p = parseId(id);
	const of = p?.role === 'grad' ? id.replace(/:grad$/, '') : p?.role === 'delta' ? id.replace(':delta:', ':pre:') : p?.role === 'dout' ? id.replace(':dout:', ':out:') : id;
	const paths = net.paths(of, 3, token);
	if (paths.paths.length === 0) return undefined;
	const lines = paths.paths.map((path) => `- ${mdCode(path.map((q) => net.label(q)).join(' → '), MAX_FORMULA_CHARS)}`);
	if (paths.exhausted) lines.push('- … (the search stopped at its step budget; there may be more paths)');
	else if (paths.truncated) lines.push('- …');
	return lines.join('\n');
}

/** The Markdown for a truth fact. */
export function truthHover(truth: TruthChecker, fact: TruthFact, token?: CancellationLike): string {
	const net = truth.net;
	const lines = [`**${mdCode(fact.label)}** — the network's value is **${formatValue(fact.trueValue)}**`];
	if (fact.stated && fact.statedIv) {
		const verdict = fact.status === 'ok' ? '✓' : fact.status === 'rounding' ? '✓ (its rounding carried forward)' : fact.status === 'inherited' ? '✗ carried from an earlier error' : '✗';
		lines.push('', `- written: ${mdText(fact.stated)}, standing for ${formatInterval(fact.statedIv.lo, fact.statedIv.hi)} ${verdict}`);
	}
	if (fact.localIv) lines.push(`- from your own earlier values: ${formatInterval(fact.localIv.lo, fact.localIv.hi)}`);
	if (fact.mistake) lines.push('', fact.mistake);
	const f = fact.id.startsWith('d:') ? undefined : net.formula(fact.id);
	if (f) {
		const formula = renderTermBounded(f.rhs, (id) => net.label(id), MAX_FORMULA_CHARS);
		lines.push('', `The network computes ${mdCode(`${fact.label} = ${formula.text}`, 2 * MAX_FORMULA_CHARS)}`);
		const mine = renderTermBounded(f.rhs, (id) => truth.authorValue(id)?.text ?? formatValue(net.value(id) ?? NaN), MAX_FORMULA_CHARS);
		lines.push('', `With your values: ${mdCode(mine.text, 2 * MAX_FORMULA_CHARS)}`);
		if (formula.cut || mine.cut) lines.push('', `*The formula is longer than ${MAX_FORMULA_CHARS.toLocaleString('en-US')} characters; its first terms are shown.*`);
	}
	const path = pathText(net, fact.id, token);
	if (path) lines.push('', 'Chain rule, from this quantity to the loss:', path);
	const p = parseId(fact.id);
	if (p && p.layer >= 0 && !p.param) {
		const table = layerTableMarkdown(net, p.layer, p.index);
		if (table) lines.push('', table);
	}
	return lines.join('\n');
}
