/**
 * Every handler runs behind a guard, as rust-analyzer wraps its handlers in `catch_unwind`: an
 * exception is a bug in derivcheck, never the user's fault, so it is logged to the connection's
 * console and the request is answered with an empty result. The server never crashes on a document.
 */

/** Anything with an `error` log method, such as `connection.console`. */
export interface ErrorLog {
	error(message: string): void;
}

function describe(e: unknown): string {
	return e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
}

/**
 * Wraps an async handler: `guard(log, 'hover', null, handler)` answers `null` when `handler` throws.
 */
export function guard<A extends unknown[], R>(log: ErrorLog, name: string, fallback: R, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
	return async (...args: A) => {
		try {
			return await handler(...args);
		} catch (e) {
			log.error(`derivcheck: ${name} failed: ${describe(e)}`);
			return fallback;
		}
	};
}
