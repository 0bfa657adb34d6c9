import { describe, expect, it } from 'vitest';
import { latestDigestTime } from './scheduler';

const at = (iso: string) => latestDigestTime(new Date(iso)).toISOString();

describe('latestDigestTime: the last 7:00 in Paris', () => {
	it('in winter (UTC+1) and in summer (UTC+2)', () => {
		expect(at('2026-01-15T06:30:00Z')).toBe('2026-01-15T06:00:00.000Z');
		expect(at('2026-01-15T06:00:00Z')).toBe('2026-01-15T06:00:00.000Z');
		expect(at('2026-07-01T05:00:00Z')).toBe('2026-07-01T05:00:00.000Z');
		expect(at('2026-07-01T21:59:00Z')).toBe('2026-07-01T05:00:00.000Z');
	});

	it('before 7:00 it is the day before, across months and years', () => {
		expect(at('2026-01-15T05:59:59Z')).toBe('2026-01-14T06:00:00.000Z');
		expect(at('2026-03-01T05:00:00Z')).toBe('2026-02-28T06:00:00.000Z');
		// 1:30 on 1 January in Paris is still 31 December in UTC terms for the digest.
		expect(at('2026-01-01T00:30:00Z')).toBe('2025-12-31T06:00:00.000Z');
		expect(at('2025-12-31T23:30:00Z')).toBe('2025-12-31T06:00:00.000Z');
	});

	it('on the days the clocks change', () => {
		// 29 March 2026: 2:00 becomes 3:00, so 7:00 is 05:00 UTC that day.
		expect(at('2026-03-29T05:30:00Z')).toBe('2026-03-29T05:00:00.000Z');
		expect(at('2026-03-29T04:30:00Z')).toBe('2026-03-28T06:00:00.000Z');
		// 25 October 2026: 3:00 becomes 2:00, so 7:00 is 06:00 UTC that day.
		expect(at('2026-10-25T06:00:00Z')).toBe('2026-10-25T06:00:00.000Z');
		expect(at('2026-10-25T05:30:00Z')).toBe('2026-10-24T05:00:00.000Z');
	});
});
