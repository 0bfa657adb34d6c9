import { describe, expect, it } from 'vitest';
import type { Translate } from '../i18n/keys';
import { fillTemplate, type Locale } from '../i18n/locale';
import common from '../i18n/messages/common';
import { PLACE_TIME_ZONES, formatOffset, zoneLabel, zoneName } from './time-zones';

const translatorFor = (locale: Locale): Translate => (key, params) => fillTemplate(locale, (common[locale] as Record<string, string>)[key] ?? key, params);
const fr = translatorFor('fr');
const en = translatorFor('en');

describe('time zones named as people say them', () => {
	it('names each zone of a place in French and English, with the offset at the date shown', () => {
		expect(zoneLabel(fr, 'fr', 'Indian/Reunion', 'UTC+4')).toBe('heure de La Réunion (UTC+4)');
		expect(zoneLabel(fr, 'fr', 'Europe/Paris', 'UTC+1')).toBe('heure de Paris (UTC+1)');
		expect(zoneLabel(fr, 'fr', 'Europe/Paris', 'UTC+2')).toBe('heure de Paris (UTC+2)');
		expect(zoneLabel(en, 'en', 'Indian/Reunion', 'UTC+4')).toBe('Réunion time (UTC+4)');
		for (const zone of PLACE_TIME_ZONES) {
			for (const [t, locale] of [[fr, 'fr'], [en, 'en']] as const) {
				const name = zoneName(t, locale, zone);
				expect(name).not.toContain('/');
				expect(name).not.toBe(`timeZone.name.${zone}`);
			}
			expect(zoneName(fr, 'fr', zone)).toMatch(/^heure de /);
		}
	});

	it('names another zone (a viewer’s) by the runtime’s name for it, never its IANA id', () => {
		for (const zone of ['America/New_York', 'Europe/Brussels', 'Asia/Tokyo']) {
			const label = zoneLabel(fr, 'fr', zone, 'UTC+1');
			expect(label).not.toContain(zone);
			expect(label).toMatch(/\(UTC\+1\)$/);
		}
	});

	it('have a French form label with the offsets of the year, in each group', () => {
		const names = common.fr as Record<string, string>;
		for (const zone of PLACE_TIME_ZONES) {
			expect(names[`timeZone.${zone}`]).toMatch(/^Heure .+\(UTC[+−]\d+/);
		}
		expect(names['timeZone.Indian/Reunion']).toBe('Heure de La Réunion (UTC+4)');
	});

	it('writes offsets as people read them', () => {
		expect(formatOffset(240)).toBe('UTC+4');
		expect(formatOffset(-180)).toBe('UTC−3');
		expect(formatOffset(330)).toBe('UTC+5:30');
		expect(formatOffset(0)).toBe('UTC');
	});
});
