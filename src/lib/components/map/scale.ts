/** The coverage map's colour scale: five classes of share covered, and a style for "no figure". */
import type { SeriesStyle } from '../charts/types';

/** Lower bounds of classes 2 to 5 (class 1 starts at 0): equal fifths of the population. */
export const SHARE_THRESHOLDS: readonly number[] = [0.2, 0.4, 0.6, 0.8];

/**
 * Five styles from light to dark, the teal of the charts; the second and fourth are hatched
 * so that neighbouring classes differ in greyscale too, and the lightest is plain so that it
 * differs from "no figure" (white, hatched in grey). Départements are outlined in grey, so
 * the lightest class still shows its edge on a white page.
 */
export const SHARE_STYLES: readonly SeriesStyle[] = [
	{ fill: '#e4f2f3' },
	{ fill: '#a9d4d7', hatch: '#2f7f86' },
	{ fill: '#5fa9af' },
	{ fill: '#2f7f86', hatch: '#ffffff' },
	{ fill: '#0b4a4f' }
];

/** No figure for the area: white, hatched in grey. */
export const NO_DATA_STYLE: SeriesStyle = { fill: '#ffffff', hatch: '#6b7a7e' };

/** The class (0 to 4) of a share between 0 and 1, or null when there is no figure; out-of-range shares are clamped. */
export function shareClass(share: number | null, thresholds: readonly number[] = SHARE_THRESHOLDS): number | null {
	if (share === null || !Number.isFinite(share)) return null;
	let index = 0;
	while (index < thresholds.length && share >= thresholds[index]) index += 1;
	return index;
}

/** The bounds of each class, for the legend: [0, 0.2], [0.2, 0.4] … [0.8, 1]. */
export function classBounds(thresholds: readonly number[] = SHARE_THRESHOLDS): [from: number, to: number][] {
	const edges = [0, ...thresholds, 1];
	return edges.slice(0, -1).map((from, index) => [from, edges[index + 1]]);
}
