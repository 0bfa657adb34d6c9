/**
 * A key that is not among the groups its page loaded (route-groups.ts forgot it, or it came
 * as data from another feature) still shows in the right words. On the server the whole
 * catalogue answers (registered by hooks.server.ts, so it never enters a browser bundle);
 * in the browser every group of the locale is loaded once and the page re-renders. Either
 * way it is said once per key, so the table can be fixed.
 */
import { browser } from '$app/environment';
import type { Messages } from './keys';
import type { Locale } from './locale';
import { loadAllMessages } from './messages-loader';

type ServerLookup = (locale: Locale, key: string) => string | undefined;

let serverLookup: ServerLookup | undefined;
let warn: (locale: Locale, key: string) => void = (locale, key) =>
	console.warn(`[i18n] « ${key} » (${locale}) n’est pas dans les groupes de messages chargés pour cette page : à ajouter dans route-groups.ts`);
const warned = new Set<string>();

/** Server only: the whole catalogue, and where to say that a key was missing. */
export function useServerCatalogue(lookup: ServerLookup, onMissing?: (locale: Locale, key: string) => void): void {
	serverLookup = lookup;
	if (onMissing) warn = onMissing;
}

// Browser: every message of a locale, once a missing key asked for them (reactive: the
// template that showed the key shows the text when they arrive).
let everything = $state.raw<Partial<Record<Locale, Messages>>>({});
const requested = new Set<Locale>();

/** The text of a key that the page's messages lack (the key itself if the catalogue has none). */
export function missingMessage(locale: Locale, key: string): string {
	const all = browser ? everything[locale] : undefined;
	if (all) return all[key] ?? key;
	if (!warned.has(`${locale}/${key}`)) {
		warned.add(`${locale}/${key}`);
		warn(locale, key);
	}
	if (!browser) return serverLookup?.(locale, key) ?? key;
	if (!requested.has(locale)) {
		requested.add(locale);
		loadAllMessages(locale).then(
			(messages) => (everything = { ...everything, [locale]: messages }),
			() => requested.delete(locale)
		);
	}
	return key;
}
