import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { forumPosts, forumThreads, notifications } from '../../src/lib/server/db/schema';
import {
	acceptAnswer,
	createThread,
	editPost,
	ensureCategory,
	ensureCptsSpace,
	getPostHistory,
	getThreadView,
	listCategories,
	listThreads,
	replyToThread,
	requireReadableThread,
	setReaction,
	startThread
} from '../../src/lib/server/forum';
import { refusalFailure } from '../../src/lib/server/shared/http';
import { useTestDatabase } from '../helpers/db';
import { forumViewerOf, refusal, threadInput } from '../helpers/forum';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

const viewerOf = (user: Awaited<ReturnType<typeof makeUser>>) => forumViewerOf(testDb.db, user);

describe('createThread and ensureCategory (for other features)', () => {
	it('creates a category once and a thread idempotently by external key', async () => {
		const author = await makeUser(testDb.db);
		const first = await ensureCategory({ slug: 'formations-dpc', name: 'Formations DPC' });
		const again = await ensureCategory({ slug: 'formations-dpc', name: 'Autre nom' });
		expect(again.id).toBe(first.id);
		expect(again.kind).toBe('general');
		const created = await createThread({
			categoryId: first.id,
			authorId: author.id,
			title: 'Session DPC « Travailler en interprofessionnalité »',
			body: 'Échangeons ici **avant** et après la session.',
			externalKey: 'dpc-session:42'
		});
		expect(created.created).toBe(true);
		const repeated = await createThread({
			categoryId: first.id,
			authorId: author.id,
			title: 'Doublon',
			body: 'Ne doit pas exister',
			externalKey: 'dpc-session:42'
		});
		expect(repeated).toEqual({ ...created, created: false });
		const [post] = await testDb.db.select().from(forumPosts).where(eq(forumPosts.threadId, created.threadId));
		expect(post.bodyHtml).toBe('<p>Échangeons ici <strong>avant</strong> et après la session.</p>');
		const [category] = (await listCategories(testDb.db, null)).filter((entry) => entry.id === first.id);
		expect(category.threadCount).toBe(1);
	});

	it('refuses an empty body or title with a typed error', async () => {
		const category = await ensureCategory({ slug: 'essais', name: 'Essais' });
		expect((await refusal(createThread({ categoryId: category.id, authorId: null, title: 'Titre', body: '   ' }))).messageKey).toBe(
			'forum.form.bodyRequired'
		);
		expect((await refusal(createThread({ categoryId: category.id, authorId: null, title: ' ', body: 'Texte' }))).code).toBe('invalid');
	});
});

