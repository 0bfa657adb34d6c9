/**
 * The features that contribute events to personal feeds: one line each. A feature exports a
 * FeedSource (see ./feed.ts) from its own folder and adds it here.
 */
import { dpcFeedSource } from '../dpc/calendar';
import { forumExchangeFeed } from '../forum/exchanges';
import type { FeedSource } from './feed';

export const FEED_SOURCES: FeedSource[] = [dpcFeedSource, forumExchangeFeed];
