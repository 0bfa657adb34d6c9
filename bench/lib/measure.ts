/** Waiting and quantiles shared by the scenarios that measure by themselves (collab, live, presence). */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `condition` holds; throws « délai dépassé : what » after `timeoutMs`. Every
 * `pollMs` (2 by default); 0 polls on each turn of the event loop (setImmediate), for
 * waits that are themselves timed.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000, pollMs = 2): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
		await (pollMs === 0 ? new Promise((resolve) => setImmediate(resolve)) : sleep(pollMs));
	}
}

/** The value at `share` (0.5, 0.99…) of values sorted ascending; NaN when there is none. */
export function percentile(sorted: number[], share: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

/** Sorts a copy: `values` keeps its order. */
export const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);

export const median = (values: number[]) => percentile(sortedCopy(values), 0.5);
