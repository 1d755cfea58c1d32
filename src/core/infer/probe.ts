/**
 * Which operation a written formula is, told by evaluating it, not by its spelling: `\sigma(x)`,
 * `\frac{1}{1 + e^{-x}}` and `sigmoid(x)` all agree with the logistic function at every probe point,
 * so one table of functions serves every notation. Probe points are fixed (no randomness: a check
 * gives the same answer every time) and spread over both signs, so `\max(0, x)` and `x` differ.
 * A formula that matches no function, or two, is not read.
 */
import type { ActivationKind } from '../engine/spec';
import { evaluate, type EvalContext } from '../eval/evaluate';
import { point } from '../eval/interval';
import type { Expr } from '../syntax/ast';

/** Fixed probe values in (-2, 2), none of them special. */
export const PROBES = [0.3137, -0.7211, 1.2593, -1.6047, 0.0841, 0.5519, -0.2683, 1.8311];

/** Evaluates `member` with each name's key mapped to a number; `undefined` when it does not evaluate. */
export function evaluateWith(member: Expr, values: ReadonlyMap<string, number>): number | undefined {
	const ctx: EvalContext = {
		literal: (n) => point(n.value),
		name: (node) => {
			const v = values.get(node.name.key);
			return v === undefined ? undefined : { value: v, iv: point(v) };
		},
	};
	const out = evaluate(member, ctx);
	return out.ok && Number.isFinite(out.value) ? out.value : undefined;
}

export function close(a: number, b: number): boolean {
	return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const ACTIVATIONS: readonly [ActivationKind, (x: number) => number][] = [
	['sigmoid', (x) => 1 / (1 + Math.exp(-x))],
	['tanh', Math.tanh],
	['relu', (x) => Math.max(0, x)],
	// The engine's leaky ReLU, with the slope a block declares by default (`\max(0.01 z, z)`).
	['leaky_relu', (x) => (x > 0 ? x : 0.01 * x)],
	['linear', (x) => x],
];

/** The activation a one-name formula computes (`\frac{1}{1 + e^{-net_{h1}}}` is `sigmoid`), if exactly one fits. */
export function activationOf(member: Expr, key: string): ActivationKind | undefined {
	const fits = ACTIVATIONS.filter(([, f]) => PROBES.every((x) => {
		const v = evaluateWith(member, new Map([[key, x]]));
		return v !== undefined && close(v, f(x));
	}));
	return fits.length === 1 ? fits[0][0] : undefined;
}

/** Which unit's softmax a formula over a layer's pre-activations computes (`e^{z_1} / (e^{z_1} + e^{z_2})` is unit 0). */
export function softmaxUnit(member: Expr, keys: readonly string[]): number | undefined {
	const rows = [0, 1, 2].map((r) => keys.map((_, j) => PROBES[(r * 3 + j) % PROBES.length] + 0.1 * j));
	const fits: number[] = [];
	for (let u = 0; u < keys.length; u++) {
		const ok = rows.every((row) => {
			const m = Math.max(...row);
			const e = row.map((x) => Math.exp(x - m));
			const s = e.reduce((a, b) => a + b, 0);
			const v = evaluateWith(member, new Map(keys.map((k, j) => [k, row[j]])));
			return v !== undefined && close(v, e[u] / s);
		});
		if (ok) fits.push(u);
	}
	return fits.length === 1 ? fits[0] : undefined;
}
