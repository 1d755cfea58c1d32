/**
 * The author's numbers, carried forward. Every given (input, parameter, target, learning rate) is
 * written as the block declares it; every computed quantity is its formula evaluated on the
 * numbers already written for its parents, then rounded (`numbers.ts`) — the rounded number, not
 * the exact one, is what the later steps use, as on paper. ReLU's derivative and a max pool's
 * routing are written as the constants they are (1 or 0, the slope), read off the network's true
 * values as the engine reads them, and leaky ReLU as the maximum it is (`\max\{0.01 x, x\}`).
 */
import type { Network } from '../engine/network';
import { parseId } from '../engine/quantity';
import { call, evaluateTerm, num, prod, type Formula, type QuantityId, type Term } from '../engine/term';
import { givenText, roundedText } from './numbers';

/** One wrong result, planted on purpose (tests): the `chain`-th result is written as `text(right)`. */
export interface Plant {
	readonly chain: number;
	readonly text: (right: string) => string;
}

/** The written number of every quantity stated so far, by id. */
export class Carried {
	private readonly texts = new Map<QuantityId, string>();

	private count = 0;
	/** The quantities stated from their true values, for a part printed alone: not written, so never blanked. */
	private readonly fromTruth = new Set<QuantityId>();

	/**
	 * `plant`, for tests of the check, writes one wrong result as an author would: the `chain`-th
	 * result (0-based) becomes `plant.text(right)`, and every later step is computed from it.
	 */
	constructor(private readonly net: Network, private readonly digits: number, private readonly plant?: Plant) {}

	/** The text written for a quantity: a given as declared, a computed value as stated earlier. */
	text(id: QuantityId): string | undefined {
		const hit = this.texts.get(id);
		if (hit !== undefined) return hit;
		const p = parseId(id);
		if (!p) return undefined;
		const given = p.role === 'input' || p.role === 'target' || p.role === 'lr' || p.role === 'param';
		if (!given) return undefined;
		const v = this.net.value(id);
		return v === undefined ? undefined : givenText(v);
	}

	/** True for a quantity the derivation computes and writes (not a given, nor one a part printed alone starts from). */
	computed(id: QuantityId): boolean {
		return this.texts.has(id) && !this.fromTruth.has(id);
	}

	/**
	 * States one step: evaluates its formula on the written numbers and records the rounded result.
	 * Undefined when a parent has no number yet or the value is not finite (a rounded output of 1.00
	 * inside `\ln(1 - …)`).
	 */
	state(f: Formula): string | undefined {
		const v = evaluateTerm(f.rhs, (id) => {
			const t = this.text(id);
			return t === undefined ? undefined : Number(t);
		});
		if (v === undefined || !Number.isFinite(v)) return undefined;
		const right = roundedText(v, this.digits);
		const text = this.plant && this.count === this.plant.chain ? this.plant.text(right) : right;
		this.count++;
		this.texts.set(f.of, text);
		return text;
	}

	/** States a quantity from its true value, rounded (for a part printed alone: the steps before it are not written). */
	stateTrue(id: QuantityId): void {
		const v = this.net.value(id);
		if (v !== undefined) { this.texts.set(id, roundedText(v, this.digits)); this.fromTruth.add(id); }
	}
}

/**
 * A formula as the author writes it: the derivative of ReLU and leaky ReLU becomes its constant
 * (`\cdot 1`, `\cdot 0.01`), decided by the true pre-activation.
 */
export function asWritten(net: Network, t: Term): Term {
	switch (t.op) {
		case 'num': case 'ref': return t;
		case 'call': {
			if (t.fn === 'step' || t.fn === 'leaky_step') {
				const arg = t.args[0];
				const x = arg.op === 'ref' ? net.value(arg.id) : evaluateTerm(arg, (id) => net.value(id));
				return num(x !== undefined && x > 0 ? 1 : t.fn === 'step' ? 0 : t.slope ?? 0);
			}
			// Leaky ReLU as authors write it when the checker has no name for it: \max\{0.01 x, x\} (a slope below 1).
			if (t.fn === 'leaky_relu' && (t.slope ?? 0) <= 1) {
				const x = asWritten(net, t.args[0]);
				return call('max', [prod(num(t.slope ?? 0), x), x]);
			}
			return { ...t, args: t.args.map((a) => asWritten(net, a)) };
		}
		case 'sum': return { op: 'sum', terms: t.terms.map((a) => asWritten(net, a)) };
		case 'prod': return { op: 'prod', factors: t.factors.map((a) => asWritten(net, a)) };
		case 'sub': case 'div': return { ...t, a: asWritten(net, t.a), b: asWritten(net, t.b) };
		case 'neg': case 'sq': return { ...t, a: asWritten(net, t.a) };
	}
}
