/**
 * Parses kept from one check of a document to the next, keyed by the text of each math region
 * and where it starts (salsa's rule: a query is recomputed only when its input changed).
 * `parseMath` reads nothing but the region's own text and where it starts, so a region whose text
 * is unchanged parses to the same statements, shifted by how far the region moved. An edit
 * therefore re-parses only the regions it touched. A region that did not move is found by its
 * place and compared in place, so its text is neither copied nor hashed.
 *
 * Checks share what the memo keeps: a region at the same place as before gets the very statements
 * the last check had, and a region that moved gets a copy with every `start` and `end` offset
 * shifted by the move (shared nodes kept shared). Nothing a check gets from the memo is written:
 * settling marks (`syntax/settle.ts`), the one rewrite a check makes, copies a statement it does
 * not own before changing a key, and `owns` says which ones a check made itself (parsed or
 * copied for it), so a first check (the CLI's, a new service's) copies nothing. Only the parses of
 * the latest check are kept (by text and place), so the memo holds at most one document's
 * statements however many edits come.
 */
import type { Statement } from '../syntax/ast';
import { parseMath } from '../syntax/parser';
import { shiftedCopy } from '../syntax/copy';
import type { Span } from '../text/span';

interface Kept {
	/** The region's text. */
	readonly source: string;
	/** Where the region's text started when it was parsed. */
	readonly start: number;
	/** Shared by every check that finds the region at this place; never written (see above). */
	readonly statements: readonly Statement[];
}

export class ParseMemo {
	/** By region text, then by where the region starts. */
	private previous = new Map<string, Map<number, Kept>>();
	private current = new Map<string, Map<number, Kept>>();
	/** The same, by where the region starts: a region that did not move is found without hashing its text. */
	private previousAt = new Map<number, Kept>();
	private currentAt = new Map<number, Kept>();
	/** How many regions the latest check parsed and how many it reused, for tests and the benchmark. */
	parsed = 0;
	reused = 0;

	private complete = true;
	/** The statements the latest check parsed or had copied: its own, which it may rewrite. */
	private made = new Set<Statement>();

	/**
	 * Starts a check: what the last whole parse used stays available, what it did not use is
	 * dropped. A parse cut short (its check was cancelled by a newer text) adds to what is kept.
	 */
	begin(): void {
		if (this.complete) {
			this.previous = this.current;
			this.previousAt = this.currentAt;
		} else for (const byStart of this.current.values()) for (const kept of byStart.values()) this.keep(this.previous, this.previousAt, kept);
		this.current = new Map();
		this.currentAt = new Map();
		this.made = new Set();
		this.complete = false;
		this.parsed = 0;
		this.reused = 0;
	}

	/** Ends a check's parse: every region of the document went through `statements`; the parses of the check before are let go. */
	end(): void {
		this.complete = true;
		this.previous = new Map();
		this.previousAt = new Map();
	}

	private keep(into: Map<string, Map<number, Kept>>, at: Map<number, Kept>, kept: Kept): void {
		let byStart = into.get(kept.source);
		if (!byStart) into.set(kept.source, (byStart = new Map()));
		byStart.set(kept.start, kept);
		at.set(kept.start, kept);
	}

	/** What is kept for the region at `inner` when its text is the same as then, found by place. */
	private placed(text: string, inner: Span): Kept | undefined {
		const same = (kept: Kept | undefined) => !!kept && kept.source.length === inner.end - inner.start && text.startsWith(kept.source, inner.start);
		const before = this.previousAt.get(inner.start);
		if (same(before)) return before;
		const now = this.currentAt.get(inner.start);
		return same(now) ? now : undefined;
	}

	/**
	 * The statements of the region `inner` of `text`: `statements('x $$1 + 1 = 2$$', {start: 4, end: 13})`
	 * parses once, and after an edit that moves the region by 3 characters returns a copy 3 further on.
	 * A region that did not move gets the statements the last check had.
	 */
	statements(text: string, inner: Span): readonly Statement[] {
		const here = this.placed(text, inner);
		if (here) {
			this.reused++;
			this.keep(this.current, this.currentAt, here);
			return here.statements;
		}
		const source = text.slice(inner.start, inner.end);
		const moved = first(this.current.get(source)) ?? first(this.previous.get(source));
		if (moved) {
			this.reused++;
			const statements = shiftedCopy(moved.statements, inner.start - moved.start);
			for (const st of statements) this.made.add(st);
			this.keep(this.current, this.currentAt, { source, start: inner.start, statements });
			return statements;
		}
		const statements = parseMath(text, inner).statements;
		this.parsed++;
		for (const st of statements) this.made.add(st);
		this.keep(this.current, this.currentAt, { source, start: inner.start, statements });
		return statements;
	}

	/** True when the latest check parsed `st` or had it copied: no other check holds it, so it may be rewritten in place. */
	owns(st: Statement): boolean {
		return this.made.has(st);
	}
}

function first(byStart: Map<number, Kept> | undefined): Kept | undefined {
	if (!byStart) return undefined;
	for (const kept of byStart.values()) return kept;
	return undefined;
}
