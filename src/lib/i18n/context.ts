/** The translate function of the current page, set once by the root layout. */
import { getContext, setContext } from 'svelte';
import type { Messages, Translate } from './keys';
import { fillTemplate, type Locale } from './locale';
import { missingMessage } from './missing.svelte';

const key = Symbol('i18n');

interface I18nContext {
	locale: () => Locale;
	t: Translate;
}

/**
 * Called by the root layout with getters, so that a change of locale or of loaded groups
 * (a navigation to another feature) re-renders. `messages` holds the groups of the page's
 * route in its locale (routes/+layout.ts).
 */
export function setI18n(locale: () => Locale, messages: () => Messages): void {
	setContext<I18nContext>(key, {
		locale,
		t: (messageKey, params) => {
			const current = locale();
			return fillTemplate(current, messages()[messageKey] ?? missingMessage(current, messageKey), params);
		}
	});
}

/** The translate function for components. */
export function useT(): Translate {
	return getContext<I18nContext>(key).t;
}

export function useLocale(): () => Locale {
	return getContext<I18nContext>(key).locale;
}
