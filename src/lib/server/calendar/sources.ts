/**
 * The features that contribute events to personal feeds: one line each. A feature exports a
 * FeedSource (see ./feed.ts) from its own folder and adds it here.
 */
import type { FeedSource } from './feed';
import { forumExchangeFeed } from '../forum/exchanges';

export const FEED_SOURCES: FeedSource[] = [forumExchangeFeed];
