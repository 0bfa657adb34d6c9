/**
 * Password rules and hashing: argon2id with the library defaults (19 MiB, 2 passes, 1 lane),
 * the parameters OWASP and Lucia's guide recommend. The rules live here only; the form
 * schemas (schemas.ts) call them.
 */
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
/** Bound on what we hash: argon2 accepts long inputs, but nobody types 200 characters. */
export const PASSWORD_MAX_LENGTH = 200;

// Algorithm 2 is Argon2id (a const enum, not importable under isolatedModules).
const ARGON2ID = 2;

/** A catalogue key saying why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string | null): string | null {
	if (password.length === 0) return 'form.required';
	if (password.length > PASSWORD_MAX_LENGTH) return 'auth.password.tooLong';
	if ([...password].length < PASSWORD_MIN_LENGTH) return 'auth.password.tooShort';
	const lowered = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lowered)) return 'auth.password.common';
	// One repeated character ("aaaaaaaaaa") is as weak as any list entry.
	if (new Set(lowered).size < 3) return 'auth.password.common';
	if (email) {
		const address = email.toLowerCase();
		if (lowered === address || lowered === address.split('@')[0]) return 'auth.password.likeEmail';
	}
	return null;
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, { algorithm: ARGON2ID });
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (password.length > PASSWORD_MAX_LENGTH) return false;
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification when the account does not exist, so that the
 * response time does not tell which e-mail addresses have an account.
 */
export async function verifyAgainstDummyHash(password: string): Promise<false> {
	dummyHash ??= hashPassword('dummy-password-that-matches-no-account');
	await verifyPassword(await dummyHash, password);
	return false;
}
