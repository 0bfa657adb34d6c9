/**
 * Notifications: the API other features call (`notify`) and what the bell and the
 * /notifications pages read.
 *
 * A notification stores message keys and their params, not translated text: it is
 * translated when shown or mailed, in the reader's locale (the actor who triggered it may
 * use another one, and a locale change applies to past notifications too).
 *
 * Delivery follows the recipient's per-kind preference (kinds.ts gives the defaults):
 * 'in_app' stores it; 'email' stores it and queues its mail in the transactional outbox
 * (the outbox worker sends it after the commit); 'digest' stores it and the
 * digest (sendDigests) mails it, daily or weekly as the user chose; 'off' stores nothing. Mail goes only to verified
 * addresses, so an address typed by someone else is never sent notifications.
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { notificationPreferences, notifications, users } from '../db/schema';
import { queueMail, queueMails, siteUrl, type MailTemplate } from '../mail';
import { translate, type Locale, type MessageKey, type MessageParams } from '../../i18n';
import {
	DIGEST_FREQUENCIES,
	NOTIFICATION_KINDS,
	NOTIFICATION_KIND_LIST,
	type DigestFrequency,
	type NotificationChannel,
	type NotificationKind,
	type NotificationPreference
} from './kinds';

export {
	DIGEST_FREQUENCIES,
	type DigestFrequency,
	isNotificationKind,
	kindLabelKey,
	NOTIFICATION_KIND_LIST,
	NOTIFICATION_KINDS,
	NOTIFICATION_PREFERENCES,
	type NotificationChannel,
	type NotificationKind,
	type NotificationPreference
} from './kinds';
import { storedLocale } from '../../i18n/locale';

export type Notification = typeof notifications.$inferSelect;

export interface NotifyInput {
	userId: string;
	kind: NotificationKind;
	/** Catalogue key of the title; the kind's default when omitted. */
	title?: MessageKey;
	/** Catalogue key of the body; the kind's default when omitted, none when null. */
	body?: MessageKey | null;
	/** Values for the placeholders of title and body (names, titles: plain text). */
	params?: MessageParams;
	/** A path of this site, e.g. "/forums/sujet/42". */
	link?: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The period a digest covers, ending at the time it is sent. */
const DIGEST_PERIOD_MS: Record<DigestFrequency, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
/** A digest lists at most this many notifications; the rest are counted. */
const DIGEST_MAX_ITEMS = 30;
const PREFERENCES_PATH = '/notifications/preferences';

/** Whether a link stays on this site (one leading slash, no scheme, no "//host"). */
export function isSiteLink(link: string): boolean {
	return /^\/([^/\\]|$)/.test(link);
}

/** The recipient's preference for a kind (their choice, or the kind's default). */
export async function preferenceFor(db: DbOrTx, userId: string, kind: NotificationKind): Promise<NotificationPreference> {
	const [row] = await db
		.select({ channel: notificationPreferences.channel })
		.from(notificationPreferences)
		.where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
	return (row?.channel as NotificationPreference | undefined) ?? NOTIFICATION_KINDS[kind].defaultPreference;
}

export interface NotifyOutcome {
	/** The stored notification's id; null when the kind is off for the recipient. */
	id: number | null;
	channel: NotificationChannel | 'off';
}

/**
 * Notifies a user, following their preference for the kind. Returns the stored
 * notification's id (null when the kind is off for them) and how it was delivered.
 * See notifyAll: pass the transaction of the change that causes it.
 */
export async function notify(db: DbOrTx, input: NotifyInput): Promise<NotifyOutcome> {
	const [outcome] = await notifyAll(db, [input]);
	return outcome;
}

/**
 * Notifies several users at once, each following their preference for the kind: the
 * preferences and recipients are read in two queries, the notifications written in one
 * statement, and the e-mails of the 'email' channel queued in the transactional outbox
 * (sent by the outbox worker after the commit). Pass the transaction of the change that
 * causes them: they then exist if and only if it commits. Outcomes come in input order.
 */
