/**
 * The template of a projet de santé (the structure the ARS expects: territorial diagnosis,
 * territory and members, missions with their fiches-actions, governance, coordination,
 * communication), filled with what the platform knows of the CPTS and, when a profil-type
 * of the library is chosen, with its example actions, partners and indicators, each under
 * the mission it is tagged with. Every ACI mission has its part: the four socle ones, then
 * the two optional ones; the profil-type's priority missions are flagged.
 * Written in French: it is the text of the document, not the interface.
 */
import { missionOf, profileIndicators, type ResourceProfile } from '../../domain/library';
import { MISSION_DEFINITIONS, type Mission, type MissionDefinition } from '../../domain/missions';
import { personProfessionKey } from '../../domain/professions';
import type { DocNode } from '../../drafts/document';
import { translate, type MessageKey } from '../../i18n';

export interface TemplateCpts {
	name: string;
	nature: string;
	population: number;
	professionalsCount: number;
	communes: string[];
	regionName: string;
	department: string;
}

export interface TemplateMember {
	name: string;
	profession: string;
	/** How she wants her profession written (« infirmière »); null: the field's name. */
	professionForm?: string | null;
	role: 'member' | 'coordinator';
}

export interface TemplateProfile {
	title: string;
	profile: ResourceProfile;
}

const fr = (key: string, params?: Record<string, string | number>) => translate('fr', key as MessageKey, params);
const number = new Intl.NumberFormat('fr-FR');

const text = (value: string, marks?: string[]): DocNode => ({
	type: 'text',
	text: value,
	...(marks?.length ? { marks: marks.map((type) => ({ type })) } : {})
});
const heading = (level: number, value: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const toComplete = (value: string): DocNode => paragraph(text(`À compléter : ${value}`, ['italic']));
const labelled = (label: string, value: string): DocNode => paragraph(text(`${label} : `, ['bold']), text(value));
const bullets = (items: string[]): DocNode => ({
	type: 'bulletList',
	content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] }))
});

/** A table whose first row is a header row (cells: plain text). */
const table = (header: string[], rows: string[][]): DocNode => ({
	type: 'table',
	content: [
		{ type: 'tableRow', content: header.map((cell) => ({ type: 'tableHeader', content: [paragraph(text(cell))] })) },
		...rows.map((row) => ({ type: 'tableRow', content: row.map((cell) => ({ type: 'tableCell', content: [paragraph(...(cell ? [text(cell)] : []))] })) }))
	]
});

interface FicheAction {
	title: string;
	objective: string;
	actions: string[];
	partners: string;
	indicators: string[];
}

function fiche(number: string, entry: FicheAction): DocNode[] {
	return [
		heading(4, `Fiche-action ${number} : ${entry.title}`),
		labelled('Objectif', entry.objective),
		paragraph(text('Actions :', ['bold'])),
		bullets(entry.actions),
		labelled('Partenaires', entry.partners),
		paragraph(text('Indicateurs :', ['bold'])),
		table(
			['Indicateur', 'Valeur de départ', 'Cible', 'Échéance'],
			entry.indicators.map((indicator) => [indicator, '', '', ''])
		),
		labelled('Calendrier', 'à compléter (lancement, étapes, évaluation)'),
		paragraph(text('Budget :', ['bold'])),
		table(
			['Poste de dépense', 'Montant (€)', 'Financement'],
			[
				['Temps de coordination', '', ''],
				['Indemnisation des professionnels', '', ''],
				['Outils', '', '']
			]
		)
	];
}

/**
 * Fiches-actions of each mission: the profil-type's example actions under the mission each
 * is tagged with; a mission without one gets an empty fiche to fill.
 */
function fichesFor(source: TemplateProfile | null): Map<Mission, FicheAction[]> {
	const byMission = new Map<Mission, FicheAction[]>(MISSION_DEFINITIONS.map(({ code }) => [code, []]));
	for (const example of source?.profile.exampleActions ?? []) {
		const mission = missionOf(example);
		if (!mission) continue;
		byMission.get(mission)!.push({
			title: example.action,
			objective: 'à préciser à partir du diagnostic territorial',
			actions: [example.action],
			partners: example.partners || 'à compléter',
			indicators: ['à choisir parmi les indicateurs de la mission ou à définir']
		});
	}
	for (const [mission, list] of byMission) {
		if (list.length === 0) {
			list.push({
				title: `première action de la mission « ${fr(`mission.${mission}`)} »`,
				objective: 'à compléter',
				actions: ['à compléter'],
				partners: 'à compléter',
				indicators: ['à définir']
			});
		}
	}
	return byMission;
}

/** The heading, status and fiches of one mission of the ACI. */
function missionSection(
	definition: MissionDefinition,
	position: number,
	fiches: FicheAction[],
	indicators: string[],
	priority: boolean
): DocNode[] {
	const status =
		definition.kind === 'socle' ? 'Mission socle' : 'Mission optionnelle : à retenir ou non avec l’Assurance maladie et l’ARS';
	return [
		heading(3, `Mission ${position} : ${fr(`mission.${definition.code}`)}`),
		paragraph(
			text(status, ['italic']),
			...(priority ? [text(' ; prioritaire pour ce profil-type', ['italic'])] : []),
			text(`. Source : ${fr(`mission.source.${definition.source}`)}.`)
		),
		...(definition.parts.length ? [paragraph(text('Volets :', ['bold'])), bullets(definition.parts.map((part) => fr(`mission.part.${part}`)))] : []),
		...(indicators.length ? [paragraph(text('Indicateurs de la mission proposés par le profil-type :', ['bold'])), bullets(indicators)] : []),
		...fiches.flatMap((entry, index) => fiche(`${position}.${index + 1}`, entry))
	];
}

