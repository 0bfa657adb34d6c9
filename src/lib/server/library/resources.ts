/**
 * Resources of the library: propose, edit, review (submit, request changes, publish,
 * archive), read, react ("Utile" votes, bookmarks, views), and the related-resources block.
 * Every content save records a revision (revisions.ts) in the same transaction.
 */
import { and, arrayOverlaps, asc, count, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { libraryAttachments, libraryBookmarks, libraryResources, librarySearchHeads, librarySearchRows, librarySearchVectors, libraryVotes, users } from '../db/schema';
import { writeAudit } from '../audit';
import { AppError, forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { slugify } from '../cpts/slug';
import type { ResourceInput } from './forms';
import { renderMarkdown } from './markdown';
import {
	canArchive,
	canEditResource,
	canManageAttachments,
	canProposeResource,
	canPublish,
	canReactToResource,
	canReadResource,
	canRequestChanges,
	canRestoreRevision,
	canReview,
	canSeeRevisions,
	canSubmitResource,
	isAuthor,
	type Viewer
} from './permissions';
import { recordRevision } from './revisions';
import { newestFirst, resourceColumns, type Resource, type ResourceRow } from './columns';
import { forgetFacetCounts } from './facet-cache';

export { resourceColumns, type Resource, type ResourceRow };

/** Paths under /bibliotheque/ that are pages, so no resource may take them as its slug. */
export const RESERVED_RESOURCE_SLUGS = new Set(['proposer', 'moderation', 'profils-types', 'mes-ressources', 'flux', 'recherche']);

/** Whether an error from either driver (possibly wrapped by drizzle) is a unique violation on the slug. */
function isSlugTaken(error: unknown): boolean {
	type DriverError = { code?: string; constraint?: string; constraint_name?: string; message?: string; cause?: unknown };
	for (let current = error as DriverError | undefined; current; current = current.cause as DriverError | undefined) {
		if (current.code === '23505') {
			const name = current.constraint ?? current.constraint_name;
			return name ? name === 'library_resources_slug_key' : Boolean(current.message?.includes('library_resources_slug_key'));
		}
	}
	return false;
}

function contentColumns(input: ResourceInput) {
	const body = renderMarkdown(input.body);
	return {
		kind: input.kind,
		title: input.title,
		summary: input.summary,
		bodySource: input.body,
		bodyHtml: body.html,
		bodyText: body.text,
		natures: input.natures,
		sizeBands: input.sizeBands,
		missions: input.missions,
		professions: input.professions,
		regionCode: input.regionCode,
		visibility: input.visibility,
		profile: input.profile
	};
}

/** The first slug of base, base-2, base-3… that no resource has and no page uses. */
async function freeSlug(db: DbOrTx, title: string): Promise<string> {
	const base = slugify(title).slice(0, 70).replace(/-+$/, '') || 'ressource';
	const taken = new Set(
		(
			await db
				.select({ slug: libraryResources.slug })
				.from(libraryResources)
				.where(or(eq(libraryResources.slug, base), like(libraryResources.slug, `${base}-%`)))
		).map((row) => row.slug)
	);
	if (!taken.has(base) && !RESERVED_RESOURCE_SLUGS.has(base)) return base;
	for (let suffix = 2; ; suffix++) {
		if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
	}
}

/** Loads a resource by id (any status); a missing one is an expected 404. */
export async function requireResourceById(db: DbOrTx, resourceId: string): Promise<Resource> {
	const [row] = await db.select(resourceColumns).from(libraryResources).where(eq(libraryResources.id, resourceId));
	if (!row) throw notFound('library.notFound');
	return row;
}

async function lockResource(db: DbOrTx, resourceId: string): Promise<Resource> {
	const [row] = await db
		.select(resourceColumns)
		.from(libraryResources)
		.where(eq(libraryResources.id, resourceId))
		.for('update');
	if (!row) throw notFound('library.notFound');
	return row;
}

/** Loads a resource by slug (any status), or null. */
export async function findResourceBySlug(db: DbOrTx, slug: string): Promise<Resource | null> {
	if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
	const [row] = await db.select(resourceColumns).from(libraryResources).where(eq(libraryResources.slug, slug));
	return row ?? null;
}

/**
 * The resource at `slug` if this viewer may read it. Signed-out visitors of a members-only
 * resource get 'unauthenticated' (the page sends them to sign in); any other refusal is a
 * 404, so drafts do not reveal that they exist.
 */
export async function requireReadableResource(db: DbOrTx, viewer: Viewer, slug: string): Promise<Resource> {
	const resource = await findResourceBySlug(db, slug);
	if (!resource) throw notFound('library.notFound');
	if (!canReadResource(viewer, resource)) {
		if (!viewer && resource.status === 'published') throw new AppError('unauthenticated', 'library.membersOnly');
		throw notFound('library.notFound');
	}
	return resource;
}

/** Proposes a resource: a draft of the signed-in author, with its first revision. */
export async function createResource(db: DbOrTx, actor: Viewer, input: ResourceInput): Promise<Resource> {
	if (!actor || !canProposeResource(actor)) throw forbidden();
	const columns = contentColumns(input);
	return db.transaction(async (tx) => {
		// Two proposals with the same title can pick the same free slug; the unique index
		// refuses the second (inside a savepoint), which then takes the next one.
		for (let attempt = 0; ; attempt++) {
			const slug = await freeSlug(tx, input.title);
			try {
				const [row] = await tx.transaction((savepoint) =>
					savepoint
						.insert(libraryResources)
						.values({ id: generateId(), slug, authorId: actor.id, status: 'draft', ...columns })
						.returning(resourceColumns)
				);
				await recordRevision(tx, row, actor.id);
				return row;
			} catch (error) {
				if (attempt >= 4 || !isSlugTaken(error)) throw error;
			}
		}
	});
}

/** Saves new content. Allowed to the author before publication and to curators always. */
export async function updateResource(db: DbOrTx, actor: Viewer, resourceId: string, input: ResourceInput): Promise<Resource> {
	const saved = await db.transaction(async (tx) => {
		const current = await lockResource(tx, resourceId);
		if (!actor || !canEditResource(actor, current)) throw forbidden('library.cannotEdit');
		const [row] = await tx
			.update(libraryResources)
			.set({ ...contentColumns(input), updatedAt: new Date() })
			.where(eq(libraryResources.id, resourceId))
			.returning(resourceColumns);
		await recordRevision(tx, row, actor.id);
		return row;
	});
	if (saved.status === 'published') forgetFacetCounts();
	return saved;
}

type Transition = 'submit' | 'publish' | 'archive';

const transitionRules: Record<Transition, (user: Viewer, resource: Resource) => boolean> = {
	submit: canSubmitResource,
	publish: canPublish,
	archive: canArchive
};

async function transition(db: DbOrTx, actor: Viewer, resourceId: string, action: Transition): Promise<Resource> {
	const changed = await db.transaction(async (tx) => {
		const current = await lockResource(tx, resourceId);
		if (!actor || !transitionRules[action](actor, current)) throw forbidden('library.cannotTransition');
		const now = new Date();
		const changes =
			action === 'submit'
				? { status: 'submitted' as const, submittedAt: now }
				: action === 'publish'
					? { status: 'published' as const, publishedAt: current.publishedAt ?? now, reviewComment: null, reviewedBy: actor.id, reviewedAt: now }
					: { status: 'archived' as const, reviewedBy: actor.id, reviewedAt: now };
		const [row] = await tx
			.update(libraryResources)
			.set({ ...changes, updatedAt: now })
			.where(eq(libraryResources.id, resourceId))
			.returning(resourceColumns);
		if (action !== 'submit' || !isAuthor(actor, current)) {
			await writeAudit(tx, {
				actorId: actor.id,
				action: `library.${action}`,
				targetType: 'library_resource',
				targetId: resourceId,
				details: { slug: row.slug, from: current.status }
			});
		}
		return row;
	});
	forgetFacetCounts();
	return changed;
}

/** The author sends the resource for review (draft or changes requested → submitted). */
export const submitResource = (db: DbOrTx, actor: Viewer, resourceId: string) => transition(db, actor, resourceId, 'submit');
/** A curator publishes it. */
export const publishResource = (db: DbOrTx, actor: Viewer, resourceId: string) => transition(db, actor, resourceId, 'publish');
/** A curator archives it: hidden from readers, kept with its history. */
export const archiveResource = (db: DbOrTx, actor: Viewer, resourceId: string) => transition(db, actor, resourceId, 'archive');

/** A curator sends a submitted resource back to its author with a comment. */
export async function requestChanges(db: DbOrTx, actor: Viewer, resourceId: string, comment: string): Promise<Resource> {
	return db.transaction(async (tx) => {
		const current = await lockResource(tx, resourceId);
		if (!actor || !canRequestChanges(actor, current)) throw forbidden('library.cannotTransition');
		const now = new Date();
		const [row] = await tx
			.update(libraryResources)
			.set({ status: 'changes_requested', reviewComment: comment, reviewedBy: actor.id, reviewedAt: now, updatedAt: now })
			.where(eq(libraryResources.id, resourceId))
			.returning(resourceColumns);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'library.request_changes',
			targetType: 'library_resource',
			targetId: resourceId,
			details: { slug: row.slug, comment }
		});
		return row;
	});
}

