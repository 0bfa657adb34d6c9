/**
 * Facet counts of recent searches, kept a short while in this process. Counting is the part
 * of a search that reads every match (13,000 for a common word on 100,000 resources), and it
 * gives the same answer for every page of a search and for every reader of a kind: anonymous
 * visitors see public resources, signed-in readers members-only ones too, so the reader class
 * is part of every key. The unfiltered browse (the library's front page) is kept a minute,
 * any other search a few seconds. Everything is forgotten at once when this process
 * publishes, archives, edits or restores a resource; another process's copy may be late by
 * its lifetime, which counts can afford (the results themselves are never kept).
 */
export const BROWSE_FACETS_TTL_MS = 60_000;
export const SEARCH_FACETS_TTL_MS = 10_000;
/** At most this many searches kept: the oldest go first. */
export const MAX_CACHED_SEARCHES = 500;

export type ReaderClass = 'anonymous' | 'signed_in';

interface Entry<T> {
	expiresAt: number;
	value: Promise<T>;
}

const entries = new Map<string, Entry<unknown>>();

/** The value kept under `key`, computing it (once, even when asked concurrently) if missing or expired. */
export function cachedFacetCounts<T>(key: string, ttlMs: number, compute: () => Promise<T>, now = Date.now()): Promise<T> {
	const found = entries.get(key) as Entry<T> | undefined;
	if (found && found.expiresAt > now) return found.value;
	entries.delete(key);
	const value = compute();
	entries.set(key, { expiresAt: now + ttlMs, value });
	// Map order is insertion order: the first entries are the oldest.
	for (const oldest of entries.keys()) {
		if (entries.size <= MAX_CACHED_SEARCHES) break;
		entries.delete(oldest);
	}
	// A failed count is not kept.
	value.catch(() => {
		if (entries.get(key)?.value === value) entries.delete(key);
	});
	return value;
}

/** Called after any change to what the library shows. */
export function forgetFacetCounts(): void {
	entries.clear();
}
