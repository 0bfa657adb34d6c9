/**
 * The trigger of the digests: checks every hour and sends the daily digests once it is 7:00
 * in Paris, the weekly ones once it is 7:00 on Monday. It passes that 7:00 as the digest's
 * "now", so every run of a day (several processes, a restart at 10:00) covers the same window
 * and finds nothing left after the first one: emailed_at makes it idempotent, and nobody
 * gets two digests of a period.
 */
import { getDb, type DbOrTx } from '../db';
import { getLogger } from '../logger';
import { inZone } from '../../domain/zoned-time';
import { sendDigests } from './index';

const HOUR_MS = 60 * 60 * 1000;
export const DIGEST_HOUR = 7;
export const DIGEST_TIME_ZONE = 'Europe/Paris';

/** The latest digest time (7:00 in Paris) at or before `now`. */
export function latestDigestTime(now: Date): Date {
	const paris = inZone(now, DIGEST_TIME_ZONE);
	// luxon keeps the wall clock across a clock change: "the day before at 7:00" stays 7:00.
	const today = paris.set({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
	return (today <= paris ? today : today.minus({ days: 1 })).toJSDate();
}

/** The latest weekly digest time (Monday 7:00 in Paris) at or before `now`. */
export function latestWeeklyDigestTime(now: Date): Date {
	const daily = inZone(latestDigestTime(now), DIGEST_TIME_ZONE);
	// ISO weeks start on Monday.
	return daily.startOf('week').set({ hour: DIGEST_HOUR }).toJSDate();
}

/**
 * Sends the digests due at `now`: the daily ones of the day ending at the latest 7:00 in
 * Paris, the weekly ones of the week ending at the latest Monday 7:00.
 */
export async function sendDueDigests(db: DbOrTx, now: Date = new Date()) {
	const daily = await sendDigests(db, latestDigestTime(now), 'daily');
	const weekly = await sendDigests(db, latestWeeklyDigestTime(now), 'weekly');
	return { mails: daily.mails + weekly.mails, notifications: daily.notifications + weekly.notifications };
}

/**
 * Starts the hourly check (and one right away). Returns a function that stops it. The
 * timer does not keep the process alive; a failed run is logged and retried next hour.
 */
export function startDigestScheduler(options: { intervalMs?: number; now?: () => Date } = {}): () => void {
	const now = options.now ?? (() => new Date());
	let running = false;
	const tick = async () => {
		// An hour is long, but a slow SMTP server must not make two runs overlap.
		if (running) return;
		running = true;
		try {
			const result = await sendDueDigests(await getDb(), now());
			if (result.mails > 0) getLogger().info(result, 'notification digests sent');
		} catch (error) {
			getLogger().error({ err: error }, 'notification digests failed');
		} finally {
			running = false;
		}
	};
	const timer = setInterval(tick, options.intervalMs ?? HOUR_MS);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
