/** Display helpers of the drafts pages (browser-safe). */
import type { Locale } from '$lib/i18n';

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
	fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }),
	en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })
};

/** "29 novembre 2026 à 21:40". */
export function formatDateTime(locale: Locale, date: Date | string): string {
	return dateTimeFormats[locale].format(typeof date === 'string' ? new Date(date) : date);
}

/** Initials for an avatar: "Claire Dubois" → "CD", "Dr Marc Girard" → "MG". */
export function initials(name: string): string {
	const words = name.replace(/^(Dr|Pr|Me)\.?\s+/i, '').split(/\s+/).filter(Boolean);
	return ((words[0]?.[0] ?? '') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase();
}
