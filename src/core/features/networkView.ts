/**
 * The network panel's data: one network of a document as plain, serialisable JSON — the layers in
 * order with their shapes, each layer's pre-activations, outputs, ∂E/∂out and deltas, each
 * parameter's values, gradients and updated values, every element with its canonical name and
 * true value and, where the document states a number for it, that number, where, and the truth
 * check's verdict on it. The panel (src/client/panel) only draws what this returns.
 *
 * Strategy: everything is read from a finished analysis, nothing is checked again. The true values
 * come from the engine's run (`Network.layers`, the same arrays `table.ts` reads); what the document
 * stated comes from the truth checker's facts, one per number it judged, so the panel and the
 * diagnostics agree by construction: a number is marked wrong exactly when a finding sits on it.
 * When a quantity is stated more than once, the statement that went wrong is the one shown (the
 * first of them), else the first. Bounded: a table over
 * `MAX_PANEL_GRID_CELLS` elements, or past `MAX_PANEL_CELLS` in all, keeps its shape and range but
 * not its elements, and says so (`omitted`); formulas are cut at `MAX_FORMULA_CHARS`.
 */
import { MAX_FORMULA_CHARS, MAX_PANEL_CELLS, MAX_PANEL_GRID_CELLS } from '../budgets';
import { truthAt, type Analysis } from '../check/analyze';
import type { Diagnostic } from '../check/diagnostic';
import type { TruthFact } from '../check/truth/checker';
import { ids, parseId, renderTermBounded, type LayerSpec, type Network, type QuantityId, type Shape } from '../engine/index';
import type { Span } from '../text/span';
import type { Locale } from '../messages/locale';
import { message } from '../messages/message';

/**
 * The panel's verdict on a stated number: `wrong` when a finding (an error or a warning) sits on it,
 * `carried` when it is off only because it carries an error that starts elsewhere (an `inherited`
 * hint, or a chain whose finding is on another number), `ok` when it is the network's value or its
 * rounding carried forward.
 */
export type Verdict = 'wrong' | 'carried' | 'ok';

/** What the document states for one element, and the verdict on it. */
export interface StatedView {
	/** The number as written. */
	readonly text: string;
	readonly verdict: Verdict;
	/** Where the number is written (absolute offsets), for "reveal in the editor". */
	readonly span: Span;
	/** Its 1-based line. */
	readonly line: number;
	/** The finding on it, when there is one: its code and message. */
	readonly code?: string;
	readonly message?: string;
	/** Where a carried error starts, when the check knows: its 1-based line. */
	readonly originLine?: number;
}

/** One element of a table. */
export interface CellView {
	readonly id: QuantityId;
	/** The canonical name, LaTeX: `out_{C3}`. */
	readonly label: string;
	/** The network's value; null where it has none (a parameter updated without a learning rate). */
	readonly value: number | null;
	readonly stated?: StatedView;
}

export type GridRole = 'input' | 'target' | 'pre' | 'out' | 'dout' | 'delta' | 'weights' | 'weightsGrad' | 'weightsNew' | 'bias' | 'biasGrad' | 'biasNew';

/** One table: channels × rows × columns of cells, flat in that order. */
export interface GridView {
	readonly role: GridRole;
	readonly title: string;
	readonly channels: number;
	readonly rows: number;
	readonly cols: number;
	/** The smallest and largest finite value, for the heatmap's scale. */
	readonly min: number;
	readonly max: number;
	/** Absent when the table is over its budget (`omitted` says so). */
	readonly cells?: readonly CellView[];
	readonly omitted?: string;
}

export interface ShapeView {
	readonly channels: number;
	readonly rows: number;
	readonly cols: number;
}

export interface LayerView {
	readonly index: number;
	readonly name: string;
	/** `conv1d`, `conv2d`, `maxpool`, `avgpool2d`, `flatten`, `dense`, `activation`. */
	readonly kind: string;
	readonly activation?: string;
	readonly inShape: ShapeView;
	readonly outShape: ShapeView;
	/** The first element's local formula, LaTeX: `in_{C1} = k_{13} \cdot outpp_{1} + …`. */
	readonly formula?: string;
	readonly grids: readonly GridView[];
}

export interface NetworkView {
	/** How many network blocks of the document build; the view is of one of them. */
	readonly networks: number;
	/** Which (0-based, in document order). */
	readonly network: number;
	readonly loss: { readonly kind: string; readonly cell: CellView };
	readonly input: GridView;
	readonly target: GridView;
	readonly layers: readonly LayerView[];
	/** Elements whose stated number has a finding on it (verdict `wrong`). */
	readonly wrong: number;
	/** Elements whose stated number carries an error that starts elsewhere (verdict `carried`). */
	readonly carried: number;
	/** Elements the document states a number for. */
	readonly stated: number;
	/** The element asked for (`key`), when the network has it. */
	readonly highlight?: QuantityId;
}

