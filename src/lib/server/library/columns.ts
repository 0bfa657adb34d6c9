/** Column selections of library resources shared by the feature's modules. */
import { getTableColumns, sql } from 'drizzle-orm';
import { libraryResources } from '../db/schema';

export type ResourceRow = typeof libraryResources.$inferSelect;
/** A resource as pages read it: everything but the search vectors. */
export type Resource = Omit<ResourceRow, 'searchVector' | 'headVector'>;

/** Every column but the search vectors (only ever read by the database). */
export const resourceColumns = (() => {
	const { searchVector: _searchVector, headVector: _headVector, ...columns } = getTableColumns(libraryResources);
	return columns;
})();

/**
 * Newest first, in the order of the partial index library_resources_published_order_idx
 * (NULLS LAST, as the index), so lists of published resources read only the entries shown.
 */
export const newestFirst = sql`${libraryResources.publishedAt} desc nulls last`;
