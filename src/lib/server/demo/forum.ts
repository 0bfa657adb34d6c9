/**
 * Demo content of the forums: the six mission categories, regional ones, a general one,
 * the private space of the CPTS Sud-Toulois, and discussions drawn from the situations of
 * the IGAS report and the seminar deck (unscheduled care, hospital discharge, screening,
 * cooperation protocols, interns in rural areas, heatwave plans, dengue in La Réunion).
 * Idempotent: categories by slug, threads by external key ("demo:<key>").
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, forumReactions, forumPosts, forumThreadWatches, forumThreads, users } from '../db/schema';
import type { Mission } from '../../domain/library';
import type { Profession, TerritoryNature } from '../../domain/professions';
import type { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from '../../domain/time-zones';
import { inZone } from '../../domain/zoned-time';
import { ensureCategory, ensureCptsSpace } from '../forum/categories';
import { appendPost, createThread, upsertReadPosition } from '../forum/thread-writes';

/** Demo posts are written on working days, 8:00 to 20:00 on their authors' clock. */
const WORKDAY_START_HOUR = 8;
const WORKDAY_HOURS = 12;
/** Public holidays on a fixed date (month-day), when nobody posts either. */
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25']);

/** Whether a calendar day (in its zone) is a working day. */
function isWorkingDay(day: DateTime): boolean {
	return day.weekday <= 5 && !FIXED_HOLIDAYS.has(day.toFormat('MM-dd'));
}

/** The calendar day `step` days from `day` (negative: before), moved on in that direction to a working day. */
function workingDayFrom(day: DateTime, step: number): DateTime {
	let at = day.plus({ days: step });
	const direction = step < 0 ? -1 : 1;
	while (!isWorkingDay(at)) at = at.plus({ days: direction });
	return at;
}

/**
 * The instant `workingHours` working hours after 8:00, in `timeZone`, on the working day at
 * or before `daysAgo` days before `now`: a thread started 12 days ago and answered "16 hours
 * later" is answered the next working day at noon, not at midnight nor on a Sunday. Never
 * later than `now`: a post that would be is moved back by working days.
 */
function demoInstant(now: Date, daysAgo: number, workingHours: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
	let day = workingDayFrom(inZone(now, timeZone).startOf('day'), -daysAgo);
	for (let left = Math.floor(workingHours / WORKDAY_HOURS); left > 0; left--) day = workingDayFrom(day, 1);
	const minutes = Math.round((workingHours % WORKDAY_HOURS) * 60);
	const at = () => day.set({ hour: WORKDAY_START_HOUR }).plus({ minutes }).toJSDate();
	while (at().getTime() > now.getTime()) day = workingDayFrom(day, -1);
	return at();
}

export const DEMO_CATEGORIES: { slug: string; name: string; description: string; mission?: Mission; regionCode?: string; position: number }[] = [
	// Named as the missions are (catalogue 'mission.*'), in their order: the four socle missions, then
	// the two optional ones. Slugs stay as first published (links already shared).
	{ slug: 'acces-aux-soins', name: 'Accès aux soins', mission: 'acces_soins', position: 10, description: 'Médecin traitant pour chaque patient, soins non programmés, télésanté, accès aux spécialistes.' },
	{ slug: 'parcours-des-patients', name: 'Parcours pluriprofessionnels', mission: 'parcours', position: 20, description: 'Premier et second recours, ville–hôpital–médico-social, sorties d’hospitalisation, psychiatrie.' },
	{ slug: 'prevention', name: 'Prévention', mission: 'prevention', position: 30, description: 'Dépistages, vaccination, éducation à la santé, publics fragiles.' },
	{ slug: 'crises-sanitaires', name: 'Réponse aux crises sanitaires graves', mission: 'crises_sanitaires', position: 40, description: 'Plans de réponse aux crises : canicule, épidémies, événements climatiques.' },
	{ slug: 'qualite-et-pertinence', name: 'Qualité et pertinence des soins', mission: 'qualite_pertinence', position: 50, description: 'Protocoles pluriprofessionnels, coopérations, bon usage des médicaments.' },
	{ slug: 'accompagnement-des-professionnels', name: 'Accompagnement des professionnels', mission: 'accompagnement_professionnels', position: 60, description: 'Attractivité du territoire, accueil des stagiaires et internes, formation, qualité de vie au travail.' },
	{ slug: 'grand-est', name: 'Grand Est', regionCode: '44', position: 200, description: 'Échanges entre les CPTS de la région Grand Est.' },
	{ slug: 'la-reunion', name: 'La Réunion', regionCode: '04', position: 210, description: 'Échanges entre les CPTS de La Réunion (heure de La Réunion, UTC+4).' },
	{ slug: 'vie-du-reseau', name: 'Vie du réseau', position: 300, description: 'Présentations, annonces de l’équipe d’animation, idées pour le réseau.' }
];

