/**
 * @mentions in posts: of people (the rule shared with draft comments, shared/mentions.ts:
 * @prenom-nom, or @prenom-nom-xxxx when two people share a name), of facilitators
 * (@animateurs) and of a CPTS (@<its slug>, e.g. @cpts-sud-toulois: its active members).
 *
 * Only people who may read the thread are notified: a mention in a CPTS's private space
 * never tells a non-member the title. A CPTS is mentioned only by its own members or by
 * facilitators, so a stranger cannot page three hundred people.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, cptsMemberships, forumPosts, userRoles, users } from '../db/schema';
import { listMembers } from '../cpts';
import { slugify } from '../cpts/slug';
import { distinctHandles, extractMentions, handleBases, handleOf, matchHandles } from '../shared/mentions';
import { isForumFacilitator, type ForumViewer } from './permissions';

export { extractMentions, handleOf };

/** Handles that name the facilitators as a group. */
export const FACILITATOR_HANDLES = new Set(['animateurs', 'animatrices', 'animation']);
const MAX_GROUP_RECIPIENTS = 500;

const handleSql = sql`trim(both '-' from regexp_replace(lower(immutable_unaccent(${users.name})), '[^a-z0-9]+', '-', 'g'))`;

export interface ResolvedMentions {
	/** User ids to notify (before the readability filter). */
	userIds: Set<string>;
	/** Handles that named nobody (shown to the author as a hint). */
	unknown: string[];
}

/** Who the handles name. */
export async function resolveMentions(db: DbOrTx, author: ForumViewer, handles: string[]): Promise<ResolvedMentions> {
	const userIds = new Set<string>();
	const unknown: string[] = [];
	if (handles.length === 0) return { userIds, unknown };
	const personHandles = handles.filter((handle) => !FACILITATOR_HANDLES.has(handle));
	if (handles.some((handle) => FACILITATOR_HANDLES.has(handle))) {
		const facilitators = await db
			.select({ id: userRoles.userId })
			.from(userRoles)
			.where(eq(userRoles.role, 'facilitator'))
			.limit(MAX_GROUP_RECIPIENTS);
		for (const row of facilitators) userIds.add(row.id);
	}
	const groups = personHandles.length
		? await db.select({ id: cpts.id, slug: cpts.slug }).from(cpts).where(inArray(cpts.slug, personHandles))
		: [];
	for (const group of groups) {
		// Only its members and facilitators may page a whole CPTS.
		if (!author.memberOf.has(group.id) && !isForumFacilitator(author)) continue;
		for (const member of (await listMembers(db, group.id)).slice(0, MAX_GROUP_RECIPIENTS)) userIds.add(member.userId);
	}
	const groupSlugs = new Set(groups.map((group) => group.slug));
	const remaining = personHandles.filter((handle) => !groupSlugs.has(handle));
	if (remaining.length > 0) {
		// "camille-martin" or, when two share the name, "camille-martin-k3f9" (id prefix).
		const candidates = await db
			.select({ id: users.id, handle: sql<string>`${handleSql}` })
			.from(users)
			.where(inArray(handleSql, handleBases(remaining)));
		const matched = matchHandles(remaining, candidates);
		for (const id of matched.userIds) userIds.add(id);
		unknown.push(...matched.unknown);
	}
	userIds.delete(author.id);
	return { userIds, unknown };
}

export interface MentionSuggestion {
	handle: string;
	label: string;
	kind: 'person' | 'group';
}

/**
 * Suggestions for the editor's @ completion: the facilitators, CPTS by name, and people by
 * name among those already visible in the forums (they posted) or in the writer's own CPTS,
 * so the completion is no way around the CPTS member lists' rule.
 */
export async function suggestMentions(db: DbOrTx, viewer: ForumViewer, prefix: string, limit = 8): Promise<MentionSuggestion[]> {
	const cleaned = slugify(prefix).slice(0, 40);
	if (cleaned.length < 2 || cleaned === 'cpts') return [];
	const suggestions: MentionSuggestion[] = [];
	for (const handle of FACILITATOR_HANDLES) {
		if (handle.startsWith(cleaned) && handle === 'animateurs') suggestions.push({ handle, label: 'Animateurs et animatrices du réseau', kind: 'group' });
	}
	const pattern = `%${cleaned}%`;
	const people = await db
		.select({ id: users.id, name: users.name, handle: sql<string>`${handleSql}` })
		.from(users)
		.where(
			and(
				sql`${handleSql} like ${pattern}`,
				or(
					sql`exists (select 1 from ${forumPosts} where ${forumPosts.authorId} = ${users.id})`,
					viewer.memberOf.size > 0
						? sql`exists (select 1 from ${cptsMemberships} where ${cptsMemberships.userId} = ${users.id} and ${cptsMemberships.status} = 'active' and ${inArray(cptsMemberships.cptsId, [...viewer.memberOf])})`
						: undefined
				)
			)
		)
		.orderBy(users.name)
		.limit(limit);
	for (const person of distinctHandles(people)) suggestions.push({ handle: person.handle, label: person.name, kind: 'person' });
	const groups = await db
		.select({ slug: cpts.slug, name: cpts.name })
		.from(cpts)
		.where(sql`${cpts.slug} like ${pattern}`)
		.orderBy(cpts.name)
		.limit(4);
	for (const group of groups) suggestions.push({ handle: group.slug, label: group.name, kind: 'group' });
	return suggestions.slice(0, limit + 2);
}

/** Of these users, the ones who may read a thread in a category (private space: its members). */
export async function readersAmong(db: DbOrTx, category: { cptsId: string | null }, userIds: Iterable<string>): Promise<string[]> {
	const ids = [...userIds];
	if (category.cptsId === null || ids.length === 0) return ids;
	const members = new Set((await listMembers(db, category.cptsId)).map((member) => member.userId));
	return ids.filter((id) => members.has(id));
}

