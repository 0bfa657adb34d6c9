/**
 * Demo DPC content: two training bodies (one in mainland France, one in Réunion), their
 * trainers, five interprofessional actions on CPTS themes (IGAS report, DOMAIN.md) with
 * sessions in Paris, Réunion and Martinique time, some registrations and a waiting list, and
 * one completed session whose participants (the demo coordinator among them) have their
 * certificates. Idempotent: an action whose reference exists is left as it is.
 */
import { hash } from '@node-rs/argon2';
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	dpcActionResources,
	dpcActions,
	dpcAttendance,
	dpcRegistrations,
	dpcSessionParts,
	dpcSessions,
	dpcSessionTrainers,
	userRoles,
	users
} from '../db/schema';
import { findResourceBySlug } from '../library/resources';
import { generateId, generateSecretToken } from '../shared/ids';
import { zonedInstant } from '../../domain/time-zones';
import type { DpcFormat, HasMethod, SessionStatus } from '../../domain/dpc';
import type { Mission } from '../../domain/library';
import type { Profession } from '../../domain/professions';
import { attachTrainer, ensureBody } from './bodies';
import { openSessionThread } from './forum';
import { hasSeatFor, totalRegistered, type SeatCounts } from './seats';
import { findSessionFacts } from './sessions';

const DAY_MS = 86_400_000;
const DPC_SEED_LOCK_KEY = 7_270_006;

const BODIES = {
	territoires: { name: 'Formations Santé Territoires', registrationNumber: '2781' },
	ocean: { name: 'Outre-mer Formation Santé', registrationNumber: '4519' }
} as const;

/** Fictitious trainers (they cannot sign in: unusable password), besides the demo trainer. */
const TRAINERS = [
	{ email: 'nathalie.grondin@exemple.fr', name: 'Nathalie Grondin', profession: 'infirmier', body: 'ocean' },
	{ email: 'dr.thierry.payet@exemple.fr', name: 'Dr Thierry Payet', profession: 'medecin_generaliste', body: 'ocean' },
	{ email: 'agnes.vidal@exemple.fr', name: 'Agnès Vidal', profession: 'pharmacien', body: 'territoires' }
] as const;

interface DemoSession {
	number: number;
	/** Days from now of the first part; parts are [day offset, start "09:00", end "12:30"]. */
	inDays: number;
	parts: [number, string, string][];
	timeZone: string;
	capacity: number;
	reservedSeats?: Partial<Record<Profession, number>>;
	place?: string;
	videoUrl?: string;
	regionCode?: string;
	trainers: string[];
	status: SessionStatus;
	/** Demo people registered, in order (the last ones beyond capacity wait). */
	registrants?: string[];
	/** Every registered person attended every part (a completed session). */
	attended?: boolean;
}

interface DemoAction {
	reference: string;
	body: keyof typeof BODIES;
	title: string;
	orientation: string;
	method: HasMethod;
	format: DpcFormat;
	professions: Profession[];
	/** Funded by the ANDPC: registration on the national DPC site too. */
	andpcFunded: boolean;
	missions: Mission[];
	objectives: string;
	programme: string;
	resources: string[];
	sessions: DemoSession[];
}

const TRAINER_DEMO = 'formateur@demo.reseau-cpts.fr';
const COORDINATOR = 'coordinatrice@demo.reseau-cpts.fr';
const MEMBER = 'membre@demo.reseau-cpts.fr';

