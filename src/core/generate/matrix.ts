/**
 * The matrix notation: a dense network written a layer at a time, in bmatrix environments, with
 * the textbook's whole-vector names (DESIGN 2.2 "Matrices and vectors", 2.3):
 * `z^{(1)} = W^{(1)} x + b^{(1)} = \begin{bmatrix}…\end{bmatrix} \begin{bmatrix}…\end{bmatrix} + … = …`,
 * `a^{(1)} = \sigma(z^{(1)})`, `\frac{\partial E}{\partial a^{(1)}} = W^{(2)T} \delta^{(2)}`,
 * `\delta^{(1)} = \frac{\partial E}{\partial a^{(1)}} \odot a^{(1)} \odot (1 - a^{(1)})`,
 * `\frac{\partial E}{\partial W^{(2)}} = \delta^{(2)} a^{(1)T}`, `W^{(2)} \leftarrow W^{(2)} - \alpha …`.
 *
 * Each matrix is the column of its elements' own scalar steps (`plan.ts`), stated and carried
 * element by element (`carry.ts`), so a matrix chain states exactly the numbers the scalar
 * derivation would. What has no matrix form here — the loss, softmax and leaky ReLU, ReLU's
 * derivative, a shared bias, a partly frozen tensor, a loss derivative other than `a − y`, and a
 * matrix with one row or column or a vector of one element (which the checker reads as smaller) —
 * is written as the textbook's scalar chains. Convolutions, pools, separate activation layers and
 * an input that is not one flat vector are refused: their matrix forms are not written.
 */
import { defaultLocale, type Locale } from '../messages/locale';
import { message } from '../messages/message';
import type { Network } from '../engine/network';
import { parseId } from '../engine/quantity';
import { closedFormDelta } from '../engine/run';
import type { Formula } from '../engine/term';
import { consumerLayer } from '../engine/formulas';
import { asWritten, type Carried } from './carry';
import { textbookNotation, type ScalarNotation } from './notations';
import type { Section } from './plan';
import { BLANK, writeChain } from './scalar';

export interface WrittenMath {
	readonly math: string;
	readonly answers: { math: string }[];
}

/** Computed numbers are written between these marks first, then either blanked or written (`variant`). */
const OPEN = '\u0001', CLOSE = '\u0002';

function variant(math: string, exercise: boolean): string {
	return math.replace(/\u0001([^\u0002]*)\u0002/g, (_, text: string) => (exercise ? BLANK : text));
}

/** Why the matrix notation cannot write this network, in `locale`, or undefined when it can. */
export function matrixRefusal(net: Network, locale: Locale = defaultLocale): string | undefined {
	for (const L of net.layers) {
		if (L.spec.kind !== 'dense' && L.spec.kind !== 'flatten') {
			return L.spec.kind === 'activation' ? message('generate.matrixActivation', { layer: net.layerName(L.index) }, locale) : message('generate.matrixKind', { layer: net.layerName(L.index), kind: L.spec.kind }, locale);
		}
	}
	const s = net.spec.inputShape;
	if (s.channels !== 1 || s.rows !== 1) return s.channels > 1 ? message('generate.matrixChannels', { channels: s.channels, rows: s.rows, cols: s.cols }, locale) : message('generate.matrixInput', { rows: s.rows, cols: s.cols }, locale);
	return undefined;
}

/** The textbook layer number (1-based) of block layer `l`. */
function layerNumber(net: Network, l: number): number {
	let n = 0;
	for (let m = 0; m <= l; m++) if (net.layers[m].spec.kind === 'dense') n++;
	return n;
}

/** The whole-vector name of layer `l`'s input: `x`, or `a^{(2)}` for the output of the layer before. */
function inputVector(net: Network, l: number): string {
	let m = l - 1;
	while (m >= 0 && net.layers[m].spec.kind === 'flatten') m--;
	return m < 0 ? inputStem(net) : `a^{(${layerNumber(net, m)})}`;
}

/** The input's stem as the block names it (`x` for `x_{1}` …). */
function inputStem(net: Network): string {
	const first = net.spec.inputNames?.[0] ?? 'x_{1}';
	return first.replace(/_\{?1\}?$/, '');
}

function targetStem(net: Network): string {
	const first = net.spec.targetNames?.[0] ?? 'y_{1}';
	return first.replace(/_\{?1\}?$/, '');
}

/** A bmatrix of `rows` × `cols` cells, row-major. */
function bmatrix(cells: readonly string[], rows: number, cols: number): string {
	const lines: string[] = [];
	for (let r = 0; r < rows; r++) lines.push(cells.slice(r * cols, (r + 1) * cols).join(' & '));
	return `\\begin{bmatrix} ${lines.join(' \\\\ ')} \\end{bmatrix}`;
}

