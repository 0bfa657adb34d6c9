/**
 * RPPS numbers (Répertoire partagé des professionnels de santé): 11 digits, the last one a
 * Luhn check digit over the other ten. Pure functions, shared by the browser and the server.
 */

/** Removes the spaces, non-breaking spaces and dots people type inside the number. */
export function normalizeRpps(value: string): string {
	return value.replace(/[\s\u00a0\u202f.]/g, '');
}

/** Whether a string of digits passes the Luhn (mod 10) check. */
export function passesLuhn(digits: string): boolean {
	if (!/^\d+$/.test(digits)) return false;
	let sum = 0;
	for (let index = 0; index < digits.length; index++) {
		// Counting from the right, every second digit is doubled (the check digit is not).
		let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
		if (index % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

export type RppsProblem = 'format' | 'checksum';

/** Why a (normalised) RPPS number is wrong, or null when it is valid. */
export function rppsProblem(value: string): RppsProblem | null {
	if (!/^\d{11}$/.test(value)) return 'format';
	return passesLuhn(value) ? null : 'checksum';
}

/** Whether a (normalised) RPPS number has 11 digits and a correct check digit. */
export function isValidRpps(value: string): boolean {
	return rppsProblem(value) === null;
}

/** The check digit that completes the first ten digits of an RPPS number (demo data, tests). */
export function rppsCheckDigit(firstTenDigits: string): string {
	if (!/^\d{10}$/.test(firstTenDigits)) throw new Error('rppsCheckDigit expects 10 digits');
	for (let digit = 0; digit <= 9; digit++) {
		if (passesLuhn(firstTenDigits + digit)) return String(digit);
	}
	throw new Error('unreachable: one digit always completes a Luhn sum');
}
