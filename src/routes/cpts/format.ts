/** Display helpers shared by the CPTS pages (browser-safe). */
import type { Locale } from '$lib/i18n';

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
	// A fixed zone so that the server and the browser render the same text.
	fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
	en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' })
};

export function formatDate(locale: Locale, date: Date): string {
	return dateFormats[locale].format(date);
}

/** The directory URL for a set of filters (empty ones left out), for links that keep them. */
export function directoryHref(filters: Record<string, string | number | undefined>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) {
		if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
	}
	const search = params.toString();
	return search ? `/cpts?${search}` : '/cpts';
}
