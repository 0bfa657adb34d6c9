/** URL slugs of CPTS: derived from the name, accents removed, unique in the table. */

/** Paths under /cpts/ that are pages, so no CPTS may take them as its slug. */
export const RESERVED_SLUGS = new Set(['nouvelle', 'mes-cpts', 'invitation']);

const MAX_SLUG_LENGTH = 80;

/** "CPTS du Val d'Œse – Sud" → "cpts-du-val-d-oese-sud". Never empty. */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.replace(/ß/g, 'ss')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, MAX_SLUG_LENGTH)
		.replace(/-+$/, '');
	return slug || 'cpts';
}

/**
 * The first free slug among base, base-2, base-3… given the slugs already taken that
 * start with base (a race on insert is caught by the unique index; the caller retries).
 */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	if (!used.has(base) && !RESERVED_SLUGS.has(base)) return base;
	for (let suffix = 2; ; suffix++) {
		const candidate = `${base}-${suffix}`;
		if (!used.has(candidate)) return candidate;
	}
}
