/**
 * The network block (DESIGN 2.4): YAML text → a validated `NetworkSpec`, or problems placed on
 * the offending YAML node. The YAML library keeps every node's range; problems are found in
 * YAML offsets and mapped into the document with the scanner's `yamlOffsetToDocument` only at
 * the end, so the parse of one YAML text is cached (a small LRU) wherever the block moves in the
 * document. Shapes are checked layer by layer, and the total size is capped before anything
 * is allocated, so an absurd block is refused with a sentence instead of running out of memory:
 * the raw text's length and item count before YAML reads it (YAML keeps a node per item), then
 * the bytes the network will retain — its run's typed arrays and the connectivity tables its
 * formulas build — layer by layer, before the run (budgets in `../budgets.ts`).
 */
import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../check/diagnostic';
import { yamlOffsetToDocument, type NetworkBlockRegion } from '../scan/region';
import { quoteLatexNames } from './latexNames';
import { LAYER_TYPES, layerHead, parseLayer, typeDims } from './blockLayers';
import { BYTES_PER_USE, MAX_BLOCK_CHARS, MAX_BLOCK_ITEMS, MAX_CACHE_BYTES, MAX_MACS, MAX_NETWORK_BYTES } from '../budgets';
import { LruCache } from './cache';
import { indexedNames } from './labels';
import { nameKey } from './nameKey';
import { macs, outputShape, size } from './shape';
import { defaultNotation, paramKey, type LayerSpec, type LossKind, type NetworkSpec, type Notation, type Shape } from './spec';
import { Problems, readNames, readNumber, readString, readTensor, shapeText, type Problem, type YNode } from './yamlRead';
import { said, say, type Said } from '../messages/message';
import type { Locale } from '../messages/locale';

export { MAX_MACS, MAX_NETWORK_BYTES } from '../budgets';

const TOP_KEYS = ['input', 'input_names', 'target', 'target_names', 'loss', 'learning_rate', 'layers', 'frozen', 'notation'];
const LOSSES: readonly LossKind[] = ['cross_entropy', 'mse', 'half_sse', 'binary_cross_entropy'];

export interface ParsedYaml {
	readonly spec?: NetworkSpec;
	/** Problems at YAML offsets. */
	readonly problems: readonly Problem[];
	/** The bytes the spec and its network will retain, as the size cap counted them (0 without a spec). */
	readonly bytes?: number;
}

