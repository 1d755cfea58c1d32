/**
 * The state one check of one document shares between its checkers: the text, the tolerance
 * policy, what the document has stated so far, the diagnostics found, and the facts hovers need
 * later (what each member evaluates to, which number was written for which name).
 */
import type { Diagnostic } from './diagnostic';
import type { Facts, StatedValue } from './facts';
import type { LiteralPolicy, SignedLiteral } from './literal';
import type { Interval } from '../eval/interval';
import type { Expr, NameRef } from '../syntax/ast';
import type { Span } from '../text/span';
import type { LineIndex } from '../text/lineIndex';
import type { TruthChecker } from './truth/checker';
import type { NameScope } from '../engine/resolve';
import type { Locale } from '../messages/locale';
import type { ChainReads } from './reuse';

/** What a chain member evaluated to, for hovers. */
export interface MemberFact {
	readonly span: Span;
	readonly chain: number;
	readonly expr: Expr;
	readonly value?: number;
	readonly iv?: Interval;
	/** The literal this member is stated equal to (the nearest number to its right in the chain). */
	readonly stated?: SignedLiteral;
	readonly statedIv?: Interval;
	/** Whether the member's value agrees with the stated literal. */
	readonly holds?: boolean;
}

/** A number written in place of a name (`-0.177` for `coef_{o1}`), for hovers. */
export interface SubstitutionFact {
	readonly number: SignedLiteral;
	readonly iv: Interval;
	readonly symbol: Span;
	readonly key: string;
	readonly written: string;
	readonly acceptable: readonly StatedValue[];
	readonly holds?: boolean;
}

/** A name as it appears in the math, with the values the document stated for it before that point. */
export interface NameFact {
	readonly span: Span;
	readonly key: string;
	readonly name?: NameRef;
	readonly written: string;
	readonly chain: number;
}

export type ChainStatus = 'checked' | 'unchecked' | 'given';

export interface CheckContext {
	readonly text: string;
	readonly lines: LineIndex;
	policy: LiteralPolicy;
	readonly facts: Facts;
	readonly diagnostics: Diagnostic[];
	readonly members: MemberFact[];
	readonly substitutions: SubstitutionFact[];
	readonly names: NameFact[];
	readonly uncheckedNames: Set<string>;
	/** The truth check of the network block that governs the chain being checked, if any. */
	truth?: TruthChecker;
	/** What the whole document says about its names (whether it marks a prediction `\hat{y}`), for binding. */
	nameScope?: NameScope;
	/** The language the check's messages are written in; English when absent. */
	readonly locale?: Locale;
	/** What the chain being checked reads of what earlier chains stated, when a re-check may want to know (`reuse.ts`). */
	reads?: ChainReads;
}

/** The 1-based line of an offset, for messages such as "stated on line 12". */
export function lineOf(ctx: CheckContext, offset: number): number {
	return ctx.lines.positionAt(offset).line + 1;
}

/** The source text of a span, shortened to `max` characters for messages. */
export function sourceOf(ctx: CheckContext, s: Span, max = 60): string {
	ctx.reads?.spans.push(s);
	const t = ctx.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
	return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
