/**
 * Walking expression trees without recursion: long sums are left-deep trees thousands of nodes
 * high, so every walk in the core goes through an explicit stack, and this file holds the one
 * definition of what a node's children are (`pushChildren`), which allocates nothing per node.
 */
import type { Expr } from './ast';

/** Pushes a node's children on `stack`, last child first, so that they pop in order; no array is made per node. */
function pushChildren(e: Expr, stack: Expr[]): void {
	switch (e.kind) {
		case 'group': stack.push(e.inner); return;
		case 'unary': stack.push(e.operand); return;
		case 'binary': stack.push(e.right, e.left); return;
		case 'call': for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i]); return;
		case 'tuple': for (let i = e.items.length - 1; i >= 0; i--) stack.push(e.items[i]); return;
		case 'matrix':
			for (let r = e.rows.length - 1; r >= 0; r--) for (let c = e.rows[r].length - 1; c >= 0; c--) stack.push(e.rows[r][c]);
			return;
		default: return;
	}
}

/** Every node of the tree, parents before children (for a walk that can stop early, use `someNode`). */
export function* nodesOf(root: Expr): Generator<Expr> {
	const stack: Expr[] = [root];
	while (stack.length > 0) {
		const e = stack.pop()!;
		yield e;
		pushChildren(e, stack);
	}
}

/**
 * Calls `visit` on every node of the tree, parents before children, as `nodesOf` yields them;
 * the walk a hot path takes (a generator costs an object per step).
 */
export function eachNode(root: Expr, visit: (e: Expr) => void): void {
	const stack: Expr[] = [root];
	while (stack.length > 0) {
		const e = stack.pop()!;
		visit(e);
		pushChildren(e, stack);
	}
}

/** True when some node of the tree satisfies `test`: `someNode(e, (x) => x.kind === 'error')`. */
export function someNode(root: Expr, test: (e: Expr) => boolean): boolean {
	const stack: Expr[] = [root];
	while (stack.length > 0) {
		const e = stack.pop()!;
		if (test(e)) return true;
		pushChildren(e, stack);
	}
	return false;
}
