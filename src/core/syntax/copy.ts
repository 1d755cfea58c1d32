/**
 * Copying parsed statements: the parse memo hands a region that moved a copy of its statements
 * with every offset moved, and settling copies a shared statement before it rewrites a key. A
 * plain walk of plain data, by our own stack, since a long sum is a tree deeper than recursion
 * can go.
 */

/**
 * A deep copy of plain data with every numeric `start` and `end` moved by `by`; a node met twice is
 * copied once. The walk keeps its own stack: a chain of 20,000 terms is a tree 20,000 deep, past
 * what recursion can take. A plain loop over the keys, no `Object.entries`: a reused parse is
 * copied on every check, so this is hot.
 */
export function shiftedCopy<T>(value: T, by: number): T {
	if (typeof value !== 'object' || value === null) return value;
	const seen = new Map<object, unknown>();
	const stack: [object, unknown[] | Record<string, unknown>][] = [];
	const link = (x: object): unknown => {
		const done = seen.get(x);
		if (done !== undefined) return done;
		const shell: unknown[] | Record<string, unknown> = Array.isArray(x) ? new Array<unknown>(x.length) : {};
		seen.set(x, shell);
		stack.push([x, shell]);
		return shell;
	};
	const root = link(value);
	while (stack.length > 0) {
		const [from, to] = stack.pop()!;
		if (Array.isArray(from)) {
			const out = to as unknown[];
			for (let i = 0; i < from.length; i++) {
				const x: unknown = from[i];
				out[i] = typeof x === 'object' && x !== null ? link(x) : x;
			}
			continue;
		}
		const source = from as Record<string, unknown>;
		const out = to as Record<string, unknown>;
		for (const k in source) {
			const x = source[k];
			out[k] = typeof x === 'object' && x !== null ? link(x) : typeof x === 'number' && (k === 'start' || k === 'end') ? x + by : x;
		}
	}
	return root as T;
}
