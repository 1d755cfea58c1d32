/**
 * The names a convolutional reading gives its layers and their outputs, from the heads the
 * document writes: a layer's name is what its heads spell between the role stem and the index
 * (`\bar{in}_{cc_1}` … → `cc`), and a pool's output, which has no pre-activation (DESIGN 2.5), is one
 * name in every role stem (`\bar{in}_{pp_1}` is `\text{outpp}_1`).
 */
import type { NameRef } from '../syntax/ast';
import type { ForwardFormula } from './formulas';
import { family } from './numberArg';

export const PRE = ['in', 'net', 'z'];
export const POST = ['out', 'a', 'h'];
export const STEMS = [...PRE, ...POST];

/** The spellings of a pool output with every role stem: `\bar{in}_{pp_1}` → `inpp1`, `outpp1`, … */
export function aliases(n: NameRef): string[] {
	const fam = family(n, STEMS);
	return fam === undefined ? [] : STEMS.map((s) => s + fam);
}

/** `\bar{in}_{cc_1}` … `\bar{in}_{cc_8}` → `cc`: the layer name when every head spells stem + one name + 1…n. */
export function layerNameOf(heads: readonly NameRef[], stems: readonly string[]): string | undefined {
	let name: string | undefined;
	for (let j = 0; j < heads.length; j++) {
		const fam = family(heads[j], stems);
		const m = fam === undefined ? null : /^([A-Za-z]+?)(\d+)$/.exec(fam);
		if (!m || Number(m[2]) !== j + 1 || (name !== undefined && name !== m[1])) return undefined;
		name = m[1];
	}
	return name;
}

/** Whether two formulas name one pool output, in any role stem. */
export function sameOutput(f: ForwardFormula, g: ForwardFormula): boolean {
	const names = new Set(f.heads.flatMap(aliases).map((k) => k.toLowerCase()));
	return g.heads.flatMap(aliases).some((k) => names.has(k.toLowerCase()));
}

/** Whether a weighted sum reads, as its parents, exactly the names a pool formula reads. */
export function sameWindow(sum: ForwardFormula, pool: ForwardFormula): boolean {
	const window = new Set(pool.reads.map((r) => r.key));
	const parents = sum.affine!.products.map((p) => (window.has(p.a.key) ? p.a.key : window.has(p.b.key) ? p.b.key : undefined));
	return parents.every((k) => k !== undefined) && new Set(parents).size === window.size && parents.length === window.size;
}
