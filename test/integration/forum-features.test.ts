import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { auditLog, forumExchangeRegistrations, notifications } from '../../src/lib/server/db/schema';
import {
	ensureCategory,
	ensureCptsSpace,
	flagPost,
	getThreadView,
	listFlagQueue,
	moderateThread,
	parseForumSearch,
	replyToThread,
	searchForum,
	FORUM_RANKED_CANDIDATES,
	setPostHidden,
	startThread,
	acceptAnswer
} from '../../src/lib/server/forum';
import {
	exchangeFormSchema,
	exchangeIcs,
	getExchangeView,
	postMinutes,
	registerForExchange,
	scheduleExchange,
	sendExchangeReminders
} from '../../src/lib/server/forum/exchanges';
import { parseForm } from '../../src/lib/server/shared/forms';
import { AppError } from '../../src/lib/server/shared/errors';
import { useTestDatabase } from '../helpers/db';
import { forumViewerOf, refusal, threadInput } from '../helpers/forum';
import { formData } from '../helpers/auth';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

const viewerOf = (user: Awaited<ReturnType<typeof makeUser>>) => forumViewerOf(testDb.db, user);

describe('moderation', () => {
	it('flags reach the facilitators’ queue; members cannot moderate; hiding is audited and settles the flags', async () => {
		const category = await ensureCategory({ slug: 'moderation-essai', name: 'Essai de modération' });
		const author = await viewerOf(await makeUser(testDb.db));
		const reporter = await viewerOf(await makeUser(testDb.db));
		const facilitator = await viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const { threadId } = await startThread(testDb.db, author, category.id, threadInput('Sujet', 'Question honnête'));
		const { postId } = await replyToThread(testDb.db, author, threadId, 'Publicité pour mon logiciel');
		await flagPost(testDb.db, reporter, postId, 'spam', 'Démarchage commercial');
		await flagPost(testDb.db, reporter, postId, 'spam', 'Deuxième clic');
		expect((await refusal(listFlagQueue(testDb.db, reporter))).code).toBe('forbidden');
		const queue = await listFlagQueue(testDb.db, facilitator);
		const entry = queue.find((item) => item.postId === postId)!;
		expect(entry.flags).toHaveLength(1);
		expect(entry.flags[0]).toMatchObject({ reason: 'spam', comment: 'Démarchage commercial' });

		expect((await refusal(setPostHidden(testDb.db, reporter, postId, true))).code).toBe('forbidden');
		expect((await refusal(moderateThread(testDb.db, reporter, threadId, 'lock'))).code).toBe('forbidden');
		await setPostHidden(testDb.db, facilitator, postId, true);
		expect((await listFlagQueue(testDb.db, facilitator)).find((item) => item.postId === postId)).toBeUndefined();
		const seenByMember = (await getThreadView(testDb.db, reporter, threadId)).posts.find((post) => post.id === postId)!;
		expect(seenByMember).toMatchObject({ hidden: true, bodyHtml: '', bodySource: '' });
		const audit = await testDb.db.select().from(auditLog).where(and(eq(auditLog.action, 'forum.post_hide'), eq(auditLog.targetId, String(postId))));
		expect(audit).toHaveLength(1);
		expect(audit[0].actorId).toBe(facilitator.id);
	});

	it('a CPTS’s coordinators moderate its private space, facilitators do not see it', async () => {
		const space = await makeCpts(testDb.db);
		const coordinatorUser = await makeUser(testDb.db);
		const memberUser = await makeUser(testDb.db);
		await makeMembership(testDb.db, space.id, coordinatorUser.id, { role: 'coordinator' });
		await makeMembership(testDb.db, space.id, memberUser.id);
		const coordinator = await viewerOf(coordinatorUser);
		const member = await viewerOf(memberUser);
		const facilitator = await viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const category = await ensureCptsSpace(testDb.db, space);
		const { threadId } = await startThread(testDb.db, member, category.id, threadInput('Interne : budget confidentiel', 'Montants'));
		const { postId } = await replyToThread(testDb.db, coordinator, threadId, 'Réponse');
		await flagPost(testDb.db, member, postId, 'other', '');
		expect((await listFlagQueue(testDb.db, coordinator)).map((item) => item.postId)).toContain(postId);
		expect((await listFlagQueue(testDb.db, facilitator)).map((item) => item.threadTitle)).not.toContain('Interne : budget confidentiel');
		await moderateThread(testDb.db, coordinator, threadId, 'lock');
		expect((await refusal(replyToThread(testDb.db, member, threadId, 'Encore'))).messageKey).toBe('forum.thread.lockedRefusal');
	});
});