export async function notifyAll(db: DbOrTx, inputs: NotifyInput[]): Promise<NotifyOutcome[]> {
	if (inputs.length === 0) return [];
	for (const input of inputs) {
		if (!NOTIFICATION_KINDS[input.kind]) throw new Error(`unknown notification kind: ${input.kind}`);
		if (input.link && !isSiteLink(input.link)) throw new Error(`notification link must be a path of this site: ${input.link}`);
	}
	const userIds = [...new Set(inputs.map((input) => input.userId))];
	const kinds = [...new Set(inputs.map((input) => input.kind))];
	const [chosen, recipients] = await Promise.all([
		db
			.select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind, channel: notificationPreferences.channel })
			.from(notificationPreferences)
			.where(and(inArray(notificationPreferences.userId, userIds), inArray(notificationPreferences.kind, kinds))),
		db
			.select({ id: users.id, email: users.email, locale: users.locale, verifiedAt: users.emailVerifiedAt })
			.from(users)
			.where(inArray(users.id, userIds))
	]);
	const preferenceOf = new Map(chosen.map((row) => [`${row.userId} ${row.kind}`, row.channel as NotificationPreference]));
	const recipientOf = new Map(recipients.map((row) => [row.id, row]));

	const outcomes: NotifyOutcome[] = inputs.map(() => ({ id: null, channel: 'off' }));
	const rows: (typeof notifications.$inferInsert)[] = [];
	const stored: { index: number; email: string | null; locale: Locale }[] = [];
	const now = new Date();
	inputs.forEach((input, index) => {
		const recipient = recipientOf.get(input.userId);
		if (!recipient) throw new Error(`notify: no user ${input.userId}`);
		const definition = NOTIFICATION_KINDS[input.kind];
		const preference = preferenceOf.get(`${input.userId} ${input.kind}`) ?? definition.defaultPreference;
		if (preference === 'off') return;
		// Unverified addresses get no mail: the notification is delivered in the app only.
		const channel: NotificationChannel = preference !== 'in_app' && !recipient.verifiedAt ? 'in_app' : preference;
		const body = input.body === undefined ? definition.body : input.body;
		rows.push({
			userId: input.userId,
			kind: input.kind,
			title: input.title ?? definition.title,
			body: body ?? '',
			params: input.params ?? {},
			link: input.link ?? null,
			channel,
			// The mail is queued with the notification, in the same transaction.
			emailedAt: channel === 'email' ? now : null
		});
		outcomes[index].channel = channel;
		stored.push({ index, email: channel === 'email' ? recipient.email : null, locale: storedLocale(recipient.locale) });
	});
	if (rows.length === 0) return outcomes;

	// PostgreSQL returns the rows of a multi-row insert in the order of its VALUES.
	const ids = await db.insert(notifications).values(rows).returning({ id: notifications.id });
	stored.forEach((entry, position) => (outcomes[entry.index].id = ids[position].id));
	const mails = stored.flatMap((entry, position) => {
		if (!entry.email) return [];
		const row = rows[position];
		return [{ to: entry.email, mail: instantMail(entry.locale, { title: row.title, body: row.body || null, params: row.params ?? {}, link: row.link ?? null }) }];
	});
	await queueMails(db, mails);
	return outcomes;
}

function instantMail(
	locale: Locale,
	notification: { title: string; body: string | null; params: MessageParams; link: string | null }
): MailTemplate {
	return {
		template: 'notification',
		locale,
		subject: [notification.title as MessageKey, notification.params],
		paragraphs: [
			...(notification.body ? [[notification.body as MessageKey, notification.params] as [MessageKey, MessageParams]] : []),
			['notifications.mail.preferences', { url: siteUrl(PREFERENCES_PATH) }]
		],
		action: { label: 'notifications.mail.open', url: siteUrl(notification.link ?? '/notifications') }
	};
}

/**
 * Sends the digests of one frequency due at `now`: one mail per user who chose that
 * frequency, with their digest notifications of the period before `now` (a day or a week)
 * not mailed yet, then marks them mailed. Users with nothing new get nothing. Each user's
 * notifications are claimed (emailed_at set, rows locked) and the mail queued in the outbox in
 * one transaction, so concurrent runs never mail one twice and none is marked mailed without
 * its mail (the outbox worker sends it, with retries).
 */
export async function sendDigests(
	db: DbOrTx,
	now: Date = new Date(),
	frequency: DigestFrequency = 'daily'
): Promise<{ mails: number; notifications: number }> {
	const since = new Date(now.getTime() - DIGEST_PERIOD_MS[frequency]);
	const pendingWindow = and(
		eq(notifications.channel, 'digest'),
		isNull(notifications.emailedAt),
		gt(notifications.createdAt, since),
		lte(notifications.createdAt, now)
	);
	const recipients = await db
		.selectDistinct({ id: users.id, email: users.email, name: users.name, locale: users.locale })
		.from(notifications)
		.innerJoin(users, eq(users.id, notifications.userId))
		.where(and(pendingWindow, isNotNull(users.emailVerifiedAt), eq(users.digestFrequency, frequency)));

	let mails = 0;
	let mailed = 0;
	for (const recipient of recipients) {
		const claimed = await db.transaction(async (tx) => {
			const rows = await tx
				.update(notifications)
				.set({ emailedAt: new Date() })
				.where(and(pendingWindow, eq(notifications.userId, recipient.id)))
				.returning();
			if (rows.length === 0) return 0;
			rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
			const locale: Locale = storedLocale(recipient.locale);
			await queueMail(tx, recipient.email, digestMail(locale, recipient.name, rows, frequency));
			return rows.length;
		});
		if (claimed > 0) {
			mails += 1;
			mailed += claimed;
		}
	}
	return { mails, notifications: mailed };
}

