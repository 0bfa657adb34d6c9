/**
 * DPC registrations on real PostgreSQL: 1,000 people press "M'inscrire" at the same moment
 * on a 30-seat session, through the app (form action POSTs, each with its own signed-in
 * session), then the same on a second session with register() called directly (no HTTP).
 * Prints the duration, registrations per second, latency p50/p99, how many got a seat (must
 * be 30), how many wait, and overbooking counted by a query over every session (must be 0); then the catalogue pages are loaded like the others, beside the
 * bare-Node bound.
 *
 * `BENCH_ONLY=dpc npm run bench` (or `npm run bench -- dpc`). BENCH_DPC_PEOPLE changes 1,000,
 * BENCH_DPC_SEATS the 30, BENCH_DPC_SESSIONS the number of extra catalogue sessions (300).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../src/lib/server/db';
import { dpcActions, dpcRegistrations, dpcSessionParts, dpcSessions, dpcSessionTrainers, users } from '../../src/lib/server/db/schema';
import { seedDpcDemo } from '../../src/lib/server/demo/dpc';
import { dpcViewer, register } from '../../src/lib/server/dpc';
import { ensureBody } from '../../src/lib/server/dpc/bodies';
import { MISSIONS } from '../../src/lib/domain/library';
import type { BenchContext, Scenario } from '../lib/types';

const PEOPLE = Number(process.env.BENCH_DPC_PEOPLE ?? 1_000);
const SEATS = Number(process.env.BENCH_DPC_SEATS ?? 30);
const EXTRA_SESSIONS = Number(process.env.BENCH_DPC_SESSIONS ?? 300);
const DAY_MS = 86_400_000;

const TOPICS = [
	'Travail en équipe pluriprofessionnelle',
	'Soins non programmés',
	'Sortie d’hospitalisation',
	'Diagnostic territorial',
	'Messagerie sécurisée et DMP',
	'Prévention du diabète',
	'Santé mentale en soins primaires',
	'Plaies chroniques à domicile',
	'Parcours de la personne âgée',
	'Vaccination coordonnée'
];

/** Catalogue-sized data: EXTRA_SESSIONS published sessions under generated actions. */
async function generateCatalogue(db: Db, bodyId: string): Promise<void> {
	const zones = ['Europe/Paris', 'Europe/Paris', 'Europe/Paris', 'Indian/Reunion', 'America/Martinique'];
	const regions = ['84', '44', '11', '75', '76', '04', '02'];
	for (let index = 0; index < EXTRA_SESSIONS; index++) {
		const actionId = `benchdpca${index}`;
		if (index % 2 === 0) {
			await db
				.insert(dpcActions)
				.values({
					id: actionId,
					reference: String(90_000_000_000 + index),
					bodyId,
					title: `${TOPICS[index % TOPICS.length]} — module ${index}`,
					orientation: 'Coordination des parcours de santé et exercice coordonné',
					method: 'formation_continue',
					format: index % 3 === 0 ? 'non_presentiel' : 'presentiel',
					professions: ['infirmier', 'medecin_generaliste', 'pharmacien'],
					interprofessional: true,
					missions: [MISSIONS[index % MISSIONS.length]],
					objectives: 'Organiser la coordination entre professionnels du territoire.',
					programme: 'Cas cliniques, protocoles pluriprofessionnels, évaluation des pratiques.'
				})
				.onConflictDoNothing();
		}
		const start = new Date(Date.now() + (3 + (index % 120)) * DAY_MS);
		const sessionId = `benchdpcs${index}`;
		await db
			.insert(dpcSessions)
			.values({
				id: sessionId,
				actionId: `benchdpca${index - (index % 2)}`,
				number: (index % 2) + 1,
				status: 'published',
				capacity: 20,
				place: 'Salle de formation',
				regionCode: regions[index % regions.length],
				registrationDeadline: new Date(start.getTime() - DAY_MS),
				startsAt: start,
				endsAt: new Date(start.getTime() + 3.5 * 3_600_000),
				publishedAt: new Date()
			})
			.onConflictDoNothing();
		await db
			.insert(dpcSessionParts)
			.values({ id: `benchdpcp${index}`, sessionId, position: 0, startsAt: start, endsAt: new Date(start.getTime() + 3.5 * 3_600_000), timeZone: zones[index % zones.length] })
			.onConflictDoNothing();
	}
	await db.execute(sql`analyze dpc_sessions`);
	await db.execute(sql`analyze dpc_actions`);
}

