/**
 * One entry of the block's `layers:` list → a `LayerSpec`, given the shape flowing into it.
 * Each layer type lists its allowed keys once (`LAYER_KEYS`), so an unknown key is reported
 * with the keys that would have been understood. A shape that does not fit is reported on the
 * node that sets it: `kernels` for convolutions, `size` for pools, `weights` for dense layers.
 */
import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { indexedNames } from './labels';
import { shapeOrProblem, size as sizeOf } from './shape';
import type { ActivationKind, ActivationSpec, LayerSpec, Padding, Shape } from './spec';
import { readBool, readCount, readNames, readNumber, readPair, readString, readTensor, shapeText, type Problems, type YNode } from './yamlRead';
import { said } from '../messages/message';

/** The activation functions a block may name. */
export const ACTIVATIONS: readonly ActivationKind[] = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'softmax', 'linear'];

const CONV = ['kernels', 'kernel_names', 'bias', 'bias_names', 'flip', 'padding', 'stride', 'activation', 'slope'];
const LAYER_KEYS: Record<string, readonly string[]> = {
	conv1d: CONV, conv2d: CONV,
	maxpool: ['size', 'stride'], avgpool: ['size', 'stride'], maxpool1d: ['size', 'stride'], avgpool1d: ['size', 'stride'],
	maxpool2d: ['size', 'stride'], avgpool2d: ['size', 'stride'],
	flatten: [],
	dense: ['weights', 'weight_names', 'bias', 'bias_names', 'activation', 'slope'],
	activation: ['function', 'slope'],
	...Object.fromEntries(ACTIVATIONS.map((a) => [a, ['slope']])),
};

/** Every layer type a block may name, for messages: conv1d, conv2d, maxpool … */
export const LAYER_TYPES = Object.keys(LAYER_KEYS);

/** The spatial dimensionality a layer type needs, if any: conv1d → 1, maxpool2d → 2. */
export function typeDims(type: string): 1 | 2 | undefined {
	if (type === 'conv2d' || type.endsWith('pool2d')) return 2;
	if (type === 'conv1d' || /pool(1d)?$/.test(type)) return 1;
	return undefined;
}

/** The type key and name of a layer entry: `- conv1d: CC` → ['conv1d', 'CC', pair]. */
export function layerHead(item: YNode): { type: string; name?: string; head?: Pair; map?: YAMLMap } | undefined {
	if (isScalar(item) && typeof item.value === 'string') return { type: item.value };
	if (!isMap(item) || item.items.length === 0) return undefined;
	const head = item.items[0] as Pair;
	const type = isScalar(head.key) ? String(head.key.value) : '';
	const name = isScalar(head.value) && head.value.value !== null ? String(head.value.value) : undefined;
	return { type, name, head, map: item };
}

function field(map: YAMLMap | undefined, key: string): YNode {
	const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === key);
	return pair?.value as YNode;
}

function readActivation(map: YAMLMap | undefined, key: string, p: Problems, fallback?: ActivationKind): ActivationSpec | undefined {
	const node = field(map, key);
	const slopeNode = field(map, 'slope');
	const slope = slopeNode === undefined ? 0.01 : readNumber(slopeNode, p, said('what.slope', {}));
	if (slope === undefined) return undefined;
	if (node === undefined || node === null) return fallback ? { kind: fallback, slope } : p.add(map, said('layer.activationNeeded', { key, allowed: ACTIVATIONS.join(', ') }));
	const name = readString(node, p, said('what.activation', {}));
	if (name === undefined) return undefined;
	if (!(ACTIVATIONS as readonly string[]).includes(name)) return p.add(node, said('layer.unknownActivation', { name, allowed: ACTIVATIONS.join(', ') }));
	return { kind: name as ActivationKind, slope };
}

/** Bias values and names: a list of `units`, or one number shared by every unit. */
function readBias(map: YAMLMap | undefined, units: number, p: Problems) {
	const node = field(map, 'bias');
	const t = node === undefined ? { values: new Array(units).fill(0), dims: [units] } : readTensor(node, p, said('what.bias', {}));
	if (!t) return undefined;
	const shared = t.dims.length === 0;
	if (!shared && (t.dims.length !== 1 || t.dims[0] !== units)) return p.add(node, units === 1 ? said('layer.biasCountOne', { found: shapeText(t.dims) }) : said('layer.biasCount', { count: units, found: shapeText(t.dims) }));
	const namesNode = field(map, 'bias_names');
	const names = namesNode === undefined ? undefined : readNames(namesNode, p, said('what.biasNames', {}), shared ? [] : [units]);
	if (namesNode !== undefined && !names) return undefined;
	return { bias: Float64Array.from(t.values), shared, names };
}

function readPadding(node: YNode, p: Problems): Padding | undefined {
	if (node === undefined) return 'valid';
	if (isScalar(node) && (node.value === 'valid' || node.value === 'same')) return node.value;
	if (isScalar(node) && typeof node.value === 'number') return readCount(node, p, said('what.padding', {}), true);
	return p.add(node, said('layer.padding', {}));
}

