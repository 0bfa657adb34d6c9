/**
 * Scheduled practice exchanges: a facilitator attaches one to a thread (date and time in the
 * place's IANA zone, duration, video link or place, agenda, capacity); members of the
 * thread's audience sign up within the capacity, get an .ics file and a reminder the day
 * before; afterwards the facilitator posts the minutes into the thread and attendees are
 * notified. Calendar output and zones come from the shared calendar machinery
 * (src/lib/server/calendar), also used by DPC sessions.
 *
 * Seats cannot be oversold: a sign-up locks the exchange row, counts, then inserts, in one
 * transaction; the primary key keeps one registration per member.
 */
import { and, asc, count, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { forumExchangeRegistrations, forumExchanges, forumThreads, users, type ForumExchange } from '../db/schema';
// Direct modules, not the calendar index: calendar/sources.ts imports this file (no cycle).
import { eventUid, renderCalendar, type CalendarEvent } from '../calendar/ics';
import { placeTimeZone } from '../calendar/zones';
import type { FeedSource } from '../calendar/feed';
import { notifyAll } from '../notifications';
import { writeAudit } from '../audit';
import { fields } from '../shared/forms';
import { AppError, forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { getLogger } from '../logger';
import { startPeriodicJob } from '../shared/periodic';
import { zoneLabel } from '../../domain/time-zones';
import { formatRangeInZone, zonedTimeToInstant } from '../../domain/zoned-time';
import { translator, type Locale } from '../../i18n';
import { intlLocale, pickLocale, storedLocale } from '../../i18n/locale';
import { canReact, canScheduleExchange, loadForumViewer, type MaybeViewer } from './permissions';
import { postBody } from './forms';
import { replyToThread } from './commands/reply-to-thread';
import { loadThread, requireReadableThread, type ThreadRecord } from './thread-records';
import { readersAmong } from './mentions';

export const MAX_AGENDA_LENGTH = 4000;

export const exchangeFormSchema = z
	.object({
		startsAt: fields.requiredText(20),
		timeZone: z.string({ error: 'form.required' }).transform((value, context) => {
			const zone = placeTimeZone(value);
			if (!zone) context.addIssue({ code: 'custom', message: 'calendar.zone.unknown' });
			return zone ?? '';
		}),
		durationMinutes: fields.integer(15, 720),
		capacity: fields.integer(1, 1000),
		place: fields.optionalText(300),
		videoUrl: fields
			.optionalText(500)
			.refine((value) => value === null || /^https:\/\/[^\s]+$/i.test(value), 'forum.exchange.videoHttps'),
		agenda: fields.optionalText(MAX_AGENDA_LENGTH).transform((value) => value ?? '')
	})
	.superRefine((input, context) => {
		if (!input.place && !input.videoUrl) context.addIssue({ code: 'custom', path: ['place'], message: 'forum.exchange.whereRequired' });
		if (input.timeZone && !zonedTimeToInstant(input.startsAt, input.timeZone)) {
			context.addIssue({ code: 'custom', path: ['startsAt'], message: 'forum.exchange.dateInvalid' });
		}
	})
	.transform((input) => ({ ...input, startsAt: zonedTimeToInstant(input.startsAt, input.timeZone)! }));
export type ExchangeInput = z.output<typeof exchangeFormSchema>;

export const minutesFormSchema = z.object({ body: postBody });

/** The exchange of a thread, or null. */
export async function findExchange(db: DbOrTx, threadId: number): Promise<ForumExchange | null> {
	const [row] = await db.select().from(forumExchanges).where(eq(forumExchanges.threadId, threadId));
	return row ?? null;
}

export function exchangeEnd(exchange: Pick<ForumExchange, 'startsAt' | 'durationMinutes'>): Date {
	return new Date(exchange.startsAt.getTime() + exchange.durationMinutes * 60_000);
}

async function registrantIds(db: DbOrTx, exchangeId: string): Promise<string[]> {
	return (
		await db.select({ userId: forumExchangeRegistrations.userId }).from(forumExchangeRegistrations).where(eq(forumExchangeRegistrations.exchangeId, exchangeId))
	).map((row) => row.userId);
}

async function notifyRegistrants(db: DbOrTx, thread: ThreadRecord, exchange: ForumExchange, title: string, link: string) {
	const recipients = await readersAmong(db, thread.category, await registrantIds(db, exchange.id));
	if (recipients.length === 0) return 0;
	// The date is written into the notification: in each recipient's language.
	const locales = await db.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, recipients));
	const localeOf = new Map(locales.map((row) => [row.id, pickLocale(row.locale, undefined, null)]));
	await notifyAll(
		db,
		recipients.map((userId) => {
			const locale: Locale = localeOf.get(userId) ?? 'fr';
			const when = formatRangeInZone(exchange.startsAt, exchangeEnd(exchange), exchange.timeZone, intlLocale(locale));
			const zone = zoneLabel(translator(locale), locale, exchange.timeZone, when.offset);
			return {
				userId,
				kind: 'forum.exchange' as const,
				title: title as never,
				body: 'forum.exchange.notify.body' as const,
				params: { topic: thread.title, when: `${when.text} (${zone})` },
				link
			};
		})
	);
	return recipients.length;
}

