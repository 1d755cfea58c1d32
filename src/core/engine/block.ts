/**
 * The network block (DESIGN 2.4): YAML text → a validated `NetworkSpec`, or problems placed on
 * the offending YAML node. The YAML library keeps every node's range; problems are found in
 * YAML offsets and mapped into the document with the scanner's `yamlOffsetToDocument` only at
 * the end, so the parse of one YAML text is cached (a small LRU) wherever the block moves in the
 * document. Shapes are checked layer by layer, and the total size is capped before anything
 * is allocated, so an absurd block is refused with a sentence instead of running out of memory.
 */
import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../check/diagnostic';
import { yamlOffsetToDocument, type NetworkBlockRegion } from '../scan/region';
import { quoteLatexNames } from './latexNames';
import { LAYER_TYPES, layerHead, parseLayer, typeDims } from './blockLayers';
import { LruCache } from './cache';
import { indexedNames } from './labels';
import { nameKey } from './nameKey';
import { macs, outputShape, size } from './shape';
import { defaultNotation, paramKey, type LayerSpec, type LossKind, type NetworkSpec, type Notation, type Shape } from './spec';
import { Problems, readNames, readNumber, readString, readTensor, shapeText, type Problem, type YNode } from './yamlRead';

/** The most activations and parameters (all layers, with their gradients) a block may build. */
export const MAX_ELEMENTS = 5_000_000;
/** The most multiply-accumulates one forward pass may take. */
export const MAX_MACS = 100_000_000;

const TOP_KEYS = ['input', 'input_names', 'target', 'target_names', 'loss', 'learning_rate', 'layers', 'frozen', 'notation'];
const LOSSES: readonly LossKind[] = ['cross_entropy', 'mse', 'half_sse', 'binary_cross_entropy'];

export interface ParsedYaml {
	readonly spec?: NetworkSpec;
	/** Problems at YAML offsets. */
	readonly problems: readonly Problem[];
}

