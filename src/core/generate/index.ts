/**
 * The generator's public surface: write the derivation of a spec or of a document's network, and
 * check options given as text (the CLI's flags, the editor's request) against what it can write.
 */
import { defaultLocale, type Locale } from '../messages/locale';
import { message } from '../messages/message';
import { GENERATE_LANGUAGES, type GenerateLanguage } from './headings';
import { NOTATIONS, type NotationName } from './notations';
import { MAX_DIGITS, MIN_DIGITS } from './numbers';
import { defaultGenerateOptions, type GenerateOptions, type PartChoice } from './generate';

export { generateDerivation, defaultGenerateOptions } from './generate';
export type { GenerateOptions, Generated, PartChoice } from './generate';
export { generateForDocument, generateForInput } from './document';
export { NOTATIONS, type NotationName } from './notations';
export { GENERATE_LANGUAGES, type GenerateLanguage } from './headings';
export { MIN_DIGITS, MAX_DIGITS } from './numbers';

export const PARTS: readonly PartChoice[] = ['forward', 'backward', 'update', 'all'];

/** Options as text, each optional: what a command line or a request carries. */
export interface GenerateOptionText {
	readonly notation?: string;
	readonly language?: string;
	readonly digits?: string | number;
	readonly part?: string;
	readonly exercise?: boolean;
}

/**
 * Reads options given as text, or says in a sentence what is wrong: `readGenerateOptions({ digits: '1' })`
 * is `--digits must be a whole number from 2 to 10, not "1".`, said in `locale`.
 */
export function readGenerateOptions(o: GenerateOptionText, locale: Locale = defaultLocale): Omit<GenerateOptions, 'documentLanguage'> | string {
	const one = <T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T | string => {
		if (value === undefined) return fallback;
		const found = allowed.find((a) => a === value.toLowerCase());
		return found ?? message('generate.oneOf', { option: name, allowed: allowed.join(', '), value }, locale);
	};
	const notation = one('notation', o.notation, NOTATIONS, defaultGenerateOptions.notation);
	if (!(NOTATIONS as readonly string[]).includes(notation)) return notation;
	const language = one('lang', o.language, GENERATE_LANGUAGES, defaultGenerateOptions.language);
	if (!(GENERATE_LANGUAGES as readonly string[]).includes(language)) return language;
	const part = one('part', o.part, PARTS, defaultGenerateOptions.part);
	if (!(PARTS as readonly string[]).includes(part)) return part;
	const digits = o.digits === undefined ? defaultGenerateOptions.digits : Number(o.digits);
	if (!Number.isInteger(digits) || digits < MIN_DIGITS || digits > MAX_DIGITS) return message('generate.digits', { min: MIN_DIGITS, max: MAX_DIGITS, value: String(o.digits) }, locale);
	return { notation: notation as NotationName, language: language as GenerateLanguage, part: part as PartChoice, digits, exercise: o.exercise ?? false };
}