/** Schedules (or reschedules) the thread's exchange; registrants hear of a change. */
export async function scheduleExchange(db: DbOrTx, viewer: MaybeViewer, threadId: number, input: ExchangeInput): Promise<ForumExchange> {
	const thread = await requireReadableThread(db, viewer, threadId);
	if (!viewer || !canScheduleExchange(viewer, thread)) throw forbidden('forum.exchange.cannotSchedule');
	const values = {
		startsAt: input.startsAt,
		timeZone: input.timeZone,
		durationMinutes: input.durationMinutes,
		place: input.place,
		videoUrl: input.videoUrl,
		agenda: input.agenda,
		capacity: input.capacity
	};
	return db.transaction(async (tx) => {
		const [existing] = await tx.select().from(forumExchanges).where(eq(forumExchanges.threadId, threadId)).for('update');
		if (existing) {
			if (input.capacity < (await registrantIds(tx, existing.id)).length) {
				throw new AppError('invalid', 'forum.exchange.capacityBelowRegistrations', { field: 'capacity' });
			}
			const moved = existing.startsAt.getTime() !== input.startsAt.getTime() || existing.durationMinutes !== input.durationMinutes || existing.place !== input.place || existing.videoUrl !== input.videoUrl;
			const [row] = await tx
				.update(forumExchanges)
				.set({ ...values, sequence: existing.sequence + 1, updatedAt: new Date(), reminderSentAt: moved ? null : existing.reminderSentAt })
				.where(eq(forumExchanges.id, existing.id))
				.returning();
			if (moved) await notifyRegistrants(tx, thread, row, 'forum.exchange.notify.changed', `/forums/sujet/${threadId}#echange`);
			return row;
		}
		const [row] = await tx.insert(forumExchanges).values({ id: generateId(), threadId, createdBy: viewer.id, ...values }).returning();
		await writeAudit(tx, { actorId: viewer.id, action: 'forum.exchange_schedule', targetType: 'forum_thread', targetId: String(threadId) });
		return row;
	});
}

export interface ExchangeView {
	exchange: ForumExchange;
	end: Date;
	registered: number;
	seatsLeft: number;
	isRegistered: boolean;
	/** Past its end: sign-ups closed, minutes expected. */
	past: boolean;
	/** The facilitator's list (null for others). */
	attendees: { name: string; profession: string; professionForm: string | null; registeredAt: Date }[] | null;
	can: { register: boolean; manage: boolean };
}

