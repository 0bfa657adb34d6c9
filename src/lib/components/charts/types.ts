/** Shapes shared by the server-rendered SVG charts. */

/** How a series is painted: a fill, optionally hatched so that it differs by more than colour. */
export interface SeriesStyle {
	fill: string;
	/** Colour of diagonal hatching drawn over the fill. */
	hatch?: string;
}

export interface Series {
	label: string;
	style: SeriesStyle;
}

export interface Tick {
	value: number;
	text: string;
}

/** Four styles from light to dark, distinguishable in greyscale (fill lightness and hatching). */
export const SEQUENTIAL_STYLES: readonly SeriesStyle[] = [
	{ fill: '#d4ebec', hatch: '#0b5d63' },
	{ fill: '#8cc3c7' },
	{ fill: '#2f7f86', hatch: '#ffffff' },
	{ fill: '#0b4a4f' }
];

/**
 * Six styles for the six stages of a CPTS (initiative → en fonctionnement), light to dark,
 * every other one hatched so that neighbours differ in greyscale too.
 */
export const STAGE_STYLES: readonly SeriesStyle[] = [
	{ fill: '#e3f2f3', hatch: '#0b5d63' },
	{ fill: '#b5dadd' },
	{ fill: '#8cc3c7', hatch: '#073c40' },
	{ fill: '#4f9aa0' },
	{ fill: '#2f7f86', hatch: '#ffffff' },
	{ fill: '#0b4a4f' }
];

export interface BarRow {
	label: string;
	values: number[];
	/** Grouped bars: the text written after each bar. */
	texts?: string[];
	/** Stacked bars: the text written after the stack. */
	totalText?: string;
	/** Draws the row's label in bold (a total line). */
	emphasis?: boolean;
}
