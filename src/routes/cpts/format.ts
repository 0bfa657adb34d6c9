/** Display helpers shared by the CPTS pages (browser-safe). */
export { formatDate } from '$lib/i18n/locale';

/** The directory URL for a set of filters (empty ones left out), for links that keep them. */
export function directoryHref(filters: Record<string, string | number | undefined>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) {
		if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
	}
	const search = params.toString();
	return search ? `/cpts?${search}` : '/cpts';
}