/** The written numbers of a run of quantities, the computed ones marked (see `variant`). */
function cellsOf(carried: Carried, idsOf: readonly string[]): string[] {
	return idsOf.map((id) => (carried.computed(id) ? `${OPEN}${carried.text(id)}${CLOSE}` : carried.text(id) ?? '?'));
}

const column = (cells: readonly string[]) => bmatrix(cells, cells.length, 1);

interface Group { readonly layer: number; readonly role: string; readonly steps: Formula[] }

/** Consecutive steps of one layer, role and tensor. */
function groupsOf(steps: readonly Formula[]): Group[] {
	const out: Group[] = [];
	for (const f of steps) {
		const p = parseId(f.of)!;
		const role = p.param ? `${p.role}:${p.param}` : p.role;
		const last = out[out.length - 1];
		if (last && last.layer === p.layer && last.role === role) last.steps.push(f);
		else out.push({ layer: p.layer, role, steps: [f] });
	}
	return out;
}

const range = (n: number, f: (j: number) => string) => Array.from({ length: n }, (_, j) => f(j));

/** The elementwise function of an activation, when the checker reads it on a matrix. */
const ELEMENTWISE: Record<string, string> = { sigmoid: '\\sigma', tanh: '\\tanh', relu: '\\operatorname{ReLU}' };