describe('posting, reading and refusals', () => {
	it('replies get positions, the reader opens at the first unread post, locked threads refuse', async () => {
		const category = await ensureCategory({ slug: 'acces-aux-soins', name: 'Accès aux soins', mission: 'acces_soins' });
		const asker = await viewerOf(await makeUser(testDb.db));
		const answerer = await viewerOf(await makeUser(testDb.db));
		const { threadId } = await startThread(testDb.db, asker, category.id, threadInput('Soins non programmés le samedi ?', 'Comment organisez-vous le samedi matin ?'));
		for (let index = 1; index <= 3; index++) await replyToThread(testDb.db, answerer, threadId, `Réponse ${index}`);
		// The asker read the thread up to post 2 only.
		const firstVisit = await getThreadView(testDb.db, asker, threadId, { from: 1 });
		expect(firstVisit.posts.map((post) => post.position)).toEqual([1, 2, 3, 4]);
		const { markThreadRead } = await import('../../src/lib/server/forum');
		await markThreadRead(testDb.db, asker, firstVisit.thread, 2);
		const view = await getThreadView(testDb.db, asker, threadId);
		expect(view.firstUnread).toBe(3);
		expect(view.posts[0].position).toBe(3);
		expect(view.opening?.position).toBe(1);
		expect(view.earlierBefore).toBe(3);

		const listed = await listThreads(testDb.db, asker, category);
		expect(listed.threads.find((thread) => thread.id === threadId)?.unread).toBe(2);

		await testDb.db.update(forumThreads).set({ lockedAt: new Date() }).where(eq(forumThreads.id, threadId));
		const locked = await refusal(replyToThread(testDb.db, answerer, threadId, 'Encore une réponse'));
		expect(locked.messageKey).toBe('forum.thread.lockedRefusal');
	});

	it('a member cannot edit another member’s post; edits keep a visible history', async () => {
		const category = await ensureCategory({ slug: 'parcours', name: 'Parcours', mission: 'parcours' });
		const author = await viewerOf(await makeUser(testDb.db));
		const other = await viewerOf(await makeUser(testDb.db));
		const { threadId, postId } = await startThread(testDb.db, author, category.id, threadInput('Sortie d’hospitalisation', 'Premier texte'));
		expect((await refusal(editPost(testDb.db, other, postId, 'Vandalisme'))).code).toBe('forbidden');
		await editPost(testDb.db, author, postId, 'Texte corrigé');
		const history = await getPostHistory(testDb.db, other, postId);
		expect(history.versions.map((version) => version.bodyHtml)).toEqual(['<p>Texte corrigé</p>', '<p>Premier texte</p>']);
		expect((await getThreadView(testDb.db, other, threadId)).posts[0].editCount).toBe(1);
	});

	it('shows each author with her profession in her own form and her active CPTS, never a pending one', async () => {
		const category = await ensureCategory({ slug: 'auteurs', name: 'Auteurs' });
		const nurse = await makeUser(testDb.db, { name: 'Claire Fontaine', profession: 'infirmier', professionForm: 'feminine' });
		const pharmacist = await makeUser(testDb.db, { name: 'Julien Moreau', profession: 'pharmacien' });
		const [aubrac, barrois, pending] = [await makeCpts(testDb.db, { name: 'CPTS Aubrac' }), await makeCpts(testDb.db, { name: 'CPTS Barrois' }), await makeCpts(testDb.db, { name: 'CPTS Cévennes' })];
		await makeMembership(testDb.db, barrois.id, nurse.id);
		await makeMembership(testDb.db, aubrac.id, nurse.id);
		await makeMembership(testDb.db, pending.id, nurse.id, { status: 'pending' });
		const { threadId } = await startThread(testDb.db, await viewerOf(nurse), category.id, threadInput('Pansements complexes', 'Qui a un protocole ?'));
		await replyToThread(testDb.db, await viewerOf(pharmacist), threadId, 'Nous, avec la MSP.');
		const [first, second] = (await getThreadView(testDb.db, null, threadId)).posts;
		expect(first).toMatchObject({ authorName: 'Claire Fontaine', authorProfession: 'infirmier', authorProfessionForm: 'feminine' });
		expect(first.authorCpts.map((place) => place.name)).toEqual(['CPTS Aubrac', 'CPTS Barrois']);
		expect(second).toMatchObject({ authorName: 'Julien Moreau', authorProfessionForm: null, authorCpts: [] });
	});

	it('renders an XSS corpus inert', async () => {
		const category = await ensureCategory({ slug: 'xss', name: 'XSS' });
		const author = await viewerOf(await makeUser(testDb.db));
		const corpus = [
			'<script>alert(1)</script>',
			'<img src=x onerror="alert(2)">',
			'[clic](javascript:alert(3))',
			'<a href="JaVaScRiPt:alert(4)">lien</a>',
			'<svg onload="alert(5)"><circle r="1"/></svg>',
			'<iframe src="https://exemple.fr"></iframe>',
			'<p style="background:url(javascript:alert(6))" onclick="alert(7)">texte</p>',
			'<div><b>non fermé <i>du tout',
			'<math><mi xlink:href="javascript:alert(8)">x</mi></math>',
			'[a](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)'
		].join('\n\n');
		const { threadId } = await startThread(testDb.db, author, category.id, threadInput('Corpus', corpus));
		const [post] = (await getThreadView(testDb.db, null, threadId)).posts;
		expect(post.bodyHtml).not.toMatch(/<script|<svg|<iframe|<img|<math|onerror|onload|onclick|javascript:|data:text|style=/i);
	});

	it('refuses an empty and a 200 kB reply with their own messages', async () => {
		const category = await ensureCategory({ slug: 'longueurs', name: 'Longueurs' });
		const author = await viewerOf(await makeUser(testDb.db));
		const { threadId } = await startThread(testDb.db, author, category.id, threadInput('Longueur', 'Court'));
		expect((await refusal(replyToThread(testDb.db, author, threadId, ''))).messageKey).toBe('forum.form.bodyRequired');
		expect((await refusal(replyToThread(testDb.db, author, threadId, 'é'.repeat(100_000)))).messageKey).toBe('forum.form.bodyTooLong');
	});
});

