/**
 * Writes a `NetworkSpec` back as the network block of DESIGN 2.4, so that a generated derivation
 * carries the network it works through and checks on its own. Every number is written in its
 * shortest round-trip form (`String(0.1)`), so the block declares exactly the values the
 * derivation used; names are written as explicit lists shaped like the values, single-quoted
 * YAML strings, so any LaTeX name survives. The layout follows the block the README shows.
 */
import type { Names, NetworkSpec, Padding, Shape } from '../engine/spec';

/** A YAML single-quoted string: `'w_{11}'`, with `'` doubled. */
function quote(s: string): string {
	return `'${s.replace(/'/g, "''")}'`;
}

/** Nested lists of `flat` shaped by `dims`: `nest([1, 2, 3, 4], [2, 2], String)` is `[[1, 2], [3, 4]]`. */
function nest<T>(flat: ArrayLike<T>, dims: readonly number[], item: (x: T) => string): string {
	if (dims.length === 0) return item(flat[0]);
	const step = dims.slice(1).reduce((a, b) => a * b, 1);
	const parts: string[] = [];
	for (let i = 0; i < dims[0]; i++) {
		const slice = Array.from({ length: step }, (_, k) => flat[i * step + k]);
		parts.push(nest(slice, dims.slice(1), item));
	}
	return `[${parts.join(', ')}]`;
}

const num = (v: number): string => String(v);

function inputDims(s: Shape): number[] {
	if (s.dims === 1) return s.channels > 1 ? [s.channels, s.cols] : [s.cols];
	return s.channels > 1 ? [s.channels, s.rows, s.cols] : [s.rows, s.cols];
}

function pair(p: readonly [number, number], dims: 1 | 2): string {
	return dims === 1 ? String(p[1]) : `[${p[0]}, ${p[1]}]`;
}

function padding(p: Padding): string {
	return typeof p === 'number' ? String(p) : p;
}

function names(key: string, list: Names | undefined, dims: readonly number[]): string[] {
	return list ? [`    ${key}: ${nest(list, dims, quote)}`] : [];
}

/**
 * The YAML of a spec, without fences: `input: [0.1, 0.2]`, `layers:` and so on. The shape of the
 * input is written as the block reads it (a list of channels of 1-D rows for a 1-D input with
 * channels), so parsing the text back gives the same network.
 */
export function blockYaml(spec: NetworkSpec): string {
	const out: string[] = [];
	const dims = inputDims(spec.inputShape);
	out.push(`input: ${nest(spec.input, dims, num)}`);
	if (spec.inputNames) out.push(`input_names: ${nest(spec.inputNames, [spec.input.length], quote)}`);
	out.push(`target: ${nest(spec.target, [spec.target.length], num)}`);
	if (spec.targetNames) out.push(`target_names: ${nest(spec.targetNames, [spec.target.length], quote)}`);
	out.push(`loss: ${spec.loss}`);
	if (!Number.isNaN(spec.learningRate)) out.push(`learning_rate: ${num(spec.learningRate)}`);
	out.push('layers:');
	for (const l of spec.layers) {
		const head = (type: string) => out.push(l.name === undefined ? `  - ${type}` : `  - ${type}: ${quote(l.name)}`);
		switch (l.kind) {
			case 'conv': {
				head(l.dims === 1 ? 'conv1d' : 'conv2d');
				const kd = [l.outChannels, ...(l.inChannels > 1 ? [l.inChannels] : []), ...(l.dims === 2 ? [l.kh] : []), l.kw];
				out.push(`    kernels: ${nest(l.kernels, kd, num)}`, ...names('kernel_names', l.kernelNames, kd));
				out.push(`    bias: ${l.sharedBias ? num(l.bias[0]) : nest(l.bias, [l.bias.length], num)}`);
				out.push(...names('bias_names', l.biasNames, l.sharedBias ? [] : [l.bias.length]));
				if (l.flip) out.push('    flip: true');
				if (l.padding !== 'valid') out.push(`    padding: ${padding(l.padding)}`);
				if (l.stride[0] !== 1 || l.stride[1] !== 1) out.push(`    stride: ${pair(l.stride, l.dims)}`);
				out.push(`    activation: ${l.activation.kind}`);
				if (l.activation.kind === 'leaky_relu') out.push(`    slope: ${num(l.activation.slope)}`);
				break;
			}
			case 'pool':
				head(`${l.mode}pool${l.dims === 2 ? '2d' : ''}`);
				out.push(`    size: ${pair(l.size, l.dims)}`);
				if (l.stride[0] !== l.size[0] || l.stride[1] !== l.size[1]) out.push(`    stride: ${pair(l.stride, l.dims)}`);
				break;
			case 'flatten':
				head('flatten');
				break;
			case 'dense': {
				head('dense');
				const n = l.weights.length / l.units;
				out.push(`    weights: ${nest(l.weights, [l.units, n], num)}`, ...names('weight_names', l.weightNames, [l.units, n]));
				out.push(`    bias: ${l.sharedBias ? num(l.bias[0]) : nest(l.bias, [l.bias.length], num)}`);
				out.push(...names('bias_names', l.biasNames, l.sharedBias ? [] : [l.bias.length]));
				out.push(`    activation: ${l.activation.kind}`);
				if (l.activation.kind === 'leaky_relu') out.push(`    slope: ${num(l.activation.slope)}`);
				break;
			}
			case 'activation':
				head('activation');
				out.push(`    function: ${l.activation.kind}`);
				if (l.activation.kind === 'leaky_relu') out.push(`    slope: ${num(l.activation.slope)}`);
				break;
		}
	}
	const frozen = frozenNames(spec);
	if (frozen.length) out.push(`frozen: [${frozen.map(quote).join(', ')}]`);
	const n = spec.notation;
	const isDefault = n.pre.join() === 'in,net,z' && n.post.join() === 'out,a' && n.delta.join() === 'coef,delta';
	if (!isDefault) out.push(`notation: {pre: [${n.pre.join(', ')}], post: [${n.post.join(', ')}], delta: [${n.delta.join(', ')}]}`);
	return out.join('\n');
}

/** The names of the frozen parameters, each once. */
function frozenNames(spec: NetworkSpec): string[] {
	const out = new Set<string>();
	spec.layers.forEach((l, i) => {
		if (l.kind !== 'conv' && l.kind !== 'dense') return;
		const w = l.kind === 'conv' ? l.kernelNames : l.weightNames;
		w?.forEach((name, j) => { if (spec.frozen.has(`${i}:w:${j}`)) out.add(name); });
		l.biasNames?.forEach((name, j) => { if (spec.frozen.has(`${i}:b:${j}`)) out.add(name); });
	});
	return [...out];
}

/** The block as the document writes it: a `network` fence in Markdown, `% network` comment lines in LaTeX. */
export function blockText(spec: NetworkSpec, language: 'markdown' | 'latex'): string {
	const yaml = blockYaml(spec);
	if (language === 'markdown') return `\`\`\`network\n${yaml}\n\`\`\``;
	return ['% network', ...yaml.split('\n').map((line) => `% ${line}`)].join('\n');
}
