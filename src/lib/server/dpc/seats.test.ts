import { describe, expect, it } from 'vitest';
import { hasSeatFor, seatsLeftFor } from './seats';

describe('seats with places reserved per profession', () => {
	const rules = { capacity: 4, reservedSeats: { infirmier: 1, medecin_generaliste: 1 } };

	it('keeps reserved seats for their profession and shares the others', () => {
		expect(hasSeatFor(rules, {}, 'pharmacien')).toBe(true);
		// Two pharmacists take both open seats; a third waits, a nurse and a GP still have theirs.
		const counts = { pharmacien: 2 };
		expect(hasSeatFor(rules, counts, 'pharmacien')).toBe(false);
		expect(seatsLeftFor(rules, counts, 'pharmacien')).toBe(0);
		expect(hasSeatFor(rules, counts, 'infirmier')).toBe(true);
		expect(hasSeatFor(rules, { ...counts, infirmier: 1 }, 'infirmier')).toBe(false);
		expect(hasSeatFor(rules, { ...counts, infirmier: 1 }, 'medecin_generaliste')).toBe(true);
	});

	it('lets a profession use open seats beyond its reserved ones', () => {
		expect(hasSeatFor(rules, { infirmier: 2 }, 'infirmier')).toBe(true);
		expect(seatsLeftFor(rules, { infirmier: 3 }, 'infirmier')).toBe(0);
		expect(seatsLeftFor(rules, { infirmier: 3 }, 'medecin_generaliste')).toBe(1);
	});

	it('without reservations, is plain capacity', () => {
		const plain = { capacity: 2, reservedSeats: {} };
		expect(hasSeatFor(plain, { infirmier: 1 }, 'pharmacien')).toBe(true);
		expect(hasSeatFor(plain, { infirmier: 1, pharmacien: 1 }, 'pharmacien')).toBe(false);
	});
});
