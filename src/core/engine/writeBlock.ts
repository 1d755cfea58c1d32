/**
 * A `NetworkSpec` written as the network block that declares it (DESIGN 2.4), in the document's
 * own names: a name stem where the names are the stem's expansion (`kernel_names: KK` for
 * `KK_{11} … KK_{23}`), the names themselves, shaped like the values, otherwise; `notation:`
 * only where the spec's role stems differ from the default; every other key only where its value
 * is not the default the reader would fill in. Numbers are written exactly, in the shortest form
 * that reads back as the same double.
 *
 * The writer proves what it writes: it reads its own block back with the block reader and
 * compares the spec it gets with the one it was given (`specEqual.ts`). A spec the block format
 * cannot say exactly — a name with a space at its end, a frozen parameter that has no name or
 * shares it with one that is not frozen, a block past the size budget — is refused with the reason
 * in a sentence, never written wrong. `blockText` wraps the YAML in the form the document's scanner
 * reads: a `network` fence in Markdown, `% network` comment lines in LaTeX.
 */
import { MAX_BLOCK_CHARS } from '../budgets';
import { defaultLocale, type Locale } from '../messages/locale';
import { message, said, say, type Said } from '../messages/message';
import type { DocumentLanguage } from '../scan/region';
import { parseNetworkYaml } from './block';
import { indexedNames } from './labels';
import { nameKey } from './nameKey';
import { defaultNotation, type ActivationSpec, type LayerSpec, type NetworkSpec, type Padding } from './spec';
import { specDifference } from './specEqual';
import { flowList, yamlName, yamlNumber, yamlWord } from './yamlWrite';

export type WrittenNetwork =
	| { readonly kind: 'written'; readonly yaml: string }
	| { readonly kind: 'refused'; readonly reason: string };

/** Thrown inside the writer only, to stop at the first thing the block cannot say; never leaves this file. */
class Refusal {
	constructor(readonly reason: Said) {}
}

function refuse(reason: Said): never {
	throw new Refusal(reason);
}

/** Names that are not text the reader keeps as written (empty, or with spaces at an end, which it trims). */
function checkNames(names: readonly string[], count: number, what: Said): void {
	if (names.length !== count) refuse(said('writeBlock.nameCount', { what, names: names.length, values: count }));
	for (const n of names) if (n.trim() === '' || n.trim() !== n) refuse(said('writeBlock.badName', { name: n, what }));
}

/** The stem whose expansion over `dims` is exactly `names`, if there is one: `KK` for KK_{11} … KK_{23}. */
function stemOf(names: readonly string[], dims: readonly number[]): string | undefined {
	const m = /^(\S+)_\{[0-9,]+\}$/.exec(names[0] ?? '');
	if (!m) return undefined;
	const expanded = indexedNames(m[1], dims);
	return expanded.length === names.length && expanded.every((x, i) => x === names[i]) ? m[1] : undefined;
}

/** A `…_names` value: the stem over `stemDims` when it fits, else the names as a list shaped by `listDims`. */
function namesValue(names: readonly string[], stemDims: readonly number[], listDims: readonly number[]): string {
	const stem = stemOf(names, stemDims);
	return stem !== undefined ? yamlWord(stem) : flowList(names, listDims, yamlName);
}

/** A 1-D pair [1, n] as `n`; a 2-D pair as `n` when both agree, else `[r, c]`. */
function pairValue(pair: readonly [number, number], dims: 1 | 2, what: Said): string {
	if (dims === 1) return pair[0] === 1 ? String(pair[1]) : refuse(said('writeBlock.pairRows', { what, rows: pair[0] }));
	return pair[0] === pair[1] ? String(pair[0]) : `[${pair[0]}, ${pair[1]}]`;
}

function paddingValue(p: Padding): string {
	return typeof p === 'number' ? String(p) : p;
}

/** The keys of an activation inside a layer: `activation:` unless linear, `slope:` unless the default. */
function activationKeys(a: ActivationSpec, key: string, withKind: boolean): string[] {
	const keys: string[] = [];
	if (withKind && a.kind !== 'linear') keys.push(`${key}: ${a.kind}`);
	if (!Object.is(a.slope, 0.01)) keys.push(`slope: ${yamlNumber(a.slope)}`);
	return keys;
}

/** `bias:` and `bias_names:` of a conv or dense layer with `units` outputs. */
function biasKeys(bias: Float64Array, shared: boolean, names: readonly string[] | undefined, units: number, what: Said): string[] {
	if (bias.length !== (shared ? 1 : units)) refuse(said('writeBlock.biasCount', { what, biases: bias.length, units }));
	const keys = [`bias: ${shared ? yamlNumber(bias[0]) : flowList(bias, [units], yamlNumber)}`];
	if (names) {
		checkNames(names, bias.length, said('writeBlock.biasesOf', { what }));
		keys.push(`bias_names: ${shared ? (/^[A-Za-z][A-Za-z0-9_]*$/.test(names[0]) ? yamlWord(names[0]) : `[${yamlName(names[0])}]`) : namesValue(names, [units], [units])}`);
	}
	return keys;
}

