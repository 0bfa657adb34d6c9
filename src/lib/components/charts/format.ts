/** Number formats of the charts and the dashboard, per locale (formatters are costly to build: cached). */
import type { Locale } from '$lib/i18n';
import { intlLocale } from '$lib/i18n/locale';

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A share between 0 and 1 written as a percentage, one decimal unless told ("57,6 %"). */
export function formatPercent(locale: Locale, share: number, options: { decimals?: number } = {}): string {
	const decimals = options.decimals ?? 1;
	const key = `${locale}:${decimals}`;
	let format = percentFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), {
			style: 'percent',
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		});
		percentFormats.set(key, format);
	}
	return format.format(share);
}
