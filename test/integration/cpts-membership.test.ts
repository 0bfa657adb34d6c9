import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, cptsMemberships, notifications } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	appointCoordinator,
	approveJoinRequest,
	canManageMembers,
	canSeeMembers,
	getPublicMembership,
	getViewerAccess,
	leaveCpts,
	listMembers,
	listPendingRequests,
	listUserCpts,
	refuseJoinRequest,
	removeCoordinatorRole,
	removeMember,
	requestToJoin
} from '../../src/lib/server/cpts';
import { AppError } from '../../src/lib/server/shared/errors';
import { load as loadMembersPage } from '../../src/routes/cpts/[slug]/membres/+page.server';
import { actions as cptsPageActions, load as loadCptsPage } from '../../src/routes/cpts/[slug]/+page.server';
import { useTestDatabase } from '../helpers/db';
import { expectAppError } from '../helpers/refusal';
import { asSessionUser, routeOutcome } from '../helpers/routes';
import { formData } from '../helpers/auth';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

/** A CPTS with one coordinator and one plain member. */
async function makeCommunity(name?: string) {
	const place = await makeCpts(testDb.db, name ? { name } : {});
	const coordinator = await makeUser(testDb.db, { name: `Coordinatrice ${place.slug}` });
	const member = await makeUser(testDb.db);
	await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
	await makeMembership(testDb.db, place.id, member.id);
	return { place, coordinator: asSessionUser(coordinator), member: asSessionUser(member) };
}

const membershipRow = async (cptsId: string, userId: string) =>
	(
		await testDb.db
			.select()
			.from(cptsMemberships)
			.where(and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.userId, userId)))
	)[0];

/** Calls a route's load the way SvelteKit would, with only what our loads read. */
function pageEvent(path: string, slug: string, user: SessionUser | null) {
	return { params: { slug }, url: new URL(`http://localhost${path}`), locals: { user, locale: 'fr' } } as never;
}

