/** Test data factories: one place that knows how to make a valid row of each kind. */
import { hash } from '@node-rs/argon2';
import type { Db } from '../../src/lib/server/db';
import { cpts, cptsMemberships, userRoles, users } from '../../src/lib/server/db/schema';
import type { GrantedRole } from '../../src/lib/domain/professions';
import { generateId } from '../../src/lib/server/shared/ids';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

// Hashing is slow on purpose; factories share one hash of the default password.
export const DEFAULT_PASSWORD = 'Parcours-de-soins-2026';
let defaultHash: Promise<string> | undefined;

export async function makeUser(
	db: Db,
	overrides: Partial<typeof users.$inferInsert> & { roles?: GrantedRole[]; password?: string } = {}
) {
	const { roles = [], password, ...columns } = overrides;
	const passwordHash = password ? await hash(password) : await (defaultHash ??= hash(DEFAULT_PASSWORD));
	const id = next();
	const [user] = await db
		.insert(users)
		.values({
			id: generateId(),
			email: `pro-${id}@exemple.fr`,
			name: `Camille Test ${id}`,
			profession: 'infirmier',
			passwordHash,
			emailVerifiedAt: new Date(),
			...columns
		})
		.returning();
	for (const role of roles) await db.insert(userRoles).values({ userId: user.id, role });
	return { ...user, roles, password: password ?? DEFAULT_PASSWORD };
}

export async function makeCpts(db: Db, overrides: Partial<typeof cpts.$inferInsert> = {}) {
	const id = next();
	const [row] = await db
		.insert(cpts)
		.values({
			id: generateId(),
			slug: `cpts-test-${id}`,
			name: `CPTS Test ${id}`,
			regionCode: '44',
			department: '88',
			nature: 'rural',
			population: 25_000,
			professionalsCount: 90,
			stage: 'aci_signe',
			...overrides
		})
		.returning();
	return row;
}

export async function makeMembership(
	db: Db,
	cptsId: string,
	userId: string,
	overrides: Partial<typeof cptsMemberships.$inferInsert> = {}
) {
	const [row] = await db
		.insert(cptsMemberships)
		.values({ cptsId, userId, role: 'member', status: 'active', ...overrides })
		.returning();
	return row;
}
