/**
 * Announcements: a facilitator (animatrice) or an admin writes to every active coordinator of
 * the network, or to those of one région. The announcement, its recipients, their
 * notifications (mail or in-app, per each coordinator's preference) and its audit entry are
 * written in one transaction; the outbox worker sends the mails after the commit.
 *
 * Facilitators are not scoped by région in this product (territories/scope.ts gives them the
 * whole network), so any facilitator may write to any région.
 */
import { and, count, countDistinct, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { announcementRecipients, announcements, cpts, cptsMemberships, regions, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/guards';
import { writeAudit } from '../audit';
import { notifyAll } from '../notifications';
import { renderMarkdown } from '../library/markdown';
import { AppError, forbidden, notFound } from '../shared/errors';
import { fields } from '../shared/forms';
import { generateId } from '../shared/ids';

type Viewer = SessionUser | null | undefined;

export const ANNOUNCEMENT_SENT = 'announcement.sent';
export const MAX_ANNOUNCEMENT_TITLE = 200;
export const MAX_ANNOUNCEMENT_BODY = 20_000;
/** The notification (and its mail) carries the start of the text; the page has the whole. */
const NOTIFICATION_TEXT_LENGTH = 600;

/** Rule: facilitators and admins announce; members, coordinators, partners and visitors do not. */
export function canAnnounce(user: Viewer): boolean {
	return hasRole(user ?? null, 'facilitator');
}

/** The announcement form; `region` is empty for the whole network, else one of `regionCodes`. */
export function announcementSchema(regionCodes: readonly string[]) {
	return z.object({
		title: fields.requiredText(MAX_ANNOUNCEMENT_TITLE),
		body: fields.requiredText(MAX_ANNOUNCEMENT_BODY),
		region: z
			.string()
			.trim()
			.optional()
			.transform((value) => value || null)
			.refine((value) => value === null || regionCodes.includes(value), 'form.choice')
	});
}
export type AnnouncementInput = z.infer<ReturnType<typeof announcementSchema>>;

/** Active coordinators of a CPTS of the région (or of any CPTS), each once. */
function coordinatorsOf(regionCode: string | null) {
	return and(
		eq(cptsMemberships.role, 'coordinator'),
		eq(cptsMemberships.status, 'active'),
		regionCode ? eq(cpts.regionCode, regionCode) : undefined
	);
}

export interface RecipientCounts {
	/** Every active coordinator of the network (a person coordinating two CPTS counts once). */
	network: number;
	byRegion: Record<string, number>;
}

/** How many coordinators an announcement would reach, for the whole network and per région (the form's preview). */
export async function recipientCounts(db: DbOrTx): Promise<RecipientCounts> {
	const [network] = await db
		.select({ total: countDistinct(cptsMemberships.userId) })
		.from(cptsMemberships)
		.innerJoin(cpts, eq(cpts.id, cptsMemberships.cptsId))
		.where(coordinatorsOf(null));
	const perRegion = await db
		.select({ regionCode: cpts.regionCode, total: countDistinct(cptsMemberships.userId) })
		.from(cptsMemberships)
		.innerJoin(cpts, eq(cpts.id, cptsMemberships.cptsId))
		.where(coordinatorsOf(null))
		.groupBy(cpts.regionCode);
	return { network: Number(network.total), byRegion: Object.fromEntries(perRegion.map((row) => [row.regionCode, Number(row.total)])) };
}

/** The start of a text, cut at a word, with an ellipsis when cut. */
function excerpt(text: string, length: number): string {
	if (text.length <= length) return text;
	const cut = text.slice(0, length);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2)).trimEnd()}…`;
}

/**
 * Sends an announcement (facilitators and admins): stores it and its recipients (the active
 * coordinators at this moment), notifies each of them, records it in the journal. Refuses
 * when nobody would receive it.
 */
export async function sendAnnouncement(db: DbOrTx, actor: Viewer, input: AnnouncementInput): Promise<{ id: string; recipientCount: number }> {
	if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
	if (!canAnnounce(actor)) throw forbidden();
	const rendered = renderMarkdown(input.body);
	return db.transaction(async (tx) => {
		const recipients = await tx
			.selectDistinct({ userId: cptsMemberships.userId })
			.from(cptsMemberships)
			.innerJoin(cpts, eq(cpts.id, cptsMemberships.cptsId))
			.where(coordinatorsOf(input.region));
		if (recipients.length === 0) throw new AppError('conflict', 'announcements.noRecipients');
		const id = generateId();
		await tx.insert(announcements).values({
			id,
			authorId: actor.id,
			regionCode: input.region,
			title: input.title,
			bodySource: input.body,
			bodyHtml: rendered.html,
			bodyText: rendered.text,
			recipientCount: recipients.length
		});
		await tx.insert(announcementRecipients).values(recipients.map(({ userId }) => ({ announcementId: id, userId })));
		const params = { author: actor.name, title: input.title, text: excerpt(rendered.text, NOTIFICATION_TEXT_LENGTH) };
		await notifyAll(
			tx,
			recipients.map(({ userId }) => ({ userId, kind: 'announcement' as const, params, link: `/annonces/${id}` }))
		);
		await writeAudit(tx, {
			actorId: actor.id,
			action: ANNOUNCEMENT_SENT,
			targetType: 'announcement',
			targetId: id,
			details: { title: input.title, regionCode: input.region, recipients: recipients.length }
		});
		return { id, recipientCount: recipients.length };
	});
}

export interface AnnouncementSummary {
	id: string;
	title: string;
	authorName: string | null;
	regionCode: string | null;
	regionName: string | null;
	recipientCount: number;
	createdAt: Date;
}

const author = alias(users, 'author');
const summaryColumns = {
	id: announcements.id,
	title: announcements.title,
	authorName: author.name,
	regionCode: announcements.regionCode,
	regionName: regions.name,
	recipientCount: announcements.recipientCount,
	createdAt: announcements.createdAt
};

/** The history of announcements, newest first (facilitators and admins). */
export async function listAnnouncements(db: DbOrTx, viewer: Viewer, limit = 100): Promise<AnnouncementSummary[]> {
	if (!canAnnounce(viewer)) throw forbidden();
	return db
		.select(summaryColumns)
		.from(announcements)
		.leftJoin(author, eq(author.id, announcements.authorId))
		.leftJoin(regions, eq(regions.code, announcements.regionCode))
		.orderBy(desc(announcements.createdAt), desc(announcements.id))
		.limit(limit);
}

export type Announcement = AnnouncementSummary & { bodyHtml: string };

/**
 * One announcement, for those who may announce and for its recipients; anyone else gets
 * "not found" (whether an announcement exists is not theirs to know).
 */
export async function getAnnouncement(db: DbOrTx, viewer: Viewer, id: string): Promise<Announcement> {
	if (!viewer) throw new AppError('unauthenticated', 'error.unauthenticated');
	const [row] = await db
		.select({ ...summaryColumns, bodyHtml: announcements.bodyHtml })
		.from(announcements)
		.leftJoin(author, eq(author.id, announcements.authorId))
		.leftJoin(regions, eq(regions.code, announcements.regionCode))
		.where(eq(announcements.id, id));
	if (!row) throw notFound('announcements.notFound');
	if (canAnnounce(viewer)) return row;
	const [received] = await db
		.select({ total: count() })
		.from(announcementRecipients)
		.where(and(eq(announcementRecipients.announcementId, id), eq(announcementRecipients.userId, viewer.id)));
	if (Number(received.total) === 0) throw notFound('announcements.notFound');
	return row;
}

