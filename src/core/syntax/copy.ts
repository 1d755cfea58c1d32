/**
 * Copying parsed statements: the parse memo hands a region that moved a copy of its statements
 * with every offset moved, and settling copies a shared statement before it rewrites a key. A
 * plain walk of plain data, by our own stack, since a long sum is a tree deeper than recursion
 * can go.
 */

/**
 * A deep copy of plain data with every numeric `start` and `end` moved by `by`; a node met twice is
 * copied once. `shiftedCopy({span: {start: 3, end: 5}}, 10)` is `{span: {start: 13, end: 15}}`.
 */
export function shiftedCopy<T>(value: T, by: number): T {
	return movedCopy(value, (offset) => offset + by);
}

/**
 * A deep copy of plain data (objects and arrays, not maps or class instances) with every numeric
 * `start` and `end` replaced by `move(it)`. A node met twice is copied once; a node in `known`
 * already has its copy there, which is taken as it is. The walk keeps its own stack: a chain of 20,000 terms is a tree 20,000 deep, past
 * what recursion can take. A plain loop over the keys, no `Object.entries`: the parse memo copies
 * every region an edit moved, so this is hot.
 */
export function movedCopy<T>(value: T, move: (offset: number) => number, known?: ReadonlyMap<object, unknown>): T {
	if (typeof value !== 'object' || value === null) return value;
	// Made at the first node below the root, so that copying a span costs no map; plain data has no cycles, so the root is never met again.
	let seen: Map<object, unknown> | undefined;
	const stack: [object, unknown[] | Record<string, unknown>][] = [];
	const shellOf = (x: object): unknown[] | Record<string, unknown> => (Array.isArray(x) ? new Array<unknown>(x.length) : {});
	const link = (x: object): unknown => {
		const done = known?.get(x) ?? seen?.get(x);
		if (done !== undefined) return done;
		const shell = shellOf(x);
		(seen ??= new Map()).set(x, shell);
		stack.push([x, shell]);
		return shell;
	};
	const paired = known?.get(value);
	if (paired !== undefined) return paired as T;
	const root = shellOf(value);
	stack.push([value, root]);
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
			out[k] = typeof x === 'object' && x !== null ? link(x) : typeof x === 'number' && (k === 'start' || k === 'end') ? move(x) : x;
		}
	}
	return root as T;
}
