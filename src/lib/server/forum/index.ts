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
export * from './threads';
export * from './search';
export * from './moderation';
export * from './exchanges';
export * from './polls';
