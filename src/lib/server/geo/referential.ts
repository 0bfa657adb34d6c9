/**
 * Loads the INSEE Code officiel géographique from @etalab/decoupage-administratif (pinned in
 * package.json; its JSON files ship in the package, so nothing is fetched at run time).
 *
 * Idempotent: nothing happens when the loaded package version is the installed one. A newer
 * version updates rows in place; units that left the COG are kept as `retired` (a territory
 * naming one still loads and is flagged) instead of being deleted.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { geoCommunes, geoDepartements, geoEpci, geoFormerCommunes, geoReferential, regions } from '../db/schema';
import type { GeoUnitKind } from '../../domain/geography';

const PACKAGE = '@etalab/decoupage-administratif';
const require = createRequire(import.meta.url);

interface CogCommune {
	code: string;
	nom: string;
	type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
	zone: 'metro' | 'drom' | 'com';
	departement?: string;
	region?: string;
	chefLieu?: string;
	commune?: string;
	population?: number;
	codesPostaux?: string[];
}
interface CogDepartement {
	code: string;
	nom: string;
	region: string;
	zone: string;
}
interface CogRegion {
	code: string;
	nom: string;
	zone: string;
}
interface CogEpci {
	code: string;
	nom: string;
	type: string;
	membres: { code: string }[];
}

/** What the installed package holds, in our shape. */
export interface CogData {
	packageVersion: string;
	/** The COG year the package's README gives for its version (e.g. "2026"). */
	vintage: string;
	regions: { code: string; name: string; overseas: boolean }[];
	departements: { code: string; name: string; regionCode: string; overseas: boolean }[];
	epci: { code: string; name: string; kind: string }[];
	communes: (typeof geoCommunes.$inferInsert)[];
	formerCommunes: (typeof geoFormerCommunes.$inferInsert)[];
}

