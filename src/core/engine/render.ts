/**
 * LaTeX for terms, as an author would write them: `k_{13} \cdot outpp_{1} + … + b_{1}`,
 * `\sigma(in_{C1})`, `out_{C1} (1 - out_{C1})`, `\frac{1}{2} (…)`. Parentheses appear only where
 * precedence needs them; negative constants in products are parenthesised as the seeds do.
 * A budget in characters bounds the work: a sum or product stops at the first term past it and
 * ends in `\dots`, so a pooling window of a million elements renders in a few kilobytes.
 */
import type { QuantityId, Term } from './term';

const FN_TEX: Record<string, string> = {
	sigmoid: '\\sigma', tanh: '\\tanh', relu: '\\operatorname{ReLU}', leaky_relu: '\\operatorname{LeakyReLU}',
	step: '\\mathbb{1}', leaky_step: '\\operatorname{LeakyReLU}\'', exp: '\\exp', ln: '\\ln', max: '\\max',
};

function numberText(v: number): string {
	if (Number.isInteger(v)) return String(v);
	return String(Number(v.toPrecision(6)));
}

/** Binding strength: 1 sums, 2 products, 3 atoms. */
function level(t: Term): number {
	switch (t.op) {
		case 'sum': case 'sub': case 'neg': return 1;
		case 'prod': return 2;
		case 'num': return t.value < 0 && !t.text ? 1 : 3;
		default: return 3;
	}
}

/** What is left of a render's budget, in characters, and whether anything was left out. */
interface Budget { left: number; cut: boolean }

function wrap(t: Term, label: (id: QuantityId) => string, min: number, b: Budget): string {
	const s = render(t, label, b);
	return level(t) < min ? `(${s})` : s;
}

/** The pieces of a sum or product, up to the first one past the budget; then `more` stands for the rest. */
function pieces(items: readonly Term[], piece: (x: Term, i: number) => string, more: string, b: Budget): string {
	let out = '';
	for (let i = 0; i < items.length; i++) {
		if (i > 0 && b.left <= 0) { b.cut = true; return out + more; }
		const s = piece(items[i], i);
		b.left -= s.length;
		out += s;
	}
	return out;
}

function render(t: Term, label: (id: QuantityId) => string, b: Budget): string {
	switch (t.op) {
		case 'num': return t.text ?? numberText(t.value);
		case 'ref': return label(t.id);
		case 'sum': return pieces(t.terms, (x, i) => {
			const s = wrap(x, label, 1, b);
			return i === 0 ? s : s.startsWith('-') ? ` - ${s.slice(1).trimStart()}` : ` + ${s}`;
		}, ' + \\dots', b);
		case 'sub': return `${wrap(t.a, label, 1, b)} - ${wrap(t.b, label, 2, b)}`;
		case 'neg': return `-${wrap(t.a, label, 2, b)}`;
		case 'prod': return pieces(t.factors, (x, i) => {
			const s = wrap(x, label, 2, b);
			const prev = t.factors[i - 1];
			const implicit = i > 0 && x.op === 'sub' && prev?.op === 'ref';
			return i === 0 ? s : implicit ? ` ${s}` : ` \\cdot ${s}`;
		}, ' \\cdots', b);
		case 'div': return `\\frac{${render(t.a, label, b)}}{${render(t.b, label, b)}}`;
		case 'sq': return `${wrap(t.a, label, 3, b)}^2`;
		case 'call': {
			const args = pieces(t.args, (x, i) => (i === 0 ? '' : ', ') + render(x, label, b), ', \\dots', b);
			if (t.fn === 'max') return `\\max\\{${args}\\}`;
			if (t.fn === 'exp') return `e^{${args}}`;
			if (t.fn === 'ln') return `\\ln ${wrap(t.args[0], label, 3, b)}`;
			return `${FN_TEX[t.fn]}(${args})`;
		}
	}
}

/**
 * Renders a term; `label` gives each quantity's canonical name. The seed's pre-activation
 * renders as `k_{13} \cdot outpp_{1} + k_{12} \cdot outpp_{2} + k_{11} \cdot outpp_{3} + b_{1}`.
 */
export function renderTerm(t: Term, label: (id: QuantityId) => string): string {
	return render(t, label, { left: Infinity, cut: false });
}

/**
 * Renders a term in about `max` characters (one term past it at most): a longer sum or product
 * ends in `\dots`, and `cut` says so. `renderTermBounded(pool, label, 2000)` on a window of a
 * million inputs gives the first few hundred and `cut: true`.
 */
export function renderTermBounded(t: Term, label: (id: QuantityId) => string, max: number): { text: string; cut: boolean } {
	const b: Budget = { left: max, cut: false };
	const text = render(t, label, b);
	return { text, cut: b.cut };
}