interface DemoThread {
	key: string;
	category: string;
	author: string;
	title: string;
	body: string;
	natures?: TerritoryNature[];
	professions?: Profession[];
	/** The zone of its author's CPTS, when not mainland France's: posts follow their clock. */
	timeZone?: string;
	daysAgo: number;
	replies: { author: string; body: string; hoursLater: number }[];
	/** Index in `replies` of the accepted answer. */
	accepted?: number;
	reactions?: { reply: number; by: string[]; kind: 'merci' | 'utile' }[];
	/** People who track the thread, having read it up to their own last post (Mon espace shows what came after). */
	trackedBy?: string[];
}

const PERRIN = 'helene.perrin@exemple.fr';
const ROYER = 'amandine.royer@exemple.fr';
const COLLIN = 'pierre.collin@exemple.fr';
const ROUSSEL = 'catherine.roussel@exemple.fr';
const THIEBAUT = 'sylvie.thiebaut@exemple.fr';
const MARCHAL = 'isabelle.marchal@exemple.fr';
const LEROY = 'vincent.leroy@exemple.fr';
const HENRY = 'aurelie.henry@exemple.fr';
const CHEVALIER = 'olivier.chevalier@exemple.fr';
const ANIMATRICE = 'animatrice@demo.reseau-cpts.fr';
const COORDINATRICE = 'coordinatrice@demo.reseau-cpts.fr';
const MEMBRE = 'membre@demo.reseau-cpts.fr';
const RENAUD = 'thomas.renaud@exemple.fr';
const PAYET = 'sandrine.payet@exemple.fr';
const HOARAU = 'ludovic.hoarau@exemple.fr';
const SCHMITT = 'jean-luc.schmitt@exemple.fr';
const FABRE = 'chloe.fabre@exemple.fr';

