/**
 * Walking expression trees without recursion: long sums are left-deep trees thousands of nodes
 * high, so every walk in the core goes through an explicit stack, and this file holds the one
 * definition of what a node's children are.
 */
import type { Expr } from './ast';

/** The direct sub-expressions of a node: `childrenOf(a + b)` is `[a, b]`. */
export function childrenOf(e: Expr): readonly Expr[] {
	switch (e.kind) {
		case 'group': return [e.inner];
		case 'unary': return [e.operand];
		case 'binary': return [e.left, e.right];
		case 'call': return e.args;
		case 'tuple': return e.items;
		case 'matrix': return e.rows.flat();
		default: return [];
	}
}

/** Every node of the tree, parents before children (for a walk that can stop early, use `someNode`). */
export function* nodesOf(root: Expr): Generator<Expr> {
	const stack: Expr[] = [root];
	while (stack.length > 0) {
		const e = stack.pop()!;
		yield e;
		const kids = childrenOf(e);
		for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
	}
}

/** True when some node of the tree satisfies `test`: `someNode(e, (x) => x.kind === 'error')`. */
export function someNode(root: Expr, test: (e: Expr) => boolean): boolean {
	for (const e of nodesOf(root)) if (test(e)) return true;
	return false;
}
