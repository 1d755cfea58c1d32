/**
 * Writes a whole worked derivation of a network: the network block first (so the document checks
 * on its own), then the forward pass, the loss, the backward pass and the update, a heading per
 * part and per layer in the chosen language, one chain per quantity. The spec is first given
 * names for whatever has none (`names.ts`), written as a block (`engine/writeBlock.ts`) and read back,
 * so the derivation is written from exactly the network the check will build from its block.
 * A network no notation can write, or one too large to write out, is refused with a sentence.
 */
import { defaultLocale, type Locale } from '../messages/locale';
import { message } from '../messages/message';
import { MAX_GENERATED_TERMS } from '../budgets';
import { macs, outputShape, size } from '../engine/shape';
import { buildNetwork, parseNetworkYaml } from '../engine/index';
import type { Network } from '../engine/network';
import type { NetworkSpec } from '../engine/spec';
import { blockText, writeNetworkYaml } from '../engine/writeBlock';
import { Carried, type Plant } from './carry';
import { headings, type GenerateLanguage, type Headings } from './headings';
import { writeMatrixSection, matrixRefusal } from './matrix';
import { namedSpec } from './names';
import { seedNotation, textbookNotation, textbookRefusal, type NotationName, type ScalarNotation } from './notations';
import { plan, type Part, type Section } from './plan';
import { writeChain } from './scalar';

export type PartChoice = Part | 'all';

export interface GenerateOptions {
	readonly notation: NotationName;
	readonly language: GenerateLanguage;
	/** Significant digits of every computed number (`MIN_DIGITS`–`MAX_DIGITS`). */
	readonly digits: number;
	readonly part: PartChoice;
	/** Blank the computed numbers and add an answer key. */
	readonly exercise: boolean;
	/** The document language the derivation is written for. */
	readonly documentLanguage: 'markdown' | 'latex';
}

export const defaultGenerateOptions: GenerateOptions = { notation: 'seed', language: 'en', digits: 3, part: 'all', exercise: false, documentLanguage: 'markdown' };

/**
 * One answer of an exercise, as math: `out_{C1} = 0.558`; an update is its whole chain, numbers
 * written (`w_{1}^{+} = w_{1} - … = 0.169`), since an updated parameter's bare name would read as
 * the parameter before the step.
 */
export interface Answer {
	readonly math: string;
}

export type Generated =
	| { readonly kind: 'derivation'; readonly text: string; readonly answers?: string; readonly chains: number }
	| { readonly kind: 'refused'; readonly reason: string };

/** Writes display math the way the document's language does. */
function display(math: string, language: 'markdown' | 'latex'): string {
	return language === 'markdown' ? `$$${math}$$` : `\\[ ${math} \\]`;
}

function heading(text: string, level: 1 | 2 | 3, language: 'markdown' | 'latex'): string {
	if (language === 'markdown') return `${'#'.repeat(level)} ${text}`;
	return `\\${level === 1 ? 'section' : level === 2 ? 'subsection' : 'subsubsection'}*{${text}}`;
}

/** What a layer is, in words: `conv1d, sigmoid, flipped kernels`. */
function layerWhat(net: Network, l: number, h: Headings): string {
	const s = net.layers[l].spec;
	switch (s.kind) {
		case 'conv': return [h.kinds[s.dims === 1 ? 'conv1d' : 'conv2d'], s.activation.kind, ...(s.flip ? [h.flipped] : [])].join(h.sep);
		case 'pool': return `${h.kinds[s.mode === 'max' ? 'maxpool' : 'avgpool']} ${s.size[0] === 1 && s.dims === 1 ? s.size[1] : `${s.size[0]} × ${s.size[1]}`}`;
		case 'dense': return `${h.kinds.dense}${h.sep}${s.activation.kind}`;
		case 'activation': return `${h.kinds.activation}${h.sep}${s.activation.kind}`;
		case 'flatten': return 'flatten';
	}
}

function refusal(net: Network, notation: NotationName, locale: Locale): string | undefined {
	if (notation === 'textbook') return textbookRefusal(net, locale);
	if (notation === 'matrix') return matrixRefusal(net, locale);
	return undefined;
}

/** The spec named and read back through the block parser, or why not. */
export function roundTrip(spec: NetworkSpec, targetStem: string, locale: Locale = defaultLocale): { spec: NetworkSpec; yaml: string } | { reason: string } {
	const written = writeNetworkYaml(namedSpec(spec, targetStem), locale);
	if (written.kind === 'refused') return { reason: written.reason };
	const parsed = parseNetworkYaml(written.yaml);
	if (!parsed.spec) return { reason: message('generate.noReadBack', { problem: parsed.problems[0]?.message ?? message('generate.readBack', {}, locale) }, locale) };
	return { spec: parsed.spec, yaml: written.yaml };
}

/**
 * The derivation of a network. `generateDerivation(seedSpec, { ...defaultGenerateOptions })` begins
 * with the seed's block, then `## Forward pass`, `### Layer CC (conv1d, sigmoid, flipped kernels)`
 * and `$$in_{CC1} = KK_{13} \cdot i_{1} + … = 0.600$$`. `plant` (tests) writes one result wrong and carries it.
 */
