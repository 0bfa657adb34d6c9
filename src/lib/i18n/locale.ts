/**
 * Locales and the formatting of numbers, dates and message templates: no catalogue here, so
 * browser code imports these from '$lib/i18n/locale' (the catalogue reaches the browser only
 * as the chunks of the active locale's groups, see messages-loader.ts).
 */
import type { MessageParams } from './keys';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const numberFormats: Record<Locale, Intl.NumberFormat> = {
	fr: new Intl.NumberFormat('fr-FR'),
	en: new Intl.NumberFormat('en-GB')
};

export function formatNumber(locale: Locale, value: number): string {
	return numberFormats[locale].format(value);
}

/** Fills a template's {placeholders}; numbers are formatted for the locale, unknown names left as they are. */
export function fillTemplate(locale: Locale, template: string, params?: MessageParams): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (match, name: string) => {
		const value = params[name];
		if (value === undefined) return match;
		return typeof value === 'number' ? numberFormats[locale].format(value) : value;
	});
}

/** Picks the locale: the user's choice, then the cookie, then Accept-Language; French by default. */
export function pickLocale(userLocale: string | null | undefined, cookie: string | undefined, acceptLanguage: string | null): Locale {
	for (const candidate of [userLocale, cookie]) {
		if (candidate === 'fr' || candidate === 'en') return candidate;
	}
	const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
	return first.startsWith('en') ? 'en' : 'fr';
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time for people, e.g. "22 novembre 2026 à 09:05"; Paris time unless told otherwise. */
export function formatDateTime(locale: Locale, date: Date | string, timeZone = 'Europe/Paris'): string {
	const key = `${locale}|${timeZone}`;
	let format = dateTimeFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone });
		dateTimeFormats.set(key, format);
	}
	return format.format(typeof date === 'string' ? new Date(date) : date);
}

const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
	fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }),
	en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })
};

/** A calendar day (YYYY-MM-DD, no time zone) for people, e.g. "3 mars 2026". */
export function formatDay(locale: Locale, isoDay: string): string {
	return dayFormats[locale].format(new Date(`${isoDay}T00:00:00Z`));
}
