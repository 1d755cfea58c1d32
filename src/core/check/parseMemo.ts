/**
 * Parses kept from one check of a document to the next, keyed by the text of each math region
 * (salsa's rule: a query is recomputed only when its input changed). `parseMath` reads nothing
 * but the region's own text and where it starts, so a region whose text is unchanged parses to
 * the same statements, shifted by how far the region moved. An edit therefore re-parses only the
 * regions it touched.
 *
 * A reused parse is always a copy: later steps of a check rewrite names in place
 * (`syntax/settle.ts` settles marks over the whole document), so the kept statements must never be
 * the ones a check works on. The copy shifts every `start` and `end` offset by the move and keeps
 * shared nodes shared. Only the parses of the latest check are kept, so the memo holds at most one
 * document's statements however many edits come.
 */
import type { Statement } from '../syntax/ast';
import { parseMath } from '../syntax/parser';
import type { Span } from '../text/span';

interface Kept {
	/** Where the region's text started when it was parsed. */
	readonly start: number;
	/** Never handed out: every use gets a shifted copy. */
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
		// The kept parse is a copy too, made before the check rewrites the one it gets.
		this.current.set(source, { start: inner.start, statements: shiftedCopy(statements, 0) });
		return statements;
	}
}

/** A deep copy of plain data with every numeric `start` and `end` moved by `by`; a node met twice is copied once. */
export function shiftedCopy<T>(value: T, by: number): T {
	const seen = new Map<object, unknown>();
	// A plain loop over the keys, no `Object.entries`: a reused parse is copied on every check, so this is hot.
	const copy = (v: object): unknown => {
		const done = seen.get(v);
		if (done !== undefined) return done;
		if (Array.isArray(v)) {
			const out: unknown[] = new Array(v.length);
			seen.set(v, out);
			for (let i = 0; i < v.length; i++) {
				const x: unknown = v[i];
				out[i] = typeof x === 'object' && x !== null ? copy(x) : x;
			}
			return out;
		}
		const from = v as Record<string, unknown>;
		const out: Record<string, unknown> = {};
		seen.set(v, out);
		for (const k in from) {
			const x = from[k];
			out[k] = typeof x === 'object' && x !== null ? copy(x) : typeof x === 'number' && (k === 'start' || k === 'end') ? x + by : x;
		}
		return out;
	};
	return (typeof value === 'object' && value !== null ? copy(value) : value) as T;
}
