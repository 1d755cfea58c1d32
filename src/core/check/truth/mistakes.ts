/**
 * Known mistakes (DESIGN 3 step 5), each a way to get a wrong number that a student often takes:
 * backpropagating through weights that were already updated, leaving out the activation's
 * derivative, flipping the kernel or not, the sign of the update, routing a max-pool gradient to
 * the wrong element, leaving out the average pool's factor, a wrong learning rate, and target and
 * output swapped in the delta. Each pattern computes the number the mistake would give; it is
 * claimed only when that number lies within the stated number's rounding, and differs from the
 * true value, so a pattern never explains a number it does not reproduce.
 */
import { buildNetwork, parseId, substitute, evaluateTerm, type Network, type QuantityId } from '../../engine/index';
import { ref } from '../../engine/term';
import { poolWindow } from '../../engine/layers/pool';
import { localDerivative } from '../../engine/resolve';
import { contains, type Interval } from '../../eval/interval';

/** The author's stated value of a quantity, where the document gave one. */
export type AuthorLookup = (id: QuantityId) => Interval | undefined;

const mid = (iv: Interval) => (iv.lo + iv.hi) / 2;
import { formatValue } from '../../eval/format';
import { message, type MessageArgs, type MessageId } from '../../messages/message';
import type { Locale } from '../../messages/locale';

export interface Explanation {
	/** The pattern, as a stable string (`updated-weights`, `activation-derivative` …). */
	readonly pattern: string;
	/** A sentence saying what was done, with the value it gives: "This leaves out … : that gives 0.25." */
	readonly message: string;
	/** The same as a clause about a written formula: "It leaves out …." */
	readonly clause: string;
	readonly value: number;
}

type MistakeId = Exclude<Extract<MessageId, `mistake.${string}`>, 'mistake.this' | 'mistake.it'>;

/** What a mistake did, as a message: its id (`mistake.updatedWeights`) and the arguments that id takes. */
type Words = { [K in MistakeId]: { readonly id: K; readonly args: MessageArgs<K> } }[MistakeId];

interface Candidate {
	readonly pattern: string;
	readonly value: number;
	readonly words: Words;
}

type Pattern = (net: Network, id: QuantityId, author: AuthorLookup) => Candidate | undefined;

const isParam = (id: QuantityId) => /^L\d+:[wb]:\d+$/.test(id);

/** The activation's derivative at element `j` of layer `l` (σ: out (1 − out)), from the engine's local partial. */
function activationDerivative(net: Network, l: number, j: number): number | undefined {
	if (!net.layers[l].pre) return undefined;
	return localDerivative(net, `L${l}:out:${j}`, `L${l}:pre:${j}`)?.value;
}

const updatedWeights: Pattern = (net, id, author) => {
	const f = net.formula(id);
	if (!f) return undefined;
	let uses = false;
	const rhs = substitute(f.rhs, (p) => (isParam(p) && !/:new$/.test(p) && net.value(`${p}:new`) !== undefined && !id.startsWith(p) ? ((uses = true), ref(`${p}:new`)) : undefined));
	const role = parseId(id)?.role;
	if (!uses || role === 'pre' || role === 'out' || role === 'updated') return undefined;
	const value = evaluateTerm(rhs, (q) => (isParam(q) ? undefined : authorOr(net, author, q)) ?? net.value(q));
	return value === undefined ? undefined : { pattern: 'updated-weights', value, words: { id: 'mistake.updatedWeights', args: {} } };
};

function authorOr(net: Network, author: AuthorLookup, q: QuantityId): number | undefined {
	const a = author(q);
	return a ? mid(a) : net.value(q);
}

const missingActivation: Pattern = (net, id, author) => {
	const p = parseId(id);
	if (p?.role !== 'delta') return undefined;
	const value = authorOr(net, author, `L${p.layer}:dout:${p.index}`);
	return value === undefined ? undefined : { pattern: 'activation-derivative', value, words: { id: 'mistake.activationDerivative', args: {} } };
};

const flippedKernel: Pattern = (net, id) => {
	const p = parseId(id);
	if (!p || !net.spec.layers.some((s) => s.kind === 'conv')) return undefined;
	let alt = net.memo.get('flipped') as Network | undefined;
	if (!alt) net.memo.set('flipped', (alt = buildNetwork({ ...net.spec, layers: net.spec.layers.map((s) => (s.kind === 'conv' ? { ...s, flip: !s.flip } : s)) })));
	const value = alt.value(id);
	const declared = net.spec.layers.find((s) => s.kind === 'conv' && 'flip' in s);
	const flip = declared && 'flip' in declared ? declared.flip : false;
	// A network read off the document declares nothing: its flip is what the document's formulas showed.
	const read = net.spec.written !== undefined;
	const words = flip ? (read ? 'mistake.kernelUnflippedRead' : 'mistake.kernelUnflipped') : read ? 'mistake.kernelFlippedRead' : 'mistake.kernelFlipped';
	return value === undefined ? undefined : { pattern: 'flipped-kernel', value, words: { id: words, args: {} } };
};