describe('search', () => {
	it('counts its cap of ranked matches among what the reader may see and asked for', async () => {
		const publicCategory = await ensureCategory({ slug: 'recherche-plafond', name: 'Plafond' });
		const otherCategory = await ensureCategory({ slug: 'recherche-ailleurs', name: 'Ailleurs' });
		const space = await makeCpts(testDb.db);
		const insiderUser = await makeUser(testDb.db);
		await makeMembership(testDb.db, space.id, insiderUser.id);
		const insider = await viewerOf(insiderUser);
		const outsider = await viewerOf(await makeUser(testDb.db));
		const privateCategory = await ensureCptsSpace(testDb.db, space);
		// 1,100 matching posts the outsider may not read, 1,100 in another category, written
		// before the one they look for (a volume only a bulk insert makes quickly).
		for (const [category, title] of [[privateCategory, 'Cryothérapie : nos essais'], [otherCategory, 'Cryothérapie ailleurs']] as const) {
			const { threadId } = await startThread(testDb.db, insider, category.id, threadInput(title, 'Premier essai de cryothérapie.'));
			await testDb.db.execute(sql`
				insert into forum_posts (thread_id, position, author_id, body_source, body_html, body_text)
				select ${threadId}, g + 1, ${insiderUser.id}, 'Essai de cryothérapie n° ' || g, '<p>Essai de cryothérapie n° ' || g || '</p>', 'Essai de cryothérapie n° ' || g
				from generate_series(1, 1100) g`);
		}
		const { threadId } = await startThread(testDb.db, outsider, publicCategory.id, threadInput('Le froid en kinésithérapie', 'Qui pratique la cryothérapie en cabinet ?'));

		const found = await searchForum(testDb.db, outsider, parseForumSearch(new URLSearchParams({ q: 'cryotherapie' })));
		expect(found.hits.map((hit) => hit.threadId)).toContain(threadId);
		expect(found.hits.every((hit) => hit.categorySlug !== privateCategory.slug)).toBe(true);
		const inCategory = await searchForum(testDb.db, insider, parseForumSearch(new URLSearchParams({ q: 'cryotherapie', categorie: 'recherche-plafond' })));
		expect(inCategory.hits.map((hit) => hit.threadId)).toEqual([threadId]);
	});

	it('finds French words without accents, ranks the accepted answer first and never leaks a private space', async () => {
		const category = await ensureCategory({ slug: 'recherche-essai', name: 'Recherche' });
		const asker = await viewerOf(await makeUser(testDb.db));
		const helper = await viewerOf(await makeUser(testDb.db));
		const { threadId } = await startThread(testDb.db, asker, category.id, threadInput('Vaccination antigrippale en EHPAD', 'Comment améliorer la couverture ?'));
		await replyToThread(testDb.db, helper, threadId, 'La vaccination des soignants compte aussi.');
		const best = await replyToThread(testDb.db, helper, threadId, 'Une campagne de vaccination avec les pharmaciens a doublé la couverture.');
		await acceptAnswer(testDb.db, asker, threadId, best.postId);

		const space = await makeCpts(testDb.db);
		const insiderUser = await makeUser(testDb.db);
		await makeMembership(testDb.db, space.id, insiderUser.id);
		const insider = await viewerOf(insiderUser);
		const privateCategory = await ensureCptsSpace(testDb.db, space);
		await startThread(testDb.db, insider, privateCategory.id, threadInput('Vaccination : conflit secret avec l’EHPAD', 'Confidentiel'));

		const query = parseForumSearch(new URLSearchParams({ q: 'vaccinations ehpad' }));
		const outsider = await searchForum(testDb.db, helper, query);
		expect(outsider.hits.map((hit) => hit.title)).not.toContain('Vaccination : conflit secret avec l’EHPAD');
		expect(outsider.hits.some((hit) => hit.threadId === threadId)).toBe(true);
		const anonymous = await searchForum(testDb.db, null, query);
		expect(anonymous.hits.map((hit) => hit.title)).not.toContain('Vaccination : conflit secret avec l’EHPAD');
		const inside = await searchForum(testDb.db, insider, query);
		expect(inside.hits.map((hit) => hit.title)).toContain('Vaccination : conflit secret avec l’EHPAD');

		const answers = await searchForum(testDb.db, null, parseForumSearch(new URLSearchParams({ q: 'vaccination', categorie: 'recherche-essai' })));
		expect(answers.hits[0]).toMatchObject({ postId: best.postId, accepted: true });
		const solved = await searchForum(testDb.db, null, parseForumSearch(new URLSearchParams({ q: 'prevention vaccination', resolu: '1' })));
		expect(solved.hits.every((hit) => hit.solved)).toBe(true);
	});

	it('among more matches than it ranks, still finds an old thread on the subject, an old accepted answer and a recent detailed reply', async () => {
		const category = await ensureCategory({ slug: 'recherche-nombreuse', name: 'Recherche nombreuse' });
		const author = await viewerOf(await makeUser(testDb.db));
		const helper = await viewerOf(await makeUser(testDb.db));
		const { threadId: oldThread, postId: opening } = await startThread(testDb.db, author, category.id, threadInput('La balnéothérapie en cabinet', 'Quel équipement faut-il ?'));
		const { threadId: question } = await startThread(testDb.db, author, category.id, threadInput('Piscine et rééducation', 'Des idées pour la reprise ?'));
		const answer = await replyToThread(testDb.db, helper, question, 'La balnéothérapie au centre aquatique, deux fois par semaine.');
		await acceptAnswer(testDb.db, author, question, answer.postId);
		await testDb.db.execute(
			sql`update forum_posts set created_at = now() - interval '2 years' where thread_id in (${oldThread}, ${question})`
		);
		// Passing mentions, newer, more than five times what a page ranks: the chatter of a busy forum.
		const { threadId: chatter } = await startThread(testDb.db, helper, category.id, threadInput('Questions diverses', 'Bienvenue à tous.'));
		const mentions = 5 * FORUM_RANKED_CANDIDATES + 50;
		await testDb.db.execute(sql`
			insert into forum_posts (thread_id, position, author_id, body_source, body_html, body_text, created_at)
			select ${chatter}, 1 + n, ${helper.id}, 'Et la balnéothérapie ?', '<p>Et la balnéothérapie ?</p>', 'Et la balnéothérapie ?',
				now() - interval '30 days' + n * interval '1 minute'
			from generate_series(1, ${mentions}) as n`);
		await testDb.db.execute(sql`update forum_threads set post_count = ${mentions + 1} where id = ${chatter}`);
		const { threadId: recentThread } = await startThread(testDb.db, author, category.id, threadInput('Nos retours du mois', 'Partagez vos retours.'));
		const detailed = await replyToThread(
			testDb.db,
			helper,
			recentThread,
			'Balnéothérapie : trois séances de balnéothérapie par semaine, puis la balnéothérapie en autonomie.'
		);

		const found = await searchForum(testDb.db, null, parseForumSearch(new URLSearchParams({ q: 'balneotherapie', categorie: 'recherche-nombreuse' })));
		expect(found.hasMore).toBe(true);
		expect(found.hits[0]).toMatchObject({ postId: answer.postId, accepted: true });
		const firstPage = found.hits.map((hit) => hit.postId);
		expect(firstPage).toContain(opening);
		expect(firstPage).toContain(detailed.postId);
		expect(firstPage.indexOf(detailed.postId)).toBeLessThan(5);
	});
});

