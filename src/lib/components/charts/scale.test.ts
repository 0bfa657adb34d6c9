import { describe, expect, it } from 'vitest';
import { niceScale, ticksFor } from './scale';

describe('niceScale', () => {
	it('rounds the largest value up to a multiple of a round step', () => {
		expect(niceScale(7, { integers: true })).toEqual({ max: 8, step: 2 });
		expect(niceScale(17, { integers: true })).toEqual({ max: 20, step: 5 });
		expect(niceScale(0.47)).toEqual({ max: 0.6, step: 0.2 });
		expect(niceScale(0.09)).toEqual({ max: 0.1, step: 0.025 });
	});

	it('never goes past the ceiling and copes with an empty chart', () => {
		expect(niceScale(0.97, { ceiling: 1 }).max).toBe(1);
		expect(niceScale(0, { integers: true })).toEqual({ max: 1, step: 1 });
	});

	it('labels every tick from zero to the maximum', () => {
		expect(ticksFor(8, 2, String).map((tick) => tick.text)).toEqual(['0', '2', '4', '6', '8']);
	});
});

describe('stage styles', () => {
	it('give each CPTS stage a style of its own', async () => {
		const { STAGE_STYLES } = await import('./types');
		const { CPTS_STAGES } = await import('../../domain/professions');
		expect(STAGE_STYLES).toHaveLength(CPTS_STAGES.length);
		expect(new Set(STAGE_STYLES.map((style) => style.fill)).size).toBe(CPTS_STAGES.length);
	});
});
