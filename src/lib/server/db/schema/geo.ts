/**
 * The INSEE Code officiel géographique, loaded from @etalab/decoupage-administratif by
 * src/lib/server/geo/referential.ts (never typed by hand). Rows are updated in place when a
 * newer vintage is loaded; a commune that left the COG is kept as `retired` so that the
 * territories naming it still load and can be corrected.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { FORMER_COMMUNE_KINDS, GEO_UNIT_KINDS } from '../../../domain/geography';
import { regions } from './cpts';
import { inList } from './sql';

/** Which vintage of the COG is loaded (one row). */
export const geoReferential = pgTable(
	'geo_referential',
	{
		id: smallint('id').primaryKey().default(1),
		/** The COG year, e.g. "2026". */
		vintage: text('vintage').notNull(),
		/** Version of @etalab/decoupage-administratif it was loaded from. */
		packageVersion: text('package_version').notNull(),
		loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [check('geo_referential_single_row', sql`${table.id} = 1`)]
);

export const geoDepartements = pgTable(
	'geo_departements',
	{
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		overseas: boolean('overseas').notNull().default(false)
	},
	(table) => [index('geo_departements_region_idx').on(table.regionCode)]
);

/** EPCI à fiscalité propre (CC, CA, CU, métropoles). */
export const geoEpci = pgTable('geo_epci', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	/** CC, CA, CU, METRO, MET69. */
	kind: text('kind').notNull(),
	retired: boolean('retired').notNull().default(false)
});

/**
 * Communes and arrondissements municipaux (current units of the COG). Only communes
 * (other than Paris, Lyon and Marseille) and arrondissements are *selectable* in a territory
 * and counted in coverage, so no inhabitant is counted twice.
 */
export const geoCommunes = pgTable(
	'geo_communes',
	{
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		kind: text('kind').notNull(),
		departementCode: text('departement_code')
			.notNull()
			.references(() => geoDepartements.code),
		regionCode: text('region_code').notNull(),
		/** No foreign key: an EPCI dissolved in a newer vintage must not block the load. */
		epciCode: text('epci_code'),
		/** The commune nouvelle (déléguée, associée) or the commune with arrondissements. */
		parentCode: text('parent_code'),
		/** Population municipale of the vintage; 0 for the « morts pour la France » villages. */
		population: integer('population').notNull().default(0),
		postcodes: text('postcodes').array().notNull().default(sql`'{}'::text[]`),
		retired: boolean('retired').notNull().default(false)
	},
	(table) => [
		index('geo_communes_departement_idx').on(table.departementCode),
		index('geo_communes_epci_idx').on(table.epciCode),
		index('geo_communes_name_idx').using('gin', sql`immutable_unaccent(lower(${table.name})) gin_trgm_ops`),
		index('geo_communes_postcodes_idx').using('gin', table.postcodes),
		check('geo_communes_kind_check', sql`${table.kind} in (${inList(GEO_UNIT_KINDS)})`),
		check('geo_communes_population_check', sql`${table.population} >= 0`)
	]
);

/**
 * Communes déléguées and associées: kept so that a pasted code or a searched name points to
 * the commune nouvelle. Many share their code with it, hence the key on (code, kind).
 */
export const geoFormerCommunes = pgTable(
	'geo_former_communes',
	{
		code: text('code').notNull(),
		kind: text('kind').notNull(),
		name: text('name').notNull(),
		parentCode: text('parent_code').notNull(),
		retired: boolean('retired').notNull().default(false)
	},
	(table) => [
		primaryKey({ columns: [table.code, table.kind] }),
		check('geo_former_communes_kind_check', sql`${table.kind} in (${inList(FORMER_COMMUNE_KINDS)})`)
	]
);
