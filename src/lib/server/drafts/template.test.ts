import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../drafts/document';
import type { ResourceProfile } from '../../domain/library';
import { buildProjectTemplate, type TemplateCpts } from './template';

const cpts: TemplateCpts = {
	name: 'CPTS du Saintois',
	nature: 'rural',
	population: 12_000,
	professionalsCount: 40,
	communes: ['Vézelise'],
	regionName: 'Grand Est',
	department: '54'
};

const profile: ResourceProfile = {
	nature: 'rural',
	populationMin: 5_000,
	populationMax: 15_000,
	professionalsMin: 15,
	professionalsMax: 60,
	maturity: null,
	actors: [],
	partners: [],
	stakes: [],
	priorityMissions: ['parcours'],
	exampleActions: [
		{ action: 'Ateliers de prévention des chutes', partners: 'Caisse de retraite', mission: 'prevention' },
		{ action: 'Sorties d’hospitalisation coordonnées', partners: 'Centre hospitalier', mission: 'parcours' },
		{ action: 'Annuaire des ressources', partners: '' }
	],
	indicators: [
		{ text: 'Taux de réhospitalisation à 30 jours des plus de 75 ans', mission: 'parcours' },
		{ text: 'Délai d’activation de l’organisation de crise', mission: 'crises_sanitaires' },
		'Nombre de réunions'
	],
	governance: '',
	coordinationWorkload: '',
	coordinationFte: null
};

/** The document as lines: "### heading", paragraph text, "- list item". */
function lines(node: DocNode): string[] {
	const textOf = (entry: DocNode): string => entry.text ?? (entry.content ?? []).map(textOf).join('');
	if (node.type === 'heading') return [`${'#'.repeat(Number(node.attrs?.level))} ${textOf(node)}`];
	if (node.type === 'paragraph') return [textOf(node)];
	if (node.type === 'listItem') return [`- ${textOf(node)}`];
	return (node.content ?? []).flatMap(lines);
}

/** The lines of the part that starts at a level-3 heading, up to the next heading of level 3 or 2. */
function part(all: string[], title: string): string[] {
	const start = all.indexOf(`### ${title}`);
	if (start < 0) return [];
	const end = all.findIndex((line, index) => index > start && /^#{2,3} /.test(line));
	return all.slice(start + 1, end < 0 ? undefined : end);
}

describe('projet de santé template', () => {
	const doc = lines(buildProjectTemplate(cpts, [], { title: 'Profil-type rural', profile }));

	it('covers the four socle missions then the two optional ones, marked as such', () => {
		expect(doc.filter((line) => line.startsWith('### Mission '))).toEqual([
			'### Mission 1 : Accès aux soins',
			'### Mission 2 : Parcours pluriprofessionnels',
			'### Mission 3 : Prévention',
			'### Mission 4 : Réponse aux crises sanitaires graves',
			'### Mission 5 : Qualité et pertinence des soins',
			'### Mission 6 : Accompagnement des professionnels'
		]);
		expect(part(doc, 'Mission 4 : Réponse aux crises sanitaires graves').join('\n')).toMatch(/^Mission socle.*avenant 2.*décembre 2021/m);
		expect(part(doc, 'Mission 5 : Qualité et pertinence des soins')[0]).toMatch(
			/^Mission optionnelle : à retenir ou non avec l’Assurance maladie et l’ARS/
		);
		expect(part(doc, 'Mission 2 : Parcours pluriprofessionnels')[0]).toContain('prioritaire pour ce profil-type');
		expect(part(doc, 'Mission 3 : Prévention')[0]).not.toContain('prioritaire');
		expect(part(doc, 'Mission 1 : Accès aux soins')).toEqual(
			expect.arrayContaining(['- Un médecin traitant pour chaque patient', '- Soins non programmés', '- Télésanté'])
		);
	});

	it('puts each example action and indicator under its own mission only', () => {
		const where = (needle: string) =>
			doc.filter((line) => line.startsWith('### ')).filter((title) => part(doc, title.slice(4)).some((line) => line.includes(needle)));
		expect(where('Ateliers de prévention des chutes')).toEqual(['### Mission 3 : Prévention']);
		expect(where('Sorties d’hospitalisation coordonnées')).toEqual(['### Mission 2 : Parcours pluriprofessionnels']);
		expect(where('Taux de réhospitalisation')).toEqual(['### Mission 2 : Parcours pluriprofessionnels']);
		expect(where('Délai d’activation')).toEqual(['### Mission 4 : Réponse aux crises sanitaires graves']);
		expect(where('Annuaire des ressources')).toEqual(['### À rattacher à une mission']);
		expect(where('Nombre de réunions')).toEqual(['### À rattacher à une mission']);
	});

	it('gives a mission without example action an empty fiche, and no « À rattacher » part without a profil-type', () => {
		expect(part(doc, 'Mission 6 : Accompagnement des professionnels').join('\n')).toContain('Fiche-action 6.1 : première action');
		const bare = lines(buildProjectTemplate(cpts, [], null));
		expect(bare.filter((line) => line.startsWith('### Mission '))).toHaveLength(6);
		expect(bare).not.toContain('### À rattacher à une mission');
		expect(bare.join('\n')).not.toContain('prioritaire');
	});
});
