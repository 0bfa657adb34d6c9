/** Column selections of library resources shared by the feature's modules. */
import { getTableColumns } from 'drizzle-orm';
import { libraryResources } from '../db/schema';

export type ResourceRow = typeof libraryResources.$inferSelect;
/** A resource as pages read it: everything but the search vector. */
export type Resource = Omit<ResourceRow, 'searchVector'>;

/** Every column but the search vector (it is only ever read by the database). */
export const resourceColumns = (() => {
	const { searchVector: _searchVector, ...columns } = getTableColumns(libraryResources);
	return columns;
})();