describe('join flow', () => {
	it('request → pending → approved by a coordinator of that CPTS → member, recorded and notified', async () => {
		const { place, coordinator } = await makeCommunity();
		const applicant = asSessionUser(await makeUser(testDb.db, { name: 'Inès Applicante' }));
		const request = await requestToJoin(testDb.db, applicant, place.id, 'Infirmière libérale à Mirecourt');
		expect(request).toMatchObject({ status: 'pending', role: 'member', message: 'Infirmière libérale à Mirecourt', decidedAt: null });
		expect((await getViewerAccess(testDb.db, applicant, place.id)).canAskToJoin).toBe(false);
		expect(await listPendingRequests(testDb.db, place.id)).toMatchObject([{ userId: applicant.id, name: 'Inès Applicante' }]);
		// The coordinator hears of it, with the applicant's name.
		const [toCoordinator] = await testDb.db.select().from(notifications).where(eq(notifications.userId, coordinator.id));
		expect(toCoordinator).toMatchObject({ kind: 'cpts.join_request', link: `/cpts/${place.slug}/membres` });
		expect(toCoordinator.params).toMatchObject({ name: 'Inès Applicante', cpts: place.name });

		const approved = await approveJoinRequest(testDb.db, coordinator, place.id, applicant.id);
		expect(approved.status).toBe('active');
		expect(approved.decidedBy).toBe(coordinator.id);
		expect(approved.decidedAt).toBeInstanceOf(Date);
		expect((await listMembers(testDb.db, place.id)).map((entry) => entry.userId)).toContain(applicant.id);
		expect(await listPendingRequests(testDb.db, place.id)).toEqual([]);
		const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'cpts.membership_approved'));
		expect(audit.find((entry) => entry.targetId === place.id)).toMatchObject({ actorId: coordinator.id, details: { userId: applicant.id } });
		const [toApplicant] = await testDb.db.select().from(notifications).where(eq(notifications.userId, applicant.id));
		expect(toApplicant).toMatchObject({ kind: 'cpts.join_decision', title: 'notifications.kind.cpts.join_accepted.title' });
		expect(await listUserCpts(testDb.db, applicant.id)).toMatchObject([{ slug: place.slug, status: 'active', role: 'member' }]);
	});

	it('an unverified address may not ask to join; the page says so and links to the verification mail', async () => {
		const { place, coordinator } = await makeCommunity();
		const unverifiedUser = await makeUser(testDb.db, { emailVerifiedAt: null });
		const applicant = asSessionUser(unverifiedUser);
		await expectAppError(requestToJoin(testDb.db, applicant, place.id, null), 'email_unverified', 'error.emailUnverified');

		const outcome = await cptsPageActions.join({
			request: new Request(`http://localhost/cpts/${place.slug}?/join`, { method: 'POST', body: formData({ message: 'Pharmacienne à Vittel' }) }),
			params: { slug: place.slug },
			locals: { user: applicant, locale: 'fr' },
			url: new URL(`http://localhost/cpts/${place.slug}`)
		} as never);
		expect(outcome).toMatchObject({
			status: 403,
			data: { message: 'error.emailUnverified', verifyEmailPath: '/verification', values: { message: 'Pharmacienne à Vittel' } }
		});
		expect(await membershipRow(place.id, applicant.id)).toBeUndefined();
		expect(await testDb.db.select().from(notifications).where(eq(notifications.userId, coordinator.id))).toHaveLength(0);

		const verified = asSessionUser({ ...unverifiedUser, emailVerifiedAt: new Date() });
		expect((await requestToJoin(testDb.db, verified, place.id, null)).status).toBe('pending');
	});

	it('refusal is recorded; the user may ask again later, but not twice at once', async () => {
		const { place, coordinator, member } = await makeCommunity();
		const applicant = asSessionUser(await makeUser(testDb.db));
		await requestToJoin(testDb.db, applicant, place.id, null);
		await expectAppError(requestToJoin(testDb.db, applicant, place.id, null), 'conflict', 'cpts.join.alreadyPending');
		await expectAppError(requestToJoin(testDb.db, member, place.id, null), 'conflict', 'cpts.join.alreadyMember');
		const refused = await refuseJoinRequest(testDb.db, coordinator, place.id, applicant.id);
		expect(refused).toMatchObject({ status: 'refused', decidedBy: coordinator.id });
		expect(await listMembers(testDb.db, place.id)).not.toContainEqual(expect.objectContaining({ userId: applicant.id }));
		expect(await canSeeMembers(testDb.db, applicant, place.id)).toBe(false);
		const [audit] = await testDb.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'cpts.membership_refused'), eq(auditLog.targetId, place.id)));
		expect(audit.actorId).toBe(coordinator.id);
		// A decided request cannot be decided again.
		await expectAppError(approveJoinRequest(testDb.db, coordinator, place.id, applicant.id), 'conflict', 'cpts.join.notPending');
		// Asking again reopens the request, with the decision cleared.
		const again = await requestToJoin(testDb.db, applicant, place.id, 'Seconde demande');
		expect(again).toMatchObject({ status: 'pending', decidedBy: null, decidedAt: null, message: 'Seconde demande' });
	});

	it('a coordinator of CPTS A cannot decide, invite or see requests for CPTS B; a facilitator can', async () => {
		const a = await makeCommunity();
		const b = await makeCommunity();
		const applicant = asSessionUser(await makeUser(testDb.db));
		await requestToJoin(testDb.db, applicant, b.place.id, null);
		expect(await canManageMembers(testDb.db, a.coordinator, b.place.id)).toBe(false);
		await expectAppError(approveJoinRequest(testDb.db, a.coordinator, b.place.id, applicant.id), 'forbidden');
		await expectAppError(refuseJoinRequest(testDb.db, a.coordinator, b.place.id, applicant.id), 'forbidden');
		// Neither can a plain member of B, nor the applicant themself.
		await expectAppError(approveJoinRequest(testDb.db, b.member, b.place.id, applicant.id), 'forbidden');
		await expectAppError(approveJoinRequest(testDb.db, applicant, b.place.id, applicant.id), 'forbidden');
		expect((await membershipRow(b.place.id, applicant.id)).status).toBe('pending');

		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		expect(await canManageMembers(testDb.db, facilitator, b.place.id)).toBe(true);
		await approveJoinRequest(testDb.db, facilitator, b.place.id, applicant.id);
		expect((await membershipRow(b.place.id, applicant.id)).status).toBe('active');
	});

	it('decides a request once when two coordinators answer at the same time', async () => {
		const { place, coordinator } = await makeCommunity();
		const second = asSessionUser(await makeUser(testDb.db));
		await makeMembership(testDb.db, place.id, second.id, { role: 'coordinator' });
		const applicant = asSessionUser(await makeUser(testDb.db));
		await requestToJoin(testDb.db, applicant, place.id, null);
		const results = await Promise.allSettled([
			approveJoinRequest(testDb.db, coordinator, place.id, applicant.id),
			refuseJoinRequest(testDb.db, second, place.id, applicant.id)
		]);
		expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
		expect((rejected.reason as AppError).messageKey).toBe('cpts.join.notPending');
		const decisions = await testDb.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, place.id)));
		expect(decisions.filter((entry) => entry.action.startsWith('cpts.membership_'))).toHaveLength(1);
	});

	it('lets a user belong to several CPTS, leave one, and withdraw a pending request', async () => {
		const first = await makeCommunity('CPTS Alpha');
		const second = await makeCommunity('CPTS Bêta');
		const third = await makeCommunity('CPTS Gamma');
		const user = asSessionUser(await makeUser(testDb.db));
		for (const community of [first, second]) {
			await requestToJoin(testDb.db, user, community.place.id, null);
			await approveJoinRequest(testDb.db, community.coordinator, community.place.id, user.id);
		}
		await requestToJoin(testDb.db, user, third.place.id, null);
		expect((await listUserCpts(testDb.db, user.id)).map((entry) => [entry.name, entry.status])).toEqual([
			['CPTS Alpha', 'active'],
			['CPTS Bêta', 'active'],
			['CPTS Gamma', 'pending']
		]);
		await leaveCpts(testDb.db, user, first.place.id);
		await leaveCpts(testDb.db, user, third.place.id);
		expect((await listUserCpts(testDb.db, user.id)).map((entry) => entry.name)).toEqual(['CPTS Bêta']);
		await expectAppError(leaveCpts(testDb.db, user, first.place.id), 'not_found', 'cpts.leave.notMember');
		const actions = (await testDb.db.select().from(auditLog).where(eq(auditLog.actorId, user.id))).map((entry) => entry.action);
		expect(actions.sort()).toEqual(['cpts.join_request_withdrawn', 'cpts.membership_left']);
	});
});

