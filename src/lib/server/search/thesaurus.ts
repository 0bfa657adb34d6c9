/**
 * The words of the field that search treats as one: every form of a profession (masculine,
 * feminine, plural, the abbreviations colleagues write) and the abbreviations of the health
 * system beside what they stand for. Searching any form of an entry finds the documents
 * that use any other (src/lib/server/search/query.ts expands the typed words into an OR of
 * the entry's forms; the stemming of 'french_unaccent' then joins the inflections it knows).
 *
 * Why query expansion and not a PostgreSQL thesaurus dictionary: PGlite cannot load
 * dictionary files from disk, and expanding the query needs no reindexing when a line here
 * changes. The cost is a few more terms in each tsquery (bench/scenarios/library.ts).
 *
 * Rules for a line:
 * - forms are written as people write them (accents, hyphens); matching ignores case,
 *   accents, hyphens and apostrophes, and a multi-word form must be typed whole;
 * - a form in two entries is ambiguous ("ETP"): typed, it finds every meaning; it is never
 *   added when another form of one of those entries is typed (« éducation thérapeutique »
 *   must not find « 0,5 ETP » of a coordinator's time);
 * - no single word that has an everyday meaning beside the professional one ("généraliste"
 *   alone stems like « général »: « MG » would find « directeur général »).
 * Sources: the Code de la santé publique (CSP), the Code de la sécurité sociale (CSS) and the
 * Code de l'action sociale et des familles (CASF) on legifrance.gouv.fr, the ACI CPTS
 * (arrêté du 21 août 2019 and its amendments), and /work/shared/DOMAIN.md.
 */
import type { Profession } from '../../domain/professions';

export interface ThesaurusEntry {
	/** What the forms stand for, for readers of this file. */
	meaning: string;
	/** Every way of writing it that must find the others. */
	forms: readonly string[];
	/** Where the meaning comes from. */
	source?: string;
}

/**
 * Each profession of the directory (domain/professions.ts), in every gender and number.
 * Where the French stemmer already joins them (pharmacien, pharmacienne), the line still
 * says so, and carries the abbreviations.
 */
export const PROFESSION_FORMS: Record<Profession, ThesaurusEntry> = {
	medecin_generaliste: {
		meaning: 'médecin généraliste, médecine générale',
		forms: ['médecin généraliste', 'médecins généralistes', 'médecine générale', 'MG'],
		source: 'CSP L4130-1 (missions du médecin généraliste de premier recours)'
	},
	medecin_specialiste: {
		meaning: 'médecin spécialiste (épicène)',
		forms: ['médecin spécialiste', 'médecins spécialistes']
	},
	infirmier: {
		// The stemmer makes « infirmi » of the masculine and « infirmier » of the feminine.
		meaning: 'infirmier, infirmière (IDE : infirmier diplômé d’État ; IDEL : libéral)',
		forms: ['infirmier', 'infirmière', 'infirmiers', 'infirmières', 'IDE', 'IDEL'],
		source: 'CSP L4311-1'
	},
	pharmacien: {
		meaning: 'pharmacien, pharmacienne',
		forms: ['pharmacien', 'pharmacienne', 'pharmaciens', 'pharmaciennes']
	},
	masseur_kinesitherapeute: {
		meaning: 'masseur-kinésithérapeute (« kiné », « MK »)',
		forms: [
			'masseur-kinésithérapeute',
			'masseuse-kinésithérapeute',
			'masseurs-kinésithérapeutes',
			'masseuses-kinésithérapeutes',
			'kinésithérapeute',
			'kinésithérapeutes',
			'kiné',
			'kinés',
			'MK'
		],
		source: 'CSP L4321-1'
	},
	chirurgien_dentiste: {
		meaning: 'chirurgien-dentiste, chirurgienne-dentiste',
		forms: ['chirurgien-dentiste', 'chirurgienne-dentiste', 'chirurgiens-dentistes', 'chirurgiennes-dentistes', 'dentiste', 'dentistes'],
		source: 'CSP L4141-1'
	},
	sage_femme: {
		// « Sage-femme » is the title of men and women alike (CSP L4151-1); « maïeuticien » is
		// the word some men and the schools use.
		meaning: 'sage-femme, maïeuticien, maïeuticienne',
		forms: ['sage-femme', 'sages-femmes', 'maïeuticien', 'maïeuticienne', 'maïeuticiens', 'maïeuticiennes'],
		source: 'CSP L4151-1'
	},
	orthophoniste: { meaning: 'orthophoniste (épicène)', forms: ['orthophoniste', 'orthophonistes'] },
	pedicure_podologue: {
		meaning: 'pédicure-podologue',
		forms: ['pédicure-podologue', 'pédicures-podologues', 'podologue', 'podologues'],
		source: 'CSP L4322-1'
	},
	orthoptiste: { meaning: 'orthoptiste (épicène)', forms: ['orthoptiste', 'orthoptistes'] },
	psychologue: { meaning: 'psychologue (épicène)', forms: ['psychologue', 'psychologues'] },
	dieteticien: {
		meaning: 'diététicien, diététicienne',
		forms: ['diététicien', 'diététicienne', 'diététiciens', 'diététiciennes']
	},
	ergotherapeute: { meaning: 'ergothérapeute (« ergo »)', forms: ['ergothérapeute', 'ergothérapeutes', 'ergo', 'ergos'] },
	psychomotricien: {
		meaning: 'psychomotricien, psychomotricienne',
		forms: ['psychomotricien', 'psychomotricienne', 'psychomotriciens', 'psychomotriciennes']
	},
	biologiste: { meaning: 'biologiste médical (épicène)', forms: ['biologiste', 'biologistes'] },
	coordinateur_autre: {
		meaning: 'coordinateur, coordinatrice',
		forms: ['coordinateur', 'coordinatrice', 'coordinateurs', 'coordinatrices']
	}
};

