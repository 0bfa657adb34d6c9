/**
 * « Mes données »: a member's export of her data (RGPD art. 15 and 20). Asking queues an
 * outbox job (kind DATA_EXPORT) in the same transaction as the request row and its journal
 * entry; the worker builds the zip off the request, stores it in the attachment store, and the
 * page shows its status (en attente, en cours, prêt). The zip can be downloaded once, by her,
 * until it expires (retention.ts removes what was not taken).
 *
 * The export reads every feature's tables that name her: it is a dump of her rows, not of
 * what pages show, and going through each feature's page functions would miss the rest.
 */
import { and, desc, eq, getTableColumns, inArray, or } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DbOrTx } from '../db';
import {
	cpts,
	cptsMemberships,
	dataExports,
	dpcActions,
	dpcAttendance,
	dpcDeclaredActions,
	dpcRegistrations,
	dpcSessions,
	draftComments,
	drafts,
	draftVersions,
	forumExchangeRegistrations,
	forumPosts,
	forumThreads,
	libraryAttachments,
	libraryResources,
	notificationPreferences,
	sessions,
	userRoles,
	users
} from '../db/schema';
import { enqueue } from '../outbox';
import { writeAudit } from '../audit';
import { exportableDoc, toMarkdownFile } from '../drafts';
import { conflict, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { getAttachmentStore, type AttachmentStore } from '../storage';
import { configuredRetention } from './retention';
import { storedLocale } from '../../i18n/locale';

/** The outbox kind that builds an export. */
export const DATA_EXPORT = 'privacy.export';

export type DataExport = typeof dataExports.$inferSelect;
export type ExportStatus = 'pending' | 'processing' | 'ready' | 'downloaded' | 'expired';
const OPEN_STATUSES: ExportStatus[] = ['pending', 'processing', 'ready'];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Asks for an export of the user's data. Refused while another one is waiting, being built
 * or ready to download (one at a time: the zip can be large).
 */
export async function requestExport(db: DbOrTx, userId: string, now: Date = new Date()): Promise<DataExport> {
	return db.transaction(async (tx) => {
		// The user's row lock serialises two clicks: only one export is opened.
		await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
		const [open] = await tx
			.select({ id: dataExports.id })
			.from(dataExports)
			.where(and(eq(dataExports.userId, userId), inArray(dataExports.status, OPEN_STATUSES)));
		if (open) throw conflict('privacy.export.alreadyOpen');
		const expiresAt = new Date(now.getTime() + configuredRetention().exportDays * DAY_MS);
		const [created] = await tx.insert(dataExports).values({ id: generateId(), userId, requestedAt: now, expiresAt }).returning();
		await enqueue(tx, DATA_EXPORT, [{ exportId: created.id }]);
		await writeAudit(tx, { actorId: userId, action: 'privacy.export', targetType: 'user', targetId: userId, details: { exportId: created.id } });
		return created;
	});
}

/** The user's exports, newest first (the page shows their status). */
export async function listMyExports(db: DbOrTx, userId: string, limit = 5): Promise<DataExport[]> {
	return db.select().from(dataExports).where(eq(dataExports.userId, userId)).orderBy(desc(dataExports.requestedAt)).limit(limit);
}

/**
 * The outbox handler: builds the zip of one export. Tolerates a repeat (an export already
 * built, taken or expired is left alone; one whose worker died is built again).
 */
export async function buildQueuedExport(db: DbOrTx, payload: Record<string, unknown>, store: AttachmentStore = getAttachmentStore()): Promise<void> {
	const exportId = String(payload.exportId ?? '');
	const [row] = await db
		.update(dataExports)
		.set({ status: 'processing' })
		.where(and(eq(dataExports.id, exportId), inArray(dataExports.status, ['pending', 'processing'])))
		.returning();
	if (!row) return;
	const zip = zipSync(await collectUserData(db, row.userId, store), { level: 6 });
	const storageKey = `exports/${row.id}.zip`;
	await store.put(storageKey, zip);
	const [ready] = await db
		.update(dataExports)
		.set({ status: 'ready', storageKey, sizeBytes: zip.byteLength, readyAt: new Date() })
		.where(and(eq(dataExports.id, row.id), eq(dataExports.status, 'processing')))
		.returning({ id: dataExports.id });
	// Expired (or its account deleted) while it was being built: nobody will take it.
	if (!ready) await store.remove(storageKey);
}

/**
 * Hands the zip to its owner, once: the row is marked downloaded and the file removed. Someone
 * else's export is "not found" (it is not said to exist); a taken or expired one is refused.
 */
export async function takeExport(
	db: DbOrTx,
	userId: string,
	exportId: string,
	now: Date = new Date(),
	store: AttachmentStore = getAttachmentStore()
): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
	const [row] = await db.select().from(dataExports).where(and(eq(dataExports.id, exportId), eq(dataExports.userId, userId)));
	if (!row) throw notFound('privacy.export.notFound');
	if (row.status !== 'ready' || !row.storageKey || row.expiresAt <= now) throw conflict(`privacy.export.not.${row.status === 'ready' ? 'expired' : row.status}`);
	const object = await store.open(row.storageKey);
	if (!object) throw conflict('privacy.export.not.expired');
	const bytes = new Uint8Array(await new Response(object.body).arrayBuffer());
	// The conditional update is the "once": of two simultaneous downloads, one gets the file.
	const [taken] = await db
		.update(dataExports)
		.set({ status: 'downloaded', downloadedAt: now })
		.where(and(eq(dataExports.id, row.id), eq(dataExports.status, 'ready')))
		.returning({ id: dataExports.id });
	if (!taken) throw conflict('privacy.export.not.downloaded');
	await store.remove(row.storageKey);
	await db.update(dataExports).set({ storageKey: null }).where(eq(dataExports.id, row.id));
	return { bytes, fileName: `mes-donnees-reseau-cpts-${row.requestedAt.toISOString().slice(0, 10)}.zip` };
}