const ACTIONS: DemoAction[] = [
	{
		reference: '27812600001',
		body: 'territoires',
		title: 'Travailler en équipe pluriprofessionnelle au sein d’une CPTS',
		orientation: 'Coordination des parcours de santé et exercice coordonné',
		method: 'formation_continue',
		format: 'presentiel',
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'sage_femme'],
		andpcFunded: true,
		missions: ['parcours', 'accompagnement_professionnels'],
		objectives:
			'Connaître les compétences et les contraintes de chaque profession du territoire.\nConstruire un protocole pluriprofessionnel sur un cas réel (sortie d’hospitalisation, plaie chronique).\nOrganiser une réunion de concertation pluriprofessionnelle efficace en 45 minutes.',
		programme:
			'Matin : « qui fait quoi ? », jeu de rôles à partir de cas cliniques partagés ; retour sur les facteurs de réussite d’une CPTS (un problème concret, un diagnostic populationnel, une dimension interprofessionnelle forte).\nAprès-midi : rédaction d’un protocole pluriprofessionnel en petits groupes mixtes, restitution et évaluation des pratiques à trois mois.',
		resources: ['modele-protocole-pluriprofessionnel', 'reunion-concertation-pluriprofessionnelle-45-minutes', 'analyse-litterature-travail-equipe-soins-primaires'],
		sessions: [
			{
				number: 1,
				inDays: -40,
				parts: [[0, '09:00', '12:30'], [0, '14:00', '17:30']],
				timeZone: 'Europe/Paris',
				capacity: 16,
				place: 'Toul, maison de santé du Toulois, 12 rue de la République',
				regionCode: '44',
				trainers: [TRAINER_DEMO],
				status: 'completed',
				registrants: [COORDINATOR, 'helene.perrin@exemple.fr', 'thomas.renaud@exemple.fr', 'nadia.benali@exemple.fr', 'pierre.collin@exemple.fr'],
				attended: true
			},
			{
				number: 2,
				inDays: 18,
				parts: [[0, '09:00', '12:30'], [0, '14:00', '17:30']],
				timeZone: 'Europe/Paris',
				capacity: 4,
				reservedSeats: { infirmier: 1 },
				place: 'Nancy, faculté de médecine, salle 2.14',
				regionCode: '44',
				trainers: [TRAINER_DEMO, 'agnes.vidal@exemple.fr'],
				status: 'published',
				registrants: ['olivier.chevalier@exemple.fr', 'sylvie.thiebaut@exemple.fr', 'pierre.collin@exemple.fr', 'amandine.royer@exemple.fr', 'paul.nguyen@exemple.fr', 'fatou.diallo@exemple.fr']
			}
		]
	},
	{
		reference: '27812600002',
		body: 'territoires',
		title: 'Réaliser le diagnostic territorial de santé de sa CPTS',
		orientation: 'Coordination des parcours de santé et exercice coordonné',
		method: 'programme_integre',
		format: 'mixte',
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'coordinateur_autre'],
		andpcFunded: false,
		missions: ['acces_soins', 'prevention'],
		objectives:
			'Partir des besoins de la population et non de l’offre existante.\nMobiliser les données ouvertes (Insee, Assurance maladie, ARS) et les professionnels du territoire.\nÉcrire la partie « diagnostic » de la lettre d’intention et du projet de santé.',
		programme:
			'Classe virtuelle (2 h) : méthode du diagnostic populationnel, sources de données.\nJournée en présentiel : atelier cartographie des bassins de patientèle, priorisation des problèmes de santé, restitution au groupe.',
		resources: ['trame-diagnostic-territorial-populationnel', 'cartographie-bassins-patientele-territoire-cpts', 'trame-lettre-intention-ars'],
		sessions: [
			{
				number: 1,
				inDays: 25,
				parts: [[0, '18:30', '20:30'], [9, '09:00', '17:00']],
				timeZone: 'Europe/Paris',
				capacity: 20,
				place: 'Lyon, URPS Auvergne-Rhône-Alpes, 20 rue Barrier',
				videoUrl: 'https://visio.exemple.fr/diagnostic-territorial-s1',
				regionCode: '84',
				trainers: [TRAINER_DEMO],
				status: 'published',
				registrants: ['amandine.royer@exemple.fr', 'isabelle.marchal@exemple.fr']
			}
		]
	},
	{
		reference: '45192600003',
		body: 'ocean',
		title: 'Sortie d’hospitalisation de la personne âgée : un parcours ville-hôpital sans rupture',
		orientation: 'Parcours de la personne âgée et maintien à domicile',
		method: 'gestion_risques',
		format: 'presentiel',
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute'],
		andpcFunded: true,
		missions: ['parcours', 'qualite_pertinence'],
		objectives:
			'Repérer les risques de la sortie d’hospitalisation (iatrogénie, chute, isolement) entre J-2 et J+7.\nOrganiser la conciliation médicamenteuse entre l’hôpital, l’officine et l’infirmier à domicile.\nUtiliser une fiche de liaison commune sur le territoire.',
		programme:
			'Première demi-journée : analyse de cas de ruptures de parcours vécus au CHU de Saint-Pierre et en ville, méthode de revue de morbi-mortalité.\nDeuxième demi-journée : construction du circuit de sortie du territoire, rôle du binôme infirmier-pharmacien, indicateurs de suivi.',
		resources: ['sortie-hospitalisation-personne-agee-j-2-j-7', 'fiche-de-liaison-ville-hopital-sortie', 'conciliation-medicamenteuse-officine-retour-domicile'],
		sessions: [
			{
				number: 1,
				inDays: 12,
				parts: [[0, '08:30', '12:00'], [1, '08:30', '12:00']],
				timeZone: 'Indian/Reunion',
				capacity: 14,
				reservedSeats: { pharmacien: 3 },
				place: 'Saint-Pierre (La Réunion), salle de formation du pôle de santé, 4 rue Babet',
				regionCode: '04',
				trainers: ['nathalie.grondin@exemple.fr', 'dr.thierry.payet@exemple.fr'],
				status: 'published',
				registrants: ['ludovic.hoarau@exemple.fr', COORDINATOR]
			}
		]
	},
	{
		reference: '45192600004',
		body: 'ocean',
		title: 'Soins non programmés : organiser la réponse du territoire le soir et le week-end',
		orientation: 'Soins non programmés et accès aux soins',
		method: 'evaluation_pratiques',
		format: 'non_presentiel',
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien'],
		andpcFunded: true,
		missions: ['acces_soins'],
		objectives:
			'Évaluer l’organisation actuelle des soins non programmés de son territoire à partir d’indicateurs partagés.\nMettre en place un planning partagé entre cabinets et un suivi des créneaux.',
		programme:
			'Trois classes virtuelles de deux heures : audit de la situation (appels, passages aux urgences évitables), construction du planning partagé, retour d’expérience à six semaines.',
		resources: ['planning-partage-soins-non-programmes-zone-rurale', 'tableau-de-suivi-creneaux-soins-non-programmes', 'analyse-litterature-organisation-soins-non-programmes'],
		sessions: [
			{
				number: 1,
				inDays: 30,
				parts: [[0, '18:00', '20:00'], [14, '18:00', '20:00'], [42, '18:00', '20:00']],
				timeZone: 'America/Martinique',
				capacity: 15,
				videoUrl: 'https://visio.exemple.fr/snp-antilles',
				regionCode: '02',
				trainers: ['dr.thierry.payet@exemple.fr'],
				status: 'published',
				registrants: ['marie-ange.celestine@exemple.fr']
			}
		]
	},
	{
		reference: '27812600005',
		body: 'territoires',
		title: 'Messagerie sécurisée et DMP : partager l’information entre professionnels de la CPTS',
		orientation: 'Numérique en santé : DMP, messagerie sécurisée, télésanté',
		method: 'formation_continue',
		format: 'non_presentiel',
		professions: ['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'sage_femme', 'orthophoniste'],
		andpcFunded: false,
		missions: ['qualite_pertinence', 'parcours'],
		objectives: 'Utiliser la messagerie sécurisée de santé au quotidien.\nSavoir quoi déposer dans le DMP, et quand.',
		programme: 'Classe virtuelle : démonstration, cas pratiques, questions-réponses ; kit de déploiement pour la CPTS.',
		resources: ['deployer-messagerie-securisee-toute-la-cpts', 'kit-deploiement-mssante', 'alimenter-le-dmp-qui-quoi-quand'],
		sessions: [
			{
				number: 1,
				inDays: 8,
				parts: [[0, '13:00', '15:00']],
				timeZone: 'Europe/Paris',
				capacity: 15,
				videoUrl: 'https://visio.exemple.fr/mssante-dmp',
				trainers: ['agnes.vidal@exemple.fr'],
				status: 'published',
				registrants: [MEMBER, 'helene.perrin@exemple.fr']
			},
			{
				number: 2,
				inDays: 50,
				parts: [[0, '13:00', '15:00']],
				timeZone: 'Europe/Paris',
				capacity: 15,
				videoUrl: 'https://visio.exemple.fr/mssante-dmp-2',
				trainers: ['agnes.vidal@exemple.fr'],
				status: 'draft'
			}
		]
	}
];

