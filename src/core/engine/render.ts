/**
 * LaTeX for terms, as an author would write them: `k_{13} \cdot outpp_{1} + … + b_{1}`,
 * `\sigma(in_{C1})`, `out_{C1} (1 - out_{C1})`, `\frac{1}{2} (…)`. Parentheses appear only where
 * precedence needs them; negative constants in products are parenthesised as the seeds do.
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

function wrap(t: Term, label: (id: QuantityId) => string, min: number): string {
	const s = renderTerm(t, label);
	return level(t) < min ? `(${s})` : s;
}

/**
 * Renders a term; `label` gives each quantity's canonical name. The seed's pre-activation
 * renders as `k_{13} \cdot outpp_{1} + k_{12} \cdot outpp_{2} + k_{11} \cdot outpp_{3} + b_{1}`.
 */
export function renderTerm(t: Term, label: (id: QuantityId) => string): string {
	switch (t.op) {
		case 'num': return t.text ?? numberText(t.value);
		case 'ref': return label(t.id);
		case 'sum': return t.terms.map((x, i) => {
			const s = wrap(x, label, 1);
			return i === 0 ? s : s.startsWith('-') ? ` - ${s.slice(1).trimStart()}` : ` + ${s}`;
		}).join('');
		case 'sub': return `${wrap(t.a, label, 1)} - ${wrap(t.b, label, 2)}`;
		case 'neg': return `-${wrap(t.a, label, 2)}`;
		case 'prod': return t.factors.map((x, i) => {
			const s = wrap(x, label, 2);
			const prev = t.factors[i - 1];
			const implicit = i > 0 && x.op === 'sub' && prev?.op === 'ref';
			return i === 0 ? s : implicit ? ` ${s}` : ` \\cdot ${s}`;
		}).join('');
		case 'div': return `\\frac{${renderTerm(t.a, label)}}{${renderTerm(t.b, label)}}`;
		case 'sq': return `${wrap(t.a, label, 3)}^2`;
		case 'call': {
			const args = t.args.map((x) => renderTerm(x, label)).join(', ');
			if (t.fn === 'max') return `\\max\\{${args}\\}`;
			if (t.fn === 'exp') return `e^{${args}}`;
			if (t.fn === 'ln') return `\\ln ${wrap(t.args[0], label, 3)}`;
			return `${FN_TEX[t.fn]}(${args})`;
		}
	}
}
