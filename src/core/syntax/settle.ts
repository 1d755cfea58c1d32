/**
 * Settling marks over a whole document (DESIGN 2.3). A marked name is its own name — `\hat{y}_1`
 * beside `y_1` is the prediction beside the target — and it means its unmarked base only when the
 * base means nothing else: when no unmarked name of the document, and no name the network block
 * declares, has the same key. The seeds write `\bar{in}_{o1}` for `in_{o1}` throughout: with no
 * bare `in_{o1}` anywhere, the two are one name. Whether the document marks a prediction
 * (`\hat{y}`) is also read here, since it decides that `y_j` is the target.
 *
 * Settling rewrites the keys of marked names in place, right after parsing and before any checker
 * reads a key, so every later layer compares names by key alone. It writes both keys from the
 * name's parts, marked or not, so a statement settled by an earlier check settles afresh: the
 * parse memo keeps the statements a check settled and hands out copies of them.
 */
import type { NameRef, Statement } from './ast';
import { nameKeyOf } from './names';
import { nodesOf } from './walk';

export interface SettledNames {
	/** True when the document writes `\hat{y}` (or `\hat{o}`) for the prediction. */
	readonly marksPrediction: boolean;
	/**
	 * For the unmarked key of every marked name, whether its marks were dropped: two checks whose
	 * decisions are equal settled every marked name they share alike (`check/reuse.ts` reads it).
	 */
	readonly decisions: ReadonlyMap<string, boolean>;
}

function* namesOf(statements: readonly Statement[]): Generator<NameRef> {
	for (const s of statements) {
		for (const m of s.members) {
			for (const e of nodesOf(m)) {
				if (e.kind === 'name') yield e.name;
				else if (e.kind === 'derivative') {
					yield e.of;
					yield e.wrt;
				}
			}
		}
	}
}

/**
 * Drops the marks of marked names whose base means nothing else, and says whether a prediction
 * is marked. With `$$\bar{in}_{o1} = 0.5$$` alone, the name's key becomes `ino1`; beside
 * `$$in_{o1} = 0.4$$` it stays `bar.ino1`.
 */
export function settleMarks(statements: readonly Statement[], reserved: ReadonlySet<string>): SettledNames {
	const plain = new Set<string>();
	const marked: NameRef[] = [];
	let marksPrediction = false;
	for (const n of namesOf(statements)) {
		if (n.marks.length === 0) plain.add(n.baseKey);
		else {
			marked.push(n);
			if (n.marks[0] === 'hat' && (n.base === 'y' || n.base === 'Y' || n.base === 'o')) marksPrediction = true;
		}
	}
	const decisions = new Map<string, boolean>();
	for (const n of marked) {
		const unmarked = nameKeyOf([], n.base, n.layer, n.sub);
		const kept = plain.has(unmarked) || reserved.has(unmarked);
		decisions.set(unmarked, !kept);
		// Both keys are written from the name's parts, so settling a name settled before gives what settling it fresh gives.
		const key = kept ? nameKeyOf(n.marks, n.base, n.layer, n.sub) : unmarked;
		const settled = n as { -readonly [K in keyof NameRef]: NameRef[K] };
		settled.baseKey = key;
		settled.key = n.updated ? `${key}'` : key;
	}
	return { marksPrediction, decisions };
}
