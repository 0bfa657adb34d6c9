/**
 * Running a session: the participant list (and its CSV), attendance per part (présent,
 * absent, excusé, retard) with the minutes actually attended (late arrival, early departure),
 * and "fully attended", computed from every part. Only the trainers of the session's body (and
 * admins) read or write any of it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { dpcAttendance, dpcRegistrations, users } from '../db/schema';
import { writeAudit } from '../audit';
import { AppError, forbidden } from '../shared/errors';
import { ATTENDED_STATUSES, type AttendanceStatus, type RegistrationStatus } from '../../domain/dpc';
import { canReadParticipants, type MaybeDpcViewer } from './permissions';
import { listParts, requireSessionFacts, type DpcSessionPart, type SessionFacts } from './session-facts';

/** One person's mark for one part. `minutesAttended` null: the whole part when attended. */
export interface AttendanceMark {
	status: AttendanceStatus;
	minutesAttended?: number | null;
}

/** A person's marks by part id. */
export type AttendanceMarks = Partial<Record<string, AttendanceMark>>;

type TimedPart = { id: string; startsAt: Date; endsAt: Date };

/** Marks as stored, by part id. */
export function marksByPart(rows: readonly { partId: string; status: AttendanceStatus; minutesAttended: number | null }[]): AttendanceMarks {
	return Object.fromEntries(rows.map((row) => [row.partId, { status: row.status, minutesAttended: row.minutesAttended }]));
}

/** The scheduled length of a part, in whole minutes. */
export function partMinutes(part: { startsAt: Date; endsAt: Date }): number {
	return Math.round((part.endsAt.getTime() - part.startsAt.getTime()) / 60_000);
}

/** Minutes of a part the person attended: none unless marked present or late; the whole part unless fewer were recorded. */
export function attendedMinutes(part: TimedPart, mark: AttendanceMark | undefined): number {
	if (!mark || !ATTENDED_STATUSES.includes(mark.status)) return 0;
	return mark.minutesAttended ?? partMinutes(part);
}

/** Every part marked present or late (possibly for part of it): the certificate can be issued. */
export function attendedEveryPart(parts: readonly { id: string }[], marks: AttendanceMarks): boolean {
	return parts.length > 0 && parts.every((part) => ATTENDED_STATUSES.includes(marks[part.id]?.status as AttendanceStatus));
}

/** Every part attended from its start to its end: "a suivi l'intégralité". */
export function isFullyAttended(parts: readonly TimedPart[], marks: AttendanceMarks): boolean {
	return attendedEveryPart(parts, marks) && parts.every((part) => attendedMinutes(part, marks[part.id]) >= partMinutes(part));
}

export interface Participant {
	registrationId: string;
	userId: string;
	name: string;
	email: string;
	/** The profession given at registration, written in her form (professionForm) beside her name. */
	profession: string;
	professionForm: string | null;
	rpps: string | null;
	status: RegistrationStatus;
	queuedAt: Date;
	registeredAt: Date | null;
	promotedAt: Date | null;
	/** Attendance by part id. */
	attendance: AttendanceMarks;
	fullyAttended: boolean;
}

export interface ParticipantList {
	session: SessionFacts;
	parts: DpcSessionPart[];
	registered: Participant[];
	waitlisted: Participant[];
}

/** The session's lists for its trainers: registered (by name) and waiting (in order). */
export async function listParticipants(db: DbOrTx, viewer: MaybeDpcViewer, sessionId: string): Promise<ParticipantList> {
	const session = await requireSessionFacts(db, sessionId);
	if (!canReadParticipants(viewer, session)) throw forbidden('dpc.cannotReadParticipants');
	const [parts, rows] = await Promise.all([
		listParts(db, sessionId),
		db
			.select({
				registrationId: dpcRegistrations.id,
				userId: users.id,
				name: users.name,
				email: users.email,
				profession: dpcRegistrations.profession,
				professionForm: users.professionForm,
				rpps: users.rpps,
				status: dpcRegistrations.status,
				queuedAt: dpcRegistrations.queuedAt,
				registeredAt: dpcRegistrations.registeredAt,
				promotedAt: dpcRegistrations.promotedAt
			})
			.from(dpcRegistrations)
			.innerJoin(users, eq(users.id, dpcRegistrations.userId))
			.where(and(eq(dpcRegistrations.sessionId, sessionId), inArray(dpcRegistrations.status, ['registered', 'waitlisted'])))
			.orderBy(asc(users.name))
	]);
	const marks = rows.length
		? await db
				.select()
				.from(dpcAttendance)
				.where(inArray(dpcAttendance.registrationId, rows.map((row) => row.registrationId)))
		: [];
	const people = rows.map((row) => {
		const attendance = marksByPart(marks.filter((mark) => mark.registrationId === row.registrationId));
		return { ...row, attendance, fullyAttended: row.status === 'registered' && isFullyAttended(parts, attendance) };
	});
	return {
		session,
		parts,
		registered: people.filter((person) => person.status === 'registered'),
		waitlisted: people
			.filter((person) => person.status === 'waitlisted')
			.sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.registrationId.localeCompare(b.registrationId))
	};
}