/** "2026-12-03" plus "09:00" in a zone, as an instant. */
function at(day: Date, time: string, zone: string): Date {
	const [hour, minute] = time.split(':').map(Number);
	return zonedInstant(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute, 0, zone);
}

export async function seedDpcDemo(db: DbOrTx, options: { trainerId: string | null; now?: Date }): Promise<{ actions: number; sessions: number }> {
	const now = options.now ?? new Date();
	const unusable = await hash(generateSecretToken());
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${DPC_SEED_LOCK_KEY})`);
		const existing = new Set(
			(await tx.select({ reference: dpcActions.reference }).from(dpcActions).where(inArray(dpcActions.reference, ACTIONS.map((action) => action.reference)))).map(
				(row) => row.reference
			)
		);
		if (existing.size === ACTIONS.length) return { actions: 0, sessions: 0 };

		const bodyIds = {
			territoires: (await ensureBody(tx, BODIES.territoires)).id,
			ocean: (await ensureBody(tx, BODIES.ocean)).id
		};
		const people = new Map<string, { id: string; profession: Profession }>();
		const lookup = async (email: string) => {
			if (!people.has(email)) {
				const [row] = await tx.select({ id: users.id, profession: users.profession }).from(users).where(eq(users.email, email));
				if (row) people.set(email, { id: row.id, profession: row.profession as Profession });
			}
			return people.get(email) ?? null;
		};
		if (options.trainerId) await attachTrainer(tx, options.trainerId, bodyIds.territoires);
		for (const trainer of TRAINERS) {
			let row = await lookup(trainer.email);
			if (!row) {
				const id = generateId();
				await tx.insert(users).values({ id, email: trainer.email, name: trainer.name, profession: trainer.profession, passwordHash: unusable, emailVerifiedAt: now });
				row = { id, profession: trainer.profession };
				people.set(trainer.email, row);
			}
			await tx.insert(userRoles).values({ userId: row.id, role: 'trainer' }).onConflictDoNothing();
			await attachTrainer(tx, row.id, bodyIds[trainer.body]);
		}

		let actions = 0;
		let sessions = 0;
		for (const entry of ACTIONS) {
			if (existing.has(entry.reference)) continue;
			const actionId = generateId();
			await tx.insert(dpcActions).values({
				id: actionId,
				reference: entry.reference,
				bodyId: bodyIds[entry.body],
				title: entry.title,
				orientation: entry.orientation,
				method: entry.method,
				format: entry.format,
				professions: entry.professions,
				interprofessional: true,
				andpcFunded: entry.andpcFunded,
				missions: entry.missions,
				objectives: entry.objectives,
				programme: entry.programme,
				createdBy: options.trainerId,
				createdAt: new Date(now.getTime() - 90 * DAY_MS)
			});
			actions++;
			let position = 0;
			for (const slug of entry.resources) {
				const resource = await findResourceBySlug(tx, slug);
				if (resource?.status === 'published') await tx.insert(dpcActionResources).values({ actionId, resourceId: resource.id, position: position++ });
			}
			for (const demo of entry.sessions) {
				// Whole days from today, at the place's wall-clock times.
				const base = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + demo.inDays * DAY_MS);
				const parts = demo.parts.map(([offset, start, end]) => {
					const day = new Date(base.getTime() + offset * DAY_MS);
					return { startsAt: at(day, start, demo.timeZone), endsAt: at(day, end, demo.timeZone), timeZone: demo.timeZone };
				});
				const sessionId = generateId();
				await tx.insert(dpcSessions).values({
					id: sessionId,
					actionId,
					number: demo.number,
					status: demo.status,
					capacity: demo.capacity,
					reservedSeats: demo.reservedSeats ?? {},
					place: demo.place ?? null,
					videoUrl: demo.videoUrl ?? null,
					regionCode: demo.regionCode ?? null,
					registrationDeadline: new Date(parts[0].startsAt.getTime() - 2 * DAY_MS),
					startsAt: parts[0].startsAt,
					endsAt: parts[parts.length - 1].endsAt,
					createdBy: options.trainerId,
					publishedAt: demo.status === 'draft' ? null : new Date(now.getTime() - 30 * DAY_MS)
				});
				sessions++;
				const partRows = await tx
					.insert(dpcSessionParts)
					.values(parts.map((part, index) => ({ id: generateId(), sessionId, position: index, ...part })))
					.returning({ id: dpcSessionParts.id });
				for (const email of demo.trainers) {
					const trainer = email === TRAINER_DEMO ? (options.trainerId ? { id: options.trainerId } : null) : await lookup(email);
					if (trainer) await tx.insert(dpcSessionTrainers).values({ sessionId, userId: trainer.id });
				}
				// The same seat rules as real registrations, in order: the last ones may wait.
				const counts: SeatCounts = {};
				const rules = { capacity: demo.capacity, reservedSeats: demo.reservedSeats ?? {} };
				for (const [index, email] of (demo.registrants ?? []).entries()) {
					const person = await lookup(email);
					if (!person || !entry.professions.includes(person.profession)) continue;
					const status = hasSeatFor(rules, counts, person.profession) ? 'registered' : 'waitlisted';
					if (status === 'registered') counts[person.profession] = (counts[person.profession] ?? 0) + 1;
					const queuedAt = new Date(now.getTime() - (20 - index) * DAY_MS);
					const registrationId = generateId();
					await tx.insert(dpcRegistrations).values({
						id: registrationId,
						sessionId,
						userId: person.id,
						status,
						profession: person.profession,
						queuedAt,
						registeredAt: status === 'registered' ? queuedAt : null,
						createdAt: queuedAt
					});
					if (demo.attended && status === 'registered') {
						await tx.insert(dpcAttendance).values(
							partRows.map((part) => ({ registrationId, partId: part.id, status: 'present' as const, recordedBy: options.trainerId, recordedAt: parts[parts.length - 1].endsAt }))
						);
					}
				}
				if (demo.status === 'published' && totalRegistered(counts) >= demo.capacity) {
					await tx.update(dpcSessions).set({ status: 'full' }).where(eq(dpcSessions.id, sessionId));
				}
				// Published sessions have their discussion thread, as publishing opens it.
				if (demo.status !== 'draft') await openSessionThread(tx, (await findSessionFacts(tx, sessionId))!);
			}
		}
		return { actions, sessions };
	});
}
