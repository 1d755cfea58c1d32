/**
 * A reading of the document's structure and givens as the engine's `NetworkSpec`, keeping the
 * names as the document writes them (inputs, targets, weights row-major, biases), so that the
 * block written from it binds the same names. A bias every unit of a layer shares (`b_1` in both
 * `net_{h1}` and `net_{h2}`) is one shared bias, as `bias: 0.35` with `bias_names: b_1` declares it.
 * A given the document never states is a reason, not a zero.
 */
import { defaultNotation, type DenseLayer, type NetworkSpec } from '../engine/spec';
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
	const layers: DenseLayer[] = dense.layers.map((L) => {
		const weightNames = L.units.flatMap((u) => u.weights);
		const biases = L.units.map((u) => u.bias).filter((b): b is NameRef => b !== undefined);
		const shared = biases.length > 1 && biases.every((b) => b.key === biases[0].key);
		const biasNames = shared ? [biases[0]] : biases;
		return {
			kind: 'dense',
			name: L.name,
			units: L.units.length,
			weights: values(weightNames),
			weightNames: weightNames.map((n) => n.text),
			bias: biasNames.length > 0 ? values(biasNames) : new Float64Array(L.units.length),
			sharedBias: shared,
			activation: { kind: L.activation, slope: 0.01 },
			biasNames: biasNames.length > 0 ? biasNames.map((n) => n.text) : undefined,
		};
	});
	const unpaired = loss.targets.findIndex((t) => !t);
	if (unpaired >= 0) return { reason: message('infer.unpaired', { output: unpaired + 1 }, locale) };
	const targets = loss.targets as NameRef[];
	const target = values(targets);
	if (missing) return { reason: message('infer.noValue', { name: missing.text }, locale) };
	return {
		input,
		inputShape: { channels: 1, rows: 1, cols: input.length, dims: 1 },
		inputNames: dense.inputs.map((n) => n.text),
		target,
		targetNames: targets.map((n) => n.text),
		loss: loss.loss,
		learningRate: givens.learningRate(),
		layers,
		frozen: new Set(),
		notation: defaultNotation,
	};
}
