/**
 * Demo content of the forums: the six mission categories, regional ones, a general one,
 * the private space of the CPTS Sud-Toulois, and discussions drawn from the situations of
 * the IGAS report and the seminar deck (unscheduled care, hospital discharge, screening,
 * cooperation protocols, interns in rural areas, heatwave plans, dengue in La Réunion).
 * Idempotent: categories by slug, threads by external key ("demo:<key>").
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, forumReactions, forumPosts, forumThreads, users } from '../db/schema';
import type { Mission } from '../../domain/library';
import type { Profession, TerritoryNature } from '../../domain/professions';
import { wallClockAsUtc, zonedInstant } from '../../domain/time-zones';
import { ensureCategory, ensureCptsSpace } from './categories';
import { appendPost, createThread } from './thread-writes';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Demo posts are written during a working day in Paris: 8:00 to 20:00. */
const WORKDAY_START_HOUR = 8;
const WORKDAY_HOURS = 12;

/**
 * The instant `workingHours` working hours after 8:00 (Paris) on the day `daysAgo` days
 * before `now`: a thread started 12 days ago and answered "16 hours later" is answered the
 * next day at noon, not at midnight. Never later than `now`.
 */
function demoInstant(now: Date, daysAgo: number, workingHours: number): Date {
	const day = new Date(wallClockAsUtc(new Date(now.getTime() - daysAgo * DAY_MS), 'Europe/Paris'));
	const days = Math.floor(workingHours / WORKDAY_HOURS);
	const minutes = Math.round((workingHours % WORKDAY_HOURS) * 60);
	const at = zonedInstant(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + days, WORKDAY_START_HOUR, minutes, 0, 'Europe/Paris');
	return at.getTime() > now.getTime() ? now : at;
}

export const DEMO_CATEGORIES: { slug: string; name: string; description: string; mission?: Mission; regionCode?: string; position: number }[] = [
	{ slug: 'acces-aux-soins', name: 'Accès aux soins', mission: 'acces_soins', position: 10, description: 'Médecin traitant pour chaque patient, soins non programmés, accès aux spécialistes.' },
	{ slug: 'parcours-des-patients', name: 'Parcours des patients', mission: 'parcours', position: 20, description: 'Premier et second recours, ville–hôpital–médico-social, sorties d’hospitalisation, psychiatrie.' },
	{ slug: 'prevention', name: 'Prévention', mission: 'prevention', position: 30, description: 'Dépistages, vaccination, éducation à la santé, publics fragiles.' },
	{ slug: 'qualite-et-pertinence', name: 'Qualité et pertinence des soins', mission: 'qualite_pertinence', position: 40, description: 'Protocoles pluriprofessionnels, coopérations, bon usage des médicaments.' },
	{ slug: 'accompagnement-des-professionnels', name: 'Accompagnement des professionnels', mission: 'accompagnement_professionnels', position: 50, description: 'Attractivité du territoire, accueil des stagiaires et internes, formation, qualité de vie au travail.' },
	{ slug: 'crises-sanitaires', name: 'Crises sanitaires', mission: 'crises_sanitaires', position: 60, description: 'Plans de réponse aux crises : canicule, épidémies, événements climatiques.' },
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
	daysAgo: number;
	replies: { author: string; body: string; hoursLater: number }[];
	/** Index in `replies` of the accepted answer. */
	accepted?: number;
	reactions?: { reply: number; by: string[]; kind: 'merci' | 'utile' }[];
}

