/**
 * A growing set of replacements on one original text, for fixes computed in rounds. Each round
 * re-checks the edited text and proposes replacements in *its* offsets; the set maps them back
 * to the original text, so the final answer is one list of non-overlapping edits on the document
 * the user has, however many rounds it took. A replacement either covers exactly a region an
 * earlier round replaced (it then takes that region's place) or lies wholly outside every replaced
 * region; anything else is refused.
 */
import type { TextEdit } from '../check/diagnostic';
import type { Span } from '../text/span';

export class EditSet {
	/** Replacements in original offsets, sorted by start, none overlapping another. */
	private readonly edits: TextEdit[] = [];

	constructor(readonly original: string) {}

	/** The original text with every replacement applied. */
	text(): string {
		let out = '';
		let at = 0;
		for (const e of this.edits) {
			out += this.original.slice(at, e.span.start) + e.newText;
			at = e.span.end;
		}
		return out + this.original.slice(at);
	}

	/** The text now standing where `span` (original offsets) was. */
	textAt(span: Span): string {
		const e = this.edits.find((x) => x.span.start === span.start && x.span.end === span.end);
		return e ? e.newText : this.original.slice(span.start, span.end);
	}

	/** An original offset in the edited text; an offset inside a replaced region maps to the region's start. */
	toCurrent(offset: number): number {
		let delta = 0;
		for (const e of this.edits) {
			if (e.span.end > offset) {
				if (e.span.start < offset) return e.span.start + delta;
				break;
			}
			delta += e.newText.length - (e.span.end - e.span.start);
		}
		return offset + delta;
	}

	/** A span of the edited text in original offsets, or `undefined` when it cuts into a replaced region. */
	toOriginal(span: Span): Span | undefined {
		const start = this.offsetToOriginal(span.start);
		const end = this.offsetToOriginal(span.end);
		return start === undefined || end === undefined ? undefined : { start, end };
	}

	private offsetToOriginal(offset: number): number | undefined {
		let delta = 0;
		for (const e of this.edits) {
			const start = e.span.start + delta;
			const end = start + e.newText.length;
			if (offset <= start) break;
			if (offset < end) return undefined;
			delta += e.newText.length - (e.span.end - e.span.start);
		}
		return offset - delta;
	}

	/** Replaces the text at `span` (original offsets): a region replaced before, or untouched text. */
	set(span: Span, newText: string): boolean {
		const same = this.edits.findIndex((x) => x.span.start === span.start && x.span.end === span.end);
		if (same >= 0) {
			this.edits[same] = { span, newText };
			return true;
		}
		if (this.edits.some((x) => x.span.start < span.end && span.start < x.span.end)) return false;
		const at = this.edits.findIndex((x) => x.span.start >= span.end);
		this.edits.splice(at < 0 ? this.edits.length : at, 0, { span, newText });
		return true;
	}

	/** The replacements that change something, in document order. */
	list(): TextEdit[] {
		return this.edits.filter((e) => this.original.slice(e.span.start, e.span.end) !== e.newText);
	}
}