function conv(type: string, name: string | undefined, map: YAMLMap | undefined, s: Shape, p: Problems): LayerSpec | undefined {
	const dims: 1 | 2 = type === 'conv2d' ? 2 : 1;
	const node = field(map, 'kernels');
	if (node === undefined) return p.add(map, said(dims === 1 ? 'layer.kernelsNeeded1' : 'layer.kernelsNeeded2', { type }));
	const t = readTensor(node, p, said('what.kernels', {}));
	if (!t) return undefined;
	const d = t.dims;
	const spatial = dims;
	if (d.length < spatial || d.length > spatial + 2) {
		return p.add(node, said(dims === 1 ? 'layer.kernelsShape1' : 'layer.kernelsShape2', { type, found: shapeText(d) }));
	}
	const outChannels = d.length > spatial ? d[0] : 1;
	const inChannels = d.length === spatial + 2 ? d[1] : 1;
	const kh = dims === 2 ? d[d.length - 2] : 1, kw = d[d.length - 1];
	const bias = readBias(map, outChannels, p);
	const stride = field(map, 'stride') === undefined ? [1, 1] as [number, number] : readPair(field(map, 'stride'), p, said('what.stride', {}), dims);
	const padding = readPadding(field(map, 'padding'), p);
	const flip = field(map, 'flip') === undefined ? false : readBool(field(map, 'flip'), p, said('what.flip', {}));
	const activation = readActivation(map, 'activation', p, 'linear');
	const canonical = [outChannels, ...(inChannels > 1 ? [inChannels] : []), ...(dims === 2 ? [kh] : []), kw];
	const namesNode = field(map, 'kernel_names');
	const kernelNames = namesNode === undefined ? undefined : readNames(namesNode, p, said('what.kernelNames', {}), canonical);
	if (!bias || !stride || padding === undefined || flip === undefined || !activation || (namesNode !== undefined && !kernelNames)) return undefined;
	const layer: LayerSpec = {
		kind: 'conv', name, dims, outChannels, inChannels, kh, kw, kernels: Float64Array.from(t.values), stride, padding, flip,
		bias: bias.bias, sharedBias: bias.shared, activation, kernelNames, biasNames: bias.names,
	};
	const o = shapeOrProblem(layer, s);
	return 'id' in o ? p.add(node, o) : layer;
}

function pool(type: string, name: string | undefined, map: YAMLMap | undefined, s: Shape, p: Problems): LayerSpec | undefined {
	const dims = typeDims(type)!;
	const node = field(map, 'size');
	if (node === undefined) return p.add(map, said(dims === 1 ? 'layer.sizeNeeded1' : 'layer.sizeNeeded2', { type }));
	const size = readPair(node, p, said('what.poolSize', {}), dims);
	const strideNode = field(map, 'stride');
	const stride = strideNode === undefined ? size : readPair(strideNode, p, said('what.stride', {}), dims);
	if (!size || !stride) return undefined;
	const layer: LayerSpec = { kind: 'pool', name, mode: type.startsWith('max') ? 'max' : 'avg', dims, size, stride };
	const o = shapeOrProblem(layer, s);
	return 'id' in o ? p.add(node, o) : layer;
}

function dense(name: string | undefined, map: YAMLMap | undefined, s: Shape, p: Problems): LayerSpec | undefined {
	const node = field(map, 'weights');
	const n = sizeOf(s);
	if (node === undefined) return p.add(map, said('layer.weightsNeeded', { inputs: n }));
	const t = readTensor(node, p, said('what.weights', {}));
	if (!t) return undefined;
	const units = t.dims.length === 2 ? t.dims[0] : 1;
	if (t.dims.length > 2 || t.dims.length === 0 || t.dims[t.dims.length - 1] !== n) {
		return p.add(node, said('layer.weightsShape', { inputs: n, found: shapeText(t.dims) }));
	}
	const bias = readBias(map, units, p);
	const activation = readActivation(map, 'activation', p, 'linear');
	const namesNode = field(map, 'weight_names');
	let weightNames: string[] | undefined;
	if (isScalar(namesNode) && typeof namesNode.value === 'string') weightNames = indexedNames(namesNode.value.trim(), [units * n]);
	else if (namesNode !== undefined) weightNames = readNames(namesNode, p, said('what.weightNames', {}), [units, n]);
	if (!bias || !activation || (namesNode !== undefined && !weightNames)) return undefined;
	return { kind: 'dense', name, units, weights: Float64Array.from(t.values), bias: bias.bias, sharedBias: bias.shared, activation, weightNames, biasNames: bias.names };
}

/** Parses one layer entry on input shape `s`; records problems and returns undefined when it cannot. */
export function parseLayer(item: YNode, s: Shape, p: Problems): LayerSpec | undefined {
	const head = layerHead(item);
	if (!head) return p.add(item, said('layer.expected', { types: LAYER_TYPES.join(', ') }));
	const { type, name, map } = head;
	const keyNode = head.head?.key as YNode ?? item;
	const allowed = LAYER_KEYS[type];
	if (!allowed) return p.add(keyNode, said('layer.unknownType', { type, types: LAYER_TYPES.join(', ') }));
	if (head.head && head.head.value !== null && !isScalar(head.head.value)) return p.add(head.head.value as YNode, said('layer.name', { type }));
	let ok = true;
	for (const pair of map?.items.slice(1) ?? []) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		if (!allowed.includes(key)) {
			ok = false;
			p.add(pair.key as YNode, allowed.length ? said('layer.unknownKey', { key, type, allowed: allowed.join(', ') }) : said('layer.noKeys', { type, key }));
		}
	}
	if (!ok) return undefined;
	if (type.startsWith('conv')) return conv(type, name, map, s, p);
	if (type.includes('pool')) return pool(type, name, map, s, p);
	if (type === 'flatten') return { kind: 'flatten', name };
	if (type === 'dense') return dense(name, map, s, p);
	const activation = type === 'activation' ? readActivation(map, 'function', p, (ACTIVATIONS as readonly string[]).includes(name ?? '') ? name as ActivationKind : undefined) : readActivation(map, '-', p, type as ActivationKind);
	return activation && { kind: 'activation', name, activation };
}