describe('unverified addresses', () => {
	it('read, but may neither open a thread nor reply until verified, even as CPTS members', async () => {
		const category = await ensureCategory({ slug: 'non-verifies', name: 'Non vérifiés' });
		const place = await makeCpts(testDb.db);
		const space = await ensureCptsSpace(testDb.db, place);
		const author = await viewerOf(await makeUser(testDb.db));
		const { threadId } = await startThread(testDb.db, author, category.id, threadInput('Coordination ville-hôpital', 'Vos retours ?'));
		const newcomerUser = await makeUser(testDb.db, { emailVerifiedAt: null });
		await makeMembership(testDb.db, place.id, newcomerUser.id);
		const newcomer = await viewerOf(newcomerUser);

		expect((await getThreadView(testDb.db, newcomer, threadId)).posts).toHaveLength(1);
		for (const attempt of [
			() => startThread(testDb.db, newcomer, category.id, threadInput('Nouveau sujet', 'Texte')),
			() => startThread(testDb.db, newcomer, space.id, threadInput('Dans notre espace', 'Texte')),
			() => replyToThread(testDb.db, newcomer, threadId, 'Ma réponse')
		]) {
			expect(await refusal(attempt())).toMatchObject({ code: 'email_unverified', messageKey: 'error.emailUnverified' });
		}
		const written = await testDb.db.select().from(forumPosts).where(eq(forumPosts.authorId, newcomerUser.id));
		expect(written).toHaveLength(0);

		// The form shows the refusal with what was typed and the link that resends the verification mail.
		const failure = refusalFailure('fr', new URL('http://localhost/forums'), await refusal(replyToThread(testDb.db, newcomer, threadId, 'Ma réponse')), { values: { body: 'Ma réponse' } });
		expect(failure).toMatchObject({ status: 403, data: { message: 'error.emailUnverified', verifyEmailPath: '/verification', values: { body: 'Ma réponse' } } });

		const verified = { ...newcomer, emailVerified: true };
		expect((await replyToThread(testDb.db, verified, threadId, 'Ma réponse')).position).toBe(2);
	});
});

