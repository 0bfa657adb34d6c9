/**
 * Validation of DPC inputs at the boundary: the action form, the session form (with its
 * repeated parts, each in its place's time zone), attendance and catalogue filters.
 * Errors are catalogue keys, keyed by field ("parts.1.end" for the second part's end).
 */
import { z } from 'zod';
import {
	ACTION_REFERENCE_PATTERN,
	ATTENDANCE_STATUSES,
	DPC_FORMATS,
	HAS_METHODS,
	MAX_SESSION_CAPACITY,
	MAX_SESSION_PARTS,
	type AttendanceStatus,
	type DpcFormat
} from '../../domain/dpc';
import { MISSIONS, type Mission } from '../../domain/library';
import { PROFESSIONS, type Profession } from '../../domain/professions';
import { instantToZonedInput, zonedTimeToInstant } from '../../domain/zoned-time';
import { placeTimeZone } from '../calendar/zones';
import { fields, formValues, parseForm, type FieldErrors, type FormResult } from '../shared/forms';
import type { AttendanceInput } from './attendance';

export const ACTION_ARRAY_FIELDS = ['professions', 'missions', 'resourceIds'];

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'form.choice' });
const choices = <T extends readonly [string, ...string[]]>(values: T) =>
	z.array(choice(values)).max(values.length).transform((list) => [...new Set(list)]);

const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === 'true');

export const actionFormSchema = z.object({
	reference: z
		.string({ error: 'form.required' })
		.transform((value) => value.replace(/[\s.\u00a0\u202f-]/g, ''))
		.pipe(z.string().min(1, 'form.required').regex(ACTION_REFERENCE_PATTERN, 'dpc.form.reference')),
	title: fields.requiredText(200),
	orientation: fields.requiredText(300),
	method: choice(HAS_METHODS),
	format: choice(DPC_FORMATS),
	professions: choices(PROFESSIONS).refine((list) => list.length > 0, 'dpc.form.professionsRequired'),
	interprofessional: checkbox,
	andpcFunded: checkbox,
	missions: choices(MISSIONS),
	objectives: fields.requiredText(4000),
	programme: fields.requiredText(12_000),
	resourceIds: z.array(z.string().max(40)).max(20).default([])
});
export type ActionInput = z.infer<typeof actionFormSchema> & { professions: Profession[]; missions: Mission[] };

/** Reads the action form; an interprofessional action targets at least two professions. */
export function parseActionForm(formData: FormData): FormResult<ActionInput> {
	const result = parseForm(actionFormSchema, formData, ACTION_ARRAY_FIELDS);
	if (result.ok && result.data.interprofessional && result.data.professions.length < 2) {
		return { ok: false, errors: { professions: 'dpc.form.interprofessionalNeedsTwo' }, values: result.values };
	}
	return result as FormResult<ActionInput>;
}

export interface PartInput {
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
}

export interface SessionInput {
	number: number;
	capacity: number;
	reservedSeats: Partial<Record<Profession, number>>;
	place: string | null;
	videoUrl: string | null;
	regionCode: string | null;
	registrationDeadline: Date;
	parts: PartInput[];
	trainerIds: string[];
}

/** A whole number, signed, so "-3" is told "must be positive" rather than "not a number". */
function readInteger(raw: FormDataEntryValue | null): number | 'missing' | 'invalid' {
	const value = typeof raw === 'string' ? raw.replace(/\s|\u00a0|\u202f/g, '') : '';
	if (!value) return 'missing';
	if (!/^[-−]?\d{1,6}$/.test(value)) return 'invalid';
	return Number(value.replace('−', '-'));
}

const videoUrlSchema = z.url({ protocol: /^https$/, error: 'form.url' }).max(500, 'form.tooLong');

/**
 * How far ahead a session may be planned: a date beyond it is a typing slip (2062 for 2026),
 * not a plan. Three years, the length of a DPC period.
 */
export const SESSION_HORIZON_MS = 3 * 365.25 * 86_400_000;

/**
 * Reads the session form. Parts come as repeated fields partStart/partEnd/partZone (one
 * triple per part, empty rows ignored); the deadline is a wall-clock time in the first
 * part's zone. `now` decides what "in the past" means (tests pass it).
 */
