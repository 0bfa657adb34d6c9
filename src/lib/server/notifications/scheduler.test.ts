import { describe, expect, it } from 'vitest';
import { latestDigestTime, latestWeeklyDigestTime } from './scheduler';

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

const weekly = (iso: string) => latestWeeklyDigestTime(new Date(iso)).toISOString();

describe('latestWeeklyDigestTime: the last Monday 7:00 in Paris', () => {
	it('is this Monday from 7:00 on, last Monday before', () => {
		// Monday 12 January 2026, 7:00 in Paris is 06:00 UTC.
		expect(weekly('2026-01-12T06:00:00Z')).toBe('2026-01-12T06:00:00.000Z');
		expect(weekly('2026-01-12T05:59:00Z')).toBe('2026-01-05T06:00:00.000Z');
		expect(weekly('2026-01-18T22:30:00Z')).toBe('2026-01-12T06:00:00.000Z');
		// Sunday 23:30 in Paris on 18 January is still that week; 00:30 on Monday too (before 7:00).
		expect(weekly('2026-01-18T23:30:00Z')).toBe('2026-01-12T06:00:00.000Z');
	});

	it('across a month end and the clock change', () => {
		// Monday 2 March 2026 (winter): 06:00 UTC; the week after the 29 March change starts
		// on Monday 30 March at 05:00 UTC.
		expect(weekly('2026-03-04T10:00:00Z')).toBe('2026-03-02T06:00:00.000Z');
		expect(weekly('2026-03-29T12:00:00Z')).toBe('2026-03-23T06:00:00.000Z');
		expect(weekly('2026-03-30T05:00:00Z')).toBe('2026-03-30T05:00:00.000Z');
	});
});
