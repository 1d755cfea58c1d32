/**
 * The implementation behind `createLanguageService()`. Each request looks the document up in a
 * small cache keyed by uri, version and text (and the settings in force), analyses it when needed, and
 * answers from the analysis; hovers and code actions never re-check a version already checked.
 * An analysis is shared by every request for its text, so it never runs on a request's own
 * cancellation token: a cancelled hover must not cancel the check that awaits the same analysis.
 * The analysis is cancelled only when a newer text of the document replaces it; each request
 * looks at its own token once the analysis is there.
 * Severity overrides, per-language switches and suppression comments are applied here, on the way
 * out, so the checkers stay free of settings and of comments; a suppressed finding is counted in
 * the summary's `suppressed`, not in `wrong`. A document's settings are the service's own, or what
 * `options.settingsFor` makes of them (the adapters lay a configuration file under them there).
 */
import { analyzeDocument, countFindings, type Analysis } from './check/analyze';
import { ParseMemo } from './check/parseMemo';
import { message } from './messages/message';
import type { Diagnostic } from './check/diagnostic';
import { codeActionsFor, fixAll } from './features/codeActions';
import { ignoreActions } from './features/ignore';
import { Suppressions } from './features/suppress';
import { hoverAt } from './features/hover';
import { networkBlockActions, networkBlockOf } from './features/networkBlock';
import { networkView } from './features/networkView';
import { carriedFix } from './features/repair';
import { languageOf } from './scan/index';
import type { DocumentInput, LanguageService, ServiceOptions, Settings, Summary } from './service';
import { defaultSettings } from './service';
import { overlaps } from './text/span';

interface CacheEntry {
	readonly version: number;
	readonly text: string;
	readonly settings: Settings;
	/** Set when a newer text of the document replaces this entry; the analysis then stops early. */
	readonly superseded: { isCancellationRequested: boolean };
	/** `undefined` when the check was cancelled, `null` when it failed (a bug, never the user's input). */
	readonly analysis: Promise<Analysis | undefined | null>;
}

/** `d` with `fix` in place of its own, or with none. */
function withFix(d: Diagnostic, fix: Diagnostic['fix']): Diagnostic {
	const { fix: _old, ...rest } = d;
	return fix ? { ...rest, fix } : rest;
}

const CACHE_SIZE = 32;
const emptySummary: Summary = { checked: 0, wrong: 0, unchecked: 0, uncheckedNames: [], suppressed: 0 };

interface Shown {
	readonly diagnostics: Diagnostic[];
	readonly summary: Summary;
}