describe('scheduled exchanges', () => {
	it('schedules in a zone, signs up within capacity, gives an .ics, reminds and notifies the minutes', async () => {
		const category = await ensureCategory({ slug: 'echanges-essai', name: 'Échanges' });
		const facilitator = await viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const member = await viewerOf(await makeUser(testDb.db));
		const other = await viewerOf(await makeUser(testDb.db));
		const late = await viewerOf(await makeUser(testDb.db));
		const { threadId } = await startThread(testDb.db, member, category.id, threadInput('Soins non programmés à La Réunion', 'Échangeons'));
		const parsed = parseForm(
			exchangeFormSchema,
			formData({ startsAt: '2030-03-12T18:00', timeZone: 'Indian/Reunion', durationMinutes: '90', capacity: '2', videoUrl: 'https://visio.exemple.fr/salle-42', place: '', agenda: '1. Tour de table\n2. Retours' })
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		expect(parsed.data.startsAt.toISOString()).toBe('2030-03-12T14:00:00.000Z');
		expect((await refusal(scheduleExchange(testDb.db, member, threadId, parsed.data))).code).toBe('forbidden');
		await scheduleExchange(testDb.db, facilitator, threadId, parsed.data);

		const invalid = parseForm(exchangeFormSchema, formData({ startsAt: '2030-02-30T10:00', timeZone: 'Mars/Olympus', durationMinutes: '5', capacity: '0', videoUrl: 'http://x', place: '' }));
		expect(invalid.ok).toBe(false);
		if (!invalid.ok) expect(Object.keys(invalid.errors).sort()).toEqual(['capacity', 'durationMinutes', 'timeZone', 'videoUrl']);

		// Three concurrent sign-ups for two seats: exactly two get in.
		const outcomes = await Promise.allSettled([member, other, late].map((viewer) => registerForExchange(testDb.db, viewer, threadId)));
		expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
		const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
		expect((refused.reason as AppError).messageKey).toBe('forum.exchange.full');
		const thread = (await getThreadView(testDb.db, facilitator, threadId)).thread;
		const facilitatorView = await getExchangeView(testDb.db, facilitator, thread);
		expect(facilitatorView?.attendees).toHaveLength(2);
		const outsiderView = await getExchangeView(testDb.db, late, thread);
		expect(outsiderView).toMatchObject({ attendees: null, seatsLeft: 0, isRegistered: false });
		expect(outsiderView?.exchange.videoUrl).toBe('');

		const registeredViewer = outcomes[0].status === 'fulfilled' ? member : other;
		const ics = await exchangeIcs(testDb.db, registeredViewer, threadId, 'https://reseau-cpts.example');
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!);
		expect(event.startDate.toString()).toBe('2030-03-12T18:00:00');
		expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Indian/Reunion');
		expect(event.description).toContain('https://visio.exemple.fr/salle-42');

		expect(await sendExchangeReminders(testDb.db, new Date('2030-03-11T15:00:00Z'))).toBe(2);
		expect(await sendExchangeReminders(testDb.db, new Date('2030-03-11T16:00:00Z'))).toBe(0);
		const { notified } = await postMinutes(testDb.db, facilitator, threadId, '## Compte rendu\n\n- Régulation partagée le samedi');
		expect(notified).toBe(2);
		const registrations = await testDb.db.select().from(forumExchangeRegistrations);
		for (const registration of registrations) {
			const notes = await testDb.db
				.select()
				.from(notifications)
				.where(and(eq(notifications.userId, registration.userId), eq(notifications.kind, 'forum.exchange')));
			expect(notes.map((note) => note.title).sort()).toEqual(['forum.exchange.notify.minutes', 'forum.exchange.notify.reminder']);
		}
	});

	it('writes the date of a notice in each attendee’s language', async () => {
		const category = await ensureCategory({ slug: 'echanges-langues', name: 'Échanges' });
		const facilitator = await viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const french = await viewerOf(await makeUser(testDb.db));
		const english = await viewerOf(await makeUser(testDb.db, { locale: 'en' }));
		const { threadId } = await startThread(testDb.db, french, category.id, threadInput('Échange bilingue', 'Texte'));
		const parsed = parseForm(
			exchangeFormSchema,
			formData({ startsAt: '2030-03-12T18:00', timeZone: 'Europe/Paris', durationMinutes: '60', capacity: '5', videoUrl: '', place: 'Maison de santé', agenda: '' })
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		await scheduleExchange(testDb.db, facilitator, threadId, parsed.data);
		for (const viewer of [french, english]) await registerForExchange(testDb.db, viewer, threadId);
		await postMinutes(testDb.db, facilitator, threadId, 'Compte rendu');
		const whenFor = async (userId: string) => {
			const [note] = await testDb.db
				.select()
				.from(notifications)
				.where(and(eq(notifications.userId, userId), eq(notifications.title, 'forum.exchange.notify.minutes')));
			return String((note.params as Record<string, unknown>).when);
		};
		expect(await whenFor(french.id)).toMatch(/mars 2030/);
		expect(await whenFor(english.id)).toMatch(/March 2030/);
	});
});

describe('mention suggestions', () => {
	it('offer people who posted or share a CPTS with the writer, never the others', async () => {
		const { suggestMentions } = await import('../../src/lib/server/forum');
		const category = await ensureCategory({ slug: 'suggestions', name: 'Suggestions' });
		const space = await makeCpts(testDb.db);
		const writerUser = await makeUser(testDb.db, { name: 'Zoé Écrit' });
		const colleague = await makeUser(testDb.db, { name: 'Zoé Collègue' });
		const poster = await makeUser(testDb.db, { name: 'Zoé Publie' });
		await makeUser(testDb.db, { name: 'Zoé Inconnue' });
		await makeMembership(testDb.db, space.id, writerUser.id);
		await makeMembership(testDb.db, space.id, colleague.id);
		await startThread(testDb.db, await viewerOf(poster), category.id, threadInput('Bonjour', 'Premier message'));
		const names = (await suggestMentions(testDb.db, await viewerOf(writerUser), 'zoe')).map((suggestion) => suggestion.label);
		expect(names).toEqual(expect.arrayContaining(['Zoé Collègue', 'Zoé Publie']));
		expect(names).not.toContain('Zoé Inconnue');
	});
});

describe('polls', () => {
	it('one vote per reader however many concurrent clicks; only the author or a moderator adds one; closed polls refuse', async () => {
		const { addPoll, getPollView, pollFormSchema, votePoll } = await import('../../src/lib/server/forum/polls');
		const category = await ensureCategory({ slug: 'sondages', name: 'Sondages' });
		const author = await viewerOf(await makeUser(testDb.db));
		const voter = await viewerOf(await makeUser(testDb.db));
		const other = await viewerOf(await makeUser(testDb.db));
		const { threadId } = await startThread(testDb.db, author, category.id, threadInput('Date de la prochaine rencontre', 'Votez !'));
		const parsed = parseForm(pollFormSchema, formData({ question: 'Quel jeudi ?', options: '- 3 décembre\n- 10 décembre\n\n- 17 décembre' }));
		if (!parsed.ok) throw new Error('poll form refused');
		expect(parsed.data.options).toEqual(['3 décembre', '10 décembre', '17 décembre']);
		expect((await refusal(addPoll(testDb.db, voter, threadId, parsed.data))).code).toBe('forbidden');
		await addPoll(testDb.db, author, threadId, parsed.data, new Date('2099-01-01T00:00:00Z'));
		expect(parseForm(pollFormSchema, formData({ question: 'Seul ?', options: 'un seul choix' })).ok).toBe(false);

		await Promise.all([...Array.from({ length: 5 }, () => votePoll(testDb.db, voter, threadId, 1)), votePoll(testDb.db, other, threadId, 2)]);
		await votePoll(testDb.db, voter, threadId, 0);
		const thread = (await getThreadView(testDb.db, voter, threadId)).thread;
		const view = (await getPollView(testDb.db, voter, thread))!;
		expect(view.options.map((option) => option.votes)).toEqual([1, 0, 1]);
		expect(view).toMatchObject({ total: 2, myChoice: 0, closed: false });
		expect((await refusal(votePoll(testDb.db, voter, threadId, 7))).code).toBe('invalid');
		expect((await refusal(votePoll(testDb.db, voter, threadId, 1, new Date('2099-02-01T00:00:00Z')))).messageKey).toBe('forum.poll.closed');
	});
});

describe('splitting a thread', () => {
	it('moves the posts from a position into a new thread, renumbered; members cannot', async () => {
		const { splitThread } = await import('../../src/lib/server/forum');
		const category = await ensureCategory({ slug: 'scission', name: 'Scission' });
		const author = await viewerOf(await makeUser(testDb.db));
		const digresser = await viewerOf(await makeUser(testDb.db));
		const facilitator = await viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const { threadId } = await startThread(testDb.db, author, category.id, threadInput('Téléexpertise dermatologique', 'Qui l’utilise ?'));
		await replyToThread(testDb.db, digresser, threadId, 'Nous, depuis un an.');
		const offTopic = await replyToThread(testDb.db, digresser, threadId, 'Au fait, qui organise la fête de la CPTS ?');
		await replyToThread(testDb.db, author, threadId, 'Bonne question, en juin ?');
		expect((await refusal(splitThread(testDb.db, digresser, threadId, 3, 'Fête de la CPTS'))).code).toBe('forbidden');
		expect((await refusal(splitThread(testDb.db, facilitator, threadId, 1, 'Tout'))).code).toBe('invalid');
		const newThreadId = await splitThread(testDb.db, facilitator, threadId, 3, 'Fête de la CPTS');
		const moved = await getThreadView(testDb.db, author, newThreadId, { from: 1 });
		expect(moved.thread).toMatchObject({ title: 'Fête de la CPTS', postCount: 2, authorId: digresser.id });
		expect(moved.posts.map((post) => [post.position, post.id])).toEqual([
			[1, offTopic.postId],
			[2, moved.posts[1].id]
		]);
		const remaining = await getThreadView(testDb.db, author, threadId, { from: 1 });
		expect(remaining.posts.map((post) => post.position)).toEqual([1, 2]);
		expect(remaining.thread.postCount).toBe(2);
		// The old thread goes on from position 3.
		expect((await replyToThread(testDb.db, digresser, threadId, 'Pour revenir au sujet…')).position).toBe(3);
		const audit = await testDb.db.select().from(auditLog).where(and(eq(auditLog.action, 'forum.thread_split'), eq(auditLog.targetId, String(threadId))));
		expect(audit).toHaveLength(1);
	});
});
