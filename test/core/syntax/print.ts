/**
 * Compact S-expression renderings of syntax trees, for data-driven tests: `0.5 (1 - 0.074)`
 * prints as `(* 0.5 (group (- 1 0.074)))`, names print by key, a unary sign as `(- x)`, a
 * derivative as `(d Etotal w1)`, an error as `(error)`. With `written`, binary operators print
 * as written (`\cdot`, `\frac`, `` ` `` for an implicit product) and calls as written.
 */
import type { Expr, Statement } from '../../../src/core/syntax/ast';

export interface PrintOptions {
	readonly written?: boolean;
}

/** Renders an expression: `printExpr(tree)` → `(+ (* alpha x) 1)`. */
export function printExpr(e: Expr, options: PrintOptions = {}): string {
	const p = (x: Expr) => printExpr(x, options);
	switch (e.kind) {
		case 'number': return e.text;
		case 'name': return e.name.key;
		case 'unary': return `(${e.op} ${p(e.operand)})`;
		case 'binary': return `(${options.written ? e.written || '`' : e.op} ${p(e.left)} ${p(e.right)})`;
		case 'group': return `(group${e.open === '(' ? '' : e.open} ${p(e.inner)})`;
		case 'call': return `(${options.written ? e.written : e.fn}${e.args.map((a) => ` ${p(a)}`).join('')})`;
		case 'derivative': return `(d ${e.of.key} ${e.wrt.key})`;
		case 'tuple': return `(tuple${e.items.map((a) => ` ${p(a)}`).join('')})`;
		case 'matrix': return `(${e.env}${e.rows.map((r) => ` [${r.map(p).join(' ')}]`).join('')})`;
		case 'error': return '(error)';
	}
}

/** Renders a statement: `a = (+ 1 2) ≈ 3`, an assignment `w ← (- w 1)`; a continuing one starts with its relation: `= 0.166`. */
export function printStatement(s: Statement, options: PrintOptions = {}): string {
	const rel = (i: number) => ({ '=': '=', approx: '≈', assign: '←' })[s.relations[i].kind];
	const parts: string[] = [];
	if (s.continues) {
		s.members.forEach((m, i) => parts.push(rel(i), printExpr(m, options)));
	} else {
		s.members.forEach((m, i) => {
			if (i > 0) parts.push(rel(i - 1));
			parts.push(printExpr(m, options));
		});
	}
	return parts.join(' ');
}
