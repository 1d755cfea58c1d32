/**
 * A reading of the document's structure and givens as the engine's `NetworkSpec`, keeping the
 * names as the document writes them (inputs, targets, weights row-major, biases), so that the
 * block written from it binds the same names. A bias every unit of a layer shares (`b_1` in both
 * `net_{h1}` and `net_{h2}`) is one shared bias, as `bias: 0.35` with `bias_names: b_1` declares it.
 * A given the document never states is a reason, not a zero.
 */
import { defaultNotation, type ActivationKind, type DenseLayer, type NetworkSpec } from '../engine/spec';
import { message } from '../messages/message';
import { defaultLocale, type Locale } from '../messages/locale';
import type { NameRef } from '../syntax/ast';
import type { DenseReading } from './dense';
import type { Givens } from './givens';
import type { LossReading } from './loss';

type Read<T> = Extract<T, { kind: 'read' }>;

/** The spec of a dense reading, or the given it lacks (said in `locale`). */
export function buildSpec(dense: Read<DenseReading>, loss: Read<LossReading>, givens: Givens, locale: Locale = defaultLocale): NetworkSpec | { reason: string } {
	let missing: NameRef | undefined;
	const values = (names: readonly NameRef[]) => Float64Array.from(names, (n) => {
		const v = givens.value(n);
		if (v === undefined) missing ??= n;
		return v ?? 0;
	});
	const input = values(dense.inputs);
	const layers = dense.layers.map((L) => denseLayerSpec(L.name, L.units, L.activation, values));
	const fields = lossFields(loss, values, givens, locale);
	if ('reason' in fields) return fields;
	if (missing) return { reason: message('infer.noValue', { name: missing.text }, locale) };
	return { input, inputShape: { channels: 1, rows: 1, cols: input.length, dims: 1 }, inputNames: dense.inputs.map((n) => n.text), layers, ...fields };
}

/**
 * A dense layer's spec from its units: weights row-major, and one shared bias when every unit
 * writes the same name (`b_1` in both `net_{h1}` and `net_{h2}`). `values` gives the numbers of names.
 */
export function denseLayerSpec(
	name: string | undefined,
	units: readonly { readonly weights: readonly NameRef[]; readonly bias?: NameRef }[],
	activation: ActivationKind,
	values: (names: readonly NameRef[]) => Float64Array,
): DenseLayer {
	const weightNames = units.flatMap((u) => u.weights);
	const biases = units.map((u) => u.bias).filter((b): b is NameRef => b !== undefined);
	const shared = biases.length > 1 && biases.every((b) => b.key === biases[0].key);
	const biasNames = shared ? [biases[0]] : biases;
	return {
		kind: 'dense',
		name,
		units: units.length,
		weights: values(weightNames),
		weightNames: weightNames.map((n) => n.text),
		bias: biasNames.length > 0 ? values(biasNames) : new Float64Array(units.length),
		sharedBias: shared,
		activation: { kind: activation, slope: 0.01 },
		biasNames: biasNames.length > 0 ? biasNames.map((n) => n.text) : undefined,
	};
}

/**
 * The fields a spec takes from the loss reading and the document alike for every kind of network:
 * the targets (each output paired with one, else the reason), the loss, the learning rate, nothing
 * frozen, the default notation.
 */
export function lossFields(
	loss: Read<LossReading>,
	values: (names: readonly NameRef[]) => Float64Array,
	givens: Givens,
	locale: Locale,
): Pick<NetworkSpec, 'target' | 'targetNames' | 'loss' | 'learningRate' | 'frozen' | 'notation'> | { reason: string } {
	const unpaired = loss.targets.findIndex((t) => !t);
	if (unpaired >= 0) return { reason: message('infer.unpaired', { output: unpaired + 1 }, locale) };
	const targets = loss.targets as NameRef[];
	return {
		target: values(targets),
		targetNames: targets.map((n) => n.text),
		loss: loss.loss,
		learningRate: givens.learningRate(),
		frozen: new Set(),
		notation: defaultNotation,
	};
}
