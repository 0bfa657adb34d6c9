/**
 * Draft records and who may do what with them: members edit, coordinators manage,
 * facilitators comment, invited reviewers read and comment, everyone else is refused.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createSession, sessionIdOfToken, type SessionUser } from '../../src/lib/server/auth/session';
import {
	addDraftReviewer,
	canCommentDraft,
	canEditDraft,
	canManageDraft,
	canReadDraft,
	createDraft,
	draftAccessFrom,
	draftAccessLevel,
	getDraftAccess,
	listCptsDrafts,
	readDraftAccessFactsOfSession,
	removeDraftReviewer
} from '../../src/lib/server/drafts';
import { drafts } from '../../src/lib/server/db/schema';
import { useTestDatabase } from '../helpers/db';
import { expectAppError } from '../helpers/refusal';
import { asSessionUser } from '../helpers/routes';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

async function scene() {
	const place = await makeCpts(testDb.db);
	const elsewhere = await makeCpts(testDb.db);
	const coordinator = asSessionUser(await makeUser(testDb.db));
	const member = asSessionUser(await makeUser(testDb.db));
	const pending = asSessionUser(await makeUser(testDb.db));
	const refused = asSessionUser(await makeUser(testDb.db));
	const outsider = asSessionUser(await makeUser(testDb.db));
	const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
	const admin = asSessionUser(await makeUser(testDb.db, { roles: ['admin'] }));
	const reviewerRow = await makeUser(testDb.db);
	const reviewer = asSessionUser(reviewerRow);
	await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
	await makeMembership(testDb.db, place.id, member.id);
	await makeMembership(testDb.db, place.id, pending.id, { status: 'pending' });
	await makeMembership(testDb.db, place.id, refused.id, { status: 'refused' });
	await makeMembership(testDb.db, elsewhere.id, outsider.id, { role: 'coordinator' });
	const draft = await createDraft(testDb.db, member, { cptsId: place.id, title: '  Projet de santé 2026  ' });
	await addDraftReviewer(testDb.db, coordinator, draft.id, reviewerRow.email.toUpperCase());
	return { place, elsewhere, draft, coordinator, member, pending, refused, outsider, facilitator, admin, reviewer };
}

describe('draft permissions', () => {
	it('gives each kind of viewer their level', async () => {
		const s = await scene();
		const levels = async (user: Parameters<typeof getDraftAccess>[1]) => (await getDraftAccess(testDb.db, user, s.draft.id))!;
		expect(await levels(s.coordinator)).toMatchObject({ level: 'edit', canEdit: true, canComment: true, canRead: true, canManage: true });
		expect(await levels(s.member)).toMatchObject({ level: 'edit', canEdit: true, canManage: false });
		expect(await levels(s.facilitator)).toMatchObject({ level: 'comment', canEdit: false, canComment: true, canRead: true, canManage: false });
		expect(await levels(s.admin)).toMatchObject({ level: 'comment', canEdit: false, canManage: false });
		expect(await levels(s.reviewer)).toMatchObject({ level: 'comment', canEdit: false, canComment: true, canRead: true });
		for (const refusedViewer of [s.pending, s.refused, s.outsider, null]) {
			expect(await levels(refusedViewer)).toMatchObject({ level: 'none', canEdit: false, canComment: false, canRead: false, canManage: false });
		}
		expect(await getDraftAccess(testDb.db, s.member, 'aaaaaaaaaaaaaaaaaaaaaaaa')).toBeNull();
	});

	it('answers the named questions the same way', async () => {
		const s = await scene();
		expect(await canEditDraft(testDb.db, s.member, s.draft.id)).toBe(true);
		expect(await canEditDraft(testDb.db, s.reviewer, s.draft.id)).toBe(false);
		expect(await canCommentDraft(testDb.db, s.facilitator, s.draft.id)).toBe(true);
		expect(await canCommentDraft(testDb.db, s.outsider, s.draft.id)).toBe(false);
		expect(await canReadDraft(testDb.db, s.reviewer, s.draft.id)).toBe(true);
		expect(await canReadDraft(testDb.db, null, s.draft.id)).toBe(false);
		expect(await canManageDraft(testDb.db, s.coordinator, s.draft.id)).toBe(true);
		expect(await canManageDraft(testDb.db, s.member, s.draft.id)).toBe(false);
		expect(await canManageDraft(testDb.db, s.outsider, s.draft.id)).toBe(false);
		expect(await canEditDraft(testDb.db, s.member, 'aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
	});

	it('reads the rights of a session\'s user beside its validation, and lends them to nobody else', async () => {
		const s = await scene();
		const facts = async (user: SessionUser) => {
			const { token } = await createSession(testDb.db, user.id);
			return (await readDraftAccessFactsOfSession(testDb.db, sessionIdOfToken(token)!, s.draft.id))!;
		};
		const ofCoordinator = await facts(s.coordinator);
		expect(draftAccessFrom(s.coordinator, ofCoordinator)).toMatchObject({ level: 'edit', canManage: true });
		expect(draftAccessFrom(s.reviewer, await facts(s.reviewer))).toMatchObject({ level: 'comment', canEdit: false });
		expect(draftAccessFrom(s.outsider, await facts(s.outsider))).toMatchObject({ level: 'none', canRead: false });
		// Another user never gets the membership or invitation read for the session's user.
		expect(draftAccessFrom(s.outsider, ofCoordinator)).toMatchObject({ level: 'none', canRead: false, canManage: false });
		expect(draftAccessFrom(s.pending, await facts(s.reviewer))).toMatchObject({ level: 'none' });
		// A session that does not exist reads nobody's rights.
		const unknown = (await readDraftAccessFactsOfSession(testDb.db, sessionIdOfToken('a'.repeat(32))!, s.draft.id))!;
		expect(unknown.viewerId).toBeNull();
		expect(draftAccessFrom(s.member, unknown)).toMatchObject({ level: 'none' });
		expect(await readDraftAccessFactsOfSession(testDb.db, sessionIdOfToken('a'.repeat(32))!, 'aaaaaaaaaaaaaaaaaaaaaaaa')).toBeNull();
	});

	it('keeps the pure rule consistent: an active membership wins over an invitation', () => {
		const user = asSessionUser({ id: 'u', email: 'u@exemple.fr', name: 'U', profession: 'infirmier', roles: [] });
		expect(draftAccessLevel(user, { role: 'member', status: 'active' }, true)).toBe('edit');
		expect(draftAccessLevel(user, { role: 'coordinator', status: 'pending' }, false)).toBe('none');
		expect(draftAccessLevel(user, null, true)).toBe('comment');
		expect(draftAccessLevel(null, { role: 'member', status: 'active' }, true)).toBe('none');
	});
});

describe('draft records', () => {
	it('creates drafts for active members only, with a trimmed, bounded title', async () => {
		const s = await scene();
		expect(s.draft).toMatchObject({ title: 'Projet de santé 2026', status: 'en_redaction', cptsId: s.place.id, createdBy: s.member.id });
		await expectAppError(createDraft(testDb.db, s.pending, { cptsId: s.place.id, title: 'x' }), 'forbidden');
		await expectAppError(createDraft(testDb.db, s.facilitator, { cptsId: s.place.id, title: 'x' }), 'forbidden');
		await expectAppError(createDraft(testDb.db, null, { cptsId: s.place.id, title: 'x' }), 'unauthenticated');
		await expectAppError(createDraft(testDb.db, s.member, { cptsId: s.place.id, title: '   ' }), 'invalid');
		await expectAppError(createDraft(testDb.db, s.member, { cptsId: s.place.id, title: 'é'.repeat(201) }), 'invalid');
	});

	it('lists a CPTS drafts to members and facilitators, and only their invitations to reviewers', async () => {
		const s = await scene();
		const other = await createDraft(testDb.db, s.coordinator, { cptsId: s.place.id, title: 'Avenant' });
		const ids = async (user: Parameters<typeof listCptsDrafts>[1]) => (await listCptsDrafts(testDb.db, user, s.place.id)).map((d) => d.id).sort();
		expect(await ids(s.member)).toEqual([s.draft.id, other.id].sort());
		expect(await ids(s.facilitator)).toEqual([s.draft.id, other.id].sort());
		expect(await ids(s.reviewer)).toEqual([s.draft.id]);
		expect(await ids(s.outsider)).toEqual([]);
		expect(await ids(null)).toEqual([]);
	});

	it('lets only coordinators invite and withdraw reviewers', async () => {
		const s = await scene();
		const newcomer = await makeUser(testDb.db);
		await expectAppError(addDraftReviewer(testDb.db, s.member, s.draft.id, newcomer.email), 'forbidden');
		await expectAppError(addDraftReviewer(testDb.db, s.facilitator, s.draft.id, newcomer.email), 'forbidden');
		await expectAppError(addDraftReviewer(testDb.db, s.coordinator, s.draft.id, 'personne@exemple.fr'), 'invalid');
		await expectAppError(addDraftReviewer(testDb.db, s.coordinator, 'aaaaaaaaaaaaaaaaaaaaaaaa', newcomer.email), 'not_found');

		await addDraftReviewer(testDb.db, s.coordinator, s.draft.id, newcomer.email);
		await expectAppError(addDraftReviewer(testDb.db, s.coordinator, s.draft.id, newcomer.email), 'conflict');
		expect(await canReadDraft(testDb.db, asSessionUser(newcomer), s.draft.id)).toBe(true);

		await expectAppError(removeDraftReviewer(testDb.db, s.member, s.draft.id, newcomer.id), 'forbidden');
		await removeDraftReviewer(testDb.db, s.coordinator, s.draft.id, newcomer.id);
		expect(await canReadDraft(testDb.db, asSessionUser(newcomer), s.draft.id)).toBe(false);
		await expectAppError(removeDraftReviewer(testDb.db, s.coordinator, s.draft.id, newcomer.id), 'not_found');
	});

	it('enforces the workflow statuses and the title bound in the database too', async () => {
		const s = await scene();
		await expect(testDb.db.update(drafts).set({ status: 'publie' as never }).where(eq(drafts.id, s.draft.id))).rejects.toThrow();
		await expect(testDb.db.update(drafts).set({ title: '' }).where(eq(drafts.id, s.draft.id))).rejects.toThrow();
		await testDb.db.update(drafts).set({ status: 'soumis_ars' }).where(eq(drafts.id, s.draft.id));
	});
});