/** How often the user's digest is mailed. */
export async function getDigestFrequency(db: DbOrTx, userId: string): Promise<DigestFrequency> {
	const [row] = await db.select({ frequency: users.digestFrequency }).from(users).where(eq(users.id, userId));
	return DIGEST_FREQUENCIES.find((frequency) => frequency === row?.frequency) ?? 'daily';
}

export async function setDigestFrequency(db: DbOrTx, userId: string, frequency: DigestFrequency): Promise<void> {
	await db.update(users).set({ digestFrequency: frequency }).where(eq(users.id, userId));
}

function digestMail(locale: Locale, name: string, rows: Notification[], frequency: DigestFrequency): MailTemplate {
	const items = rows.slice(0, DIGEST_MAX_ITEMS).map((row): [MessageKey, MessageParams] => {
		// Titles are translated here, in the recipient's locale, then placed in the item line.
		const title = translate(locale, row.title, row.params);
		return row.link
			? ['notifications.digest.itemWithLink', { title, url: siteUrl(row.link) }]
			: ['notifications.digest.item', { title }];
	});
	const more = rows.length - items.length;
	return {
		template: 'notification_digest',
		locale,
		subject: [frequency === 'weekly' ? 'notifications.digest.subjectWeekly' : 'notifications.digest.subject', { count: rows.length }],
		paragraphs: [
			[frequency === 'weekly' ? 'notifications.digest.introWeekly' : 'notifications.digest.intro', { name }],
			...items,
			...(more > 0 ? [['notifications.digest.more', { count: more }] as [MessageKey, MessageParams]] : []),
			['notifications.mail.preferences', { url: siteUrl(PREFERENCES_PATH) }]
		],
		action: { label: 'notifications.digest.action', url: siteUrl('/notifications') }
	};
}

/** Number of unread notifications of a user (the bell). Served by a partial index. */
export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
	const [row] = await db
		.select({ value: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
	return Number(row?.value ?? 0);
}

/** A page of a user's notifications, newest first; `before` is the id the previous page ended at. */
export async function listNotifications(
	db: DbOrTx,
	userId: string,
	options: { limit?: number; before?: number | null } = {}
): Promise<{ items: Notification[]; nextBefore: number | null }> {
	const limit = Math.min(Math.max(options.limit ?? 30, 1), 100);
	// A cursor comes from the URL: anything but a positive id means the first page.
	const before = Number.isSafeInteger(options.before) && options.before! > 0 ? options.before! : null;
	const rows = await db
		.select()
		.from(notifications)
		.where(and(eq(notifications.userId, userId), before ? lt(notifications.id, before) : undefined))
		.orderBy(desc(notifications.id))
		.limit(limit + 1);
	const items = rows.slice(0, limit);
	return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
}

/**
 * Marks one of the user's own notifications read (keeping the first read time); false when
 * no notification of theirs has that id, in which case nothing changes.
 */
export async function markRead(db: DbOrTx, userId: string, notificationId: number): Promise<boolean> {
	const rows = await db
		.update(notifications)
		.set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
		.where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
		.returning({ id: notifications.id });
	return rows.length > 0;
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllRead(db: DbOrTx, userId: string): Promise<number> {
	const rows = await db
		.update(notifications)
		.set({ readAt: new Date() })
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	return rows.length;
}

/** The user's preference for every kind (their choices over the defaults), in display order. */
export async function getPreferences(db: DbOrTx, userId: string): Promise<Record<NotificationKind, NotificationPreference>> {
	const rows = await db
		.select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
		.from(notificationPreferences)
		.where(eq(notificationPreferences.userId, userId))
		.orderBy(asc(notificationPreferences.kind));
	const chosen = new Map(rows.map((row) => [row.kind, row.channel as NotificationPreference]));
	return Object.fromEntries(
		NOTIFICATION_KIND_LIST.map((kind) => [kind, chosen.get(kind) ?? NOTIFICATION_KINDS[kind].defaultPreference])
	) as Record<NotificationKind, NotificationPreference>;
}

/** Saves the user's preferences for the kinds given (others keep theirs). */
export async function setPreferences(
	db: DbOrTx,
	userId: string,
	preferences: Partial<Record<NotificationKind, NotificationPreference>>
): Promise<void> {
	const values = Object.entries(preferences)
		.filter((entry): entry is [NotificationKind, NotificationPreference] => entry[1] !== undefined)
		.map(([kind, channel]) => ({ userId, kind, channel }));
	if (values.length === 0) return;
	await db
		.insert(notificationPreferences)
		.values(values)
		.onConflictDoUpdate({
			target: [notificationPreferences.userId, notificationPreferences.kind],
			set: { channel: sql`excluded.channel` }
		});
}