/** Counts a view of a published resource (not the author's own visits). */
export async function recordView(db: DbOrTx, viewer: Viewer, resource: Resource): Promise<void> {
	if (resource.status !== 'published' || isAuthor(viewer, resource)) return;
	await db
		.update(libraryResources)
		.set({ viewCount: sql`${libraryResources.viewCount} + 1` })
		.where(eq(libraryResources.id, resource.id));
}

/** Adds or removes the viewer's "Utile" vote; the primary key keeps it to one per user. */
export async function setUsefulVote(db: DbOrTx, viewer: Viewer, resourceId: string, useful: boolean): Promise<void> {
	const resource = await requireResourceById(db, resourceId);
	if (!viewer || !canReactToResource(viewer, resource)) throw forbidden();
	if (useful) {
		await db.insert(libraryVotes).values({ resourceId, userId: viewer.id }).onConflictDoNothing();
	} else {
		await db.delete(libraryVotes).where(and(eq(libraryVotes.resourceId, resourceId), eq(libraryVotes.userId, viewer.id)));
	}
}

/** Adds or removes a bookmark of the viewer. */
export async function setBookmark(db: DbOrTx, viewer: Viewer, resourceId: string, bookmarked: boolean): Promise<void> {
	const resource = await requireResourceById(db, resourceId);
	if (!viewer || !canReactToResource(viewer, resource)) throw forbidden();
	if (bookmarked) {
		await db.insert(libraryBookmarks).values({ resourceId, userId: viewer.id }).onConflictDoNothing();
	} else {
		await db
			.delete(libraryBookmarks)
			.where(and(eq(libraryBookmarks.resourceId, resourceId), eq(libraryBookmarks.userId, viewer.id)));
	}
}

