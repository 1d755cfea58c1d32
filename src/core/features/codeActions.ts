/**
 * Code actions: a quick fix for each diagnostic that carries one (it replaces exactly the wrong
 * number), and "fix all" for a code family. Fixes never overlap: when two would touch the same
 * text, the first in the document wins and the other waits for the re-check.
 */
import type { Diagnostic, DiagnosticCode, TextEdit } from '../check/diagnostic';
import type { CodeAction } from '../service';
import { overlaps, type Span } from '../text/span';

/** All fixes of the given codes, in document order, none overlapping another. */
export function collectFixes(diagnostics: readonly Diagnostic[], codes: readonly DiagnosticCode[]): { edits: TextEdit[]; fixed: Diagnostic[] } {
	const edits: TextEdit[] = [];
	const fixed: Diagnostic[] = [];
	for (const d of [...diagnostics].sort((a, b) => a.span.start - b.span.start)) {
		if (!d.fix || !codes.includes(d.code)) continue;
		if (edits.some((e) => overlaps(e.span, d.fix!.span))) continue;
		edits.push(d.fix);
		fixed.push(d);
	}
	return { edits, fixed };
}

/** The code actions for the diagnostics under `range`. */
export function codeActionsFor(diagnostics: readonly Diagnostic[], range: Span): CodeAction[] {
	const actions: CodeAction[] = [];
	for (const d of diagnostics) {
		if (!d.fix || !overlaps(d.span, range)) continue;
		actions.push({ title: `Replace ${d.stated ?? 'the number'} with ${d.fix.newText}`, kind: 'quickfix', edits: [d.fix], diagnostics: [d], isPreferred: true });
	}
	const families: [DiagnosticCode, string][] = [['arithmetic', 'Fix all arithmetic in this file'], ['value', "Fix all values in this file to the network's"]];
	for (const [code, title] of families) {
		const here = diagnostics.some((d) => d.code === code && overlaps(d.span, range));
		const all = collectFixes(diagnostics, [code]);
		if (here && all.edits.length > 1) actions.push({ title: `${title} (${all.edits.length})`, kind: 'quickfix', edits: all.edits, diagnostics: all.fixed });
	}
	const everything = collectFixes(diagnostics, ['arithmetic', 'value']);
	if (everything.edits.length > 0) {
		const onlyArithmetic = everything.fixed.every((d) => d.code === 'arithmetic');
		actions.push({ title: onlyArithmetic ? 'Fix all arithmetic in this file' : 'Fix all arithmetic and values in this file', kind: 'source.fixAll', edits: everything.edits, diagnostics: everything.fixed });
	}
	return actions;
}
