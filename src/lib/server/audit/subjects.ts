/**
 * What the journal's entries are about, by name and page: the people, CPTS, topics, projects,
 * resources, sessions… their ids point to. The journal is a read-only view across every
 * feature, so it reads their tables here, in one query per kind for a whole page of entries,
 * rather than one call per entry into each feature.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	announcements,
	coveragePlans,
	cpts,
	dpcActions,
	dpcBodies,
	dpcSessions,
	drafts,
	forumCategories,
	forumPosts,
	forumThreads,
	libraryResources,
	regions,
	users
} from '../db/schema';

/** A subject as a sentence names it: its name, and the page it has (none for some). */
export interface Subject {
	name: string;
	href: string | null;
}

/** The ids an entry refers to, gathered per kind before loading. */
export interface SubjectIds {
	user: Set<string>;
	cpts: Set<string>;
	thread: Set<number>;
	post: Set<number>;
	category: Set<string>;
	categorySlug: Set<string>;
	draft: Set<string>;
	resource: Set<string>;
	session: Set<string>;
	dpcAction: Set<string>;
	body: Set<string>;
	plan: Set<string>;
	announcement: Set<string>;
	region: Set<string>;
}

export type SubjectKind = keyof SubjectIds;

export function emptySubjectIds(): SubjectIds {
	return {
		user: new Set(),
		cpts: new Set(),
		thread: new Set(),
		post: new Set(),
		category: new Set(),
		categorySlug: new Set(),
		draft: new Set(),
		resource: new Set(),
		session: new Set(),
		dpcAction: new Set(),
		body: new Set(),
		plan: new Set(),
		announcement: new Set(),
		region: new Set()
	};
}

/** Loaded subjects by kind and id; `post` holds the thread and position of a forum post. */
export interface Subjects {
	byKind: Record<Exclude<SubjectKind, 'post' | 'session'>, Map<string, Subject>>;
	post: Map<string, { threadId: number; position: number }>;
	session: Map<string, { number: number; actionTitle: string | null }>;
}

const list = <T>(ids: Set<T>) => [...ids];

/** Loads every subject the ids name (posts first: their threads are then loaded too). */
export async function loadSubjects(db: DbOrTx, ids: SubjectIds): Promise<Subjects> {
	const post = new Map<string, { threadId: number; position: number }>();
	if (ids.post.size) {
		const rows = await db.select({ id: forumPosts.id, threadId: forumPosts.threadId, position: forumPosts.position }).from(forumPosts).where(inArray(forumPosts.id, list(ids.post)));
		for (const row of rows) {
			post.set(String(row.id), { threadId: row.threadId, position: row.position });
			ids.thread.add(row.threadId);
		}
	}
	const session = new Map<string, { number: number; actionTitle: string | null }>();
	if (ids.session.size) {
		const rows = await db.select({ id: dpcSessions.id, number: dpcSessions.number, actionId: dpcSessions.actionId }).from(dpcSessions).where(inArray(dpcSessions.id, list(ids.session)));
		for (const row of rows) ids.dpcAction.add(row.actionId);
		const titles = await named(db, 'dpcAction', ids.dpcAction);
		for (const row of rows) session.set(row.id, { number: row.number, actionTitle: titles.get(row.actionId)?.name ?? null });
	}
	const byKind = {} as Subjects['byKind'];
	for (const kind of ['user', 'cpts', 'thread', 'category', 'categorySlug', 'draft', 'resource', 'dpcAction', 'body', 'plan', 'announcement', 'region'] as const) {
		byKind[kind] = await named(db, kind, ids[kind] as Set<string | number>);
	}
	return { byKind, post, session };
}

/** One kind's names and pages (one query; nothing when no id). */
async function named(db: DbOrTx, kind: Exclude<SubjectKind, 'post' | 'session'>, idSet: Set<string | number>): Promise<Map<string, Subject>> {
	const found = new Map<string, Subject>();
	if (idSet.size === 0) return found;
	const strings = [...idSet].map(String);
	const put = (id: string | number, name: string, href: string | null) => found.set(String(id), { name, href });
	switch (kind) {
		case 'user':
			for (const row of await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, strings)))
				put(row.id, row.name, `/admin/utilisateurs?q=${encodeURIComponent(row.email)}`);
			break;
		case 'cpts':
			for (const row of await db.select({ id: cpts.id, name: cpts.name, slug: cpts.slug }).from(cpts).where(inArray(cpts.id, strings)))
				put(row.id, row.name, `/cpts/${row.slug}`);
			break;
		case 'thread': {
			const numbers = strings.map(Number).filter(Number.isSafeInteger);
			if (numbers.length === 0) break;
			for (const row of await db.select({ id: forumThreads.id, title: forumThreads.title }).from(forumThreads).where(inArray(forumThreads.id, numbers)))
				put(row.id, row.title, `/forums/sujet/${row.id}`);
			break;
		}
		case 'category':
			for (const row of await db.select({ id: forumCategories.id, name: forumCategories.name, slug: forumCategories.slug }).from(forumCategories).where(inArray(forumCategories.id, strings)))
				put(row.id, row.name, `/forums/${row.slug}`);
			break;
		case 'categorySlug':
			for (const row of await db.select({ name: forumCategories.name, slug: forumCategories.slug }).from(forumCategories).where(inArray(forumCategories.slug, strings)))
				put(row.slug, row.name, `/forums/${row.slug}`);
			break;
		case 'draft':
			for (const row of await db.select({ id: drafts.id, title: drafts.title }).from(drafts).where(inArray(drafts.id, strings)))
				put(row.id, row.title, `/projets/${row.id}`);
			break;
		case 'resource':
			for (const row of await db.select({ id: libraryResources.id, title: libraryResources.title, slug: libraryResources.slug }).from(libraryResources).where(inArray(libraryResources.id, strings)))
				put(row.id, row.title, `/bibliotheque/${row.slug}`);
			break;
		case 'dpcAction':
			for (const row of await db.select({ id: dpcActions.id, title: dpcActions.title }).from(dpcActions).where(inArray(dpcActions.id, strings)))
				put(row.id, row.title, `/formations/animer/actions/${row.id}`);
			break;
		case 'body':
			for (const row of await db.select({ id: dpcBodies.id, name: dpcBodies.name }).from(dpcBodies).where(inArray(dpcBodies.id, strings)))
				put(row.id, row.name, '/formations/organismes');
			break;
		case 'plan':
			for (const row of await db.select({ id: coveragePlans.id, name: coveragePlans.name, departementCode: coveragePlans.departementCode }).from(coveragePlans).where(inArray(coveragePlans.id, strings)))
				put(row.id, row.name, `/reseau/departements/${row.departementCode}/plans/${row.id}`);
			break;
		case 'announcement':
			for (const row of await db.select({ id: announcements.id, title: announcements.title }).from(announcements).where(inArray(announcements.id, strings)))
				put(row.id, row.title, `/annonces/${row.id}`);
			break;
		case 'region':
			for (const row of await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, strings)))
				put(row.code, row.name, `/reseau/regions/${row.code}`);
			break;
	}
	return found;
}
