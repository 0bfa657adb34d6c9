/**
 * The message catalogue: French first, English complete. Each feature keeps its messages
 * in messages/<feature>.ts ({ fr, en }, English typed against French so no key is missing);
 * this module merges them and types the keys. Chosen over Paraglide 2 (≈575 MB of compiler,
 * a CDN plugin by default, slower builds) for a catalogue of this size: see the issue note.
 */
import admin from './messages/admin';
import auth from './messages/auth';
import calendar from './messages/calendar';
import common from './messages/common';
import cpts from './messages/cpts';
import dashboard from './messages/dashboard';
import dpc from './messages/dpc';
import library from './messages/library';
import drafts from './messages/drafts';
import forum from './messages/forum';
import mail from './messages/mail';
import notifications from './messages/notifications';

const catalogues = [common, auth, cpts, dashboard, notifications, admin, mail, drafts, library, forum, calendar, dpc] as const;

type Merge<T extends readonly { fr: object }[]> = T extends readonly [infer H extends { fr: object }, ...infer R extends { fr: object }[]]
	? H['fr'] & Merge<R>
	: unknown;

export type MessageKey = keyof Merge<typeof catalogues>;
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const messages: Record<Locale, Record<string, string>> = {
	fr: Object.assign({}, ...catalogues.map((catalogue) => catalogue.fr)),
	en: Object.assign({}, ...catalogues.map((catalogue) => catalogue.en))
};

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const numberFormats: Record<Locale, Intl.NumberFormat> = {
	fr: new Intl.NumberFormat('fr-FR'),
	en: new Intl.NumberFormat('en-GB')
};

/** Translates a key; numbers in params are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
	const template = messages[locale][key] ?? messages.fr[key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (match, name: string) => {
		const value = params[name];
		if (value === undefined) return match;
		return typeof value === 'number' ? numberFormats[locale].format(value) : value;
	});
}

/** A translate function bound to a locale. */
export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

/** Whether a string is a key of the catalogue (used for messages carried by errors). */
export function isMessageKey(key: string): key is MessageKey {
	return key in messages.fr;
}

/** Picks the locale: the user's choice, then the cookie, then Accept-Language; French by default. */
export function pickLocale(userLocale: string | null | undefined, cookie: string | undefined, acceptLanguage: string | null): Locale {
	for (const candidate of [userLocale, cookie]) {
		if (candidate === 'fr' || candidate === 'en') return candidate;
	}
	const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
	return first.startsWith('en') ? 'en' : 'fr';
}

export function formatNumber(locale: Locale, value: number): string {
	return numberFormats[locale].format(value);
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
