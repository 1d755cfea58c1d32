/**
 * Whole vectors and matrices against the network (DESIGN 2.3: a name without an element index
 * means the whole vector or matrix). `z^{(1)} = W^{(1)} x + b^{(1)} = … = \begin{bmatrix} 0.3 \\ 0.1
 * \end{bmatrix}` states `z^{(1)}_1 = 0.3` and `z^{(1)}_2 = 0.1`; `\frac{\partial L}{\partial W^{(2)}} =
 * \begin{bmatrix} … \end{bmatrix}` states each `\frac{\partial L}{\partial W^{(2)}_{jk}}`. This file
 * turns a whole name and an element's indices into the element's name, with the subscript spelled
 * as `elementKey` spells it (`indexText`, one rule for both), so the scalar truth check judges each
 * element where it stands.
 */
import type { DerivativeNode, Expr, NameNode, NameRef } from '../syntax/ast';
import { nameKeyOf } from '../syntax/names';
import { indexText } from './matrices';

/** The name of element `indices` (1-based) of a whole name: `W^{(2)}` with (1, 2) is `W^{(2)}_{12}`. */
export function elementName(ref: NameRef, indices: readonly number[]): NameRef {
	const ix = indexText(indices);
	const sub = `${ref.sub}${ix}`;
	// A name whose mark was settled away (`\bar{z}` alone is `z`) keeps its settled key.
	const settled = ref.marks.length > 0 && !ref.key.startsWith(`${ref.marks.join('.')}.`);
	const baseKey = nameKeyOf(settled ? [] : ref.marks, ref.base, ref.layer, sub);
	return { ...ref, sub, baseKey, key: ref.updated ? `${baseKey}'` : baseKey, text: `${ref.text}_{${ix}}` };
}

/** The element of a whole name or of a derivative with respect to one: `∂L/∂W^{(2)}` at (1, 2) is `∂L/∂W^{(2)}_{12}`. */
export function elementOf(e: NameNode | DerivativeNode, indices: readonly number[]): NameNode | DerivativeNode {
	if (e.kind === 'name') return { ...e, name: elementName(e.name, indices) };
	return { ...e, wrt: elementName(e.wrt, indices) };
}

/** The member as a whole name or derivative, without its parentheses, or `undefined`. */
export function wholeName(e: Expr | undefined): NameNode | DerivativeNode | undefined {
	let x = e;
	while (x?.kind === 'group') x = x.inner;
	return x && (x.kind === 'name' || x.kind === 'derivative') ? x : undefined;
}
