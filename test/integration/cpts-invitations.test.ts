import { describe, expect, it } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { auditLog, cptsInvitations, cptsMemberships, mailOutbox } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	acceptInvitation,
	getInvitationState,
	INVITATION_LIFETIME_DAYS,
	inviteByEmail,
	listMembers
} from '../../src/lib/server/cpts';
import { hashToken } from '../../src/lib/server/shared/ids';
import { actions as invitationActions, load as loadInvitationPage } from '../../src/routes/cpts/invitation/[token]/+page.server';
import { useTestDatabase } from '../helpers/db';
import { expectAppError } from '../helpers/refusal';
import { asSessionUser } from '../helpers/routes';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

async function community() {
	const place = await makeCpts(testDb.db, { name: 'CPTS Paris XIII' });
	const coordinator = asSessionUser(await makeUser(testDb.db, { name: 'Hélène Coordinatrice' }));
	await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
	return { place, coordinator };
}

const lastMailTo = async (address: string) =>
	(await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address))).at(-1);

describe('invitations by e-mail', () => {
	it('sends a French mail with a link whose token is stored only as its hash, valid 14 days', async () => {
		const { place, coordinator } = await community();
		const before = Date.now();
		const { token, invitationId } = await inviteByEmail(testDb.db, coordinator, place.id, ' Nouveau.Pro@Exemple.fr ');
		expect(invitationId).toBe(hashToken(token));
		const [row] = await testDb.db.select().from(cptsInvitations).where(eq(cptsInvitations.cptsId, place.id));
		expect(row.id).toBe(hashToken(token));
		expect(row.id).not.toContain(token);
		expect(row).toMatchObject({ email: 'nouveau.pro@exemple.fr', invitedBy: coordinator.id, acceptedAt: null });
		const lifetime = row.expiresAt.getTime() - before;
		expect(lifetime).toBeGreaterThanOrEqual(INVITATION_LIFETIME_DAYS * 86_400_000 - 1000);
		expect(lifetime).toBeLessThanOrEqual(INVITATION_LIFETIME_DAYS * 86_400_000 + 60_000);

		const mail = await lastMailTo('nouveau.pro@exemple.fr');
		expect(mail?.template).toBe('cpts_invitation');
		expect(mail?.subject).toBe('Invitation à rejoindre CPTS Paris XIII');
		expect(mail?.textBody).toContain('Hélène Coordinatrice vous invite à rejoindre CPTS Paris XIII');
		expect(mail?.textBody).toContain(`/cpts/invitation/${token}`);
		expect(mail?.htmlBody).toContain(`/cpts/invitation/${token}`);
		const [audit] = await testDb.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'cpts.invitation_sent'), eq(auditLog.targetId, place.id)));
		expect(audit).toMatchObject({ actorId: coordinator.id, details: { email: 'nouveau.pro@exemple.fr' } });
	});

	it('writes in English to an existing account that reads English', async () => {
		const { place, coordinator } = await community();
		await makeUser(testDb.db, { email: 'reader@example.com', locale: 'en' });
		await inviteByEmail(testDb.db, coordinator, place.id, 'reader@example.com');
		expect((await lastMailTo('reader@example.com'))?.subject).toBe('Invitation to join CPTS Paris XIII');
	});

	it('makes whoever opens it signed in an active member, once', async () => {
		const { place, coordinator } = await community();
		const { token } = await inviteByEmail(testDb.db, coordinator, place.id, 'invite@exemple.fr');
		expect(await getInvitationState(testDb.db, token)).toMatchObject({ status: 'valid', cpts: { slug: place.slug } });
		const someone = asSessionUser(await makeUser(testDb.db));
		expect(await acceptInvitation(testDb.db, someone, token)).toEqual({ cpts: { id: place.id, slug: place.slug, name: place.name } });
		const [membership] = await testDb.db
			.select()
			.from(cptsMemberships)
			.where(and(eq(cptsMemberships.cptsId, place.id), eq(cptsMemberships.userId, someone.id)));
		expect(membership).toMatchObject({ status: 'active', role: 'member', decidedBy: coordinator.id });
		expect((await getInvitationState(testDb.db, token)).status).toBe('used');
		const other = asSessionUser(await makeUser(testDb.db));
		await expectAppError(acceptInvitation(testDb.db, other, token), 'conflict', 'cpts.invitation.used');
		expect((await listMembers(testDb.db, place.id)).map((entry) => entry.userId)).not.toContain(other.id);
	});

	it('turns a pending or refused request into a membership, and leaves a coordinator a coordinator', async () => {
		const { place, coordinator } = await community();
		const pending = await makeUser(testDb.db);
		await makeMembership(testDb.db, place.id, pending.id, { status: 'pending' });
		await acceptInvitation(testDb.db, asSessionUser(pending), (await inviteByEmail(testDb.db, coordinator, place.id, pending.email)).token);
		const self = await inviteByEmail(testDb.db, coordinator, place.id, coordinator.email);
		await acceptInvitation(testDb.db, coordinator, self.token);
		const members = await listMembers(testDb.db, place.id);
		expect(members.find((entry) => entry.userId === pending.id)?.role).toBe('member');
		expect(members.find((entry) => entry.userId === coordinator.id)?.role).toBe('coordinator');
	});

	it('refuses expired, unknown and malformed links with their own message', async () => {
		const { place, coordinator } = await community();
		const { token, invitationId } = await inviteByEmail(testDb.db, coordinator, place.id, 'tard@exemple.fr');
		await testDb.db
			.update(cptsInvitations)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(cptsInvitations.id, invitationId));
		const user = asSessionUser(await makeUser(testDb.db));
		expect((await getInvitationState(testDb.db, token)).status).toBe('expired');
		await expectAppError(acceptInvitation(testDb.db, user, token), 'conflict', 'cpts.invitation.expired');
		expect((await getInvitationState(testDb.db, 'abcdefghijklmnopqrstuvwxyz234567')).status).toBe('invalid');
		await expectAppError(acceptInvitation(testDb.db, user, 'abcdefghijklmnopqrstuvwxyz234567'), 'not_found', 'cpts.invitation.invalid');
		expect((await getInvitationState(testDb.db, "'; drop table cpts; --")).status).toBe('invalid');
		expect(await listMembers(testDb.db, place.id)).toHaveLength(1);
	});

	it('is refused to members, outsiders and coordinators of another CPTS', async () => {
		const { place } = await community();
		const member = asSessionUser(await makeUser(testDb.db));
		await makeMembership(testDb.db, place.id, member.id);
		const elsewhere = await community();
		for (const user of [member, elsewhere.coordinator, asSessionUser(await makeUser(testDb.db)), null]) {
			await expectAppError(inviteByEmail(testDb.db, user, place.id, 'x@exemple.fr'), 'forbidden');
		}
		expect(await testDb.db.select().from(cptsInvitations).where(eq(cptsInvitations.cptsId, place.id))).toHaveLength(0);
		expect(await lastMailTo('x@exemple.fr')).toBeUndefined();
		// A facilitator may invite to any CPTS.
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		await inviteByEmail(testDb.db, facilitator, place.id, 'x@exemple.fr');
		expect(await lastMailTo('x@exemple.fr')).toBeDefined();
	});

	it('the invitation page shows the invitation to a signed-out visitor and sends them to sign in to accept', async () => {
		const { place, coordinator } = await community();
		const { token } = await inviteByEmail(testDb.db, coordinator, place.id, 'visiteur@exemple.fr');
		const path = `/cpts/invitation/${token}`;
		const event = (user: SessionUser | null) =>
			({ params: { token }, url: new URL(`http://localhost${path}`), locals: { user, locale: 'fr' } }) as never;
		// Opening the link changes nothing: no membership before the button is pressed.
		const page = (await loadInvitationPage(event(null))) as Record<string, unknown>;
		expect(page).toMatchObject({ state: { status: 'valid', cpts: { slug: place.slug } }, signedIn: false, returnTo: path });
		expect((await getInvitationState(testDb.db, token)).status).toBe('valid');
		const redirect = await Promise.resolve(invitationActions.default(event(null))).catch((error: unknown) => error);
		expect(isRedirect(redirect) && redirect.location).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
		const invited = asSessionUser(await makeUser(testDb.db));
		expect(await invitationActions.default(event(invited))).toEqual({ accepted: { slug: place.slug, name: place.name } });
		expect((await listMembers(testDb.db, place.id)).map((entry) => entry.userId)).toContain(invited.id);
		const again = (await invitationActions.default(event(asSessionUser(await makeUser(testDb.db))))) as { status: number; data: unknown };
		expect(again.status).toBe(409);
		expect(again.data).toEqual({ message: 'cpts.invitation.used', messageParams: {} });
	});
});
