/**
 * The demo network's content: CPTS, fictitious professionals and their memberships.
 * Data only; the seeding logic is in seed.ts.
 *
 * The first CPTS are those the 2018 IGAS report on CPTS deployment describes (population,
 * professionals, department and themes taken from the report; the stage is the demo's
 * present, several years later). The others are fictitious communities named after real
 * territories, spread over every region, overseas included, so that every territory
 * nature, ACI size band and stage appears. Telephone numbers use the ranges ARCEP reserves
 * for fiction; e-mail addresses use exemple.fr.
 */
import type { CptsStage, Profession, TerritoryNature } from '../../domain/professions';

export interface DemoCpts {
	slug: string;
	name: string;
	/** Code of the region (regions table). */
	regionCode: string;
	/** Department number, as written on a postcode (2A/2B for Corsica, 97x overseas). */
	department: string;
	nature: TerritoryNature;
	population: number;
	professionalsCount: number;
	stage: CptsStage;
	communes: string[];
	description: string;
	phone?: string;
	/** True for the CPTS described by the IGAS report (tests check their figures). */
	fromIgasReport?: boolean;
}

export const DEMO_CPTS: DemoCpts[] = [
	// --- The CPTS described by the IGAS report (2018) ---------------------------------
	{
		slug: 'la-plaine',
		name: 'CPTS de La Plaine',
		regionCode: '44',
		department: '88',
		nature: 'rural',
		population: 11_500,
		professionalsCount: 48,
		stage: 'aci_signe',
		communes: ['Châtenois', 'Gironcourt-sur-Vraine', 'Vicherey', 'Dommartin-sur-Vraine'],
		description:
			'Communauté rurale de l’ouest vosgien née d’une difficulté d’accès aux soins de premier recours, en particulier à la médecine générale. Elle organise des soins non programmés pour les enfants le soir à partir de 18 h et pour les résidents d’EHPAD le soir et le week-end, prépare le recrutement d’une infirmière Asalée et un projet de télémédecine avec l’EHPAD de Dommartin-sur-Vraine, dont un cadre de santé siège au bureau de l’association.',
		phone: '03 53 01 10 01',
		fromIgasReport: true
	},
	{
		slug: 'sud-lochois',
		name: 'CPTS Sud-Lochois',
		regionCode: '24',
		department: '37',
		nature: 'periurbain',
		population: 60_000,
		professionalsCount: 260,
		stage: 'aci_signe',
		communes: ['Loches', 'Ligueil', 'Descartes', 'Preuilly-sur-Claise', 'Le Grand-Pressigny', 'Montrésor'],
		description:
			'Issue d’un pôle de santé pluridisciplinaire créé en 2009 à l’initiative des élus locaux face à une démographie médicale préoccupante (contrat signé en mars 2017). Son projet de santé développe les relations ville-hôpital, la prévention, le dépistage et l’éducation thérapeutique, l’aide à l’installation, la continuité et la permanence des soins, la réponse aux soins non programmés, l’informatique communicante et la télé-expertise. Une infirmière libérale assure la coordination à temps partiel.',
		phone: '02 61 91 10 02',
		fromIgasReport: true
	},
	{
		slug: 'sud-toulois',
		name: 'CPTS du Sud-Toulois',
		regionCode: '44',
		department: '54',
		nature: 'periurbain',
		population: 60_000,
		professionalsCount: 295,
		stage: 'aci_signe',
		communes: ['Toul', 'Blénod-lès-Toul', 'Colombey-les-Belles', 'Vannes-le-Châtel', 'Allamps', 'Domgermain'],
		description:
			'Communauté péri-urbaine de Meurthe-et-Moselle qui a veillé à ce que chaque profession (médecins, infirmiers, masseurs-kinésithérapeutes, pharmaciens…) soit représentée dans sa gouvernance, condition du travail en équipe interprofessionnelle dans une communauté de près de 300 professionnels. Priorités : lien ville-hôpital, maintien de l’offre de premier et de second recours, soins non programmés.',
		phone: '03 53 01 10 03',
		fromIgasReport: true
	},
	{
		slug: 'venissieux',
		name: 'CPTS de Vénissieux',
		regionCode: '84',
		department: '69',
		nature: 'urbain_dense',
		population: 65_000,
		professionalsCount: 150,
		stage: 'projet_valide',
		communes: ['Vénissieux'],
		description:
			'Bassin de santé de 65 000 habitants avec deux quartiers de la politique de la ville et une zone franche urbaine (Les Minguettes, 22 000 habitants) ; taux de pauvreté de 29 %, prévalence élevée du diabète, des affections respiratoires et des troubles psychiatriques chroniques. Portée par une association créée en 2015 qui réunit dix professions, elle travaille trois thèmes : l’accès aux soins non programmés, la réduction des durées d’hospitalisation et des parcours ville-hôpital avec des circuits courts entre premier et second recours.',
		phone: '04 65 71 10 04',
		fromIgasReport: true
	},
	{
		slug: 'barrois',
		name: 'CPTS du Barrois',
		regionCode: '44',
		department: '55',
		nature: 'periurbain',
		population: 64_000,
		professionalsCount: 190,
		stage: 'aci_signe',
		communes: ['Bar-le-Duc', 'Ligny-en-Barrois', 'Revigny-sur-Ornain', 'Tronville-en-Barrois', 'Fains-Véel'],
		description:
			'Territoire de proximité où plus de 70 % des médecins exercent en maison de santé pluriprofessionnelle, une organisation engagée il y a plus de dix ans face à une démographie médicale très préoccupante. Le projet couvre le lien ville-hôpital, des protocoles harmonisés, les soins non programmés à l’échelle du département, la prévention, l’accueil des étudiants pour l’attractivité du territoire et une messagerie sécurisée commune à tous les professionnels.',
		phone: '03 53 01 10 05',
		fromIgasReport: true
	},
	{
		slug: 'metz',
		name: 'CPTS du Territoire de Metz',
		regionCode: '44',
		department: '57',
		nature: 'urbain_dense',
		population: 222_000,
		professionalsCount: 940,
		stage: 'aci_signe',
		communes: ['Metz', 'Montigny-lès-Metz', 'Woippy', 'Marly', 'Le Ban-Saint-Martin', 'Saint-Julien-lès-Metz'],
		description:
			'Communauté urbaine très dense où mobiliser les professionnels, notamment du second recours, demande une démarche de « prestation de services » : outils numériques de mise en réseau et appui aux professionnels pour les cas complexes, en articulation avec le dispositif d’appui à la coordination.',
		phone: '03 53 01 10 06',
		fromIgasReport: true
	},
	{
		slug: 'paris-13',
		name: 'CPTS Paris XIII',
		regionCode: '11',
		department: '75',
		nature: 'urbain_dense',
		population: 181_000,
		professionalsCount: 620,
		stage: 'aci_signe',
		communes: ['Paris 13e arrondissement'],
		description:
			'Née du pôle de santé de Paris XIII qui mobilise depuis 2011 environ 150 professionnels pour la prévention, l’éducation thérapeutique, les échanges interprofessionnels et l’accès aux soins des personnes âgées et des migrants. Elle évalue ses actions grâce aux thèses d’internes et associe à sa gouvernance les élus, les associations d’usagers, les hôpitaux et les établissements sociaux et médico-sociaux.',
		phone: '01 99 00 10 07',
		fromIgasReport: true
	},

	// --- Auvergne-Rhône-Alpes ------------------------------------------------------------
	{
		slug: 'sud-allier',
		name: 'CPTS Sud Allier',
		regionCode: '84',
		department: '03',
		nature: 'periurbain',
		population: 36_000,
		professionalsCount: 110,
		stage: 'lettre_intention',
		communes: ['Gannat', 'Saint-Pourçain-sur-Sioule', 'Ébreuil', 'Chantelle'],
		description:
			'Trois maisons de santé assurent les soins non programmés ; plus de soixante professionnels accompagnent les personnes fragiles dans leur parcours, avec les EHPAD, la santé mentale, les associations sociales et des correspondants hospitaliers.',
		phone: '04 65 71 20 01'
	},
	{
		slug: 'yenne',
		name: 'CPTS de Yenne',
		regionCode: '84',
		department: '73',
		nature: 'rural',
		population: 10_000,
		professionalsCount: 38,
		stage: 'aci_signe',
		communes: ['Yenne', 'Novalaise', 'Saint-Paul-sur-Yenne', 'Traize'],
		description:
			'Petite communauté savoyarde qui a commencé par la santé publique : prévention de l’obésité, troubles du déficit de l’attention chez l’enfant, éducation thérapeutique.',
		phone: '04 65 71 20 02'
	},
	{
		slug: 'gresivaudan',
		name: 'CPTS du Grésivaudan',
		regionCode: '84',
		department: '38',
		nature: 'periurbain',
		population: 74_000,
		professionalsCount: 260,
		stage: 'projet_valide',
		communes: ['Crolles', 'Pontcharra', 'Le Touvet', 'Villard-Bonnot', 'Goncelin'],
		description:
			'Vallée entre Belledonne et Chartreuse : parcours des personnes âgées à domicile, soins non programmés en lien avec le centre hospitalier, accueil des jeunes installés.',
		phone: '04 65 71 20 03'
	},
	{
		slug: 'clermont-nord',
		name: 'CPTS Clermont Nord',
		regionCode: '84',
		department: '63',
		nature: 'urbain_dense',
		population: 108_000,
		professionalsCount: 410,
		stage: 'initiative',
		communes: ['Clermont-Ferrand', 'Gerzat', 'Cébazat', 'Blanzat'],
		description:
			'Une équipe de porteurs de projet (médecins, pharmaciens, infirmiers) prépare le diagnostic territorial des quartiers nord et des communes voisines.',
		phone: '04 65 71 20 04'
	},

	// --- Bourgogne-Franche-Comté ---------------------------------------------------------
	{
		slug: 'haut-doubs-horloger',
		name: 'CPTS du Haut-Doubs horloger',
		regionCode: '27',
		department: '25',
		nature: 'rural',
		population: 27_000,
		professionalsCount: 86,
		stage: 'aci_signe',
		communes: ['Morteau', 'Maîche', 'Villers-le-Lac', 'Le Russey'],
		description:
			'Territoire frontalier où les départs de professionnels vers la Suisse fragilisent l’offre : attractivité, accueil des stagiaires, soins non programmés l’hiver.',
		phone: '03 53 01 20 01'
	},
	{
		slug: 'dijon-sud',
		name: 'CPTS Dijon Sud',
		regionCode: '27',
		department: '21',
		nature: 'urbain_dense',
		population: 96_000,
		professionalsCount: 370,
		stage: 'projet_valide',
		communes: ['Dijon', 'Chenôve', 'Longvic', 'Marsannay-la-Côte'],
		description:
			'Lien ville-hôpital avec le CHU pour les sorties d’hospitalisation, prévention auprès des quartiers prioritaires, annuaire partagé des ressources du territoire.',
		phone: '03 53 01 20 02'
	},
	{
		slug: 'morvan',
		name: 'CPTS du Morvan',
		regionCode: '27',
		department: '58',
		nature: 'rural',
		population: 14_000,
		professionalsCount: 41,
		stage: 'lettre_intention',
		communes: ['Château-Chinon (Ville)', 'Luzy', 'Moulins-Engilbert', 'Montsauche-les-Settons'],
		description:
			'Maintenir un médecin traitant pour chaque habitant d’un territoire de moyenne montagne : télé-expertise, infirmières en pratique avancée, transport des patients.',
		phone: '03 53 01 20 03'
	},

	// --- Bretagne ------------------------------------------------------------------------
	{
		slug: 'pays-de-morlaix',
		name: 'CPTS du Pays de Morlaix',
		regionCode: '53',
		department: '29',
		nature: 'periurbain',
		population: 66_000,
		professionalsCount: 280,
		stage: 'aci_signe',
		communes: ['Morlaix', 'Saint-Pol-de-Léon', 'Plouigneau', 'Carantec', 'Landivisiau'],
		description:
			'Parcours des personnes âgées entre domicile, EHPAD et centre hospitalier ; santé mentale avec le projet territorial ; accueil des internes en médecine générale.',
		phone: '02 61 91 20 01'
	},
	{
		slug: 'rennes-nord-ouest',
		name: 'CPTS Rennes Nord-Ouest',
		regionCode: '53',
		department: '35',
		nature: 'urbain_dense',
		population: 118_000,
		professionalsCount: 480,
		stage: 'aci_signe',
		communes: ['Rennes', 'Pacé', 'Montgermont', 'Vezin-le-Coquet'],
		description:
			'Soins non programmés organisés avec la régulation, circuits courts vers les spécialistes, prévention du surpoids chez l’enfant avec la PMI et la santé scolaire.',
		phone: '02 61 91 20 02'
	},
	{
		slug: 'centre-bretagne',
		name: 'CPTS Centre Bretagne',
		regionCode: '53',
		department: '22',
		nature: 'rural',
		population: 24_000,
		professionalsCount: 72,
		stage: 'initiative',
		communes: ['Loudéac', 'Merdrignac', 'Uzel', 'Plémet'],
		description:
			'Premières réunions de professionnels autour de la démographie médicale et de la permanence des soins.',
		phone: '02 61 91 20 03'
	},

	// --- Centre-Val de Loire -------------------------------------------------------------
	{
		slug: 'berry-giennois',
		name: 'CPTS Berry-Giennois',
		regionCode: '24',
		department: '45',
		nature: 'periurbain',
		population: 45_000,
		professionalsCount: 140,
		stage: 'aci_signe',
		communes: ['Gien', 'Briare', 'Châtillon-sur-Loire', 'Aubigny-sur-Nère'],
		description:
			'Coordinatrice salariée, soins non programmés avec les maisons de santé, protocoles infirmier-médecin pour le suivi des patients chroniques.',
		phone: '02 61 91 30 01'
	},
	{
		slug: 'sud-28',
		name: 'CPTS du Sud-28',
		regionCode: '24',
		department: '28',
		nature: 'periurbain',
		population: 38_000,
		professionalsCount: 118,
		stage: 'aci_signe',
		communes: ['Châteaudun', 'Bonneval', 'Cloyes-les-Trois-Rivières', 'Brou'],
		description:
			'Accès à un médecin traitant, dépistage organisé des cancers, coordination avec le centre hospitalier de Châteaudun.',
		phone: '02 61 91 30 02'
	},

	// --- Corse ---------------------------------------------------------------------------
	{
		slug: 'grand-ajaccio',
		name: 'CPTS du Grand Ajaccio',
		regionCode: '94',
		department: '2A',
		nature: 'urbain_dense',
		population: 86_000,
		professionalsCount: 330,
		stage: 'projet_valide',
		communes: ['Ajaccio', 'Alata', 'Afa', 'Bastelicaccia', 'Grosseto-Prugna'],
		description:
			'Afflux saisonnier de population l’été : soins non programmés, lien avec le centre hospitalier, parcours des personnes âgées de l’arrière-pays.',
		phone: '04 65 71 30 01'
	},
	{
		slug: 'balagne',
		name: 'CPTS de Balagne',
		regionCode: '94',
		department: '2B',
		nature: 'rural',
		population: 22_000,
		professionalsCount: 68,
		stage: 'lettre_intention',
		communes: ['L’Île-Rousse', 'Calvi', 'Calenzana', 'Belgodère'],
		description:
			'Territoire insulaire et montagneux : télé-expertise, continuité des soins dans les villages, coopération avec le centre hospitalier de Calvi.',
		phone: '04 65 71 30 02'
	},

	// --- Grand Est -----------------------------------------------------------------------
	{
		slug: 'strasbourg-sud',
		name: 'CPTS Strasbourg Sud',
		regionCode: '44',
		department: '67',
		nature: 'urbain_dense',
		population: 142_000,
		professionalsCount: 560,
		stage: 'aci_signe',
		communes: ['Strasbourg', 'Illkirch-Graffenstaden', 'Lingolsheim', 'Ostwald'],
		description:
			'Sorties d’hospitalisation coordonnées avec les hôpitaux universitaires, repérage de la fragilité, annuaire des ressources médico-sociales.',
		phone: '03 53 01 30 01'
	},
	{
		slug: 'pointe-des-ardennes',
		name: 'CPTS de la Pointe des Ardennes',
		regionCode: '44',
		department: '08',
		nature: 'rural',
		population: 26_000,
		professionalsCount: 58,
		stage: 'initiative',
		communes: ['Givet', 'Fumay', 'Revin', 'Haybes'],
		description:
			'Un groupe de professionnels cherche comment garder une offre de premier recours dans la vallée de la Meuse.',
		phone: '03 53 01 30 02'
	},

	// --- Hauts-de-France -----------------------------------------------------------------
	{
		slug: 'roubaix',
		name: 'CPTS de Roubaix',
		regionCode: '32',
		department: '59',
		nature: 'urbain_dense',
		population: 99_000,
		professionalsCount: 390,
		stage: 'aci_signe',
		communes: ['Roubaix', 'Lys-lez-Lannoy', 'Leers'],
		description:
			'Prévention et accès aux soins des populations précaires, éducation thérapeutique du diabète, médiation en santé.',
		phone: '03 53 01 40 01'
	},
	{
		slug: 'ternois',
		name: 'CPTS du Ternois',
		regionCode: '32',
		department: '62',
		nature: 'rural',
		population: 29_500,
		professionalsCount: 76,
		stage: 'projet_valide',
		communes: ['Saint-Pol-sur-Ternoise', 'Frévent', 'Auxi-le-Château', 'Heuchin'],
		description:
			'Maisons de santé en réseau, infirmières Asalée, parcours des personnes âgées avec les EHPAD et l’hôpital local.',
		phone: '03 53 01 40 02'
	},
	{
		slug: 'thierache',
		name: 'CPTS de Thiérache',
		regionCode: '32',
		department: '02',
		nature: 'periurbain',
		population: 70_000,
		professionalsCount: 185,
		stage: 'lettre_intention',
		communes: ['Hirson', 'Vervins', 'Guise', 'La Capelle'],
		description:
			'Lettre d’intention validée : diagnostic territorial en cours sur l’accès aux spécialistes et les soins non programmés.',
		phone: '03 53 01 40 03'
	},

	// --- Île-de-France -------------------------------------------------------------------
	{
		slug: 'saint-denis',
		name: 'CPTS de Saint-Denis',
		regionCode: '11',
		department: '93',
		nature: 'urbain_dense',
		population: 114_000,
		professionalsCount: 350,
		stage: 'aci_signe',
		communes: ['Saint-Denis', 'L’Île-Saint-Denis'],
		description:
			'Accès aux soins des personnes sans médecin traitant, interprétariat professionnel, santé des femmes avec la PMI et les sages-femmes libérales.',
		phone: '01 99 00 20 01'
	},
	{
		slug: 'val-d-yerres',
		name: 'CPTS du Val d’Yerres',
		regionCode: '11',
		department: '91',
		nature: 'urbain_dense',
		population: 104_000,
		professionalsCount: 310,
		stage: 'projet_valide',
		communes: ['Yerres', 'Brunoy', 'Montgeron', 'Crosne', 'Épinay-sous-Sénart'],
		description:
			'Projet de santé validé : soins non programmés, parcours insuffisance cardiaque avec le centre hospitalier, prévention de la iatrogénie.',
		phone: '01 99 00 20 02'
	},
	{
		slug: 'sud-seine-et-marne',
		name: 'CPTS Sud Seine-et-Marne',
		regionCode: '11',
		department: '77',
		nature: 'periurbain',
		population: 54_000,
		professionalsCount: 150,
		stage: 'lettre_intention',
		communes: ['Nemours', 'Saint-Pierre-lès-Nemours', 'Souppes-sur-Loing', 'Château-Landon'],
		description:
			'Territoire semi-rural aux confins de la région : attractivité pour les jeunes professionnels et organisation de la permanence des soins.',
		phone: '01 99 00 20 03'
	},
	{
		slug: 'paris-18',
		name: 'CPTS Paris 18',
		regionCode: '11',
		department: '75',
		nature: 'urbain_dense',
		population: 195_000,
		professionalsCount: 700,
		stage: 'initiative',
		communes: ['Paris 18e arrondissement'],
		description:
			'Des professionnels de l’arrondissement se réunissent pour bâtir un diagnostic partagé avec les hôpitaux et les acteurs sociaux.',
		phone: '01 99 00 20 04'
	},

	// --- Normandie -----------------------------------------------------------------------
	{
		slug: 'pays-d-auge',
		name: 'CPTS du Pays d’Auge',
		regionCode: '28',
		department: '14',
		nature: 'periurbain',
		population: 62_000,
		professionalsCount: 215,
		stage: 'aci_signe',
		communes: ['Lisieux', 'Pont-l’Évêque', 'Orbec', 'Saint-Pierre-en-Auge'],
		description:
			'Lien ville-hôpital avec le centre hospitalier de Lisieux, soins non programmés, dépistage de la rétinopathie diabétique avec les orthoptistes.',
		phone: '02 61 91 40 01'
	},
	{
		slug: 'rouen-rive-gauche',
		name: 'CPTS Rouen Rive Gauche',
		regionCode: '28',
		department: '76',
		nature: 'urbain_dense',
		population: 150_000,
		professionalsCount: 520,
		stage: 'projet_valide',
		communes: ['Sotteville-lès-Rouen', 'Le Petit-Quevilly', 'Le Grand-Quevilly', 'Saint-Étienne-du-Rouvray'],
		description:
			'Santé mentale avec les centres médico-psychologiques, sorties d’hospitalisation, prévention des chutes chez les personnes âgées.',
		phone: '02 61 91 40 02'
	},
	{
		slug: 'mortainais',
		name: 'CPTS du Mortainais',
		regionCode: '28',
		department: '50',
		nature: 'rural',
		population: 18_000,
		professionalsCount: 47,
		stage: 'initiative',
		communes: ['Mortain-Bocage', 'Saint-Hilaire-du-Harcouët', 'Sourdeval', 'Le Teilleul'],
		description:
			'Initiative de deux maisons de santé pour fédérer les professionnels isolés du bocage.',
		phone: '02 61 91 40 03'
	},

	// --- Nouvelle-Aquitaine --------------------------------------------------------------
	{
		slug: 'hauts-de-garonne',
		name: 'CPTS des Hauts de Garonne',
		regionCode: '75',
		department: '33',
		nature: 'urbain_dense',
		population: 128_000,
		professionalsCount: 440,
		stage: 'aci_signe',
		communes: ['Lormont', 'Cenon', 'Floirac', 'Bassens'],
		description:
			'Rive droite bordelaise : soins non programmés pour désengorger les urgences, parcours des patients diabétiques, actions dans les quartiers prioritaires.',
		phone: '05 36 49 10 01'
	},
	{
		slug: 'creuse-sud',
		name: 'CPTS Creuse Sud',
		regionCode: '75',
		department: '23',
		nature: 'rural',
		population: 21_000,
		professionalsCount: 54,
		stage: 'lettre_intention',
		communes: ['Aubusson', 'Felletin', 'Auzances', 'Crocq'],
		description:
			'Population âgée et dispersée : maintien à domicile, télémédecine en EHPAD, accueil de nouveaux médecins.',
		phone: '05 36 49 10 02'
	},
	{
		slug: 'sud-pays-basque',
		name: 'CPTS Sud Pays Basque',
		regionCode: '75',
		department: '64',
		nature: 'periurbain',
		population: 72_000,
		professionalsCount: 290,
		stage: 'aci_signe',
		communes: ['Saint-Jean-de-Luz', 'Hendaye', 'Ciboure', 'Urrugne'],
		description:
			'Soins non programmés en saison touristique, coopération transfrontalière, parcours de soins palliatifs à domicile.',
		phone: '05 36 49 10 03'
	},

	// --- Occitanie -----------------------------------------------------------------------
	{
		slug: 'toulouse-rive-gauche',
		name: 'CPTS Toulouse Rive Gauche',
		regionCode: '76',
		department: '31',
		nature: 'urbain_dense',
		population: 180_000,
		professionalsCount: 690,
		stage: 'projet_valide',
		communes: ['Toulouse', 'Colomiers', 'Tournefeuille', 'Cugnaux'],
		description:
			'Très grande communauté : outils numériques de coordination, parcours ville-hôpital avec le CHU, prévention en santé sexuelle.',
		phone: '05 36 49 20 01'
	},
	{
		slug: 'aubrac-margeride',
		name: 'CPTS Aubrac Margeride',
		regionCode: '76',
		department: '48',
		nature: 'rural',
		population: 12_500,
		professionalsCount: 36,
		stage: 'aci_signe',
		communes: ['Marvejols', 'Saint-Chély-d’Apcher', 'Aumont-Aubrac', 'Nasbinals'],
		description:
			'Le département le moins peuplé : continuité des soins, hôpitaux de proximité, transport sanitaire et télé-consultation assistée en pharmacie.',
		phone: '05 36 49 20 02'
	},
	{
		slug: 'coeur-d-herault',
		name: 'CPTS Cœur d’Hérault',
		regionCode: '76',
		department: '34',
		nature: 'periurbain',
		population: 77_000,
		professionalsCount: 235,
		stage: 'lettre_intention',
		communes: ['Clermont-l’Hérault', 'Lodève', 'Gignac', 'Paulhan'],
		description:
			'Territoire en forte croissance démographique : accès à un médecin traitant, soins non programmés, prévention chez les jeunes.',
		phone: '04 65 71 40 01'
	},

	// --- Pays de la Loire ----------------------------------------------------------------
	{
		slug: 'nord-mayenne',
		name: 'CPTS du Nord Mayenne',
		regionCode: '52',
		department: '53',
		nature: 'periurbain',
		population: 52_000,
		professionalsCount: 150,
		stage: 'projet_valide',
		communes: ['Mayenne', 'Lassay-les-Châteaux', 'Ambrières-les-Vallées', 'Gorron'],
		description:
			'Portée par des maisons de santé après l’expérimentation PAERPA : parcours des personnes âgées élargi au diabète, aux sorties complexes d’hôpital et à la santé mentale.',
		phone: '02 61 91 50 01'
	},
	{
		slug: 'nantes-est',
		name: 'CPTS Nantes Est',
		regionCode: '52',
		department: '44',
		nature: 'urbain_dense',
		population: 88_000,
		professionalsCount: 340,
		stage: 'aci_signe',
		communes: ['Nantes', 'Sainte-Luce-sur-Loire', 'Thouaré-sur-Loire', 'Carquefou'],
		description:
			'Soins non programmés avec la maison médicale de garde, sorties d’hospitalisation avec le CHU, vaccination et prévention.',
		phone: '02 61 91 50 02'
	},
	{
		slug: 'sud-vendee-littoral',
		name: 'CPTS Sud Vendée Littoral',
		regionCode: '52',
		department: '85',
		nature: 'periurbain',
		population: 48_000,
		professionalsCount: 145,
		stage: 'initiative',
		communes: ['Luçon', 'La Tranche-sur-Mer', 'Sainte-Hermine', 'Chaillé-les-Marais'],
		description:
			'Premières rencontres interprofessionnelles : la population double l’été sur le littoral.',
		phone: '02 61 91 50 03'
	},

	// --- Provence-Alpes-Côte d'Azur ------------------------------------------------------
	{
		slug: 'marseille-13-14',
		name: 'CPTS Marseille 13-14',
		regionCode: '93',
		department: '13',
		nature: 'urbain_dense',
		population: 155_000,
		professionalsCount: 470,
		stage: 'projet_valide',
		communes: ['Marseille 13e arrondissement', 'Marseille 14e arrondissement'],
		description:
			'Quartiers nord de Marseille : accès aux soins des familles précaires, médiation en santé, liens avec l’Assistance publique et les centres de santé.',
		phone: '04 65 71 50 01'
	},
	{
		slug: 'haut-var-verdon',
		name: 'CPTS Haut-Var Verdon',
		regionCode: '93',
		department: '83',
		nature: 'rural',
		population: 25_000,
		professionalsCount: 64,
		stage: 'lettre_intention',
		communes: ['Aups', 'Salernes', 'Barjols', 'Régusse'],
		description:
			'Villages éloignés des hôpitaux : soins non programmés, coordination avec les pompiers et le SAMU, maintien à domicile.',
		phone: '04 65 71 50 02'
	},
	{
		slug: 'pays-de-grasse',
		name: 'CPTS du Pays de Grasse',
		regionCode: '93',
		department: '06',
		nature: 'periurbain',
		population: 75_000,
		professionalsCount: 300,
		stage: 'aci_signe',
		communes: ['Grasse', 'Mouans-Sartoux', 'Peymeinade', 'Le Rouret'],
		description:
			'Parcours des personnes âgées, soins palliatifs avec l’HAD, prévention de la perte d’autonomie.',
		phone: '04 65 71 50 03'
	},
	{
		slug: 'brianconnais',
		name: 'CPTS du Briançonnais',
		regionCode: '93',
		department: '05',
		nature: 'rural',
		population: 28_000,
		professionalsCount: 96,
		stage: 'aci_signe',
		communes: ['Briançon', 'L’Argentière-la-Bessée', 'Villar-Saint-Pancrace', 'Montgenèvre'],
		description:
			'Montagne et stations de ski : traumatologie saisonnière, soins non programmés, accueil des professionnels saisonniers.',
		phone: '04 65 71 50 04'
	},

	// --- Guadeloupe ----------------------------------------------------------------------
	{
		slug: 'centre-grande-terre',
		name: 'CPTS Centre Grande-Terre',
		regionCode: '01',
		department: '971',
		nature: 'outre_mer',
		population: 112_000,
		professionalsCount: 410,
		stage: 'aci_signe',
		communes: ['Les Abymes', 'Pointe-à-Pitre', 'Le Gosier'],
		description:
			'Diabète et hypertension, lien avec le CHU de Pointe-à-Pitre, prévention des arboviroses et préparation aux cyclones.'
	},
	{
		slug: 'nord-basse-terre',
		name: 'CPTS Nord Basse-Terre',
		regionCode: '01',
		department: '971',
		nature: 'outre_mer',
		population: 46_000,
		professionalsCount: 120,
		stage: 'lettre_intention',
		communes: ['Sainte-Rose', 'Lamentin', 'Deshaies', 'Pointe-Noire'],
		description:
			'Accès aux spécialistes et soins non programmés dans le nord de la Basse-Terre.'
	},

	// --- Martinique ----------------------------------------------------------------------
	{
		slug: 'centre-martinique',
		name: 'CPTS Centre Martinique',
		regionCode: '02',
		department: '972',
		nature: 'outre_mer',
		population: 168_000,
		professionalsCount: 600,
		stage: 'projet_valide',
		communes: ['Fort-de-France', 'Schœlcher', 'Le Lamentin', 'Saint-Joseph'],
		description:
			'Vieillissement rapide de la population : parcours des personnes âgées, maladies chroniques, lien avec le CHU de Martinique.'
	},
	{
		slug: 'nord-atlantique-martinique',
		name: 'CPTS Nord Atlantique',
		regionCode: '02',
		department: '972',
		nature: 'outre_mer',
		population: 58_000,
		professionalsCount: 150,
		stage: 'initiative',
		communes: ['La Trinité', 'Le Robert', 'Sainte-Marie', 'Le Marigot'],
		description:
			'Des professionnels de la côte atlantique préparent une lettre d’intention.'
	},

	// --- Guyane --------------------------------------------------------------------------
	{
		slug: 'centre-littoral-guyane',
		name: 'CPTS Centre Littoral',
		regionCode: '03',
		department: '973',
		nature: 'outre_mer',
		population: 140_000,
		professionalsCount: 360,
		stage: 'aci_signe',
		communes: ['Cayenne', 'Rémire-Montjoly', 'Matoury', 'Macouria'],
		description:
			'Santé de la mère et de l’enfant, maladies infectieuses, coordination avec le centre hospitalier de Cayenne.'
	},
	{
		slug: 'ouest-guyanais',
		name: 'CPTS de l’Ouest guyanais',
		regionCode: '03',
		department: '973',
		nature: 'outre_mer',
		population: 60_000,
		professionalsCount: 85,
		stage: 'lettre_intention',
		communes: ['Saint-Laurent-du-Maroni', 'Mana', 'Apatou', 'Awala-Yalimapo'],
		description:
			'Territoire le long du Maroni : médiation en santé, télémédecine vers les communes isolées, périnatalité.'
	},

	// --- La Réunion ----------------------------------------------------------------------
	{
		slug: 'sud-reunion',
		name: 'CPTS Sud Réunion',
		regionCode: '04',
		department: '974',
		nature: 'outre_mer',
		population: 228_000,
		professionalsCount: 820,
		stage: 'aci_signe',
		communes: ['Saint-Pierre', 'Le Tampon', 'Saint-Louis', 'Petite-Île'],
		description:
			'Diabète et insuffisance rénale, parcours avec le CHU Sud, prévention de la dengue et du chikungunya.'
	},
	{
		slug: 'est-reunion',
		name: 'CPTS Est Réunion',
		regionCode: '04',
		department: '974',
		nature: 'outre_mer',
		population: 114_000,
		professionalsCount: 320,
		stage: 'projet_valide',
		communes: ['Saint-Benoît', 'Saint-André', 'Bras-Panon', 'Sainte-Rose'],
		description:
			'Accès aux soins dans les Hauts, soins non programmés, coordination avec le groupe hospitalier Est Réunion.'
	},

	// --- Mayotte -------------------------------------------------------------------------
	{
		slug: 'grand-mamoudzou',
		name: 'CPTS du Grand Mamoudzou',
		regionCode: '06',
		department: '976',
		nature: 'outre_mer',
		population: 87_000,
		professionalsCount: 130,
		stage: 'lettre_intention',
		communes: ['Mamoudzou', 'Dembéni'],
		description:
			'Densité médicale parmi les plus faibles de France : accès aux soins, périnatalité, vaccination, eau et santé.'
	},
	{
		slug: 'sud-mayotte',
		name: 'CPTS Sud Mayotte',
		regionCode: '06',
		department: '976',
		nature: 'outre_mer',
		population: 35_000,
		professionalsCount: 38,
		stage: 'initiative',
		communes: ['Chirongui', 'Bouéni', 'Kani-Kéli', 'Bandrélé'],
		description:
			'Une poignée de professionnels libéraux et du centre hospitalier veut structurer le premier recours du sud de l’île.'
	}
];

