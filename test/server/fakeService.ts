/**
 * A fake language service for the adapter tests: it "finds" every occurrence of a marker number
 * (`0.191` by default) as an arithmetic error whose fix is `0.169`, hovers on it, and records
 * what the server asked of it, so the tests exercise the protocol and not the checking.
 */
import type { CancellationLike, CheckReport, CodeAction, Diagnostic, DocumentInput, LanguageService, Settings, Span, TextEdit } from '../../src/core/index';

export interface FakeOptions {
	readonly marker?: string;
	/** Delay before a check answers, in milliseconds, to let a newer version cancel it. */
	readonly checkDelayMs?: number;
	/** Makes every method throw, as a buggy core would. */
	readonly throws?: boolean;
	/** Adds an `inherited` hint on a second marker, with its origin on the first. */
	readonly inherited?: string;
}

export interface FakeService extends LanguageService {
	/** Every check asked for: the version, whether it was cancelled, the text and when it started (`Date.now()`). */
	readonly checks: { version: number; cancelled: boolean; text: string; startedAt: number }[];
	readonly settings: Settings[];
}

function spansOf(text: string, needle: string): Span[] {
	const out: Span[] = [];
	for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push({ start: i, end: i + needle.length });
	return out;
}

/** Makes a fake service; `createFakeService({checkDelayMs: 50})` answers checks after 50 ms. */
export function createFakeService(options: FakeOptions = {}): FakeService {
	const marker = options.marker ?? '0.191';
	const checks: FakeService['checks'][number][] = [];
	const settings: Settings[] = [];
	const fail = (): void => {
		if (options.throws) throw new Error('the fake core failed on purpose');
	};
	const diagnosticsOf = (text: string): Diagnostic[] => {
		const found: Diagnostic[] = spansOf(text, marker).map((span) => ({
			code: 'arithmetic',
			severity: 'error',
			message: `The result is 0.169, not ${marker}.`,
			span,
			stated: marker,
			expected: '0.169',
			fix: { span, newText: '0.169' },
		}));
		const origin = found[0]?.span;
		if (options.inherited && origin) {
			for (const span of spansOf(text, options.inherited)) {
				found.push({ code: 'inherited', severity: 'hint', message: 'This value carries an earlier error.', span, origin, related: [{ span: origin, message: 'Also see here.' }] });
			}
		}
		return found;
	};
	return {
		checks,
		settings,
		async check(doc: DocumentInput, token?: CancellationLike): Promise<CheckReport | undefined> {
			fail();
			const record = { version: doc.version, cancelled: false, text: doc.text, startedAt: Date.now() };
			checks.push(record);
			if (options.checkDelayMs) await new Promise((r) => setTimeout(r, options.checkDelayMs));
			if (token?.isCancellationRequested) {
				record.cancelled = true;
				return undefined;
			}
			const diagnostics = diagnosticsOf(doc.text);
			const wrong = diagnostics.filter((d) => d.severity === 'error').length;
			return { uri: doc.uri, version: doc.version, diagnostics, summary: { checked: wrong + 1, wrong, unchecked: 1, uncheckedNames: ['x_1'], suppressed: 0 } };
		},
		async hover(doc: DocumentInput, offset: number) {
			fail();
			const span = spansOf(doc.text, marker).find((s) => s.start <= offset && offset <= s.end);
			return span ? { span, markdown: `**0.169131** — the written result is ${marker}.` } : undefined;
		},
		async codeActions(doc: DocumentInput, range: Span): Promise<readonly CodeAction[]> {
			fail();
			const all = diagnosticsOf(doc.text).filter((d) => d.fix);
			const here = all.filter((d) => d.span.start <= range.end && range.start <= d.span.end);
			const edits = all.map((d) => d.fix as TextEdit);
			return [
				...here.map((d): CodeAction => ({ title: `Replace ${marker} with 0.169`, kind: 'quickfix', edits: [d.fix as TextEdit], diagnostics: [d], isPreferred: true })),
				...(all.length > 0 ? [{ title: 'Fix all arithmetic in this file', kind: 'source.fixAll' as const, edits, diagnostics: all }] : []),
			];
		},
		async fixAll(doc: DocumentInput) {
			fail();
			return diagnosticsOf(doc.text).map((d) => d.fix as TextEdit);
		},
		async networkBlock() {
			fail();
			return { kind: 'none' as const, reason: 'The fake service reads no network.' };
		},
		async networkView() {
			fail();
			return undefined;
		},
		updateSettings(next: Settings) {
			settings.push(next);
		},
	};
}
