/**
 * Choices the backward pass makes that the document's values may leave open: which element wins
 * a max window, and the activation's derivative at a ReLU or leaky-ReLU kink. The engine takes
 * one (the first element on a tie, ReLU′(0) = 0); an author may take another that is just as
 * valid a (sub)gradient: the later of two equal elements, ReLU′(0) = 1, or the element that is
 * the maximum for some values within the author's rounding (0.5939 and 0.5939).
 *
 * Strategy: a choice is open when the true values tie exactly (a pre-activation of exactly 0, two
 * equal elements), or when the author's own intervals for them overlap (some values within their
 * rounding make the other element the maximum, or the pre-activation 0). Each combination of the
 * other options is a network of its own (`Network` with `Choices`), and the truth check judges a
 * number against every one of them: a finding stands only when it holds against all (the
 * architecture's rule that a diagnostic is a proven disagreement). Later quantities inherit the
 * choice (a kernel gradient summed over a routing the author chose is judged in that routing).
 * Past `MAX_ALTERNATIVES` combinations, or `MAX_ALTERNATIVE_MACS` of work for them all, the open
 * choices are too many to try: `complete` is false and the checker leaves the backward quantities
 * unjudged rather than guess.
 */
import { Network, parseId, termParents, type Choices, type QuantityId } from '../../engine/index';
import { poolWindow } from '../../engine/layers/pool';
import { inputId } from '../../engine/formulas';
import { macs } from '../../engine/shape';
import { point, type Interval } from '../../eval/interval';
import { MAX_ALTERNATIVE_MACS } from '../../budgets';

/** The most networks built for one set of open choices (each is one whole forward and backward run). */
export const MAX_ALTERNATIVES = 16;
/** The most alternative networks a network keeps in its memo. */
const KEPT = 16;

/** The author's interval for a quantity, where the document stated one. */
export type AuthorInterval = (id: QuantityId) => Interval | undefined;

interface Open {
	readonly kind: 'winner' | 'slope';
	readonly key: string;
	readonly options: readonly number[];
	/** The quantities whose own formula the choice changes: the window's ∂E/∂out, the kink's delta. */
	readonly touches: readonly QuantityId[];
}

/** The most quantities visited when finding what one quantity's backward formula reads. */
const MAX_READS = 20_000;

export interface Alternatives {
	/** The networks that take another admissible choice somewhere, besides `net` itself. */
	readonly nets: readonly Network[];
	/** False when there were more combinations than `MAX_ALTERNATIVES`: `nets` is then empty. */
	readonly complete: boolean;
}

const NONE: Alternatives = { nets: [], complete: true };

const tie = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The choices the values leave open: for a size-2 max window over 0.5939 and 0.5939 as written,
 * the other element; for a ReLU at z = 0, the derivative 1.
 */
function openChoices(net: Network, author: AuthorInterval): Open[] {
	const out: Open[] = [];
	const at = (id: QuantityId): Interval | undefined => author(id) ?? (net.value(id) === undefined ? undefined : point(net.value(id)!));
	for (const L of net.layers) {
		if (L.pool?.max && L.argmax) {
			for (let i = 0; i < L.argmax.length; i++) {
				const w = L.argmax[i];
				const wId = inputId(net, L.index, w), wv = net.value(wId), wIv = at(wId);
				if (wv === undefined || !wIv) continue;
				const options = poolWindow(L.pool, i).filter((k) => {
					if (k === w) return false;
					const id = inputId(net, L.index, k), v = net.value(id), iv = at(id);
					return v !== undefined && iv !== undefined && (tie(v, wv) || iv.hi >= wIv.lo);
				});
				if (options.length > 0) out.push({ kind: 'winner', key: `${L.index}:${i}`, options, touches: [w, ...options].map((k) => doutOf(net, L.index, k)) });
			}
		}
		const s = L.spec;
		if (!L.pre || (s.kind !== 'conv' && s.kind !== 'dense' && s.kind !== 'activation') || (s.activation.kind !== 'relu' && s.activation.kind !== 'leaky_relu')) continue;
		const below = s.activation.kind === 'relu' ? 0 : s.activation.slope;
		for (let j = 0; j < L.pre.length; j++) {
			const pre = L.pre[j];
			const iv = author(`L${L.index}:pre:${j}`);
			if (!(pre === 0 || (iv && iv.lo <= 0 && iv.hi >= 0))) continue;
			out.push({ kind: 'slope', key: `${L.index}:${j}`, options: [pre > 0 ? below : 1], touches: [`L${L.index}:delta:${j}`] });
		}
	}
	return out;
}

/** The ∂E/∂out of element `k` of pool layer `l`'s input (looking through flatten layers, as `inputId` does). */
function doutOf(net: Network, l: number, k: number): QuantityId {
	return inputId(net, l, k).replace(':out:', ':dout:');
}

