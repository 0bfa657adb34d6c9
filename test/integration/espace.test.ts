/**
 * Mon espace: the functions each feature gives it (my CPTS and their next steps, my drafts
 * with unread comments, drafts to review, followed threads with unread posts, a trainer's
 * sessions, the agenda as a list), who sees what and who does not, and the page's refusals.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { cptsMemberships, cptsStageEvents, dpcAttendance, dpcRegistrations as dpcRegistrationsTable } from '../../src/lib/server/db/schema';
import { eventUid, listUpcomingEvents, type FeedSource } from '../../src/lib/server/calendar';
import { listTrainerTodo } from '../../src/lib/server/dpc';
import { addComment, addDraftReviewer, changeDraftStatus, createDraft, listDraftsToReview, listMyDraftsOverview, markDraftCommentsSeen } from '../../src/lib/server/drafts';
import { ensureCategory, ensureCptsSpace, listWatchedUnread, replyToThread, requireReadableThread, setCategoryWatch, setThreadWatch, startThread, upsertReadPosition } from '../../src/lib/server/forum';
import { listMyCptsSteps } from '../../src/lib/server/steering';
import { generateId } from '../../src/lib/server/shared/ids';
import { load as loadEspace } from '../../src/routes/espace/+page.server';
import { load as loadHome } from '../../src/routes/+page.server';
import { load as loadStatistics } from '../../src/routes/statistiques/+page.server';
import { useTestDatabase } from '../helpers/db';
import { makeAction, makeBody, makeCpts, makeMembership, makeSession, makeTrainer, makeUser } from '../helpers/factories';
import { forumViewerOf, threadInput } from '../helpers/forum';
import { asSessionUser, routeOutcome } from '../helpers/routes';

const testDb = useTestDatabase();

describe('my CPTS and their next steps', () => {
	it('lists active and pending memberships and accompanied CPTS, with the next stage, lateness and requests to answer', async () => {
		const person = await makeUser(testDb.db);
		const coordinated = await makeCpts(testDb.db, { name: 'CPTS Alpha', stage: 'lettre_intention' });
		const joined = await makeCpts(testDb.db, { name: 'CPTS Bêta', stage: 'en_fonctionnement' });
		const asked = await makeCpts(testDb.db, { name: 'CPTS Gamma', stage: 'initiative' });
		const refused = await makeCpts(testDb.db, { name: 'CPTS Delta' });
		const accompanied = await makeCpts(testDb.db, { name: 'CPTS Epsilon', stage: 'projet_valide', facilitatorId: person.id, closeSupport: true });
		await makeMembership(testDb.db, coordinated.id, person.id, { role: 'coordinator' });
		await makeMembership(testDb.db, joined.id, person.id);
		await makeMembership(testDb.db, asked.id, person.id, { status: 'pending' });
		await makeMembership(testDb.db, refused.id, person.id, { status: 'refused' });
		// Two people wait for an answer in the CPTS she coordinates, one in the one she is a member of.
		for (const cptsId of [coordinated.id, coordinated.id, joined.id]) await makeMembership(testDb.db, cptsId, (await makeUser(testDb.db)).id, { status: 'pending' });
		await testDb.db.insert(cptsStageEvents).values({ id: generateId(), cptsId: coordinated.id, stage: 'lettre_intention', reachedOn: '2024-01-15' });

		const steps = await listMyCptsSteps(testDb.db, person.id, { today: '2026-12-07' });
		expect(steps.map((entry) => [entry.name, entry.tie, entry.nextStage, entry.pendingRequests])).toEqual([
			['CPTS Alpha', 'coordinator', 'projet_depose', 2],
			['CPTS Epsilon', 'facilitator', 'aci_signe', 0],
			['CPTS Bêta', 'member', null, 0],
			['CPTS Gamma', 'pending', 'lettre_intention', 0]
		]);
		const alpha = steps[0];
		expect(alpha.stageSince).toBe('2024-01-15');
		expect(alpha.late).toEqual([{ kind: 'lettreSansProjet', since: '2024-01-15' }]);
		// The close support's lateness is the facilitator's working note: she sees it.
		expect(steps[1].late.map((late) => late.kind)).toEqual(['suiviRapproche']);

		// A member of a CPTS in close support does not see that note.
		const member = await makeUser(testDb.db);
		await makeMembership(testDb.db, accompanied.id, member.id);
		expect((await listMyCptsSteps(testDb.db, member.id, { today: '2026-12-07' }))[0]).toMatchObject({ tie: 'member', late: [] });
		expect(await listMyCptsSteps(testDb.db, (await makeUser(testDb.db)).id)).toEqual([]);
	});

	it('gives a partner account the CPTS of its territory still emerging, with what is late; not those in operation or elsewhere', async () => {
		const partner = await makeUser(testDb.db);
		const emerging = await makeCpts(testDb.db, { name: 'CPTS Meurthe émergente', department: '54', stage: 'projet_depose', closeSupport: true });
		await makeCpts(testDb.db, { name: 'CPTS Meurthe en fonctionnement', department: '54', stage: 'en_fonctionnement' });
		await makeCpts(testDb.db, { name: 'CPTS Vosges émergente', department: '88', stage: 'initiative' });
		await testDb.db.insert(cptsStageEvents).values({ id: generateId(), cptsId: emerging.id, stage: 'projet_depose', reachedOn: '2025-01-10' });
		const scope = { kind: 'departement', organisation: 'ars', label: 'ARS Grand Est, Meurthe-et-Moselle', regionCode: '44', departementCode: '54' } as const;
		const steps = await listMyCptsSteps(testDb.db, partner.id, { today: '2026-12-07', scope });
		expect(steps.map((entry) => [entry.name, entry.tie])).toEqual([['CPTS Meurthe émergente', 'partner']]);
		expect(steps[0].late.map((late) => late.kind)).toEqual(['projetNonValide', 'suiviRapproche']);
		// The network scope (facilitators) adds nothing here: they have their portfolio.
		expect(await listMyCptsSteps(testDb.db, partner.id, { scope: { kind: 'network' } })).toEqual([]);
	});
});

describe('my drafts and the drafts to review', () => {
	it('counts the comments of others since my last visit, and only in drafts I may read', async () => {
		const cpts = await makeCpts(testDb.db);
		const author = asSessionUser(await makeUser(testDb.db));
		const coauthor = asSessionUser(await makeUser(testDb.db));
		const outsider = await makeUser(testDb.db);
		await makeMembership(testDb.db, cpts.id, author.id, { role: 'coordinator' });
		await makeMembership(testDb.db, cpts.id, coauthor.id);
		const draft = await createDraft(testDb.db, author, { cptsId: cpts.id, title: 'Projet de santé Alpha' });
		await addComment(testDb.db, author, draft.id, { body: 'Mon propre commentaire' });
		await addComment(testDb.db, coauthor, draft.id, { body: 'Premier avis' });
		await addComment(testDb.db, coauthor, draft.id, { body: 'Second avis' });

		let mine = await listMyDraftsOverview(testDb.db, author.id);
		expect(mine.total).toBe(1);
		expect(mine.drafts[0]).toMatchObject({ id: draft.id, title: 'Projet de santé Alpha', unreadComments: 2 });
		// The co-author never opened the draft: the author's comment is new to her.
		expect((await listMyDraftsOverview(testDb.db, coauthor.id)).drafts[0].unreadComments).toBe(1);

		await markDraftCommentsSeen(testDb.db, author.id, draft.id);
		expect((await listMyDraftsOverview(testDb.db, author.id)).drafts[0].unreadComments).toBe(0);
		await addComment(testDb.db, coauthor, draft.id, { body: 'Troisième avis, après la visite' });
		expect((await listMyDraftsOverview(testDb.db, author.id)).drafts[0].unreadComments).toBe(1);

		expect(await listMyDraftsOverview(testDb.db, outsider.id)).toEqual({ drafts: [], total: 0 });
	});

	it('lists drafts under review to their invited reviewers and to the accompanying facilitator, not to others', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const cpts = await makeCpts(testDb.db, { facilitatorId: facilitator.id });
		const coordinator = asSessionUser(await makeUser(testDb.db));
		const reviewer = await makeUser(testDb.db, { email: `relecteur-${generateId()}@ars.example` });
		const otherFacilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		await makeMembership(testDb.db, cpts.id, coordinator.id, { role: 'coordinator' });
		const draft = await createDraft(testDb.db, coordinator, { cptsId: cpts.id, title: 'Projet à relire' });
		await addDraftReviewer(testDb.db, coordinator, draft.id, reviewer.email);

		// Still being written: nobody is asked to review yet.
		expect(await listDraftsToReview(testDb.db, reviewer.id)).toEqual([]);
		await changeDraftStatus(testDb.db, coordinator, draft.id, 'en_relecture');
		expect((await listDraftsToReview(testDb.db, reviewer.id)).map((row) => row.id)).toEqual([draft.id]);
		expect((await listDraftsToReview(testDb.db, facilitator.id)).map((row) => row.id)).toEqual([draft.id]);
		expect(await listDraftsToReview(testDb.db, otherFacilitator.id)).toEqual([]);
		expect(await listDraftsToReview(testDb.db, coordinator.id)).toEqual([]);
	});
});

describe('followed threads with unread posts', () => {
	it('lists the threads I started, watch or track with posts I have not read; not muted ones, not unreadable ones', async () => {
		const category = await ensureCategory({ slug: 'parcours-espace', name: 'Parcours' });
		const me = await makeUser(testDb.db);
		const otherUser = await makeUser(testDb.db);
		const other = await forumViewerOf(testDb.db, otherUser);
		let viewer = await forumViewerOf(testDb.db, me);

		const mine = await startThread(testDb.db, viewer, category.id, threadInput('Mon sujet', 'Ma question'));
		const watched = await startThread(testDb.db, other, category.id, threadInput('Sujet suivi', 'Texte'));
		const ignored = await startThread(testDb.db, other, category.id, threadInput('Sujet non suivi', 'Texte'));
		await setThreadWatch(testDb.db, viewer, await requireReadableThread(testDb.db, viewer, watched.threadId), 'watching');
		for (const threadId of [mine.threadId, watched.threadId, ignored.threadId]) await replyToThread(testDb.db, other, threadId, 'Une réponse');

		let list = await listWatchedUnread(testDb.db, viewer);
		expect(list.threads.map((thread) => [thread.title, thread.unread, thread.firstUnread]).sort()).toEqual([
			['Mon sujet', 1, 2],
			['Sujet suivi', 2, 1]
		]);
		expect(list.total).toBe(2);

		// Read up to the end: gone. The category tracked: its other thread comes. Muted: gone.
		await upsertReadPosition(testDb.db, me.id, watched.threadId, 2);
		await setCategoryWatch(testDb.db, viewer, category, 'tracking');
		await setThreadWatch(testDb.db, viewer, await requireReadableThread(testDb.db, viewer, mine.threadId), 'muted');
		list = await listWatchedUnread(testDb.db, viewer);
		expect(list.threads.map((thread) => thread.title)).toEqual(['Sujet non suivi']);

		// A CPTS's private space, watched while a member: once she has left, nothing of it shows.
		const cpts = await makeCpts(testDb.db);
		await makeMembership(testDb.db, cpts.id, me.id);
		await makeMembership(testDb.db, cpts.id, otherUser.id);
		const space = await ensureCptsSpace(testDb.db, cpts);
		viewer = await forumViewerOf(testDb.db, me);
		const otherMember = await forumViewerOf(testDb.db, otherUser);
		const spaceThread = await startThread(testDb.db, otherMember, space.id, threadInput('Sujet de la CPTS', 'Entre membres'));
		await setThreadWatch(testDb.db, viewer, await requireReadableThread(testDb.db, viewer, spaceThread.threadId), 'watching');
		await replyToThread(testDb.db, otherMember, spaceThread.threadId, 'Réponse entre membres');
		expect((await listWatchedUnread(testDb.db, viewer)).threads.map((thread) => thread.title)).toContain('Sujet de la CPTS');
		await testDb.db.delete(cptsMemberships).where(and(eq(cptsMemberships.cptsId, cpts.id), eq(cptsMemberships.userId, me.id)));
		viewer = await forumViewerOf(testDb.db, me);
		expect((await listWatchedUnread(testDb.db, viewer)).threads.map((thread) => thread.title)).not.toContain('Sujet de la CPTS');
		expect(await listWatchedUnread(testDb.db, null)).toEqual({ threads: [], total: 0 });
	});
});

describe('a trainer’s sessions', () => {
	it('lists the sessions she teaches not yet over, and those over with attendance to complete; not other trainers’', async () => {
		const body = await makeBody(testDb.db);
		const trainer = await makeTrainer(testDb.db, body.id);
		const otherTrainer = await makeTrainer(testDb.db, body.id);
		const action = await makeAction(testDb.db, body.id, { title: 'Plaies chroniques' });
		const day = 86_400_000;
		const at = (offsetDays: number) => ({ startsAt: new Date(Date.now() + offsetDays * day), endsAt: new Date(Date.now() + offsetDays * day + 3 * 3_600_000), timeZone: 'Europe/Paris' });
		const upcoming = await makeSession(testDb.db, action.id, { trainerIds: [trainer.id], number: 1, parts: [at(20)] });
		const unmarked = await makeSession(testDb.db, action.id, { trainerIds: [trainer.id], number: 2, parts: [at(-10)], status: 'completed' });
		const marked = await makeSession(testDb.db, action.id, { trainerIds: [trainer.id], number: 3, parts: [at(-12)], status: 'completed' });
		await makeSession(testDb.db, action.id, { trainerIds: [trainer.id], number: 4, parts: [at(30)], status: 'draft' });
		const registrations = [];
		for (const session of [upcoming, upcoming, unmarked, unmarked, marked]) {
			const learner = await makeUser(testDb.db);
			const [row] = await testDb.db
				.insert(dpcRegistrationsTable)
				.values({ id: generateId(), sessionId: session.id, userId: learner.id, status: 'registered', profession: 'infirmier', registeredAt: new Date() })
				.returning();
			registrations.push(row);
		}
		await testDb.db.insert(dpcAttendance).values([
			{ registrationId: registrations[2].id, partId: unmarked.parts[0].id, status: 'present' },
			{ registrationId: registrations[4].id, partId: marked.parts[0].id, status: 'present' }
		]);

		const todo = await listTrainerTodo(testDb.db, trainer.id);
		expect(todo.map((row) => [row.label, row.registered, row.missingMarks])).toEqual([
			['Plaies chroniques — session 2', 2, 1],
			['Plaies chroniques — session 1', 2, 0]
		]);
		expect(await listTrainerTodo(testDb.db, otherTrainer.id)).toEqual([]);
	});
});

describe('the agenda as a list', () => {
	it('keeps the events not yet over and not cancelled, soonest first', async () => {
		const now = new Date('2026-12-07T12:00:00Z');
		const event = (id: string, start: string, status: 'confirmed' | 'cancelled' = 'confirmed') => ({
			uid: eventUid('test', id),
			sequence: 0,
			start: new Date(start),
			end: new Date(new Date(start).getTime() + 3_600_000),
			timeZone: 'Indian/Reunion',
			summary: id,
			status,
			updatedAt: now
		});
		const source: FeedSource = {
			name: 'test',
			async eventsFor() {
				return [event('plus tard', '2026-12-20T08:00:00Z'), event('passé', '2026-12-01T08:00:00Z'), event('annulé', '2026-12-10T08:00:00Z', 'cancelled'), event('en cours', '2026-12-07T11:30:00Z')];
			}
		};
		const user = await makeUser(testDb.db);
		const events = await listUpcomingEvents(testDb.db, user.id, { origin: 'http://localhost', locale: 'fr' }, [source], { now });
		expect(events.map((entry) => entry.summary)).toEqual(['en cours', 'plus tard']);
	});
});

describe('the pages', () => {
	const event = (path: string, user: ReturnType<typeof asSessionUser> | null) =>
		({ locals: { user, locale: 'fr' }, url: new URL(`http://localhost${path}`), cookies: { get: () => undefined }, route: { id: path } }) as never;

	it('sends a visitor to sign in, and back to Mon espace afterwards', async () => {
		expect(await routeOutcome(() => loadEspace(event('/espace', null)))).toEqual({ redirect: '/connexion?redirectTo=%2Fespace', status: 303 });
	});

	it('takes a member from the home page to Mon espace; a visitor stays on the statistics', async () => {
		const member = asSessionUser(await makeUser(testDb.db));
		expect(await routeOutcome(() => loadHome(event('/', member)))).toEqual({ redirect: '/espace', status: 303 });
		expect((await routeOutcome(() => loadHome(event('/', null)))).data).toHaveProperty('stats');
		// The statistics stay reachable for members at their own address.
		expect((await routeOutcome(() => loadStatistics(event('/statistiques', member)))).data).toHaveProperty('stats');
	});

	it('composes every section for a member, the review queue only for facilitators', async () => {
		const member = asSessionUser(await makeUser(testDb.db));
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const memberPage = (await routeOutcome(() => loadEspace(event('/espace', member)))).data!;
		expect(Object.keys(memberPage).sort()).toEqual(['agenda', 'awaits', 'cpts', 'drafts', 'forum', 'thresholds']);
		expect(memberPage.awaits).toMatchObject({ library: null, trainer: null });
		const facilitatorPage = (await routeOutcome(() => loadEspace(event('/espace', facilitator)))).data!;
		expect((facilitatorPage.awaits as { library: unknown[] }).library).toBeInstanceOf(Array);
	});
});