/** Example actions and indicators of the profil-type that name no mission yet. */
function unassigned(profile: ResourceProfile | null): DocNode[] {
	if (!profile) return [];
	const actions = profile.exampleActions
		.filter((entry) => !missionOf(entry))
		.map((entry) => (entry.partners ? `Action : ${entry.action} (partenaires : ${entry.partners})` : `Action : ${entry.action}`));
	const indicators = profileIndicators(profile)
		.filter((entry) => !missionOf(entry))
		.map((entry) => `Indicateur : ${entry.text}`);
	if (!actions.length && !indicators.length) return [];
	return [
		heading(3, 'À rattacher à une mission'),
		paragraph(
			text(
				'Éléments du profil-type qui ne sont rattachés à aucune mission (suivi du fonctionnement de la CPTS, ou mission à préciser) : à classer par le groupe de rédaction.'
			)
		),
		bullets([...actions, ...indicators])
	];
}

/** The initial text of a draft, as ProseMirror JSON in the editor's schema. */
export function buildProjectTemplate(cpts: TemplateCpts, members: TemplateMember[], source: TemplateProfile | null): DocNode {
	const profile = source?.profile ?? null;
	const fiches = fichesFor(source);
	const indicators = profile ? profileIndicators(profile) : [];
	const content: DocNode[] = [
		paragraph(
			text(
				source
					? `Document de travail rédigé à partir du profil-type « ${source.title} » de la bibliothèque du réseau. Chaque partie est à adapter au territoire.`
					: 'Document de travail structuré comme un projet de santé. Chaque partie est à compléter collectivement avant la relecture.'
			)
		),

		heading(2, '1. Diagnostic territorial'),
		heading(3, 'Population'),
		paragraph(
			text(
				`Le territoire compte environ ${number.format(cpts.population)} habitants (${fr(`nature.${cpts.nature}`).toLowerCase()}, ${cpts.regionName}, département ${cpts.department}).`
			)
		),
		toComplete('structure par âge, personnes âgées de 75 ans et plus, affections de longue durée, précarité.'),
		heading(3, 'Offre de soins'),
		paragraph(text(`${number.format(cpts.professionalsCount)} professionnels de santé exercent sur le territoire.`)),
		...(profile ? [paragraph(text('Acteurs habituels de ce type de territoire :', ['bold'])), bullets(profile.actors)] : []),
		toComplete('densité de médecins généralistes, départs en retraite prévus, second recours, établissements.'),
		heading(3, 'Besoins identifiés'),
		...(profile ? [bullets(profile.stakes)] : [toComplete('besoins de santé non couverts, ressentis des professionnels et des usagers.')]),

		heading(2, '2. Le territoire et les membres de la CPTS'),
		paragraph(
			text(
				cpts.communes.length
					? `Communes du territoire : ${cpts.communes.join(', ')}.`
					: 'Communes du territoire : à compléter.'
			)
		),
		heading(3, 'Membres'),
		members.length
			? bullets(
					members.map(
						(member) =>
							`${member.name}, ${fr(personProfessionKey(member.profession, member.professionForm)).toLowerCase()}${member.role === 'coordinator' ? ' (coordination)' : ''}`
					)
				)
			: toComplete('professionnels membres et structures adhérentes.'),
		heading(3, 'Partenaires'),
		profile?.partners.length ? bullets(profile.partners) : toComplete('établissements, médico-social, collectivités, usagers.'),

		heading(2, '3. Missions et fiches-actions'),
		paragraph(
			text(
				'Les quatre missions socle sont celles de toute CPTS signataire de l’accord conventionnel interprofessionnel (ACI) ; les deux missions optionnelles sont retenues ou non avec l’Assurance maladie et l’ARS.'
			)
		)
	];
	MISSION_DEFINITIONS.forEach((definition, index) => {
		content.push(
			...missionSection(
				definition,
				index + 1,
				fiches.get(definition.code)!,
				indicators.filter((entry) => missionOf(entry) === definition.code).map((entry) => entry.text),
				profile?.priorityMissions.includes(definition.code) ?? false
			)
		);
	});
	content.push(...unassigned(profile));
	content.push(
		heading(2, '4. Gouvernance'),
		profile?.governance ? paragraph(text(profile.governance)) : toComplete('forme juridique, bureau, assemblée générale, place des usagers.'),
		heading(2, '5. Coordination'),
		profile?.coordinationWorkload
			? paragraph(text(profile.coordinationWorkload))
			: toComplete('temps de coordination, fonctions support, outils partagés (messagerie sécurisée, DMP).'),
		heading(2, '6. Communication'),
		toComplete('information des professionnels, des patients et des partenaires ; lettre d’information, site, réunions.')
	);
	return { type: 'doc', content };
}
