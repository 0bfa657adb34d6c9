/** How the ACI pages, the print page and the DOCX write amounts and indicator values (browser-safe). */
import type { Locale, Translate } from '../i18n/keys';
import { formatNumber, intlLocale } from '../i18n/locale';
import type { IndicatorKind } from '../domain/aci';

/** Integer cents as euros: « 12 500 € », « 1 250,50 € »; an amount not recorded: « — ». */
export function formatEuros(locale: Locale, cents: number | null): string {
	if (cents === null) return '—';
	return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR', minimumFractionDigits: cents % 100 ? 2 : 0 }).format(cents / 100);
}

export interface IndicatorValues {
	kind: IndicatorKind;
	unit: string;
	target: number | null;
	achieved: number | null;
	done: boolean | null;
}

/** The target of an indicator: « 400 patients », or « réalisé » for a done / not done one. */
export function indicatorTarget(t: Translate, locale: Locale, indicator: IndicatorValues): string {
	if (indicator.kind === 'realise') return t('aci.indicator.doneTarget');
	return indicator.target === null ? '—' : `${formatNumber(locale, indicator.target)}${indicator.unit ? ` ${indicator.unit}` : ''}`;
}

/** The achieved value: a number with its unit, « réalisé », « non réalisé », or « non mesuré ». */
export function indicatorAchieved(t: Translate, locale: Locale, indicator: IndicatorValues): string {
	if (indicator.kind === 'realise') return indicator.done === null ? t('aci.indicator.notMeasured') : indicator.done ? t('aci.indicator.done') : t('aci.indicator.notDone');
	return indicator.achieved === null ? t('aci.indicator.notMeasured') : `${formatNumber(locale, indicator.achieved)}${indicator.unit ? ` ${indicator.unit}` : ''}`;
}