/** Writes one group as a matrix chain, or undefined when it has no matrix form here. */
function matrixChain(net: Network, g: Group, carried: Carried, exercise: boolean, tb: ScalarNotation): WrittenMath | undefined {
	const L = net.layers[g.layer], s = L.spec;
	if (s.kind !== 'dense') return undefined;
	const l = layerNumber(net, g.layer), n = L.out.length, inputs = L.inShape.channels * L.inShape.rows * L.inShape.cols;
	// The checker reads a matrix with one row or one column as a vector, and a vector of one as its
	// element: matrix chains need two of each, else scalar chains.
	if (n < 2 || (inputs < 2 && (g.role === 'pre' || g.role.endsWith(':w')))) return undefined;
	const ids = g.steps.map((f) => f.of);
	const A = inputVector(net, g.layer);
	const inputIds = range(inputs, (k) => inputIdOf(net, g.layer, k));
	const wIds = range(n * inputs, (i) => `L${g.layer}:w:${i}`);
	const bIds = range(L.bias!.value.length, (i) => `L${g.layer}:b:${i}`);
	const col = (xs: string[]) => column(cellsOf(carried, xs));
	const W = () => bmatrix(cellsOf(carried, wIds), n, inputs);
	const last = g.layer === net.layers.length - 1;
	const z = `z^{(${l})}`, a = `a^{(${l})}`, d = `\\delta^{(${l})}`, dA = `\\frac{\\partial E}{\\partial a^{(${l})}}`;
	const out = (j: number) => `L${g.layer}:out:${j}`, pre = (j: number) => `L${g.layer}:pre:${j}`, dl = (j: number) => `L${g.layer}:delta:${j}`, dout = (j: number) => `L${g.layer}:dout:${j}`;
	let head: string, symbolic: string, numbers: string | undefined, shape: [number, number] = [n, 1];
	switch (g.role) {
		case 'pre':
			if (s.sharedBias) return undefined;
			head = `${z} =`; symbolic = `W^{(${l})} ${A} + b^{(${l})}`; numbers = `${W()} ${col(inputIds)} + ${col(bIds)}`;
			break;
		case 'out': {
			if (s.activation.kind === 'linear') { head = `${a} =`; symbolic = z; break; }
			const f = ELEMENTWISE[s.activation.kind];
			if (!f) return undefined;
			head = `${a} =`; symbolic = `${f}(${z})`; numbers = `${f}\\left(${col(range(n, pre))}\\right)`;
			break;
		}
		case 'dout': {
			if (last) {
				if (net.spec.loss !== 'half_sse') return undefined;
				head = `${dA} =`; symbolic = `${a} - ${targetStem(net)}`; numbers = `${col(range(n, out))} - ${col(range(n, (j) => `t:${j}`))}`;
				break;
			}
			const m = consumerLayer(net, g.layer)!, M = net.layers[m];
			if (M.spec.kind !== 'dense') return undefined;
			const lm = layerNumber(net, m), units = M.spec.units;
			if (units < 2) return undefined;
			head = `${dA} =`; symbolic = `W^{(${lm})T} \\delta^{(${lm})}`;
			numbers = `${bmatrix(cellsOf(carried, range(units * n, (i) => `L${m}:w:${i}`)), units, n)}^T ${col(range(units, (j) => `L${m}:delta:${j}`))}`;
			break;
		}
		case 'delta': {
			if (last && closedFormDelta(net.spec)) {
				const r = g.steps[0].rhs;
				if (r.op !== 'sub' || r.a.op !== 'ref') return undefined;
				head = `${d} =`; symbolic = `${a} - ${targetStem(net)}`; numbers = `${col(range(n, out))} - ${col(range(n, (j) => `t:${j}`))}`;
				break;
			}
			const act = s.activation.kind;
			if (act === 'linear') { head = `${d} =`; symbolic = dA; break; }
			if (act === 'sigmoid') {
				head = `${d} =`; symbolic = `${dA} \\odot ${a} \\odot (1 - ${a})`;
				numbers = `${col(range(n, dout))} \\odot ${col(range(n, out))} \\odot \\left(1 - ${col(range(n, out))}\\right)`;
				break;
			}
			if (act === 'tanh') {
				head = `${d} =`; symbolic = `${dA} \\odot (1 - ${a} \\odot ${a})`;
				numbers = `${col(range(n, dout))} \\odot \\left(1 - ${col(range(n, out))} \\odot ${col(range(n, out))}\\right)`;
				break;
			}
			return undefined;
		}
		case 'grad:w':
			head = `\\frac{\\partial E}{\\partial W^{(${l})}} =`; symbolic = `${d} ${A}^T`;
			numbers = `${col(range(n, dl))} ${col(inputIds)}^T`; shape = [n, inputs];
			break;
		case 'grad:b':
			if (s.sharedBias) return undefined;
			head = `\\frac{\\partial E}{\\partial b^{(${l})}} =`; symbolic = d;
			break;
		case 'updated:w':
			if (ids.length !== n * inputs) return undefined;
			head = `W^{(${l})} \\leftarrow`; symbolic = `W^{(${l})} - \\alpha \\frac{\\partial E}{\\partial W^{(${l})}}`;
			numbers = `${W()} - ${carried.text('lr')} ${bmatrix(cellsOf(carried, range(n * inputs, (i) => `L${g.layer}:w:${i}:grad`)), n, inputs)}`; shape = [n, inputs];
			break;
		case 'updated:b':
			if (s.sharedBias || ids.length !== n) return undefined;
			head = `b^{(${l})} \\leftarrow`; symbolic = `b^{(${l})} - \\alpha \\frac{\\partial E}{\\partial b^{(${l})}}`;
			numbers = `${col(bIds)} - ${carried.text('lr')} ${col(range(n, (i) => `L${g.layer}:b:${i}:grad`))}`;
			break;
		default:
			return undefined;
	}
	const results: string[] = [];
	for (const f of g.steps) {
		const r = carried.state({ of: f.of, rhs: asWritten(net, f.rhs) });
		if (r === undefined) return undefined;
		results.push(r);
	}
	const result = bmatrix(results.map((r) => `${OPEN}${r}${CLOSE}`), shape[0], shape[1]);
	const math = `${head} ${[symbolic, ...(numbers ? [numbers] : []), result].join(' = ')}`;
	const solution = variant(math, false);
	const answers = g.role.startsWith('updated') ? [{ math: solution }] : g.steps.map((f, i) => ({ math: `${tb.label(f.of)} = ${results[i]}` }));
	return { math: variant(math, exercise), answers };
}

/** The id of element `k` of layer `l`'s input (read through flatten layers). */
function inputIdOf(net: Network, l: number, k: number): string {
	let m = l - 1;
	while (m >= 0 && net.layers[m].spec.kind === 'flatten') m--;
	return m < 0 ? `x:${k}` : `L${m}:out:${k}`;
}

/** The chains of one section in matrix form, falling back to the textbook's scalar chains group by group. */
export function writeMatrixSection(net: Network, section: Section, carried: Carried, exercise: boolean, locale: Locale = defaultLocale): WrittenMath[] | string {
	const tb = textbookNotation(net);
	const out: WrittenMath[] = [];
	for (const g of groupsOf(section.steps)) {
		const m = section.kind === 'layer' || section.kind === 'update' ? matrixChain(net, g, carried, exercise, tb) : undefined;
		if (m) { out.push(m); continue; }
		for (const f of g.steps) {
			const w = writeChain(net, f, tb, carried, exercise);
			if (!w) return message('generate.digitsShort', { label: net.label(f.of) }, locale);
			out.push({ math: w.math, answers: [{ math: f.of.endsWith(':new') ? w.solution : `${tb.label(f.of)} = ${w.result}` }] });
		}
	}
	return out;
}