/** The 30-seat sessions everyone rushes to (one through the app, one direct), and the 1,000 candidates (nurses and GPs). */
async function prepareRush(db: Db, bodyId: string, trainerId: string): Promise<{ sessionId: string; directSessionId: string; emails: string[] }> {
	const [action] = await db
		.insert(dpcActions)
		.values({
			id: 'benchdpcrushaction',
			reference: '99999999999',
			bodyId,
			title: 'Coordination infirmier-médecin autour des plaies chroniques',
			orientation: 'Coordination des parcours de santé et exercice coordonné',
			method: 'formation_continue',
			format: 'presentiel',
			professions: ['infirmier', 'medecin_generaliste'],
			interprofessional: true,
			objectives: 'Harmoniser la prise en charge.',
			programme: 'Cas cliniques.'
		})
		.returning();
	const start = new Date(Date.now() + 20 * DAY_MS);
	const [session] = await db
		.insert(dpcSessions)
		.values({
			id: 'benchdpcrush',
			actionId: action.id,
			number: 1,
			status: 'published',
			capacity: SEATS,
			place: 'Saint-Denis (La Réunion)',
			regionCode: '04',
			registrationDeadline: new Date(start.getTime() - DAY_MS),
			startsAt: start,
			endsAt: new Date(start.getTime() + 3.5 * 3_600_000),
			publishedAt: new Date()
		})
		.returning();
	const { id: _id, ...copy } = session;
	const [direct] = await db.insert(dpcSessions).values({ ...copy, id: 'benchdpcrushdirect', number: 2 }).returning();
	for (const each of [session, direct]) {
		await db.insert(dpcSessionParts).values({ id: `${each.id}part`, sessionId: each.id, position: 0, startsAt: each.startsAt, endsAt: each.endsAt, timeZone: 'Indian/Reunion' });
		await db.insert(dpcSessionTrainers).values({ sessionId: each.id, userId: trainerId });
	}
	const [{ passwordHash }] = await db.select({ passwordHash: users.passwordHash }).from(users).limit(1);
	const emails = Array.from({ length: PEOPLE }, (_, index) => `bench-dpc-${index}@exemple.fr`);
	for (let offset = 0; offset < PEOPLE; offset += 500) {
		await db.insert(users).values(
			emails.slice(offset, offset + 500).map((email, index) => ({
				id: `benchdpcu${offset + index}`,
				email,
				name: `Professionnel ${offset + index}`,
				profession: (offset + index) % 2 ? 'infirmier' : 'medecin_generaliste',
				passwordHash,
				emailVerifiedAt: new Date()
			}))
		);
	}
	return { sessionId: session.id, directSessionId: direct.id, emails };
}

/**
 * What a rush left: registered, waiting, the session's status, and overbooking as the
 * database counts it (registered beyond capacity, over every session), printed with the timings.
 */
async function report(db: Db, title: string, sessionId: string, seconds: number, latencies: number[], failures: string[]): Promise<void> {
	const [counts] = await db
		.select({
			registered: sql<number>`count(*) filter (where ${dpcRegistrations.status} = 'registered')::int`,
			waitlisted: sql<number>`count(*) filter (where ${dpcRegistrations.status} = 'waitlisted')::int`
		})
		.from(dpcRegistrations)
		.where(eq(dpcRegistrations.sessionId, sessionId));
	const [session] = await db.select({ status: dpcSessions.status }).from(dpcSessions).where(and(eq(dpcSessions.id, sessionId)));
	const [overbooking] = rowsOf<{ sessions: number; seats: number }>(
		await db.execute(sql`
			select count(*)::int as sessions, coalesce(sum(taken - capacity), 0)::int as seats from (
				select s.capacity, count(r.id) as taken from ${dpcSessions} s
				join ${dpcRegistrations} r on r.session_id = s.id and r.status = 'registered' group by s.id) as booked
			where taken > capacity`)
	);
	latencies.sort((a, b) => a - b);
	const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
	console.log('');
	console.log(title);
	console.log(`  durée totale            ${number.format(seconds)} s`);
	console.log(`  inscriptions par seconde ${number.format(PEOPLE / seconds)}`);
	console.log(`  latence p50 / p99 / max ${number.format(latencies[Math.floor(latencies.length * 0.5)])} / ${number.format(latencies[Math.floor(latencies.length * 0.99)])} / ${number.format(latencies[latencies.length - 1])} ms`);
	console.log(`  inscrits                ${counts.registered} (attendu : ${SEATS})${Number(counts.registered) === SEATS ? '' : '  ← SURRÉSERVATION OU SOUS-RÉSERVATION'}`);
	console.log(`  liste d’attente         ${counts.waitlisted} (attendu : ${PEOPLE - SEATS})`);
	console.log(`  statut de la session    ${session.status}`);
	console.log(`  surréservation (requête) ${overbooking.seats} place(s) sur ${overbooking.sessions} session(s)${overbooking.seats ? '  ← ÉCHEC' : ''}`);
	console.log(`  réponses en erreur      ${failures.length}${failures.length ? ` (${[...new Set(failures)].join(', ')})` : ''}`);
	console.log('');
}

