/**
 * The demo DPC content as data, and the plan that places its sessions in time: on working days
 * (no weekend, no public holiday of the place), at the place's wall-clock hours. Pure (no
 * database), so a unit test checks every demo session against the rules (dpc-content.test.ts).
 */
import { isWorkingDay } from '../../domain/public-holidays';
import { zonedInstant } from '../../domain/zoned-time';
import type { DpcFormat, HasMethod, SessionStatus } from '../../domain/dpc';
import type { Mission } from '../../domain/library';
import type { Profession } from '../../domain/professions';

const DAY_MS = 86_400_000;

export const BODIES = {
	territoires: { name: 'Formations Santé Territoires', registrationNumber: '2781' },
	ocean: { name: 'Outre-mer Formation Santé', registrationNumber: '4519' }
} as const;

/**
 * Fictitious trainers (they cannot sign in: unusable password), besides the demo trainer,
 * with the zone they live in: a session's hours must suit its trainers too.
 */
export const TRAINERS = [
	{ email: 'nathalie.grondin@exemple.fr', name: 'Nathalie Grondin', profession: 'infirmier', body: 'ocean', timeZone: 'Indian/Reunion' },
	{ email: 'dr.thierry.payet@exemple.fr', name: 'Dr Thierry Payet', profession: 'medecin_generaliste', body: 'ocean', timeZone: 'Indian/Reunion' },
	{ email: 'dr.line.jean-baptiste@exemple.fr', name: 'Dr Line Jean-Baptiste', profession: 'medecin_generaliste', body: 'ocean', timeZone: 'America/Martinique' },
	{ email: 'agnes.vidal@exemple.fr', name: 'Agnès Vidal', profession: 'pharmacien', body: 'territoires', timeZone: 'Europe/Paris' }
] as const;

export interface DemoSession {
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

export interface DemoAction {
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

export const TRAINER_DEMO = 'formateur@demo.reseau-cpts.fr';
/** The demo trainer (formateur@demo) works for the mainland body. */
const TRAINER_DEMO_ZONE = 'Europe/Paris';

/** Where each demo trainer lives, by e-mail. */
export const TRAINER_ZONES: Readonly<Record<string, string>> = Object.fromEntries([
	[TRAINER_DEMO, TRAINER_DEMO_ZONE],
	...TRAINERS.map((trainer) => [trainer.email, trainer.timeZone])
]);
const COORDINATOR = 'coordinatrice@demo.reseau-cpts.fr';
const MEMBER = 'membre@demo.reseau-cpts.fr';

export const ACTIONS: DemoAction[] = [
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
				// Its first part is a classe virtuelle: kept to about 15.
				capacity: 15,
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
				registrants: ['ludovic.hoarau@exemple.fr', 'sandrine.payet@exemple.fr']
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
				// Taught from Martinique: 18:00 there is 02:00 in Réunion.
				trainers: ['dr.line.jean-baptiste@exemple.fr'],
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
				// A classe virtuelle: the Sud-Toulois coordinatrice follows it from Toul.
				registrants: [MEMBER, 'helene.perrin@exemple.fr', COORDINATOR]
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

/** The first working day at a place from a day (a UTC midnight standing for the place's calendar day). */
function workingDayFrom(day: Date, zone: string): Date {
	let candidate = day;
	while (!isWorkingDay(candidate.toISOString().slice(0, 10), zone)) candidate = new Date(candidate.getTime() + DAY_MS);
	return candidate;
}

export interface PlannedPart {
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
}

/**
 * A demo session's parts, placed from today: the first on the first working day from
 * `inDays`, each later day at least its offset after the first and after the previous part's
 * day, moved past weekends and holidays (parts of one day stay together).
 */
export function planParts(demo: Pick<DemoSession, 'inDays' | 'parts' | 'timeZone'>, now: Date): PlannedPart[] {
	const first = workingDayFrom(new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + demo.inDays * DAY_MS), demo.timeZone);
	let previous: { offset: number; day: Date } | null = null;
	return demo.parts.map(([offset, start, end]) => {
		let day = first;
		if (previous && previous.offset === offset) day = previous.day;
		else if (offset > 0) {
			const earliest = Math.max(first.getTime() + offset * DAY_MS, previous ? previous.day.getTime() + DAY_MS : 0);
			day = workingDayFrom(new Date(earliest), demo.timeZone);
		}
		previous = { offset, day };
		return { startsAt: at(day, start, demo.timeZone), endsAt: at(day, end, demo.timeZone), timeZone: demo.timeZone };
	});
}

