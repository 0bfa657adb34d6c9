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

const pluralRules: Record<Locale, Intl.PluralRules> = {
	fr: new Intl.PluralRules(intlLocale('fr')),
	en: new Intl.PluralRules(intlLocale('en'))
};

/** The index of the brace closing the one at `open`, or -1 when the template is unbalanced. */
function closingBrace(template: string, open: number): number {
	let depth = 0;
	for (let index = open; index < template.length; index++) {
		if (template[index] === '{') depth++;
		else if (template[index] === '}' && --depth === 0) return index;
	}
	return -1;
}

/** The `=0 {…} one {…} other {…}` options of a plural block, by selector. */
function pluralOptions(body: string): Map<string, string> | null {
	const options = new Map<string, string>();
	let rest = body.trim();
	while (rest) {
		const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest);
		if (!selector) return null;
		const open = selector[0].length - 1;
		const close = closingBrace(rest, open);
		if (close < 0) return null;
		options.set(selector[1], rest.slice(open + 1, close));
		rest = rest.slice(close + 1).trim();
	}
	return options.has('other') ? options : null;
}

/**
 * Picks the branch of `{count, plural, =0 {aucune session} one {# session} other {# sessions}}`
 * (ICU MessageFormat's plural): an exact `=n` first, then the locale's category from
 * Intl.PluralRules (French puts 0 and 1 in `one`), then `other`. `#` is the formatted number.
 */
function pluralBranch(locale: Locale, options: Map<string, string>, value: number): string {
	const branch = options.get(`=${value}`) ?? options.get(pluralRules[locale].select(value)) ?? options.get('other')!;
	return branch.replace(/#/g, numberFormats[locale].format(value));
}

const PLURAL_HEAD = /\{(\w+),\s*plural,/y;
const PLACEHOLDER = /\{(\w+)\}/y;

/** A sticky regular expression's match at `index` (no copy of the template). */
function matchAt(pattern: RegExp, template: string, index: number): RegExpExecArray | null {
	pattern.lastIndex = index;
	return pattern.exec(template);
}

/**
 * Fills a template's {placeholders}; numbers are formatted for the locale, unknown names left
 * as they are. `{name, plural, one {…} other {…}}` picks the words for the number (never
 * « session(s) »): the catalogue says each form in full, in both locales.
 */
export function fillTemplate(locale: Locale, template: string, params?: MessageParams): string {
	if (!params || !template.includes('{')) return template;
	let text = '';
	let index = 0;
	while (index < template.length) {
		const open = template.indexOf('{', index);
		if (open < 0) break;
		text += template.slice(index, open);
		const head = matchAt(PLURAL_HEAD, template, open);
		const close = head ? closingBrace(template, open) : -1;
		const options = close > 0 ? pluralOptions(template.slice(open + head![0].length, close)) : null;
		const value = head ? Number(params[head[1]]) : NaN;
		if (options && close > 0 && Number.isFinite(value)) {
			text += fillTemplate(locale, pluralBranch(locale, options, value), params);
			index = close + 1;
			continue;
		}
		const simple = matchAt(PLACEHOLDER, template, open);
		const param = simple ? params[simple[1]] : undefined;
		if (simple && param !== undefined) {
			text += typeof param === 'number' ? numberFormats[locale].format(param) : param;
			index = open + simple[0].length;
		} else {
			text += '{';
			index = open + 1;
		}
	}
	return text + template.slice(index);
}

/** A locale as stored on an account (any string, or none): English if it says so, else French. */
export function storedLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : 'fr';
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