/** The number of "Utile" votes of a resource. */
export async function countUsefulVotes(db: DbOrTx, resourceId: string): Promise<number> {
	const [row] = await db.select({ total: count() }).from(libraryVotes).where(eq(libraryVotes.resourceId, resourceId));
	return row.total;
}

/** A short card of a resource, as lists show it. */
export interface ResourceCard {
	id: string;
	slug: string;
	kind: Resource['kind'];
	title: string;
	summary: string;
	status: Resource['status'];
	visibility: Resource['visibility'];
	natures: Resource['natures'];
	missions: Resource['missions'];
	publishedAt: Date | null;
	updatedAt: Date;
}

const cardColumns = {
	id: libraryResources.id,
	slug: libraryResources.slug,
	kind: libraryResources.kind,
	title: libraryResources.title,
	summary: libraryResources.summary,
	status: libraryResources.status,
	visibility: libraryResources.visibility,
	natures: libraryResources.natures,
	missions: libraryResources.missions,
	publishedAt: libraryResources.publishedAt,
	updatedAt: libraryResources.updatedAt
};

/** Published resources this viewer may read (the condition every public list starts from). */
export function readablePublished(viewer: Viewer) {
	return viewer
		? eq(libraryResources.status, 'published')
		: and(eq(libraryResources.status, 'published'), eq(libraryResources.visibility, 'public'));
}

