/**
 * The history of a resource: a revision at every content save (creation, edit, restore),
 * a readable diff between two revisions, and the restore of an older one by a curator.
 */
import { diffLines, diffWordsWithSpace, type Change } from 'diff';
import { and, desc, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { libraryResources, libraryRevisions, users } from '../db/schema';
import { isMission } from '../../domain/missions';
import { translate } from '../../i18n';
import { writeAudit } from '../audit';
import { forbidden, notFound } from '../shared/errors';
import { renderMarkdown } from './markdown';
import { canRestoreRevision, canSeeRevisions, type Viewer } from './permissions';
import type { ResourceProfile } from './profile';
import { resourceColumns, type Resource } from './columns';
import { forgetFacetCounts } from './facet-cache';

/** What a revision keeps beside title, summary and body. */
export interface RevisionDetails {
	kind: Resource['kind'];
	natures: Resource['natures'];
	sizeBands: number[];
	missions: Resource['missions'];
	professions: Resource['professions'];
	regionCode: string | null;
	visibility: Resource['visibility'];
	profile: ResourceProfile | null;
}

function detailsOf(resource: Resource): RevisionDetails {
	return {
		kind: resource.kind,
		natures: resource.natures,
		sizeBands: resource.sizeBands,
		missions: resource.missions,
		professions: resource.professions,
		regionCode: resource.regionCode,
		visibility: resource.visibility,
		profile: resource.profile ?? null
	};
}

/**
 * Appends a revision with the resource's current content. The caller holds the resource's
 * row lock (or just created it), so numbers are consecutive; the unique index keeps them so.
 */
export async function recordRevision(
	db: DbOrTx,
	resource: Resource,
	editorId: string | null,
	restoredFrom: number | null = null
): Promise<number> {
	const [last] = await db
		.select({ number: max(libraryRevisions.number) })
		.from(libraryRevisions)
		.where(eq(libraryRevisions.resourceId, resource.id));
	const number = (last?.number ?? 0) + 1;
	await db.insert(libraryRevisions).values({
		resourceId: resource.id,
		number,
		title: resource.title,
		summary: resource.summary,
		bodySource: resource.bodySource,
		details: detailsOf(resource) as unknown as Record<string, unknown>,
		editorId,
		statusAtSave: resource.status,
		restoredFrom
	});
	return number;
}

export interface RevisionEntry {
	number: number;
	title: string;
	editorName: string | null;
	statusAtSave: Resource['status'];
	restoredFrom: number | null;
	createdAt: Date;
}

/** The revisions of a resource, newest first. */
export async function listRevisions(db: DbOrTx, viewer: Viewer, resource: Resource): Promise<RevisionEntry[]> {
	if (!canSeeRevisions(viewer, resource)) throw forbidden();
	return db
		.select({
			number: libraryRevisions.number,
			title: libraryRevisions.title,
			editorName: users.name,
			statusAtSave: libraryRevisions.statusAtSave,
			restoredFrom: libraryRevisions.restoredFrom,
			createdAt: libraryRevisions.createdAt
		})
		.from(libraryRevisions)
		.leftJoin(users, eq(users.id, libraryRevisions.editorId))
		.where(eq(libraryRevisions.resourceId, resource.id))
		.orderBy(desc(libraryRevisions.number))
		.limit(500);
}

type RevisionRow = typeof libraryRevisions.$inferSelect;

async function getRevision(db: DbOrTx, resourceId: string, number: number): Promise<RevisionRow | null> {
	if (!Number.isSafeInteger(number) || number < 1) return null;
	const [row] = await db
		.select()
		.from(libraryRevisions)
		.where(and(eq(libraryRevisions.resourceId, resourceId), eq(libraryRevisions.number, number)));
	return row ?? null;
}

export interface DiffPart {
	value: string;
	added: boolean;
	removed: boolean;
}

/** A field whose value changed, as lists of displayable values (codes for tag fields). */
export interface DetailChange {
	field: string;
	before: string[];
	after: string[];
}

export interface RevisionComparison {
	from: { number: number; createdAt: Date } | null;
	to: { number: number; createdAt: Date; restoredFrom: number | null };
	title: DiffPart[];
	summary: DiffPart[];
	body: DiffPart[];
	details: DetailChange[];
	/** True when nothing differs. */
	unchanged: boolean;
}

const toParts = (changes: Change[]): DiffPart[] =>
	changes.map((change) => ({ value: change.value, added: Boolean(change.added), removed: Boolean(change.removed) }));

/** Word-level diff for prose; line-level beyond a size where word diffs get slow and unreadable. */
function diffText(before: string, after: string): DiffPart[] {
	if (before.length + after.length > 40_000) return toParts(diffLines(before, after));
	return toParts(diffWordsWithSpace(before, after));
}

/** A mission-tagged entry (example action or indicator) as one line, as the form writes it. */
function entryLine(item: { action?: unknown; partners?: unknown; text?: unknown; mission?: unknown }): string {
	const text = 'action' in item ? `${String(item.action)}${item.partners ? ` | ${String(item.partners)}` : ''}` : String(item.text ?? '');
	return isMission(item.mission) ? `${translate('fr', `mission.${item.mission}`)} : ${text}` : text;
}

const asList = (value: unknown): string[] => {
	if (value === null || value === undefined || value === '') return [];
	if (Array.isArray(value)) {
		return value.map((item) =>
			typeof item === 'object' && item && ('action' in item || 'text' in item) ? entryLine(item) : String(item)
		);
	}
	return [String(value)];
};

function diffDetails(before: RevisionDetails | null, after: RevisionDetails): DetailChange[] {
	const changes: DetailChange[] = [];
	const compare = (field: string, old: unknown, next: unknown) => {
		const oldList = asList(old);
		const nextList = asList(next);
		if (JSON.stringify(oldList) !== JSON.stringify(nextList)) changes.push({ field, before: oldList, after: nextList });
	};
	for (const field of ['kind', 'visibility', 'natures', 'sizeBands', 'missions', 'professions', 'regionCode'] as const) {
		compare(field, before?.[field], after[field]);
	}
	const oldProfile = before?.profile ?? null;
	const newProfile = after.profile;
	const profileFields = new Set([...Object.keys(oldProfile ?? {}), ...Object.keys(newProfile ?? {})]);
	for (const field of profileFields) {
		compare(
			`profile.${field}`,
			oldProfile?.[field as keyof ResourceProfile],
			newProfile?.[field as keyof ResourceProfile]
		);
	}
	return changes;
}

/**
 * What changed from revision `fromNumber` (the previous one by default) to revision
 * `toNumber` (the latest by default).
 */
export async function compareRevisions(
	db: DbOrTx,
	viewer: Viewer,
	resource: Resource,
	toNumber?: number | null,
	fromNumber?: number | null
): Promise<RevisionComparison> {
	if (!canSeeRevisions(viewer, resource)) throw forbidden();
	let to: RevisionRow | null;
	if (toNumber) {
		to = await getRevision(db, resource.id, toNumber);
	} else {
		[to] = await db
			.select()
			.from(libraryRevisions)
			.where(eq(libraryRevisions.resourceId, resource.id))
			.orderBy(desc(libraryRevisions.number))
			.limit(1);
	}
	if (!to) throw notFound('library.revisions.notFound');
	const from = await getRevision(db, resource.id, fromNumber ?? to.number - 1);
	if (fromNumber && !from) throw notFound('library.revisions.notFound');
	const title = diffText(from?.title ?? '', to.title);
	const summary = diffText(from?.summary ?? '', to.summary);
	const body = diffText(from?.bodySource ?? '', to.bodySource);
	const details = diffDetails((from?.details as unknown as RevisionDetails) ?? null, to.details as unknown as RevisionDetails);
	const changed = (parts: DiffPart[]) => parts.some((part) => part.added || part.removed);
	return {
		from: from ? { number: from.number, createdAt: from.createdAt } : null,
		to: { number: to.number, createdAt: to.createdAt, restoredFrom: to.restoredFrom },
		title,
		summary,
		body,
		details,
		unchanged: !changed(title) && !changed(summary) && !changed(body) && details.length === 0
	};
}

/** A curator puts an older revision's content back; this is recorded as a new revision. */
export async function restoreRevision(db: DbOrTx, actor: Viewer, resourceId: string, number: number): Promise<Resource> {
	const restored = await db.transaction(async (tx) => {
		const [current] = await tx
			.select(resourceColumns)
			.from(libraryResources)
			.where(eq(libraryResources.id, resourceId))
			.for('update');
		if (!current) throw notFound('library.notFound');
		if (!actor || !canRestoreRevision(actor, current)) throw forbidden();
		const revision = await getRevision(tx, resourceId, number);
		if (!revision) throw notFound('library.revisions.notFound');
		const details = revision.details as unknown as RevisionDetails;
		const body = renderMarkdown(revision.bodySource);
		const [row] = await tx
			.update(libraryResources)
			.set({
				title: revision.title,
				summary: revision.summary,
				bodySource: revision.bodySource,
				bodyHtml: body.html,
				bodyText: body.text,
				kind: details.kind,
				natures: details.natures,
				sizeBands: details.sizeBands,
				missions: details.missions,
				professions: details.professions,
				regionCode: details.regionCode,
				visibility: details.visibility,
				profile: details.profile,
				updatedAt: new Date()
			})
			.where(eq(libraryResources.id, resourceId))
			.returning(resourceColumns);
		const newNumber = await recordRevision(tx, row, actor.id, number);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'library.restore',
			targetType: 'library_resource',
			targetId: resourceId,
			details: { slug: row.slug, restored: number, revision: newNumber }
		});
		return row;
	});
	forgetFacetCounts();
	return restored;
}
