/**
 * Locales and the formatting of numbers, dates and message templates: no catalogue here, so
 * browser code imports these from '$lib/i18n/locale' (the catalogue reaches the browser only
 * as the chunks of the active locale's groups, see messages-loader.ts).
 */
import type { MessageParams } from './keys';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag Intl formats a locale with: French of France, British English (day before month). */
export function intlLocale(locale: Locale | string | null | undefined): 'fr-FR' | 'en-GB' {
	return locale === 'en' ? 'en-GB' : 'fr-FR';
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
	fr: new Intl.NumberFormat(intlLocale('fr')),
	en: new Intl.NumberFormat(intlLocale('en'))
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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one: one per locale and options. */
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), options);
		dateFormats.set(key, format);
	}
	return format;
}

const asDate = (date: Date | string) => (typeof date === 'string' ? new Date(date) : date);

/**
 * A date and time for people: "22 novembre 2026 à 09:05" (long), "22 nov. 2026, 09:05"
 * (medium); Paris time unless told otherwise; empty for no date.
 */
export function formatDateTime(
	locale: Locale,
	date: Date | string | null | undefined,
	timeZone = 'Europe/Paris',
	dateStyle: 'long' | 'medium' = 'long'
): string {
	return date ? dateFormat(locale, { dateStyle, timeStyle: 'short', timeZone }).format(asDate(date)) : '';
}

/**
 * A date for people, "22 novembre 2026" (long) or "22 nov. 2026" (medium), in Paris: a fixed
 * zone, so that the server and the browser render the same text; empty for no date.
 */
export function formatDate(locale: Locale, date: Date | string | null | undefined, dateStyle: 'long' | 'medium' = 'long'): string {
	return date ? dateFormat(locale, { dateStyle, timeZone: 'Europe/Paris' }).format(asDate(date)) : '';
}

const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
	fr: new Intl.DateTimeFormat(intlLocale('fr'), { dateStyle: 'long', timeZone: 'UTC' }),
	en: new Intl.DateTimeFormat(intlLocale('en'), { dateStyle: 'long', timeZone: 'UTC' })
};

/** A calendar day (YYYY-MM-DD, no time zone) for people, e.g. "3 mars 2026". */
export function formatDay(locale: Locale, isoDay: string): string {
	return dayFormats[locale].format(new Date(`${isoDay}T00:00:00Z`));
}
