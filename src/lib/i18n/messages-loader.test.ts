/** The per-locale chunks (vite-plugin.ts, through Vitest's Vite) hold exactly the catalogue's messages. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loaders } from 'virtual:i18n-messages';
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogue.server';
import type { MessageGroup } from './keys';
import { loadAllMessages, loadMessages } from './messages-loader';
import { missingMessage, useServerCatalogue } from './missing.svelte';

const groups = Object.keys(catalogues) as MessageGroup[];

describe('message chunks', () => {
	it('has one loader per file of messages/, for both locales', () => {
		const files = readdirSync(path.join(import.meta.dirname, 'messages')).map((name) => name.replace(/\.ts$/, ''));
		expect(Object.keys(loaders).sort()).toEqual(files.sort());
		expect(groups.sort()).toEqual(files.sort());
		for (const group of groups) expect(Object.keys(loaders[group]).sort()).toEqual(['en', 'fr']);
	});

	it('serves each group in one locale only', async () => {
		for (const group of groups) {
			expect((await loaders[group].fr()).default).toEqual(catalogues[group].fr);
			expect((await loaders[group].en()).default).toEqual(catalogues[group].en);
		}
	});

	it('merges the groups a page asks for, once per combination', async () => {
		const messages = await loadMessages('en', ['common', 'forum']);
		expect(messages).toEqual({ ...catalogues.common.en, ...catalogues.forum.en });
		expect(messages['forum.title']).toBe('Practice-exchange forums');
		expect(messages['library.title']).toBeUndefined();
		expect(await loadMessages('en', ['forum', 'common', 'forum'])).toBe(messages);
		expect(Object.keys(await loadAllMessages('fr')).length).toBe(
			groups.reduce((sum, group) => sum + Object.keys(catalogues[group].fr).length, 0)
		);
	});
});

describe('a key outside the loaded groups', () => {
	it('is answered by the whole catalogue on the server, and said once', () => {
		const said: string[] = [];
		useServerCatalogue(
			(locale, key) => (key === 'library.title' ? `${locale}:Bibliothèque` : undefined),
			(locale, key) => said.push(`${locale}/${key}`)
		);
		expect(missingMessage('fr', 'library.title')).toBe('fr:Bibliothèque');
		expect(missingMessage('fr', 'library.title')).toBe('fr:Bibliothèque');
		expect(missingMessage('en', 'not.a.key')).toBe('not.a.key');
		expect(said).toEqual(['fr/library.title', 'en/not.a.key']);
	});
});