export const DEMO_THREADS: DemoThread[] = [
	{
		key: 'snp-samedi',
		category: 'acces-aux-soins',
		author: PERRIN,
		title: 'Soins non programmés : comment organiser une régulation entre cabinets le samedi matin ?',
		natures: ['periurbain'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien'],
		daysAgo: 12,
		body: `Bonjour à toutes et à tous,

Autour de Colombey-les-Belles, le secteur le moins dense de notre CPTS du Sud-Toulois, les patients sans rendez-vous du samedi matin finissent aux urgences de Toul, à une vingtaine de minutes. Nous sommes **six médecins généralistes** sur quatre cabinets et aucun n’est ouvert le samedi toute l’année.

Nous réfléchissons à :

- un planning partagé de créneaux « soins non programmés » (2 h par cabinet et par samedi, à tour de rôle) ;
- une ligne unique tenue par la coordinatrice, qui oriente vers le cabinet de garde ;
- un lien avec la régulation du SAMU pour les appels au 15 qui relèvent de la ville.

Qui a mis cela en place ? Comment avez-vous financé le temps de coordination et convaincu les collègues réticents ? @animateurs, avez-vous des exemples dans le réseau ?`,
		replies: [
			{
				author: ROYER,
				hoursLater: 5,
				body: `À Vénissieux et Saint-Fons, nous l’avons mis en place en 2024 avec cinq cabinets, avant même de signer l’ACI. Ce qui a marché :

1. **Commencer petit** : un samedi sur deux pendant trois mois, puis tous les samedis.
2. Des créneaux réservés dans l’agenda en ligne de chaque cabinet, visibles par la régulation.
3. Le temps de coordination pris sur le financement de démarrage reçu à la validation de notre lettre d’intention, en attendant la mission accès aux soins de l’ACI ; pour les médecins, la majoration de soins non programmés quand le patient leur est adressé par la régulation.

Le point dur a été la communication auprès des patients : affiches en pharmacie, en plusieurs langues, et message sur le répondeur de chaque cabinet.`
			},
			{
				author: COLLIN,
				hoursLater: 9,
				body: `Côté pharmacie, nous voyons beaucoup de demandes le samedi matin qui pourraient être traitées par le pharmacien (cystites simples, angines : depuis 2024, après un test rapide en officine). Si le planning est partagé avec les officines, nous pouvons orienter au bon endroit plutôt que vers les urgences.`
			},
			{
				author: ROUSSEL,
				hoursLater: 26,
				body: `Attention à ne pas oublier les infirmiers : dans le Sud-Lochois, le cabinet infirmier de garde fait le premier tri par téléphone pour les patients connus (plaies, sondes, perfusions). Cela a évité une bonne partie des passages aux urgences le week-end.`
			},
			{
				author: ANIMATRICE,
				hoursLater: 30,
				body: `Merci pour ces retours ! Deux ressources de la bibliothèque peuvent aider : la bonne pratique « Un planning partagé de soins non programmés entre cabinets ruraux » et le « Profil-type semi-rural : maintenir l’offre face à la tension démographique ». Je propose un **échange de pratiques en visio** sur ce thème le mois prochain : je le programme dans ce sujet.`
			}
		],
		accepted: 0,
		reactions: [
			{ reply: 0, by: [PERRIN, COLLIN, MARCHAL], kind: 'utile' },
			{ reply: 0, by: [PERRIN], kind: 'merci' },
			{ reply: 2, by: [PERRIN, THIEBAUT], kind: 'utile' }
		]
	},
	{
		key: 'sortie-hospitalisation',
		category: 'parcours-des-patients',
		author: THIEBAUT,
		title: 'Sortie d’hospitalisation des personnes âgées : qui appelle le patient à J+2 ?',
		natures: ['rural'],
		professions: ['infirmier', 'medecin_generaliste', 'pharmacien'],
		daysAgo: 9,
		body: `À la CPTS de La Plaine, nous avons trop de réhospitalisations dans le mois qui suit une sortie, surtout chez les plus de 75 ans qui vivent seuls. L’hôpital envoie la lettre de liaison, mais personne n’appelle le patient les premiers jours.

Avez-vous mis en place un **appel systématique à J+2** ? Par qui (infirmier libéral, pharmacien, coordinatrice) et avec quelle liste de questions ?`,
		replies: [
			{
				author: ROUSSEL,
				hoursLater: 20,
				body: `Dans le Sud-Lochois, c’est moi qui appelle, comme infirmière coordinatrice de la CPTS à temps partiel, à partir d’une liste transmise chaque matin par le service de médecine du centre hospitalier de Loches. Je vérifie : ordonnance récupérée, rendez-vous de suivi pris, passage infirmier prévu, aidant présent. En cas de problème, je préviens le médecin traitant par messagerie sécurisée.`
			},
			{
				author: HENRY,
				hoursLater: 28,
				body: `Dans le Barrois, nous faisons un **bilan de médication** en officine dans la semaine qui suit la sortie : beaucoup d’erreurs viennent des changements de traitement mal compris. L’appel à J+2 et le bilan de médication se complètent bien.`
			}
		],
		accepted: 0,
		reactions: [{ reply: 0, by: [THIEBAUT, CHEVALIER], kind: 'utile' }]
	},
	{
		key: 'depistage-colorectal',
		category: 'prevention',
		author: HENRY,
		title: 'Dépistage du cancer colorectal : retour sur notre action en officine',
		natures: ['periurbain'],
		professions: ['pharmacien', 'medecin_generaliste'],
		daysAgo: 20,
		body: `Retour d’expérience de la CPTS du Barrois (chiffres fictifs de démonstration) : pendant Mars bleu, douze officines ont remis des kits de dépistage du cancer colorectal aux personnes de 50 à 74 ans.

- **412 kits remis** en un mois (contre une cinquantaine l’année précédente) ;
- un support commun conçu avec les médecins généralistes ;
- un suivi des kits rapportés avec le centre régional de coordination des dépistages.

Le plus difficile : obtenir les chiffres de retour des kits. Si d’autres CPTS ont trouvé comment, je suis preneuse.`,
		replies: [
			{
				author: CHEVALIER,
				hoursLater: 40,
				body: `Bravo pour ces chiffres ! Dans le Sud-Lochois, nous avons obtenu les taux de retour en signant une convention de partage de données avec le centre régional de coordination : c’est long (trois mois), mais ensuite c’est trimestriel et automatique.`
			}
		],
		reactions: [{ reply: 0, by: [HENRY], kind: 'merci' }]
	},
	{
		key: 'protocole-cystite',
		category: 'qualite-et-pertinence',
		author: COLLIN,
		title: 'Cystite simple : antibiotique délivré en officine après test urinaire, comment l’organiser avec les médecins ?',
		professions: ['pharmacien', 'medecin_generaliste'],
		daysAgo: 6,
		body: `Depuis juin 2024, un pharmacien formé peut délivrer sans ordonnance un antibiotique à une femme de 16 à 65 ans qui présente une cystite simple, après un test urinaire par bandelette positif, et il en informe le médecin traitant. Dans le Sud-Toulois, peu d’officines le font encore et nous aimerions l’organiser avec les médecins.

Questions pratiques :

1. Comment avez-vous formé les équipes officinales ?
2. Comment informez-vous le médecin traitant ?
3. Quels critères d’orientation vers le médecin (fièvre, grossesse, récidives) avez-vous écrits ensemble ?`,
		replies: [
			{
				author: LEROY,
				hoursLater: 4,
				body: `Dans le Barrois, la clé a été une **soirée de formation commune** médecins–pharmaciens, avec des cas pratiques et les critères d’orientation écrits ensemble. Pour informer le médecin traitant, un compte rendu dans le DMP et une copie par messagerie sécurisée suffisent.`
			}
		]
	},
	{
		key: 'internes-rural',
		category: 'accompagnement-des-professionnels',
		author: MARCHAL,
		title: 'Accueillir des internes en zone rurale : logement, transport, tutorat',
		natures: ['rural'],
		professions: ['medecin_generaliste'],
		daysAgo: 15,
		body: `Le territoire de la CPTS de La Plaine manque de médecins et les internes ne viennent pas : près d’une heure de la faculté de Nancy, pas de logement, pas de transport en commun.

La CPTS peut-elle porter un **logement partagé pour les stagiaires** (internes, étudiants infirmiers, kinés) ? Quelles aides des collectivités avez-vous obtenues ?`,
		replies: [
			{
				author: RENAUD,
				hoursLater: 12,
				body: `Dans le Sud-Toulois, la communauté de communes du Pays de Colombey et du Sud Toulois nous loue une maison à loyer modéré, meublée avec l’aide du département. Six places, occupées toute l’année par des internes et des étudiants kinés. Deux installations sur le territoire depuis !`
			},
			{
				author: ANIMATRICE,
				hoursLater: 16,
				body: `Très belle réussite, @thomas-renaud ! Pourriez-vous en faire un retour d’expérience pour la bibliothèque ? Le modèle de convention avec la communauté de communes intéressera beaucoup de CPTS.`
			}
		],
		accepted: 0,
		reactions: [{ reply: 0, by: [CHEVALIER, ANIMATRICE, MARCHAL, ROYER], kind: 'utile' }]
	},
	{
		key: 'plan-canicule',
		category: 'crises-sanitaires',
		author: ROUSSEL,
		title: 'Plan canicule : partager la liste des personnes vulnérables avec la mairie ?',
		natures: ['periurbain'],
		daysAgo: 30,
		body: `L’été dernier, dans le Sud-Lochois, chaque mairie tenait son registre des personnes vulnérables et les infirmiers libéraux leur propre liste. Personne n’avait la vue d’ensemble.

Comment organisez-vous ce partage, dans le respect du secret professionnel ? Le plan de réponse aux crises sanitaires de la CPTS le prévoit-il ?`,
		replies: [
			{
				author: FABRE,
				hoursLater: 48,
				body: `Dans l’Aubrac Margeride, nous ne partageons pas de liste : la mairie appelle les personnes de son registre et, si elle repère un besoin de soins, elle appelle le numéro unique de la CPTS qui mobilise un professionnel. Chacun garde ses données, la CPTS fait le lien.`
			}
		]
	},
	{
		key: 'rencontre-grand-est',
		category: 'grand-est',
		author: SCHMITT,
		title: 'Rencontre régionale des coordinateurs et coordinatrices de CPTS du Grand Est',
		daysAgo: 4,
		body: `Bonjour,

L’URPS et la fédération régionale proposent une rencontre des coordinateurs et coordinatrices de CPTS à Nancy dans les prochains mois. Thèmes envisagés : indicateurs de l’ACI, outils numériques partagés, fidélisation des professionnels.

Quels autres thèmes souhaitez-vous aborder ?`,
		replies: [
			{ author: COORDINATRICE, hoursLater: 3, body: `Merci ! Je proposerais un atelier pour préparer le **dialogue de gestion** annuel avec la CPAM et l’ARS, et un temps d’échange entre CPTS voisines qui partagent des communes, comme La Plaine et nous.` }
		]
	},
	{
		key: 'dengue-reunion',
		category: 'la-reunion',
		author: PAYET,
		title: 'Épidémie de dengue : coordination ville–hôpital dans le Sud',
		natures: ['outre_mer'],
		professions: ['medecin_generaliste', 'infirmier'],
		timeZone: 'Indian/Reunion',
		daysAgo: 3,
		body: `Dans le Sud, nous voulons être prêts pour la prochaine saison des pluies et le risque de dengue qui l’accompagne. Lors de la dernière épidémie, les cabinets ont été débordés et le CHU Sud Réunion a reçu beaucoup de formes simples.

Nous voulons préparer : une fiche commune de conduite à tenir, un circuit pour les bilans biologiques, et un lien avec l’ARS pour la surveillance.`,
		replies: [
			{ author: HOARAU, hoursLater: 6, body: `Dans la CPTS Sud Réunion, les infirmiers libéraux peuvent faire les prélèvements à domicile pour les patients fatigués : il faut juste s’accorder avec les laboratoires sur les horaires de passage.` }
		]
	},
	{
		key: 'presentations',
		category: 'vie-du-reseau',
		author: ANIMATRICE,
		title: 'Présentez-vous : qui êtes-vous, quelle est votre CPTS ?',
		daysAgo: 40,
		trackedBy: [MEMBRE],
		body: `Bienvenue sur les forums du réseau ! Je suis Sophie Lambert, animatrice du réseau. Mon rôle : faire circuler les bonnes idées entre CPTS et organiser des **échanges de pratiques** réguliers.

Présentez-vous en quelques lignes : votre profession, votre CPTS, et ce que vous aimeriez trouver ici.`,
		replies: [
			{ author: MEMBRE, hoursLater: 50, body: `Julien Moreau, pharmacien à Colombey-les-Belles, membre des CPTS du Sud-Toulois et de La Plaine. J’aimerais échanger sur les bilans de médication et les entretiens pharmaceutiques.` },
			{ author: PERRIN, hoursLater: 70, body: `Hélène Perrin, médecin généraliste, CPTS du Sud-Toulois. Je porte le projet de soins non programmés de notre territoire.` }
		]
	}
];

const PRIVATE_THREAD: Omit<DemoThread, 'category'> = {
	key: 'ag-sud-toulois',
	author: COORDINATRICE,
	title: 'Prochaine assemblée générale : ordre du jour et vote du budget',
	daysAgo: 2,
	body: `Bonjour à tous,

Voici le projet d’ordre du jour de l’assemblée générale :

1. Rapport d’activité et indicateurs de l’ACI ;
2. Budget prévisionnel (dont le temps de coordination des soins non programmés) ;
3. Renouvellement du bureau.

Merci de me faire part de vos remarques avant vendredi. @julien-moreau, pourrais-tu présenter le bilan des actions de prévention en officine ?`,
	replies: [{ author: MEMBRE, hoursLater: 5, body: `Oui, je m’en charge : je préparerai trois diapositives avec les chiffres du dépistage.` }]
};

/**
 * When each demo thread and each of its replies is posted, in order: threads open between
 * 8:30 and 11:30 on their author's clock, replies follow in working hours.
 */
export function demoSchedule(now: Date, threads: readonly Pick<DemoThread, 'daysAgo' | 'timeZone' | 'replies'>[]): { startedAt: Date; replies: Date[] }[] {
	return threads.map((thread, index) => {
		const opening = 0.5 + (index % 4);
		return {
			startedAt: demoInstant(now, thread.daysAgo, opening, thread.timeZone),
			replies: thread.replies.map((reply) => demoInstant(now, thread.daysAgo, opening + reply.hoursLater, thread.timeZone))
		};
	});
}

/** The demo threads and the private one of the Sud-Toulois, in seeding order. */
export const DEMO_THREADS_WITH_PRIVATE: readonly Omit<DemoThread, 'category'>[] = [...DEMO_THREADS, PRIVATE_THREAD];

export interface ForumSeedCounts {
	categories: number;
	threadsCreated: number;
}

/** Seeds the forums' demo content (skipping authors that do not exist). Safe on every start. */
export async function seedForumDemo(db: DbOrTx, now: Date = new Date()): Promise<ForumSeedCounts> {
	const categories = new Map<string, { id: string; categoryId: string }>();
	for (const entry of DEMO_CATEGORIES) {
		const row = await ensureCategory({ ...entry, description: entry.description }, db);
		categories.set(entry.slug, { id: row.id, categoryId: row.id });
	}
	const emails = [...new Set([...DEMO_THREADS.flatMap((thread) => [thread.author, ...thread.replies.map((reply) => reply.author), ...(thread.reactions ?? []).flatMap((reaction) => reaction.by)]), COORDINATRICE, MEMBRE])];
	const people = new Map(
		(await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))).map((row) => [row.email, row.id])
	);
	const idOf = (email: string) => people.get(email) ?? null;
	let threadsCreated = 0;
	const [sudToulois] = await db.select({ id: cpts.id, slug: cpts.slug, name: cpts.name }).from(cpts).where(eq(cpts.slug, 'sud-toulois'));
	const threads: (DemoThread & { categoryId: string })[] = DEMO_THREADS.map((thread) => ({ ...thread, categoryId: categories.get(thread.category)!.id }));
	if (sudToulois) {
		const space = await ensureCptsSpace(db, sudToulois);
		threads.push({ ...PRIVATE_THREAD, category: space.slug, categoryId: space.id });
	}
	const schedule = demoSchedule(now, threads);
	for (const [index, thread] of threads.entries()) {
		const { startedAt, replies } = schedule[index];
		await db.transaction(async (tx) => {
			const created = await createThread(
				{
					categoryId: thread.categoryId,
					authorId: idOf(thread.author),
					title: thread.title,
					body: thread.body,
					natures: thread.natures,
					professions: thread.professions,
					externalKey: `demo:${thread.key}`,
					createdAt: startedAt
				},
				tx
			);
			if (!created.created) return;
			threadsCreated++;
			const replyIds: number[] = [];
			for (const [replyIndex, reply] of thread.replies.entries()) {
				replyIds.push((await appendPost(tx, { id: created.threadId, categoryId: thread.categoryId }, idOf(reply.author), reply.body, replies[replyIndex])).postId);
			}
			for (const email of thread.trackedBy ?? []) {
				const userId = idOf(email);
				if (!userId) continue;
				const ownReplies = thread.replies.map((reply, replyIndex) => (reply.author === email ? replyIndex + 2 : 0));
				await tx.insert(forumThreadWatches).values({ userId, threadId: created.threadId, level: 'tracking' }).onConflictDoNothing();
				await upsertReadPosition(tx, userId, created.threadId, Math.max(1, ...ownReplies));
			}
			if (thread.accepted !== undefined) {
				await tx
					.update(forumThreads)
					.set({ acceptedPostId: replyIds[thread.accepted], acceptedBy: idOf(thread.author) })
					.where(eq(forumThreads.id, created.threadId));
			}
			for (const reaction of thread.reactions ?? []) {
				const postId = replyIds[reaction.reply];
				const voters = reaction.by.map(idOf).filter((id): id is string => id !== null);
				if (!postId || voters.length === 0) continue;
				await tx.insert(forumReactions).values(voters.map((userId) => ({ postId, userId, kind: reaction.kind }))).onConflictDoNothing();
				const column = reaction.kind === 'merci' ? forumPosts.merciCount : forumPosts.utileCount;
				await tx
					.update(forumPosts)
					.set({ [reaction.kind === 'merci' ? 'merciCount' : 'utileCount']: sql`${column} + ${voters.length}` })
					.where(eq(forumPosts.id, postId));
				await tx
					.update(forumThreads)
					.set({ reactionCount: sql`${forumThreads.reactionCount} + ${voters.length}` })
					.where(and(eq(forumThreads.id, created.threadId)));
			}
		});
	}
	return { categories: categories.size, threadsCreated };
}
