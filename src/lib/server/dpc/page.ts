/** What the session page shows, for the viewer: times in the place's zone and theirs, seats, their registration. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { dpcActions, dpcAttendance, dpcBodies, dpcRegistrations } from '../db/schema';
import { DEFAULT_TIME_ZONE, type ZonedRange } from '../../domain/time-zones';
import { describeInZones, zoneOffsetAt } from '../../domain/zoned-time';
import { getConfig } from '../config';
import { notFound } from '../shared/errors';
import { listActionResources } from './actions';
import { certificateAvailable, marksByPart } from './attendance';
import { partsHours } from './certificate';
import { sessionThreadPath } from './forum';
import { canManageSession, canReadParticipants, canReadSession, type MaybeDpcViewer } from './permissions';
import { findRegistration, ineligibility, isSessionTrainer, registeredCounts, waitlistPosition, type IneligibleReason } from './registrations';
import { seatsLeftFor, totalRegistered } from './seats';
import { listParts, requireSessionFacts } from './session-facts';
import { listSessionTrainers } from './sessions';

export interface PartView {
	id: string;
	position: number;
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
	hours: number;
	place: ZonedRange;
	viewer: ZonedRange | null;
}

/** Parts written in their zone and, when it shows other times, in the viewer's. */
export function describeParts(
	parts: { id: string; position: number; startsAt: Date; endsAt: Date; timeZone: string }[],
	viewerZone: string,
	locale: string
): PartView[] {
	return parts.map((part) => ({
		...part,
		hours: partsHours([part]),
		...describeInZones({ start: part.startsAt, end: part.endsAt }, part.timeZone, viewerZone, locale)
	}));
}

/**
 * Where to register for an ANDPC-funded action on the national DPC site: the configured
 * address with the reference in place of {reference}. The reference is passed as it is (an
 * opaque 11-digit string: nothing is read from its digits).
 */
export function mondpcActionUrl(reference: string, pattern: string = getConfig().MONDPC_ACTION_URL): string {
	return pattern.replaceAll('{reference}', encodeURIComponent(reference));
}

export async function getSessionPage(
	db: DbOrTx,
	viewer: MaybeDpcViewer,
	sessionId: string,
	viewerZone: string,
	locale: string,
	now: Date = new Date()
) {
	const session = await requireSessionFacts(db, sessionId);
	// A draft is invisible to those who cannot manage it: the same 404 as an unknown id.
	if (!canReadSession(viewer, session)) throw notFound('dpc.sessionNotFound');
	const [action] = await db.select().from(dpcActions).where(eq(dpcActions.id, session.actionId));
	const [body] = await db.select().from(dpcBodies).where(eq(dpcBodies.id, session.bodyId));
	const [parts, trainers, resources, counts, waiting] = await Promise.all([
		listParts(db, sessionId),
		listSessionTrainers(db, sessionId),
		listActionResources(db, session.actionId),
		registeredCounts(db, sessionId),
		db
			.select({ count: sql<number>`count(*)::int` })
			.from(dpcRegistrations)
			.where(and(eq(dpcRegistrations.sessionId, sessionId), eq(dpcRegistrations.status, 'waitlisted')))
	]);
	const mine = viewer ? await findRegistration(db, sessionId, viewer.id) : null;
	const current = mine && mine.status !== 'cancelled' ? mine : null;
	let fullyAttended = false;
	if (current?.status === 'registered') {
		const marks = await db.select().from(dpcAttendance).where(eq(dpcAttendance.registrationId, current.id));
		// Shown as "certificate available": the session must be over too.
		fullyAttended = certificateAvailable(parts, marksByPart(marks), now);
	}
	const reason: IneligibleReason | null = ineligibility(viewer, session, now, {
		isTrainer: viewer ? await isSessionTrainer(db, sessionId, viewer.id) : false,
		current: current?.status ?? null
	});
	const { searchVector: _vector, ...actionColumns } = action;
	const deadlineZone = parts[0]?.timeZone ?? DEFAULT_TIME_ZONE;
	return {
		session: {
			id: session.id,
			number: session.number,
			status: session.status,
			capacity: session.capacity,
			reservedSeats: session.reservedSeats,
			place: session.place,
			// The connection link is for the people registered and the trainers.
			videoUrl: current?.status === 'registered' || canManageSession(viewer, session) ? session.videoUrl : null,
			online: Boolean(session.videoUrl),
			regionCode: session.regionCode,
			registrationDeadline: session.registrationDeadline,
			/** The deadline is shown on the clock of the first part's place, with that zone's offset on the day. */
			deadlineZone,
			deadlineOffset: zoneOffsetAt(session.registrationDeadline, deadlineZone),
			startsAt: session.startsAt,
			endsAt: session.endsAt,
			sequence: session.sequence
		},
		action: actionColumns,
		/** ANDPC-funded: the professional also registers on the national DPC site, with the reference. */
		mondpc: action.andpcFunded ? { reference: action.reference, url: mondpcActionUrl(action.reference) } : null,
		body,
		parts: describeParts(parts, viewerZone, locale),
		totalHours: partsHours(parts),
		trainers,
		resources,
		registered: totalRegistered(counts),
		waitlisted: Number(waiting[0].count),
		seatsLeft: viewer ? seatsLeftFor(session, counts, viewer.profession) : Math.max(0, session.capacity - totalRegistered(counts)),
		mine: current
			? {
					status: current.status,
					promotedAt: current.promotedAt,
					position: current.status === 'waitlisted' ? await waitlistPosition(db, sessionId, viewer!.id) : null,
					fullyAttended
				}
			: null,
		ineligible: reason,
		canManage: canManageSession(viewer, session),
		canReadParticipants: canReadParticipants(viewer, session),
		threadPath: sessionThreadPath(session),
		viewerZone
	};
}
