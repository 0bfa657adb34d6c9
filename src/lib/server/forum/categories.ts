/**
 * Forum categories: the mission ones, regional and general ones (managed by facilitators),
 * and the private space of each CPTS (created on first use). The category list carries,
 * for a signed-in reader, how many threads have something unread.
 */
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../db';
import { forumCategories, forumCategoryWatches, forumReadPositions, forumThreads, users, type ForumCategory } from '../db/schema';
import { writeAudit } from '../audit';
import { requireCptsBySlug } from '../cpts';
import { slugify } from '../cpts/slug';
import { forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import type { CategoryKind } from '../../domain/forum';
import type { Mission } from '../../domain/library';
import { canManageCategories, canReadCategory, type ForumViewer, type MaybeViewer } from './permissions';

export type { ForumCategory };

/** Paths under /forums/ that are pages, so no category may take them as its slug. */
export const RESERVED_CATEGORY_SLUGS = new Set(['sujet', 'recherche', 'moderation', 'categories', 'signets', 'nouveau', 'echanges', 'mentions']);

export interface CategoryInput {
	slug?: string;
	name: string;
	description?: string;
	kind?: CategoryKind;
	mission?: Mission | null;
	regionCode?: string | null;
	cptsId?: string | null;
	position?: number;
}

/**
 * Returns the category with this slug, creating it when missing (idempotent, safe under
 * concurrent calls: the unique slug decides). For other features, e.g. the DPC sessions'
 * discussion category: `ensureCategory({ slug: 'formations-dpc', name: 'Formations DPC' })`.
 */
export async function ensureCategory(input: CategoryInput, db?: DbOrTx): Promise<ForumCategory> {
	const handle = db ?? (await getDb());
	const slug = input.slug ?? slugify(input.name);
	const kind = input.kind ?? (input.cptsId ? 'cpts' : input.mission ? 'mission' : input.regionCode ? 'region' : 'general');
	await handle
		.insert(forumCategories)
		.values({
			id: generateId(),
			slug,
			kind,
			name: input.name,
			description: input.description ?? '',
			mission: input.mission ?? null,
			regionCode: input.regionCode ?? null,
			cptsId: input.cptsId ?? null,
			position: input.position ?? 100
		})
		.onConflictDoNothing();
	const [row] = await handle.select().from(forumCategories).where(eq(forumCategories.slug, slug));
	if (!row) throw new Error(`ensureCategory: "${slug}" neither inserted nor found (another unique key taken?)`);
	return row;
}

/** The private space of a CPTS (created on first use), for its members. */
export async function ensureCptsSpace(db: DbOrTx, cpts: { id: string; slug: string; name: string }): Promise<ForumCategory> {
	const [existing] = await db.select().from(forumCategories).where(eq(forumCategories.cptsId, cpts.id));
	if (existing) return existing;
	return ensureCategory(
		{ slug: `espace-${cpts.slug}`.slice(0, 90), name: `Espace privé – ${cpts.name}`.slice(0, 120), kind: 'cpts', cptsId: cpts.id, position: 1000 },
		db
	);
}

/** Opens (creating it if needed) the private space of the CPTS at `cptsSlug`; members only. */
export async function openCptsSpace(db: DbOrTx, viewer: MaybeViewer, cptsSlug: string): Promise<ForumCategory> {
	const cpts = await requireCptsBySlug(db, cptsSlug);
	if (!viewer || !viewer.memberOf.has(cpts.id)) throw notFound('forum.categoryNotFound');
	return ensureCptsSpace(db, cpts);
}

/** A category by slug if this reader may read it; a private space is a 404 to others. */
export async function requireReadableCategory(db: DbOrTx, viewer: MaybeViewer, slug: string): Promise<ForumCategory> {
	if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw notFound('forum.categoryNotFound');
	const [row] = await db.select().from(forumCategories).where(eq(forumCategories.slug, slug));
	if (!row || !canReadCategory(viewer, row)) throw notFound('forum.categoryNotFound');
	return row;
}

/** SQL condition: categories this reader may read (public ones and their CPTS spaces). */
export function readableCategoryCondition(viewer: MaybeViewer) {
	const cptsIds = viewer ? [...viewer.memberOf] : [];
	return cptsIds.length > 0
		? or(isNull(forumCategories.cptsId), inArray(forumCategories.cptsId, cptsIds))
		: isNull(forumCategories.cptsId);
}

export interface CategoryListEntry extends ForumCategory {
	/** Threads with replies the reader has not read, or new since they joined (0 signed out). */
	unread: number;
	muted: boolean;
}

/**
 * Categories this reader may read, in display order, with unread counts. A thread counts
 * as unread when the reader's read position is behind its last post, or when they never
 * opened it and it had activity after their account was created (muted categories: 0).
 */
export async function listCategories(db: DbOrTx, viewer: MaybeViewer, since?: Date): Promise<CategoryListEntry[]> {
	const rows = await db
		.select()
		.from(forumCategories)
		.where(readableCategoryCondition(viewer))
		.orderBy(asc(forumCategories.position), asc(forumCategories.name));
	if (!viewer || rows.length === 0) return rows.map((row) => ({ ...row, unread: 0, muted: false }));
	// Both at once: the member's list waits for one round trip, not two.
	const [unread, mutedRows] = await Promise.all([
		unreadByCategory(db, viewer, rows.map((row) => row.id), since),
		db
			.select({ categoryId: forumCategoryWatches.categoryId })
			.from(forumCategoryWatches)
			.where(and(eq(forumCategoryWatches.userId, viewer.id), eq(forumCategoryWatches.level, 'muted')))
	]);
	const muted = new Set(mutedRows.map((row) => row.categoryId));
	return rows.map((row) => ({ ...row, unread: muted.has(row.id) ? 0 : (unread.get(row.id) ?? 0), muted: muted.has(row.id) }));
}

/**
 * Unread threads per category in two index-driven reads: the reader's read positions that
 * are behind (few rows per reader), and threads never opened with activity since `since`
 * (a range of the latest-activity index).
 */
async function unreadByCategory(db: DbOrTx, viewer: ForumViewer, categoryIds: string[], since?: Date): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	const behind = await db
		.select({ categoryId: forumThreads.categoryId, count: sql<number>`count(*)::int` })
		.from(forumReadPositions)
		.innerJoin(forumThreads, eq(forumThreads.id, forumReadPositions.threadId))
		.where(
			and(
				eq(forumReadPositions.userId, viewer.id),
				sql`${forumReadPositions.lastReadPosition} < ${forumThreads.postCount}`,
				isNull(forumThreads.hiddenAt),
				inArray(forumThreads.categoryId, categoryIds)
			)
		)
		.groupBy(forumThreads.categoryId);
	for (const row of behind) counts.set(row.categoryId, row.count);
	// A constant bound (not a subquery) lets the planner range-scan the latest-activity index.
	const [{ joinedAt }] = since ? [{ joinedAt: since }] : await db.select({ joinedAt: users.createdAt }).from(users).where(eq(users.id, viewer.id));
	const fresh = await db
		.select({ categoryId: forumThreads.categoryId, count: sql<number>`count(*)::int` })
		.from(forumThreads)
		.where(
			and(
				inArray(forumThreads.categoryId, categoryIds),
				isNull(forumThreads.hiddenAt),
				gt(forumThreads.lastPostAt, joinedAt),
				sql`not exists (select 1 from ${forumReadPositions} where ${forumReadPositions.userId} = ${viewer.id} and ${forumReadPositions.threadId} = ${forumThreads.id})`
			)
		)
		.groupBy(forumThreads.categoryId);
	for (const row of fresh) counts.set(row.categoryId, (counts.get(row.categoryId) ?? 0) + row.count);
	return counts;
}

