/**
 * The directory as a CSV file (annuaire.csv): every CPTS matching the directory's filters,
 * with what anyone may read on its public page (figures, contact details, coordinators,
 * member count). The accompanying facilitator and the « accompagnement rapproché » flag are
 * the network's follow-up: their columns are filled only on the rows the viewer may read
 * them on (steering/follow-up.ts, suiviAccessFrom), and shown only to viewers who may read
 * some.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db';
import { cpts, cptsMemberships, regions, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { csvDocument } from '../shared/csv';
import { siteUrl } from '../mail';
import { steeringScopeOf } from '../territories/scope';
import { suiviAccessFrom } from '../steering/follow-up';
import { translator, type Locale, type MessageKey } from '../../i18n';
import type { ViewerMembership } from './permissions';
import { directoryCardColumns, directoryConditions } from './directory';
import type { DirectoryQuery } from './forms';

const PUBLIC_COLUMNS = [
	'name', 'region', 'department', 'nature', 'stage', 'sizeBand', 'population', 'professionals',
	'coordinators', 'members', 'email', 'phone', 'website', 'page'
] as const;

/** The directory's CPTS (its filters, not its pages) as CSV, in the viewer's language. */
export async function directoryCsv(db: DbOrTx, viewer: SessionUser | null | undefined, query: DirectoryQuery, locale: Locale): Promise<string> {
	const t = translator(locale);
	const facilitator = alias(users, 'facilitator');
	const rows = await db
		.select({
			...directoryCardColumns,
			professionals: cpts.professionalsCount,
			email: cpts.contactEmail,
			phone: cpts.phone,
			website: cpts.website,
			facilitatorName: facilitator.name,
			closeSupport: cpts.closeSupport
		})
		.from(cpts)
		.innerJoin(regions, eq(regions.code, cpts.regionCode))
		.leftJoin(facilitator, eq(facilitator.id, cpts.facilitatorId))
		.where(directoryConditions(query))
		.orderBy(sql`lower(immutable_unaccent(${cpts.name}))`, cpts.id);
	const ids = rows.map((row) => row.id);
	// Active memberships of the listed CPTS: coordinators by name, everyone counted.
	const people = ids.length
		? await db
				.select({ cptsId: cptsMemberships.cptsId, role: cptsMemberships.role, name: users.name })
				.from(cptsMemberships)
				.innerJoin(users, eq(users.id, cptsMemberships.userId))
				.where(and(inArray(cptsMemberships.cptsId, ids), eq(cptsMemberships.status, 'active')))
				.orderBy(sql`lower(immutable_unaccent(${users.name}))`, asc(users.id))
		: [];
	const scope = viewer ? await steeringScopeOf(db, viewer) : null;
	const mine = new Map<string, ViewerMembership>(
		viewer
			? (
					await db
						.select({ cptsId: cptsMemberships.cptsId, role: cptsMemberships.role, status: cptsMemberships.status })
						.from(cptsMemberships)
						.where(eq(cptsMemberships.userId, viewer.id))
				).map((row) => [row.cptsId, { role: row.role, status: row.status } as ViewerMembership])
			: []
	);
	const access = rows.map((row) => suiviAccessFrom(viewer, scope, row, mine.get(row.id) ?? null));
	const showsFacilitator = access.some((row) => row.readsHistory);
	const showsSupport = access.some((row) => row.readsSupport);

	const header = [
		...PUBLIC_COLUMNS.map((column) => t(`cpts.csv.${column}` as MessageKey)),
		...(showsFacilitator ? [t('cpts.csv.facilitator')] : []),
		...(showsSupport ? [t('cpts.csv.closeSupport')] : [])
	];
	const membersOf = new Map<string, typeof people>();
	for (const person of people) membersOf.set(person.cptsId, [...(membersOf.get(person.cptsId) ?? []), person]);
	const lines = rows.map((row, index) => {
		const members = membersOf.get(row.id) ?? [];
		return [
			row.name,
			row.regionName,
			row.department,
			t(`nature.${row.nature}` as MessageKey),
			t(`stage.${row.stage}` as MessageKey),
			row.sizeBand,
			row.population,
			row.professionals,
			members.filter((person) => person.role === 'coordinator').map((person) => person.name).join(', '),
			members.length,
			row.email,
			row.phone,
			row.website,
			siteUrl(`/cpts/${row.slug}`),
			...(showsFacilitator ? [access[index].readsHistory ? (row.facilitatorName ?? '') : ''] : []),
			...(showsSupport ? [access[index].readsSupport ? t(row.closeSupport ? 'cpts.csv.yes' : 'cpts.csv.no') : ''] : [])
		];
	});
	return csvDocument(header, lines);
}