export function createLanguageService(initial: Settings = defaultSettings, options: ServiceOptions = {}): LanguageService {
	let editorSettings = initial;
	const cache = new Map<string, CacheEntry>();
	/** Each cached document's parses, kept from one text to the next so that an edit re-parses only the regions it touched. */
	const parses = new Map<string, ParseMemo>();
	/** Each cached document's last finished check, whose results the chains an edit cannot reach keep (`check/reuse.ts`). */
	const finished = new Map<string, Analysis>();

	/** The settings for one document: the service's own, or what `options.settingsFor` makes of them. */
	function settingsOf(doc: DocumentInput): Settings {
		return options.settingsFor ? options.settingsFor(doc.uri, editorSettings) : editorSettings;
	}

	function analysisOf(doc: DocumentInput): Promise<Analysis | undefined | null> {
		const settings = settingsOf(doc);
		const language = languageOf(doc.languageId, doc.uri) ?? 'markdown';
		if (!settings.enabled[language]) return Promise.resolve(null);
		const hit = cache.get(doc.uri);
		if (hit && hit.version === doc.version && hit.text === doc.text && hit.settings === settings) return hit.analysis;
		if (hit) hit.superseded.isCancellationRequested = true;
		const superseded = { isCancellationRequested: false };
		let memo = parses.get(doc.uri);
		if (!memo) parses.set(doc.uri, (memo = new ParseMemo()));
		const analysis = analyzeDocument(doc.text, language, { tolerance: settings.tolerance, inferNetwork: settings.inferNetwork, token: superseded, locale: settings.locale, parses: memo, previous: finished.get(doc.uri) }).catch((): null => null);
		cache.delete(doc.uri);
		cache.set(doc.uri, { version: doc.version, text: doc.text, settings, superseded, analysis });
		if (cache.size > CACHE_SIZE) {
			const oldest = cache.keys().next().value as string;
			const evicted = cache.get(oldest);
			if (evicted) evicted.superseded.isCancellationRequested = true;
			cache.delete(oldest);
			parses.delete(oldest);
			finished.delete(oldest);
		}
		// An analysis stopped because its text was replaced must not be served to a later request.
		void analysis.then((a) => {
			if (!a && cache.get(doc.uri)?.analysis === analysis) cache.delete(doc.uri);
			// Any finished check is a sound start for the next (reuse compares the texts); the document may have been evicted meanwhile.
			if (a && cache.has(doc.uri)) finished.set(doc.uri, a);
		});
		return analysis;
	}

	const shownOf = new WeakMap<Analysis, { settings: Settings; shown: Shown }>();

	/** What the user sees of an analysis under the document's settings: the diagnostics and the summary. */
	function presented(a: Analysis, settings: Settings): Shown {
		const hit = shownOf.get(a);
		if (hit && hit.settings === settings) return hit.shown;
		const suppressions = a.noDirectives ? undefined : new Suppressions(a.text, a.language, a.scan);
		const kept = suppressions ? a.diagnostics.filter((d) => d.code === 'unchecked' || !suppressions.covers(d.code, d.span.start)) : a.diagnostics;
		const suppressed = a.diagnostics.length - kept.length;
		const out: Diagnostic[] = [];
		for (const d of kept) {
			if (d.code === 'unchecked') continue;
			const override = settings.severity[d.code];
			if (override === 'off') continue;
			// A fix leaves the core only at the author's precision, and only where it is sensible.
			const fix = d.fix && carriedFix(d, a);
			const shown = fix?.newText === d.fix?.newText ? d : withFix(d, fix);
			out.push(override ? { ...shown, severity: override } : shown);
		}
		// `wrong` counts the findings shown, after suppressions and severity settings: what the Problems panel lists.
		const summary = { ...a.summary, wrong: countFindings(out), suppressed };
		const result = { diagnostics: out, summary };
		shownOf.set(a, { settings, shown: result });
		return result;
	}

	function visible(a: Analysis, settings: Settings): Diagnostic[] {
		return presented(a, settings).diagnostics;
	}

	return {
		async check(doc, token) {
			const a = await analysisOf(doc);
			if (a === undefined || token?.isCancellationRequested) return undefined;
			if (a === null) return { uri: doc.uri, version: doc.version, diagnostics: [], summary: emptySummary };
			const { diagnostics, summary } = presented(a, settingsOf(doc));
			return { uri: doc.uri, version: doc.version, diagnostics, summary };
		},
		async hover(doc, offset, token) {
			const a = await analysisOf(doc);
			if (!a || token?.isCancellationRequested) return undefined;
			return hoverAt(a, offset, token, doc.uri);
		},
		async codeActions(doc, range, token) {
			const analysis = analysisOf(doc);
			// Fixes are computed once per text and shared, so only a newer text stops them.
			const stop = cache.get(doc.uri)?.superseded;
			const a = await analysis;
			if (!a || token?.isCancellationRequested) return [];
			const diagnostics = visible(a, settingsOf(doc));
			const actions = await codeActionsFor(a, diagnostics, range, stop);
			const ignore = ignoreActions(a, diagnostics.filter((d) => overlaps(d.span, range)));
			return token?.isCancellationRequested ? [] : [...actions, ...ignore, ...networkBlockActions(a)];
		},
		async fixAll(doc, codes = ['arithmetic', 'value'], token) {
			const analysis = analysisOf(doc);
			const stop = cache.get(doc.uri)?.superseded;
			const a = await analysis;
			if (!a || token?.isCancellationRequested) return [];
			const fixed = await fixAll(a, visible(a, settingsOf(doc)), codes, stop);
			return token?.isCancellationRequested ? [] : (fixed?.edits ?? []);
		},
		async networkView(doc, request, token) {
			const a = await analysisOf(doc);
			if (!a || token?.isCancellationRequested) return undefined;
			return networkView(a, request, visible(a, settingsOf(doc)));
		},
		async networkBlock(doc, token) {
			const a = await analysisOf(doc);
			const locale = settingsOf(doc).locale;
			if (a === undefined || token?.isCancellationRequested) return { kind: 'none', reason: message('request.checkCancelled', {}, locale) };
			if (a === null) return { kind: 'none', reason: message('request.notChecked', {}, locale) };
			return networkBlockOf(a);
		},
		updateSettings(next) {
			editorSettings = next;
		},
	};
}
