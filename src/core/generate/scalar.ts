/**
 * One chain per quantity, formula → numbers → result: `out_{C1} = \sigma(in_{C1}) = \sigma(0.235)
 * = 0.558`. The formula is the engine's own, rendered with the notation's names; the numbers are
 * the ones already written for its parents (`carry.ts`), negative ones in parentheses; the result
 * is the formula on those numbers, rounded. In an exercise, each computed number — a result, and
 * the same number where a later step uses it — is a blank `\square`, and the givens stay.
 */
import type { Network } from '../engine/network';
import { renderTerm } from '../engine/render';
import type { Formula, QuantityId } from '../engine/term';
import { asWritten, type Carried } from './carry';
import type { ScalarNotation } from './notations';
import { operandText } from './numbers';

/** The blank an exercise writes in place of a number. */
export const BLANK = '\\square';

/** One written chain: its LaTeX, the quantity it states and the number it states. */
export interface WrittenChain {
	readonly of: QuantityId;
	readonly math: string;
	readonly result: string;
	/** The chain with every number written, for an exercise's answer key. */
	readonly solution: string;
}

/**
 * Writes one step, or undefined when its result cannot be computed from the written numbers.
 * `exercise` blanks the computed numbers.
 */
export function writeChain(net: Network, f: Formula, notation: ScalarNotation, carried: Carried, exercise: boolean): WrittenChain | undefined {
	const rhs = asWritten(net, f.rhs);
	const symbolic = renderTerm(rhs, notation.label);
	const numbers = renderTerm(rhs, (id) => operandText(carried.text(id) ?? '?'));
	const blanked = exercise ? renderTerm(rhs, (id) => (carried.computed(id) ? BLANK : operandText(carried.text(id) ?? '?'))) : numbers;
	const result = carried.state({ of: f.of, rhs });
	if (result === undefined) return undefined;
	const isUpdate = f.of.endsWith(':new');
	const head = isUpdate ? notation.updateHead(f.of) : `${notation.label(f.of)} =`;
	// A formula that is one name (`in_{A1} = out_{C1}`) has no computation to show.
	const shown = rhs.op !== 'ref' && numbers !== symbolic;
	const chain = (nums: string, res: string) => `${head} ${[symbolic, ...(shown ? [nums] : []), res].join(' = ')}`;
	return { of: f.of, math: exercise ? chain(blanked, BLANK) : chain(numbers, result), result, solution: chain(numbers, result) };
}
