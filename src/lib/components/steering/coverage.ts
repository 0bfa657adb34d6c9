/** Shares and series of the coverage pages (browser and server alike). */
import { SEQUENTIAL_STYLES, type Series } from '../charts/types';

/** Population of a place by coverage status (as the server's CoverageFigures). */
export interface Figures {
	population: number;
	populationOperating: number;
	populationProject: number;
	populationUncovered: number;
}

/** Shares of the population (0..1): in operation, in a project, covered (both), in no CPTS. */
export function sharesOf(figures: Figures) {
	const of = (value: number) => (figures.population > 0 ? value / figures.population : 0);
	return {
		operating: of(figures.populationOperating),
		project: of(figures.populationProject),
		covered: of(figures.populationOperating + figures.populationProject),
		uncovered: of(figures.populationUncovered)
	};
}

/** In operation (dark), in a project (mid), in no CPTS (light, hatched): distinct in greyscale too. */
export function coverageSeries(labels: { operating: string; project: string; uncovered: string }): Series[] {
	return [
		{ label: labels.operating, style: SEQUENTIAL_STYLES[3] },
		{ label: labels.project, style: SEQUENTIAL_STYLES[1] },
		{ label: labels.uncovered, style: SEQUENTIAL_STYLES[0] }
	];
}
