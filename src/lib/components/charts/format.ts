/** Number formats of the charts and the dashboard, per locale. */
import type { Locale } from '$lib/i18n';

const percentFormats = new Map<Locale, Intl.NumberFormat>();

/** A share between 0 and 1 written as a percentage with one decimal ("57,6 %"). */
export function formatPercent(locale: Locale, share: number): string {
	let format = percentFormats.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
			style: 'percent',
			minimumFractionDigits: 1,
			maximumFractionDigits: 1
		});
		percentFormats.set(locale, format);
	}
	return format.format(share);
}
