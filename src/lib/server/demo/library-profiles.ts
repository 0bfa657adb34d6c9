/**
 * Demo profils-types (IGAS report, recommendation 11): three or four per territory nature,
 * written from section 2.2.2, the typology annex and table 1 of the report (missions,
 * example actions and partners). The overseas ones are prospective: the report could not
 * study overseas territories (its note 44) and says they likely form a fourth category.
 * Data only; seeding is in library.ts.
 */
import type { DemoResource } from './library';

export const DEMO_PROFILES: DemoResource[] = [
	// --- Rural: < 30,000 inhabitants, < 100 professionals -----------------------------
	{
		slug: 'profil-type-rural-premier-recours-fragile',
		kind: 'profil_type',
		title: 'Profil-type rural : bassin de vie isolé, premier recours fragile',
		summary:
			'Une petite communauté de premier recours (moins de 15 000 habitants, quelques dizaines de professionnels) née d’une difficulté d’accès à la médecine générale. Priorités : garder les médecins, organiser les soins non programmés, sécuriser le parcours des personnes âgées.',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['acces_soins', 'parcours', 'accompagnement_professionnels'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute'],
		body: `## Le territoire

Un bassin de vie rural de quelques communes, sans offre de second recours sur place. Plusieurs médecins généralistes exercent seuls et approchent de la retraite ; les infirmiers libéraux et les pharmaciens sont souvent les professionnels les plus présents au quotidien.

## Ce qui déclenche le projet

Le rapport de l’IGAS le constate : dans ces territoires, le point de départ est presque toujours **un problème concret à résoudre**, le plus souvent l’accès au médecin traitant. « On peut tous se connaître » : le petit nombre d’acteurs facilite la mobilisation, mais les médecins isolés manquent de temps et doutent de ce que la coordination leur fera gagner.

## Conseils pour démarrer

- Commencer par un seul sujet qui parle à tous, par exemple les soins non programmés du soir pour les enfants.
- Associer dès le départ l’EHPAD et, s’il existe, l’hôpital local : ils sont souvent membres de la CPTS plutôt que partenaires.
- Mutualiser le temps de coordination avec une MSP voisine plutôt que de recruter seul.
- Préparer l’accueil d’une infirmière Asalée et de stagiaires : c’est un argument d’attractivité.

Exemple décrit par le rapport : la CPTS de La Plaine (Vosges), qui propose une réponse aux enfants le soir à partir de 18 h et aux résidents d’EHPAD le soir et le week-end.`,
		profile: {
			nature: 'rural',
			populationMin: 5_000,
			populationMax: 15_000,
			professionalsMin: 15,
			professionalsMax: 60,
			maturity: 'emergente',
			actors: [
				'Médecins généralistes, souvent en cabinet seul',
				'Infirmiers libéraux',
				'Pharmaciens d’officine',
				'Masseurs-kinésithérapeutes',
				'Cadre de santé de l’EHPAD local, membre du bureau'
			],
			partners: ['EHPAD du territoire', 'Centre médico-psychologique (CMP)', 'Protection maternelle et infantile (PMI)', 'Médecine scolaire', 'Élus de la communauté de communes'],
			stakes: [
				'Maintien et consolidation de l’offre de premier recours',
				'Accès à un médecin traitant pour chaque patient',
				'Soins non programmés et continuité des soins',
				'Parcours des personnes âgées',
				'Accès aux médecins spécialistes'
			],
			priorityMissions: ['acces_soins', 'parcours', 'accompagnement_professionnels'],
			exampleActions: [
				{ action: 'Créneaux de soins non programmés pour les enfants le soir à partir de 18 h', partners: 'Service des urgences, régulation du SAMU', mission: 'acces_soins' },
				{ action: 'Réponse aux résidents d’EHPAD le soir et le week-end', partners: 'EHPAD, médecin coordonnateur', mission: 'acces_soins' },
				{ action: 'Accueil d’une infirmière Asalée et protocoles de suivi des patients chroniques', partners: 'Association Asalée', mission: 'parcours' },
				{ action: 'Accueil d’internes et de stagiaires', partners: 'Université, département de médecine générale, collectivités', mission: 'accompagnement_professionnels' }
			],
			indicators: [
				{ text: 'Part des patients de 17 ans et plus sans médecin traitant', mission: 'acces_soins' },
				{ text: 'Nombre de créneaux de soins non programmés proposés et utilisés par semaine', mission: 'acces_soins' },
				{ text: 'Passages aux urgences évitables des résidents d’EHPAD', mission: 'acces_soins' },
				{ text: 'Nombre de stagiaires accueillis par an', mission: 'accompagnement_professionnels' }
			],
			governance: 'Association loi 1901 avec un bureau resserré (médecin, infirmier, pharmacien) et un représentant de l’EHPAD ; assemblée générale ouverte à tous les professionnels du territoire.',
			coordinationWorkload: 'Environ 0,3 ETP, souvent un infirmier ou une secrétaire de MSP à temps partiel, mutualisé avec une structure voisine.',
			coordinationFte: 0.3
		}
	},
	{
		slug: 'profil-type-rural-structure-autour-des-msp',
		kind: 'profil_type',
		title: 'Profil-type rural : territoire structuré autour de maisons de santé',
		summary:
			'Un territoire rural de 10 000 à 30 000 habitants où une ou plusieurs MSP exercent déjà de façon coordonnée. La CPTS étend leurs organisations à tout le territoire : soins non programmés, protocoles communs, messagerie sécurisée, formation des étudiants.',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['acces_soins', 'qualite_pertinence', 'accompagnement_professionnels', 'prevention'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'sage_femme'],
		body: `## Le territoire

Un territoire rural où la démographie médicale a poussé, il y a une dizaine d’années, à regrouper les médecins en maisons de santé pluriprofessionnelles. Les MSP disposent de temps de coordination financé par l’accord conventionnel et d’une habitude du travail en équipe.

## Ce que la CPTS apporte

Le rapport de l’IGAS observe que, quelle que soit la nature du territoire, les projets sont particulièrement riches là où les maisons de santé ont installé la coopération : lien ville-hôpital, **protocoles harmonisés**, soins non programmés, prévention, formation initiale pour l’attractivité, et un objectif simple : tous les professionnels communiquent par la même messagerie sécurisée.

## Points d’attention

- Ne pas réserver la CPTS aux patients des MSP : la responsabilité est **populationnelle**, les professionnels « isolés » doivent y trouver leur place.
- Prévoir une représentation des professionnels hors MSP dans la gouvernance.
- S’appuyer sur les ressources de coordination existantes sans les épuiser.`,
		profile: {
			nature: 'rural',
			populationMin: 10_000,
			populationMax: 30_000,
			professionalsMin: 40,
			professionalsMax: 100,
			maturity: 'structuree',
			actors: ['Une à trois MSP et leurs coordinatrices', 'Médecins généralistes hors MSP', 'Infirmiers libéraux', 'Pharmaciens', 'Masseurs-kinésithérapeutes', 'Sages-femmes'],
			partners: ['Hôpital de proximité', 'EHPAD et SSIAD', 'CMP', 'PMI et médecine scolaire', 'Assurance maladie (délégués et conseillers informatiques)'],
			stakes: ['Extension des organisations des MSP à tout le territoire', 'Soins non programmés et continuité des soins', 'Attractivité pour les jeunes professionnels', 'Usage généralisé de la messagerie sécurisée et du DMP'],
			priorityMissions: ['acces_soins', 'qualite_pertinence', 'accompagnement_professionnels'],
			exampleActions: [
				{ action: 'Régulation commune des soins non programmés entre MSP', partners: 'Association de permanence des soins, SAMU', mission: 'acces_soins' },
				{ action: 'Protocoles pluriprofessionnels harmonisés (anticoagulants, plaies chroniques)', partners: 'Hôpital de proximité', mission: 'qualite_pertinence' },
				{ action: 'Même messagerie sécurisée pour tous les professionnels', partners: 'GRADeS, Assurance maladie', mission: 'accompagnement_professionnels' },
				{ action: 'Journées de dépistage et d’éducation thérapeutique', partners: 'Coordonnateur du contrat local de santé', mission: 'prevention' }
			],
			indicators: [
				{ text: 'Part des professionnels utilisant la messagerie sécurisée', mission: 'accompagnement_professionnels' },
				{ text: 'Nombre de protocoles pluriprofessionnels en vigueur', mission: 'qualite_pertinence' },
				{ text: 'Délai d’accès à une consultation non programmée', mission: 'acces_soins' },
				{ text: 'Nombre de maîtres de stage du territoire', mission: 'accompagnement_professionnels' }
			],
			governance: 'Association dont le conseil d’administration réunit un représentant par MSP et des représentants des professionnels hors MSP, par collège de profession.',
			coordinationWorkload: '0,5 ETP, en s’appuyant sur les coordinatrices des MSP pour la logistique des réunions.',
			coordinationFte: 0.5
		}
	},
	{
		slug: 'profil-type-rural-hopital-local-ehpad',
		kind: 'profil_type',
		title: 'Profil-type rural : communauté avec hôpital local et EHPAD membres',
		summary:
			'Un territoire rural vieillissant où l’hôpital local et les EHPAD sont naturellement dans la CPTS. Le cœur du projet : le parcours de la personne âgée, de la prévention des hospitalisations au retour à domicile, avec télémédecine et télé-expertise.',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['parcours', 'acces_soins', 'prevention'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'ergotherapeute'],
		body: `## Le territoire

Une population âgée importante, un hôpital local (ou de proximité) et plusieurs EHPAD. Dans ces territoires, le rapport note que l’association de toutes les ressources médicales est aisée et que la majorité des CPTS intègrent ces établissements **comme membres**, jusque dans leur gouvernance.

## Le parcours de la personne âgée comme fil conducteur

- Repérer la fragilité en ville (infirmiers, pharmaciens, kinésithérapeutes).
- Éviter les passages aux urgences la nuit et le week-end pour les résidents d’EHPAD.
- Préparer la sortie d’hôpital : information du médecin traitant, de l’infirmier et du pharmacien avant le retour.
- Télé-expertise et téléconsultation avec l’EHPAD pour limiter les transports.

## Expériences utiles

Les territoires qui ont porté l’expérimentation PAERPA (parcours des personnes âgées en risque de perte d’autonomie), comme en Mayenne, sont bien préparés : plan personnalisé de santé, infirmiers de nuit mutualisés en EHPAD, hébergement temporaire.`,
		profile: {
			nature: 'rural',
			populationMin: 8_000,
			populationMax: 25_000,
			professionalsMin: 30,
			professionalsMax: 90,
			maturity: 'ancienne',
			actors: ['Médecins généralistes, dont médecins coordonnateurs d’EHPAD', 'Infirmiers libéraux', 'Pharmaciens', 'Masseurs-kinésithérapeutes', 'Hôpital local', 'EHPAD'],
			partners: ['SSIAD et services d’aide à domicile', 'HAD', 'Dispositif d’appui à la coordination (DAC : depuis 2022, il reprend les PTA, les MAIA et, selon les départements, les CLIC)', 'Assurance maladie (PRADO)'],
			stakes: ['Parcours des personnes âgées', 'Prévention des hospitalisations évitables', 'Retour et maintien à domicile', 'Soins non programmés en EHPAD le soir et le week-end'],
			priorityMissions: ['parcours', 'acces_soins', 'prevention'],
			exampleActions: [
				{ action: 'Organisation des entrées et sorties d’hôpital des personnes âgées', partners: 'Hôpital local, Assurance maladie (PRADO), HAD, SSIAD', mission: 'parcours' },
				{ action: 'Télémédecine entre médecins traitants et EHPAD', partners: 'EHPAD, GRADeS', mission: 'acces_soins' },
				{ action: 'Plan personnalisé de santé pour les patients fragiles', partners: 'DAC, services d’aide à domicile', mission: 'parcours' },
				{ action: 'Ateliers de prévention des chutes', partners: 'Caisse de retraite, mairie, club des aînés', mission: 'prevention' }
			],
			indicators: [
				{ text: 'Taux de réhospitalisation à 30 jours des plus de 75 ans', mission: 'parcours' },
				{ text: 'Passages aux urgences des résidents d’EHPAD la nuit et le week-end', mission: 'acces_soins' },
				{ text: 'Nombre de plans personnalisés de santé actifs', mission: 'parcours' },
				{ text: 'Nombre de téléconsultations en EHPAD', mission: 'acces_soins' }
			],
			governance: 'Association dont le bureau comprend un cadre de santé de l’EHPAD et un représentant de l’hôpital local à côté des professionnels libéraux.',
			coordinationWorkload: '0,5 ETP, dont une part consacrée au suivi des sorties d’hospitalisation.',
			coordinationFte: 0.5
		}
	},
	{
		slug: 'profil-type-rural-bourg-centre-sante-publique',
		kind: 'profil_type',
		title: 'Profil-type rural : bourg-centre qui démarre par la santé publique',
		summary:
			'Une communauté d’environ 10 000 habitants qui construit le travail en équipe pas à pas, à partir de thèmes de santé publique (prévention de l’obésité, troubles de l’attention chez l’enfant) et d’éducation thérapeutique, avant d’élargir le projet.',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['prevention', 'qualite_pertinence', 'acces_soins'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'dieteticien', 'psychologue', 'orthophoniste'],
		body: `## Une approche progressive

Le rapport de l’IGAS décrit ces territoires sans organisation préalable : les porteurs de projet résolvent d’abord un problème opérationnel, puis élargissent leur perspective par une **approche populationnelle**. La CPTS de Yenne (Savoie, 10 000 habitants selon le rapport) a ainsi commencé par la prévention de l’obésité et les troubles du déficit de l’attention chez l’enfant, puis l’éducation thérapeutique.

## Ce qu’il faut prévoir

- Un temps d’apprentissage : sans expérience préalable, la maturité vient en plusieurs années.
- Des outils « à la main » des professionnels et une organisation juridique légère (association).
- Un relais vers une structure d’appui (URPS, fédération régionale) pour professionnaliser le projet dans la durée.

## Le piège à éviter

Rester « monothématique » : un projet limité à un seul sujet ressemble davantage à un réseau de santé qu’à une CPTS. Le diagnostic territorial aide à élargir.`,
		profile: {
			nature: 'rural',
			populationMin: 5_000,
			populationMax: 20_000,
			professionalsMin: 20,
			professionalsMax: 70,
			maturity: 'emergente',
			actors: ['Médecins généralistes', 'Infirmiers libéraux', 'Pharmaciens', 'Diététiciens', 'Orthophonistes', 'Psychologues'],
			partners: ['Médecine scolaire et établissements scolaires', 'PMI', 'Coordonnateur du contrat local de santé', 'Centre hospitalier de référence (pédiatrie)', 'Associations sportives'],
			stakes: ['Premières actions interprofessionnelles concrètes', 'Prévention chez l’enfant et l’adolescent', 'Éducation thérapeutique des patients chroniques', 'Élargissement progressif du projet au territoire'],
			priorityMissions: ['prevention', 'qualite_pertinence'],
			exampleActions: [
				{ action: 'Ateliers de prévention de l’obésité de l’enfant', partners: 'Médecine scolaire, collectivités, associations sportives', mission: 'prevention' },
				{ action: 'Repérage et orientation des troubles de l’attention', partners: 'PMI, centre médico-psychologique pour enfants', mission: 'parcours' },
				{ action: 'Programme d’éducation thérapeutique du diabète', partners: 'Centre hospitalier, Assurance maladie', mission: 'prevention' }
			],
			indicators: [
				{ text: 'Nombre d’enfants ayant participé aux ateliers', mission: 'prevention' },
				{ text: 'Délai d’accès à un bilan pour un trouble de l’attention', mission: 'parcours' },
				{ text: 'Nombre de patients en programme d’éducation thérapeutique', mission: 'prevention' },
				{ text: 'Nombre de professions engagées dans au moins une action' }
			],
			governance: 'Association présidée par un professionnel non médecin, signe de l’ambition interprofessionnelle ; groupes de travail par thème.',
			coordinationWorkload: '0,2 à 0,3 ETP au démarrage, avec l’appui d’une structure régionale pour l’ingénierie de projet.',
			coordinationFte: 0.25
		}
	},

	// --- Peri-urban / semi-rural: 30,000 to 80,000 inhabitants, 100 to 300 ---------------
	{
		slug: 'profil-type-periurbain-lien-ville-hopital',
		kind: 'profil_type',
		title: 'Profil-type péri-urbain : autour d’un hôpital de référence',
		summary:
			'Un bassin de 30 000 à 80 000 habitants avec un établissement hospitalier de référence et une offre de second recours. Priorités : le lien ville-hôpital, le maintien de l’offre, les soins non programmés, l’informatique communicante et la télé-expertise.',
		natures: ['periurbain'],
		sizeBands: [1, 2],
		missions: ['parcours', 'acces_soins', 'prevention', 'qualite_pertinence'],
		professions: ['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute'],
		body: `## Le territoire

Plus de 100 professionnels de santé, premier et second recours, autour d’un centre hospitalier de référence. L’interconnaissance n’est plus naturelle : les systèmes d’information deviennent nécessaires pour fonctionner en réseau.

## Exemple décrit par l’IGAS

La CPTS Sud-Lochois (Indre-et-Loire ; 60 000 habitants et 260 professionnels selon le rapport) est née d’un pôle de santé créé en 2009 à l’initiative des élus face à une démographie médicale préoccupante. Son projet : relations ville-hôpital, prévention, dépistage et éducation thérapeutique, aide à l’installation, continuité et permanence des soins, soins non programmés, informatique communicante et télé-expertise. Une infirmière libérale assure la coordination à temps partiel.

## Relations avec les établissements

Le lien avec l’hôpital est étroit mais prend plutôt la forme de **partenariats** que d’une adhésion, les établissements étant plus nombreux. Le partenariat avec le médico-social est moins naturel qu’en zone rurale : c’est un axe de développement.`,
		profile: {
			nature: 'periurbain',
			populationMin: 30_000,
			populationMax: 80_000,
			professionalsMin: 100,
			professionalsMax: 300,
			maturity: 'ancienne',
			actors: ['Médecins généralistes et spécialistes libéraux', 'Infirmiers libéraux', 'Pharmaciens', 'Masseurs-kinésithérapeutes', 'Pôle de santé ou MSP à l’origine du projet'],
			partners: ['Centre hospitalier de référence', 'EHPAD', 'Psychiatrie de secteur', 'HAD', 'PMI et médecine scolaire', 'Élus locaux'],
			stakes: ['Lien ville-hôpital et lien avec le second recours', 'Maintien de l’offre de soins', 'Soins non programmés et continuité des soins', 'Informatique communicante'],
			priorityMissions: ['parcours', 'acces_soins', 'prevention'],
			exampleActions: [
				{ action: 'Planification des rendez-vous de second recours et transfert d’informations', partners: 'Spécialistes libéraux, centre hospitalier', mission: 'parcours' },
				{ action: 'Organisation des sorties d’hôpital', partners: 'Centre hospitalier, Assurance maladie (PRADO), HAD, SSIAD', mission: 'parcours' },
				{ action: 'Télé-expertise entre généralistes et spécialistes', partners: 'Centre hospitalier, GRADeS', mission: 'acces_soins' },
				{ action: 'Aide à l’installation des jeunes professionnels', partners: 'Collectivités, université', mission: 'accompagnement_professionnels' }
			],
			indicators: [
				{ text: 'Délai d’obtention d’un avis spécialisé', mission: 'acces_soins' },
				{ text: 'Part des comptes rendus d’hospitalisation reçus par messagerie sécurisée', mission: 'parcours' },
				{ text: 'Passages aux urgences pour des motifs de soins non programmés', mission: 'acces_soins' },
				{ text: 'Installations de professionnels sur le territoire', mission: 'accompagnement_professionnels' }
			],
			governance: 'Association avec un collège par profession et des conventions de partenariat avec le centre hospitalier et la psychiatrie de secteur.',
			coordinationWorkload: '0,5 à 1 ETP : coordination à temps partiel par un professionnel de santé, appuyée par un temps administratif.',
			coordinationFte: 0.8
		}
	},
	{
		slug: 'profil-type-semi-rural-tension-demographique',
		kind: 'profil_type',
		title: 'Profil-type semi-rural : maintenir l’offre face à la tension démographique',
		summary:
			'Un territoire semi-rural de 30 000 à 60 000 habitants, qui perd des médecins plus vite qu’il n’en accueille. La CPTS y est d’abord un outil d’attractivité et d’organisation collective des soins non programmés.',
		natures: ['periurbain'],
		sizeBands: [1, 2],
		missions: ['acces_soins', 'accompagnement_professionnels'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'sage_femme', 'chirurgien_dentiste'],
		body: `## Le territoire

Des bourgs et leur couronne, une offre de second recours limitée, des départs en retraite non remplacés. Les patients sans médecin traitant se multiplient et se reportent sur les urgences.

## Ce que la CPTS organise

- Une réponse collective aux demandes de soins non programmés, pour que personne ne porte seul la charge.
- L’accueil des étudiants et des remplaçants, argument décisif pour les installations : l’évaluation des pôles de santé normands montre l’appétence des jeunes professionnels pour l’exercice coordonné.
- Des délégations de tâches protocolisées pour libérer du temps médical.
- Une démarche pour que chaque patient retrouve un médecin traitant, en commençant par les plus fragiles.

## Avec qui

Les élus sont des alliés naturels (immobilier, logement des stagiaires), tout comme l’URPS pour l’ingénierie de projet.`,
		profile: {
			nature: 'periurbain',
			populationMin: 30_000,
			populationMax: 60_000,
			professionalsMin: 80,
			professionalsMax: 200,
			maturity: 'emergente',
			actors: ['Médecins généralistes', 'Infirmiers libéraux', 'Pharmaciens', 'Chirurgiens-dentistes', 'Sages-femmes'],
			partners: ['Collectivités (communautés de communes)', 'URPS', 'Université et département de médecine générale', 'Centre hospitalier le plus proche', 'Association de permanence des soins'],
			stakes: ['Maintien de l’offre de soins', 'Accès à un médecin traitant', 'Soins non programmés', 'Attractivité et installation'],
			priorityMissions: ['acces_soins', 'accompagnement_professionnels'],
			exampleActions: [
				{ action: 'Créneaux de soins non programmés partagés entre cabinets', partners: 'Régulation du SAMU, service des urgences', mission: 'acces_soins' },
				{ action: 'Recherche d’un médecin traitant pour les patients en affection de longue durée', partners: 'CPAM', mission: 'acces_soins' },
				{ action: 'Logement et accueil des internes', partners: 'Collectivités, université', mission: 'accompagnement_professionnels' },
				{ action: 'Protocoles de délégation de tâches (renouvellement, suivi)', partners: 'ARS', mission: 'acces_soins' }
			],
			indicators: [
				{ text: 'Nombre de patients sans médecin traitant', mission: 'acces_soins' },
				{ text: 'Taux d’utilisation des créneaux de soins non programmés', mission: 'acces_soins' },
				{ text: 'Nombre d’internes et de remplaçants accueillis', mission: 'accompagnement_professionnels' },
				{ text: 'Installations et départs de l’année', mission: 'accompagnement_professionnels' }
			],
			governance: 'Association avec un bureau interprofessionnel et une commission « attractivité » ouverte aux élus.',
			coordinationWorkload: '0,5 ETP, dont une part pour l’accueil des nouveaux professionnels.',
			coordinationFte: 0.5
		}
	},
	{
		slug: 'profil-type-periurbain-gouvernance-interprofessionnelle',
		kind: 'profil_type',
		title: 'Profil-type péri-urbain : grande communauté à gouvernance interprofessionnelle',
		summary:
			'Une communauté qui approche 300 professionnels sur 50 000 à 80 000 habitants. Le défi est d’organiser le travail en équipe à cette échelle : représentation de chaque profession, outils numériques communs, groupes de travail.',
		natures: ['periurbain'],
		sizeBands: [2],
		missions: ['qualite_pertinence', 'parcours', 'accompagnement_professionnels'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'orthophoniste', 'pedicure_podologue', 'sage_femme'],
		body: `## Le défi de la taille

Au-delà d’une centaine de membres, l’organisation devient plus lourde. Le rapport de l’IGAS souligne la difficulté de travailler en équipe interprofessionnelle dans des communautés qui compteront jusqu’à 300 professionnels.

## Exemple

La CPTS du Sud-Toulois (Meurthe-et-Moselle ; 60 000 habitants et 295 professionnels selon le rapport) a veillé à ce que **chaque profession soit représentée** dans sa gouvernance : médecins, infirmiers, kinésithérapeutes, etc.

## Bonnes pratiques

- Un collège par profession, chacun désignant ses représentants.
- Des groupes de travail thématiques à durée limitée, avec un pilote et un livrable.
- Une lettre d’information mensuelle et un annuaire à jour des membres.
- Des outils communs : messagerie sécurisée, agenda partagé, espace documentaire.
- Les petites professions (podologues, orthoptistes) sont souvent très volontaires : leur donner une place visible.`,
		profile: {
			nature: 'periurbain',
			populationMin: 50_000,
			populationMax: 80_000,
			professionalsMin: 200,
			professionalsMax: 320,
			maturity: 'structuree',
			actors: ['Toutes les professions de premier recours', 'Spécialistes libéraux', 'Pédicures-podologues, orthophonistes, orthoptistes', 'MSP et ESP du territoire'],
			partners: ['Centres hospitaliers', 'EHPAD', 'Psychiatrie', 'HAD', 'PMI et médecine scolaire'],
			stakes: ['Organisation du travail en équipe à grande échelle', 'Lien ville-hôpital', 'Outils numériques partagés', 'Engagement de toutes les professions'],
			priorityMissions: ['qualite_pertinence', 'parcours', 'accompagnement_professionnels'],
			exampleActions: [
				{ action: 'Réunions pluriprofessionnelles par secteur géographique', partners: '', mission: 'qualite_pertinence' },
				{ action: 'Parcours du patient diabétique avec examen des pieds par les podologues', partners: 'Centre hospitalier (diabétologie)', mission: 'parcours' },
				{ action: 'Sessions communes de prise en main des outils (messagerie, DMP)', partners: 'Hôpital, Assurance maladie, GRADeS', mission: 'accompagnement_professionnels' }
			],
			indicators: [
				{ text: 'Nombre de professions représentées dans les instances' },
				{ text: 'Participation aux groupes de travail', mission: 'qualite_pertinence' },
				{ text: 'Part des membres utilisant les outils communs', mission: 'accompagnement_professionnels' },
				{ text: 'Nombre de parcours formalisés', mission: 'parcours' }
			],
			governance: 'Conseil d’administration par collèges de profession, bureau restreint, groupes de travail thématiques pilotés chacun par un binôme de professions différentes.',
			coordinationWorkload: '1 ETP : un coordinateur ou une coordinatrice et un appui administratif pour la vie associative.',
			coordinationFte: 1
		}
	},
	{
		slug: 'profil-type-couronne-periurbaine-metropole',
		kind: 'profil_type',
		title: 'Profil-type péri-urbain : couronne d’une métropole',
		summary:
			'Une commune ou un groupe de communes en première couronne d’une grande ville : population en croissance, offre de second recours dispersée entre la couronne et la métropole. Priorités : parcours, santé mentale et prévention pour les familles.',
		natures: ['periurbain', 'urbain_dense'],
		sizeBands: [2, 3],
		missions: ['parcours', 'prevention', 'acces_soins'],
		professions: ['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'sage_femme', 'psychologue'],
		body: `## Le territoire

Des patients qui consultent souvent près de leur lieu de travail, en ville-centre, plutôt que sur leur commune. Les parcours sont éclatés ; beaucoup de jeunes familles.

## Axes de travail

- **Lien avec la psychiatrie** : réunions régulières entre la CPTS et les acteurs de la psychiatrie, en lien avec le conseil local de santé mentale.
- **Périnatalité** : coordination sages-femmes, PMI et médecins généralistes.
- **Second recours** : repérer les spécialistes accessibles et organiser des circuits courts.
- **Prévention** : vaccination et dépistages organisés, en lien avec le contrat local de santé.`,
		profile: {
			nature: 'periurbain',
			populationMin: 40_000,
			populationMax: 90_000,
			professionalsMin: 150,
			professionalsMax: 320,
			maturity: 'structuree',
			actors: ['Médecins généralistes', 'Spécialistes libéraux', 'Infirmiers', 'Pharmaciens', 'Sages-femmes', 'Psychologues'],
			partners: ['Centre hospitalier et clinique de la métropole', 'Psychiatrie de secteur, CMP', 'Conseil local de santé mentale (CLSM)', 'PMI', 'Coordonnateur du contrat local de santé'],
			stakes: ['Lien avec le second recours dispersé', 'Santé mentale', 'Périnatalité et petite enfance', 'Prévention et dépistages'],
			priorityMissions: ['parcours', 'prevention'],
			exampleActions: [
				{ action: 'Réunions régulières entre la CPTS et les acteurs de la psychiatrie', partners: 'CLSM, CMP', mission: 'parcours' },
				{ action: 'Parcours de périnatalité coordonné', partners: 'PMI, maternité', mission: 'parcours' },
				{ action: 'Campagnes de vaccination et de dépistage', partners: 'Coordonnateur CLS, Assurance maladie', mission: 'prevention' }
			],
			indicators: [
				{ text: 'Délai de premier rendez-vous en CMP', mission: 'parcours' },
				{ text: 'Couverture vaccinale des enfants', mission: 'prevention' },
				{ text: 'Participation aux dépistages organisés', mission: 'prevention' },
				{ text: 'Nombre de réunions CPTS-psychiatrie par an', mission: 'parcours' }
			],
			governance: 'Association avec un comité de pilotage partenarial réunissant le CLSM, la PMI et le centre hospitalier.',
			coordinationWorkload: '1 ETP.',
			coordinationFte: 1
		}
	},

	// --- Dense urban: > 80,000 inhabitants (up to 200,000+), > 300 professionals --------
	{
		slug: 'profil-type-urbain-dense-desengorger-urgences',
		kind: 'profil_type',
		title: 'Profil-type urbain dense : désengorger les urgences, fluidifier les parcours',
		summary:
			'Un bassin de plus de 80 000 habitants et de plus de 300 professionnels où le recours direct aux urgences est fréquent. La CPTS devient l’interlocuteur collectif de l’hôpital pour les entrées, les sorties et les soins non programmés.',
		natures: ['urbain_dense'],
		sizeBands: [3, 4],
		missions: ['parcours', 'acces_soins', 'qualite_pertinence'],
		professions: ['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute'],
		body: `## Le territoire

Des parcours éclatés, une combinatoire complexe entre premier recours, second recours et établissements, un recours direct à l’hôpital fréquent. Les hôpitaux apprécient de trouver un **interlocuteur identifié et structuré** représentant les libéraux, qui sécurise leur virage ambulatoire.

## Actions types

- Créneaux de soins non programmés en ville, connus de la régulation et du service des urgences.
- Réorientation des patients des urgences vers la ville lorsque c’est pertinent.
- Sorties d’hospitalisation anticipées avec le médecin traitant, l’infirmier et le pharmacien.
- Annuaire des ressources du territoire, mis à jour, pour que chacun sache à qui adresser.

## Moyens

La coordination est essentielle : jusqu’à 2 ETP dans une CPTS urbaine mature selon le rapport de l’IGAS.`,
		profile: {
			nature: 'urbain_dense',
			populationMin: 80_000,
			populationMax: null,
			professionalsMin: 300,
			professionalsMax: null,
			maturity: 'structuree',
			actors: ['Médecins généralistes', 'Spécialistes libéraux', 'Infirmiers', 'Pharmaciens', 'Masseurs-kinésithérapeutes', 'Centres de santé'],
			partners: ['Centres hospitaliers et cliniques (services d’urgences)', 'SAMU', 'Dispositif d’appui à la coordination (DAC : depuis 2022, il reprend les PTA, les MAIA et, selon les départements, les CLIC)', 'Offre médico-sociale', 'Psychiatrie', 'Acteurs sociaux'],
			stakes: ['Lien ville-hôpital pour désengorger les urgences', 'Soins non programmés et continuité des soins', 'Connaissance des ressources par les professionnels', 'Prévention et accès aux soins des populations fragiles'],
			priorityMissions: ['parcours', 'acces_soins', 'qualite_pertinence'],
			exampleActions: [
				{ action: 'Créneaux de consultation non programmée en ville accessibles à la régulation', partners: 'SAMU, services d’urgences', mission: 'acces_soins' },
				{ action: 'Organisation des entrées et sorties d’hôpital', partners: 'Centres hospitaliers, Assurance maladie (PRADO), HAD', mission: 'parcours' },
				{ action: 'Annuaire partagé des professionnels et de leurs disponibilités', partners: 'Dispositifs d’appui, URPS', mission: 'acces_soins' },
				{ action: 'Suivi des pathologies chroniques avec les données de pratique', partners: 'Délégués de l’Assurance maladie, médecins conseils', mission: 'qualite_pertinence' }
			],
			indicators: [
				{ text: 'Passages aux urgences non suivis d’hospitalisation', mission: 'acces_soins' },
				{ text: 'Part des sorties d’hospitalisation avec information du médecin traitant sous 48 h', mission: 'parcours' },
				{ text: 'Créneaux non programmés proposés et utilisés', mission: 'acces_soins' },
				{ text: 'Nombre de professionnels adhérents' }
			],
			governance: 'Association avec conseil d’administration par collèges, conventions avec chaque établissement ; comité partenarial élargi aux acteurs médico-sociaux et sociaux.',
			coordinationWorkload: '1,5 à 2 ETP dans une CPTS mature : coordination générale, chargé de mission parcours, appui administratif.',
			coordinationFte: 2
		}
	},
	{
		slug: 'profil-type-urbain-quartiers-prioritaires',
		kind: 'profil_type',
		title: 'Profil-type urbain : quartiers prioritaires et publics fragiles',
		summary:
			'Une ville ou un bassin de 50 000 à 120 000 habitants avec des quartiers de la politique de la ville, une population jeune et paupérisée et des maladies chroniques plus fréquentes. Priorités : accès aux soins des publics fragiles, soins non programmés, parcours ville-hôpital courts.',
		natures: ['urbain_dense'],
		sizeBands: [2, 3],
		missions: ['acces_soins', 'parcours', 'prevention'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'psychologue', 'sage_femme', 'chirurgien_dentiste'],
		body: `## Le territoire

Le rapport de l’IGAS décrit le bassin de santé de Vénissieux (65 000 habitants, deux quartiers de la politique de la ville et la zone franche urbaine des Minguettes) : taux de pauvreté de 29 % contre 9,8 % dans la région, prévalence nettement plus élevée du diabète, des affections respiratoires et des troubles psychiatriques chroniques, consommation de soins hospitaliers plus forte alors que celle de ville est comparable.

## Ce dont la communauté a besoin

- Une bonne connaissance des professionnels du territoire : compétences, pratiques, disponibilités, **langues parlées**.
- Des moyens de coordination, de l’ordre d’un temps plein à cette échelle.
- Des outils d’échange commodes, sécurisés, traçables et transparents pour le patient, reliés au DMP.

## Thèmes d’action

L’accès aux soins non programmés, la réduction des durées d’hospitalisation et des parcours ville-hôpital en circuits courts entre premier et second recours, avec 3 à 8 indicateurs par thème.`,
		profile: {
			nature: 'urbain_dense',
			populationMin: 50_000,
			populationMax: 120_000,
			professionalsMin: 100,
			professionalsMax: 400,
			maturity: 'emergente',
			actors: ['Médecins généralistes', 'Infirmiers', 'Pharmaciens', 'Chirurgiens-dentistes', 'Sages-femmes', 'Psychologues', 'Centres de santé'],
			partners: ['Centres hospitaliers', 'CARSAT et CPAM', 'Acteurs sociaux et médiateurs en santé', 'Représentants des usagers', 'PMI', 'Psychiatrie de secteur'],
			stakes: ['Accès aux soins des publics précaires', 'Maladies chroniques (diabète, affections respiratoires)', 'Santé mentale', 'Recours élevé à l’hôpital'],
			priorityMissions: ['acces_soins', 'parcours', 'prevention'],
			exampleActions: [
				{ action: 'Accès aux soins non programmés en ville', partners: 'Services d’urgences, SAMU', mission: 'acces_soins' },
				{ action: 'Circuits courts entre premier et second recours', partners: 'Centres hospitaliers, spécialistes', mission: 'parcours' },
				{ action: 'Accès au médecin traitant et aux droits pour les personnes précaires', partners: 'CPAM, médiateurs en santé, DAC', mission: 'acces_soins' },
				{ action: 'Dépistage et éducation thérapeutique du diabète', partners: 'Coordonnateur CLS, Assurance maladie', mission: 'prevention' }
			],
			indicators: [
				{ text: 'Part des patients sans médecin traitant', mission: 'acces_soins' },
				{ text: 'Durée moyenne des hospitalisations des patients du territoire', mission: 'parcours' },
				{ text: 'Délai d’accès au second recours', mission: 'parcours' },
				{ text: 'Nombre de patients accompagnés vers l’ouverture de droits', mission: 'acces_soins' }
			],
			governance: 'Association interprofessionnelle (dix professions) appelée à s’ouvrir aux acteurs hospitaliers, sociaux et médico-sociaux, à la CARSAT, à la CPAM et aux usagers.',
			coordinationWorkload: 'Environ 1 ETP pour un territoire de 65 000 habitants.',
			coordinationFte: 1
		}
	},
	{
		slug: 'profil-type-metropole-mise-en-reseau',
		kind: 'profil_type',
		title: 'Profil-type métropole : mise en réseau et appui aux cas complexes',
		summary:
			'Un arrondissement ou un secteur de métropole de plus de 100 000 habitants où les professionnels sont nombreux mais peu liés. La CPTS adopte une logique de services aux professionnels : outils de mise en réseau, appui aux cas complexes, évaluation.',
		natures: ['urbain_dense'],
		sizeBands: [3, 4],
		missions: ['qualite_pertinence', 'parcours', 'accompagnement_professionnels', 'prevention'],
		professions: ['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'psychologue'],
		body: `## Le territoire

Les CPTS rencontrées par l’IGAS dans des territoires très denses (Metz, Paris XIII) insistent sur la difficulté de mobiliser les professionnels, en particulier du second recours.

## Une démarche de « prestation de services »

- Développer des outils informatiques qui facilitent la mise en réseau.
- Proposer un **appui pour la gestion des cas complexes**, en articulation avec le dispositif d’appui à la coordination (DAC), qui a repris en 2022 les plateformes territoriales d’appui dont le rapport notait que des CPTS étaient à l’origine.
- Évaluer les actions : le pôle de santé de Paris XIII s’appuie sur des thèses d’internes pour mesurer les besoins de coordination des généralistes puis des spécialistes, et prioriser.
- Une gouvernance large : élus, associations d’usagers, hôpitaux, établissements sociaux et médico-sociaux.

## Depuis 2011

Le pôle de Paris XIII mobilise environ 150 professionnels pour la prévention, l’éducation thérapeutique, les échanges interprofessionnels et l’accès aux soins des personnes âgées et des migrants.`,
		profile: {
			nature: 'urbain_dense',
			populationMin: 100_000,
			populationMax: null,
			professionalsMin: 300,
			professionalsMax: null,
			maturity: 'ancienne',
			actors: ['Pôle de santé pluriprofessionnel', 'Médecins généralistes et spécialistes', 'Infirmiers', 'Pharmaciens', 'Masseurs-kinésithérapeutes', 'Psychologues'],
			partners: ['Dispositif d’appui à la coordination (DAC : depuis 2022, il reprend les PTA, les MAIA et, selon les départements, les CLIC)', 'CHU et hôpitaux', 'Université (départements de médecine générale)', 'Élus et associations d’usagers', 'Établissements sociaux et médico-sociaux'],
			stakes: ['Mobiliser des professionnels nombreux', 'Appui aux cas complexes', 'Articulation CPTS et DAC', 'Évaluation et recherche'],
			priorityMissions: ['qualite_pertinence', 'parcours', 'accompagnement_professionnels'],
			exampleActions: [
				{ action: 'Outil de mise en réseau et annuaire des membres', partners: 'GRADeS, URPS', mission: 'accompagnement_professionnels' },
				{ action: 'Appui à la gestion des cas complexes', partners: 'DAC, services sociaux', mission: 'parcours' },
				{ action: 'Évaluation des actions par des thèses d’internes', partners: 'Université, CHU', mission: 'qualite_pertinence' },
				{ action: 'Accès aux soins des personnes âgées et des migrants', partners: 'Associations, centres de santé', mission: 'acces_soins' }
			],
			indicators: [
				{ text: 'Nombre de professionnels adhérents et actifs' },
				{ text: 'Demandes d’appui pour cas complexes traitées', mission: 'parcours' },
				{ text: 'Travaux d’évaluation menés par an', mission: 'qualite_pertinence' },
				{ text: 'Satisfaction des professionnels', mission: 'accompagnement_professionnels' }
			],
			governance: 'Association très ouverte : collèges de professionnels, élus, usagers, établissements ; comité scientifique avec l’université.',
			coordinationWorkload: 'Jusqu’à 2 ETP : coordination, chargé de mission, appui aux cas complexes en lien avec le DAC.',
			coordinationFte: 2
		}
	},

	// --- Overseas (DROM): prospective, the report's note 44 -----------------------------
	{
		slug: 'profil-type-outre-mer-insulaire',
		kind: 'profil_type',
		title: 'Profil-type outre-mer : territoire insulaire exposé aux crises sanitaires',
		summary:
			'Un bassin antillais ou de l’océan Indien de 30 000 à 120 000 habitants, avec une forte prévalence du diabète et de l’hypertension, des épidémies d’arboviroses et un risque cyclonique. Profil prospectif, à valider avec les acteurs locaux.',
		natures: ['outre_mer'],
		sizeBands: [1, 2, 3],
		missions: ['crises_sanitaires', 'prevention', 'acces_soins', 'parcours'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'dieteticien'],
		body: `## Pourquoi un profil prospectif

Le rapport de l’IGAS n’a pas pu étudier les CPTS des territoires ultramarins et indique qu’ils constituent probablement une **quatrième catégorie**, du fait de leurs spécificités et de leurs enjeux de santé. Ce profil rassemble les points que les porteurs de projet ultramarins soulèvent le plus souvent ; il est à confronter au diagnostic de chaque territoire.

## Spécificités

- Maladies chroniques plus fréquentes qu’en métropole (diabète, hypertension, insuffisance rénale).
- Épidémies d’arboviroses (dengue, chikungunya) qui saturent cabinets et urgences en quelques semaines.
- Saisons cycloniques : continuité des soins à domicile, patients dialysés ou sous oxygène.
- Évacuations sanitaires vers un autre territoire pour certains soins spécialisés.
- Fuseau horaire propre : les réunions avec les partenaires nationaux se planifient en conséquence.

## Points forts à mobiliser

Une forte présence des infirmiers libéraux et des pharmacies, des réseaux familiaux et associatifs solides.`,
		profile: {
			nature: 'outre_mer',
			populationMin: 30_000,
			populationMax: 120_000,
			professionalsMin: 60,
			professionalsMax: 300,
			maturity: null,
			actors: ['Médecins généralistes', 'Infirmiers libéraux', 'Pharmaciens', 'Masseurs-kinésithérapeutes', 'Diététiciens'],
			partners: ['CHU et centres hospitaliers', 'ARS et cellule régionale de veille sanitaire', 'Collectivités (plans communaux de sauvegarde)', 'Associations de patients', 'Centres de dialyse'],
			stakes: ['Réponse aux épidémies et aux événements climatiques', 'Maladies chroniques', 'Continuité des soins à domicile', 'Accès au second recours'],
			priorityMissions: ['crises_sanitaires', 'prevention', 'acces_soins'],
			exampleActions: [
				{ action: 'Plan de continuité des soins en période cyclonique (liste des patients fragiles)', partners: 'Collectivités, centres de dialyse, ARS', mission: 'crises_sanitaires' },
				{ action: 'Organisation renforcée des soins non programmés pendant les épidémies de dengue', partners: 'Services d’urgences, ARS', mission: 'crises_sanitaires' },
				{ action: 'Dépistage et éducation thérapeutique du diabète et de l’hypertension', partners: 'Associations de patients, Assurance maladie', mission: 'prevention' }
			],
			indicators: [
				{ text: 'Délai de mise en place de l’organisation de crise', mission: 'crises_sanitaires' },
				{ text: 'Patients fragiles recensés et contactés lors d’une alerte', mission: 'crises_sanitaires' },
				{ text: 'Passages aux urgences en période épidémique', mission: 'crises_sanitaires' },
				{ text: 'Patients diabétiques ayant un suivi complet', mission: 'parcours' }
			],
			governance: 'Association interprofessionnelle avec une cellule de crise désignée à l’avance et des conventions avec les collectivités.',
			coordinationWorkload: '0,5 à 1 ETP, renforcé en période de crise.',
			coordinationFte: 0.8
		}
	},
	{
		slug: 'profil-type-outre-mer-territoire-etendu',
		kind: 'profil_type',
		title: 'Profil-type outre-mer : territoire étendu et faiblement doté',
		summary:
			'Un territoire vaste ou morcelé (Guyane, Mayotte, communes isolées) avec une population jeune, des distances importantes et très peu de professionnels. Priorités : accès aux soins, périnatalité, vaccination, médiation en santé. Profil prospectif.',
		natures: ['outre_mer'],
		sizeBands: [1, 2, 3],
		missions: ['acces_soins', 'prevention', 'parcours'],
		professions: ['medecin_generaliste', 'infirmier', 'sage_femme', 'pharmacien'],
		body: `## Le territoire

Des communes éloignées les unes des autres, parfois accessibles seulement par le fleuve ou par avion, une population jeune avec une forte natalité, plusieurs langues parlées. Les professionnels libéraux sont rares ; les centres de santé hospitaliers délocalisés assurent une partie des soins.

## Ce que la CPTS peut apporter

- Relier les rares professionnels libéraux entre eux et aux centres délocalisés : téléconsultation, télé-expertise, messagerie sécurisée.
- Organiser la **périnatalité** avec les sages-femmes et la PMI.
- Soutenir la vaccination et les dépistages avec des médiateurs en santé qui parlent les langues des patients.
- Accueillir des étudiants et des remplaçants pour de longues périodes.

Profil prospectif, construit à partir de la note 44 du rapport de l’IGAS : à adapter avec l’ARS et les acteurs locaux.`,
		profile: {
			nature: 'outre_mer',
			populationMin: 10_000,
			populationMax: 100_000,
			professionalsMin: 15,
			professionalsMax: 150,
			maturity: 'emergente',
			actors: ['Médecins généralistes', 'Infirmiers libéraux', 'Sages-femmes', 'Pharmaciens'],
			partners: ['Centres de santé hospitaliers délocalisés', 'PMI', 'Médiateurs en santé et associations', 'Collectivités', 'Centre hospitalier de référence'],
			stakes: ['Accès aux soins malgré les distances', 'Périnatalité et santé de l’enfant', 'Vaccination', 'Attractivité pour les professionnels'],
			priorityMissions: ['acces_soins', 'prevention', 'parcours'],
			exampleActions: [
				{ action: 'Téléconsultation assistée par un infirmier dans les communes isolées', partners: 'Centre hospitalier, GRADeS', mission: 'acces_soins' },
				{ action: 'Parcours de périnatalité coordonné', partners: 'PMI, maternité', mission: 'parcours' },
				{ action: 'Campagnes de vaccination avec des médiateurs en santé', partners: 'ARS, associations', mission: 'prevention' }
			],
			indicators: [
				{ text: 'Téléconsultations réalisées dans les communes isolées', mission: 'acces_soins' },
				{ text: 'Couverture vaccinale des enfants', mission: 'prevention' },
				{ text: 'Suivi des grossesses (nombre de consultations)', mission: 'parcours' },
				{ text: 'Durée moyenne de présence des remplaçants', mission: 'accompagnement_professionnels' }
			],
			governance: 'Association légère, réunions à distance, un référent par commune ou par bassin fluvial.',
			coordinationWorkload: '0,5 ETP, avec un budget de déplacement important.',
			coordinationFte: 0.5
		}
	},
	{
		slug: 'profil-type-outre-mer-agglomeration',
		kind: 'profil_type',
		title: 'Profil-type outre-mer : agglomération dense autour d’un CHU',
		summary:
			'Une agglomération ultramarine de plus de 80 000 habitants autour d’un centre hospitalier universitaire, avec un vieillissement rapide, des maladies chroniques fréquentes et des épidémies saisonnières. Profil prospectif.',
		natures: ['outre_mer', 'urbain_dense'],
		sizeBands: [3, 4],
		missions: ['parcours', 'crises_sanitaires', 'prevention', 'acces_soins'],
		professions: ['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute'],
		body: `## Le territoire

Une agglomération où se concentrent l’essentiel des spécialistes et le CHU du territoire. Les enjeux rejoignent ceux des territoires urbains denses de métropole (lien ville-hôpital, urgences), avec des spécificités : vieillissement plus rapide de la population, fréquence du diabète et de l’obésité, épidémies saisonnières.

## Axes

- Parcours ville-hôpital des patients diabétiques et insuffisants rénaux.
- Organisation de crise pour les épidémies (dengue) et les événements climatiques.
- Parcours de la personne âgée, avec des services d’aide à domicile encore peu nombreux.

Profil prospectif (note 44 du rapport de l’IGAS), à compléter par le diagnostic territorial.`,
		profile: {
			nature: 'outre_mer',
			populationMin: 80_000,
			populationMax: null,
			professionalsMin: 250,
			professionalsMax: null,
			maturity: 'structuree',
			actors: ['Médecins généralistes et spécialistes', 'Infirmiers', 'Pharmaciens', 'Masseurs-kinésithérapeutes'],
			partners: ['CHU', 'Cliniques', 'ARS', 'Services d’aide à domicile', 'Associations de patients'],
			stakes: ['Lien ville-hôpital', 'Maladies chroniques', 'Réponse aux crises sanitaires', 'Vieillissement de la population'],
			priorityMissions: ['parcours', 'crises_sanitaires', 'prevention'],
			exampleActions: [
				{ action: 'Parcours du patient diabétique entre ville et CHU', partners: 'CHU (diabétologie, néphrologie)', mission: 'parcours' },
				{ action: 'Cellule de crise épidémique de la CPTS', partners: 'ARS, services d’urgences', mission: 'crises_sanitaires' },
				{ action: 'Sorties d’hospitalisation des personnes âgées', partners: 'CHU, services d’aide à domicile, HAD', mission: 'parcours' }
			],
			indicators: [
				{ text: 'Patients diabétiques avec examen annuel complet', mission: 'parcours' },
				{ text: 'Réhospitalisations à 30 jours', mission: 'parcours' },
				{ text: 'Délai d’activation de l’organisation de crise', mission: 'crises_sanitaires' }
			],
			governance: 'Association par collèges de professions, convention-cadre avec le CHU.',
			coordinationWorkload: '1,5 ETP.',
			coordinationFte: 1.5
		}
	}
];
