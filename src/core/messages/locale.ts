/**
 * The languages derivcheck speaks and how a locale tag names one. Editors send BCP 47 tags
 * (`zh-cn`, `zh-Hans-CN`, `en-US`), shells POSIX locales (`zh_CN.UTF-8`, `C`); both are read by
 * their language and script or region. The tables hold Simplified Chinese only, so `zh`,
 * `zh-CN`, `zh-SG` and `zh-Hans` read Chinese, while Traditional (`zh-TW`, `zh-HK`, `zh-Hant`)
 * falls back to English, as VS Code does for a language pack it lacks. Anything else is English.
 */

export type Locale = 'en' | 'zh-cn';

export const locales: readonly Locale[] = ['en', 'zh-cn'];

export const defaultLocale: Locale = 'en';

/** The locale a tag names, or undefined when it names none: `localeOf('zh_CN.UTF-8')` is `zh-cn`. */
export function localeOf(tag: string | undefined): Locale | undefined {
	if (!tag) return undefined;
	const parts = tag.trim().toLowerCase().replace(/[.@].*$/, '').split(/[-_]/);
	if (parts[0] === 'en' || parts[0] === 'c' || parts[0] === 'posix') return 'en';
	if (parts[0] !== 'zh') return undefined;
	const rest = parts.slice(1);
	if (rest.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo')) return undefined;
	return 'zh-cn';
}

/**
 * The locale of a POSIX environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and
 * not empty decides, as in `setlocale`; a language derivcheck does not speak gives English.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
	const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
	return localeOf(tag) ?? defaultLocale;
}
