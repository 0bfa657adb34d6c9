/** Calendar days for the steering logs: ISO dates (YYYY-MM-DD), today as seen in Paris. */
import { z } from 'zod';

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Paris, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
	return parisDay.format(now);
}

/** Whether a YYYY-MM-DD string is a real calendar day. */
export function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `months` months (or `days` days) before `iso`. */
export function shiftIso(iso: string, { months = 0, days = 0 }: { months?: number; days?: number }): string {
	const date = new Date(`${iso}T00:00:00Z`);
	date.setUTCMonth(date.getUTCMonth() - months);
	date.setUTCDate(date.getUTCDate() - days);
	return date.toISOString().slice(0, 10);
}

/** A required calendar day, not after today. */
export const pastDay = z
	.string({ error: 'form.required' })
	.trim()
	.min(1, 'form.required')
	.refine(isCalendarDay, 'plans.form.date')
	.refine((value) => value <= todayIso(), 'plans.form.future');

/** An optional calendar day (empty becomes null). */
export const optionalDay = z
	.string()
	.trim()
	.optional()
	.refine((value) => !value || isCalendarDay(value), 'plans.form.date')
	.transform((value) => (value ? value : null));

/** A dated log entry (plans and follow-ups share it). */
export const logEntrySchema = z.object({
	happenedOn: pastDay,
	body: z.string({ error: 'form.required' }).trim().min(1, 'form.required').max(4000, 'form.tooLong')
});
export type LogEntryInput = z.infer<typeof logEntrySchema>;
