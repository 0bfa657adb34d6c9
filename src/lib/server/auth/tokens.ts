/**
 * One-time links sent by e-mail (address verification, password reset). The link carries a
 * random token; the table keeps only its SHA-256 as the row id, so a leaked table cannot be
 * replayed. A token is spent by one atomic update, so two clicks cannot both succeed.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { emailTokens } from '../db/schema';
import { generateSecretToken, hashToken } from '../shared/ids';

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

const HOUR_MS = 60 * 60_000;
export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
	verify_email: 48 * HOUR_MS,
	reset_password: HOUR_MS
};

/** Why a token cannot be used. */
export type TokenProblem = 'invalid' | 'expired' | 'used';

export type TokenCheck = { ok: true; userId: string } | { ok: false; problem: TokenProblem; userId: string | null };

/** Tokens in links are lower-case base32 (see generateSecretToken); anything else is refused early. */
const tokenShape = /^[a-z2-7]{20,64}$/;

/**
 * Creates a token for a user and purpose and returns it (to put in the link). Earlier unused
 * tokens of the same purpose are deleted: only the latest link sent works.
 */
export async function issueEmailToken(
	db: DbOrTx,
	userId: string,
	purpose: EmailTokenPurpose,
	now = new Date()
): Promise<string> {
	const token = generateSecretToken();
	await revokeEmailTokens(db, userId, purpose);
	await db.insert(emailTokens).values({
		id: hashToken(token),
		userId,
		purpose,
		createdAt: now,
		expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose])
	});
	return token;
}

/** Deletes a user's unused tokens of a purpose: their links stop working. */
export async function revokeEmailTokens(db: DbOrTx, userId: string, purpose: EmailTokenPurpose): Promise<void> {
	await db
		.delete(emailTokens)
		.where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}

/** Looks at a token without spending it (to show the reset form, for instance). */
export async function checkEmailToken(
	db: DbOrTx,
	token: string,
	purpose: EmailTokenPurpose,
	now = new Date()
): Promise<TokenCheck> {
	if (!tokenShape.test(token)) return { ok: false, problem: 'invalid', userId: null };
	const [row] = await db
		.select()
		.from(emailTokens)
		.where(and(eq(emailTokens.id, hashToken(token)), eq(emailTokens.purpose, purpose)));
	if (!row) return { ok: false, problem: 'invalid', userId: null };
	if (row.usedAt) return { ok: false, problem: 'used', userId: row.userId };
	if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired', userId: row.userId };
	return { ok: true, userId: row.userId };
}

/** Spends a token: succeeds for exactly one caller while it is unused and unexpired. */
export async function consumeEmailToken(
	db: DbOrTx,
	token: string,
	purpose: EmailTokenPurpose,
	now = new Date()
): Promise<TokenCheck> {
	if (!tokenShape.test(token)) return { ok: false, problem: 'invalid', userId: null };
	const [spent] = await db
		.update(emailTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(emailTokens.id, hashToken(token)),
				eq(emailTokens.purpose, purpose),
				isNull(emailTokens.usedAt),
				gt(emailTokens.expiresAt, now)
			)
		)
		.returning({ userId: emailTokens.userId });
	if (spent) return { ok: true, userId: spent.userId };
	// Not spendable: say why, from the row as it is now (a concurrent caller may just have spent it).
	const check = await checkEmailToken(db, token, purpose, now);
	return check.ok ? { ok: false, problem: 'used', userId: check.userId } : check;
}

/** When the latest token of a purpose was sent to a user (to space out resends), or null. */
export async function lastTokenIssuedAt(db: DbOrTx, userId: string, purpose: EmailTokenPurpose): Promise<Date | null> {
	const [latest] = await db
		.select({ createdAt: emailTokens.createdAt })
		.from(emailTokens)
		.where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose)))
		.orderBy(desc(emailTokens.createdAt))
		.limit(1);
	return latest?.createdAt ?? null;
}