export function parseSessionForm(formData: FormData, now: Date = new Date()): FormResult<SessionInput> {
	const values = { ...formValues(formData), ...partValues(formData) };
	const errors: FieldErrors = {};
	const text = (name: string) => {
		const value = formData.get(name);
		return typeof value === 'string' ? value.trim() : '';
	};

	const number = readInteger(formData.get('number'));
	if (number === 'missing') errors.number = 'form.required';
	else if (number === 'invalid') errors.number = 'form.integer';
	else if (number < 1) errors.number = 'dpc.form.numberPositive';

	const capacity = readInteger(formData.get('capacity'));
	if (capacity === 'missing') errors.capacity = 'form.required';
	else if (capacity === 'invalid') errors.capacity = 'form.integer';
	else if (capacity < 1) errors.capacity = 'dpc.form.capacityPositive';
	else if (capacity > MAX_SESSION_CAPACITY) errors.capacity = 'form.tooLarge';

	const reservedSeats: Partial<Record<Profession, number>> = {};
	let reservedTotal = 0;
	for (const profession of PROFESSIONS) {
		const raw = text(`reserved_${profession}`);
		if (!raw) continue;
		const seats = readInteger(raw);
		if (seats === 'invalid' || seats === 'missing') errors[`reserved_${profession}`] = 'form.integer';
		else if (seats < 0) errors[`reserved_${profession}`] = 'dpc.form.reservedNegative';
		else if (seats > 0) {
			reservedSeats[profession] = seats;
			reservedTotal += seats;
		}
	}
	if (typeof capacity === 'number' && capacity >= 1 && reservedTotal > capacity) errors.reserved = 'dpc.form.reservedOverCapacity';

	const place = text('place') || null;
	if (text('place').length > 300) errors.place = 'form.tooLong';
	let videoUrl: string | null = null;
	if (text('videoUrl')) {
		const parsed = videoUrlSchema.safeParse(text('videoUrl'));
		if (parsed.success) videoUrl = parsed.data;
		else errors.videoUrl = 'dpc.form.videoUrl';
	}
	if (!place && !videoUrl && !errors.videoUrl) errors.place = 'dpc.form.placeOrVideo';
	const regionCode = text('regionCode') || null;
	if (regionCode && !/^\d{2}$/.test(regionCode)) errors.regionCode = 'form.choice';

	const starts = formData.getAll('partStart').map(String);
	const ends = formData.getAll('partEnd').map(String);
	const zones = formData.getAll('partZone').map(String);
	// Errors are keyed by the row of the form ("parts.2.end"), as the page shows the rows again.
	const parts: (PartInput & { row: number })[] = [];
	const rows = Math.min(Math.max(starts.length, ends.length), MAX_SESSION_PARTS + 1);
	for (let index = 0; index < rows; index++) {
		const start = (starts[index] ?? '').trim();
		const end = (ends[index] ?? '').trim();
		if (!start && !end) continue;
		const key = `parts.${index}`;
		const zone = placeTimeZone(zones[index] ?? '');
		if (!zone) errors[`${key}.zone`] = 'calendar.zone.unknown';
		const startsAt = start ? zonedTimeToInstant(start, zone ?? 'UTC') : null;
		const endsAt = end ? zonedTimeToInstant(end, zone ?? 'UTC') : null;
		if (!start) errors[`${key}.start`] = 'form.required';
		else if (!startsAt) errors[`${key}.start`] = 'dpc.form.dateTime';
		if (!end) errors[`${key}.end`] = 'form.required';
		else if (!endsAt) errors[`${key}.end`] = 'dpc.form.dateTime';
		if (startsAt && endsAt && zone) {
			if (endsAt.getTime() <= startsAt.getTime()) errors[`${key}.end`] = 'dpc.form.endBeforeStart';
			else if (endsAt.getTime() - startsAt.getTime() > 24 * 3_600_000) errors[`${key}.end`] = 'dpc.form.partTooLong';
			if (startsAt.getTime() > now.getTime() + SESSION_HORIZON_MS) errors[`${key}.start`] = 'dpc.form.tooFar';
			parts.push({ startsAt, endsAt, timeZone: zone, row: index });
		}
	}
	if (parts.length === 0 && !Object.keys(errors).some((key) => key.startsWith('parts.'))) errors['parts.0.start'] = 'dpc.form.partsRequired';
	if (parts.length > MAX_SESSION_PARTS) errors.parts = 'dpc.form.tooManyParts';
	// Parts of one session never overlap each other.
	const ordered = [...parts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
	for (let i = 1; i < ordered.length; i++) {
		if (ordered[i].startsAt < ordered[i - 1].endsAt) {
			errors[`parts.${Math.max(ordered[i].row, ordered[i - 1].row)}.start`] = 'dpc.form.partsOverlap';
		}
	}

	const firstZone = ordered[0]?.timeZone ?? placeTimeZone(zones[0] ?? '') ?? 'Europe/Paris';
	const deadlineText = text('registrationDeadline');
	const registrationDeadline = deadlineText ? zonedTimeToInstant(deadlineText, firstZone) : null;
	if (!deadlineText) errors.registrationDeadline = 'form.required';
	else if (!registrationDeadline) errors.registrationDeadline = 'dpc.form.dateTime';
	else if (registrationDeadline.getTime() <= now.getTime()) errors.registrationDeadline = 'dpc.form.deadlinePast';
	else if (ordered[0] && registrationDeadline > ordered[0].startsAt) errors.registrationDeadline = 'dpc.form.deadlineAfterStart';

	const trainerIds = [...new Set(formData.getAll('trainerIds').map(String).filter(Boolean))].slice(0, 20);
	if (trainerIds.length === 0) errors.trainerIds = 'dpc.form.trainersRequired';

	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	return {
		ok: true,
		values,
		data: {
			number: number as number,
			capacity: capacity as number,
			reservedSeats,
			place,
			videoUrl,
			regionCode,
			registrationDeadline: registrationDeadline!,
			parts: ordered.map(({ startsAt, endsAt, timeZone }) => ({ startsAt, endsAt, timeZone })),
			trainerIds
		}
	};
}

/** The typed parts as lists, so a failed form shows every row again. */
function partValues(formData: FormData): Record<string, string> {
	return {
		partStart: JSON.stringify(formData.getAll('partStart').map(String)),
		partEnd: JSON.stringify(formData.getAll('partEnd').map(String)),
		partZone: JSON.stringify(formData.getAll('partZone').map(String))
	};
}

export const attendanceSchema = z.enum(ATTENDANCE_STATUSES);

/** Attendance marks from the émargement form: fields "a:<registrationId>:<partId>". */
export function parseAttendanceForm(formData: FormData): AttendanceInput[] {
	const marks: AttendanceInput[] = [];
	for (const [key, value] of formData.entries()) {
		const match = /^a:([a-z0-9]{1,40}):([a-z0-9]{1,40})$/.exec(key);
		const status = attendanceSchema.safeParse(value);
		if (!match || !status.success) continue;
		// "m:" beside "a:" holds the minutes attended; empty means the whole part. Anything
		// that is not a whole number is passed on as NaN for recordAttendance to refuse.
		const minutes = String(formData.get(`m:${match[1]}:${match[2]}`) ?? '').trim();
		marks.push({
			registrationId: match[1],
			partId: match[2],
			status: status.data,
			minutesAttended: minutes === '' ? null : /^-?\d+$/.test(minutes) ? Number(minutes) : Number.NaN
		});
	}
	return marks.slice(0, 5000);
}

export interface CatalogueFilters {
	q: string;
	profession: Profession | null;
	region: string | null;
	format: DpcFormat | null;
	mission: Mission | null;
	interprofessional: boolean;
	from: string | null;
	to: string | null;
	page: number;
}

/** Catalogue filters from the URL; anything malformed is dropped rather than refused. */
export function parseCatalogueFilters(params: URLSearchParams): CatalogueFilters {
	const pick = <T extends string>(name: string, list: readonly T[]) => {
		const value = params.get(name);
		return value && (list as readonly string[]).includes(value) ? (value as T) : null;
	};
	const date = (name: string) => {
		const value = params.get(name);
		return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
	};
	const region = params.get('region');
	const page = Number(params.get('page'));
	return {
		q: (params.get('q') ?? '').trim().slice(0, 200),
		profession: pick('profession', PROFESSIONS),
		region: region && /^\d{2}$/.test(region) ? region : null,
		format: pick('format', DPC_FORMATS),
		mission: pick('mission', MISSIONS),
		interprofessional: params.get('interpro') === '1',
		from: date('du'),
		to: date('au'),
		page: Number.isSafeInteger(page) && page > 1 && page < 1000 ? page : 1
	};
}

/** A saved session as the form's values (wall-clock times of each part's place). */
export function sessionFormValues(
	session: { number: number; capacity: number; reservedSeats: Partial<Record<string, number>>; place: string | null; videoUrl: string | null; regionCode: string | null; registrationDeadline: Date },
	parts: { startsAt: Date; endsAt: Date; timeZone: string }[],
	trainerIds: string[]
): Record<string, string> {
	const firstZone = parts[0]?.timeZone ?? 'Europe/Paris';
	return {
		number: String(session.number),
		capacity: String(session.capacity),
		...Object.fromEntries(Object.entries(session.reservedSeats).map(([code, seats]) => [`reserved_${code}`, String(seats)])),
		place: session.place ?? '',
		videoUrl: session.videoUrl ?? '',
		regionCode: session.regionCode ?? '',
		registrationDeadline: instantToZonedInput(session.registrationDeadline, firstZone),
		partStart: JSON.stringify(parts.map((part) => instantToZonedInput(part.startsAt, part.timeZone))),
		partEnd: JSON.stringify(parts.map((part) => instantToZonedInput(part.endsAt, part.timeZone))),
		partZone: JSON.stringify(parts.map((part) => part.timeZone)),
		trainerIds: trainerIds.join(',')
	};
}

/** An action as the form's values. */
export function actionFormValues(action: {
	reference: string;
	title: string;
	orientation: string;
	method: string;
	format: string;
	professions: string[];
	interprofessional: boolean;
	andpcFunded: boolean;
	missions: string[];
	objectives: string;
	programme: string;
	resourceIds: string[];
}): Record<string, string> {
	return {
		reference: action.reference,
		title: action.title,
		orientation: action.orientation,
		method: action.method,
		format: action.format,
		professions: action.professions.join(','),
		interprofessional: action.interprofessional ? 'on' : '',
		andpcFunded: action.andpcFunded ? 'on' : '',
		missions: action.missions.join(','),
		objectives: action.objectives,
		programme: action.programme,
		resourceIds: action.resourceIds.join(',')
	};
}