/** The same rush without HTTP: 1,000 register() calls at once on the bench process's pool. */
async function directRush(db: Db, sessionId: string, emails: string[]): Promise<void> {
	const people = await db.select().from(users).where(inArray(users.email, emails));
	const viewers = await Promise.all(
		people.map((user) => dpcViewer(db, { ...user, emailVerified: true, locale: 'fr', roles: [] }))
	);
	const latencies: number[] = [];
	const started = performance.now();
	const failures = (
		await Promise.all(
			viewers.map(async (viewer) => {
				const sent = performance.now();
				try {
					await register(db, viewer, sessionId);
					return null;
				} catch (error) {
					return String((error as Error).message);
				} finally {
					latencies.push(performance.now() - sent);
				}
			})
		)
	).filter((failure): failure is string => failure !== null);
	const seconds = (performance.now() - started) / 1000;
	await report(db, `Inscriptions DPC simultanées, appels directs (${PEOPLE} register() sur le pool du banc, une session ${SEATS} places, PostgreSQL)`, sessionId, seconds, latencies, failures);
}

async function rush(context: BenchContext): Promise<void> {
	const { db } = context;
	const [trainer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'formateur@demo.reseau-cpts.fr'));
	await seedDpcDemo(db, { trainerId: trainer?.id ?? null });
	const body = await ensureBody(db, { name: 'Organisme du banc d’essai', registrationNumber: '9999' });
	console.log(`[bench] DPC : ${EXTRA_SESSIONS} sessions au catalogue, ${PEOPLE} candidats…`);
	await generateCatalogue(db, body.id);
	const { sessionId, directSessionId, emails } = await prepareRush(db, body.id, trainer.id);
	const cookies = [];
	for (const email of emails) cookies.push(await context.sessionCookie(email));

	const url = `${context.appUrl}/formations/sessions/${sessionId}?/register`;
	const started = performance.now();
	const latencies: number[] = [];
	// Everyone at once: one form action POST each, as use:enhance sends it.
	const statuses = await Promise.all(
		cookies.map(async (cookie) => {
			const sent = performance.now();
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					cookie,
					origin: new URL(context.appUrl).origin.replace(/:\d+$/, ''),
					'content-type': 'application/x-www-form-urlencoded',
					'x-sveltekit-action': 'true',
					accept: 'application/json'
				},
				body: ''
			});
			const body = (await response.json()) as { type?: string; data?: string };
			latencies.push(performance.now() - sent);
			return body.type === 'success' ? 'ok' : `${response.status} ${body.type}`;
		})
	);
	const seconds = (performance.now() - started) / 1000;
	const failures = statuses.filter((status) => status !== 'ok');
	await report(db, `Inscriptions DPC simultanées (${PEOPLE} POST /formations/sessions/…?/register, une session ${SEATS} places, PostgreSQL)`, sessionId, seconds, latencies, failures);
	await directRush(db, directSessionId, emails);
}

const scenario: Scenario = {
	name: 'dpc',
	description: `DPC : ${PEOPLE} inscriptions simultanées sur ${SEATS} places, puis le catalogue sous charge`,
	setup: rush,
	// The search's count heading ("42 sessions", dpc.catalogue.results) proves the search ran.
	targets: () => [
		{ label: 'catalogue DPC /formations', path: '/formations', expectText: 'Formations DPC' },
		{ label: 'catalogue DPC, recherche « coordination » + infirmier', path: '/formations?q=coordination&profession=infirmier', expectText: ' sessions</h2>' },
		{ label: 'catalogue DPC, vue mois', path: '/formations?vue=mois', expectText: 'grid-days' }
	]
};

export default scenario;