/** The entry of one layer in `layers:`, its head line first. */
function layerLines(l: LayerSpec, index: number): string[] {
	const what = l.name === undefined ? said('writeBlock.layer', { index: index + 1 }) : said('writeBlock.namedLayer', { index: index + 1, name: l.name });
	let type: string;
	let keys: string[] = [];
	switch (l.kind) {
		case 'conv': {
			type = `conv${l.dims}d`;
			const canonical = [l.outChannels, ...(l.inChannels > 1 ? [l.inChannels] : []), ...(l.dims === 2 ? [l.kh] : []), l.kw];
			if (l.kernels.length !== l.outChannels * l.inChannels * l.kh * l.kw) refuse(said('writeBlock.kernelCount', { what, count: l.kernels.length }));
			if (l.dims === 1 && l.kh !== 1) refuse(said('writeBlock.kernelRows', { what, rows: l.kh }));
			keys.push(`kernels: ${flowList(l.kernels, canonical, yamlNumber)}`);
			if (l.kernelNames) {
				checkNames(l.kernelNames, l.kernels.length, said('writeBlock.kernelsOf', { what }));
				keys.push(`kernel_names: ${namesValue(l.kernelNames, canonical, canonical)}`);
			}
			keys.push(...biasKeys(l.bias, l.sharedBias, l.biasNames, l.outChannels, what));
			if (l.flip) keys.push('flip: true');
			if (l.padding !== 'valid') keys.push(`padding: ${paddingValue(l.padding)}`);
			if (l.stride[0] !== 1 || l.stride[1] !== 1) keys.push(`stride: ${pairValue(l.stride, l.dims, said('writeBlock.stride', {}))}`);
			keys.push(...activationKeys(l.activation, 'activation', true));
			break;
		}
		case 'pool':
			type = `${l.mode}pool${l.dims === 2 ? '2d' : ''}`;
			keys.push(`size: ${pairValue(l.size, l.dims, said('writeBlock.size', {}))}`);
			if (l.stride[0] !== l.size[0] || l.stride[1] !== l.size[1]) keys.push(`stride: ${pairValue(l.stride, l.dims, said('writeBlock.stride', {}))}`);
			break;
		case 'flatten':
			type = 'flatten';
			break;
		case 'dense': {
			type = 'dense';
			const n = l.units > 0 ? l.weights.length / l.units : 0;
			if (!Number.isInteger(n) || n === 0) refuse(said('writeBlock.weightCount', { what, weights: l.weights.length, units: l.units }));
			keys.push(`weights: ${flowList(l.weights, [l.units, n], yamlNumber)}`);
			if (l.weightNames) {
				checkNames(l.weightNames, l.weights.length, said('writeBlock.weightsOf', { what }));
				keys.push(`weight_names: ${namesValue(l.weightNames, [l.units * n], [l.units, n])}`);
			}
			keys.push(...biasKeys(l.bias, l.sharedBias, l.biasNames, l.units, what));
			keys.push(...activationKeys(l.activation, 'activation', true));
			break;
		}
		case 'activation':
			// `- sigmoid: A` names the function by its type; only the slope is a key.
			type = l.activation.kind;
			keys = activationKeys(l.activation, '', false);
			break;
	}
	const head = l.name === undefined ? `  - ${type}${keys.length ? ':' : ''}` : `  - ${type}: ${yamlWord(l.name)}`;
	return [head, ...keys.map((k) => `    ${k}`)];
}

/** The dimensions the input is written in, so the reader gives it back its shape (`block.ts`'s `inputShape`). */
function inputDims(spec: NetworkSpec): number[] {
	const s = spec.inputShape;
	const first = spec.layers.find((l) => l.kind === 'conv' || l.kind === 'pool');
	const firstDims = first && (first.kind === 'conv' || first.kind === 'pool') ? first.dims : undefined;
	if (spec.input.length !== s.channels * s.rows * s.cols) refuse(said('writeBlock.inputCount', { count: spec.input.length }));
	if (s.dims === 1) {
		if (s.rows !== 1) refuse(said('writeBlock.inputRows', { rows: s.rows }));
		if (s.channels === 1) return [s.cols];
		return firstDims === 1 ? [s.channels, s.cols] : refuse(said('writeBlock.inputChannels', {}));
	}
	return s.channels === 1 && firstDims !== 1 ? [s.rows, s.cols] : [s.channels, s.rows, s.cols];
}

