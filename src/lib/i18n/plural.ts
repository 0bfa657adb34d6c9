/** The plural category of a count (Intl.PluralRules), for catalogue keys ending in `.one` / `.other`. */
import type { Locale } from './locale';

const rules = new Map<Locale, Intl.PluralRules>();

/** 'one' or 'other': French puts 0 and 1 in 'one', English only 1. */
export function pluralCategory(locale: Locale, count: number): 'one' | 'other' {
	let rule = rules.get(locale);
	if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
	return rule.select(count) === 'one' ? 'one' : 'other';
}
