/** Display helpers of the forum pages (browser-safe). */
import type { Locale } from '$lib/i18n';

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
	fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' }),
	en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Paris' })
};
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
	fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
	en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' })
};

const asDate = (date: Date | string) => (typeof date === 'string' ? new Date(date) : date);

export function formatDate(locale: Locale, date: Date | string | null | undefined): string {
	return date ? dateFormats[locale].format(asDate(date)) : '';
}

export function formatDateTime(locale: Locale, date: Date | string | null | undefined): string {
	return date ? dateTimeFormats[locale].format(asDate(date)) : '';
}
