import { describe, expect, it } from 'vitest';
import { intlLocale, storedLocale } from './locale';

describe('storedLocale', () => {
	it('reads English only when the account says so, French otherwise', () => {
		expect(storedLocale('en')).toBe('en');
		expect(storedLocale('fr')).toBe('fr');
		expect(storedLocale('de')).toBe('fr');
		expect(storedLocale(null)).toBe('fr');
		expect(storedLocale(undefined)).toBe('fr');
	});
});

describe('intlLocale', () => {
	it('formats French as in France and English as in Britain', () => {
		expect(intlLocale('fr')).toBe('fr-FR');
		expect(intlLocale('en')).toBe('en-GB');
	});
});
