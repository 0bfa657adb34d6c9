/** Display helpers of the DPC pages (browser-safe). */
import type { MessageKey } from '$lib/i18n';
import { intlLocale } from '$lib/i18n/locale';

export const labelKey = {
	method: (code: string) => `dpc.method.${code}` as MessageKey,
	format: (code: string) => `dpc.format.${code}` as MessageKey,
	status: (code: string) => `dpc.status.${code}` as MessageKey,
	registration: (code: string) => `dpc.registration.${code}` as MessageKey,
	attendance: (code: string) => `dpc.attendance.${code}` as MessageKey,
	profession: (code: string) => `profession.${code}` as MessageKey,
	mission: (code: string) => `mission.${code}` as MessageKey
};

/** "3,5" in French, "3.5" in English. */
export function formatHours(locale: string, hours: number): string {
	return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(hours);
}
