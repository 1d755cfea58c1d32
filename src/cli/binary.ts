/**
 * Tells text from binary by its bytes, for the CLI and the workspace check alike. Strategy: text is
 * UTF-8 in which control characters are rare. A stray NUL byte or escape in a page of Markdown (a
 * copy-paste accident) leaves it text, so a wrong number in it is still found; bytes that are not
 * UTF-8 (an image, a PDF, UTF-16 with its byte-order mark) or that are mostly control characters
 * (UTF-16 without one) are binary. Pure: no `fs`, so the VS Code client uses it too.
 */
import { defaultLocale, type Locale } from '../core/messages/locale';
import { message } from '../core/messages/message';

/** The share of control characters (other than tab, line feed, form feed, carriage return) above which text is binary. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Why `bytes` are not text, in `locale`, or `undefined` when they are: `binaryReason(png)` is
 * `not UTF-8 text`; one NUL in a page of Markdown is text.
 */
export function binaryReason(bytes: Uint8Array, locale: Locale = defaultLocale): string | undefined {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return message('file.notUtf8', {}, locale);
	}
	let control = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
	}
	return text.length > 0 && control / text.length > MAX_CONTROL_SHARE ? message('file.control', {}, locale) : undefined;
}
