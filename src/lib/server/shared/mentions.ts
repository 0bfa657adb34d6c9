/**
 * The one rule of @mentions of people, for forum posts and draft comments alike: a person is
 * "@prenom-nom", the slug of her name; "@prenom-nom-xxxx" (the first four characters of her
 * id) when two people one could mean share that name. Handles are read outside code, ten at
 * most per text. Who may be mentioned, and who is then told, stays each feature's rule (the
 * forum's readers of a thread, a draft's readers).
 */
import { slugify } from '../cpts/slug';

const MAX_MENTIONS_PER_TEXT = 10;
const ID_SUFFIX = /-([a-z0-9]{4})$/;

/** The handles mentioned in a text (Markdown or plain), outside code, lower-cased, at most ten. */
export function extractMentions(source: string): string[] {
	const withoutCode = source.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
	const found = new Set<string>();
	for (const match of withoutCode.matchAll(/(^|[^\p{L}\p{N}_@/.])@([\p{L}\p{N}][\p{L}\p{N}-]{0,80})/gu)) {
		const handle = slugify(match[2]);
		if (handle.length >= 2) found.add(handle);
		if (found.size >= MAX_MENTIONS_PER_TEXT) break;
	}
	return [...found];
}

/** The handle people type to mention this user (before any id suffix). */
export function handleOf(user: { name: string }): string {
	return slugify(user.name);
}

/** The same people, each with the handle to type: her bare handle, or suffixed when shared among them. */
export function distinctHandles<T extends { id: string; handle: string }>(people: T[]): T[] {
	const counts = new Map<string, number>();
	for (const person of people) counts.set(person.handle, (counts.get(person.handle) ?? 0) + 1);
	return people.map((person) => ((counts.get(person.handle) ?? 0) > 1 ? { ...person, handle: `${person.handle}-${person.id.slice(0, 4)}` } : person));
}

/** The bare handles a typed handle may stand for (itself, and without an id suffix): what to look up. */
export function handleBases(handles: string[]): string[] {
	return [...new Set(handles.flatMap((handle) => [handle, handle.replace(ID_SUFFIX, '')]))];
}

/**
 * Who the handles name among candidates (with their bare handles): the one person whose
 * handle it is, or, for a suffixed handle, the one whose bare handle and id prefix match.
 * A handle naming nobody, or two people, is unknown.
 */
export function matchHandles(handles: string[], candidates: { id: string; handle: string }[]): { userIds: Set<string>; unknown: string[] } {
	const userIds = new Set<string>();
	const unknown: string[] = [];
	for (const handle of handles) {
		const exact = candidates.filter((row) => row.handle === handle);
		if (exact.length === 1) {
			userIds.add(exact[0].id);
			continue;
		}
		const suffix = handle.match(ID_SUFFIX)?.[1];
		const base = handle.replace(ID_SUFFIX, '');
		const byPrefix = suffix ? candidates.filter((row) => row.handle === base && row.id.startsWith(suffix)) : [];
		if (byPrefix.length === 1) userIds.add(byPrefix[0].id);
		else unknown.push(handle);
	}
	return { userIds, unknown };
}