/** The installed package's folder. */
function packageFolder(): string {
	return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

/**
 * The COG year of a package version, read from the "Millésimes et versions de package" table
 * of the package's own README (| 2026 | 6.0.0 | …), so the vintage is never typed by us.
 */
export function vintageFromReadme(readme: string, version: string): string | null {
	for (const line of readme.split('\n')) {
		const cells = line.split('|').map((cell) => cell.trim());
		if (cells.length > 3 && /^\d{4}$/.test(cells[1]) && cells[2] === version) return cells[1];
	}
	return null;
}

/** The installed package's version (read alone: the data files take ~0.5 s to parse). */
export function installedCogVersion(folder = packageFolder()): string {
	return (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Reads the package's data: DROM included, collectivités d'outre-mer (no ARS) left out. */
export function readCogPackage(folder = packageFolder()): CogData {
	const json = <T>(name: string): T => JSON.parse(readFileSync(path.join(folder, 'data', name), 'utf8')) as T;
	const packageVersion = installedCogVersion(folder);
	const vintage = vintageFromReadme(readFileSync(path.join(folder, 'README.md'), 'utf8'), packageVersion) ?? packageVersion;

	const inScope = (zone: string) => zone === 'metro' || zone === 'drom';
	const regionRows = json<CogRegion[]>('regions.json').filter((region) => inScope(region.zone));
	const departementRows = json<CogDepartement[]>('departements.json').filter((departement) => inScope(departement.zone));
	const epciRows = json<CogEpci[]>('epci.json');
	const communeRows = json<CogCommune[]>('communes.json').filter((commune) => inScope(commune.zone));

	const epciOf = new Map<string, string>();
	for (const epci of epciRows) for (const member of epci.membres) epciOf.set(member.code, epci.code);
	// Paris, Lyon and Marseille: their arrondissements are the units, the commune is not counted.
	const withArrondissements = new Set(
		communeRows.filter((commune) => commune.type === 'arrondissement-municipal').map((commune) => commune.commune!)
	);

	const communes: CogData['communes'] = [];
	const formerCommunes: CogData['formerCommunes'] = [];
	for (const row of communeRows) {
		if (row.type === 'commune-deleguee' || row.type === 'commune-associee') {
			formerCommunes.push({
				code: row.code,
				kind: row.type === 'commune-deleguee' ? 'deleguee' : 'associee',
				name: row.nom,
				parentCode: row.chefLieu!,
				retired: false
			});
			continue;
		}
		const kind: GeoUnitKind =
			row.type === 'arrondissement-municipal' ? 'arrondissement' : withArrondissements.has(row.code) ? 'commune_a_arrondissements' : 'commune';
		communes.push({
			code: row.code,
			name: row.nom,
			kind,
			departementCode: row.departement!,
			regionCode: row.region!,
			epciCode: epciOf.get(kind === 'arrondissement' ? row.commune! : row.code) ?? null,
			parentCode: kind === 'arrondissement' ? row.commune! : null,
			population: row.population ?? 0,
			postcodes: row.codesPostaux ?? [],
			retired: false
		});
	}
	return {
		packageVersion,
		vintage,
		regions: regionRows.map((region) => ({ code: region.code, name: region.nom, overseas: region.zone === 'drom' })),
		departements: departementRows.map((departement) => ({
			code: departement.code,
			name: departement.nom,
			regionCode: departement.region,
			overseas: departement.zone === 'drom'
		})),
		epci: epciRows.map((epci) => ({ code: epci.code, name: epci.nom, kind: epci.type })),
		communes,
		formerCommunes
	};
}

/** The loaded vintage, or null before the first load. */
export async function loadedReferential(db: DbOrTx): Promise<{ vintage: string; packageVersion: string } | null> {
	const [row] = await db.select({ vintage: geoReferential.vintage, packageVersion: geoReferential.packageVersion }).from(geoReferential);
	return row ?? null;
}

/** Rows per insert: well under PostgreSQL's 65,535 bind parameters with 10 columns. */
const BATCH = 2_000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
	for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

export interface LoadOutcome {
	loaded: boolean;
	vintage: string;
	packageVersion: string;
	/** Units loaded (0 when nothing was loaded). */
	communes: number;
}

/**
 * Loads the installed package's COG when it is not the one loaded (or when `force`). One
 * transaction: a failed load leaves the previous vintage whole.
 */
export async function loadReferential(db: DbOrTx, options: { force?: boolean; data?: CogData } = {}): Promise<LoadOutcome> {
	const current = await loadedReferential(db);
	if (!options.force && !options.data && current?.packageVersion === installedCogVersion()) {
		return { loaded: false, ...current, communes: 0 };
	}
	const data = options.data ?? readCogPackage();
	const outcome = { vintage: data.vintage, packageVersion: data.packageVersion, communes: data.communes.length };

	const selectable = new Set(['commune', 'arrondissement']);
	const regionPopulation = new Map<string, number>();
	for (const commune of data.communes) {
		if (selectable.has(commune.kind)) {
			regionPopulation.set(commune.regionCode, (regionPopulation.get(commune.regionCode) ?? 0) + (commune.population ?? 0));
		}
	}
	const populationSource = `Insee, Code officiel géographique ${data.vintage} et populations légales (${PACKAGE} ${data.packageVersion})`;

	await db.transaction(async (tx) => {
		await tx
			.insert(regions)
			.values(
				data.regions.map((region) => ({
					code: region.code,
					name: region.name,
					population: regionPopulation.get(region.code) ?? 0,
					populationSource,
					overseas: region.overseas ? 1 : 0
				}))
			)
			.onConflictDoUpdate({
				target: regions.code,
				set: {
					name: sql`excluded.name`,
					population: sql`excluded.population`,
					populationSource: sql`excluded.population_source`,
					overseas: sql`excluded.overseas`
				}
			});
		await tx
			.insert(geoDepartements)
			.values(data.departements)
			.onConflictDoUpdate({
				target: geoDepartements.code,
				set: { name: sql`excluded.name`, regionCode: sql`excluded.region_code`, overseas: sql`excluded.overseas` }
			});

		await tx.update(geoEpci).set({ retired: true });
		await insertInBatches(data.epci, (batch) =>
			tx
				.insert(geoEpci)
				.values(batch.map((epci) => ({ ...epci, retired: false })))
				.onConflictDoUpdate({ target: geoEpci.code, set: { name: sql`excluded.name`, kind: sql`excluded.kind`, retired: false } })
		);

		await tx.update(geoCommunes).set({ retired: true });
		await insertInBatches(data.communes, (batch) =>
			tx
				.insert(geoCommunes)
				.values(batch)
				.onConflictDoUpdate({
					target: geoCommunes.code,
					set: {
						name: sql`excluded.name`,
						kind: sql`excluded.kind`,
						departementCode: sql`excluded.departement_code`,
						regionCode: sql`excluded.region_code`,
						epciCode: sql`excluded.epci_code`,
						parentCode: sql`excluded.parent_code`,
						population: sql`excluded.population`,
						postcodes: sql`excluded.postcodes`,
						retired: false
					}
				})
		);

		await tx.update(geoFormerCommunes).set({ retired: true });
		await insertInBatches(data.formerCommunes, (batch) =>
			tx
				.insert(geoFormerCommunes)
				.values(batch)
				.onConflictDoUpdate({
					target: [geoFormerCommunes.code, geoFormerCommunes.kind],
					set: { name: sql`excluded.name`, parentCode: sql`excluded.parent_code`, retired: false }
				})
		);

		await tx
			.insert(geoReferential)
			.values({ id: 1, vintage: data.vintage, packageVersion: data.packageVersion, loadedAt: new Date() })
			.onConflictDoUpdate({
				target: geoReferential.id,
				set: { vintage: data.vintage, packageVersion: data.packageVersion, loadedAt: new Date() }
			});
	});
	return { loaded: true, ...outcome };
}