/** Columns of a table without its generated search vectors (derived, and not JSON). */
function withoutVectors<T extends Record<string, unknown>>(columns: T): T {
	return Object.fromEntries(Object.entries(columns).filter(([name]) => !/Vector$|Bits$/.test(name))) as T;
}

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

/** Every file of the zip: one JSON per theme, drafts as Markdown, attachments as they are. */
export async function collectUserData(db: DbOrTx, userId: string, store: AttachmentStore): Promise<Zippable> {
	const { passwordHash: _secret, ...profileColumns } = getTableColumns(users);
	const [profile] = await db.select(profileColumns).from(users).where(eq(users.id, userId));
	const roles = await db.select({ role: userRoles.role, grantedAt: userRoles.grantedAt }).from(userRoles).where(eq(userRoles.userId, userId));
	const devices = await db
		.select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent, ip: sessions.ip })
		.from(sessions)
		.where(eq(sessions.userId, userId));
	const memberships = await db
		.select({ cpts: cpts.name, role: cptsMemberships.role, status: cptsMemberships.status, message: cptsMemberships.message, requestedAt: cptsMemberships.requestedAt, decidedAt: cptsMemberships.decidedAt })
		.from(cptsMemberships)
		.innerJoin(cpts, eq(cpts.id, cptsMemberships.cptsId))
		.where(eq(cptsMemberships.userId, userId));
	const threads = await db.select(withoutVectors(getTableColumns(forumThreads))).from(forumThreads).where(eq(forumThreads.authorId, userId));
	const posts = await db
		.select({ thread: forumThreads.title, threadId: forumPosts.threadId, position: forumPosts.position, text: forumPosts.bodySource, createdAt: forumPosts.createdAt, editedAt: forumPosts.editedAt })
		.from(forumPosts)
		.innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
		.where(eq(forumPosts.authorId, userId))
		.orderBy(forumPosts.createdAt);
	const exchanges = await db.select().from(forumExchangeRegistrations).where(eq(forumExchangeRegistrations.userId, userId));
	const resources = await db.select(withoutVectors(getTableColumns(libraryResources))).from(libraryResources).where(eq(libraryResources.authorId, userId));
	const attachments = await db
		.select()
		.from(libraryAttachments)
		.where(
			or(
				eq(libraryAttachments.uploadedBy, userId),
				resources.length ? inArray(libraryAttachments.resourceId, resources.map((resource) => resource.id)) : undefined
			)
		);
	const registrations = await db
		.select({
			id: dpcRegistrations.id,
			action: dpcActions.title,
			reference: dpcActions.reference,
			sessionNumber: dpcSessions.number,
			startsAt: dpcSessions.startsAt,
			endsAt: dpcSessions.endsAt,
			status: dpcRegistrations.status,
			profession: dpcRegistrations.profession,
			queuedAt: dpcRegistrations.queuedAt,
			registeredAt: dpcRegistrations.registeredAt,
			cancelledAt: dpcRegistrations.cancelledAt
		})
		.from(dpcRegistrations)
		.innerJoin(dpcSessions, eq(dpcSessions.id, dpcRegistrations.sessionId))
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.where(eq(dpcRegistrations.userId, userId));
	const attendance = registrations.length
		? await db
				.select({ registrationId: dpcAttendance.registrationId, partId: dpcAttendance.partId, status: dpcAttendance.status, minutesAttended: dpcAttendance.minutesAttended, recordedAt: dpcAttendance.recordedAt })
				.from(dpcAttendance)
				.where(inArray(dpcAttendance.registrationId, registrations.map((registration) => registration.id)))
		: [];
	const declaredActions = await db.select().from(dpcDeclaredActions).where(eq(dpcDeclaredActions.userId, userId));
	const preferences = await db.select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
	const comments = await db
		.select({ draft: drafts.title, body: draftComments.body, quote: draftComments.quote, createdAt: draftComments.createdAt })
		.from(draftComments)
		.innerJoin(drafts, eq(drafts.id, draftComments.draftId))
		.where(eq(draftComments.authorId, userId));

	const files: Zippable = {
		'profil.json': json({ profile, roles, devices }),
		'adhesions.json': json(memberships),
		'forum.json': json({ threads, posts, exchangeRegistrations: exchanges }),
		'bibliotheque.json': json({ resources, attachments: attachments.map(({ storageKey: _key, ...attachment }) => attachment) }),
		'formations.json': json({ registrations, attendance, declaredActions }),
		'notifications.json': json({ digestFrequency: profile?.digestFrequency, preferences }),
		'projets.json': json({ comments })
	};
	// Drafts she started or froze a version of: their text as it is now, in Markdown.
	const myDrafts = await db
		.selectDistinct({ draft: drafts, cptsName: cpts.name })
		.from(drafts)
		.innerJoin(cpts, eq(cpts.id, drafts.cptsId))
		.leftJoin(draftVersions, eq(draftVersions.draftId, drafts.id))
		.where(or(eq(drafts.createdBy, userId), eq(draftVersions.createdBy, userId)));
	for (const { draft, cptsName } of myDrafts) {
		const header = { title: draft.title, cptsName, status: draft.status, locale: storedLocale(profile?.locale) };
		files[`projets/${draft.id}.md`] = strToU8(toMarkdownFile(header, await exportableDoc(db, draft)));
	}
	for (const attachment of attachments) {
		const object = await store.open(attachment.storageKey);
		if (object) files[`pieces-jointes/${attachment.id}-${attachment.fileName}`] = new Uint8Array(await new Response(object.body).arrayBuffer());
	}
	return files;
}
