/**
 * Time bounds that hold on a loaded machine: a reproducer's time is compared with a baseline
 * measured in the same test, on the same machine and at the same moment, never with a wall-clock
 * figure. Each measurement takes the fastest of a few runs, which removes most of the noise of
 * other work on the machine (garbage collection, a neighbour's test run).
 */

/** The fastest of `runs` timings of `fn`, in milliseconds (at least 0.05, so that ratios stay finite). */
export function fastest(fn: () => unknown, runs = 3): number {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		const t = process.hrtime.bigint();
		fn();
		best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
	}
	return Math.max(best, 0.05);
}

/** The same for an async function. */
export async function fastestAsync(fn: () => Promise<unknown>, runs = 3): Promise<number> {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		const t = process.hrtime.bigint();
		await fn();
		best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
	}
	return Math.max(best, 0.05);
}
