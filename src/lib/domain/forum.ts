/**
 * Reference lists of the forums, shared by the browser and the server. Codes are stored in
 * the database (check constraints are built from these lists); labels come from the
 * message catalogue (messages/forum.ts).
 */

/** Mission categories (ACI missions), regional ones, a private space per CPTS, and general ones. */
export const CATEGORY_KINDS = ['mission', 'region', 'cpts', 'general'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

/** The two reactions a post can receive, once per reader. */
export const REACTION_KINDS = ['merci', 'utile'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/**
 * How closely a reader follows a thread or a category: watching (notified of every reply),
 * tracking (unread counts shown), normal (notified when mentioned or replied to), muted.
 */
export const WATCH_LEVELS = ['watching', 'tracking', 'normal', 'muted'] as const;
export type WatchLevel = (typeof WATCH_LEVELS)[number];

export const FLAG_REASONS = ['inappropriate', 'off_topic', 'spam', 'confidential', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_STATUSES = ['open', 'hidden', 'dismissed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/**
 * Longest post body accepted, in characters of Markdown (Discourse's default is 32,000):
 * a long case analysis fits; a 200 kB paste is refused with a message, the text kept.
 */
export const MAX_POST_LENGTH = 50_000;
export const MAX_THREAD_TITLE_LENGTH = 200;
/** Posts shown per page of a thread. */
export const POSTS_PAGE_SIZE = 20;
/** Threads per page of a category. */
export const THREADS_PAGE_SIZE = 30;

/** The Markdown quoting a passage of someone's post in a reply ("> **Name** a écrit :"). */
export function quoteMarkdown(authorName: string | null, passage: string, wrote: string): string {
	const lines = passage.trim().split('\n').slice(0, 40);
	return [`> **${(authorName ?? '').replace(/[*_`[\]]/g, '')}** ${wrote}`, '>', ...lines.map((line) => `> ${line}`)].join('\n');
}
