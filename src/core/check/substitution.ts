/**
 * The `substitution` check (DESIGN 3.3): where a numeric member has the shape of the symbolic
 * member before it (`coef_{o1} \cdot out_{C1} = (-0.177) \cdot 0.588`), each number is checked
 * against the value the document stated earlier for the name it stands for, so the squiggle lands
 * on the one number that was copied wrong. A name the document never gave a value is not checked.
 * In an update chain `w_1 = w_1 - \alpha … = 0.1 - …`, the number written for the updated name
 * itself is its starting value, which only the network can judge, so it is left to the truth check;
 * from then on it is the name's value before the update, still acceptable beside the value after.
 */
import { intersects } from '../eval/interval';
import { isNumeric } from '../eval/evaluate';
import type { Expr } from '../syntax/ast';
import { someNode } from '../syntax/walk';
import type { Chain } from './chains';
import { lineOf, type CheckContext } from './context';
import { derivativeKey, namedMember, type StatedValue } from './facts';
import { inputInterval, signedLiteral } from './literal';
import { pairLeaves } from './shape';
import { message } from '../messages/message';

/**
 * The key of the name an update chain updates (`w1` for `w_1 = w_1 - \alpha …`), if it is one. An
 * assignment is an update whatever its right side says (`w_1 \gets 0.3 - 0.05 = 0.25`, DESIGN 2.2).
 */
export function updatedKey(chain: Chain): string | undefined {
	const head = namedMember(chain.members[0]);
	if (!head?.name) return undefined;
	if (chain.relations[0]?.kind === 'assign') return head.key;
	for (const m of chain.members.slice(1)) if (mentions(m, head.key)) return head.key;
	return undefined;
}

function mentions(e: Expr, key: string): boolean {
	return someNode(e, (x) => x.kind === 'name' && x.name.key === key);
}

function describe(v: StatedValue, ctx: CheckContext): string {
	return message(v.update ? 'substitution.statedAfterUpdate' : 'substitution.statedAt', { value: v.text, line: lineOf(ctx, v.span.start) }, ctx.locale);
}

/** Checks one chain; returns how many numbers it compared with a stated value. */
export function checkSubstitution(chain: Chain, ctx: CheckContext): number {
	const selfKey = updatedKey(chain);
	let compared = 0;
	for (let i = 1; i < chain.members.length; i++) {
		const numeric = chain.members[i];
		const symbolic = chain.members[i - 1];
		if (!isNumeric(numeric) || signedLiteral(numeric, ctx.text) || isNumeric(symbolic)) continue;
		const pairs = pairLeaves(symbolic, numeric, ctx.text);
		if (!pairs) continue;
		for (const { symbol, number } of pairs) {
			const key = symbol.kind === 'name' ? symbol.name.key : derivativeKey(symbol);
			const written = ctx.text.slice(symbol.span.start, symbol.span.end);
			const iv = inputInterval(number.node, ctx.policy);
			const signed = number.value < 0 ? { lo: -iv.hi, hi: -iv.lo } : iv;
			if (key === selfKey) {
				// The starting value of an update: from here on it is the name's value before the update.
				ctx.facts.add({ key, written, value: number.value, iv: signed, text: number.text, span: number.span, chain: chain.index, update: false });
				ctx.truth?.substitution(symbol, number, signed, true);
				continue;
			}
			if (ctx.truth?.substitution(symbol, number, signed, false, chain)) {
				compared++;
				continue;
			}
			const acceptable = ctx.facts.acceptable(key, chain.index);
			if (acceptable.length === 0) {
				ctx.uncheckedNames.add(written);
				ctx.substitutions.push({ number, iv: signed, symbol: symbol.span, key, written, acceptable });
				continue;
			}
			compared++;
			const holds = acceptable.some((v) => intersects(v.iv, signed));
			ctx.substitutions.push({ number, iv: signed, symbol: symbol.span, key, written, acceptable, holds });
			if (holds) continue;
			const latest = acceptable[0];
			const also = acceptable.length > 1 ? message('substitution.alsoBefore', { value: describe(acceptable[1], ctx) }, ctx.locale) : '';
			ctx.diagnostics.push({
				code: 'substitution',
				severity: 'warning',
				span: number.span,
				message: message('substitution.stated', { number: number.text, name: written, value: describe(latest, ctx), also }, ctx.locale),
				stated: number.text,
				expected: latest.text,
				related: acceptable.map((v) => ({ span: v.span, message: message('substitution.statedHere', { name: written, value: v.text }, ctx.locale) })),
				fix: { span: number.span, newText: latest.text },
			});
		}
	}
	return compared;
}
