/**
 * The first layer of a convolutional network: the weighted sums over names nothing computes.
 * Their products pair an input with a kernel element, and the two kinds of name are the two sides
 * of the graph the products draw (each product an edge). Which side is the inputs is the reading
 * under which the units form channels that share a kernel and fit a convolution (`conv.ts`, or
 * `conv2d.ts` when the units name places in a 2-D map); both is two readings, neither no reading.
 * Sums that fall into two unconnected groups read nothing in common: the layers between are missing.
 */
import type { NameRef } from '../syntax/ast';
import { message } from '../messages/message';
import type { Locale } from '../messages/locale';
import { fitConv, looksConvolutional, type ConvFit, type ConvUnit, type Tap } from './conv';
import { gridPlace, readMap } from './conv2d';
import type { ForwardFormula } from './formulas';
import { byIndex } from './loss';

export interface FirstLayer {
	readonly inputs: NameRef[];
	readonly units: ConvUnit[];
	readonly fit: ConvFit;
	/** Set for a 2-D grid of inputs. */
	readonly grid?: { readonly rows: number; readonly cols: number };
	/** Set for 1-D inputs in several channels. */
	readonly inputChannels?: number;
}

/** The two sides of the graph the products draw, by key (0 or 1), or undefined when a product joins one side to itself. */
function sidesOf(units: readonly ForwardFormula[]): { side: Map<string, number>; component: Map<string, number> } | undefined {
	const side = new Map<string, number>();
	const component = new Map<string, number>();
	const edges = new Map<string, string[]>();
	for (const f of units) for (const p of f.affine!.products) {
		edges.set(p.a.key, edges.get(p.a.key) ?? []).get(p.a.key)!.push(p.b.key);
		edges.set(p.b.key, edges.get(p.b.key) ?? []).get(p.b.key)!.push(p.a.key);
	}
	let c = 0;
	for (const start of edges.keys()) {
		if (side.has(start)) continue;
		side.set(start, 0);
		component.set(start, c);
		const stack = [start];
		while (stack.length > 0) {
			const k = stack.pop()!;
			for (const o of edges.get(k)!) {
				if (!side.has(o)) { side.set(o, 1 - side.get(k)!); component.set(o, c); stack.push(o); }
				else if (side.get(o) === side.get(k)) return undefined;
			}
		}
		c++;
	}
	return { side, component };
}

/** The first layer as a convolution over inputs named by channel and element, if they are; `undefined` when they are not. */
function byChannel(first: readonly ForwardFormula[], names: readonly NameRef[], locale: Locale): FirstLayer | { reason: string } | undefined {
	const places = names.map(gridPlace);
	if (places.some((p) => !p)) return undefined;
	const channels = Math.max(...places.map((p) => p!.row)) + 1, length = Math.max(...places.map((p) => p!.col)) + 1;
	const grid: (NameRef | undefined)[] = new Array(channels * length).fill(undefined);
	names.forEach((n, i) => { grid[places[i]!.row * length + places[i]!.col] ??= n; });
	if (channels < 2 || grid.some((n) => !n) || new Set(grid.map((n) => n!.key)).size !== names.length) return undefined;
	const where = new Map(names.map((n, i) => [n.key, places[i]!]));
	const units = first.map((f) => ({
		pre: f,
		bias: f.affine!.bias,
		taps: f.affine!.products.map((p): Tap => {
			const a = where.get(p.a.key);
			const [at, weight] = a ? [a, p.b] : [where.get(p.b.key)!, p.a];
			return { channel: at.row, at: at.col, weight };
		}),
	}));
	if (!looksConvolutional(units)) return undefined;
	const fit = fitConv(units, channels, length, locale);
	return 'reason' in fit ? fit : { inputs: grid as NameRef[], units, fit, inputChannels: channels };
}

/** The first layer read as a convolution, or why not; `undefined` when it is no convolution at all (the dense reader's to judge). */
export function readFirstLayer(first: readonly ForwardFormula[], locale: Locale): FirstLayer | { reason: string; at?: ForwardFormula } | undefined {
	const graph = sidesOf(first);
	if (!graph) return undefined;
	const componentOf = (f: ForwardFormula) => graph.component.get(f.affine!.products[0].a.key)!;
	const apart = first.find((f) => componentOf(f) !== componentOf(first[0]));
	if (apart) return { reason: message('infer.apart', { a: first[0].heads[0].text, b: apart.heads[0].text }, locale), at: apart };
	const twoD = first.some((f) => f.heads[0].sub.includes(','));
	const readings: FirstLayer[] = [];
	const misfits: string[] = [];
	for (const inputSide of [0, 1]) {
		const names = new Map<string, NameRef>();
		for (const f of first) for (const p of f.affine!.products) for (const n of [p.a, p.b]) if (graph.side.get(n.key) === inputSide) names.set(n.key, n);
		if (twoD) {
			const read = readMap(first, [...names.values()], locale);
			if (read && 'reason' in read) misfits.push(read.reason);
			else if (read) readings.push(read);
			continue;
		}
		const inputs = byIndex([...names.values()], (n) => n);
		const at = new Map(inputs.map((n, i) => [n.key, i]));
		const units = first.map((f) => ({
			pre: f,
			bias: f.affine!.bias,
			taps: f.affine!.products.map((p): Tap => (at.has(p.a.key) ? { channel: 0, at: at.get(p.a.key)!, weight: p.b } : { channel: 0, at: at.get(p.b.key)!, weight: p.a })),
		}));
		// A layer that reads as dense either way round is the dense reader's to judge.
		const owners = new Map<string, number>();
		for (const u of units) for (const t of u.taps) owners.set(t.weight.key, (owners.get(t.weight.key) ?? 0) + 1);
		const ownWeights = [...owners.values()].every((c) => c === 1);
		if (ownWeights && units.every((u) => new Set(u.taps.map((t) => t.at)).size === inputs.length && u.taps.length === inputs.length)) return undefined;
		const fit = looksConvolutional(units) ? fitConv(units, 1, inputs.length, locale) : undefined;
		if (fit && !('reason' in fit)) {
			readings.push({ inputs, units, fit });
			continue;
		}
		// Inputs named by channel and element (`x_{21}`: channel 2, element 1), each window in each channel.
		const channelled = byChannel(first, [...names.values()], locale);
		if (channelled && !('reason' in channelled)) readings.push(channelled);
		else if (fit) misfits.push(channelled?.reason ?? fit.reason);
	}
	if (readings.length === 2) return { reason: message('infer.convRoles', { head: first[0].heads[0].text }, locale), at: first[0] };
	// Read the wrong way round, the kernel's windows all start at one place: the other side's reason says more.
	const stride = message('infer.convStride', { head: first[0].heads[0].text }, locale);
	const misfit = misfits.find((r) => r !== stride) ?? misfits[0];
	if (readings.length > 0) return readings[0];
	if (misfit !== undefined) return { reason: misfit, at: first[0] };
	return twoD ? { reason: message('infer.conv2d', { example: 'x_{11}, x_{12}, …', head: first[0].heads[0].text }, locale), at: first[0] } : undefined;
}
