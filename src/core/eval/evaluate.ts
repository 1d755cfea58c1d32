/**
 * Evaluates an expression two ways at once: the point value of what was written (each literal
 * taken at face value) and the interval of every value the author's rounded inputs could stand
 * for. Names and derivatives are looked up through the context; without a value they make the
 * whole expression unknown, never guessed. Long sums are left-deep trees thousands of nodes
 * high, so binary chains are folded in a loop along their left spine instead of by recursion.
 */
import type { BinaryNode, CallNode, DerivativeNode, Expr, NameNode, NameRef, NumberNode } from '../syntax/ast';
import { someNode } from '../syntax/walk';
import * as I from './interval';
import type { Interval } from './interval';

export interface Value {
	/** The value of the expression as written, each literal at face value. */
	readonly value: number;
	/** Every value the written inputs could stand for. */
	readonly iv: Interval;
}

export type Outcome =
	| { readonly ok: true; readonly value: number; readonly iv: Interval }
	| { readonly ok: false; readonly reason: 'unknown' | 'invalid' | 'unsupported'; readonly message: string; readonly names: readonly NameRef[] };

export interface EvalContext {
	/** The interval a literal stands for, given the tolerance policy and what is known exact. */
	literal(node: NumberNode): Interval;
	/** The value of a name, or `undefined` when it has none. */
	name?(node: NameNode): Value | undefined;
	/** The value of a derivative such as `\frac{\partial E}{\partial w_1}`, or `undefined`. */
	derivative?(node: DerivativeNode): Value | undefined;
	/** The base `\log` is read in; natural by default. */
	readonly logBase?: number;
}

const MAX_DEPTH = 2000;

type Fail = Extract<Outcome, { ok: false }>;

function fail(reason: Fail['reason'], message: string, names: readonly NameRef[] = []): Fail {
	return { ok: false, reason, message, names };
}

function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}

type Unary = (v: Value) => Value | undefined;

function lift(f: (x: number) => number, g: (iv: Interval) => Interval | undefined): Unary {
	return (v) => {
		const iv = g(v.iv);
		const value = f(v.value);
		return iv && Number.isFinite(value) ? { value, iv } : undefined;
	};
}

const tables = new Map<number, Record<string, Unary>>();

/** Functions of one argument, each with its point and interval form side by side; one table per log base. */
function unaryFunctions(logBase: number): Record<string, Unary> {
	let table = tables.get(logBase);
	if (!table) tables.set(logBase, (table = makeTable(logBase)));
	return table;
}

function makeTable(logBase: number): Record<string, Unary> {
	return {
		sqrt: lift(Math.sqrt, I.sqrt),
		ln: lift(Math.log, (iv) => I.log(iv)),
		log: lift((x) => Math.log(x) / Math.log(logBase), (iv) => I.log(iv, logBase)),
		exp: lift(Math.exp, (iv) => I.monotone(iv, Math.exp)),
		sigma: lift(sigmoid, (iv) => I.monotone(iv, sigmoid)),
		tanh: lift(Math.tanh, (iv) => I.monotone(iv, Math.tanh)),
		relu: lift((x) => Math.max(0, x), (iv) => I.monotone(iv, (x) => Math.max(0, x))),
		abs: lift(Math.abs, I.abs),
	};
}

function binary(op: BinaryNode['op'], a: Value, b: Value): Value | undefined {
	let iv: Interval | undefined;
	let value: number;
	switch (op) {
		case '+': iv = I.add(a.iv, b.iv); value = a.value + b.value; break;
		case '-': iv = I.sub(a.iv, b.iv); value = a.value - b.value; break;
		case '*': iv = I.mul(a.iv, b.iv); value = a.value * b.value; break;
		case '/': iv = I.div(a.iv, b.iv); value = a.value / b.value; break;
		case '^': iv = I.pow(a.iv, b.iv); value = a.value ** b.value; break;
	}
	return iv && Number.isFinite(value) ? { value, iv } : undefined;
}

/**
 * Evaluates `expr`. For `0.5 \times 0.349 \times 0.034` it returns value 0.0059333 and the
 * interval [0.005844, 0.006029] (each factor ± half a unit in its last place).
 */