const updateSign: Pattern = (net, id) => {
	if (parseId(id)?.role !== 'updated') return undefined;
	const base = id.replace(/:new$/, '');
	const w = net.value(base), g = net.value(`${base}:grad`), lr = net.spec.learningRate;
	return w === undefined || g === undefined ? undefined : { pattern: 'update-sign', value: w + lr * g, words: { id: 'mistake.updateSign', args: {} } };
};

const learningRate = (net: Network, id: QuantityId, stated: Interval): Candidate | undefined => {
	if (parseId(id)?.role !== 'updated') return undefined;
	const base = id.replace(/:new$/, '');
	const w = net.value(base), g = net.value(`${base}:grad`);
	if (w === undefined || g === undefined || Math.abs(g) < 1e-12) return undefined;
	const mid = (stated.lo + stated.hi) / 2;
	const guess = Number(((w - mid) / g).toPrecision(1));
	const lr = net.spec.learningRate;
	// Only rates of the same order as the declared one: with a coarse stated number any rate fits.
	if (!(guess > 0) || guess === lr || guess < lr / 4 || guess > lr * 4) return undefined;
	return { pattern: 'learning-rate', value: w - guess * g, words: { id: 'mistake.learningRate', args: { rate: formatValue(guess), declared: formatValue(net.spec.learningRate) } } };
};

/** For ∂E/∂out or delta of an element feeding a pool: the routing and the factor mistakes. */
function poolMistakes(net: Network, id: QuantityId, author: AuthorLookup): Candidate[] {
	const p = parseId(id);
	if (!p || (p.role !== 'dout' && p.role !== 'delta')) return [];
	let m = p.layer + 1;
	while (m < net.layers.length && net.layers[m].spec.kind === 'flatten') m++;
	const P = net.layers[m];
	if (!P?.pool) return [];
	const g = P.pool;
	const factor = p.role === 'delta' ? activationDerivative(net, p.layer, p.index) : 1;
	if (factor === undefined) return [];
	const out: Candidate[] = [];
	for (let i = 0; i < P.out.length; i++) {
		const window = poolWindow(g, i);
		if (!window.includes(p.index)) continue;
		if (g.max) {
			if (P.argmax![i] !== p.index) out.push({ pattern: 'maxpool-routing', value: (authorOr(net, author, `L${m}:dout:${i}`) ?? P.dout[i]) * factor, words: { id: 'mistake.maxpoolRouting', args: { winner: String(P.argmax![i] + 1) } } });
		} else {
			const size = window.length;
			out.push({ pattern: 'avgpool-factor', value: (authorOr(net, author, `L${m}:dout:${i}`) ?? P.dout[i]) * factor, words: { id: 'mistake.avgpoolFactor', args: { size: String(size) } } });
		}
	}
	return out;
}

const targetSwap: Pattern = (net, id) => {
	const p = parseId(id);
	if (!p || p.layer !== net.layers.length - 1 || (p.role !== 'delta' && p.role !== 'dout')) return undefined;
	const v = net.value(id);
	return v === undefined ? undefined : { pattern: 'target-swap', value: -v, words: { id: 'mistake.targetSwap', args: {} } };
};

/** The first known mistake that reproduces a number stated within `stated` for quantity `id`, if any, said in `locale`. */
export function explain(net: Network, id: QuantityId, stated: Interval, author: AuthorLookup, locale?: Locale): Explanation | undefined {
	const truth = net.value(id);
	if (truth === undefined || id.startsWith('d:')) return undefined;
	const candidates = [
		updatedWeights(net, id, author),
		missingActivation(net, id, author),
		flippedKernel(net, id, author),
		updateSign(net, id, author),
		learningRate(net, id, stated),
		...poolMistakes(net, id, author),
		targetSwap(net, id, author),
	];
	for (const c of candidates) {
		if (!c || !Number.isFinite(c.value) || contains(stated, truth)) continue;
		if (Math.abs(c.value - truth) <= 1e-12 * Math.max(1, Math.abs(truth))) continue;
		if (!contains(stated, c.value)) continue;
		// Each id's arguments were checked where its words were made; the union cannot say which is which here.
		const what = message(c.words.id, c.words.args as never, locale);
		return { pattern: c.pattern, value: c.value, message: message('mistake.this', { what, value: formatValue(c.value) }, locale), clause: message('mistake.it', { what }, locale) };
	}
	return undefined;
}
