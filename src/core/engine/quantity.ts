/**
 * Quantity ids: short strings that name every node of the graph, so that callers can key maps
 * by them and the graph needs no per-element objects until someone asks. The forms are
 * `x:0` (input), `t:0` (target), `lr`, `E`, `E:0` (per-output loss term), `L2:pre:0`,
 * `L2:out:0`, `L2:dout:0` (∂E/∂out), `L2:delta:0` (∂E/∂pre), `L2:w:5`, `L2:w:5:grad`,
 * `L2:w:5:new`, `L2:b:0` … — layer and element indices 0-based, flat over channels, rows, columns.
 */
import type { QuantityId } from './term';

export type Role = 'input' | 'target' | 'lr' | 'loss' | 'lossTerm' | 'pre' | 'out' | 'dout' | 'delta' | 'param' | 'grad' | 'updated';

/** A node of the graph, as `Network.quantity` describes it. */
export interface Quantity {
	readonly id: QuantityId;
	readonly role: Role;
	/** The canonical name, LaTeX: `out_{C3}`, `KK_{11}`, `\frac{\partial E}{\partial w_{1}}`. */
	readonly label: string;
	readonly value: number;
	/** The layer (0-based) for layer quantities and parameters. */
	readonly layer?: number;
	/** The element (0-based, flat) in its layer, parameter tensor, input or target. */
	readonly index: number;
	/** 1-based position: [channel, element] for 1-D, [channel, row, column] for 2-D layers; [kernel, (channel,) (row,) element] for kernels. */
	readonly position: readonly number[];
	/** For parameters, gradients and updated values: weight (kernel) or bias. */
	readonly param?: 'w' | 'b';
}

export interface ParsedId {
	readonly role: Role;
	readonly layer: number;
	readonly index: number;
	readonly param?: 'w' | 'b';
}

const PARSED_KEPT = 100_000;
/** Ids parsed so far: a check asks for the same few thousand ids again and again. Emptied when full, so it stays bounded. */
let parsed = new Map<QuantityId, ParsedId | undefined>();

/** `L2:w:5:grad` → {role: 'grad', layer: 2, index: 5, param: 'w'}. Undefined for a malformed id. */
export function parseId(id: QuantityId): ParsedId | undefined {
	const hit = parsed.get(id);
	if (hit !== undefined || parsed.has(id)) return hit;
	if (parsed.size >= PARSED_KEPT) parsed = new Map();
	const p = readId(id);
	parsed.set(id, p);
	return p;
}

function readId(id: QuantityId): ParsedId | undefined {
	const p = id.split(':');
	if (id === 'lr') return { role: 'lr', layer: -1, index: 0 };
	if (id === 'E') return { role: 'loss', layer: -1, index: 0 };
	if (p.length === 2 && (p[0] === 'x' || p[0] === 't' || p[0] === 'E')) {
		return { role: p[0] === 'x' ? 'input' : p[0] === 't' ? 'target' : 'lossTerm', layer: -1, index: Number(p[1]) };
	}
	if (p.length < 3 || p[0][0] !== 'L') return undefined;
	const layer = Number(p[0].slice(1)), index = Number(p[2]);
	if (p[1] === 'w' || p[1] === 'b') {
		const role: Role = p[3] === 'grad' ? 'grad' : p[3] === 'new' ? 'updated' : 'param';
		return { role, layer, index, param: p[1] };
	}
	return { role: p[1] as Role, layer, index };
}

/** Id builders: `ids.layer(3, 'out', 2)` is `L3:out:2`, `ids.param(5, 'w', 0, 'grad')` is `L5:w:0:grad`. */
export const ids = {
	input: (j: number): QuantityId => `x:${j}`,
	target: (j: number): QuantityId => `t:${j}`,
	term: (j: number): QuantityId => `E:${j}`,
	layer: (l: number, role: 'pre' | 'out' | 'dout' | 'delta', j: number): QuantityId => `L${l}:${role}:${j}`,
	param: (l: number, kind: 'w' | 'b', i: number, what?: 'grad' | 'new'): QuantityId => `L${l}:${kind}:${i}${what ? `:${what}` : ''}`,
};