/** Other professions of the field, met in the documents though not in the directory. */
const OTHER_PROFESSIONS: readonly ThesaurusEntry[] = [
	{
		meaning: 'infirmier ou infirmière en pratique avancée',
		forms: ['IPA', 'infirmier en pratique avancée', 'infirmière en pratique avancée', 'infirmiers en pratique avancée', 'infirmières en pratique avancée', 'pratique avancée'],
		source: 'CSP L4301-1'
	},
	{
		meaning: 'aide-soignant, aide-soignante',
		forms: ['aide-soignant', 'aide-soignante', 'aides-soignants', 'aides-soignantes'],
		source: 'CSP L4391-1'
	},
	{
		meaning: 'auxiliaire de puériculture, puériculteur, puéricultrice',
		forms: ['puériculteur', 'puéricultrice', 'puériculteurs', 'puéricultrices']
	},
	{
		meaning: 'ambulancier, ambulancière',
		forms: ['ambulancier', 'ambulancière', 'ambulanciers', 'ambulancières']
	},
	{
		meaning: 'médiateur, médiatrice en santé',
		forms: ['médiateur en santé', 'médiatrice en santé', 'médiateurs en santé', 'médiatrices en santé', 'médiation en santé']
	},
	{
		meaning: 'assistant médical, assistante médicale',
		forms: ['assistant médical', 'assistante médicale', 'assistants médicaux', 'assistantes médicales']
	}
];