export interface NetworkViewRequest {
	/** The network that governs this offset; absent, the first. */
	readonly offset?: number;
	/** A name key (`outC3`, `hat.y1`) or a quantity id (`L0:out:2`) to highlight. */
	readonly key?: string;
}

const rank: Record<Verdict, number> = { wrong: 0, carried: 1, ok: 2 };

/** The verdict on one judged number: the finding on its span decides; without one, the truth check's status. */
function verdictOf(f: TruthFact, finding: Diagnostic | undefined): Verdict {
	if (finding && (finding.severity === 'error' || finding.severity === 'warning')) return 'wrong';
	if (finding || f.status === 'value' || f.status === 'inherited') return 'carried';
	return 'ok';
}

/**
 * What the document states per quantity, from the truth facts and the findings shown: the number's
 * own span, the worst verdict first (the first such statement when there are several).
 */
function statedByQuantity(a: Analysis, facts: readonly TruthFact[], diagnostics: readonly Diagnostic[]): Map<QuantityId, StatedView> {
	const findings = new Map<string, Diagnostic>();
	for (const d of diagnostics) if (!findings.has(`${d.span.start}:${d.span.end}`)) findings.set(`${d.span.start}:${d.span.end}`, d);
	const lineOf = (offset: number) => a.lines.positionAt(offset).line + 1;
	const out = new Map<QuantityId, StatedView>();
	for (const f of facts) {
		if (f.stated === undefined || f.status === 'unstated') continue;
		// Each judged number is recorded at the number and at the member it is stated for; the number is where a click goes.
		if (a.text.slice(f.span.start, f.span.end).trim() !== f.stated.trim()) continue;
		const finding = findings.get(`${f.span.start}:${f.span.end}`);
		const verdict = verdictOf(f, finding);
		const seen = out.get(f.id);
		if (seen && rank[seen.verdict] <= rank[verdict]) continue;
		const origin = finding?.origin ?? f.origin;
		out.set(f.id, {
			text: f.stated,
			verdict,
			span: f.span,
			line: lineOf(f.span.start),
			...(finding ? { code: finding.code, message: finding.message } : {}),
			...(verdict === 'carried' && origin ? { originLine: lineOf(origin.start) } : {}),
		});
	}
	return out;
}

/** The kind of a layer as the block writes it: `conv1d`, `maxpool2d`, `dense`. */
function kindOf(spec: LayerSpec): string {
	switch (spec.kind) {
		case 'conv': return `conv${spec.dims}d`;
		case 'pool': return `${spec.mode}pool${spec.dims === 2 ? '2d' : ''}`;
		default: return spec.kind;
	}
}

function shapeOf(s: Shape): ShapeView {
	return { channels: s.channels, rows: s.rows, cols: s.cols };
}

/** Builds tables within the view's budget. */
class Grids {
	private shown = 0;

	constructor(private readonly net: Network, private readonly stated: ReadonlyMap<QuantityId, StatedView>) {}

