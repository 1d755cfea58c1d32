/**
 * Fixes that converge and carry forward. Over every fixture with mistakes, fix-all applied until
 * nothing changes stops after one application, and applying it again changes nothing; fixing an
 * origin and recomputing what follows leaves no hint that inherits from it and no new finding.
 * Small documents show one behaviour each: a substitution fix recomputes its line, a value fix the
 * chain's own arithmetic would undo is not offered, and a fix writes the author's precision.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Analysis } from '../../../src/core/check/analyze';
import type { TextEdit } from '../../../src/core/check/diagnostic';
import { codeActionsFor, fixAll } from '../../../src/core/features/codeActions';
import { EditSet } from '../../../src/core/features/editSet';
import { repair } from '../../../src/core/features/repair';
import { analyze } from '../check/harness';

const root = join(__dirname, '..', '..', '..');

function fixtures(): string[] {
	const dirs = ['test/fixtures/truth', 'test/fixtures/docs', 'test/fixtures/notation', 'examples'];
	return dirs.flatMap((d) => {
		try {
			return readdirSync(join(root, d)).filter((f) => /\.(md|tex)$/.test(f) && f !== 'README.md').map((f) => `${d}/${f}`);
		} catch {
			return [];
		}
	});
}


function apply(text: string, edits: readonly TextEdit[]): string {
	let out = text;
	for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
	return out;
}

function languageOf(path: string): 'markdown' | 'latex' {
	return path.endsWith('.tex') ? 'latex' : 'markdown';
}

/** The errors and warnings of an analysis, as code and stated text. */
function wrong(a: Analysis): string[] {
	return a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code} ${d.stated ?? ''}`);
}

suite('fixes that converge', () => {
	for (const path of fixtures()) {
		test(`fix-all on ${path} converges at once, and a second fix-all changes nothing`, async () => {
			let text = readFileSync(join(root, path), 'utf8');
			const before = await analyze(text, languageOf(path));
			let rounds = 0;
			for (let a = before; ; rounds++) {
				assert.ok(rounds <= 2, `fix-all still changes ${path} after ${rounds} rounds`);
				const r = await fixAll(a, a.diagnostics, ['arithmetic', 'value']);
				if (!r || r.edits.length === 0) break;
				assert.deepStrictEqual(r.left.map((d) => `${d.code} ${d.stated}`), [], 'fix-all leaves no finding of its own');
				text = apply(text, r.edits);
				a = await analyze(text, languageOf(path));
				assert.ok(a.summary.wrong <= before.summary.wrong, `fix-all made ${path} worse: ${before.summary.wrong} → ${a.summary.wrong} wrong`);
			}
			assert.ok(rounds <= 1, `fix-all took ${rounds} applications on ${path}`);
		}).timeout(120_000);
	}

	test('fix-all on the mistakes example turns nine findings into seven, not more', async () => {
		const text = readFileSync(join(root, 'examples/cnn-1d-mistakes.md'), 'utf8');
		const a = await analyze(text);
		const r = await fixAll(a, a.diagnostics, ['arithmetic', 'value']);
		assert.ok(r);
		const after = await analyze(apply(text, r.edits));
		assert.strictEqual(a.summary.wrong, 9);
		assert.strictEqual(after.summary.wrong, 7);
		assert.ok(!after.diagnostics.some((d) => d.code === 'arithmetic'), 'no arithmetic error is left');
	});

	test('a value fix the chain’s own arithmetic would undo is not offered', async () => {
		const text = readFileSync(join(root, 'test/fixtures/truth/seed-mistakes.md'), 'utf8');
		const a = await analyze(text);
		const routed = a.diagnostics.filter((d) => d.code === 'value');
		assert.ok(routed.length >= 2, 'the fixture has its max-pool routing mistakes');
		for (const d of routed) {
			const actions = await codeActionsFor(a, a.diagnostics, d.span);
			assert.ok(!actions.some((x) => x.kind === 'quickfix' && x.diagnostics.includes(d)), `no quick fix for ${d.stated}: ${actions.map((x) => x.title).join('; ')}`);
		}
	});
});

suite('fix and carry forward', () => {
	for (const path of fixtures()) {
		test(`fixing each origin in ${path} and recomputing what follows leaves nothing inherited from it`, async () => {
			const text = readFileSync(join(root, path), 'utf8');
			const a = await analyze(text, languageOf(path));
			// Every finding with a fix is an origin; those later values inherit from are the interesting ones.
			const origins = a.diagnostics.filter((d) => d.fix);
			for (const origin of origins) {
				const r = await repair(a, [origin], 'document');
				if (!r) continue;
				assert.deepStrictEqual(r.left.map((d) => `${d.code} ${d.stated}`), [], `carrying ${origin.stated} forward leaves new findings`);
				const set = new EditSet(text);
				for (const e of r.edits) set.set(e.span, e.newText);
				const after = await analyze(set.text(), languageOf(path));
				const inherited = after.diagnostics.filter((d) => d.code === 'inherited' && d.origin && set.toOriginal(d.origin)?.start === origin.span.start);
				assert.deepStrictEqual(inherited.map((d) => d.stated), [], `values still inherit from the fixed ${origin.stated}`);
			}
		}).timeout(120_000);
	}

	test('"Fix this and recompute what follows" rewrites the later uses of 0.813 as one edit list', async () => {
		const text = readFileSync(join(root, 'examples/cnn-1d-mistakes.md'), 'utf8');
		const a = await analyze(text);
		const at = text.indexOf('= 0.813$$');
		const actions = await codeActionsFor(a, a.diagnostics, { start: at + 2, end: at + 2 });
		const onward = actions.find((x) => x.title.startsWith('Fix this and recompute what follows'));
		assert.ok(onward, actions.map((x) => x.title).join('; '));
		const fixed = apply(text, onward.edits);
		assert.ok(!fixed.includes('0.813'), 'no use of the old value is left');
		const after = await analyze(fixed);
		// The other arithmetic error, 0.193 on the update of w_1, is an origin of its own and stays.
		assert.deepStrictEqual(after.diagnostics.filter((d) => d.code === 'arithmetic').map((d) => d.stated), ['0.193']);
		assert.ok(wrong(after).length < wrong(a).length);
	});
});

suite('code actions for a whole document', () => {
	test('a range over every finding gets the file-wide fixes, not a repair per finding', async () => {
		const text = readFileSync(join(root, 'test/fixtures/truth/seed-mistakes.md'), 'utf8');
		const a = await analyze(text);
		const actions = await codeActionsFor(a, a.diagnostics, { start: 0, end: text.length });
		// The one arithmetic error, carried forward; the two value errors have no consistent fix.
		assert.deepStrictEqual(actions.map((x) => [x.kind, x.title]), [['source.fixAll', 'Fix all arithmetic in this file']]);
		assert.ok(actions[0].edits.length > 50, 'the fix of 0.813 is carried through the backward pass');
	}).timeout(120_000);
});

suite('carrying forward without a network', () => {
	test('a fixed result is carried to the later chain that uses it', async () => {
		const text = '$$y = \\frac{2.160}{2.625} = 0.813$$\n\n$$z = 2 y = 2 \\times 0.813 = 1.626$$\n';
		const a = await analyze(text);
		const at = text.indexOf('0.813');
		const titles = (await codeActionsFor(a, a.diagnostics, { start: at, end: at })).map((x) => [x.title, apply(text, x.edits)]);
		assert.deepStrictEqual(titles, [
			['Replace 0.813 with 0.823', text.replace('0.813', '0.823')],
			['Fix this and recompute what follows (3 changes)', '$$y = \\frac{2.160}{2.625} = 0.823$$\n\n$$z = 2 y = 2 \\times 0.823 = 1.646$$\n'],
			['Fix all arithmetic in this file', '$$y = \\frac{2.160}{2.625} = 0.823$$\n\n$$z = 2 y = 2 \\times 0.823 = 1.646$$\n'],
		]);
	});

	test('a fix no later chain depends on offers no carry-forward', async () => {
		const text = '$$y = \\frac{2.160}{2.625} = 0.813$$\n\n$$z = 2 \\times 0.5 = 1$$\n';
		const a = await analyze(text);
		const at = text.indexOf('0.813');
		const titles = (await codeActionsFor(a, a.diagnostics, { start: at, end: at })).map((x) => x.title);
		assert.deepStrictEqual(titles, ['Replace 0.813 with 0.823', 'Fix all arithmetic in this file']);
	});
});

suite('a substitution fix fixes its line', () => {
	test('replacing a mis-copied number recomputes the result of its chain', async () => {
		const text = '$$a = 0.443$$\n\n$$b = 2 \\cdot a = 2 \\times 0.453 = 0.906$$\n\n$$c = b + 1 = 0.906 + 1 = 1.906$$\n';
		const a = await analyze(text);
		assert.deepStrictEqual(wrong(a), ['substitution 0.453']);
		const at = text.indexOf('0.453');
		const actions = await codeActionsFor(a, a.diagnostics, { start: at, end: at });
		assert.strictEqual(actions[0].title, 'Replace 0.453 with 0.443 and recompute the rest of its chain');
		const fixed = apply(text, actions[0].edits);
		assert.strictEqual(fixed, '$$a = 0.443$$\n\n$$b = 2 \\cdot a = 2 \\times 0.443 = 0.886$$\n\n$$c = b + 1 = 0.906 + 1 = 1.906$$\n');
		const after = await analyze(fixed);
		assert.deepStrictEqual(wrong(after), ['substitution 0.906'], 'the quick fix stays in its chain; the next chain is what carrying forward is for');
		const onward = (await repair(a, a.diagnostics.filter((d) => d.code === 'substitution'), 'document'))!;
		assert.strictEqual(apply(text, onward.edits), '$$a = 0.443$$\n\n$$b = 2 \\cdot a = 2 \\times 0.443 = 0.886$$\n\n$$c = b + 1 = 0.886 + 1 = 1.886$$\n');
	});

	test('a correct line offers no fix and a fix of one number touches nothing else that holds', async () => {
		const text = '$$0.3 + 0.4 = 0.7$$\n\n$$0.1 + 0.2 = 0.4$$\n';
		const a = await analyze(text);
		const r = await fixAll(a, a.diagnostics, ['arithmetic']);
		assert.deepStrictEqual(r?.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]), [['0.4', '0.3']]);
		assert.deepStrictEqual(await codeActionsFor(a, a.diagnostics, { start: 2, end: 2 }), [{ title: 'Fix all arithmetic in this file', kind: 'source.fixAll', edits: r!.edits, diagnostics: r!.seeds }]);
	});
});