/** The names of the frozen parameters, one per name (the reader freezes every parameter of a name). */
function frozenNames(spec: NetworkSpec): string[] {
	if (spec.frozen.size === 0) return [];
	const byKey = new Map<string, { name: string; params: string[] }>();
	const nameOf = new Map<string, string>();
	spec.layers.forEach((l, i) => {
		const add = (names: readonly string[] | undefined, kind: 'w' | 'b') => names?.forEach((n, j) => {
			const param = `${i}:${kind}:${j}`, k = nameKey(n);
			nameOf.set(param, k);
			const group = byKey.get(k);
			if (group) group.params.push(param); else byKey.set(k, { name: n, params: [param] });
		});
		if (l.kind === 'conv') { add(l.kernelNames, 'w'); add(l.biasNames, 'b'); }
		if (l.kind === 'dense') { add(l.weightNames, 'w'); add(l.biasNames, 'b'); }
	});
	const keys = new Set<string>();
	for (const param of spec.frozen) {
		const k = nameOf.get(param);
		if (k === undefined) {
			const [layer, kind, j] = param.split(':');
			refuse(said(kind === 'w' ? 'writeBlock.frozenWeight' : 'writeBlock.frozenBias', { index: Number(j) + 1, layer: Number(layer) + 1 }));
		}
		keys.add(k);
	}
	const names: string[] = [];
	for (const [k, group] of byKey) {
		if (!keys.has(k)) continue;
		if (group.params.some((p) => !spec.frozen.has(p))) refuse(said('writeBlock.frozenShared', { name: group.name }));
		names.push(group.name);
	}
	return names;
}

/** `notation:` for the role stems that differ from the default, or nothing. */
function notationLine(spec: NetworkSpec): string[] {
	const parts: string[] = [];
	for (const role of ['pre', 'post', 'delta'] as const) {
		const stems = spec.notation[role], d = defaultNotation[role];
		if (stems.length === d.length && stems.every((x, i) => x === d[i])) continue;
		if (stems.length === 0) refuse(said('writeBlock.noStems', { role }));
		parts.push(`${role}: [${stems.map(yamlWord).join(', ')}]`);
	}
	return parts.length ? [`notation: {${parts.join(', ')}}`] : [];
}

function writeLines(spec: NetworkSpec): string[] {
	const dims = inputDims(spec);
	const lines = [`input: ${flowList(spec.input, dims, yamlNumber)}`];
	if (spec.inputNames) {
		checkNames(spec.inputNames, spec.input.length, said('what.input', {}));
		lines.push(`input_names: ${namesValue(spec.inputNames, [spec.input.length], dims)}`);
	}
	lines.push(`target: ${flowList(spec.target, [spec.target.length], yamlNumber)}`);
	if (spec.targetNames) {
		checkNames(spec.targetNames, spec.target.length, said('what.target', {}));
		lines.push(`target_names: ${namesValue(spec.targetNames, [spec.target.length], [spec.target.length])}`);
	}
	lines.push(`loss: ${spec.loss}`);
	if (!Number.isNaN(spec.learningRate)) lines.push(`learning_rate: ${yamlNumber(spec.learningRate)}`);
	lines.push(...notationLine(spec));
	lines.push('layers:');
	spec.layers.forEach((l, i) => lines.push(...layerLines(l, i)));
	const frozen = frozenNames(spec);
	if (frozen.length) lines.push(`frozen: [${frozen.map(yamlWord).join(', ')}]`);
	return lines;
}

/**
 * The YAML of the block that declares `spec`, or the reason it cannot be written. For the seed
 * network this begins `input: [0.1, 0.2, …]`, `input_names: i`, and lists `- conv1d: CC` with
 * `kernel_names: KK`; the block read back gives the same spec. A refusal is said in `locale`.
 */
export function writeNetworkYaml(spec: NetworkSpec, locale: Locale = defaultLocale): WrittenNetwork {
	let yaml: string;
	try {
		for (const v of [spec.input, spec.target]) if (v.some((x) => !Number.isFinite(x))) refuse(said('writeBlock.notFinite', {}));
		if (spec.layers.length === 0) refuse(said('writeBlock.noLayers', {}));
		yaml = writeLines(spec).join('\n');
	} catch (e) {
		if (e instanceof Refusal) return { kind: 'refused', reason: message('writeBlock.refused', { reason: say(e.reason, locale) }, locale) };
		throw e;
	}
	if (yaml.length > MAX_BLOCK_CHARS) return { kind: 'refused', reason: message('writeBlock.tooLong', { chars: yaml.length.toLocaleString('en-US'), max: MAX_BLOCK_CHARS.toLocaleString('en-US') }, locale) };
	const back = parseNetworkYaml(yaml);
	if (!back.spec) return { kind: 'refused', reason: message('writeBlock.noReadBack', { problem: back.problems[0]?.message ?? message('writeBlock.noNetwork', {}, locale) }, locale) };
	const diff = specDifference(spec, back.spec);
	if (diff) return { kind: 'refused', reason: message('writeBlock.inexact', { difference: diff }, locale) };
	return { kind: 'written', yaml };
}

/**
 * The block as the document's scanner reads it: ```` ```network ```` … ```` ``` ```` in Markdown,
 * `% network` and `% `-prefixed lines in LaTeX. No trailing line break.
 */
export function blockText(yaml: string, language: DocumentLanguage): string {
	if (language === 'latex') return ['% network', ...yaml.split('\n').map((l) => `% ${l}`)].join('\n');
	return `\`\`\`network\n${yaml}\n\`\`\``;
}
