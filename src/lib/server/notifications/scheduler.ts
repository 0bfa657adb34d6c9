/**
 * The trigger of the daily digest: checks every hour and sends the digest of the day once
 * it is 7:00 in Paris. It passes today's 7:00 as the digest's "now", so every run of a day
 * (several processes, a restart at 10:00) covers the same window and finds nothing left
 * after the first one: emailed_at makes it idempotent, and nobody gets two digests a day.
 */
import { getDb, type DbOrTx } from '../db';
import { getLogger } from '../logger';
import { sendDigests } from './index';

const HOUR_MS = 60 * 60 * 1000;
export const DIGEST_HOUR = 7;
export const DIGEST_TIME_ZONE = 'Europe/Paris';

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: DIGEST_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** The Paris wall clock of an instant, read as if it were UTC (to do arithmetic on it). */
function parisWallClockAsUtc(instant: Date): number {
	const parts = Object.fromEntries(wallClockFormat.formatToParts(instant).map((part) => [part.type, part.value]));
	return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

/** The instant at which Paris clocks show the given date and hour (DST-aware). */
function parisInstant(year: number, monthIndex: number, day: number, hour: number): Date {
	const asUtc = Date.UTC(year, monthIndex, day, hour);
	// The offset at a first guess, then again at the corrected instant (around DST changes).
	let instant = asUtc - (parisWallClockAsUtc(new Date(asUtc)) - asUtc);
	instant = asUtc - (parisWallClockAsUtc(new Date(instant)) - instant);
	return new Date(instant);
}

/** The latest digest time (7:00 in Paris) at or before `now`. */
export function latestDigestTime(now: Date): Date {
	const wall = new Date(parisWallClockAsUtc(now));
	const today = parisInstant(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), DIGEST_HOUR);
	if (today.getTime() <= now.getTime()) return today;
	const yesterday = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() - 1));
	return parisInstant(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate(), DIGEST_HOUR);
}

/** Sends the digest due at `now`: the one of the day ending at the latest 7:00 in Paris. */
export function sendDueDigests(db: DbOrTx, now: Date = new Date()) {
	return sendDigests(db, latestDigestTime(now));
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