/** The same rule on the copies search counts on, which only hold published resources (undefined: all). */
export function readableSearchRows(viewer: Viewer, rows: typeof librarySearchRows | typeof librarySearchVectors | typeof librarySearchHeads) {
	return viewer ? undefined : eq(rows.visibility, 'public');
}

/**
 * Resources close to this one: sharing missions or territory natures, same kind first.
 * Scores only the most recent candidates, so the block costs the same on a large library.
 */
export async function listRelatedResources(db: DbOrTx, viewer: Viewer, resource: Resource, limit = 4): Promise<ResourceCard[]> {
	if (resource.missions.length === 0 && resource.natures.length === 0) return [];
	const overlap = (column: typeof libraryResources.missions | typeof libraryResources.natures, values: string[]) =>
		values.length ? sql`cardinality(array(select unnest(${column}) intersect select unnest(${sql.param(values)}::text[])))` : sql`0`;
	const candidates = db
		.select({
			...cardColumns,
			score: sql<number>`${overlap(libraryResources.missions, resource.missions)} * 2 + ${overlap(libraryResources.natures, resource.natures)} + case when ${libraryResources.kind} = ${resource.kind} then 1 else 0 end`.as('score')
		})
		.from(libraryResources)
		.where(
			and(
				readablePublished(viewer),
				sql`${libraryResources.id} <> ${resource.id}`,
				or(
					resource.missions.length ? arrayOverlaps(libraryResources.missions, resource.missions) : undefined,
					resource.natures.length ? arrayOverlaps(libraryResources.natures, resource.natures) : undefined
				)
			)
		)
		.orderBy(newestFirst, libraryResources.id)
		.limit(300)
		.as('candidates');
	const rows = await db
		.select()
		.from(candidates)
		.orderBy(desc(candidates.score), desc(candidates.publishedAt))
		.limit(limit);
	return rows.map(({ score: _score, ...card }) => card);
}

export interface AttachmentSummary {
	id: string;
	fileName: string;
	mediaType: string;
	sizeBytes: number;
	createdAt: Date;
}

export async function listAttachments(db: DbOrTx, resourceId: string): Promise<AttachmentSummary[]> {
	return db
		.select({
			id: libraryAttachments.id,
			fileName: libraryAttachments.fileName,
			mediaType: libraryAttachments.mediaType,
			sizeBytes: libraryAttachments.sizeBytes,
			createdAt: libraryAttachments.createdAt
		})
		.from(libraryAttachments)
		.where(eq(libraryAttachments.resourceId, resourceId))
		.orderBy(asc(libraryAttachments.createdAt));
}

/** Whether the viewer marked the resource useful and bookmarked it. */
async function viewerReactions(db: DbOrTx, viewer: Viewer, resourceId: string): Promise<{ voted: boolean; bookmarked: boolean }> {
	if (!viewer) return { voted: false, bookmarked: false };
	const [votes, bookmarks] = await Promise.all([
		db
			.select({ userId: libraryVotes.userId })
			.from(libraryVotes)
			.where(and(eq(libraryVotes.resourceId, resourceId), eq(libraryVotes.userId, viewer.id))),
		db
			.select({ userId: libraryBookmarks.userId })
			.from(libraryBookmarks)
			.where(and(eq(libraryBookmarks.resourceId, resourceId), eq(libraryBookmarks.userId, viewer.id)))
	]);
	return { voted: votes.length > 0, bookmarked: bookmarks.length > 0 };
}

/** What the resource page shows and which buttons it offers to this viewer. */
export interface ResourcePage {
	resource: Resource;
	authorName: string | null;
	reviewerName: string | null;
	attachments: AttachmentSummary[];
	usefulCount: number;
	viewerVoted: boolean;
	viewerBookmarked: boolean;
	related: ResourceCard[];
	can: {
		edit: boolean;
		submit: boolean;
		publish: boolean;
		requestChanges: boolean;
		archive: boolean;
		react: boolean;
		manageAttachments: boolean;
		seeRevisions: boolean;
		restore: boolean;
	};
}

