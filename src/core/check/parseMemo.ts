/**
 * Parses kept from one check of a document to the next, keyed by the text of each math region
 * (salsa's rule: a query is recomputed only when its input changed). `parseMath` reads nothing
 * but the region's own text and where it starts, so a region whose text is unchanged parses to
 * the same statements, shifted by how far the region moved. An edit therefore re-parses only the
 * regions it touched.
 *
 * A reused parse is always a copy: later steps of a check rewrite names in place
 * (`syntax/settle.ts` settles marks over the whole document), so no two checks may work on the
 * same statements. The statements kept are the ones the check that parsed them works on: settling
 * writes a marked name's keys from its parts alone, so a copy of settled statements settles as a
 * fresh parse would, and a first check (the CLI's, a new service's) pays for no copy. The copy
 * shifts every `start` and `end` offset by the move and keeps shared nodes shared. Only the parses
 * of the latest check are kept, so the memo holds at most one document's statements however many
 * edits come.
 */
import type { Statement } from '../syntax/ast';
import { parseMath } from '../syntax/parser';
import type { Span } from '../text/span';

interface Kept {
	/** Where the region's text started when it was parsed. */
	readonly start: number;
	/** Handed out to the check that parsed them; every later use gets a shifted copy. */
	readonly statements: readonly Statement[];
}

export class ParseMemo {
	private previous = new Map<string, Kept>();
	private current = new Map<string, Kept>();
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
		else for (const [source, kept] of this.current) this.previous.set(source, kept);
		this.current = new Map();
		this.complete = false;
		this.parsed = 0;
		this.reused = 0;
	}

	/** Ends a check's parse: every region of the document went through `statements`. */
	end(): void {
		this.complete = true;
	}

	/**
	 * The statements of the region `inner` of `text`: `statements('x $$1 + 1 = 2$$', {start: 4, end: 13})`
	 * parses once, and after an edit that moves the region by 3 characters returns a copy 3 further on.
	 */
	statements(text: string, inner: Span): readonly Statement[] {
		const source = text.slice(inner.start, inner.end);
		const kept = this.current.get(source) ?? this.previous.get(source);
		if (kept) {
			this.current.set(source, kept);
			this.reused++;
			return shiftedCopy(kept.statements, inner.start - kept.start);
		}
		const statements = parseMath(text, inner).statements;
		this.parsed++;
		this.current.set(source, { start: inner.start, statements });
		return statements;
	}
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
