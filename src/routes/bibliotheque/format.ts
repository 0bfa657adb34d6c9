/** Display helpers of the library pages (browser-safe). */
import type { Locale, MessageKey, Translate } from '$lib/i18n';
import { formatNumber, intlLocale } from '$lib/i18n/locale';
import { ATTACHMENT_TYPES, type AttachmentMediaType } from '$lib/domain/library';

/** The library's dates are the site's long dates. */
export { formatDate } from '$lib/i18n/locale';

/** "240 Ko", "3,4 Mo". */
export function formatSize(t: Translate, locale: Locale, bytes: number): string {
	if (bytes < 1024 * 1024) return t('library.size.kb', { size: formatNumber(locale, Math.max(1, Math.round(bytes / 1024))) });
	const megabytes = Math.round((bytes / (1024 * 1024)) * 10) / 10;
	return t('library.size.mb', { size: new Intl.NumberFormat(intlLocale(locale)).format(megabytes) });
}

export function formatLabel(mediaType: string): string {
	return (ATTACHMENT_TYPES[mediaType as AttachmentMediaType]?.[0] ?? '').toUpperCase();
}

/** "5 000 à 30 000", "80 000 et plus". */
export function formatRange(t: Translate, locale: Locale, min: number, max: number | null): string {
	return max === null
		? t('library.profile.rangeFrom', { min: formatNumber(locale, min) })
		: t('library.profile.rangeBetween', { min: formatNumber(locale, min), max: formatNumber(locale, max) });
}

/** Catalogue keys of the library's codes. */
export const labelKey = {
	kind: (code: string) => `library.kind.${code}` as MessageKey,
	mission: (code: string) => `mission.${code}` as MessageKey,
	status: (code: string) => `library.status.${code}` as MessageKey,
	visibility: (code: string) => `library.visibility.${code}` as MessageKey,
	maturity: (code: string) => `library.maturity.${code}` as MessageKey,
	nature: (code: string) => `nature.${code}` as MessageKey,
	profession: (code: string) => `profession.${code}` as MessageKey,
	sizeBand: (code: string | number) => `sizeBand.${code}` as MessageKey
};
