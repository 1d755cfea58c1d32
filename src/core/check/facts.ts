/**
 * What the document itself has stated so far: for each name (by its normalised key), the values
 * chains gave it, in document order. A chain `out_{C1} = … = 0.558` states 0.558 for `out_{C1}`;
 * `KK_1 = (0.1, 0.2, 0.3)` states `KK_{11}`, `KK_{12}` and `KK_{13}`; an update chain
 * `w_1 = w_1 - \alpha … = 0.169` gives `w_1` an after value while its before value stays
 * acceptable (DESIGN 3.3).
 */
import type { DerivativeNode, Expr, NameRef } from '../syntax/ast';
import type { Span } from '../text/span';
import type { Interval } from '../eval/interval';
import type { ChainReads } from './reuse';

export interface StatedValue {
	readonly key: string;
	/** The name as written where the value was stated. */
	readonly written: string;
	readonly value: number;
	readonly iv: Interval;
	/** The literal as written, and where. */
	readonly text: string;
	readonly span: Span;
	readonly chain: number;
	/** True when the value was stated by an update chain (`w_1 = w_1 - …`). */
	readonly update: boolean;
}

/** The key of a derivative, `d(Etotal)/d(w1)`. */
export function derivativeKey(d: DerivativeNode): string {
	return `d(${d.of.key})/d(${d.wrt.key})`;
}

/** The name or derivative a member stands for, when the member is just that (possibly in parentheses). */
export function namedMember(e: Expr): { key: string; written: Span; name?: NameRef } | undefined {
	let x = e;
	while (x.kind === 'group') x = x.inner;
	if (x.kind === 'name') return { key: x.name.key, written: x.span, name: x.name };
	if (x.kind === 'derivative') return { key: derivativeKey(x), written: x.span };
	return undefined;
}

export class Facts {
	private readonly byKey = new Map<string, StatedValue[]>();
	/** The first chain of the current network block's reach: values stated before it mean another network's quantities. */
	private floor = 0;
	/** Every value added, in order (a re-check replays a chain's from here, `reuse.ts`). */
	readonly added: StatedValue[] = [];
	/** Set while a chain is checked for a re-check's sake: the keys it reads, with the values earlier chains stated for them. */
	reading?: { readonly chain: number; readonly reads: ChainReads };

	/** Starts the reach of a new network block at `chain` (DESIGN 2.4): earlier values are no longer acceptable. */
	startSegment(chain: number): void {
		this.floor = chain;
	}

	/** The first chain whose values are acceptable now. */
	get reach(): number {
		return this.floor;
	}

	add(v: StatedValue): void {
		this.added.push(v);
		const list = this.byKey.get(v.key);
		if (list) list.push(v);
		else this.byKey.set(v.key, [v]);
	}

	/**
	 * The values a number written for `key` in chain `chain` may match: the latest value stated in
	 * an earlier chain and, when that was an update, the value before it.
	 */
	acceptable(key: string, chain: number): StatedValue[] {
		const r = this.reading;
		if (r && chain !== r.chain) r.reads.opaque = true;
		if (r && !r.reads.facts.has(`a\u0000${key}`)) {
			this.reading = undefined;
			r.reads.facts.set(`a\u0000${key}`, this.acceptable(key, r.chain));
			this.reading = r;
		}
		const earlier = (this.byKey.get(key) ?? []).filter((v) => v.chain < chain && v.chain >= this.floor);
		if (earlier.length === 0) return [];
		const latest = earlier[earlier.length - 1];
		const result = [latest];
		if (latest.update) {
			const before = earlier[earlier.length - 2];
			if (before) result.push(before);
		}
		return result;
	}

	/** Every value stated for `key`, in document order. */
	history(key: string): readonly StatedValue[] {
		const r = this.reading;
		if (r && !r.reads.facts.has(`h\u0000${key}`)) r.reads.facts.set(`h\u0000${key}`, this.before(key, r.chain));
		return this.byKey.get(key) ?? [];
	}

	/** True when a chain before `chain` stated `key` by an update, or stated its updated name `key'`: `w_{11}` after `w_{11} = w_{11} - …`. */
	updatedBefore(key: string, chain: number): boolean {
		const r = this.reading;
		if (r && chain !== r.chain) r.reads.opaque = true;
		if (r && !r.reads.facts.has(`u\u0000${key}`)) {
			this.reading = undefined;
			r.reads.facts.set(`u\u0000${key}`, this.updatedBefore(key, r.chain));
			this.reading = r;
		}
		return (this.byKey.get(key) ?? []).some((v) => v.update && v.chain < chain) || (this.byKey.get(`${key}'`) ?? []).some((v) => v.chain < chain);
	}

	/** The values earlier chains stated for `key`, as a re-check compares them. */
	before(key: string, chain: number): StatedValue[] {
		return (this.byKey.get(key) ?? []).filter((v) => v.chain < chain);
	}

	/** What a read `what` (as `ChainReads.facts` keys it) gives before chain `chain`. */
	reread(what: string, chain: number): unknown {
		const at = what.indexOf('\u0000');
		const kind = what.slice(0, at), key = what.slice(at + 1);
		return kind === 'a' ? this.acceptable(key, chain) : kind === 'u' ? this.updatedBefore(key, chain) : this.before(key, chain);
	}
}