/** A facilitator creates or edits a public category (never a CPTS space). */
export async function saveCategory(
	db: DbOrTx,
	viewer: MaybeViewer,
	input: { id?: string; name: string; description: string; kind: Exclude<CategoryKind, 'cpts'>; mission: Mission | null; regionCode: string | null; position: number }
): Promise<ForumCategory> {
	if (!viewer || !canManageCategories(viewer)) throw forbidden('forum.cannotManageCategories');
	return db.transaction(async (tx) => {
		let row: ForumCategory | undefined;
		if (input.id) {
			[row] = await tx
				.update(forumCategories)
				.set({ name: input.name, description: input.description, kind: input.kind, mission: input.mission, regionCode: input.regionCode, position: input.position })
				.where(and(eq(forumCategories.id, input.id), isNull(forumCategories.cptsId)))
				.returning();
			if (!row) throw notFound('forum.categoryNotFound');
		} else {
			let slug = slugify(input.name).slice(0, 80);
			if (RESERVED_CATEGORY_SLUGS.has(slug)) slug = `${slug}-forum`;
			const taken = await tx.select({ id: forumCategories.id }).from(forumCategories).where(eq(forumCategories.slug, slug));
			if (taken.length > 0) slug = `${slug}-${generateId().slice(0, 4)}`;
			[row] = await tx
				.insert(forumCategories)
				.values({ id: generateId(), slug, ...input })
				.returning();
		}
		await writeAudit(tx, {
			actorId: viewer.id,
			action: input.id ? 'forum.category_update' : 'forum.category_create',
			targetType: 'forum_category',
			targetId: row.id,
			details: { name: row.name, slug: row.slug }
		});
		return row;
	});
}
