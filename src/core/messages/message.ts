/**
 * Every sentence derivcheck says, by stable id, in the user's language: `message('arithmetic.rounds',
 * {step, value, spread, expected, stated}, 'zh-cn')`. The English table (`en.ts`) defines the ids
 * and, through its `{name}` placeholders, the arguments each takes, which TypeScript checks at every
 * call; the Chinese table (`zhCn.ts`) must fill every id with the same placeholders (a test says so).
 * The format is this one regular expression, written by hand because no message library types
 * its placeholders from plain strings: the tables hold no other braces, so none need escaping.
 * Arguments are finished text (numbers already formatted, names as the document writes them);
 * a message never formats a number itself, so both languages show the same digits.
 */
import { en, type MessageId } from './en';
import { zhCn } from './zhCn';
import { defaultLocale, type Locale } from './locale';

export type { MessageId } from './en';

/** The placeholder names of a template: `Params<'{a} is {b}.'>` is `'a' | 'b'`. */
type Params<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Params<R> : never;

/** The arguments message `K` takes, each a finished piece of text. */
export type MessageArgs<K extends MessageId> = { readonly [P in Params<(typeof en)[K]>]: string | number };

const tables: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = { en, 'zh-cn': zhCn };

/** The placeholders of a template, in order: `placeholders('{a} is {b}.')` is `['a', 'b']`. */
export function placeholders(template: string): string[] {
	return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** The message `id` in `locale` with its placeholders filled: `message('truth.origin', {}, 'zh-cn')` is `错误从这里开始。`. */
export function message<K extends MessageId>(id: K, args: MessageArgs<K>, locale: Locale = defaultLocale): string {
	const template = tables[locale]?.[id] ?? en[id];
	const values = args as Readonly<Record<string, string | number>>;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Sentences joined as each language writes them: with a space in English, directly in Chinese. Empty parts are left out. */
export function sentences(locale: Locale | undefined, ...parts: readonly (string | undefined)[]): string {
	return parts.filter((p): p is string => p !== undefined && p !== '').join(locale === 'zh-cn' ? '' : ' ');
}

/**
 * A message kept as data, to be said later in the reader's language: what a parse cached across
 * languages records (the network block's problems). An argument may itself be a message, said
 * first: `said('yaml.number', {what: said('what.learningRate', {}), found: '"x"'})`.
 */
export interface Said {
	readonly id: MessageId;
	readonly args: Readonly<Record<string, string | number | Said>>;
}

/** A message as data, its arguments checked as `message`'s are (each may also be a message). */
export function said<K extends MessageId>(id: K, args: { readonly [P in keyof MessageArgs<K>]: string | number | Said }): Said {
	return { id, args };
}

/** Says a message kept as data: its argument messages first, then the message, all in `locale`. */
export function say(s: Said, locale: Locale = defaultLocale): string {
	const args: Record<string, string | number> = {};
	for (const [k, v] of Object.entries(s.args)) args[k] = typeof v === 'object' ? say(v, locale) : v;
	return message(s.id, args as never, locale);
}
