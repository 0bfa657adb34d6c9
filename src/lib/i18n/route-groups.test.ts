/**
 * Every key a page names in its code (its page and layouts, the components and helpers
 * they import, and what its server load or actions hand it) belongs to a group its route
 * loads, so no page shows a key or waits for the whole catalogue. Read from the sources:
 * quoted keys, and `prefix.${…}` templates (every key under the prefix).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogue.server';
import type { MessageGroup } from './keys';
import { groupsForRoute, PART_GROUPS, ROUTE_GROUPS } from './route-groups';

const src = path.resolve(import.meta.dirname, '../..');
const routesDir = path.join(src, 'routes');

const groupOfKey = new Map<string, MessageGroup>();
for (const [group, catalogue] of Object.entries(catalogues) as [MessageGroup, { fr: object }][]) {
	for (const key of Object.keys(catalogue.fr)) groupOfKey.set(key, group);
}

/** The groups of the keys a source text names. */
function keysIn(text: string): { key: string; groups: MessageGroup[] }[] {
	const found: { key: string; groups: MessageGroup[] }[] = [];
	for (const [, key] of text.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)) {
		const group = groupOfKey.get(key);
		if (group) found.push({ key, groups: [group] });
	}
	for (const [, prefix] of text.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) {
		const groups = new Set([...groupOfKey].filter(([key]) => key.startsWith(prefix)).map(([, group]) => group));
		if (groups.size > 0) found.push({ key: `${prefix}…`, groups: [...groups] });
	}
	return found;
}

/** A browser-side import of a file: resolved to a source file of ours, or null (packages, server, the i18n machinery). */
function resolveImport(from: string, specifier: string): string | null {
	let base: string;
	if (specifier.startsWith('$lib/')) base = path.join(src, 'lib', specifier.slice(5));
	else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
	else return null;
	if (base.startsWith(path.join(src, 'lib', 'server')) || base.startsWith(path.join(src, 'lib', 'i18n'))) return null;
	for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/** A file and everything it imports from our sources, for the browser. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	if (/\.server\.ts$|\+server\.ts$/.test(entry)) return seen;
	for (const [, specifier] of readFileSync(entry, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
		const file = resolveImport(entry, specifier);
		if (file) reachable(file, seen);
	}
	return seen;
}

/** Route ids of the pages, with the files that make each page (its own and its layouts'). */
function pages(): { routeId: string; files: string[] }[] {
	const found: { routeId: string; files: string[] }[] = [];
	const walk = (dir: string, inherited: string[]) => {
		const own = ['+layout.svelte', '+layout.ts', '+layout.server.ts', '+error.svelte'].map((name) => path.join(dir, name)).filter(existsSync);
		const files = [...inherited, ...own];
		if (existsSync(path.join(dir, '+page.svelte'))) {
			const page = ['+page.svelte', '+page.ts', '+page.server.ts'].map((name) => path.join(dir, name)).filter(existsSync);
			const relative = path.relative(routesDir, dir).split(path.sep).join('/');
			found.push({ routeId: `/${relative}`, files: [...files, ...page] });
		}
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(path.join(dir, entry.name), files);
		}
	};
	walk(routesDir, []);
	return found;
}

describe('message groups per route', () => {
	it('covers every key a page names', () => {
		const problems: string[] = [];
		for (const { routeId, files } of pages()) {
			const loaded = new Set(groupsForRoute(routeId));
			// A page's optional part (PART_GROUPS) and what it imports may also use the part's groups.
			const partOf = new Map<string, readonly MessageGroup[]>();
			for (const [part, groups] of Object.entries(PART_GROUPS)) {
				const file = path.join(routesDir, part);
				if (!files.some((own) => path.dirname(own) === path.dirname(file))) continue;
				for (const reached of reachable(file)) partOf.set(reached, [...(partOf.get(reached) ?? []), ...groups]);
			}
			const sources = new Set<string>();
			for (const file of files) reachable(file, sources);
			for (const file of sources) {
				for (const { key, groups } of keysIn(readFileSync(file, 'utf8'))) {
					const missing = groups.filter((group) => !loaded.has(group) && !partOf.get(file)?.includes(group));
					if (missing.length > 0) problems.push(`${routeId} : ${key} (${missing.join(', ')}) dans ${path.relative(src, file)}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('names only part files that exist', () => {
		expect(Object.keys(PART_GROUPS).filter((part) => !existsSync(path.join(routesDir, part)))).toEqual([]);
	});

	it('names only route ids that exist', () => {
		const ids = new Set(pages().map((page) => page.routeId));
		const unknown = Object.keys(ROUTE_GROUPS).filter((id) => ![...ids].some((page) => page === id || page.startsWith(`${id}/`)));
		expect(unknown).toEqual([]);
	});

	it('gives a page its route’s groups and its parents’, common first', () => {
		expect(groupsForRoute('/forums/sujet/[id]')).toEqual(['common', 'forum']);
		expect(groupsForRoute('/forums')).toEqual(['common', 'forum']);
		expect(groupsForRoute('/')).toEqual(['common', 'dashboard']);
		expect(groupsForRoute('/inconnu')).toEqual(['common']);
		expect(groupsForRoute(null)).toEqual(['common']);
	});
});