describe('coordinators and member removal', () => {
	it('facilitators name a coordinator by e-mail and take the role back; the person stays a member', async () => {
		const place = await makeCpts(testDb.db);
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const person = await makeUser(testDb.db, { email: 'claire.dubois@exemple.fr', name: 'Claire Dubois' });
		// A pending request turns into an active coordinator membership.
		await requestToJoin(testDb.db, asSessionUser(person), place.id, null);
		const appointed = await appointCoordinator(testDb.db, facilitator, place.id, '  Claire.Dubois@Exemple.fr ');
		expect(appointed).toEqual({ userId: person.id, name: 'Claire Dubois' });
		expect(await membershipRow(place.id, person.id)).toMatchObject({ role: 'coordinator', status: 'active', decidedBy: facilitator.id });
		expect((await getPublicMembership(testDb.db, place.id)).coordinators).toEqual([{ userId: person.id, name: 'Claire Dubois' }]);
		expect(await canManageMembers(testDb.db, asSessionUser(person), place.id)).toBe(true);

		await removeCoordinatorRole(testDb.db, facilitator, place.id, person.id);
		expect(await membershipRow(place.id, person.id)).toMatchObject({ role: 'member', status: 'active' });
		expect(await canManageMembers(testDb.db, asSessionUser(person), place.id)).toBe(false);
		await expectAppError(removeCoordinatorRole(testDb.db, facilitator, place.id, person.id), 'not_found');
		const actions = (await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, place.id))).map((entry) => entry.action);
		expect(actions).toEqual(expect.arrayContaining(['cpts.coordinator_appointed', 'cpts.coordinator_removed']));
	});

	it('refuses unknown e-mails, and refuses naming coordinators to anyone but facilitators and admins', async () => {
		const { place, coordinator, member } = await makeCommunity();
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		await expectAppError(
			appointCoordinator(testDb.db, facilitator, place.id, 'personne@nulle-part.fr'),
			'invalid',
			'cpts.coordinators.unknownEmail'
		);
		await expectAppError(appointCoordinator(testDb.db, coordinator, place.id, member.email), 'forbidden');
		await expectAppError(removeCoordinatorRole(testDb.db, coordinator, place.id, coordinator.id), 'forbidden');
		expect((await membershipRow(place.id, member.id)).role).toBe('member');
	});

	it('coordinators remove members but not other coordinators; members remove nobody', async () => {
		const { place, coordinator, member } = await makeCommunity();
		const other = asSessionUser(await makeUser(testDb.db));
		await makeMembership(testDb.db, place.id, other.id, { role: 'coordinator' });
		await expectAppError(removeMember(testDb.db, member, place.id, other.id), 'forbidden');
		await expectAppError(removeMember(testDb.db, coordinator, place.id, other.id), 'forbidden');
		await removeMember(testDb.db, coordinator, place.id, member.id);
		expect(await membershipRow(place.id, member.id)).toBeUndefined();
		await expectAppError(removeMember(testDb.db, coordinator, place.id, member.id), 'not_found');
		const admin = asSessionUser(await makeUser(testDb.db, { roles: ['admin'] }));
		await removeMember(testDb.db, admin, place.id, other.id);
		expect(await membershipRow(place.id, other.id)).toBeUndefined();
	});
});