/** Memberships of the demo accounts (by e-mail), beyond what each account's role implies. */
export interface DemoMembership {
	cptsSlug: string;
	role?: 'member' | 'coordinator';
	status?: 'pending' | 'active' | 'refused';
	message?: string;
}

export const DEMO_ACCOUNT_MEMBERSHIPS: Record<string, DemoMembership[]> = {
	'coordinatrice@demo.reseau-cpts.fr': [{ cptsSlug: 'sud-toulois', role: 'coordinator' }],
	'membre@demo.reseau-cpts.fr': [
		{ cptsSlug: 'sud-toulois' },
		// Pharmacist in both communities: with the trainer, two La Plaine members who can sign in.
		{ cptsSlug: 'la-plaine' },
		{
			cptsSlug: 'venissieux',
			status: 'pending',
			message: 'Pharmacien, je rejoins une officine des Minguettes en septembre et souhaite participer au projet.'
		}
	],
	// A GP of La Plaine who also trains: co-coordinates its health project with Dr Marchal.
	'formateur@demo.reseau-cpts.fr': [{ cptsSlug: 'la-plaine', role: 'coordinator' }]
};

/** Fictitious professionals who populate the communities; they cannot sign in. */
export interface DemoProfessional {
	name: string;
	email: string;
	profession: Profession;
	memberships: DemoMembership[];
}

