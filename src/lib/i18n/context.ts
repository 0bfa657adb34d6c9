/** The translate function of the current page, set once by the root layout. */
import { getContext, setContext } from 'svelte';
import { translator, type Locale, type Translate } from './index';

const key = Symbol('i18n');

interface I18nContext {
	locale: () => Locale;
	t: Translate;
}

/** Called by the root layout with a getter so that a locale change re-renders. */
export function setI18n(locale: () => Locale): void {
	setContext<I18nContext>(key, {
		locale,
		t: (messageKey, params) => translator(locale())(messageKey, params)
	});
}

/** The translate function for components. */
export function useT(): Translate {
	return getContext<I18nContext>(key).t;
}

export function useLocale(): () => Locale {
	return getContext<I18nContext>(key).locale;
}
