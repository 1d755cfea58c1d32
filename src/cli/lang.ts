/**
 * The language of the command line's output: `--lang en|zh-cn` (or `--lang=zh-cn`) wherever it
 * stands before `--`, else the locale of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`: a
 * `zh_CN.UTF-8` shell reads Chinese), else English. It is taken out of the arguments before the
 * rest is parsed, so that even a usage error is said in the chosen language.
 */
import { localeFromEnv, locales, type Locale } from '../core/index';

export type LangArgs =
	| { readonly kind: 'ok'; readonly locale: Locale; readonly argv: readonly string[] }
	| { readonly kind: 'error'; readonly locale: Locale; readonly value: string | undefined };

/** `takeLang(['--lang', 'zh-cn', 'a.md'], {})` is `{kind: 'ok', locale: 'zh-cn', argv: ['a.md']}`. */
export function takeLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LangArgs {
	const fallback = localeFromEnv(env);
	const rest: string[] = [];
	let chosen: Locale | undefined;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			rest.push(...argv.slice(i));
			break;
		}
		const m = /^--lang(?:=(.*))?$/.exec(arg);
		if (!m) {
			rest.push(arg);
			continue;
		}
		const value = m[1] ?? argv[++i];
		// Only the names listed count (`zh-CN` and `zh_cn` too): `--lang fr` is a mistake to say, not a guess to make.
		const locale = locales.find((l) => l === value?.toLowerCase().replace('_', '-'));
		if (!locale) return { kind: 'error', locale: chosen ?? fallback, value };
		chosen = locale;
	}
	return { kind: 'ok', locale: chosen ?? fallback, argv: rest };
}
