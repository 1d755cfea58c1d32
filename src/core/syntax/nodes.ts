/**
 * Small constructors for syntax nodes, so the parser reads as grammar rather than object literals.
 * Number literals record what was written: value, half a unit in the last place, and integer-ness.
 */
import type { BinaryNode, BinaryOp, Expr, NumberNode } from './ast';
import type { Span } from '../text/span';

/** `numberNode('0.558', span)` has value 0.558 and halfUlp 0.0005; `numberNode('12', …)` halfUlp 0.5. */
export function numberNode(text: string, span: Span): NumberNode {
	const m = /^(\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
	const decimals = m?.[2]?.length ?? 0;
	const exponent = m?.[3] !== undefined ? Number(m[3]) : 0;
	return {
		kind: 'number',
		span,
		text,
		value: Number(text),
		halfUlp: 0.5 * Math.pow(10, exponent - decimals),
		isInteger: m?.[2] === undefined && m?.[3] === undefined,
	};
}

/** A binary node spanning both operands: `binaryNode('*', '\\cdot', opSpan, a, b)`. */
export function binaryNode(op: BinaryOp, written: string, opSpan: Span, left: Expr, right: Expr): BinaryNode {
	return { kind: 'binary', span: { start: left.span.start, end: right.span.end }, op, written, opSpan, left, right };
}
