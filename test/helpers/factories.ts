/** Test data factories: one place that knows how to make a valid row of each kind. */
import { hash } from '@node-rs/argon2';
import type { Db } from '../../src/lib/server/db';
import {
	cpts,
	cptsMemberships,
	cptsTerritories,
	dpcActions,
	dpcBodies,
	dpcSessionParts,
	dpcSessions,
	dpcSessionTrainers,
	dpcTrainers,
	libraryResources,
	userRoles,
	users
} from '../../src/lib/server/db/schema';
import { renderMarkdown } from '../../src/lib/server/library/markdown';
import type { ResourceProfile } from '../../src/lib/server/library/profile';
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

/**
 * Puts these INSEE codes in a CPTS territory as they are (the referential must be loaded), and
 * leaves the CPTS's typed figures alone; replaceTerritory is the way that validates and computes.
 */
export async function makeTerritory(db: Db, cptsId: string, codes: string[]) {
	await db.insert(cptsTerritories).values(codes.map((communeCode) => ({ cptsId, communeCode })));
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

/**
 * A library resource, published by default (status and content overridable). The body is
 * Markdown, rendered and sanitised as the feature does it.
 */
export async function makeResource(
	db: Db,
	overrides: Partial<Omit<typeof libraryResources.$inferInsert, 'bodyHtml' | 'bodyText'>> & { body?: string } = {}
) {
	const { body = 'Un texte de démonstration sur la coordination des soins.', ...columns } = overrides;
	const id = next();
	const rendered = renderMarkdown(body);
	const status = columns.status ?? 'published';
	const kind = columns.kind ?? 'bonne_pratique';
	const [row] = await db
		.insert(libraryResources)
		.values({
			id: generateId(),
			slug: `ressource-${id}`,
			kind,
			title: `Ressource ${id}`,
			summary: 'Résumé de la ressource.',
			bodySource: body,
			bodyHtml: rendered.html,
			bodyText: rendered.text,
			status,
			publishedAt: status === 'published' ? new Date() : null,
			profile: kind === 'profil_type' ? makeProfile() : null,
			...columns
		})
		.returning();
	return row;
}

/** Structured fields of a profil-type (rural, small community by default). */
export function makeProfile(overrides: Partial<ResourceProfile> = {}): ResourceProfile {
	return {
		nature: 'rural',
		populationMin: 5_000,
		populationMax: 30_000,
		professionalsMin: 20,
		professionalsMax: 100,
		maturity: null,
		actors: ['Médecins généralistes', 'Infirmiers libéraux'],
		partners: ['EHPAD', 'Hôpital local'],
		stakes: ['Maintien du premier recours'],
		priorityMissions: ['acces_soins'],
		exampleActions: [{ action: 'Créneaux de soins non programmés', partners: 'Service des urgences', mission: 'acces_soins' }],
		indicators: [{ text: 'Part des patients sans médecin traitant', mission: 'acces_soins' }],
		governance: 'Bureau interprofessionnel',
		coordinationWorkload: '0,3 ETP',
		coordinationFte: 0.3,
		...overrides
	};
}

/** A DPC training body (ODPC) with a unique registration number. */
export async function makeBody(db: Db, overrides: Partial<typeof dpcBodies.$inferInsert> = {}) {
	const [row] = await db
		.insert(dpcBodies)
		.values({
			id: generateId(),
			name: `Organisme DPC ${next()}`,
			registrationNumber: String(100_000 + Math.floor(Math.random() * 899_999)),
			...overrides
		})
		.returning();
	return row;
}

/** A user with the trainer role, attached to a body. */
export async function makeTrainer(db: Db, bodyId: string, overrides: Parameters<typeof makeUser>[1] = {}) {
	const user = await makeUser(db, { profession: 'medecin_generaliste', ...overrides, roles: ['trainer', ...(overrides.roles ?? [])] });
	await db.insert(dpcTrainers).values({ userId: user.id, bodyId });
	return user;
}

/** A DPC action of a body (interprofessional, nurses and GPs by default). */
export async function makeAction(db: Db, bodyId: string, overrides: Partial<typeof dpcActions.$inferInsert> = {}) {
	const [row] = await db
		.insert(dpcActions)
		.values({
			id: generateId(),
			reference: String(Math.floor(1e10 + Math.random() * 8.9e10)),
			bodyId,
			title: 'Travailler en équipe pluriprofessionnelle dans une CPTS',
			orientation: 'Coordination des parcours de santé et exercice coordonné',
			method: 'formation_continue',
			format: 'presentiel',
			professions: ['infirmier', 'medecin_generaliste'],
			interprofessional: true,
			missions: ['parcours'],
			objectives: 'Connaître les rôles de chacun et organiser un parcours partagé.',
			programme: 'Matin : cas cliniques. Après-midi : protocoles pluriprofessionnels.',
			...overrides
		})
		.returning();
	return row;
}

/**
 * A session of an action with its parts (one 3.5-hour part in Réunion, in 30 days, by
 * default), its trainers, published unless told.
 */
export async function makeSession(
	db: Db,
	actionId: string,
	options: {
		trainerIds?: string[];
		parts?: { startsAt: Date; endsAt: Date; timeZone: string }[];
		status?: 'draft' | 'published' | 'full' | 'cancelled' | 'completed';
		capacity?: number;
		reservedSeats?: Partial<Record<string, number>>;
		registrationDeadline?: Date;
		number?: number;
	} = {}
) {
	const start = new Date(Date.now() + 30 * 86_400_000);
	const parts = options.parts ?? [{ startsAt: start, endsAt: new Date(start.getTime() + 3.5 * 3_600_000), timeZone: 'Indian/Reunion' }];
	const [session] = await db
		.insert(dpcSessions)
		.values({
			id: generateId(),
			actionId,
			number: options.number ?? Math.floor(Math.random() * 1_000_000) + 1,
			status: options.status ?? 'published',
			capacity: options.capacity ?? 20,
			reservedSeats: options.reservedSeats ?? {},
			place: 'Saint-Denis, maison des associations',
			regionCode: '04',
			registrationDeadline: options.registrationDeadline ?? new Date(parts[0].startsAt.getTime() - 86_400_000),
			startsAt: parts[0].startsAt,
			endsAt: parts[parts.length - 1].endsAt,
			publishedAt: options.status === 'draft' ? null : new Date()
		})
		.returning();
	const partRows = await db
		.insert(dpcSessionParts)
		.values(parts.map((part, position) => ({ id: generateId(), sessionId: session.id, position, ...part })))
		.returning();
	for (const userId of options.trainerIds ?? []) await db.insert(dpcSessionTrainers).values({ sessionId: session.id, userId });
	return { ...session, parts: partRows };
}