	grid(role: GridRole, title: string, shape: ShapeView, values: ArrayLike<number>, id: (j: number) => QuantityId): GridView {
		let min = Infinity, max = -Infinity;
		for (let j = 0; j < values.length; j++) {
			const v = values[j];
			if (Number.isFinite(v)) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		const base = { role, title, ...shape, min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 0 };
		const n = values.length;
		if (n > MAX_PANEL_GRID_CELLS || this.shown + n > MAX_PANEL_CELLS) {
			const limit = n > MAX_PANEL_GRID_CELLS ? `more than ${MAX_PANEL_GRID_CELLS.toLocaleString('en-US')} elements, the most a table shows` : `the panel shows at most ${MAX_PANEL_CELLS.toLocaleString('en-US')} elements in all`;
			return { ...base, omitted: `${n.toLocaleString('en-US')} elements: ${limit}.` };
		}
		this.shown += n;
		const cells: CellView[] = [];
		for (let j = 0; j < n; j++) {
			const q = id(j);
			const v = values[j];
			const s = this.stated.get(q);
			cells.push({ id: q, label: this.net.label(q), value: Number.isFinite(v) ? v : null, ...(s ? { stated: s } : {}) });
		}
		return { ...base, cells };
	}
}

/** A parameter tensor's shape as a table: kernels as (kernel × channel) grids of rows × columns, dense weights units × inputs, biases one row. */
function paramShape(spec: LayerSpec, kind: 'w' | 'b', length: number): ShapeView {
	if (kind === 'b') return { channels: 1, rows: 1, cols: length };
	if (spec.kind === 'conv') return { channels: spec.outChannels * spec.inChannels, rows: spec.kh, cols: spec.kw };
	if (spec.kind === 'dense') return { channels: 1, rows: spec.units, cols: length / spec.units };
	return { channels: 1, rows: 1, cols: length };
}

function formulaOf(net: Network, l: number): string | undefined {
	const L = net.layers[l];
	const id = ids.layer(l, L.pre ? 'pre' : 'out', 0);
	const f = net.formula(id);
	if (!f) return undefined;
	const r = renderTermBounded(f.rhs, (q) => net.label(q), MAX_FORMULA_CHARS);
	return `${net.label(id)} = ${r.text}${r.cut ? ' \\cdots' : ''}`;
}

function layerView(net: Network, l: number, grids: Grids, locale: Locale | undefined): LayerView {
	const L = net.layers[l];
	const out: GridView[] = [];
	const shape = shapeOf(L.outShape);
	for (const role of ['pre', 'out', 'dout', 'delta'] as const) {
		const values = L[role];
		if (values) out.push(grids.grid(role, message(`view.${role}`, {}, locale), shape, values, (j) => ids.layer(l, role, j)));
	}
	const params = [
		[L.weights, 'w', 'weights', 'weightsGrad', 'weightsNew', L.spec.kind === 'conv' ? 'view.kernel' : 'view.weight'],
		[L.bias, 'b', 'bias', 'biasGrad', 'biasNew', 'view.bias'],
	] as const;
	for (const [p, kind, role, gradRole, newRole, nounId] of params) {
		if (!p) continue;
		const s = paramShape(L.spec, kind, p.value.length);
		const noun = message(nounId, {}, locale);
		out.push(grids.grid(role, message('view.values', { noun }, locale), s, p.value, (i) => ids.param(l, kind, i)));
		out.push(grids.grid(gradRole, message('view.gradients', { noun }, locale), s, p.grad, (i) => ids.param(l, kind, i, 'grad')));
		out.push(grids.grid(newRole, message('view.updated', { noun }, locale), s, p.updated, (i) => ids.param(l, kind, i, 'new')));
	}
	const spec = L.spec;
	const activation = 'activation' in spec ? spec.activation.kind : undefined;
	return {
		index: l,
		name: net.layerName(l),
		kind: kindOf(spec),
		...(activation ? { activation } : {}),
		inShape: shapeOf(L.inShape),
		outShape: shape,
		...(formulaOf(net, l) !== undefined ? { formula: formulaOf(net, l) } : {}),
		grids: out,
	};
}

/** The quantity a key names: a quantity id of the network, or the name key of a name the document writes. */
function highlightOf(a: Analysis, net: Network, facts: readonly TruthFact[], key: string | undefined): QuantityId | undefined {
	if (!key) return undefined;
	if (parseId(key) && net.value(key) !== undefined) return key;
	for (const n of a.names) {
		if (n.key !== key) continue;
		const fact = facts.find((f) => f.span.start === n.span.start && f.span.end === n.span.end && !f.id.startsWith('d:'));
		if (fact) return fact.id;
		if (n.name) {
			const r = net.resolve(n.name, a.nameScope);
			if (r.kind === 'quantity') return r.id;
		}
	}
	return undefined;
}

/**
 * The view of the network that governs `request.offset` (else the first that builds), or undefined
 * when the document has none. For examples/cnn-1d-mistakes.md, `networkView(a)!.layers[0].name` is
 * `CC`, its `out` grid holds `out_{CC1}` = 0.646…, and the softmax output the document mis-divides
 * (`out_{o1}`, 0.813) has the verdict `wrong`. `diagnostics` are the findings shown (after
 * suppressions and severity settings); they decide which numbers are `wrong`.
 */
export function networkView(a: Analysis, request: NetworkViewRequest = {}, diagnostics: readonly Diagnostic[] = a.diagnostics): NetworkView | undefined {
	const built = a.segments.filter((s) => s.truth);
	if (built.length === 0) return undefined;
	const truth = (request.offset !== undefined ? truthAt(a, request.offset) : undefined) ?? built[0].truth!;
	const net = truth.net;
	const stated = statedByQuantity(a, truth.facts, diagnostics);
	const grids = new Grids(net, stated);
	const input = grids.grid('input', message('view.input', {}, a.locale), shapeOf(net.spec.inputShape), net.spec.input, (j) => ids.input(j));
	const target = grids.grid('target', message('view.target', {}, a.locale), { channels: 1, rows: 1, cols: net.spec.target.length }, net.spec.target, (j) => ids.target(j));
	const layers = net.layers.map((_, l) => layerView(net, l, grids, a.locale));
	const loss = stated.get('E');
	let wrong = 0, carried = 0;
	for (const s of stated.values()) {
		if (s.verdict === 'wrong') wrong++;
		else if (s.verdict === 'carried') carried++;
	}
	const highlight = highlightOf(a, net, truth.facts, request.key);
	return {
		networks: built.length,
		network: built.findIndex((s) => s.truth === truth),
		loss: { kind: net.spec.loss, cell: { id: 'E', label: 'E', value: Number.isFinite(net.loss) ? net.loss : null, ...(loss ? { stated: loss } : {}) } },
		input,
		target,
		layers,
		wrong,
		carried,
		stated: stated.size,
		...(highlight ? { highlight } : {}),
	};
}
