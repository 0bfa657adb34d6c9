/**
 * Personal calendar feeds: one private URL per user ("/calendrier/<token>.ics") listing the
 * events every feature contributes for them (DPC sessions they attend or teach, practice
 * exchanges…). The token is a 160-bit secret; only its SHA-256 is stored. Unknown and
 * revoked tokens get the same 404 so nobody learns which ones existed.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { calendarFeedTokens, users } from '../db/schema';
import { translate, type Locale } from '../../i18n';
import { generateId, generateSecretToken, hashToken } from '../shared/ids';
import { renderCalendar, type CalendarEvent } from './ics';
import { storedLocale } from '../../i18n/locale';

/**
 * What a feature plugs into personal feeds. Sources are listed in ./sources.ts, one line per
 * feature; each returns the user's events of that feature, cancelled ones included (with
 * status 'cancelled') so subscribed clients remove them.
 */
export interface FeedSource {
	/** A short name for logs and tests ("dpc", "forum"). */
	name: string;
	eventsFor(db: DbOrTx, userId: string, context: FeedContext): Promise<CalendarEvent[]>;
}

export interface FeedContext {
	/** The site's origin, for absolute event URLs. */
	origin: string;
	locale: Locale;
}

export interface FeedLinkStatus {
	/** Whether the user has a live link (its token cannot be shown again: only its hash is kept). */
	active: boolean;
	createdAt: Date | null;
	lastUsedAt: Date | null;
}

/** The state of the user's feed link, for the page that manages it. */
export async function getFeedLinkStatus(db: DbOrTx, userId: string): Promise<FeedLinkStatus> {
	const [live] = await db
		.select({ createdAt: calendarFeedTokens.createdAt, lastUsedAt: calendarFeedTokens.lastUsedAt })
		.from(calendarFeedTokens)
		.where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)));
	return live ? { active: true, ...live } : { active: false, createdAt: null, lastUsedAt: null };
}

/**
 * Creates the user's feed link, revoking the previous one in the same transaction (so there
 * is never more than one live link; the partial unique index guarantees it). Returns the
 * token: the only time it exists outside the user's calendar application.
 */
export async function createFeedToken(db: DbOrTx, userId: string): Promise<string> {
	const token = generateSecretToken();
	await db.transaction(async (tx) => {
		await revokeLive(tx, userId);
		await tx.insert(calendarFeedTokens).values({ id: generateId(), userId, tokenHash: hashToken(token) });
	});
	return token;
}

/** Revokes the user's live link; its URL answers 404 from now on. Returns whether there was one. */
export async function revokeFeedToken(db: DbOrTx, userId: string): Promise<boolean> {
	return (await revokeLive(db, userId)) > 0;
}

async function revokeLive(db: DbOrTx, userId: string): Promise<number> {
	const revoked = await db
		.update(calendarFeedTokens)
		.set({ revokedAt: new Date() })
		.where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
		.returning({ id: calendarFeedTokens.id });
	return revoked.length;
}

/** The user a live token belongs to, or null (unknown, malformed or revoked). */
export async function resolveFeedToken(db: DbOrTx, token: string): Promise<{ userId: string; locale: Locale } | null> {
	// Tokens are lower-case base32 of 20 bytes (32 characters); anything else is not one.
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const [row] = await db
		.select({ id: calendarFeedTokens.id, userId: calendarFeedTokens.userId, locale: users.locale, lastUsedAt: calendarFeedTokens.lastUsedAt })
		.from(calendarFeedTokens)
		.innerJoin(users, eq(users.id, calendarFeedTokens.userId))
		.where(and(eq(calendarFeedTokens.tokenHash, hashToken(token)), isNull(calendarFeedTokens.revokedAt)));
	if (!row) return null;
	// Calendar clients poll often; the "last used" date needs no more than hourly precision.
	if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 3_600_000) {
		await db.update(calendarFeedTokens).set({ lastUsedAt: new Date() }).where(eq(calendarFeedTokens.id, row.id));
	}
	return { userId: row.userId, locale: storedLocale(row.locale) };
}

/** Every event of the user from every source, ordered by start. */
export async function collectFeedEvents(
	db: DbOrTx,
	userId: string,
	context: FeedContext,
	sources: readonly FeedSource[]
): Promise<CalendarEvent[]> {
	const lists = await Promise.all(sources.map((source) => source.eventsFor(db, userId, context)));
	const seen = new Set<string>();
	return lists
		.flat()
		.filter((event) => (seen.has(event.uid) ? false : (seen.add(event.uid), true)))
		.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
}

/** The personal feed of the owner of `token` as text/calendar, or null for an unknown or revoked token. */
export async function renderPersonalFeed(
	db: DbOrTx,
	token: string,
	origin: string,
	sources: readonly FeedSource[]
): Promise<string | null> {
	const owner = await resolveFeedToken(db, token);
	if (!owner) return null;
	const events = await collectFeedEvents(db, owner.userId, { origin, locale: owner.locale }, sources);
	return renderCalendar({ name: translate(owner.locale, 'calendar.feed.name'), events, refreshMinutes: 60 });
}

/**
 * The user's agenda as a list (Mon espace): the events of her feed not yet over and not
 * cancelled, soonest first, at most `limit`. The same sources as her subscription feed.
 */
export async function listUpcomingEvents(
	db: DbOrTx,
	userId: string,
	context: FeedContext,
	sources: readonly FeedSource[],
	{ now = new Date(), limit = 8 }: { now?: Date; limit?: number } = {}
): Promise<CalendarEvent[]> {
	const events = await collectFeedEvents(db, userId, context, sources);
	return events.filter((event) => event.end > now && event.status !== 'cancelled').slice(0, limit);
}
