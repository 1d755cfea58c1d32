/**
 * The summary counts what the Problems panel and the unchecked list show: `wrong` is one per
 * finding (every severity but hint), not one per chain that holds findings; `unchecked` is the
 * chains not understood plus the names that could not be placed, so it is never smaller than the
 * list of names. It stays linear: 100,000 chains and diagnostics take about as long as sorting them.
 */
import * as assert from 'assert';
import { countFindings, summarize } from '../../../src/core/check/analyze';
import type { ChainStatus } from '../../../src/core/check/context';
import type { Diagnostic } from '../../../src/core/check/diagnostic';
import type { Summary } from '../../../src/core/service';
import { fastest } from '../../shared/timing';

const span = (start: number, end: number) => ({ start, end });
const diag = (start: number, end: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ code: 'arithmetic', severity, message: 'm', span: span(start, end) });

suite('summary', () => {
	const cases: { name: string; status: ChainStatus[]; ds: Diagnostic[]; names: string[]; want: Omit<Summary, 'suppressed'> }[] = [
		{
			name: 'counts every finding but hints, two in one chain as two',
			status: ['checked', 'checked', 'checked', 'unchecked', 'checked', 'given'],
			ds: [diag(2, 4, 'hint'), diag(5, 6), diag(7, 8, 'warning'), diag(14, 16, 'information'), diag(24, 26, 'hint'), diag(32, 33)],
			names: ['x'],
			want: { checked: 4, wrong: 4, unchecked: 2, uncheckedNames: ['x'] },
		},
		{
			name: 'counts a finding outside every chain (a bad network block) too',
			status: ['checked'],
			ds: [{ ...diag(0, 3), code: 'network' }],
			names: [],
			want: { checked: 1, wrong: 1, unchecked: 0, uncheckedNames: [] },
		},
		{
			name: 'never says 0 unchecked beside a list of unchecked names',
			status: ['checked', 'checked'],
			ds: [],
			names: ['b_1', 'w_{11}'],
			want: { checked: 2, wrong: 0, unchecked: 2, uncheckedNames: ['b_1', 'w_{11}'] },
		},
		{
			name: 'counts no `unchecked` bookkeeping diagnostic as a finding',
			status: ['unchecked'],
			ds: [{ ...diag(0, 3, 'information'), code: 'unchecked' }],
			names: [],
			want: { checked: 0, wrong: 0, unchecked: 1, uncheckedNames: [] },
		},
	];
	for (const c of cases) {
		test(c.name, () => {
			assert.deepStrictEqual(summarize(c.status, c.ds, new Set(c.names)), { ...c.want, suppressed: 0 });
			assert.strictEqual(countFindings(c.ds), c.want.wrong);
		});
	}

	test('is linear in the chains and diagnostics (100,000 of each)', () => {
		const n = 100_000;
		const status: ChainStatus[] = new Array(n).fill('checked');
		const ds = Array.from({ length: n }, (_, i) => diag(10 * n + i, 10 * n + i + 1));
		let wrong = -1;
		const t = fastest(() => { wrong = summarize(status, ds, new Set()).wrong; });
		const base = fastest(() => [...ds].sort((a, b) => a.span.start - b.span.start));
		assert.strictEqual(wrong, n);
		assert.ok(t < 20 * base + 20, `${t.toFixed(1)} ms against ${base.toFixed(1)} ms to sort the diagnostics`);
	});
});
