/**
 * The givens of a network read off a document: the number the document states for a name
 * (`w_1 = 0.15`, `KK_1 = (0.1, 0.2, 0.3)` for `KK_{11}`, a matrix for its elements — what
 * `check/record.ts` records), else the number written in its place in the first formula that
 * substitutes one (`w_1 i_1 + … = 0.15 \times 0.05 + …`, paired by `check/shape.ts`). Values stated
 * by an update (`w_1 = w_1 - \alpha … = 0.169`) are the value after the step, never a given.
 */
import type { Chain } from '../check/chains';
import type { Facts, StatedValue } from '../check/facts';
import { intersects } from '../eval/interval';
import { pairLeaves } from '../check/shape';
import { isNumeric } from '../eval/evaluate';
import { signedLiteral, significantDigits } from '../check/literal';
import type { NameRef } from '../syntax/ast';
import type { Span } from '../text/span';

const LEARNING_RATES = ['alpha', 'eta', 'lr'];
/** Numbers kept per name: a name is substituted a few times in a derivation by hand. */
const MAX_KEPT = 64;

export class Givens {
	private readonly substituted = new Map<string, { value: number; chain: number }>();
	/** Per chain, the first number substituted for each name in it. */
	private readonly byChain = new Map<number, Map<string, number>>();
	/** Per name, every number substituted for it, as written. */
	private readonly written = new Map<string, { value: number; halfUlp: number; text: string; span: Span; chain: number }[]>();

	constructor(private readonly facts: Facts, chains: readonly Chain[], text: string) {
		for (const chain of chains) {
			for (let i = 1; i < chain.members.length; i++) {
				const numeric = chain.members[i];
				const symbolic = chain.members[i - 1];
				if (!isNumeric(numeric) || signedLiteral(numeric, text) || isNumeric(symbolic)) continue;
				for (const { symbol, number } of pairLeaves(symbolic, numeric, text) ?? []) {
					if (symbol.kind !== 'name' || symbol.name.updated) continue;
					const here = this.byChain.get(chain.index) ?? new Map<string, number>();
					if (!here.has(symbol.name.key)) here.set(symbol.name.key, number.value);
					this.byChain.set(chain.index, here);
					const all = this.written.get(symbol.name.key) ?? [];
					// As the default tolerance reads an input (`check/literal.ts`): an integer or a one-digit decimal is exact.
					const exact = number.node.isInteger || significantDigits(number.node.text) === 1;
					if (all.length < MAX_KEPT) all.push({ value: number.value, halfUlp: exact ? 0 : number.node.halfUlp, text: number.text, span: number.span, chain: chain.index });
					this.written.set(symbol.name.key, all);
					if (this.substituted.has(symbol.name.key)) continue;
					this.substituted.set(symbol.name.key, { value: number.value, chain: chain.index });
				}
			}
		}
	}

	/** The given value of a name, if the document gives one. */
	value(name: NameRef): number | undefined {
		return this.byKey(name.key);
	}

	/**
	 * The number substituted for `name` in the chains `within` (one layer's formulas), when they
	 * substitute one and agree: the value of a name two layers use for parameters of their own
	 * (the seed's `b_1`, 0 in the convolution's formulas and 0.4 in the dense layer's).
	 */
	valueIn(name: NameRef, within: ReadonlySet<number>): number | undefined {
		const found = new Set<number>();
		for (const c of within) {
			const v = this.byChain.get(c)?.get(name.key);
			if (v !== undefined) found.add(v);
		}
		return found.size === 1 ? [...found][0] : undefined;
	}

	/**
	 * The value before any update: the earliest of the first value stated and the first number
	 * substituted (an update chain substitutes the starting value, `w_1 \leftarrow w_1 - … = 0.4 - …`),
	 * never a value stated after the update (`W_{12} = -0.2673` once the step is done).
	 */
	private byKey(key: string): number | undefined {
		const history = this.facts.history(key);
		const firstUpdate = history.find((v) => v.update)?.chain ?? Infinity;
		const stated = history.find((v) => !v.update && v.chain < firstUpdate);
		const sub = this.substituted.get(key);
		if (stated && (!sub || stated.chain < sub.chain)) return stated.value;
		return sub?.value;
	}

	/**
	 * Two values stated for one name that no rounding reconciles, both before any update: the
	 * document works through two different networks or passes (`net_{h1} = … = 0.45`, later
	 * `net_{h1} = … = 0.438`), and one network read off it would judge one of them by the other.
	 */
	twoValues(name: NameRef): readonly [StatedValue, StatedValue] | undefined {
		const history = this.facts.history(name.key);
		const firstUpdate = history.find((v) => v.update)?.chain ?? Infinity;
		const before = history.filter((v) => !v.update && v.chain < firstUpdate);
		const other = before.find((v) => !intersects(v.iv, before[0].iv));
		return other ? [before[0], other] : undefined;
	}

	/**
	 * A value stated for a given and a number written for it in a forward formula (a chain in
	 * `within`) that no rounding reconciles, both before any update (`k_{12} = -0.35`, then `x_2 k_{12} = … (-0.2) \times (-0.3)`):
	 * which of the two the network has, the document does not say.
	 */
	contradicted(name: NameRef, within: ReadonlySet<number>): { stated: StatedValue; text: string; span: Span } | undefined {
		const history = this.facts.history(name.key);
		const firstUpdate = history.find((v) => v.update)?.chain ?? Infinity;
		const stated = history.find((v) => !v.update && v.chain < firstUpdate);
		if (!stated) return undefined;
		const off = (this.written.get(name.key) ?? []).find((w) => w.chain < firstUpdate && within.has(w.chain) && !intersects(stated.iv, { lo: w.value - w.halfUlp, hi: w.value + w.halfUlp }));
		return off ? { stated, text: off.text, span: off.span } : undefined;
	}

	/** The learning rate (`\alpha`, `\eta`, `lr`), or NaN when the document states none; two different ones are NaN too. */
	learningRate(): number {
		const found = new Set<number>();
		for (const k of LEARNING_RATES) {
			const v = this.facts.history(k).find((s) => !s.update)?.value;
			if (v !== undefined) found.add(v);
		}
		return found.size === 1 ? [...found][0] : NaN;
	}
}
