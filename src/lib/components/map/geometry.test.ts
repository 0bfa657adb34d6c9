import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEPARTEMENT_CODES, loadMapGeometry, MAP_GEOMETRY_URL, parseMapGeometry } from './geometry';

const valid = { viewBox: '0 0 725 585', insets: [{ code: '971', x: 0, y: 0, width: 104, height: 104 }], paths: { '01': 'M1,2l3,4-1,1z' } };

describe('parseMapGeometry', () => {
	it('accepts the asset’s shape', () => {
		expect(parseMapGeometry(valid)).toEqual(valid);
	});

	it('refuses what is not map geometry', () => {
		expect(parseMapGeometry(null)).toBeNull();
		expect(parseMapGeometry('<html>')).toBeNull();
		expect(parseMapGeometry({ ...valid, viewBox: 'large' })).toBeNull();
		expect(parseMapGeometry({ ...valid, paths: { '01': 'M1,2" onload="x' } })).toBeNull();
		expect(parseMapGeometry({ ...valid, insets: [{ code: '971', x: '0' }] })).toBeNull();
	});
});

describe('DEPARTEMENT_CODES', () => {
	it('lists 01 to 95 with 2A and 2B instead of 20, then the five DROM', () => {
		expect(DEPARTEMENT_CODES).toHaveLength(101);
		expect(DEPARTEMENT_CODES.slice(17, 22)).toEqual(['18', '19', '2A', '2B', '21']);
		expect(DEPARTEMENT_CODES).not.toContain('20');
		expect(DEPARTEMENT_CODES.slice(-5)).toEqual(['971', '972', '973', '974', '976']);
	});
});

describe('loadMapGeometry', () => {
	afterEach(() => vi.restoreAllMocks());

	it('fetches the asset once, and again after a failure', async () => {
		const failing = vi.fn(async () => new Response('', { status: 503 }));
		expect(await loadMapGeometry(failing as typeof fetch)).toBeNull();
		const working = vi.fn(async () => Response.json(valid));
		expect(await loadMapGeometry(working as typeof fetch)).toEqual(valid);
		expect(await loadMapGeometry(working as typeof fetch)).toEqual(valid);
		expect(failing).toHaveBeenCalledWith(MAP_GEOMETRY_URL);
		expect(working).toHaveBeenCalledTimes(1);
	});
});
