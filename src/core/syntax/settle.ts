/**
 * Settling marks over a whole document (DESIGN 2.3). A marked name is its own name — `\hat{y}_1`
 * beside `y_1` is the prediction beside the target — and it means its unmarked base only when the
 * base means nothing else: when no unmarked name of the document, and no name the network block
 * declares, has the same key. The seeds write `\bar{in}_{o1}` for `in_{o1}` throughout: with no
 * bare `in_{o1}` anywhere, the two are one name. Whether the document marks a prediction
 * (`\hat{y}`) is also read here, since it decides that `y_j` is the target.
 *
 * Settling rewrites the keys of marked names, right after parsing and before any checker reads a
 * key, so every later layer compares names by key alone. It never writes a node that an earlier
 * check may still hold: the parse memo shares statements from one check to the next, so a
 * statement the caller does not own is copied before one of its keys changes (when a decision
 * changed), and left alone when its keys are already right (every keystroke that changes no
 * decision). Each statement's names are found once and kept beside it.
 */
import type { Expr, NameRef, Statement } from './ast';
import { nameKeyOf } from './names';
import { shiftedCopy } from './copy';
import { eachNode } from './walk';

export interface SettledNames {
	/** True when the document writes `\hat{y}` (or `\hat{o}`) for the prediction. */
	readonly marksPrediction: boolean;
	/**
	 * For the unmarked key of every marked name, whether its marks were dropped: two checks whose
	 * decisions are equal settled every marked name they share alike (`check/reuse.ts` reads it).
	 */
	readonly decisions: ReadonlyMap<string, boolean>;
}

/** The names of each statement, found once: a shared statement is settled on every check. */
const namesCache = new WeakMap<Statement, readonly NameRef[]>();

function namesIn(s: Statement): readonly NameRef[] {
	let names = namesCache.get(s);
	if (names) return names;
	const found: NameRef[] = [];
	const visit = (e: Expr) => {
		if (e.kind === 'name') found.push(e.name);
		else if (e.kind === 'derivative') found.push(e.of, e.wrt);
	};
	for (const m of s.members) eachNode(m, visit);
	namesCache.set(s, (names = found));
	return names;
}

/**
 * Drops the marks of marked names whose base means nothing else, and says whether a prediction
 * is marked. With `$$\bar{in}_{o1} = 0.5$$` alone, the name's key becomes `ino1`; beside
 * `$$in_{o1} = 0.4$$` it stays `bar.ino1`. `owned(i)` says whether the caller made statement `i`
 * itself (a fresh parse) and may have it rewritten in place; any other statement whose keys
 * change is replaced in `statements` by a copy.
 */
export function settleMarks(statements: Statement[], reserved: ReadonlySet<string>, owned: (i: number) => boolean): SettledNames {
	const plain = new Set<string>();
	let marksPrediction = false;
	let anyMarked = false;
	for (const s of statements) {
		for (const n of namesIn(s)) {
			if (n.marks.length === 0) plain.add(n.baseKey);
			else {
				anyMarked = true;
				if (n.marks[0] === 'hat' && (n.base === 'y' || n.base === 'Y' || n.base === 'o')) marksPrediction = true;
			}
		}
	}
	const decisions = new Map<string, boolean>();
	if (!anyMarked) return { marksPrediction, decisions };
	// Both keys are written from the name's parts, so a name settled before settles as a fresh one does.
	const keyOf = (n: NameRef): string => {
		const unmarked = nameKeyOf([], n.base, n.layer, n.sub);
		const kept = plain.has(unmarked) || reserved.has(unmarked);
		decisions.set(unmarked, !kept);
		return kept ? nameKeyOf(n.marks, n.base, n.layer, n.sub) : unmarked;
	};
	for (let i = 0; i < statements.length; i++) {
		let names = namesIn(statements[i]);
		let stale = false;
		for (const n of names) if (n.marks.length > 0 && n.baseKey !== keyOf(n)) stale = true;
		if (!stale) continue;
		if (!owned(i)) {
			statements[i] = shiftedCopy(statements[i], 0);
			names = namesIn(statements[i]);
		}
		for (const n of names) {
			if (n.marks.length === 0) continue;
			const key = keyOf(n);
			const settled = n as { -readonly [K in keyof NameRef]: NameRef[K] };
			settled.baseKey = key;
			settled.key = n.updated ? `${key}'` : key;
		}
	}
	return { marksPrediction, decisions };
}
