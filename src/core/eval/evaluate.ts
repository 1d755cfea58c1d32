/**
 * Evaluates an expression two ways at once: the point value of what was written (each literal
 * taken at face value) and the interval of every value the author's rounded inputs could stand
 * for. Names and derivatives are looked up through the context; without a value they make the
 * whole expression unknown, never guessed. Long sums are left-deep trees thousands of nodes
 * high, so binary chains are folded in a loop along their left spine instead of by recursion.
 * An expression with `\pm` has one value per choice of signs: the context may fix each choice
 * (`signChoices` lists them, so a checker can try each); a choice left open takes both signs,
 * and the interval is their hull, which can hide a mistake but never invent one.
 */
import type { BinaryNode, CallNode, DerivativeNode, Expr, NameNode, NameRef, NumberNode } from '../syntax/ast';
import { eachNode, someNode } from '../syntax/walk';
import { beyondExact, representable } from './exact';
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
	/** The sign each `\pm`/`\mp` node takes (1: `\pm` as `+`); a node not in the map takes both. */
	readonly signs?: ReadonlyMap<Expr, 1 | -1>;
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

/** A function of one number applied to a value (`applyFunction('sigma', v)`), as `evaluate` applies it; `undefined` when it has none. */
export function applyFunction(fn: string, v: Value, logBase = Math.E): Value | undefined {
	const f = unaryFunctions(logBase)[fn] as Unary | undefined;
	return f?.(v);
}

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

/** Both values of `a ± b`, or the one `sign` picks: the hull of `a + b` and `a - b` when open. */
function plusMinus(a: Value, b: Value, sign: 1 | -1 | undefined): Value | undefined {
	if (sign !== undefined) return binary(sign > 0 ? '+' : '-', a, b);
	const plus = binary('+', a, b);
	const minus = binary('-', a, b);
	return plus && minus ? { value: plus.value, iv: { lo: Math.min(plus.iv.lo, minus.iv.lo), hi: Math.max(plus.iv.hi, minus.iv.hi) } } : undefined;
}

/** `\log_b x` and `\sqrt[n]{x}`: functions of two arguments, in the order written. */
function twoArguments(fn: 'logb' | 'root', a: Value, x: Value): Value | undefined {
	if (fn === 'logb') {
		const num = I.log(x.iv);
		const den = I.log(a.iv);
		const iv = num && den && I.div(num, den);
		const value = Math.log(x.value) / Math.log(a.value);
		return iv && Number.isFinite(value) ? { value, iv } : undefined;
	}
	const n = a.value;
	if (a.iv.lo === a.iv.hi && Number.isInteger(n) && n > 0) {
		const odd = n % 2 === 1;
		if (!odd && x.iv.lo < 0) return undefined;
		const f = (v: number) => Math.sign(v) * Math.abs(v) ** (1 / n);
		const iv = I.monotone(x.iv, f);
		return iv && Number.isFinite(f(x.value)) ? { value: f(x.value), iv } : undefined;
	}
	const inverse = I.div(I.point(1), a.iv);
	return inverse ? binary('^', x, { value: 1 / a.value, iv: inverse }) : undefined;
}

