import { describe, expect, it } from 'vitest';
import { isValidRpps, normalizeRpps, passesLuhn, rppsCheckDigit, rppsProblem } from './rpps';

describe('RPPS numbers', () => {
	it('accepts 11 digits whose last digit is the Luhn key', () => {
		// 10003456789 is not valid; its first ten digits completed with their key are.
		const valid = '1000345678' + rppsCheckDigit('1000345678');
		expect(valid).toHaveLength(11);
		expect(isValidRpps(valid)).toBe(true);
		expect(rppsProblem(valid)).toBeNull();
	});

	it('computes the Luhn sum like the reference examples', () => {
		// Classic Luhn examples (credit card test numbers and the Wikipedia example).
		expect(passesLuhn('79927398713')).toBe(true);
		expect(passesLuhn('79927398710')).toBe(false);
		expect(passesLuhn('4539578763621486')).toBe(true);
		expect(isValidRpps('79927398713')).toBe(true);
	});

	it('refuses a wrong key, whatever digit is changed', () => {
		const valid = '1012345678' + rppsCheckDigit('1012345678');
		for (let position = 0; position < 11; position++) {
			const digit = Number(valid[position]);
			const changed = valid.slice(0, position) + ((digit + 1) % 10) + valid.slice(position + 1);
			expect(rppsProblem(changed)).toBe('checksum');
		}
	});

	it('refuses anything that is not exactly 11 digits', () => {
		for (const value of ['', '1234567890', '123456789012', '1000345678a', ' 79927398713', '7992739871３']) {
			expect(rppsProblem(value)).toBe('format');
		}
	});

	it('normalises the spaces and dots people type', () => {
		expect(normalizeRpps(' 799 273 987 13 ')).toBe('79927398713');
		expect(normalizeRpps('799.273.987.13')).toBe('79927398713');
		expect(normalizeRpps('799\u00a0273\u202f98713')).toBe('79927398713');
	});

	it('refuses a check-digit request that is not ten digits', () => {
		expect(() => rppsCheckDigit('123')).toThrow();
	});
});