/** The health system's abbreviations, each beside what it stands for. */
const ABBREVIATIONS: readonly ThesaurusEntry[] = [
	{
		// « MG » is also the milligram of every dosage: typed « médecin généraliste » must not find « 500 mg ».
		meaning: 'milligramme',
		forms: ['MG', 'milligramme', 'milligrammes']
	},
	{
		meaning: 'communauté professionnelle territoriale de santé',
		forms: ['CPTS', 'communauté professionnelle territoriale de santé', 'communautés professionnelles territoriales de santé'],
		source: 'CSP L1434-12'
	},
	{
		meaning: 'maison de santé pluriprofessionnelle (naguère « pluridisciplinaire »)',
		forms: ['MSP', 'maison de santé pluriprofessionnelle', 'maisons de santé pluriprofessionnelles', 'maison de santé pluridisciplinaire', 'maisons de santé pluridisciplinaires', 'maison de santé', 'maisons de santé'],
		source: 'CSP L6323-3'
	},
	{
		meaning: 'équipe de soins primaires',
		forms: ['ESP', 'équipe de soins primaires', 'équipes de soins primaires'],
		source: 'CSP L1411-11-1'
	},
	{
		meaning: 'équipe de soins spécialisés',
		forms: ['ESS', 'équipe de soins spécialisés', 'équipes de soins spécialisés']
	},
	{
		// The other ESS: the associations and cooperatives partners of some CPTS belong to.
		meaning: 'économie sociale et solidaire',
		forms: ['ESS', 'économie sociale et solidaire']
	},
	{
		meaning: 'centre de santé',
		forms: ['CDS', 'centre de santé', 'centres de santé'],
		source: 'CSP L6323-1'
	},
	{
		meaning: 'soins non programmés (mission socle « accès aux soins » de l’ACI CPTS)',
		forms: ['SNP', 'soins non programmés', 'soin non programmé'],
		source: 'ACI CPTS 2019, mission 1'
	},
	{
		meaning: 'service d’accès aux soins (régulation des soins urgents et non programmés)',
		forms: ['SAS', 'service d’accès aux soins', 'services d’accès aux soins'],
		source: 'Pacte de refondation des urgences (2019)'
	},
	{
		// Unqualified, « la permanence des soins » of a CPTS document is the ambulatory one (the
		// evenings and weekends of the doctors in town); the hospital's is always named (PDSES).
		meaning: 'permanence des soins ambulatoires',
		forms: ['PDSA', 'permanence des soins ambulatoires', 'permanence des soins'],
		source: 'CSP L6314-1'
	},
	{
		meaning: 'permanence des soins en établissement de santé',
		forms: ['PDSES', 'permanence des soins en établissement de santé', 'permanence des soins en établissements de santé']
	},
	{
		meaning: 'dispositif d’appui à la coordination (réunit depuis 2022 les PTA, les MAIA et parfois les CLIC)',
		forms: ['DAC', 'dispositif d’appui à la coordination', 'dispositifs d’appui à la coordination'],
		source: 'CSP L6327-2'
	},
	{
		meaning: 'plateforme territoriale d’appui (fondue dans le DAC)',
		forms: ['PTA', 'plateforme territoriale d’appui', 'plateformes territoriales d’appui']
	},
	{
		meaning: 'centre local d’information et de coordination gérontologique',
		forms: ['CLIC', 'centre local d’information et de coordination']
	},
	{
		meaning: 'protection maternelle et infantile',
		forms: ['PMI', 'protection maternelle et infantile'],
		source: 'CSP L2111-1'
	},
	{
		meaning: 'établissement d’hébergement pour personnes âgées dépendantes',
		forms: ['EHPAD', 'établissement d’hébergement pour personnes âgées dépendantes', 'établissements d’hébergement pour personnes âgées dépendantes'],
		source: 'CASF L313-12'
	},
	{
		meaning: 'hospitalisation à domicile',
		forms: ['HAD', 'hospitalisation à domicile']
	},
	{
		meaning: 'service de soins infirmiers à domicile',
		forms: ['SSIAD', 'service de soins infirmiers à domicile', 'services de soins infirmiers à domicile']
	},
	{
		meaning: 'centre médico-psychologique',
		forms: ['CMP', 'centre médico-psychologique', 'centres médico-psychologiques']
	},
	{
		meaning: 'groupement hospitalier de territoire',
		forms: ['GHT', 'groupement hospitalier de territoire', 'groupements hospitaliers de territoire']
	},
	{
		meaning: 'agence régionale de santé',
		forms: ['ARS', 'agence régionale de santé', 'agences régionales de santé'],
		source: 'CSP L1431-1'
	},
	{
		meaning: 'caisse primaire d’assurance maladie',
		forms: ['CPAM', 'caisse primaire d’assurance maladie', 'caisses primaires d’assurance maladie'],
		source: 'CSS L211-1'
	},
	{
		meaning: 'union régionale des professionnels de santé (une par profession et région)',
		forms: ['URPS', 'union régionale des professionnels de santé', 'unions régionales des professionnels de santé'],
		source: 'CSP L4031-1'
	},
	{
		meaning: 'accord conventionnel interprofessionnel (le contrat des CPTS)',
		forms: ['ACI', 'accord conventionnel interprofessionnel', 'accords conventionnels interprofessionnels']
	},
	{
		meaning: 'contrat local de santé',
		forms: ['CLS', 'contrat local de santé', 'contrats locaux de santé'],
		source: 'CSP L1434-10'
	},
	{
		meaning: 'fonds d’intervention régional (crédits des ARS)',
		forms: ['FIR', 'fonds d’intervention régional'],
		source: 'CSP L1435-8'
	},
	{
		meaning: 'développement professionnel continu',
		forms: ['DPC', 'développement professionnel continu'],
		source: 'CSP L4021-1'
	},
	{
		meaning: 'Agence nationale du développement professionnel continu',
		forms: ['ANDPC', 'agence nationale du développement professionnel continu', 'agence nationale du DPC']
	},
	{
		meaning: 'Haute Autorité de santé',
		forms: ['HAS', 'Haute Autorité de santé']
	},
	{
		meaning: 'affection de longue durée',
		forms: ['ALD', 'affection de longue durée', 'affections de longue durée'],
		source: 'CSS L160-14'
	},
	{
		meaning: 'éducation thérapeutique du patient',
		forms: ['ETP', 'éducation thérapeutique', 'éducation thérapeutique du patient'],
		source: 'CSP L1161-1'
	},
	{
		// The other ETP: the time of a coordinator, in the budgets of the projects.
		meaning: 'équivalent temps plein',
		forms: ['ETP', 'équivalent temps plein', 'équivalents temps plein']
	},
	{
		meaning: 'dossier médical partagé (dans « Mon espace santé »)',
		forms: ['DMP', 'dossier médical partagé', 'dossiers médicaux partagés'],
		source: 'CSP L1111-14'
	},
	{
		meaning: 'messagerie sécurisée de santé',
		forms: ['MSS', 'MSSanté', 'messagerie sécurisée de santé', 'messageries sécurisées de santé']
	},
	{
		meaning: 'maison départementale des personnes handicapées',
		forms: ['MDPH', 'maison départementale des personnes handicapées']
	},
	{
		meaning: 'centre communal d’action sociale',
		forms: ['CCAS', 'centre communal d’action sociale', 'centres communaux d’action sociale']
	},
	{
		meaning: 'bronchopneumopathie chronique obstructive',
		forms: ['BPCO', 'bronchopneumopathie chronique obstructive']
	},
	{
		meaning: 'plan personnalisé de santé',
		forms: ['PPS', 'plan personnalisé de santé', 'plans personnalisés de santé']
	}
];

/** Every entry search expands. */
export const THESAURUS: readonly ThesaurusEntry[] = [...Object.values(PROFESSION_FORMS), ...OTHER_PROFESSIONS, ...ABBREVIATIONS];