describe('who reads the member list', () => {
	it('permission functions: active members, facilitators and admins only', async () => {
		const { place, coordinator, member } = await makeCommunity();
		const pending = asSessionUser(await makeUser(testDb.db));
		await requestToJoin(testDb.db, pending, place.id, null);
		const outsider = asSessionUser(await makeUser(testDb.db));
		const otherCoordinator = (await makeCommunity()).coordinator;
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const admin = asSessionUser(await makeUser(testDb.db, { roles: ['admin'] }));
		const trainer = asSessionUser(await makeUser(testDb.db, { roles: ['trainer'] }));
		const verdicts = async (user: SessionUser | null) => [
			await canSeeMembers(testDb.db, user, place.id),
			await canManageMembers(testDb.db, user, place.id)
		];
		expect(await verdicts(null)).toEqual([false, false]);
		expect(await verdicts(outsider)).toEqual([false, false]);
		expect(await verdicts(pending)).toEqual([false, false]);
		expect(await verdicts(trainer)).toEqual([false, false]);
		expect(await verdicts(otherCoordinator)).toEqual([false, false]);
		expect(await verdicts(member)).toEqual([true, false]);
		expect(await verdicts(coordinator)).toEqual([true, true]);
		expect(await verdicts(facilitator)).toEqual([true, true]);
		expect(await verdicts(admin)).toEqual([true, true]);
	});

	it('the /membres page sends anonymous visitors to sign-in, refuses non-members with 403, shows members', async () => {
		const { place, coordinator, member } = await makeCommunity();
		const applicant = asSessionUser(await makeUser(testDb.db));
		await requestToJoin(testDb.db, applicant, place.id, 'Bonjour');
		const path = `/cpts/${place.slug}/membres`;
		const load = (user: SessionUser | null) => routeOutcome(() => loadMembersPage(pageEvent(path, place.slug, user)));

		expect(await load(null)).toEqual({ redirect: `/connexion?redirectTo=${encodeURIComponent(path)}`, status: 303 });
		expect(await load(asSessionUser(await makeUser(testDb.db)))).toEqual({ status: 403 });
		expect(await load(applicant)).toEqual({ status: 403 });
		expect(await load((await makeCommunity()).coordinator)).toEqual({ status: 403 });

		const asMember = await load(member);
		expect((asMember.data!.members as { userId: string }[]).map((entry) => entry.userId).sort()).toEqual(
			[coordinator.id, member.id].sort()
		);
		// Members see the list, not the requests.
		expect(asMember.data!.pending).toEqual([]);
		const asCoordinator = await load(coordinator);
		expect(asCoordinator.data!.pending).toMatchObject([{ userId: applicant.id, message: 'Bonjour' }]);
		expect(await routeOutcome(() => loadMembersPage(pageEvent('/cpts/inconnue/membres', 'inconnue', member)))).toEqual({ status: 404 });
	});

	it('the public CPTS page gives coordinators and the member count, never the member list', async () => {
		const { place, coordinator } = await makeCommunity();
		const anonymous = await routeOutcome(() => loadCptsPage(pageEvent(`/cpts/${place.slug}`, place.slug, null)));
		expect(anonymous.data).toMatchObject({
			coordinators: [{ userId: coordinator.id, name: coordinator.name }],
			memberCount: 2,
			access: { membership: null, canSeeMembers: false, canManageMembers: false, canAskToJoin: false, canEdit: false }
		});
		expect(anonymous.data).not.toHaveProperty('members');
		expect(JSON.stringify(anonymous.data)).not.toContain('@');
		const stranger = asSessionUser(await makeUser(testDb.db));
		const outsider = await routeOutcome(() => loadCptsPage(pageEvent(`/cpts/${place.slug}`, place.slug, stranger)));
		expect(outsider.data!.access).toMatchObject({ canAskToJoin: true, canSeeMembers: false });
		expect(await routeOutcome(() => loadCptsPage(pageEvent('/cpts/inconnue', 'inconnue', null)))).toEqual({ status: 404 });
	});
});
