/**
 * The facet counts of the unfiltered browse (the library's front page): the same for every
 * anonymous visitor and for every signed-in reader, and costly on a large library (every
 * published resource is counted). Kept for a minute in this process, and forgotten at once
 * when this process publishes, archives or edits a resource; another process's copy may be
 * a minute late, which counts can afford.
 */
export const BROWSE_FACETS_TTL_MS = 60_000;

export type ReaderClass = 'anonymous' | 'signed_in';

interface Entry<T> {
	expiresAt: number;
	value: Promise<T>;
}

const entries = new Map<ReaderClass, Entry<unknown>>();

/** The cached value for this reader class, computing it (once, even when asked concurrently) if needed. */
export function cachedBrowseFacets<T>(reader: ReaderClass, compute: () => Promise<T>, now = Date.now()): Promise<T> {
	const found = entries.get(reader) as Entry<T> | undefined;
	if (found && found.expiresAt > now) return found.value;
	const value = compute();
	entries.set(reader, { expiresAt: now + BROWSE_FACETS_TTL_MS, value });
	// A failed count is not kept.
	value.catch(() => {
		if (entries.get(reader)?.value === value) entries.delete(reader);
	});
	return value;
}

/** Called after any change to what the library shows. */
export function forgetBrowseFacets(): void {
	entries.clear();
}