function get(map: YAMLMap, key: string): Pair | undefined {
	return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function inputShape(dims: number[], firstDims: 1 | 2 | undefined): Shape | string {
	if (dims.length === 1) return { channels: 1, rows: 1, cols: dims[0], dims: 1 };
	if (dims.length === 2) return firstDims === 1 ? { channels: dims[0], rows: 1, cols: dims[1], dims: 1 } : { channels: 1, rows: dims[0], cols: dims[1], dims: 2 };
	if (dims.length === 3) return { channels: dims[0], rows: dims[1], cols: dims[2], dims: 2 };
	return `Expected the input as a list (1-D), a list of rows (2-D) or a list of channels, found ${shapeText(dims)}.`;
}

function readNotation(node: YNode, p: Problems): Notation | undefined {
	if (!isMap(node)) return p.add(node, 'Expected `notation:` as a mapping such as {pre: [in, net], post: [out], delta: [coef]}.');
	const n: Record<string, string[]> = { ...defaultNotation } as unknown as Record<string, string[]>;
	for (const pair of node.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		if (!['pre', 'post', 'delta'].includes(key)) { p.add(pair.key as YNode, `Unknown notation "${key}"; allowed keys: pre, post, delta.`); continue; }
		const v = pair.value as YNode;
		const items = isSeq(v) ? v.items as YNode[] : [v];
		const stems = items.map((x) => readString(x, p, `the ${key} stems`));
		if (stems.some((x) => x === undefined)) return undefined;
		n[key] = stems.map((x) => nameKey(x!));
	}
	return n as unknown as Notation;
}

/**
 * Parses a block's YAML; `parseNetworkYaml('input: [1]\n…')`. Never throws on user input. LaTeX
 * names in `…_names` flow lists are quoted first (`latexNames.ts`), and problems are mapped back
 * to the text as written.
 */
export function parseNetworkYaml(written: string): ParsedYaml {
	const quoted = quoteLatexNames(written);
	const parsed = parseQuotedYaml(quoted.text);
	if (quoted.text === written) return parsed;
	return { ...parsed, problems: parsed.problems.map((q) => ({ ...q, start: quoted.toOriginal(q.start), end: quoted.toOriginal(q.end) })) };
}

function parseQuotedYaml(yaml: string): ParsedYaml {
	const p = new Problems(yaml.length);
	const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
	const e = doc.errors[0];
	if (e) {
		const hint = /_\{/.test(yaml) ? ' Names with braces, like w_{11}, need quotes inside [ ] and { }: \'w_{11}\'.' : '';
		p.add(null, `The network block is not valid YAML: ${e.message.split('\n')[0]}.${hint}`, e.pos);
	}
	if (doc.errors.length) return { problems: p.list };
	const root = doc.contents as YNode;
	if (!isMap(root)) return { problems: [...p.list, { start: 0, end: yaml.length, message: 'Expected the network block to be a mapping with input, target, loss, learning_rate and layers.' }] };
	for (const pair of root.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		if (!TOP_KEYS.includes(key)) p.add(pair.key as YNode, `Unknown key "${key}" in the network block; allowed keys: ${TOP_KEYS.join(', ')}.`);
	}
	const anchor = root.items[0]?.key as YNode;
	const need = (key: string, what: string) => get(root, key) ?? p.add(anchor, `The network block has no \`${key}:\`; expected ${what}.`);
	const inputPair = need('input', 'the input values, a list (1-D), a list of rows (2-D) or a list of channels');
	const targetPair = need('target', 'the target values, one per output');
	const layersPair = need('layers', 'a list of layers');
	const lossPair = need('loss', `one of ${LOSSES.join(', ')}`);
	const layersNode = layersPair?.value as YNode;
	const layerItems = isSeq(layersNode) ? layersNode.items as YNode[] : [];
	if (layersPair && (!isSeq(layersNode) || layerItems.length === 0)) p.add(layersNode ?? layersPair.key as YNode, `Expected \`layers:\` to be a list of layers (${LAYER_TYPES.slice(0, 4).join(', ')} …).`);

	let loss: LossKind | undefined;
	if (lossPair) {
		const l = readString(lossPair.value as YNode, p, 'the loss');
		if (l !== undefined && !(LOSSES as readonly string[]).includes(l)) p.add(lossPair.value as YNode, `Unknown loss "${l}"; expected one of ${LOSSES.join(', ')}.`);
		else loss = l as LossKind;
	}
	const lrPair = get(root, 'learning_rate');
	const learningRate = lrPair ? readNumber(lrPair.value as YNode, p, 'the learning rate') : undefined;

	const firstDims = layerItems.map((x) => typeDims(layerHead(x)?.type ?? '')).find((d) => d !== undefined);
	const input = inputPair && readTensor(inputPair.value as YNode, p, 'the input');
	let shape: Shape | undefined;
	if (input) {
		const s = inputShape(input.dims, firstDims);
		if (typeof s === 'string') p.add(inputPair!.value as YNode, s); else shape = s;
	}
	const inputNamesPair = get(root, 'input_names');
	const inputNames = inputNamesPair && input ? flatNames(inputNamesPair.value as YNode, p, 'the input names', input.dims) : undefined;

	const layers: LayerSpec[] = [];
	let elements = shape ? size(shape) : 0, work = 0;
	if (shape) {
		let s = shape;
		for (const item of layerItems) {
			const layer = parseLayer(item, s, p);
			if (!layer) { shape = undefined; break; }
			const o = outputShape(layer, s) as Shape;
			const params = layer.kind === 'conv' ? layer.kernels.length + layer.bias.length : layer.kind === 'dense' ? layer.weights.length + layer.bias.length : 0;
			elements += 4 * size(o) + 3 * params;
			work += macs(layer, s, o);
			if (elements > MAX_ELEMENTS || work > MAX_MACS) {
				p.add(layerHead(item)?.head ?? item, `This network is too large to check: it would hold ${elements > MAX_ELEMENTS ? `over ${elements.toLocaleString('en-US')} values (the limit is ${MAX_ELEMENTS.toLocaleString('en-US')})` : `over ${work.toLocaleString('en-US')} multiply-adds per pass (the limit is ${MAX_MACS.toLocaleString('en-US')})`} by this layer.`);
				shape = undefined;
				break;
			}
			const dup = layer.name !== undefined && layers.find((l) => l.name === layer.name);
			if (dup) p.add(layerHead(item)?.head?.value as YNode ?? item, `Two layers are named "${layer.name}"; each layer needs its own name.`);
			layers.push(layer);
			s = o;
		}
		if (shape && layers.length) shape = s;
	}
	const target = targetPair && readTensor(targetPair.value as YNode, p, 'the target');
	if (target && shape && layers.length && target.values.length !== size(shape)) {
		p.add(targetPair!.value as YNode, `Expected ${size(shape)} target value${size(shape) === 1 ? '' : 's'}, one per output of the last layer, found ${target.values.length}.`);
	}
	const targetNamesPair = get(root, 'target_names');
	const targetNames = targetNamesPair && target ? flatNames(targetNamesPair.value as YNode, p, 'the target names', target.dims) : undefined;
	const notationPair = get(root, 'notation');
	const notation = notationPair ? readNotation(notationPair.value as YNode, p) : defaultNotation;
	const frozen = readFrozen(get(root, 'frozen'), layers, p);
	if (p.list.length || !input || !target || !loss || !notation || !frozen || !shape) return { problems: p.list };
	const inShape = inputShape(input.dims, firstDims) as Shape;
	return {
		problems: [],
		spec: { input: Float64Array.from(input.values), inputShape: inShape, inputNames, target: Float64Array.from(target.values), targetNames, loss, learningRate: learningRate ?? NaN, layers, frozen, notation },
	};
}

/** Names of an input or target: a stem counts flat (`i` → i_1 … i_6); a list is shaped like the values. */
function flatNames(node: YNode, p: Problems, what: string, dims: number[]): string[] | undefined {
	if (isScalar(node) && typeof node.value === 'string') return indexedNames(node.value.trim(), [dims.reduce((a, b) => a * b, 1)]);
	return readNames(node, p, what, dims);
}

function readFrozen(pair: Pair | undefined, layers: readonly LayerSpec[], p: Problems): Set<string> | undefined {
	const frozen = new Set<string>();
	if (!pair) return frozen;
	const node = pair.value as YNode;
	if (node === null || (isScalar(node) && node.value === null)) return frozen;
	if (!isSeq(node)) return p.add(node, 'Expected `frozen:` to be a list of parameter names, like [w_1, b_1].');
	const byKey = new Map<string, string[]>();
	layers.forEach((l, i) => {
		const add = (names: readonly string[] | undefined, kind: 'w' | 'b') => names?.forEach((n, j) => {
			const k = nameKey(n);
			byKey.set(k, [...(byKey.get(k) ?? []), paramKey(i, kind, j)]);
		});
		if (l.kind === 'conv') { add(l.kernelNames, 'w'); add(l.biasNames, 'b'); }
		if (l.kind === 'dense') { add(l.weightNames, 'w'); add(l.biasNames, 'b'); }
	});
	for (const item of node.items as YNode[]) {
		const name = readString(item, p, 'a frozen parameter');
		if (name === undefined) continue;
		const keys = byKey.get(nameKey(name));
		if (!keys) p.add(item, `"${name}" is not a parameter name declared in the block (kernel_names, weight_names or bias_names).`);
		else keys.forEach((k) => frozen.add(k));
	}
	return frozen;
}

const cache = new LruCache<string, ParsedYaml>(16);

/** The parse of a YAML text, cached by the text itself. */
export function parseNetworkYamlCached(yaml: string): ParsedYaml {
	return cache.get(yaml, () => parseNetworkYaml(yaml));
}

/**
 * Parses a document's network block into a spec, or `network` diagnostics at the offending
 * nodes. A block whose `layers:` has `- conv3d: X` gets one diagnostic on `conv3d` that lists
 * the layer types; a valid block gives `{ spec, diagnostics: [] }`.
 */
export function parseNetworkBlock(block: NetworkBlockRegion): { spec?: NetworkSpec; diagnostics: Diagnostic[] } {
	const parsed = parseNetworkYamlCached(block.yaml);
	const diagnostics = parsed.problems.map((q): Diagnostic => ({
		code: 'network',
		severity: 'error',
		message: q.message,
		span: { start: yamlOffsetToDocument(block, q.start), end: yamlOffsetToDocument(block, q.end) },
	}));
	return { spec: parsed.spec, diagnostics };
}
