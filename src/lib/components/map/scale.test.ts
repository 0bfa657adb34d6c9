import { describe, expect, it } from 'vitest';
import { classBounds, SHARE_STYLES, SHARE_THRESHOLDS, shareClass } from './scale';

describe('shareClass', () => {
	it('puts a share in one of five classes, a bound starting the upper class', () => {
		expect([0, 0.199, 0.2, 0.4, 0.599, 0.6, 0.8, 0.999, 1].map((share) => shareClass(share))).toEqual([0, 0, 1, 2, 2, 3, 4, 4, 4]);
	});

	it('has no class without a figure, and clamps shares out of range', () => {
		expect(shareClass(null)).toBeNull();
		expect(shareClass(Number.NaN)).toBeNull();
		expect(shareClass(-0.1)).toBe(0);
		expect(shareClass(1.3)).toBe(4);
	});

	it('has one style and one pair of bounds per class, from 0 to 100 %', () => {
		expect(SHARE_STYLES).toHaveLength(SHARE_THRESHOLDS.length + 1);
		expect(classBounds()).toEqual([
			[0, 0.2],
			[0.2, 0.4],
			[0.4, 0.6],
			[0.6, 0.8],
			[0.8, 1]
		]);
	});
});