describe('private CPTS spaces', () => {
	it('are not readable, listed or notified to non-members', async () => {
		const space = await makeCpts(testDb.db, { slug: 'cpts-test-privee', name: 'CPTS Test Privée' });
		const memberUser = await makeUser(testDb.db, { name: 'Hélène Privée' });
		const outsiderUser = await makeUser(testDb.db, { name: 'Olivier Dehors' });
		const facilitatorUser = await makeUser(testDb.db, { roles: ['facilitator'] });
		await makeMembership(testDb.db, space.id, memberUser.id);
		const member = await viewerOf(memberUser);
		const outsider = await viewerOf(outsiderUser);
		const facilitator = await viewerOf(facilitatorUser);
		const category = await ensureCptsSpace(testDb.db, space);
		const { threadId } = await startThread(
			testDb.db,
			member,
			category.id,
			threadInput('Conflit interne confidentiel', 'Nous devons en parler, @olivier-dehors et @helene-privee.')
		);
		for (const viewer of [outsider, facilitator, null]) {
			expect((await refusal(requireReadableThread(testDb.db, viewer, threadId))).code).toBe('not_found');
			expect((await listCategories(testDb.db, viewer)).map((entry) => entry.id)).not.toContain(category.id);
		}
		expect((await refusal(replyToThread(testDb.db, outsider, threadId, 'Je m’invite'))).code).toBe('not_found');
		// The outsider was mentioned but must not learn the title.
		const outsiderNotes = await testDb.db.select().from(notifications).where(eq(notifications.userId, outsiderUser.id));
		expect(outsiderNotes).toHaveLength(0);
		expect((await listCategories(testDb.db, member)).map((entry) => entry.id)).toContain(category.id);
	});
});

describe('mentions and concurrency', () => {
	it('notifies a mentioned member and the facilitators group', async () => {
		const category = await ensureCategory({ slug: 'prevention', name: 'Prévention', mission: 'prevention' });
		const asker = await viewerOf(await makeUser(testDb.db, { name: 'Nadia Mention' }));
		const mentioned = await makeUser(testDb.db, { name: 'Émile Répond' });
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const { threadId } = await startThread(
			testDb.db,
			asker,
			category.id,
			threadInput('Dépistage du cancer colorectal', 'Qu’en pensez-vous @emile-repond ? Et les @animateurs ?')
		);
		const [note] = await testDb.db.select().from(notifications).where(eq(notifications.userId, mentioned.id));
		expect(note).toMatchObject({ kind: 'forum.mention', link: `/forums/sujet/${threadId}` });
		expect(note.params).toMatchObject({ name: 'Nadia Mention', topic: 'Dépistage du cancer colorectal' });
		const facilitatorNotes = await testDb.db
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, facilitator.id), eq(notifications.kind, 'forum.mention')));
		expect(facilitatorNotes).toHaveLength(1);
	});

	it('concurrent accept and reaction clicks never double-count', async () => {
		const category = await ensureCategory({ slug: 'qualite', name: 'Qualité', mission: 'qualite_pertinence' });
		const asker = await viewerOf(await makeUser(testDb.db));
		const answerer = await viewerOf(await makeUser(testDb.db));
		const facilitator = await viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const { threadId } = await startThread(testDb.db, asker, category.id, threadInput('Question', 'Laquelle ?'));
		const first = await replyToThread(testDb.db, answerer, threadId, 'Celle-ci');
		const second = await replyToThread(testDb.db, answerer, threadId, 'Ou celle-là');
		await Promise.all([
			acceptAnswer(testDb.db, asker, threadId, first.postId),
			acceptAnswer(testDb.db, facilitator, threadId, second.postId),
			acceptAnswer(testDb.db, asker, threadId, first.postId)
		]);
		const [thread] = await testDb.db.select().from(forumThreads).where(eq(forumThreads.id, threadId));
		expect([first.postId, second.postId]).toContain(thread.acceptedPostId);
		const member = await viewerOf(await makeUser(testDb.db));
		expect((await refusal(acceptAnswer(testDb.db, member, threadId, first.postId))).code).toBe('forbidden');

		const results = await Promise.all(Array.from({ length: 6 }, () => setReaction(testDb.db, asker, first.postId, 'utile', true)));
		expect(results.filter(Boolean)).toHaveLength(1);
		const [post] = await testDb.db.select().from(forumPosts).where(eq(forumPosts.id, first.postId));
		expect(post.utileCount).toBe(1);
		const [after] = await testDb.db.select().from(forumThreads).where(eq(forumThreads.id, threadId));
		expect(after.reactionCount).toBe(1);
	});
});
