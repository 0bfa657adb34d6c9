import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

describe('safeRedirectTarget', () => {
	it('keeps paths of this site', () => {
		expect(safeRedirectTarget('/compte')).toBe('/compte');
		expect(safeRedirectTarget('/cpts?region=44&q=a%20b')).toBe('/cpts?region=44&q=a%20b');
	});

	it('refuses other sites, however they are written', () => {
		for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)', '', null, undefined]) {
			expect(safeRedirectTarget(target, '/repli')).toBe('/repli');
		}
	});
});
