/**
 * The whole catalogue, both locales, for the server: pages are rendered with the groups
 * their route loads (routes/+layout.ts), but mail, feeds, exports, error pages and failure
 * messages are translated here. A `.server` module, so SvelteKit refuses to build browser
 * code that imports it (with '$lib/i18n', which re-exports it): the browser gets the active
 * locale's groups as chunks instead.
 */
import aci from './messages/aci';
import admin from './messages/admin';
import auth from './messages/auth';
import calendar from './messages/calendar';
import common from './messages/common';
import cpts from './messages/cpts';
import dashboard from './messages/dashboard';
import dpc from './messages/dpc';
import espace from './messages/espace';
import obligation from './messages/obligation';
import library from './messages/library';
import drafts from './messages/drafts';
import facilitator from './messages/facilitator';
import forum from './messages/forum';
import forumParts from './messages/forumParts';
import mail from './messages/mail';
import map from './messages/map';
import notifications from './messages/notifications';
import plans from './messages/plans';
import privacy from './messages/privacy';
import statuses from './messages/statuses';
import steering from './messages/steering';
import territories from './messages/territories';
import type { Catalogues, MessageKey, MessageParams, Messages, Translate } from './keys';
import { fillTemplate, type Locale } from './locale';

/** One entry per file of messages/ (the type makes the list complete; a test checks the folder). */
export const catalogues: Catalogues = { common, auth, cpts, dashboard, notifications, admin, mail, drafts, library, forum, forumParts, calendar, dpc, map, territories, steering, plans, aci, obligation, privacy, facilitator, espace, statuses };

const allMessages: Record<Locale, Messages> = {
	fr: Object.assign({}, ...Object.values(catalogues).map((catalogue) => catalogue.fr)),
	en: Object.assign({}, ...Object.values(catalogues).map((catalogue) => catalogue.en))
};

/** Every message of a locale (the server's fallback when a page uses a group its route did not load). */
export function allMessagesOf(locale: Locale): Messages {
	return allMessages[locale];
}

/** Translates a key; numbers in params are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
	return fillTemplate(locale, allMessages[locale][key] ?? allMessages.fr[key] ?? key, params);
}

/** A translate function bound to a locale. */
export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

/**
 * The templates of these keys in a locale, for keys a page receives as data from every
 * feature (notification titles): the page gets their text with them rather than loading the
 * groups of all the features that notify.
 */
export function templatesOf(locale: Locale, keys: Iterable<string>): Messages {
	const templates: Record<string, string> = {};
	for (const key of keys) {
		const template = allMessages[locale][key] ?? allMessages.fr[key];
		if (template !== undefined) templates[key] = template;
	}
	return templates;
}

/** Whether a string is a key of the catalogue (used for messages carried by errors). */
export function isMessageKey(key: string): key is MessageKey {
	return key in allMessages.fr;
}