/** Whether a part has begun: attendance is taken from its start (émargement), never before. */
export function partHasStarted(part: { startsAt: Date }, now: Date): boolean {
	return part.startsAt.getTime() <= now.getTime();
}

/** Whether every part is over: no certificate before the session has taken place. */
export function sessionIsOver(parts: readonly { endsAt: Date }[], now: Date): boolean {
	return parts.length > 0 && parts.every((part) => part.endsAt.getTime() <= now.getTime());
}

/**
 * The one rule for offering a certificate: the session is over and every part was attended
 * (the certificate then states the hours attended, and "l'intégralité" only when it was).
 */
export function certificateAvailable(parts: readonly { id: string; endsAt: Date }[], marks: AttendanceMarks, now: Date): boolean {
	return sessionIsOver(parts, now) && attendedEveryPart(parts, marks);
}

/** A mark as the trainer sends it; minutes null (left empty) means the whole part. */
export interface AttendanceInput {
	registrationId: string;
	partId: string;
	status: AttendanceStatus;
	minutesAttended?: number | null;
}

/**
 * Records attendance marks. Marks for people not registered to this session, or parts of
 * another session, are refused whole (a forged form changes nothing); so are marks for a
 * part that has not begun (a January session cannot be marked present in December), and
 * minutes that are not a whole number between 0 and the part's length. Minutes are kept for
 * present and late marks only; absent and excused attend none.
 */
export async function recordAttendance(
	db: DbOrTx,
	viewer: MaybeDpcViewer,
	sessionId: string,
	marks: AttendanceInput[],
	now: Date = new Date()
): Promise<number> {
	const session = await requireSessionFacts(db, sessionId);
	if (!canReadParticipants(viewer, session)) throw forbidden('dpc.cannotReadParticipants');
	if (marks.length === 0) return 0;
	const partById = new Map((await listParts(db, sessionId)).map((part) => [part.id, part]));
	const parts = new Set(partById.keys());
	const registered = new Set(
		(
			await db
				.select({ id: dpcRegistrations.id })
				.from(dpcRegistrations)
				.where(and(eq(dpcRegistrations.sessionId, sessionId), eq(dpcRegistrations.status, 'registered')))
		).map((row) => row.id)
	);
	if (marks.some((mark) => !parts.has(mark.partId) || !registered.has(mark.registrationId))) throw forbidden('dpc.attendance.foreign');
	const early = marks.map((mark) => partById.get(mark.partId)!).find((part) => !partHasStarted(part, now));
	if (early) throw new AppError('invalid', 'dpc.attendance.notStarted', { part: early.position + 1 });
	const rows = marks.map((mark) => {
		const part = partById.get(mark.partId)!;
		const attended = ATTENDED_STATUSES.includes(mark.status);
		const minutes = mark.minutesAttended ?? null;
		if (attended && minutes !== null) {
			if (!Number.isInteger(minutes) || minutes < 0) throw new AppError('invalid', 'dpc.attendance.minutesInvalid', { part: part.position + 1 });
			if (minutes > partMinutes(part))
				throw new AppError('invalid', 'dpc.attendance.minutesTooMany', { part: part.position + 1, max: partMinutes(part) });
		}
		return { ...mark, minutesAttended: attended ? minutes : null };
	});
	await db.transaction(async (tx) => {
		for (const mark of rows) {
			await tx
				.insert(dpcAttendance)
				.values({ ...mark, recordedBy: viewer!.id, recordedAt: now })
				.onConflictDoUpdate({
					target: [dpcAttendance.registrationId, dpcAttendance.partId],
					set: { status: mark.status, minutesAttended: mark.minutesAttended, recordedBy: viewer!.id, recordedAt: now }
				});
		}
		await writeAudit(tx, {
			actorId: viewer!.id,
			action: 'dpc.attendance.record',
			targetType: 'dpc_session',
			targetId: sessionId,
			details: { marks: marks.length }
		});
	});
	return marks.length;
}

/** One CSV cell: quoted, and a leading =, +, - or @ neutralised (spreadsheet formula injection). */
function csvCell(value: string | number | null | undefined): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The participant list as CSV for spreadsheets (semicolons and a BOM, as French Excel expects),
 * one column per part with its attendance. `labels` translates codes for the reader; `header`
 * names the seven first columns (name, e-mail, profession, RPPS, list, registered at, fully attended).
 */
export function participantsCsv(
	list: ParticipantList,
	labels: { header: string[]; part: (index: number) => string; profession: (code: string, form: string | null) => string; status: (code: string) => string; attendance: (code: string) => string; yes: string; no: string }
): string {
	const header = [...labels.header, ...list.parts.map((_, index) => labels.part(index))];
	const lines = [header.map(csvCell).join(';')];
	for (const person of [...list.registered, ...list.waitlisted]) {
		lines.push(
			[
				person.name,
				person.email,
				labels.profession(person.profession, person.professionForm),
				person.rpps,
				labels.status(person.status),
				person.registeredAt?.toISOString() ?? '',
				person.status === 'registered' ? (person.fullyAttended ? labels.yes : labels.no) : '',
				...list.parts.map((part) => (person.attendance[part.id] ? labels.attendance(person.attendance[part.id]!.status) : ''))
			]
				.map(csvCell)
				.join(';')
		);
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
