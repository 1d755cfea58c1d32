/**
 * The loss, read from the formulas that name it (`E`, `E_{total}`, `L`, `\mathcal{L}`, `loss`,
 * per-output `E_{o1}`). Each formula reads some outputs and as many other names, the targets,
 * paired with the outputs by their indices; it is evaluated at fixed probe values and compared
 * with every loss the engine knows (`engine/loss.ts`), summed over the outputs it reads. The loss
 * is the one kind every loss formula fits; mse over two outputs is half_sse, the same function.
 */
import type { LossKind } from '../engine/spec';
import type { NameRef } from '../syntax/ast';
import type { ForwardFormula } from './formulas';
import { message } from '../messages/message';
import { defaultLocale, type Locale } from '../messages/locale';
import { close, evaluateWith } from './probe';

const TOTAL = new Set(['E', 'Etotal', 'Etot', 'L', 'calL', 'mathcalL', 'loss', 'Loss', 'J', 'C', 'cost', 'Cost']);

const KINDS: readonly LossKind[] = ['half_sse', 'mse', 'cross_entropy', 'binary_cross_entropy'];

function term(kind: LossKind, t: number, o: number, n: number): number {
	switch (kind) {
		case 'half_sse': return 0.5 * (t - o) * (t - o);
		case 'mse': return (t - o) * (t - o) / n;
		case 'cross_entropy': return -t * Math.log(o);
		case 'binary_cross_entropy': return -(t * Math.log(o) + (1 - t) * Math.log(1 - o));
	}
}

/** The losses the engine knows, and one output's term of each (`matrix.ts` reads a vector loss with them). */
export const LOSS_KINDS = KINDS;
export const lossTerm = term;

/** The trailing number of a name's key (`t_2` → 2), for pairing targets with outputs. */
export function trailingIndex(n: NameRef): number | undefined {
	const m = /(\d+)$/.exec(n.baseKey);
	return m ? Number(m[1]) : undefined;
}

/** Sorts names by their trailing numbers when every name has a distinct one; otherwise keeps the written order. */
export function byIndex<T>(items: readonly T[], name: (x: T) => NameRef): T[] {
	const idx = items.map((x) => trailingIndex(name(x)));
	if (idx.some((i) => i === undefined) || new Set(idx).size !== idx.length) return [...items];
	return items.map((x, k) => ({ x, i: idx[k]! })).sort((a, b) => a.i - b.i).map((p) => p.x);
}

export function isLossName(n: NameRef): boolean {
	return n.marks.length === 0 && (TOTAL.has(n.baseKey) || /^E[A-Za-z]*\d+$/.test(n.baseKey));
}

export type LossReading =
	| { readonly kind: 'read'; readonly loss: LossKind; readonly targets: readonly (NameRef | undefined)[] }
	| { readonly kind: 'none'; readonly reason: string };

/**
 * Reads the loss from `formulas`, given the output layer's names (`outputs`: key → unit).
 * `readLoss(…)` on `E_{o1} = \frac{1}{2} (t_1 - out_{o1})^2` gives half_sse with `t_1` as the target of unit 0.
 * A reason is said in `locale`.
 */
export function readLoss(formulas: readonly ForwardFormula[], outputs: ReadonlyMap<string, number>, units: number, locale: Locale = defaultLocale): LossReading {
	let kinds = new Set<LossKind>(KINDS);
	const targets: (NameRef | undefined)[] = new Array(units).fill(undefined);
	let read = 0;
	for (const f of formulas) {
		if (!f.heads.some(isLossName)) continue;
		const outs = f.reads.filter((r) => outputs.has(r.key));
		const others = f.reads.filter((r) => !outputs.has(r.key));
		if (outs.length === 0 || others.length !== outs.length || others.some(isLossName)) continue;
		const o = byIndex(outs, (x) => x).map((x) => outputs.get(x.key)!);
		const t = byIndex(others, (x) => x);
		const fits = new Set<LossKind>();
		for (const kind of kinds) {
			const ok = [0, 1, 2, 3].every((r) => {
				const values = new Map<string, number>();
				let want = 0;
				o.forEach((u, k) => {
					const ov = 0.15 + 0.17 * ((r + k * 2) % 5);
					const tv = 0.1 + 0.13 * ((r * 3 + k) % 6);
					values.set(outs.find((x) => outputs.get(x.key) === u)!.key, ov);
					values.set(t[k].key, tv);
					want += term(kind, tv, ov, units);
				});
				const v = evaluateWith(f.member, values);
				return v !== undefined && close(v, want);
			});
			if (ok) fits.add(kind);
		}
		if (fits.size === 0) continue;
		kinds = fits;
		read++;
		for (let k = 0; k < o.length; k++) {
			const was = targets[o[k]];
			if (was && was.key !== t[k].key) return { kind: 'none', reason: message('infer.twoTargets', { output: o[k] + 1, a: was.text, b: t[k].text }, locale) };
			targets[o[k]] = t[k];
		}
	}
	if (read === 0) return { kind: 'none', reason: message('infer.noLoss', { names: 'E, L, E_{o1} …' }, locale) };
	if (kinds.has('half_sse') && kinds.has('mse') && units === 2) kinds.delete('mse');
	if (kinds.size !== 1) return { kind: 'none', reason: message('infer.lossAlike', { kinds: [...kinds].join(locale === 'zh-cn' ? ' 和 ' : ' and ') }, locale) };
	return { kind: 'read', loss: [...kinds][0], targets };
}
