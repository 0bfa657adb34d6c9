import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_CACHED_SEARCHES, cachedFacetCounts, forgetFacetCounts } from './facet-cache';

describe('facet counts cache', () => {
	beforeEach(() => forgetFacetCounts());

	it('computes once for concurrent askers, keeps the value until it expires', async () => {
		let computed = 0;
		const compute = async () => ++computed;
		const [first, second] = await Promise.all([cachedFacetCounts('a', 1_000, compute, 0), cachedFacetCounts('a', 1_000, compute, 0)]);
		expect([first, second, computed]).toEqual([1, 1, 1]);
		expect(await cachedFacetCounts('a', 1_000, compute, 999)).toBe(1);
		expect(await cachedFacetCounts('a', 1_000, compute, 1_000)).toBe(2);
		expect(await cachedFacetCounts('b', 1_000, compute, 1_000)).toBe(3);
	});

	it('forgets everything at once, and never keeps a failed count', async () => {
		await cachedFacetCounts('a', 1_000, async () => 'old', 0);
		forgetFacetCounts();
		expect(await cachedFacetCounts('a', 1_000, async () => 'new', 1)).toBe('new');
		await expect(cachedFacetCounts('c', 1_000, async () => Promise.reject(new Error('base indisponible')), 0)).rejects.toThrow();
		expect(await cachedFacetCounts('c', 1_000, async () => 'retried', 1)).toBe('retried');
	});

	it('keeps at most MAX_CACHED_SEARCHES searches, dropping the oldest', async () => {
		for (let index = 0; index <= MAX_CACHED_SEARCHES; index += 1) await cachedFacetCounts(`q${index}`, 1_000, async () => index, 0);
		expect(await cachedFacetCounts('q0', 1_000, async () => -1, 0)).toBe(-1);
		expect(await cachedFacetCounts(`q${MAX_CACHED_SEARCHES}`, 1_000, async () => -1, 0)).toBe(MAX_CACHED_SEARCHES);
	});
});