const PERRIN = 'helene.perrin@exemple.fr';
const ROYER = 'amandine.royer@exemple.fr';
const COLLIN = 'pierre.collin@exemple.fr';
const ROUSSEL = 'catherine.roussel@exemple.fr';
const THIEBAUT = 'sylvie.thiebaut@exemple.fr';
const MARCHAL = 'isabelle.marchal@exemple.fr';
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
		natures: ['rural'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien'],
		daysAgo: 12,
		body: `Bonjour à toutes et à tous,

Dans le secteur rural de Colombey-les-Belles, au sud de la CPTS du Sud-Toulois, les patients sans rendez-vous du samedi matin finissent aux urgences de Toul, à 30 minutes. Nous sommes **six médecins généralistes** sur quatre cabinets et aucun n’est ouvert le samedi toute l’année.

Nous réfléchissons à :

- un planning partagé de créneaux « soins non programmés » (2 h par cabinet et par samedi, à tour de rôle) ;
- une ligne unique tenue par la coordinatrice, qui oriente vers le cabinet de garde ;
- un lien avec la régulation du SAMU pour les appels au 15 qui relèvent de la ville.

Qui a mis cela en place ? Comment avez-vous financé le temps de coordination et convaincu les collègues réticents ? @animateurs, avez-vous des exemples dans le réseau ?`,
		replies: [
			{
				author: ROYER,
				hoursLater: 5,
				body: `Nous l’avons fait en 2024 dans l’Allier avec cinq cabinets. Ce qui a marché :

1. **Commencer petit** : un samedi sur deux pendant trois mois, puis tous les samedis.
2. Des créneaux réservés dans l’agenda en ligne de chaque cabinet, visibles par la régulation.
3. Une rémunération via les missions de l’ACI (mission accès aux soins) pour le temps de coordination, et les majorations de soins non programmés pour les médecins.

Le point dur a été la communication auprès des patients : affiches en pharmacie et message sur le répondeur de chaque cabinet.`
			},
			{
				author: COLLIN,
				hoursLater: 9,
				body: `Côté pharmacie, nous voyons beaucoup de demandes le samedi matin qui pourraient être traitées par le pharmacien (cystites simples, angines avec TROD). Si le planning est partagé avec les officines, nous pouvons orienter au bon endroit plutôt que vers les urgences.`
			},
			{
				author: ROUSSEL,
				hoursLater: 26,
				body: `Attention à ne pas oublier les infirmiers : dans le Sud-Lochois, le cabinet infirmier de garde fait le premier tri par téléphone pour les patients connus (plaies, sondes, perfusions). Cela a évité une bonne partie des passages aux urgences le week-end.`
			},
			{
				author: ANIMATRICE,
				hoursLater: 30,
				body: `Merci pour ces retours ! Deux ressources de la bibliothèque peuvent aider : la bonne pratique « Organiser des créneaux de soins non programmés » et le profil-type « CPTS rurale ». Je propose un **échange de pratiques en visio** sur ce thème le mois prochain : je le programme dans ce sujet.`
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
		natures: ['periurbain'],
		professions: ['infirmier', 'medecin_generaliste', 'pharmacien'],
		daysAgo: 9,
		body: `Dans notre CPTS, nous avons trop de réhospitalisations dans le mois qui suit une sortie, surtout chez les plus de 75 ans qui vivent seuls. L’hôpital envoie la lettre de liaison, mais personne n’appelle le patient les premiers jours.

Avez-vous mis en place un **appel systématique à J+2** ? Par qui (infirmier libéral, pharmacien, coordinatrice) et avec quelle liste de questions ?`,
		replies: [
			{
				author: MARCHAL,
				hoursLater: 20,
				body: `Chez nous, c’est l’infirmière de coordination de la CPTS qui appelle, à partir d’une liste transmise chaque matin par le service de médecine du centre hospitalier. Elle vérifie : ordonnance récupérée, rendez-vous de suivi pris, passage infirmier prévu, aidant présent. En cas de problème, elle prévient le médecin traitant par messagerie sécurisée.`
			},
			{
				author: HENRY,
				hoursLater: 28,
				body: `Nous faisons un **bilan de médication** en officine dans la semaine qui suit la sortie : beaucoup d’erreurs viennent des changements de traitement mal compris. L’appel à J+2 et le bilan de médication se complètent bien.`
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
		natures: ['urbain_dense'],
		professions: ['pharmacien', 'medecin_generaliste'],
		daysAgo: 20,
		body: `Retour d’expérience de notre CPTS : pendant Mars bleu, douze officines ont remis des kits de dépistage du cancer colorectal aux personnes de 50 à 74 ans.

- **412 kits remis** en un mois (contre une cinquantaine l’année précédente) ;
- un support commun conçu avec les médecins généralistes ;
- un suivi des kits rapportés avec le centre régional de coordination des dépistages.

Le plus difficile : obtenir les chiffres de retour des kits. Si d’autres CPTS ont trouvé comment, je suis preneuse.`,
		replies: [
			{
				author: CHEVALIER,
				hoursLater: 40,
				body: `Bravo pour ces chiffres ! Nous avons obtenu les taux de retour en signant une convention de partage de données avec le centre régional de coordination : c’est long (trois mois), mais ensuite c’est trimestriel et automatique.`
			}
		],
		reactions: [{ reply: 0, by: [HENRY], kind: 'merci' }]
	},
	{
		key: 'protocole-cystite',
		category: 'qualite-et-pertinence',
		author: COLLIN,
		title: 'Cystite simple : protocole de coopération médecin–pharmacien, qui l’a déployé ?',
		professions: ['pharmacien', 'medecin_generaliste'],
		daysAgo: 6,
		body: `Nous aimerions déployer le protocole de prise en charge de la pollakiurie et de la brûlure mictionnelle chez la femme de 16 à 65 ans, avec délivrance d’antibiotique par le pharmacien après TROD.

Questions pratiques :

1. Comment avez-vous formé les équipes officinales ?
2. Quelle traçabilité vers le médecin traitant ?
3. Combien de temps entre la décision et les premières prises en charge ?`,
		replies: [
			{
				author: PERRIN,
				hoursLater: 4,
				body: `Côté médecins, la clé a été une **soirée de formation commune** médecins–pharmaciens, avec des cas pratiques. Pour la traçabilité, un compte rendu dans le DMP et une copie par messagerie sécurisée suffisent.`
			}
		]
	},
	{
		key: 'internes-rural',
		category: 'accompagnement-des-professionnels',
		author: CHEVALIER,
		title: 'Accueillir des internes en zone rurale : logement, transport, tutorat',
		natures: ['rural'],
		professions: ['medecin_generaliste'],
		daysAgo: 15,
		body: `Notre territoire manque de médecins et les internes ne viennent pas : 45 minutes de la faculté, pas de logement, pas de transport en commun.

La CPTS peut-elle porter un **logement partagé pour les stagiaires** (internes, étudiants infirmiers, kinés) ? Quelles aides des collectivités avez-vous obtenues ?`,
		replies: [
			{
				author: RENAUD,
				hoursLater: 12,
				body: `La communauté de communes nous loue une maison à loyer modéré, meublée avec l’aide du département. Six places, occupées toute l’année par des internes et des étudiants kinés. Deux installations sur le territoire depuis !`
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
		natures: ['rural', 'periurbain'],
		daysAgo: 30,
		body: `L’été dernier, la mairie tenait son registre des personnes vulnérables et les infirmiers libéraux leur propre liste. Personne n’avait la vue d’ensemble.

Comment organisez-vous ce partage, dans le respect du secret professionnel ? Le plan de réponse aux crises sanitaires de la CPTS le prévoit-il ?`,
		replies: [
			{
				author: FABRE,
				hoursLater: 48,
				body: `Nous ne partageons pas de liste : la mairie appelle les personnes de son registre et, si elle repère un besoin de soins, elle appelle le numéro unique de la CPTS qui mobilise un professionnel. Chacun garde ses données, la CPTS fait le lien.`
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

L’URPS et la fédération régionale proposent une rencontre des coordinateurs et coordinatrices de CPTS à Nancy au printemps. Thèmes envisagés : indicateurs de l’ACI, outils numériques partagés, fidélisation des professionnels.

Quels autres thèmes souhaitez-vous aborder ?`,
		replies: [
			{ author: COORDINATRICE, hoursLater: 3, body: `Merci ! Je proposerais un atelier sur le **dialogue avec l’ARS** pour l’avenant au contrat, et un temps d’échange entre CPTS rurales.` }
		]
	},
	{
		key: 'dengue-reunion',
		category: 'la-reunion',
		author: PAYET,
		title: 'Épidémie de dengue : coordination ville–hôpital dans le Sud',
		natures: ['outre_mer'],
		professions: ['medecin_generaliste', 'infirmier'],
		daysAgo: 3,
		body: `La saison des pluies arrive et avec elle le risque de dengue. L’an dernier, les cabinets ont été débordés et le CHU a reçu beaucoup de formes simples.

Nous voulons préparer : une fiche commune de conduite à tenir, un circuit pour les bilans biologiques, et un lien avec l’ARS pour la surveillance.`,
		replies: [
			{ author: HOARAU, hoursLater: 6, body: `Les infirmiers libéraux peuvent faire les prélèvements à domicile pour les patients fatigués : il faut juste s’accorder avec les laboratoires sur les horaires de passage.` }
		]
	},
	{
		key: 'presentations',
		category: 'vie-du-reseau',
		author: ANIMATRICE,
		title: 'Présentez-vous : qui êtes-vous, quelle est votre CPTS ?',
		daysAgo: 40,
		body: `Bienvenue sur les forums du réseau ! Je suis Sophie Lambert, animatrice du réseau. Mon rôle : faire circuler les bonnes idées entre CPTS et organiser des **échanges de pratiques** réguliers.

Présentez-vous en quelques lignes : votre profession, votre CPTS, et ce que vous aimeriez trouver ici.`,
		replies: [
			{ author: MEMBRE, hoursLater: 50, body: `Julien Moreau, pharmacien à Colombey-les-Belles, membre de la CPTS Sud-Toulois. J’aimerais échanger sur les bilans de médication et les entretiens pharmaceutiques.` },
			{ author: PERRIN, hoursLater: 70, body: `Hélène Perrin, médecin généraliste, CPTS Sud-Toulois. Je porte le projet de soins non programmés de notre territoire.` }
		]
	}
];

const PRIVATE_THREAD = {
	key: 'ag-sud-toulois',
	author: COORDINATRICE,
	title: 'Assemblée générale de juin : ordre du jour et vote du budget',
	daysAgo: 2,
	body: `Bonjour à tous,

Voici le projet d’ordre du jour de l’assemblée générale :

1. Rapport d’activité et indicateurs de l’ACI ;
2. Budget prévisionnel (dont le temps de coordination des soins non programmés) ;
3. Renouvellement du bureau.

Merci de me faire part de vos remarques avant vendredi. @julien-moreau, pourrais-tu présenter le bilan des actions de prévention en officine ?`,
	replies: [{ author: MEMBRE, hoursLater: 5, body: `Oui, je m’en charge : je préparerai trois diapositives avec les chiffres du dépistage.` }]
};

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
	let threadsSeen = 0;
	const [sudToulois] = await db.select({ id: cpts.id, slug: cpts.slug, name: cpts.name }).from(cpts).where(eq(cpts.slug, 'sud-toulois'));
	const threads: (DemoThread & { categoryId: string })[] = DEMO_THREADS.map((thread) => ({ ...thread, categoryId: categories.get(thread.category)!.id }));
	if (sudToulois) {
		const space = await ensureCptsSpace(db, sudToulois);
		threads.push({ ...PRIVATE_THREAD, category: space.slug, categoryId: space.id });
	}
	for (const thread of threads) {
		// Threads open between 8:30 and 11:30, replies follow in working hours.
		const opening = 0.5 + (threadsSeen++ % 4);
		const startedAt = demoInstant(now, thread.daysAgo, opening);
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
			for (const reply of thread.replies) {
				const at = demoInstant(now, thread.daysAgo, opening + reply.hoursLater);
				replyIds.push((await appendPost(tx, { id: created.threadId, categoryId: thread.categoryId }, idOf(reply.author), reply.body, at)).postId);
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
