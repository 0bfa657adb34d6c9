/**
 * "Mes formations": the viewer's sessions (registered, waiting, past), hours attended per
 * year, certificates ready to download, and a warning when two of their sessions overlap.
 */
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { dpcActions, dpcAttendance, dpcRegistrations, dpcSessionParts, dpcSessions, dpcSessionTrainers } from '../db/schema';
import type { HasMethod, RegistrationStatus, SessionStatus } from '../../domain/dpc';
import { attendedMinutes, certificateAvailable, marksByPart } from './attendance';
import { minutesToHours, partsHours } from './certificate';
import { describeParts, type PartView } from './page';
import { sessionLabel } from './session-facts';

export interface MySession {
	sessionId: string;
	label: string;
	reference: string;
	/** The action's HAS method and orientation (free text), for the DPC obligation. */
	method: HasMethod;
	orientation: string;
	status: SessionStatus;
	registration: RegistrationStatus;
	promotedAt: Date | null;
	parts: PartView[];
	startsAt: Date;
	endsAt: Date;
	hours: number;
	fullyAttended: boolean;
	past: boolean;
}

export interface MyTraining {
	upcoming: MySession[];
	past: MySession[];
	/** Hours attended (the minutes recorded for present or late marks), by calendar year of the part. */
	hoursByYear: { year: number; hours: number }[];
	/** Pairs of my live sessions whose parts overlap. */
	overlaps: { first: string; second: string; firstId: string; secondId: string }[];
}

export async function getMyTraining(db: DbOrTx, userId: string, viewerZone: string, locale: string, now: Date = new Date()): Promise<MyTraining> {
	const rows = await db
		.select({
			registrationId: dpcRegistrations.id,
			registration: dpcRegistrations.status,
			promotedAt: dpcRegistrations.promotedAt,
			sessionId: dpcSessions.id,
			number: dpcSessions.number,
			status: dpcSessions.status,
			startsAt: dpcSessions.startsAt,
			endsAt: dpcSessions.endsAt,
			actionTitle: dpcActions.title,
			reference: dpcActions.reference,
			method: dpcActions.method,
			orientation: dpcActions.orientation
		})
		.from(dpcRegistrations)
		.innerJoin(dpcSessions, eq(dpcSessions.id, dpcRegistrations.sessionId))
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.where(and(eq(dpcRegistrations.userId, userId), inArray(dpcRegistrations.status, ['registered', 'waitlisted'])))
		.orderBy(asc(dpcSessions.startsAt));
	if (rows.length === 0) return { upcoming: [], past: [], hoursByYear: [], overlaps: [] };
	const sessionIds = rows.map((row) => row.sessionId);
	const [parts, marks] = await Promise.all([
		db.select().from(dpcSessionParts).where(inArray(dpcSessionParts.sessionId, sessionIds)).orderBy(asc(dpcSessionParts.position)),
		db.select().from(dpcAttendance).where(inArray(dpcAttendance.registrationId, rows.map((row) => row.registrationId)))
	]);

	const hoursByYear = new Map<number, number>();
	const sessions: MySession[] = rows.map((row) => {
		const own = parts.filter((part) => part.sessionId === row.sessionId);
		const attendance = marksByPart(marks.filter((mark) => mark.registrationId === row.registrationId));
		for (const part of own) {
			const minutes = row.registration === 'registered' ? attendedMinutes(part, attendance[part.id]) : 0;
			if (minutes > 0) {
				const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: part.timeZone }).format(part.startsAt));
				hoursByYear.set(year, (hoursByYear.get(year) ?? 0) + minutesToHours(minutes));
			}
		}
		return {
			sessionId: row.sessionId,
			label: sessionLabel(row),
			reference: row.reference,
			method: row.method,
			orientation: row.orientation,
			status: row.status,
			registration: row.registration,
			promotedAt: row.promotedAt,
			parts: describeParts(own, viewerZone, locale),
			startsAt: row.startsAt,
			endsAt: row.endsAt,
			hours: partsHours(own),
			fullyAttended: row.registration === 'registered' && certificateAvailable(own, attendance, now),
			past: row.endsAt <= now || row.status === 'completed'
		};
	});

	const live = sessions.filter((session) => session.status !== 'cancelled' && !session.past);
	const overlaps: MyTraining['overlaps'] = [];
	for (let i = 0; i < live.length; i++) {
		for (let j = i + 1; j < live.length; j++) {
			const clash = live[i].parts.some((a) => live[j].parts.some((b) => a.startsAt < b.endsAt && b.startsAt < a.endsAt));
			if (clash) overlaps.push({ first: live[i].label, second: live[j].label, firstId: live[i].sessionId, secondId: live[j].sessionId });
		}
	}
	return {
		upcoming: sessions.filter((session) => !session.past),
		past: sessions.filter((session) => session.past).reverse(),
		hoursByYear: [...hoursByYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, hours]) => ({ year, hours })),
		overlaps
	};
}

export interface TrainerTodo {
	sessionId: string;
	label: string;
	startsAt: Date;
	endsAt: Date;
	/** Seats taken and people on the waiting list. */
	registered: number;
	waitlisted: number;
	/** Registered people × parts already started with no attendance mark: the émargement to complete. */
	missingMarks: number;
}

/**
 * What awaits a trainer: the sessions she teaches that have not ended (registrations and
 * waiting list to look at before the day), and those ended in the last 60 days whose
 * émargement is incomplete (certificates wait for it). One query.
 */
export async function listTrainerTodo(db: DbOrTx, userId: string, now: Date = new Date(), limit = 8): Promise<TrainerTodo[]> {
	const since = new Date(now.getTime() - 60 * 86_400_000);
	const countOf = (status: RegistrationStatus) =>
		sql<number>`(select count(*) from ${dpcRegistrations} where ${dpcRegistrations.sessionId} = ${dpcSessions.id} and ${dpcRegistrations.status} = ${status})::int`;
	const rows = await db
		.select({
			sessionId: dpcSessions.id,
			number: dpcSessions.number,
			actionTitle: dpcActions.title,
			startsAt: dpcSessions.startsAt,
			endsAt: dpcSessions.endsAt,
			registered: countOf('registered'),
			waitlisted: countOf('waitlisted'),
			missingMarks: sql<number>`(select count(*) from ${dpcRegistrations} r
				join ${dpcSessionParts} p on p.session_id = r.session_id and p.starts_at <= ${now.toISOString()}::timestamptz
				where r.session_id = ${dpcSessions.id} and r.status = 'registered'
					and not exists (select 1 from ${dpcAttendance} m where m.registration_id = r.id and m.part_id = p.id))::int`
		})
		.from(dpcSessionTrainers)
		.innerJoin(dpcSessions, eq(dpcSessions.id, dpcSessionTrainers.sessionId))
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.where(and(eq(dpcSessionTrainers.userId, userId), inArray(dpcSessions.status, ['published', 'full', 'completed']), gte(dpcSessions.endsAt, since)))
		.orderBy(asc(dpcSessions.startsAt))
		.limit(50);
	return rows
		.filter((row) => row.endsAt > now || row.missingMarks > 0)
		.slice(0, limit)
		.map(({ number, actionTitle, ...row }) => ({ ...row, label: sessionLabel({ actionTitle, number }) }));
}
