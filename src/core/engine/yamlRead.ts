/**
 * Reading typed values out of YAML nodes while recording, for every node that is not what the
 * block needs, a problem placed on that node's range (YAML offsets; `block.ts` maps them into
 * the document). Readers return `undefined` after recording, so the caller simply stops; a
 * problem always says what was expected.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { indexedNames } from './labels';
import { said, say, type Said } from '../messages/message';

export interface Problem {
	readonly start: number;
	readonly end: number;
	/** The problem in English. */
	readonly message: string;
	/** The problem as data, to be said in the reader's language (a parse is cached across languages). */
	readonly said: Said;
}

export type YNode = Node | null | undefined;

/** The problems found so far, in YAML offsets. */
export class Problems {
	readonly list: Problem[] = [];
	constructor(private readonly textLength: number) {}

	/** Records a problem on `node`, or on `fallback` ([start, end]) when the node has no range. */
	add(node: YNode | Pair, problem: Said, fallback?: readonly [number, number]): undefined {
		const r = rangeOf(node) ?? fallback ?? [0, Math.min(this.textLength, 1)];
		this.list.push({ start: r[0], end: Math.max(r[1], r[0]), message: say(problem), said: problem });
		return undefined;
	}
}

/** The [start, end) of a node, or of a pair's key through its value. */
export function rangeOf(node: YNode | Pair): [number, number] | undefined {
	if (!node) return undefined;
	if ('key' in node && !('range' in node)) {
		const k = rangeOf(node.key as YNode), v = rangeOf(node.value as YNode);
		return k && v ? [k[0], v[1]] : k ?? v;
	}
	const r = (node as Node).range;
	return r ? [r[0], r[1]] : undefined;
}

function show(node: YNode): string | Said {
	if (!node) return said('yaml.nothing', {});
	if (isScalar(node)) return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
	return said(isSeq(node) ? 'yaml.aList' : isMap(node) ? 'yaml.aMapping' : 'yaml.anAlias', {});
}

/** A finite number: `readNumber(node, p, said('what.learningRate', {}))`. */
export function readNumber(node: YNode, p: Problems, what: Said): number | undefined {
	if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value)) return node.value;
	return p.add(node, said('yaml.number', { what, found: show(node) }));
}

/** A name (string or number scalar): `readString(node, p, said('what.loss', {}))` gives `cross_entropy`. */
export function readString(node: YNode, p: Problems, what: Said): string | undefined {
	if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value) !== '') return String(node.value);
	return p.add(node, said('yaml.name', { what, found: show(node) }));
}

/** A boolean: `flip: true`. */
export function readBool(node: YNode, p: Problems, what: Said): boolean | undefined {
	if (isScalar(node) && typeof node.value === 'boolean') return node.value;
	return p.add(node, said('yaml.bool', { what, found: show(node) }));
}

/** A positive whole number (`size: 2`), or with `zero` a non-negative one. */
export function readCount(node: YNode, p: Problems, what: Said, zero = false): number | undefined {
	if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= (zero ? 0 : 1) && node.value <= 1e6) return node.value;
	return p.add(node, said(zero ? 'yaml.nonNegative' : 'yaml.positive', { what, found: show(node) }));
}

/** One whole number or a pair [rows, cols]; a single number n means [n, n] in 2-D and [1, n] in 1-D. */
export function readPair(node: YNode, p: Problems, what: Said, dims: 1 | 2): [number, number] | undefined {
	if (dims === 2 && isSeq(node)) {
		if (node.items.length !== 2) return p.add(node, said('yaml.pair', { what, count: node.items.length }));
		const a = readCount(node.items[0] as YNode, p, what), b = readCount(node.items[1] as YNode, p, what);
		return a && b ? [a, b] : undefined;
	}
	const n = readCount(node, p, what);
	return n === undefined ? undefined : dims === 2 ? [n, n] : [1, n];
}

export interface Tensor {
	readonly values: number[];
	/** Lengths per nesting level; [] for a single number. */
	readonly dims: number[];
}

/** A number or a rectangular nested list of numbers, e.g. [[0.1, 0.2], [0.3, 0.4]] → dims [2, 2]. */
export function readTensor(node: YNode, p: Problems, what: Said): Tensor | undefined {
	if (!isSeq(node)) {
		const v = readNumber(node, p, what);
		return v === undefined ? undefined : { values: [v], dims: [] };
	}
	if (node.items.length === 0) return p.add(node, said('yaml.emptyList', { what }));
	const parts: Tensor[] = [];
	for (const item of node.items) {
		const t = readTensor(item as YNode, p, what);
		if (!t) return undefined;
		if (parts.length && t.dims.join() !== parts[0].dims.join()) {
			return p.add(item as YNode, said('yaml.ragged', { what, expected: shapeText(parts[0].dims), found: shapeText(t.dims) }));
		}
		parts.push(t);
	}
	return { values: parts.flatMap((t) => t.values), dims: [parts.length, ...parts[0].dims] };
}

/** A shape in words: [2, 3] → `2 × 3`, [] → `a single number`. */
export function shapeText(dims: readonly number[]): string | Said {
	return dims.length === 0 ? said('yaml.singleNumber', {}) : dims.join(' × ');
}

/**
 * Names for a tensor of `dims`: a stem expands by every index (`KK` → KK_{11} …), a nested list
 * must match the values' shape. For a single shared value (dims []) a string is the name itself.
 */
export function readNames(node: YNode, p: Problems, what: Said, dims: readonly number[]): string[] | undefined {
	if (isScalar(node) && typeof node.value === 'string') {
		const s = node.value.trim();
		if (!/^[^\s]+$/.test(s)) return p.add(node, said('yaml.stem', { what, found: s }));
		return dims.length === 0 ? [s] : indexedNames(s, dims);
	}
	if (!isSeq(node)) return p.add(node, said('yaml.stemOrList', { what, found: show(node) }));
	const names: string[] = [];
	const walk = (n: YNode, level: number): boolean => {
		if (level === dims.length) {
			if (isScalar(n) && typeof n.value === 'string' && n.value.trim()) { names.push(n.value.trim()); return true; }
			p.add(n, said('yaml.nameIn', { what, found: show(n) }));
			return false;
		}
		if (!isSeq(n) || n.items.length !== dims[level]) {
			p.add(n, isSeq(n)
				? said('yaml.namesShapeList', { what, shape: shapeText(dims), count: n.items.length, want: dims[level] })
				: said('yaml.namesShapeOther', { what, shape: shapeText(dims), found: show(n), want: dims[level] }));
			return false;
		}
		return n.items.every((x) => walk(x as YNode, level + 1));
	};
	// A flat list of names is accepted for any shape, row-major, if the count matches.
	if (dims.length > 1 && node.items.every((x) => isScalar(x))) {
		const total = dims.reduce((a, b) => a * b, 1);
		if (node.items.length !== total) return p.add(node, said('yaml.namesCount', { total, what, shape: shapeText(dims), count: node.items.length }));
		for (const x of node.items) if (!walk(x as YNode, dims.length)) return undefined;
		return names;
	}
	if (dims.length === 0) {
		if (node.items.length === 1 && isScalar(node.items[0])) return [String((node.items[0] as { value: unknown }).value)];
		return p.add(node, said('yaml.oneName', { what, count: node.items.length }));
	}
	return walk(node, 0) ? names : undefined;
}
