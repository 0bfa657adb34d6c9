/**
 * The coverage map's geometry: a static asset (static/geo/france-departements.json, built by
 * `npm run map:build`) that the browser fetches once and caches, so that no page's script
 * carries 40 kB of paths. Read and checked here.
 */

/** Where the asset is served. */
export const MAP_GEOMETRY_URL = '/geo/france-departements.json';

/** A box of the map drawn apart from metropolitan France (an overseas département). */
export interface MapInset {
	code: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface MapGeometry {
	/** The SVG viewBox of the whole map, insets included. */
	viewBox: string;
	/** SVG path data by département code. */
	paths: Record<string, string>;
	insets: MapInset[];
}

/** The 101 départements: 01 to 95 with Corse as 2A and 2B, then the five DROM. */
export const DEPARTEMENT_CODES: readonly string[] = [
	...Array.from({ length: 95 }, (_, index) => String(index + 1).padStart(2, '0')).flatMap((code) => (code === '20' ? ['2A', '2B'] : [code])),
	'971',
	'972',
	'973',
	'974',
	'976'
];

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The asset's JSON checked for shape (a stale or truncated file must not break the page): null when unusable. */
export function parseMapGeometry(value: unknown): MapGeometry | null {
	if (typeof value !== 'object' || value === null) return null;
	const { viewBox, paths, insets } = value as Record<string, unknown>;
	if (typeof viewBox !== 'string' || !/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/.test(viewBox)) return null;
	if (typeof paths !== 'object' || paths === null || Array.isArray(paths)) return null;
	const checkedPaths: Record<string, string> = {};
	for (const [code, d] of Object.entries(paths)) {
		if (typeof d !== 'string' || !/^M[\d\s.,Mlz-]*$/.test(d)) return null;
		checkedPaths[code] = d;
	}
	if (!Array.isArray(insets)) return null;
	const checkedInsets: MapInset[] = [];
	for (const inset of insets as unknown[]) {
		const { code, x, y, width, height } = (inset ?? {}) as Record<string, unknown>;
		if (typeof code !== 'string' || !isNumber(x) || !isNumber(y) || !isNumber(width) || !isNumber(height)) return null;
		checkedInsets.push({ code, x, y, width, height });
	}
	return { viewBox, paths: checkedPaths, insets: checkedInsets };
}

let pending: Promise<MapGeometry | null> | null = null;

/**
 * The geometry, fetched once per page load (the HTTP cache keeps it between visits); null
 * when it cannot be had, and then tried again on the next call.
 */
export function loadMapGeometry(fetcher: typeof fetch = fetch): Promise<MapGeometry | null> {
	pending ??= fetcher(MAP_GEOMETRY_URL)
		.then((response) => (response.ok ? response.json() : null))
		.then(parseMapGeometry)
		.catch(() => null)
		.then((geometry) => {
			if (!geometry) pending = null;
			return geometry;
		});
	return pending;
}
