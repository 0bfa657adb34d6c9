/**
 * The Atom feed (RFC 4287) of newly published resources. Only what an anonymous visitor may
 * read goes in: published and public. Every text is XML-escaped; summaries are plain text.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { libraryResources, users } from '../db/schema';
import { translate, type Locale } from '../../i18n';
import { readablePublished } from './resources';
import { newestFirst } from './columns';

export const FEED_SIZE = 30;

const escapeXml = (text: string) =>
	text
		// Characters XML 1.0 forbids, whatever their escaping.
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');

/** The feed's XML, with links under `origin` (the site's public address). */
export async function buildAtomFeed(db: DbOrTx, origin: string, locale: Locale = 'fr'): Promise<string> {
	const rows = await db
		.select({
			slug: libraryResources.slug,
			kind: libraryResources.kind,
			title: libraryResources.title,
			summary: libraryResources.summary,
			publishedAt: libraryResources.publishedAt,
			updatedAt: libraryResources.updatedAt,
			authorName: users.name
		})
		.from(libraryResources)
		.leftJoin(users, eq(users.id, libraryResources.authorId))
		.where(readablePublished(null))
		.orderBy(newestFirst, libraryResources.id)
		.limit(FEED_SIZE);
	const base = origin.replace(/\/$/, '');
	const feedUrl = `${base}/bibliotheque/flux.atom`;
	const updated = rows.reduce((latest, row) => Math.max(latest, row.publishedAt?.getTime() ?? 0), 0);
	const entries = rows.map((row) => {
		const url = `${base}/bibliotheque/${row.slug}`;
		const kindLabel = translate(locale, `library.kind.${row.kind}`);
		return [
			'  <entry>',
			`    <id>${escapeXml(url)}</id>`,
			`    <title>${escapeXml(row.title)}</title>`,
			`    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
			`    <published>${(row.publishedAt ?? row.updatedAt).toISOString()}</published>`,
			`    <updated>${(row.publishedAt ?? row.updatedAt).toISOString()}</updated>`,
			`    <author><name>${escapeXml(row.authorName ?? translate(locale, 'app.name'))}</name></author>`,
			`    <category term="${row.kind}" label="${escapeXml(kindLabel)}"/>`,
			`    <summary type="text">${escapeXml(row.summary)}</summary>`,
			'  </entry>'
		].join('\n');
	});
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
		`  <id>${escapeXml(feedUrl)}</id>`,
		`  <title>${escapeXml(translate(locale, 'library.feed.title'))}</title>`,
		`  <subtitle>${escapeXml(translate(locale, 'library.feed.subtitle'))}</subtitle>`,
		`  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
		`  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/bibliotheque`)}"/>`,
		`  <updated>${new Date(updated || Date.now()).toISOString()}</updated>`,
		...entries,
		'</feed>',
		''
	].join('\n');
}
