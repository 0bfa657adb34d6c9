/**
 * The demo partner accounts (ARS Grand Est, CPAM de La Réunion, URPS infirmiers
 * Auvergne-Rhône-Alpes) and their scope. Idempotent: a database seeded before they existed
 * gets the accounts (from DEMO_ACCOUNTS, e-mail verified like the others) and their rows.
 */
import { hash } from '@node-rs/argon2';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { geoDepartements, partnerAccounts, regions, users } from '../db/schema';
import { generateId } from '../shared/ids';
import type { PartnerOrganisation } from '../../domain/geography';
import { DEMO_ACCOUNTS } from './accounts';

export const DEMO_PARTNERS: { email: string; organisation: PartnerOrganisation; regionCode: string; departementCode: string | null; label: string }[] = [
	{ email: 'ars@demo.reseau-cpts.fr', organisation: 'ars', regionCode: '44', departementCode: null, label: 'ARS Grand Est' },
	{ email: 'cpam974@demo.reseau-cpts.fr', organisation: 'cpam', regionCode: '04', departementCode: '974', label: 'CPAM de La Réunion' },
	{ email: 'urps@demo.reseau-cpts.fr', organisation: 'urps', regionCode: '84', departementCode: null, label: 'URPS infirmiers Auvergne-Rhône-Alpes' }
];

/** Adds the missing demo partner accounts and their scope; returns how many rows were added. */
export async function seedDemoPartners(db: DbOrTx): Promise<{ accounts: number; partners: number }> {
	const emails = DEMO_PARTNERS.map((partner) => partner.email);
	const existing = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
	const missing = DEMO_ACCOUNTS.filter((account) => emails.includes(account.email) && !existing.some((row) => row.email === account.email));
	const created = await Promise.all(
		missing.map(async (account) => ({
			id: generateId(),
			email: account.email,
			name: account.name,
			profession: account.profession,
			passwordHash: await hash(account.password),
			emailVerifiedAt: new Date()
		}))
	);
	if (created.length) await db.insert(users).values(created).onConflictDoNothing();
	const ids = new Map([...existing, ...created].map((row) => [row.email, row.id]));
	// Without the referential (some tests) the scope cannot be written yet: the next seed adds it.
	const knownRegions = new Set((await db.select({ code: regions.code }).from(regions)).map((row) => row.code));
	const knownDepartements = new Set((await db.select({ code: geoDepartements.code }).from(geoDepartements)).map((row) => row.code));
	const rows = DEMO_PARTNERS.flatMap(({ email, ...scope }) =>
		ids.has(email) && knownRegions.has(scope.regionCode) && (!scope.departementCode || knownDepartements.has(scope.departementCode)) ? [{ userId: ids.get(email)!, ...scope }] : []
	);
	const inserted = rows.length ? await db.insert(partnerAccounts).values(rows).onConflictDoNothing().returning({ userId: partnerAccounts.userId }) : [];
	return { accounts: created.length, partners: inserted.length };
}