export function evaluate(expr: Expr, ctx: EvalContext): Outcome {
	const functions = unaryFunctions(ctx.logBase ?? Math.E);
	const unknown: NameRef[] = [];
	let problem: Fail | undefined;

	function go(e: Expr, depth: number): Value | undefined {
		if (depth > MAX_DEPTH) {
			problem ??= fail('unsupported', 'The expression is nested too deeply to evaluate.');
			return undefined;
		}
		switch (e.kind) {
			case 'number':
				return { value: e.value, iv: ctx.literal(e) };
			case 'name': {
				const v = ctx.name?.(e);
				if (!v) unknown.push(e.name);
				return v;
			}
			case 'derivative': {
				const v = ctx.derivative?.(e);
				if (!v) unknown.push(e.of, e.wrt);
				return v;
			}
			case 'group':
				return go(e.inner, depth + 1);
			case 'unary': {
				let sign = e.op === '-' ? -1 : 1;
				let inner = e.operand;
				while (inner.kind === 'unary') {
					if (inner.op === '-') sign = -sign;
					inner = inner.operand;
				}
				const v = go(inner, depth + 1);
				return v && (sign < 0 ? { value: -v.value, iv: I.neg(v.iv) } : v);
			}
			case 'binary': {
				const spine: BinaryNode[] = [];
				let left: Expr = e;
				while (left.kind === 'binary') {
					spine.push(left);
					left = left.left;
				}
				let acc = go(left, depth + 1);
				for (let i = spine.length - 1; i >= 0; i--) {
					const right = go(spine[i].right, depth + 1);
					if (!acc || !right) {
						acc = undefined;
						continue;
					}
					acc = binary(spine[i].op, acc, right);
					if (!acc) problem ??= fail('invalid', `\`${spine[i].written || '·'}\` has no finite value here (a division by zero or an out-of-range power).`);
				}
				return acc;
			}
			case 'call':
				return call(e, depth);
			case 'tuple':
				problem ??= fail('unsupported', 'A tuple is a vector, not a number.');
				return undefined;
			case 'error':
				problem ??= fail('unsupported', e.message);
				return undefined;
		}
	}

	function call(e: CallNode, depth: number): Value | undefined {
		const args = e.args.map((a) => go(a, depth + 1));
		if (args.some((a) => !a)) return undefined;
		const vs = args as Value[];
		if (e.fn === 'max' || e.fn === 'min' || e.fn === 'sum') {
			if (vs.length === 0) return undefined;
			return vs.reduce<Value | undefined>((acc, v) => {
				if (!acc) return undefined;
				if (e.fn === 'sum') return binary('+', acc, v);
				return e.fn === 'max'
					? { value: Math.max(acc.value, v.value), iv: I.max(acc.iv, v.iv) }
					: { value: Math.min(acc.value, v.value), iv: I.min(acc.iv, v.iv) };
			}, { value: e.fn === 'sum' ? 0 : vs[0].value, iv: e.fn === 'sum' ? I.point(0) : vs[0].iv });
		}
		if (vs.length !== 1) {
			problem ??= fail('unsupported', `\`${e.written}\` takes one argument here, not ${vs.length}.`);
			return undefined;
		}
		const result = functions[e.fn](vs[0]);
		if (!result) problem ??= fail('invalid', `\`${e.written}\` is not defined at ${vs[0].value}.`);
		return result;
	}

	const v = go(expr, 0);
	if (v) return { ok: true, value: v.value, iv: v.iv };
	if (unknown.length > 0) return fail('unknown', 'It uses names with no known value.', unknown);
	return problem ?? fail('invalid', 'The expression has no value.');
}

/** True when the expression holds no names, derivatives or errors: plain arithmetic on numbers. */
export function isNumeric(expr: Expr): boolean {
	return !someNode(expr, (e) => e.kind === 'name' || e.kind === 'derivative' || e.kind === 'error' || e.kind === 'tuple');
}

/** True when the expression uses `\log` (whose base an author may mean as e, 10 or 2). */
export function usesLog(expr: Expr): boolean {
	return someNode(expr, (e) => e.kind === 'call' && e.fn === 'log');
}
