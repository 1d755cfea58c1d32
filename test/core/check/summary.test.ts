/**
 * The summary counts each chain once, as checked, wrong (an error or warning inside it) or
 * unchecked, in time linear in the chains and diagnostics: 100,000 of each, every chain clean and
 * every diagnostic elsewhere, is the case where comparing every chain with every diagnostic took
 * minutes. The bound is relative to sorting the same diagnostics, measured in the same test.
 */
import * as assert from 'assert';
import { summarize } from '../../../src/core/check/analyze';
import type { ChainStatus } from '../../../src/core/check/context';
import type { Diagnostic } from '../../../src/core/check/diagnostic';
import { fastest } from '../../shared/timing';

const span = (start: number, end: number) => ({ start, end });
const diag = (start: number, end: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ code: 'arithmetic', severity, message: 'm', span: span(start, end) });

suite('summary', () => {
	test('counts a chain as wrong when an error or warning lies inside it, not a hint or one outside', () => {
		const chains = [span(0, 10), span(10, 20), span(20, 30), span(30, 40), span(40, 50)].map((s) => ({ span: s }));
		const status: ChainStatus[] = ['checked', 'checked', 'checked', 'unchecked', 'checked'];
		const ds = [diag(2, 4, 'hint'), diag(5, 12), diag(14, 16, 'warning'), diag(24, 26, 'hint'), diag(32, 33), diag(41, 42)];
		assert.deepStrictEqual(summarize(chains, status, ds, new Set(['x'])), { checked: 4, wrong: 2, unchecked: 1, uncheckedNames: ['x'], suppressed: 0 });
	});

	test('is linear in the chains and diagnostics (100,000 of each)', () => {
		const n = 100_000;
		// Every chain is clean and every diagnostic lies after the last chain: the old search read all of them for each chain.
		const chains = Array.from({ length: n }, (_, i) => ({ span: span(10 * i, 10 * i + 5) }));
		const status: ChainStatus[] = new Array(n).fill('checked');
		const ds = Array.from({ length: n }, (_, i) => diag(10 * n + i, 10 * n + i + 1));
		let wrong = -1;
		const t = fastest(() => { wrong = summarize(chains, status, ds, new Set()).wrong; });
		const base = fastest(() => [...ds].sort((a, b) => a.span.start - b.span.start));
		assert.strictEqual(wrong, 0);
		assert.ok(t < 20 * base + 20, `${t.toFixed(1)} ms against ${base.toFixed(1)} ms to sort the diagnostics`);
	});
});