/** Megabytes in words: 123456789 → `118 MB`. */
function megabytes(bytes: number): string {
	return `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;
}

/**
 * Refuses a block too long to read, before YAML builds a node for each of its items: one linear
 * pass counts the separators (commas and line breaks) that every item but the first follows.
 */
function tooLongToRead(yaml: string): Problem | undefined {
	const whole = { start: 0, end: Math.min(yaml.length, yaml.indexOf('\n') < 0 ? yaml.length : yaml.indexOf('\n')) };
	if (yaml.length > MAX_BLOCK_CHARS) return problemOf(whole, said('block.tooLong', { count: yaml.length.toLocaleString('en-US'), limit: MAX_BLOCK_CHARS.toLocaleString('en-US') }));
	let items = 1;
	for (let i = 0; i < yaml.length; i++) {
		const c = yaml.charCodeAt(i);
		if (c === 44 || c === 10) items++;
	}
	if (items > MAX_BLOCK_ITEMS) return problemOf(whole, said('block.tooManyItems', { count: items.toLocaleString('en-US'), limit: MAX_BLOCK_ITEMS.toLocaleString('en-US') }));
	return undefined;
}

/** A problem over a whole range, in English and as data. */
function problemOf(range: { start: number; end: number }, problem: Said): Problem {
	return { ...range, message: say(problem), said: problem };
}

/**
 * The bytes one layer's state will retain once run and explained: pre-activation, output,
 * ∂E/∂out and delta as doubles (pools and flattens keep two), a max pool's winners, per parameter
 * its value, gradient, update and frozen flag, and the per-tap connectivity tables that formulas
 * build for conv and pool layers (`formulas.ts`).
 */
function layerBytes(layer: LayerSpec, s: Shape, o: Shape): number {
	const n = size(o), inputs = size(s);
	const hasPre = layer.kind === 'conv' || layer.kind === 'dense' || layer.kind === 'activation';
	let bytes = 8 * n * (hasPre ? 4 : 2);
	if (layer.kind === 'pool' && layer.mode === 'max') bytes += 4 * n;
	if (layer.kind === 'conv' || layer.kind === 'dense') bytes += 33 * ((layer.kind === 'conv' ? layer.kernels.length : layer.weights.length) + layer.bias.length);
	if (layer.kind === 'conv') bytes += 2 * BYTES_PER_USE * macs(layer, s, o) + BYTES_PER_USE * inputs;
	if (layer.kind === 'pool') bytes += BYTES_PER_USE * (macs(layer, s, o) + inputs);
	return bytes;
}

function get(map: YAMLMap, key: string): Pair | undefined {
	return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function inputShape(dims: number[], firstDims: 1 | 2 | undefined): Shape | Said {
	if (dims.length === 1) return { channels: 1, rows: 1, cols: dims[0], dims: 1 };
	if (dims.length === 2) return firstDims === 1 ? { channels: dims[0], rows: 1, cols: dims[1], dims: 1 } : { channels: 1, rows: dims[0], cols: dims[1], dims: 2 };
	if (dims.length === 3) return { channels: dims[0], rows: dims[1], cols: dims[2], dims: 2 };
	return said('block.inputShape', { found: shapeText(dims) });
}

function readNotation(node: YNode, p: Problems): Notation | undefined {
	if (!isMap(node)) return p.add(node, said('block.notationMapping', { example: '{pre: [in, net], post: [out], delta: [coef]}' }));
	const n: Record<string, string[]> = { ...defaultNotation } as unknown as Record<string, string[]>;
	for (const pair of node.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		if (!['pre', 'post', 'delta'].includes(key)) { p.add(pair.key as YNode, said('block.unknownNotation', { key })); continue; }
		const v = pair.value as YNode;
		const items = isSeq(v) ? v.items as YNode[] : [v];
		const stems = items.map((x) => readString(x, p, said('what.stems', { key })));
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
	const tooLong = tooLongToRead(written);
	if (tooLong) return { problems: [tooLong] };
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
		const error = e.message.split('\n')[0];
		// YAML's own sentence stays as the yaml package says it; the hint around it is ours.
		p.add(null, /_\{/.test(yaml) ? said('block.notYamlQuote', { error, name: 'w_{11}', places: '[ ] and { }', quoted: "'w_{11}'" }) : said('block.notYaml', { error }), e.pos);
	}
	if (doc.errors.length) return { problems: p.list };
	const root = doc.contents as YNode;
	if (!isMap(root)) return { problems: [...p.list, problemOf({ start: 0, end: yaml.length }, said('block.notMapping', {}))] };
	for (const pair of root.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		if (!TOP_KEYS.includes(key)) p.add(pair.key as YNode, said('block.unknownKey', { key, allowed: TOP_KEYS.join(', ') }));
	}
	const anchor = root.items[0]?.key as YNode;
	const need = (key: string, expected: Said) => get(root, key) ?? p.add(anchor, said('block.missingKey', { key, expected }));
	const inputPair = need('input', said('block.need.input', {}));
	const targetPair = need('target', said('block.need.target', {}));
	const layersPair = need('layers', said('block.need.layers', {}));
	const lossPair = need('loss', said('block.need.loss', { allowed: LOSSES.join(', ') }));
	const layersNode = layersPair?.value as YNode;
	const layerItems = isSeq(layersNode) ? layersNode.items as YNode[] : [];
	if (layersPair && (!isSeq(layersNode) || layerItems.length === 0)) p.add(layersNode ?? layersPair.key as YNode, said('block.layersList', { examples: LAYER_TYPES.slice(0, 4).join(', ') }));

	let loss: LossKind | undefined;
	if (lossPair) {
		const l = readString(lossPair.value as YNode, p, said('what.loss', {}));
		if (l !== undefined && !(LOSSES as readonly string[]).includes(l)) p.add(lossPair.value as YNode, said('block.unknownLoss', { loss: l, allowed: LOSSES.join(', ') }));
		else loss = l as LossKind;
	}
	const lrPair = get(root, 'learning_rate');
	const learningRate = lrPair ? readNumber(lrPair.value as YNode, p, said('what.learningRate', {})) : undefined;

	const firstDims = layerItems.map((x) => typeDims(layerHead(x)?.type ?? '')).find((d) => d !== undefined);
	const input = inputPair && readTensor(inputPair.value as YNode, p, said('what.input', {}));
	let shape: Shape | undefined;
	if (input) {
		const s = inputShape(input.dims, firstDims);
		if ('id' in s) p.add(inputPair!.value as YNode, s); else shape = s;
	}
	const inputNamesPair = get(root, 'input_names');
	const inputNames = inputNamesPair && input ? flatNames(inputNamesPair.value as YNode, p, said('what.inputNames', {}), input.dims) : undefined;

	const layers: LayerSpec[] = [];
	// The input, its gradient and the target, as doubles; each layer adds what it will retain.
	let bytes = shape ? 16 * size(shape) : 0, work = 0;
	if (shape) {
		let s = shape;
		for (const item of layerItems) {
			const layer = parseLayer(item, s, p);
			if (!layer) { shape = undefined; break; }
			const o = outputShape(layer, s) as Shape;
			bytes += layerBytes(layer, s, o);
			work += macs(layer, s, o);
			if (bytes > MAX_NETWORK_BYTES || work > MAX_MACS) {
				p.add(layerHead(item)?.head ?? item, bytes > MAX_NETWORK_BYTES
					? said('block.tooLargeBytes', { size: megabytes(bytes), limit: megabytes(MAX_NETWORK_BYTES) })
					: said('block.tooLargeWork', { count: work.toLocaleString('en-US'), limit: MAX_MACS.toLocaleString('en-US') }));
				shape = undefined;
				break;
			}
			const dup = layer.name !== undefined && layers.find((l) => l.name === layer.name);
			if (dup) p.add(layerHead(item)?.head?.value as YNode ?? item, said('block.duplicateLayer', { name: layer.name ?? '' }));
			layers.push(layer);
			s = o;
		}
		if (shape && layers.length) shape = s;
	}
	const target = targetPair && readTensor(targetPair.value as YNode, p, said('what.target', {}));
	if (target && shape && layers.length && target.values.length !== size(shape)) {
		p.add(targetPair!.value as YNode, size(shape) === 1 ? said('block.targetCountOne', { found: target.values.length }) : said('block.targetCount', { count: size(shape), found: target.values.length }));
	}
	const targetNamesPair = get(root, 'target_names');
	const targetNames = targetNamesPair && target ? flatNames(targetNamesPair.value as YNode, p, said('what.targetNames', {}), target.dims) : undefined;
	const notationPair = get(root, 'notation');
	const notation = notationPair ? readNotation(notationPair.value as YNode, p) : defaultNotation;
	const frozen = readFrozen(get(root, 'frozen'), layers, p);
	if (p.list.length || !input || !target || !loss || !notation || !frozen || !shape) return { problems: p.list };
	const inShape = inputShape(input.dims, firstDims) as Shape;
	return {
		problems: [],
		bytes: bytes + 8 * target.values.length,
		spec: { input: Float64Array.from(input.values), inputShape: inShape, inputNames, target: Float64Array.from(target.values), targetNames, loss, learningRate: learningRate ?? NaN, layers, frozen, notation },
	};
}

/** Names of an input or target: a stem counts flat (`i` → i_1 … i_6); a list is shaped like the values. */
function flatNames(node: YNode, p: Problems, what: Said, dims: number[]): string[] | undefined {
	if (isScalar(node) && typeof node.value === 'string') return indexedNames(node.value.trim(), [dims.reduce((a, b) => a * b, 1)]);
	return readNames(node, p, what, dims);
}

function readFrozen(pair: Pair | undefined, layers: readonly LayerSpec[], p: Problems): Set<string> | undefined {
	const frozen = new Set<string>();
	if (!pair) return frozen;
	const node = pair.value as YNode;
	if (node === null || (isScalar(node) && node.value === null)) return frozen;
	if (!isSeq(node)) return p.add(node, said('block.frozenList', {}));
	const byKey = new Map<string, string[]>();
	layers.forEach((l, i) => {
		const add = (names: readonly string[] | undefined, kind: 'w' | 'b') => names?.forEach((n, j) => {
			const k = nameKey(n);
			const list = byKey.get(k);
			// Pushed, not copied: a block may give thousands of parameters one name.
			if (list) list.push(paramKey(i, kind, j)); else byKey.set(k, [paramKey(i, kind, j)]);
		});
		if (l.kind === 'conv') { add(l.kernelNames, 'w'); add(l.biasNames, 'b'); }
		if (l.kind === 'dense') { add(l.weightNames, 'w'); add(l.biasNames, 'b'); }
	});
	const done = new Set<string>();
	for (const item of node.items as YNode[]) {
		const name = readString(item, p, said('what.frozen', {}));
		if (name === undefined) continue;
		const key = nameKey(name), keys = byKey.get(key);
		if (!keys) p.add(item, said('block.notParameter', { name }));
		// A name listed twice freezes nothing new; walking its parameters again would make the list quadratic.
		else if (!done.has(key)) keys.forEach((k) => frozen.add(k));
		done.add(key);
	}
	return frozen;
}

/** Parses and the networks built from them (kept alive by their specs), bounded by the bytes they retain. */
const cache = new LruCache<string, ParsedYaml>(16, MAX_CACHE_BYTES, (v, yaml) => 2 * yaml.length + (v.bytes ?? 0));

/** What the parse cache holds now, for tests of its bound: `{ entries: 3, bytes: 1_200_000 }`. */
export function parseCacheUse(): { entries: number; bytes: number } {
	return { entries: cache.size, bytes: cache.bytes };
}

/** The parse of a YAML text, cached by the text itself and by the bytes it and its network retain. */
export function parseNetworkYamlCached(yaml: string): ParsedYaml {
	return cache.get(yaml, () => parseNetworkYaml(yaml));
}

/**
 * Parses a document's network block into a spec, or `network` diagnostics at the offending
 * nodes. A block whose `layers:` has `- conv3d: X` gets one diagnostic on `conv3d` that lists
 * the layer types; a valid block gives `{ spec, diagnostics: [] }`.
 */
export function parseNetworkBlock(block: NetworkBlockRegion, locale?: Locale): { spec?: NetworkSpec; diagnostics: Diagnostic[] } {
	const parsed = parseNetworkYamlCached(block.yaml);
	const diagnostics = parsed.problems.map((q): Diagnostic => ({
		code: 'network',
		severity: 'error',
		message: locale ? say(q.said, locale) : q.message,
		span: { start: yamlOffsetToDocument(block, q.start), end: yamlOffsetToDocument(block, q.end) },
	}));
	return { spec: parsed.spec, diagnostics };
}