/** Everything the resource page needs; counts the view. */
export async function getResourcePage(db: DbOrTx, viewer: Viewer, slug: string): Promise<ResourcePage> {
	const resource = await requireReadableResource(db, viewer, slug);
	const people = await db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(inArray(users.id, [resource.authorId, resource.reviewedBy].filter((id): id is string => Boolean(id)).concat('')));
	const nameOf = (id: string | null) => people.find((person) => person.id === id)?.name ?? null;
	const [attachments, usefulCount, mine, related] = await Promise.all([
		listAttachments(db, resource.id),
		countUsefulVotes(db, resource.id),
		viewerReactions(db, viewer, resource.id),
		resource.status === 'published' ? listRelatedResources(db, viewer, resource) : Promise.resolve([])
	]);
	await recordView(db, viewer, resource);
	return {
		resource,
		authorName: nameOf(resource.authorId),
		reviewerName: nameOf(resource.reviewedBy),
		attachments,
		usefulCount,
		viewerVoted: mine.voted,
		viewerBookmarked: mine.bookmarked,
		related,
		can: {
			edit: canEditResource(viewer, resource),
			submit: canSubmitResource(viewer, resource),
			publish: canPublish(viewer, resource),
			requestChanges: canRequestChanges(viewer, resource),
			archive: canArchive(viewer, resource),
			react: canReactToResource(viewer, resource),
			manageAttachments: canManageAttachments(viewer, resource),
			seeRevisions: canSeeRevisions(viewer, resource),
			restore: canRestoreRevision(viewer, resource)
		}
	};
}

export interface QueueEntry extends ResourceCard {
	authorName: string | null;
	submittedAt: Date | null;
	reviewComment: string | null;
}

/** The review queue: submitted resources first (oldest first), then those awaiting their author. */
export async function listReviewQueue(db: DbOrTx, actor: Viewer): Promise<{ submitted: QueueEntry[]; waiting: QueueEntry[] }> {
	if (!canReview(actor)) throw forbidden();
	const rows = await db
		.select({ ...cardColumns, authorName: users.name, submittedAt: libraryResources.submittedAt, reviewComment: libraryResources.reviewComment })
		.from(libraryResources)
		.leftJoin(users, eq(users.id, libraryResources.authorId))
		.where(inArray(libraryResources.status, ['submitted', 'changes_requested']))
		.orderBy(asc(libraryResources.submittedAt))
		.limit(500);
	return {
		submitted: rows.filter((row) => row.status === 'submitted'),
		waiting: rows.filter((row) => row.status === 'changes_requested')
	};
}

/** The viewer's own resources (any status) and bookmarks. */
export async function listMyLibrary(db: DbOrTx, viewer: Viewer): Promise<{ authored: ResourceCard[]; bookmarked: ResourceCard[] }> {
	if (!viewer) throw forbidden();
	const [authored, bookmarked] = await Promise.all([
		db
			.select(cardColumns)
			.from(libraryResources)
			.where(eq(libraryResources.authorId, viewer.id))
			.orderBy(desc(libraryResources.updatedAt))
			.limit(200),
		db
			.select(cardColumns)
			.from(libraryBookmarks)
			.innerJoin(libraryResources, eq(libraryResources.id, libraryBookmarks.resourceId))
			.where(and(eq(libraryBookmarks.userId, viewer.id), readablePublished(viewer)))
			.orderBy(desc(libraryBookmarks.createdAt))
			.limit(200)
	]);
	return { authored, bookmarked };
}

/** A published resource as other features link to it (DPC actions list their readings). */
export interface ResourceLink {
	id: string;
	slug: string;
	title: string;
	kind: Resource['kind'];
}

/**
 * Published resources by id, in the order given (ids unknown or not published are left out);
 * without ids, every published resource by title (for pickers, at most 300).
 */
export async function listPublishedResourceLinks(db: DbOrTx, ids?: readonly string[]): Promise<ResourceLink[]> {
	if (ids && ids.length === 0) return [];
	const rows = await db
		.select({ id: libraryResources.id, slug: libraryResources.slug, title: libraryResources.title, kind: libraryResources.kind })
		.from(libraryResources)
		.where(and(eq(libraryResources.status, 'published'), ids ? inArray(libraryResources.id, [...ids]) : undefined))
		.orderBy(asc(libraryResources.title))
		.limit(ids ? ids.length : 300);
	return ids ? ids.flatMap((id) => rows.filter((row) => row.id === id)) : rows;
}