/** One binary operation on values, point and interval side by side: `binary('+', a, b)`; `undefined` when not finite. */
export function binary(op: BinaryNode['op'], a: Value, b: Value): Value | undefined {
	let iv: Interval | undefined;
	let value: number;
	switch (op) {
		case '±': case '∓': return plusMinus(a, b, undefined);
		case '⊙': return binary('*', a, b);
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
				if (representable(e)) return { value: e.value, iv: ctx.literal(e) };
				problem ??= fail('unsupported', `${e.text} is beyond what a double holds exactly, so it is not checked.`);
				return undefined;
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
				if (e.op === '±' || e.op === '∓') {
					const v = go(e.operand, depth + 1);
					return v && plusMinus({ value: 0, iv: I.point(0) }, v, signOf(e));
				}
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
					const op = spine[i].op;
					acc = op === '±' || op === '∓' ? plusMinus(acc, right, signOf(spine[i])) : binary(op, acc, right);
					if (!acc) problem ??= fail('invalid', `\`${spine[i].written || '·'}\` has no finite value here (a division by zero or an out-of-range power).`);
					else if (beyondExact(acc.iv)) acc = beyond();
				}
				return acc;
			}
			case 'call':
				return call(e, depth);
			case 'tuple':
				problem ??= fail('unsupported', 'A tuple is a vector, not a number.');
				return undefined;
			case 'matrix':
				problem ??= fail('unsupported', 'A matrix is not a number.');
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
		if ((e.fn === 'logb' || e.fn === 'root') && vs.length === 2) {
			const result = twoArguments(e.fn, vs[0], vs[1]);
			if (!result) problem ??= fail('invalid', `\`${e.written}\` is not defined here.`);
			return result;
		}
		if (vs.length !== 1) {
			problem ??= fail('unsupported', `\`${e.written}\` takes one argument here, not ${vs.length}.`);
			return undefined;
		}
		const f = functions[e.fn] as Unary | undefined;
		if (!f) {
			problem ??= fail('unsupported', `\`${e.written}\` is not a function of a number.`);
			return undefined;
		}
		const result = f(vs[0]);
		if (!result) problem ??= fail('invalid', `\`${e.written}\` is not defined at ${vs[0].value}.`);
		return result && beyondExact(result.iv) ? beyond() : result;
	}

	/** An exact result beyond 2^53, which doubles hold only approximately: unchecked, never wrong. */
	function beyond(): undefined {
		problem ??= fail('unsupported', 'An exact intermediate result exceeds 2^53, where doubles no longer hold every integer, so it is not checked.');
		return undefined;
	}

	/** The sign a `\pm` or `\mp` node takes: `\mp` takes the opposite of its choice; open when the context leaves it so. */
	function signOf(e: Expr & { op: string }): 1 | -1 | undefined {
		const s = ctx.signs?.get(e);
		if (s === undefined) return undefined;
		return e.op === '∓' ? (-s as 1 | -1) : s;
	}

	const v = go(expr, 0);
	if (v) return { ok: true, value: v.value, iv: v.iv };
	if (unknown.length > 0) return fail('unknown', 'It uses names with no known value.', unknown);
	return problem ?? fail('invalid', 'The expression has no value.');
}

/** True when the expression holds no names, derivatives or errors: plain arithmetic on numbers. */
export function isNumeric(expr: Expr): boolean {
	return !someNode(expr, (e) => e.kind === 'name' || e.kind === 'derivative' || e.kind === 'error' || e.kind === 'tuple' || e.kind === 'matrix');
}

/** The `\pm` and `\mp` nodes of an expression, in tree order. */
export function plusMinusNodes(expr: Expr): Expr[] {
	const found: Expr[] = [];
	eachNode(expr, (e) => {
		if ((e.kind === 'binary' || e.kind === 'unary') && (e.op === '±' || e.op === '∓')) found.push(e);
	});
	return found;
}

/**
 * Every choice of signs for the `\pm` nodes of `expr` (one map per choice), or `undefined` when
 * there are more than `max` of them: `x \pm 1` gives two choices, an expression without `\pm` one.
 */
export function signChoices(expr: Expr, max = 4): ReadonlyMap<Expr, 1 | -1>[] | undefined {
	const nodes = plusMinusNodes(expr);
	if (nodes.length > max) return undefined;
	const choices: Map<Expr, 1 | -1>[] = [];
	for (let bits = 0; bits < 1 << nodes.length; bits++) choices.push(new Map(nodes.map((n, i) => [n, (bits >> i) & 1 ? -1 : 1])));
	return choices;
}

/**
 * Evaluates `expr` under each choice of signs for its `\pm` (DESIGN 2.2: a chain holds when the
 * stated result matches either value) and returns the first outcome that meets `target`, else the
 * first. Beyond four `\pm` it evaluates once, both signs open (the hull).
 */
export function evaluateSigned(expr: Expr, ctx: EvalContext, target: Interval): Outcome {
	const choices = signChoices(expr) ?? [new Map<Expr, 1 | -1>()];
	let first: Outcome | undefined;
	for (const signs of choices) {
		const o = evaluate(expr, choices.length > 1 ? { ...ctx, signs } : ctx);
		if (o.ok && I.intersects(o.iv, target)) return o;
		first ??= o;
	}
	return first!;
}

/** True when the expression uses `\log` (whose base an author may mean as e, 10 or 2). */
export function usesLog(expr: Expr): boolean {
	return someNode(expr, (e) => e.kind === 'call' && e.fn === 'log');
}
