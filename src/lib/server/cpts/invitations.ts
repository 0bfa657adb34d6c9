/**
 * E-mail invitations: a manager of a CPTS invites an address; the link carries a random
 * token of which only the SHA-256 is stored (it is the invitation's id). The link works once,
 * for 14 days, for whoever opens it signed in.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, cptsInvitations, cptsMemberships, users } from '../db/schema';
import { writeAudit } from '../audit';
import { queueMail, siteUrl } from '../mail';
import { AppError, forbidden, notFound } from '../shared/errors';
import { generateSecretToken, hashToken } from '../shared/ids';
import { canManageMembers, type Viewer } from './permissions';
import { storedLocale } from '../../i18n/locale';

export const INVITATION_LIFETIME_DAYS = 14;
const INVITATION_LIFETIME_MS = INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

/** The path of an invitation link (the token is the secret part). */
export const invitationPath = (token: string) => `/cpts/invitation/${token}`;

const looksLikeToken = (token: string) => /^[a-z2-7]{20,64}$/.test(token);

/** Invites an e-mail address to a CPTS and sends the link; returns the token (for tests). */
export async function inviteByEmail(
	db: DbOrTx,
	actor: Viewer,
	cptsId: string,
	email: string
): Promise<{ token: string; invitationId: string }> {
	if (!(await canManageMembers(db, actor, cptsId))) throw forbidden();
	const [target] = await db.select({ slug: cpts.slug, name: cpts.name }).from(cpts).where(eq(cpts.id, cptsId));
	if (!target) throw notFound('cpts.notFound');
	const [inviter] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor!.id));
	const address = email.trim().toLowerCase();
	// Write in the invitee's language when they already have an account.
	const [invitee] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, address));
	const token = generateSecretToken();
	const invitationId = hashToken(token);
	await db.transaction(async (tx) => {
		await tx.insert(cptsInvitations).values({
			id: invitationId,
			cptsId,
			email: address,
			invitedBy: actor!.id,
			expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS)
		});
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'cpts.invitation_sent',
			targetType: 'cpts',
			targetId: cptsId,
			details: { email: address }
		});
		// Only the e-mail: an in-app notification would have to store the link, hence the token
		// itself, in the notifications table, while only its hash may be kept.
		const params = { cpts: target.name, name: inviter?.name ?? '' };
		await queueMail(tx, address, {
			template: 'cpts_invitation',
			locale: storedLocale(invitee?.locale),
			subject: ['cpts.mail.invitation.subject', params],
			paragraphs: [
				['cpts.mail.invitation.intro', params],
				['cpts.mail.invitation.how'],
				['cpts.mail.invitation.expiry', { days: INVITATION_LIFETIME_DAYS }]
			],
			action: { label: 'cpts.mail.invitation.action', url: siteUrl(invitationPath(token)) }
		});
	});
	return { token, invitationId };
}

export type InvitationState =
	| { status: 'valid' | 'expired' | 'used'; cpts: { id: string; slug: string; name: string }; expiresAt: Date }
	| { status: 'invalid' };

/** What an invitation link leads to, without using it. */
export async function getInvitationState(db: DbOrTx, token: string, now = new Date()): Promise<InvitationState> {
	if (!looksLikeToken(token)) return { status: 'invalid' };
	const [row] = await db
		.select({ invitation: cptsInvitations, cpts: { id: cpts.id, slug: cpts.slug, name: cpts.name } })
		.from(cptsInvitations)
		.innerJoin(cpts, eq(cpts.id, cptsInvitations.cptsId))
		.where(eq(cptsInvitations.id, hashToken(token)));
	if (!row) return { status: 'invalid' };
	const status = row.invitation.acceptedAt ? 'used' : row.invitation.expiresAt <= now ? 'expired' : 'valid';
	return { status, cpts: row.cpts, expiresAt: row.invitation.expiresAt };
}

const invitationErrors = {
	invalid: 'cpts.invitation.invalid',
	expired: 'cpts.invitation.expired',
	used: 'cpts.invitation.used'
} as const;

/**
 * Uses an invitation: the signed-in user becomes an active member (a coordinator stays one).
 * Expired, used and unknown links are refused with their own message.
 */
export async function acceptInvitation(
	db: DbOrTx,
	user: Viewer,
	token: string
): Promise<{ cpts: { id: string; slug: string; name: string } }> {
	if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
	const state = await getInvitationState(db, token);
	if (state.status !== 'valid') throw new AppError(state.status === 'invalid' ? 'not_found' : 'conflict', invitationErrors[state.status]);
	await db.transaction(async (tx) => {
		// Marking it used and checking it was unused and unexpired is one statement: a link
		// opened twice at once makes one member.
		const [invitation] = await tx
			.update(cptsInvitations)
			.set({ acceptedAt: new Date() })
			.where(
				and(
					eq(cptsInvitations.id, hashToken(token)),
					isNull(cptsInvitations.acceptedAt),
					gt(cptsInvitations.expiresAt, sql`now()`)
				)
			)
			.returning();
		if (!invitation) throw new AppError('conflict', invitationErrors.used);
		await tx
			.insert(cptsMemberships)
			.values({
				cptsId: invitation.cptsId,
				userId: user.id,
				role: 'member',
				status: 'active',
				decidedBy: invitation.invitedBy,
				decidedAt: new Date()
			})
			.onConflictDoUpdate({
				target: [cptsMemberships.cptsId, cptsMemberships.userId],
				set: { status: 'active', decidedBy: invitation.invitedBy, decidedAt: new Date() },
				setWhere: sql`${cptsMemberships.status} <> 'active'`
			});
		await writeAudit(tx, {
			actorId: user.id,
			action: 'cpts.invitation_accepted',
			targetType: 'cpts',
			targetId: invitation.cptsId,
			details: { invitationEmail: invitation.email, invitedBy: invitation.invitedBy }
		});
	});
	return { cpts: state.cpts };
}
