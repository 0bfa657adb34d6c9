/**
 * The forums at scale: 10,000 threads and about 500,000 posts in a real PostgreSQL,
 * generated with SQL generate_series (seconds, not minutes), one of the threads with
 * 5,001 posts.
 *
 * Measured:
 * - SSR under load, beside the bare Node bound: the category list of a signed-in member
 *   (with unread counts), a category page (latest activity, keyset), and the 5,001-post
 *   thread opened at the member's first unread post (read position 2,500 at the start; each
 *   page view moves it 20 posts on, so later requests open at the last read post: the same
 *   index range read of one page of posts);
 * - the same thread view called directly, its read position put back at 2,500 before each
 *   call, so every sample opens at post 2,501 (p50 / p99);
 * - posting throughput: replies through replyToThread (validation, Markdown, sanitising,
 *   thread row lock, position, counters, read position, notifications), 8 concurrent
 *   writers on 8 threads and on one hot thread;
 * - the JavaScript a first visit of the list pages loads (gzip level 6, as most servers).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { forumCategories, forumReadPositions, forumThreads, userRoles, users } from '../../src/lib/server/db/schema';
import { DEMO_CATEGORIES } from '../../src/lib/server/demo/forum';
import { ensureCategory } from '../../src/lib/server/forum/categories';
import { loadForumViewer } from '../../src/lib/server/forum/permissions';
import { replyToThread } from '../../src/lib/server/forum/commands/reply-to-thread';
import { getThreadView } from '../../src/lib/server/forum/thread-views';
import { launchChromium, measureFirstLoad } from '../lib/first-load';
import type { BenchContext, BenchTarget, Scenario } from '../lib/types';

const THREADS = 10_000;
const BIG_THREAD_POSTS = 5_001;
const READER = 'membre@demo.reseau-cpts.fr';
const READ_UP_TO = 2_500;

const SENTENCES = [
	'Nous avons mis en place un planning partagé de créneaux de soins non programmés entre quatre cabinets.',
	'La coordinatrice appelle les patients âgés deux jours après leur sortie d’hospitalisation.',
	'Les officines ont remis des kits de dépistage du cancer colorectal pendant Mars bleu.',
	'Le protocole de coopération médecin–pharmacien pour la cystite simple a demandé une soirée de formation commune.',
	'La communauté de communes loue une maison aux internes et aux étudiants kinés.',
	'Le plan canicule de la CPTS s’appuie sur le registre de la mairie et un numéro unique.',
	'Les infirmiers libéraux font le premier tri téléphonique des patients connus le week-end.',
	'Merci pour ce retour très concret, nous allons proposer la même organisation à notre bureau.',
	'Le financement du temps de coordination passe par la mission accès aux soins de l’ACI.',
	'Avez-vous un modèle de convention avec l’hôpital pour la lettre de liaison ?'
];

const TITLES = [
	'Soins non programmés le samedi matin',
	'Appel à J+2 après une sortie d’hospitalisation',
	'Dépistage organisé en officine',
	'Protocole de coopération pour la cystite',
	'Logement des internes en zone rurale',
	'Plan canicule et personnes vulnérables',
	'Régulation infirmière du week-end',
	'Financement du temps de coordination'
];

const textArray = (values: string[]) => sql.raw(`array[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')}]::text[]`);

let bigThreadId = 0;
let categorySlug = '';
let readerId = '';

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
	const started = performance.now();
	const value = await run();
	return [value, performance.now() - started];
}

const percentile = (samples: number[], share: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * share))];

async function generate(db: Db): Promise<void> {
	const categories = [];
	for (const entry of DEMO_CATEGORIES) categories.push(await ensureCategory(entry, db));
	const authorIds = (await db.select({ id: users.id }).from(users)).map((row) => row.id);
	const categoryIds = categories.map((category) => category.id);
	// Building the GIN index once at the end is much faster than updating it 500,000 times.
	await db.execute(sql`drop index if exists forum_posts_search_idx`);
	const [, threadMs] = await timed(() =>
		db.execute(sql`
			insert into forum_threads (category_id, author_id, title, post_count, reaction_count, last_post_at, last_poster_id, created_at, external_key, natures)
			select (${textArray(categoryIds)})[1 + g % ${categoryIds.length}],
				(${textArray(authorIds)})[1 + g % ${authorIds.length}],
				(${textArray(TITLES)})[1 + g % ${TITLES.length}] || ' (' || g || ')',
				case when g = 1 then ${BIG_THREAD_POSTS} else 49 + g % 2 end,
				(g * 7919) % 40,
				now() - (g || ' minutes')::interval,
				(${textArray(authorIds)})[1 + (g * 7) % ${authorIds.length}],
				now() - interval '60 days' + (g || ' seconds')::interval,
				'bench:' || g,
				case g % 4 when 0 then '{rural}'::text[] when 1 then '{periurbain}'::text[] else '{}'::text[] end
			from generate_series(1, ${THREADS}) g`)
	);
	const [, postMs] = await timed(() =>
		db.execute(sql`
			insert into forum_posts (thread_id, position, author_id, body_source, body_html, body_text, created_at, merci_count, utile_count)
			select t.id, p, (${textArray(authorIds)})[1 + (t.id * 13 + p) % ${authorIds.length}],
				s.body, '<p>' || s.body || '</p>', s.body, t.created_at + (p || ' minutes')::interval, p % 3, p % 5
			from forum_threads t
			cross join lateral generate_series(1, t.post_count) p
			cross join lateral (select (${textArray(SENTENCES)})[1 + (t.id * 31 + p) % ${SENTENCES.length}] || ' ' || (${textArray(SENTENCES)})[1 + (t.id + p * 7) % ${SENTENCES.length}] as body) s
			where t.external_key like 'bench:%'`)
	);
	const [, indexMs] = await timed(() => db.execute(sql`create index forum_posts_search_idx on forum_posts using gin (search_vector)`));
	await db.execute(sql`
		update forum_categories c set thread_count = s.threads, post_count = s.posts, last_post_at = s.last
		from (select category_id, count(*)::int threads, sum(post_count)::int posts, max(last_post_at) last from forum_threads group by category_id) s
		where s.category_id = c.id`);
	const [big] = await db.select({ id: forumThreads.id, categoryId: forumThreads.categoryId }).from(forumThreads).where(eq(forumThreads.externalKey, 'bench:1'));
	bigThreadId = big.id;
	categorySlug = categories.find((category) => category.id === big.categoryId)!.slug;
	[{ id: readerId }] = await db.select({ id: users.id }).from(users).where(eq(users.email, READER));
	// The reader has read 2,500 posts of the big thread and parts of 2,000 others: unread counts to compute.
	await db.insert(forumReadPositions).values({ userId: readerId, threadId: bigThreadId, lastReadPosition: READ_UP_TO });
	await db.execute(sql`
		insert into forum_read_positions (user_id, thread_id, last_read_position)
		select ${readerId}, id, post_count - (id % 3)::int from forum_threads where id % 5 = 0 and id <> ${bigThreadId}`);
	await db.execute(sql`analyze forum_threads`);
	await db.execute(sql`analyze forum_posts`);
	await db.execute(sql`analyze forum_read_positions`);
	const [counts] = (await db.execute(sql`select (select count(*) from forum_threads)::int threads, (select count(*) from forum_posts)::int posts`)) as unknown as { threads: number; posts: number }[];
	console.log(`[bench] forum : ${counts.threads} sujets, ${counts.posts} messages (sujets ${Math.round(threadMs)} ms, messages ${Math.round(postMs / 1000)} s, index GIN ${Math.round(indexMs / 1000)} s)`);
}

async function readerViewer(db: Db) {
	const [user] = await db.select().from(users).where(eq(users.id, readerId));
	const roles = (await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, readerId))).map((row) => row.role);
	return (await loadForumViewer(db, { id: user.id, email: user.email, name: user.name, profession: user.profession, emailVerified: true, locale: 'fr', roles: roles as never }))!;
}

async function directThreadView(db: Db): Promise<void> {
	const viewer = await readerViewer(db);
	const samples: number[] = [];
	for (let index = 0; index < 200; index++) {
		await db.update(forumReadPositions).set({ lastReadPosition: READ_UP_TO }).where(and(eq(forumReadPositions.userId, readerId), eq(forumReadPositions.threadId, bigThreadId)));
		const [view, ms] = await timed(() => getThreadView(db, viewer, bigThreadId));
		if (view.posts[0].position !== READ_UP_TO + 1) throw new Error(`opened at ${view.posts[0].position}`);
		samples.push(ms);
	}
	console.log(`[bench] forum : getThreadView (5 001 messages, ouvert au message 2 501) p50 ${percentile(samples, 0.5).toFixed(1)} ms, p99 ${percentile(samples, 0.99).toFixed(1)} ms sur ${samples.length} appels`);
}

async function postingThroughput(db: Db): Promise<void> {
	const viewer = await readerViewer(db);
	const threadIds = (await db.select({ id: forumThreads.id }).from(forumThreads).where(sql`${forumThreads.externalKey} in ('bench:2','bench:3','bench:4','bench:5','bench:6','bench:7','bench:8','bench:9')`)).map((row) => row.id);
	for (const [label, targets] of [
		['8 rédacteurs sur 8 sujets', threadIds],
		['8 rédacteurs sur un même sujet', threadIds.map(() => threadIds[0])]
	] as const) {
		const perWriter = 40;
		const [, ms] = await timed(() =>
			Promise.all(
				targets.map(async (threadId, writer) => {
					for (let index = 0; index < perWriter; index++) {
						await replyToThread(db, viewer, threadId, `Réponse **${index}** du rédacteur ${writer} : ${SENTENCES[index % SENTENCES.length]}`);
					}
				})
			)
		);
		const posts = targets.length * perWriter;
		console.log(`[bench] forum : publication, ${label} : ${posts} réponses en ${(ms / 1000).toFixed(1)} s, ${Math.round(posts / (ms / 1000))} réponses/s`);
	}
}

let cookie = '';

const scenario: Scenario = {
	name: 'forum',
	description: `Forums : ${THREADS.toLocaleString('fr-FR')} sujets, ~500 000 messages (PostgreSQL, generate_series)`,
	async setup(context: BenchContext) {
		await generate(context.db);
		await directThreadView(context.db);
		await postingThroughput(context.db);
		cookie = await context.sessionCookie(READER);
		const browser = await launchChromium();
		try {
			for (const path of ['/forums', `/forums/${categorySlug}`, `/forums/sujet/${bigThreadId}?depuis=2501`]) {
				const js = await measureFirstLoad(browser, context.appUrl, path, cookie);
				console.log(`[bench] forum : JavaScript au premier chargement de ${path} : ${js.files.length} fichiers, ${(js.raw / 1024).toFixed(1)} ko, ${(js.gzip / 1024).toFixed(1)} ko gzip`);
			}
		} finally {
			await browser.close();
		}
		// Back at 2,500 for the page target (the direct measure and the visits above moved it).
		await context.db.update(forumReadPositions).set({ lastReadPosition: READ_UP_TO }).where(and(eq(forumReadPositions.userId, readerId), eq(forumReadPositions.threadId, bigThreadId)));
	},
	targets(): BenchTarget[] {
		return [
			{ label: 'forums : liste des catégories (membre, non-lus)', path: '/forums', headers: { cookie }, expectText: 'Accès aux soins' },
			{ label: 'forums : liste des catégories (visiteur)', path: '/forums', expectText: 'Accès aux soins' },
			{ label: 'forums : catégorie, activité récente (membre)', path: `/forums/${categorySlug}`, headers: { cookie }, expectText: 'Suite' },
			{ label: 'forums : sujet de 5 001 messages au premier non-lu (membre)', path: `/forums/sujet/${bigThreadId}`, headers: { cookie }, expectText: 'message-2501' },
			{ label: 'forums : même sujet, page ?depuis=2501 (visiteur)', path: `/forums/sujet/${bigThreadId}?depuis=2501`, expectText: 'message-2501' }
		];
	}
};

export default scenario;
