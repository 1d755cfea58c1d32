/**
 * The network's side of a hover: for a bound name or number, the true value beside the stated
 * one, the engine's formula for it, the same formula with the author's own values in place of
 * its parents, the chain-rule path to the loss, and a table of the whole layer with the element
 * marked. Everything is read from the engine on demand; nothing here checks again.
 */
import { parseId, renderTerm, type Network, type QuantityId } from '../engine/index';
import type { TruthChecker, TruthFact } from '../check/truth/checker';
import { formatInterval, formatValue } from '../eval/format';

const MAX_TABLE = 48;

function row(cells: string[]): string {
	return `| ${cells.join(' | ')} |`;
}

/** A Markdown table of one layer: pre-activation, output, ∂E/∂out and delta, the element in bold. */
export function layerTableMarkdown(net: Network, layer: number, mark?: number): string | undefined {
	const t = net.layerTable(layer);
	if (!t) return undefined;
	const n = t.shape.channels * t.shape.rows * t.shape.cols;
	if (n > MAX_TABLE) return `Layer ${t.name} has ${n} elements (${t.shape.channels}×${t.shape.rows}×${t.shape.cols}); too many to show here.`;
	const flat = (g: number[][][] | undefined) => (g ? g.flat(2) : undefined);
	const header = Array.from({ length: n }, (_, j) => {
		const pos = net.quantity(`L${layer}:out:${j}`)?.position ?? [j + 1];
		return j === mark ? `**${pos.join(',')}**` : pos.join(',');
	});
	const lines = [row([`layer ${t.name}`, ...header]), row(['---', ...header.map(() => '---:')])];
	const roles: [string, number[] | undefined][] = [
		['pre-activation', flat(t.pre)],
		['output', flat(t.out)],
		['∂E/∂out', flat(t.dout)],
		['delta', flat(t.delta)],
	];
	for (const [name, values] of roles) {
		if (!values) continue;
		lines.push(row([name, ...values.map((v, j) => (j === mark ? `**${formatValue(v)}**` : formatValue(v)))]));
	}
	return lines.join('\n');
}

function pathText(net: Network, id: QuantityId): string | undefined {
	const p = parseId(id);
	const of = p?.role === 'grad' ? id.replace(/:grad$/, '') : p?.role === 'delta' ? id.replace(':delta:', ':pre:') : p?.role === 'dout' ? id.replace(':dout:', ':out:') : id;
	const paths = net.paths(of, 3);
	if (paths.paths.length === 0) return undefined;
	const lines = paths.paths.map((path) => `- \`${path.map((q) => net.label(q)).join(' → ')}\``);
	if (paths.truncated) lines.push('- …');
	return lines.join('\n');
}

/** The Markdown for a truth fact. */
export function truthHover(truth: TruthChecker, fact: TruthFact): string {
	const net = truth.net;
	const lines = [`**\`${fact.label}\`** — the network's value is **${formatValue(fact.trueValue)}**`];
	if (fact.stated && fact.statedIv) {
		const verdict = fact.status === 'ok' ? '✓' : fact.status === 'rounding' ? '✓ (its rounding carried forward)' : fact.status === 'inherited' ? '✗ carried from an earlier error' : '✗';
		lines.push('', `- written: ${fact.stated}, standing for ${formatInterval(fact.statedIv.lo, fact.statedIv.hi)} ${verdict}`);
	}
	if (fact.localIv) lines.push(`- from your own earlier values: ${formatInterval(fact.localIv.lo, fact.localIv.hi)}`);
	if (fact.mistake) lines.push('', fact.mistake);
	const f = fact.id.startsWith('d:') ? undefined : net.formula(fact.id);
	if (f) {
		lines.push('', `The network computes \`${fact.label} = ${renderTerm(f.rhs, (id) => net.label(id))}\``);
		const mine = renderTerm(f.rhs, (id) => truth.authorValue(id)?.text ?? formatValue(net.value(id) ?? NaN));
		lines.push('', `With your values: \`${mine}\``);
	}
	const path = pathText(net, fact.id);
	if (path) lines.push('', 'Chain rule, from this quantity to the loss:', path);
	const p = parseId(fact.id);
	if (p && p.layer >= 0 && !p.param) {
		const table = layerTableMarkdown(net, p.layer, p.index);
		if (table) lines.push('', table);
	}
	return lines.join('\n');
}
