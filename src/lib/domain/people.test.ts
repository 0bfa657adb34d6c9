import { describe, expect, it } from 'vitest';
import { initials } from './people';

describe('initials', () => {
	it('takes the first letters of the first and last words, without a title', () => {
		expect(initials('Anne Martin')).toBe('AM');
		expect(initials('Dr Marc Girard')).toBe('MG');
		expect(initials('Jean-Pierre de la Fontaine')).toBe('JF');
		expect(initials('élodie')).toBe('É');
		expect(initials('  ')).toBe('?');
	});
});