export const DEMO_PROFESSIONALS: DemoProfessional[] = [
	{ name: 'Dr Hélène Perrin', email: 'helene.perrin@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'sud-toulois' }] },
	{ name: 'Thomas Renaud', email: 'thomas.renaud@exemple.fr', profession: 'masseur_kinesitherapeute', memberships: [{ cptsSlug: 'sud-toulois' }] },
	{ name: 'Nadia Benali', email: 'nadia.benali@exemple.fr', profession: 'sage_femme', memberships: [{ cptsSlug: 'sud-toulois' }] },
	{ name: 'Pierre Collin', email: 'pierre.collin@exemple.fr', profession: 'pharmacien', memberships: [{ cptsSlug: 'sud-toulois' }, { cptsSlug: 'metz' }] },
	{
		name: 'Léa Fontaine',
		email: 'lea.fontaine@exemple.fr',
		profession: 'orthophoniste',
		memberships: [{ cptsSlug: 'sud-toulois', status: 'pending', message: 'Installée à Toul depuis janvier, je souhaite rejoindre la communauté.' }]
	},
	{
		name: 'Romain Muller',
		email: 'romain.muller@exemple.fr',
		profession: 'infirmier',
		memberships: [{ cptsSlug: 'sud-toulois', status: 'pending', message: 'Infirmier libéral à Colombey-les-Belles.' }]
	},
	{ name: 'Dr Isabelle Marchal', email: 'isabelle.marchal@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'la-plaine', role: 'coordinator' }] },
	{ name: 'Sylvie Thiébaut', email: 'sylvie.thiebaut@exemple.fr', profession: 'infirmier', memberships: [{ cptsSlug: 'la-plaine' }] },
	{ name: 'Dr François Mathieu', email: 'francois.mathieu@exemple.fr', profession: 'chirurgien_dentiste', memberships: [{ cptsSlug: 'la-plaine' }] },
	{ name: 'Catherine Roussel', email: 'catherine.roussel@exemple.fr', profession: 'infirmier', memberships: [{ cptsSlug: 'sud-lochois', role: 'coordinator' }] },
	{ name: 'Dr Olivier Chevalier', email: 'olivier.chevalier@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'sud-lochois' }] },
	{ name: 'Manon Girault', email: 'manon.girault@exemple.fr', profession: 'pedicure_podologue', memberships: [{ cptsSlug: 'sud-lochois' }] },
	{ name: 'Karim Haddad', email: 'karim.haddad@exemple.fr', profession: 'masseur_kinesitherapeute', memberships: [{ cptsSlug: 'venissieux', role: 'coordinator' }] },
	{ name: 'Dr Amandine Royer', email: 'amandine.royer@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'venissieux' }] },
	{ name: 'Mélanie Dupuis', email: 'melanie.dupuis@exemple.fr', profession: 'biologiste', memberships: [{ cptsSlug: 'venissieux' }] },
	{ name: 'Dr Vincent Leroy', email: 'vincent.leroy@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'barrois', role: 'coordinator' }] },
	{ name: 'Aurélie Henry', email: 'aurelie.henry@exemple.fr', profession: 'pharmacien', memberships: [{ cptsSlug: 'barrois' }] },
	{ name: 'Jean-Luc Schmitt', email: 'jean-luc.schmitt@exemple.fr', profession: 'coordinateur_autre', memberships: [{ cptsSlug: 'metz', role: 'coordinator' }] },
	{ name: 'Dr Caroline Weber', email: 'caroline.weber@exemple.fr', profession: 'medecin_specialiste', memberships: [{ cptsSlug: 'metz' }] },
	{ name: 'Dr Paul Nguyen', email: 'paul.nguyen@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'paris-13', role: 'coordinator' }] },
	{ name: 'Fatou Diallo', email: 'fatou.diallo@exemple.fr', profession: 'infirmier', memberships: [{ cptsSlug: 'paris-13' }] },
	{ name: 'Julie Lefèvre', email: 'julie.lefevre@exemple.fr', profession: 'psychologue', memberships: [{ cptsSlug: 'paris-13' }, { cptsSlug: 'saint-denis' }] },
	{ name: 'Émilie Le Gall', email: 'emilie.legall@exemple.fr', profession: 'orthoptiste', memberships: [{ cptsSlug: 'pays-de-morlaix', role: 'coordinator' }] },
	{ name: 'Yann Kerdoncuff', email: 'yann.kerdoncuff@exemple.fr', profession: 'pharmacien', memberships: [{ cptsSlug: 'pays-de-morlaix' }] },
	{ name: 'Dr Marie-Ange Célestine', email: 'marie-ange.celestine@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'centre-grande-terre', role: 'coordinator' }] },
	{ name: 'Ludovic Hoarau', email: 'ludovic.hoarau@exemple.fr', profession: 'infirmier', memberships: [{ cptsSlug: 'sud-reunion', role: 'coordinator' }] },
	{ name: 'Dr Sandrine Payet', email: 'sandrine.payet@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'sud-reunion' }] },
	{ name: 'Anli Madi', email: 'anli.madi@exemple.fr', profession: 'infirmier', memberships: [{ cptsSlug: 'grand-mamoudzou', role: 'coordinator' }] },
	{ name: 'Dr Lucas Bernard', email: 'lucas.bernard@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'centre-littoral-guyane' }] },
	{ name: 'Chloé Fabre', email: 'chloe.fabre@exemple.fr', profession: 'dieteticien', memberships: [{ cptsSlug: 'toulouse-rive-gauche' }, { cptsSlug: 'aubrac-margeride' }] },
	{ name: 'Antoine Garnier', email: 'antoine.garnier@exemple.fr', profession: 'ergotherapeute', memberships: [{ cptsSlug: 'nantes-est' }] },
	{ name: 'Élodie Marechal', email: 'elodie.marechal@exemple.fr', profession: 'psychomotricien', memberships: [{ cptsSlug: 'roubaix' }] }
];
