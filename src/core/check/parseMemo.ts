/**
 * Parses kept from one check of a document to the next, keyed by the text of each math region
 * (salsa's rule: a query is recomputed only when its input changed). `parseMath` reads nothing
 * but the region's own text and where it starts, so a region whose text is unchanged parses to
 * the same statements, shifted by how far the region moved. An edit therefore re-parses only the
 * regions it touched.
 *
 * Settling marks (`syntax/settle.ts`) rewrites the keys of marked names in place, the one thing a
 * check rewrites, so no two checks may work on the same marked names. The statements kept are the
 * ones the check that made them works on: settling writes a marked name's keys from its parts
 * alone, so a copy of settled statements settles as a fresh parse would, and a first check (the
 * CLI's, a new service's) pays for no copy. A region at the same place as before shares its
 * statements that hold no marked name and copies the others; a region that moved is copied whole,
 * every `start` and `end` offset shifted by the move, shared nodes kept shared. Only the parses of
 * the latest check are kept (by text and place), so the memo holds at most one document's
 * statements however many edits come.
 */
import type { Statement } from '../syntax/ast';
import { parseMath } from '../syntax/parser';
import { nodesOf } from '../syntax/walk';
import type { Span } from '../text/span';

interface Kept {
	/** Where the region's text started when it was parsed. */
	readonly start: number;
	/** Handed out to the check that parsed them; a later check gets a copy, but for what it may share. */
	readonly statements: readonly Statement[];
	/** Which statements hold a marked name, the one thing a check rewrites (`settle.ts`). */
	readonly marked: readonly boolean[];
}

/** True when a statement writes a marked name (`\hat{y}_1`, `\bar{in}_{o1}`), whose keys settling rewrites. */
function writesMark(st: Statement): boolean {
	for (const m of st.members) {
		for (const e of nodesOf(m)) {
			if (e.kind === 'name' && e.name.marks.length > 0) return true;
			if (e.kind === 'derivative' && (e.of.marks.length > 0 || e.wrt.marks.length > 0)) return true;
		}
	}
	return false;
}

export class ParseMemo {
	/** By region text, then by where the region starts. */
	private previous = new Map<string, Map<number, Kept>>();
	private current = new Map<string, Map<number, Kept>>();
	/** How many regions the latest check parsed and how many it reused, for tests and the benchmark. */
	parsed = 0;
	reused = 0;

	private complete = true;

	/**
	 * Starts a check: what the last whole parse used stays available, what it did not use is
	 * dropped. A parse cut short (its check was cancelled by a newer text) adds to what is kept.
	 */
	begin(): void {
		if (this.complete) this.previous = this.current;
		else for (const [source, byStart] of this.current) for (const [start, kept] of byStart) this.keep(this.previous, source, start, kept);
		this.current = new Map();
		this.complete = false;
		this.parsed = 0;
		this.reused = 0;
	}

	/** Ends a check's parse: every region of the document went through `statements`; the parses of the check before are let go. */
	end(): void {
		this.complete = true;
		this.previous = new Map();
	}

	private keep(into: Map<string, Map<number, Kept>>, source: string, start: number, kept: Kept): void {
		let byStart = into.get(source);
		if (!byStart) into.set(source, (byStart = new Map()));
		byStart.set(start, kept);
	}

	/**
	 * The statements of the region `inner` of `text`: `statements('x $$1 + 1 = 2$$', {start: 4, end: 13})`
	 * parses once, and after an edit that moves the region by 3 characters returns a copy 3 further on.
	 * A region that did not move shares the statements that hold no marked name: nothing rewrites those.
	 */
	statements(text: string, inner: Span): readonly Statement[] {
		const source = text.slice(inner.start, inner.end);
		const here = this.previous.get(source)?.get(inner.start) ?? this.current.get(source)?.get(inner.start);
		if (here) {
			this.reused++;
			const statements = here.statements.map((st, i) => (here.marked[i] ? shiftedCopy(st, 0) : st));
			this.keep(this.current, source, inner.start, { start: inner.start, statements, marked: here.marked });
			return statements;
		}
		const moved = first(this.current.get(source)) ?? first(this.previous.get(source));
		if (moved) {
			this.reused++;
			const statements = shiftedCopy(moved.statements, inner.start - moved.start);
			this.keep(this.current, source, inner.start, { start: inner.start, statements, marked: moved.marked });
			return statements;
		}
		const statements = parseMath(text, inner).statements;
		this.parsed++;
		this.keep(this.current, source, inner.start, { start: inner.start, statements, marked: statements.map(writesMark) });
		return statements;
	}
}

function first(byStart: Map<number, Kept> | undefined): Kept | undefined {
	if (!byStart) return undefined;
	for (const kept of byStart.values()) return kept;
	return undefined;
}

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
