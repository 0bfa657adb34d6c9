/** Fill of a series: its colour, or its hatching pattern (declared by SeriesDefs). */
import type { Series } from './types';

export function patternId(idPrefix: string, index: number): string {
	return `${idPrefix}-pattern-${index}`;
}

export function paint(idPrefix: string, series: Series, index: number): string {
	return series.style.hatch ? `url(#${patternId(idPrefix, index)})` : series.style.fill;
}
