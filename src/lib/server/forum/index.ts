/**
 * Practice-exchange forums: categories (missions, regions, a private space per CPTS),
 * threads and posts, reactions, accepted answers, read positions, watch levels, mentions,
 * search, moderation and scheduled exchanges.
 *
 * For other features: `ensureCategory({ slug, name })` and
 * `createThread({ categoryId, authorId, title, body, externalKey })`.
 */
export * from './categories';
export * from './forms';
export * from './interactions';
export * from './live';
export * from './mentions';
export * from './permissions';
export * from './thread-records';
export * from './thread-writes';
export * from './thread-views';
export * from './thread-list';
export * from './commands/reply-to-thread';
export * from './commands/start-thread';
export * from './commands/edit-post';
export * from './search';
export * from './moderation';
export * from './exchanges';
export * from './polls';
