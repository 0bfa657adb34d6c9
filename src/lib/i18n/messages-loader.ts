/**
 * Loads the messages a page needs: one chunk per group and locale (vite-plugin.ts), merged
 * once per combination. In the browser each chunk is fetched once and then cached (immutable
 * file name); on the server the same modules are imported from the build.
 */
import { files, loaders } from 'virtual:i18n-messages';
import type { MessageGroup, Messages } from './keys';
import type { Locale } from './locale';

const groupChunks = new Map<string, Promise<Messages>>();
const combinations = new Map<string, Promise<Messages>>();

function loadGroup(locale: Locale, group: MessageGroup): Promise<Messages> {
	const key = `${locale}/${group}`;
	let chunk = groupChunks.get(key);
	if (!chunk) {
		chunk = loaders[group][locale]().then((module) => module.default);
		groupChunks.set(key, chunk);
		// A failed fetch (network, new deployment) is tried again by the next navigation.
		chunk.catch(() => groupChunks.delete(key));
	}
	return chunk;
}

/** The messages of these groups in this locale, as one frozen object (the same object for the same groups). */
export function loadMessages(locale: Locale, groups: readonly MessageGroup[]): Promise<Messages> {
	const wanted = [...new Set(groups)].sort();
	const key = `${locale}/${wanted.join(',')}`;
	let merged = combinations.get(key);
	if (!merged) {
		merged = Promise.all(wanted.map((group) => loadGroup(locale, group))).then((parts) => Object.freeze(Object.assign({}, ...parts)));
		combinations.set(key, merged);
		merged.catch(() => combinations.delete(key));
	}
	return merged;
}

/** Every group of a locale. */
export function loadAllMessages(locale: Locale): Promise<Messages> {
	return loadMessages(locale, Object.keys(loaders) as MessageGroup[]);
}

/**
 * The files of these groups in this locale, from the site's root, for the server-rendered
 * page's `<link rel="modulepreload">` (none in the browser, which has imported them by then, nor in development).
 */
export function messageFiles(locale: Locale, groups: readonly MessageGroup[]): string[] {
	return [...new Set(groups)].flatMap((group) => files[group]?.[locale] ?? []);
}
