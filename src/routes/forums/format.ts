/** Display helpers of the forum pages (browser-safe). */
import type { Locale } from '$lib/i18n';
import { formatDate as formatDateIn, formatDateTime as formatDateTimeIn } from '$lib/i18n/locale';

/** "22 nov. 2026": the forum's shorter date, Paris time. */
export function formatDate(locale: Locale, date: Date | string | null | undefined): string {
	return formatDateIn(locale, date, 'medium');
}

/** "22 nov. 2026, 09:05": the forum's shorter date and time, Paris time. */
export function formatDateTime(locale: Locale, date: Date | string | null | undefined): string {
	return formatDateTimeIn(locale, date, 'Europe/Paris', 'medium');
}