/** The thread's exchange as this reader sees it (the attendee list for facilitators only). */
export async function getExchangeView(db: DbOrTx, viewer: MaybeViewer, thread: ThreadRecord, now = new Date()): Promise<ExchangeView | null> {
	const exchange = await findExchange(db, thread.id);
	if (!exchange) return null;
	const manage = canScheduleExchange(viewer, thread);
	const [{ value }] = await db.select({ value: count() }).from(forumExchangeRegistrations).where(eq(forumExchangeRegistrations.exchangeId, exchange.id));
	const registered = Number(value);
	const isRegistered = viewer
		? (
				await db
					.select({ userId: forumExchangeRegistrations.userId })
					.from(forumExchangeRegistrations)
					.where(and(eq(forumExchangeRegistrations.exchangeId, exchange.id), eq(forumExchangeRegistrations.userId, viewer.id)))
			).length > 0
		: false;
	const end = exchangeEnd(exchange);
	const attendees = manage
		? await db
				.select({ name: users.name, profession: users.profession, professionForm: users.professionForm, registeredAt: forumExchangeRegistrations.createdAt })
				.from(forumExchangeRegistrations)
				.innerJoin(users, eq(users.id, forumExchangeRegistrations.userId))
				.where(eq(forumExchangeRegistrations.exchangeId, exchange.id))
				.orderBy(asc(forumExchangeRegistrations.createdAt))
		: null;
	return {
		// The video link is for those signed up and the facilitators.
		exchange: isRegistered || manage ? exchange : { ...exchange, videoUrl: exchange.videoUrl ? '' : null },
		end,
		registered,
		seatsLeft: Math.max(0, exchange.capacity - registered),
		isRegistered,
		past: end.getTime() <= now.getTime(),
		attendees,
		can: { register: canReact(viewer, thread) && end.getTime() > now.getTime(), manage }
	};
}

/** Signs the reader up; refuses when full or over. Returns false when already signed up. */
export async function registerForExchange(db: DbOrTx, viewer: MaybeViewer, threadId: number, now = new Date()): Promise<boolean> {
	const thread = await requireReadableThread(db, viewer, threadId);
	if (!viewer || !canReact(viewer, thread)) throw forbidden();
	return db.transaction(async (tx) => {
		const [exchange] = await tx.select().from(forumExchanges).where(eq(forumExchanges.threadId, threadId)).for('update');
		if (!exchange) throw notFound('forum.exchange.notFound');
		if (exchangeEnd(exchange).getTime() <= now.getTime()) throw new AppError('conflict', 'forum.exchange.over');
		const [{ value }] = await tx.select({ value: count() }).from(forumExchangeRegistrations).where(eq(forumExchangeRegistrations.exchangeId, exchange.id));
		const inserted = await tx
			.insert(forumExchangeRegistrations)
			.values({ exchangeId: exchange.id, userId: viewer.id })
			.onConflictDoNothing()
			.returning({ userId: forumExchangeRegistrations.userId });
		if (inserted.length === 0) return false;
		if (Number(value) >= exchange.capacity) throw new AppError('conflict', 'forum.exchange.full');
		return true;
	});
}

export async function unregisterFromExchange(db: DbOrTx, viewer: MaybeViewer, threadId: number): Promise<void> {
	if (!viewer) throw forbidden();
	const exchange = await findExchange(db, threadId);
	if (!exchange) throw notFound('forum.exchange.notFound');
	await db
		.delete(forumExchangeRegistrations)
		.where(and(eq(forumExchangeRegistrations.exchangeId, exchange.id), eq(forumExchangeRegistrations.userId, viewer.id)));
}

function calendarEvent(exchange: ForumExchange, thread: { id: number; title: string }, origin: string): CalendarEvent {
	const url = `${origin}/forums/sujet/${thread.id}#echange`;
	return {
		uid: eventUid('forum-exchange', exchange.id),
		sequence: exchange.sequence,
		start: exchange.startsAt,
		end: exchangeEnd(exchange),
		timeZone: exchange.timeZone,
		summary: `Échange de pratiques : ${thread.title}`,
		description: [exchange.agenda, exchange.videoUrl ? `Visio : ${exchange.videoUrl}` : null, url].filter(Boolean).join('\n\n'),
		location: exchange.place ?? exchange.videoUrl ?? null,
		url,
		status: 'confirmed',
		updatedAt: exchange.updatedAt,
		categories: ['Échange de pratiques']
	};
}