/**
 * The backward quantities `id`'s value is computed from, itself included, through the formulas'
 * parents (every alternative has the same parents: only a routing constant or a slope differs);
 * undefined past `MAX_READS`. The delta of a ReLU below its kink is 0 whatever reaches it, in
 * every alternative (none changes its slope), so what it is computed from is not read.
 */
function reads(net: Network, id: QuantityId, open: readonly Open[]): Set<QuantityId> | undefined {
	const seen = new Set<QuantityId>([id]);
	const stack = [id];
	const kinks = new Set(open.filter((o) => o.kind === 'slope').map((o) => o.key));
	while (stack.length > 0) {
		const q = stack.pop()!;
		if (deadDelta(net, q, kinks)) continue;
		const f = net.formula(q, { inlineDout: false });
		if (!f) continue;
		for (const p of termParents(f.rhs)) {
			if (seen.has(p) || !choiceDependent(p)) continue;
			if (seen.size >= MAX_READS) return undefined;
			seen.add(p);
			stack.push(p);
		}
	}
	return seen;
}

/** True for the delta of a ReLU unit whose pre-activation is below 0 and not at an open kink. */
function deadDelta(net: Network, id: QuantityId, kinks: ReadonlySet<string>): boolean {
	const p = parseId(id);
	if (p?.role !== 'delta') return false;
	const L = net.layers[p.layer], s = L?.spec;
	if (!L?.pre || !s || (s.kind !== 'conv' && s.kind !== 'dense' && s.kind !== 'activation') || s.activation.kind !== 'relu') return false;
	return L.pre[p.index] < 0 && !kinks.has(`${p.layer}:${p.index}`);
}

/** Every combination of the open choices but the engine's own, or undefined past `MAX_ALTERNATIVES`. */
function combinations(open: readonly Open[]): Choices[] | undefined {
	let count = 1;
	for (const o of open) {
		count *= o.options.length + 1;
		if (count > MAX_ALTERNATIVES + 1) return undefined;
	}
	const out: Choices[] = [];
	for (let n = 1; n < count; n++) {
		const winners = new Map<string, number>(), slopes = new Map<string, number>();
		let rest = n;
		for (const o of open) {
			const pick = rest % (o.options.length + 1);
			rest = Math.floor(rest / (o.options.length + 1));
			if (pick === 0) continue;
			(o.kind === 'winner' ? winners : slopes).set(o.key, o.options[pick - 1]);
		}
		out.push({ winners, slopes });
	}
	return out;
}

/** The multiply-accumulates of one run of the network. */
function work(net: Network): number {
	let n = 0;
	for (const L of net.layers) n += macs(L.spec, L.inShape, L.outShape);
	return n;
}

function keyOf(c: Choices): string {
	const part = (m: ReadonlyMap<string, number> | undefined) => [...(m ?? new Map<string, number>())].map(([k, v]) => `${k}=${v}`).join(',');
	return `alt:${part(c.winners)}|${part(c.slopes)}`;
}

/**
 * The networks that take each other admissible choice the author's values (and the true values)
 * leave open. A network whose every window has a clear winner and no pre-activation at a kink
 * has none.
 */
export function alternatives(net: Network, author: AuthorInterval, of?: QuantityId): Alternatives {
	if (net.choices) return NONE;
	let open = openChoices(net, author);
	// Only the choices that reach `of`'s value matter to it: a tie in a window whose elements' deltas
	// are 0 either way (max{0, 0} of two dead ReLUs) does not open the kernel gradient's.
	const read = of !== undefined && open.length > 0 ? reads(net, of, open) : undefined;
	if (read) open = open.filter((o) => o.touches.some((t) => read.has(t)));
	if (open.length === 0) return NONE;
	const all = combinations(open);
	if (!all || all.length * work(net) > MAX_ALTERNATIVE_MACS) return { nets: [], complete: false };
	let kept = net.memo.get('alternatives') as Map<string, Network> | undefined;
	if (!kept) net.memo.set('alternatives', (kept = new Map()));
	const nets = all.map((c) => {
		const key = keyOf(c);
		const hit = kept!.get(key);
		if (hit) return hit;
		const alt = new Network(net.spec, c);
		if (kept!.size < KEPT) kept!.set(key, alt);
		return alt;
	});
	return { nets, complete: true };
}

/** True for the quantities a routing or a kink can change: the backward pass and the update. */
export function choiceDependent(id: QuantityId): boolean {
	if (id.startsWith('d:')) return false;
	const role = parseId(id)?.role;
	return role === 'dout' || role === 'delta' || role === 'grad' || role === 'updated';
}