export function generateDerivation(input: NetworkSpec, options: GenerateOptions, plant?: Plant): Generated {
	const terms = termCount(input);
	if (terms > MAX_GENERATED_TERMS) return { kind: 'refused', reason: message('generate.tooLarge', { terms: terms.toLocaleString('en-US'), max: MAX_GENERATED_TERMS.toLocaleString('en-US') }, options.language) };
	const trip = roundTrip(input, options.notation === 'seed' ? 't' : 'y', options.language);
	if ('reason' in trip) return { kind: 'refused', reason: trip.reason };
	const net = buildNetwork(trip.spec);
	const refused = refusal(net, options.notation, options.language);
	if (refused) return { kind: 'refused', reason: refused };
	const h = headings(options.language);
	const lang = options.documentLanguage;
	const out: string[] = [heading(h.title, 1, lang), '', h.intro, '', blockText(trip.yaml, lang), ''];
	if (options.exercise) out.push(h.exerciseIntro, '');
	const answers: Answer[] = [];
	const carried = new Carried(net, options.digits, plant);
	const scalar: ScalarNotation = options.notation === 'textbook' ? textbookNotation(net) : seedNotation(net);
	const sections = plan(net);
	let chains = 0;
	let lastPart: Part | undefined;
	for (const section of sections) {
		const shown = options.part === 'all' || options.part === section.part;
		if (shown && section.part !== lastPart) {
			out.push(heading(section.part === 'forward' ? h.forward : section.part === 'backward' ? h.backward : h.update, 2, lang), '');
			lastPart = section.part;
		}
		if (shown && section.kind !== 'update') out.push(heading(sectionTitle(net, section, h), 3, lang), '');
		// A part printed alone starts from the true values of what it does not print, rounded.
		if (!shown) {
			for (const f of section.steps) carried.stateTrue(f.of);
			continue;
		}
		const written = options.notation === 'matrix'
			? writeMatrixSection(net, section, carried, options.exercise, options.language)
			: writeSection(net, section, scalar, carried, options.exercise, options.language);
		if (typeof written === 'string') return { kind: 'refused', reason: written };
		for (const w of written) {
			out.push(display(w.math, lang), '');
			chains++;
			answers.push(...w.answers);
		}
		if (section.kind === 'update') {
			const frozen = frozenLabels(net, scalar);
			if (frozen.length) out.push(h.frozen(frozen.map((x) => `$${x}$`).join(h.sep)), '');
		}
	}
	if (Number.isNaN(net.spec.learningRate) && (options.part === 'all' || options.part === 'update')) out.push(h.noLearningRate, '');
	const key = options.exercise ? answerKey(answers, h, lang) : undefined;
	return { kind: 'derivation', text: out.join('\n'), answers: key, chains };
}

/**
 * About how many terms the whole derivation writes: each multiply-add three times (forward,
 * ∂E/∂out, gradient), plus a chain per quantity; from the shapes alone, before anything is built.
 */
function termCount(spec: NetworkSpec): number {
	let n = 0, s = spec.inputShape;
	for (const l of spec.layers) {
		const o = outputShape(l, s);
		if (typeof o === 'string') return n;
		n += 3 * macs(l, s, o) + 4 * size(o);
		s = o;
	}
	return n;
}

function sectionTitle(net: Network, s: Section, h: Headings): string {
	if (s.kind === 'loss') return h.loss;
	return h.layer(net.layerName(s.layer!), layerWhat(net, s.layer!, h));
}

/** The written chains of a scalar section, or why a step cannot be written. */
function writeSection(net: Network, s: Section, notation: ScalarNotation, carried: Carried, exercise: boolean, locale: Locale): { math: string; answers: Answer[] }[] | string {
	const out: { math: string; answers: Answer[] }[] = [];
	for (const f of s.steps) {
		const w = writeChain(net, f, notation, carried, exercise);
		if (!w) return message('generate.digitsShort', { label: net.label(f.of) }, locale);
		out.push({ math: w.math, answers: [{ math: f.of.endsWith(':new') ? w.solution : `${notation.label(f.of)} = ${w.result}` }] });
	}
	return out;
}

function frozenLabels(net: Network, notation: ScalarNotation): string[] {
	const out: string[] = [];
	net.layers.forEach((L, l) => {
		for (const p of [L.weights, L.bias]) if (p) p.frozen.forEach((f, i) => { if (f) out.push(notation.label(`L${l}:${p.kind}:${i}`)); });
	});
	return out;
}

/** The answer key: every blank's quantity and number, in the order the exercise asks for them. */
function answerKey(answers: readonly Answer[], h: Headings, lang: 'markdown' | 'latex'): string {
	const lines = answers.map((a, i) => (lang === 'markdown' ? `${i + 1}. $${a.math}$` : `\\item $${a.math}$`));
	const body = lang === 'markdown' ? lines.join('\n') : ['\\begin{enumerate}', ...lines, '\\end{enumerate}'].join('\n');
	return `${heading(h.answers, 2, lang)}\n\n${body}\n`;
}