/** The .ics of the thread's exchange, for readers of the thread (video link for attendees and facilitators). */
export async function exchangeIcs(db: DbOrTx, viewer: MaybeViewer, threadId: number, origin: string): Promise<{ filename: string; body: string }> {
	const thread = await requireReadableThread(db, viewer, threadId);
	const view = await getExchangeView(db, viewer, thread);
	if (!view) throw notFound('forum.exchange.notFound');
	return {
		filename: `echange-de-pratiques-${thread.id}.ics`,
		body: renderCalendar({ name: thread.title, timeZone: view.exchange.timeZone, events: [calendarEvent(view.exchange, thread, origin)] })
	};
}

/** Personal calendar feeds: the exchanges the user signed up for, in threads they may still read. */
export const forumExchangeFeed: FeedSource = {
	name: 'forum',
	async eventsFor(db, userId, context) {
		const rows = await db
			.select({ exchange: forumExchanges, threadId: forumThreads.id, title: forumThreads.title })
			.from(forumExchangeRegistrations)
			.innerJoin(forumExchanges, eq(forumExchanges.id, forumExchangeRegistrations.exchangeId))
			.innerJoin(forumThreads, eq(forumThreads.id, forumExchanges.threadId))
			.where(and(eq(forumExchangeRegistrations.userId, userId), isNull(forumThreads.hiddenAt)));
		if (rows.length === 0) return [];
		const [user] = await db.select().from(users).where(eq(users.id, userId));
		const viewer = await loadForumViewer(db, { ...user, emailVerified: user.emailVerifiedAt !== null, locale: storedLocale(user.locale), roles: [] });
		const events: CalendarEvent[] = [];
		for (const row of rows) {
			const thread = await loadThread(db, row.threadId);
			// A membership ended since: the private space's exchange leaves the feed.
			if (thread.category.cptsId && !viewer?.memberOf.has(thread.category.cptsId)) continue;
			events.push(calendarEvent(row.exchange, { id: row.threadId, title: row.title }, context.origin));
		}
		return events;
	}
};

/** The facilitator posts the minutes as a reply; attendees are notified. */
export async function postMinutes(db: DbOrTx, viewer: MaybeViewer, threadId: number, body: string): Promise<{ position: number; notified: number }> {
	const thread = await requireReadableThread(db, viewer, threadId);
	if (!viewer || !canScheduleExchange(viewer, thread)) throw forbidden('forum.exchange.cannotSchedule');
	const exchange = await findExchange(db, threadId);
	if (!exchange) throw notFound('forum.exchange.notFound');
	const { postId, position } = await replyToThread(db, viewer, threadId, body);
	await db.update(forumExchanges).set({ minutesPostId: postId, updatedAt: new Date() }).where(eq(forumExchanges.id, exchange.id));
	const notified = await notifyRegistrants(db, thread, exchange, 'forum.exchange.notify.minutes', `/forums/sujet/${threadId}?depuis=${position}#message-${position}`);
	return { position, notified };
}

/**
 * Reminds attendees of exchanges starting within a day. Each exchange is claimed (its
 * reminder_sent_at set) before notifying, so concurrent runs never remind twice.
 */
export async function sendExchangeReminders(db: DbOrTx, now = new Date()): Promise<number> {
	const claimed = await db
		.update(forumExchanges)
		.set({ reminderSentAt: now })
		.where(
			and(
				isNull(forumExchanges.reminderSentAt),
				gt(forumExchanges.startsAt, now),
				lte(forumExchanges.startsAt, sql`${now.toISOString()}::timestamptz + interval '1 day'`)
			)
		)
		.returning();
	let sent = 0;
	for (const exchange of claimed) {
		try {
			const thread = await loadThread(db, exchange.threadId);
			sent += await notifyRegistrants(db, thread, exchange, 'forum.exchange.notify.reminder', `/forums/sujet/${thread.id}#echange`);
		} catch (caught) {
			getLogger().error({ err: caught, exchangeId: exchange.id }, 'exchange reminder failed');
		}
	}
	return sent;
}

/** Checks for reminders every quarter of an hour (the timer does not keep the process alive). */
export function startExchangeReminders(getDatabase: () => Promise<DbOrTx>, intervalMs = 15 * 60_000): () => void {
	return startPeriodicJob('exchange reminders', getDatabase, (db) => sendExchangeReminders(db), intervalMs);
}
