import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPARTEMENT_CODES, parseMapGeometry } from '../../components/map/geometry';
import { buildFranceMap, encodePath, parseSvgPath, serializeMap, simplifyRing } from './france-map';

const committed = path.resolve(import.meta.dirname, '../../../../static/geo/france-departements.json');

describe('the coverage map geometry', () => {
	const built = buildFranceMap();

	it('is the committed asset (run `npm run map:build` after changing the generator or the map packages)', () => {
		expect(serializeMap(built)).toBe(readFileSync(committed, 'utf8'));
	});

	it('has the 101 départements, Corse as 2A and 2B, and no other shape', () => {
		expect(Object.keys(built.paths).sort()).toEqual([...DEPARTEMENT_CODES].sort());
		expect(DEPARTEMENT_CODES).toHaveLength(101);
		for (const [code, d] of Object.entries(built.paths)) expect(d, code).toMatch(/^M.+z$/);
	});

	it('draws each overseas département in its own inset, inside the view box', () => {
		const [, , width, height] = built.viewBox.split(' ').map(Number);
		expect(built.insets.map((inset) => inset.code)).toEqual(['971', '972', '973', '974', '976']);
		for (const inset of built.insets) {
			expect(inset.x + inset.width).toBeLessThanOrEqual(width);
			expect(inset.y + inset.height).toBeLessThanOrEqual(height);
			const points = parseSvgPath(built.paths[inset.code]).flat();
			expect(points.every(([x, y]) => x >= inset.x && x <= inset.x + inset.width && y >= inset.y && y <= inset.y + inset.height), inset.code).toBe(true);
		}
		// Guadeloupe is several islands; Mayotte two.
		expect(parseSvgPath(built.paths['971']).length).toBeGreaterThanOrEqual(4);
		expect(parseSvgPath(built.paths['976']).length).toBeGreaterThanOrEqual(2);
	});

	it('reads back as valid geometry for the browser', () => {
		expect(parseMapGeometry(JSON.parse(serializeMap(built)))).toEqual(built);
	});
});

describe('SVG paths', () => {
	it('reads relative movetos after a closepath from the start of the closed ring', () => {
		expect(parseSvgPath('m 10,10 5,0 0,5 z m 20,0 1,1 -1,1 z')).toEqual([
			[
				[10, 10],
				[15, 10],
				[15, 15]
			],
			[
				[30, 10],
				[31, 11],
				[30, 12]
			]
		]);
	});

	it('writes rings back rounded to a tenth, relative, without repeated points', () => {
		const d = encodePath([
			[
				[10.04, 10],
				[15.5, 10],
				[15.5, 10.01],
				[15.5, 4.5],
				[10, 10.5]
			]
		]);
		expect(d).toBe('M10,10l5.5,0,0-5.5-5.5,6z');
		expect(parseSvgPath(d)[0]).toEqual([
			[10, 10],
			[15.5, 10],
			[15.5, 4.5],
			[10, 10.5]
		]);
	});

	it('drops points that stray less than the tolerance from a straight edge', () => {
		const square = [
			[0, 0],
			[5, 0.1],
			[10, 0],
			[10, 10],
			[0, 10]
		] as [number, number][];
		expect(simplifyRing(square, 0.25)).toEqual([
			[0, 0],
			[10, 0],
			[10, 10],
			[0, 10]
		]);
	});
});
