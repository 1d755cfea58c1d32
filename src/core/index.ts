/**
 * The public surface of the pure core: the language service facade and the types the adapters
 * need. Adapters import from here and from nowhere else in `src/core`.
 */
export type { Span } from './text/span';
export { LineIndex } from './text/lineIndex';
export type { Position, Range } from './text/lineIndex';
export type { Diagnostic, Severity, TextEdit, RelatedInformation } from './check/diagnostic';
export { DiagnosticCode, defaultSeverity } from './check/diagnostic';
export type {
	LanguageService,
	DocumentInput,
	CancellationLike,
	Settings,
	ServiceOptions,
	TolerancePolicy,
	CheckReport,
	Summary,
	NetworkSource,
	HoverResult,
	CodeAction,
} from './service';
export { defaultSettings } from './service';
export type { NetworkView, NetworkViewRequest, LayerView, GridView, CellView, StatedView, Verdict, GridRole } from './features/networkView';
export { createLanguageService } from './languageService';
export { configFileNames, parseConfigFile, validateConfig } from './config/configFile';
export type { ConfigFile, ConfigResult } from './config/configFile';
export { applyConfig, overlayEditor } from './config/merge';
export type { Locale } from './messages/locale';
export { defaultLocale, localeFromEnv, localeOf, locales } from './messages/locale';
export { message, said, say, sentences, type MessageId, type MessageArgs, type Said } from './messages/message';
export { generateForDocument, generateForInput, readGenerateOptions, NOTATIONS, PARTS, GENERATE_LANGUAGES, MIN_DIGITS, MAX_DIGITS } from './generate/index';
export type { Generated, GenerateOptions, GenerateOptionText, NotationName, PartChoice, GenerateLanguage } from './generate/index';
