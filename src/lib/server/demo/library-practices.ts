/**
 * Demo best practices, tools, experience reports and literature reviews, drawn from the
 * seeds (IGAS report on CPTS deployment, 2018; the 2019 seminar deck; the 2023 "100 % CPTS"
 * instruction). Examples named in the report keep the report's facts; the other figures
 * are given as examples, not as data. Data only; seeding is in library.ts.
 */
import type { DemoResource } from './library';

export const DEMO_PRACTICES: DemoResource[] = [
	// --- Unscheduled care -------------------------------------------------------------
	{
		slug: 'planning-partage-soins-non-programmes-zone-rurale',
		kind: 'bonne_pratique',
		title: 'Un planning partagé de soins non programmés entre cabinets ruraux',
		summary:
			'Chaque cabinet réserve un ou deux créneaux par jour pour des patients qui ne sont pas les siens ; un planning commun permet à la régulation et aux pharmacies d’orienter. Une organisation simple, sans nouvelle structure.',
		natures: ['rural', 'periurbain'],
		sizeBands: [1, 2],
		missions: ['acces_soins'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien'],
		body: `## Le problème

Les patients sans médecin traitant, ou dont le médecin est absent, n’ont d’autre recours que les urgences, souvent à 40 minutes. Chaque médecin ne peut pas, seul, garder des plages libres tous les jours.

## L’organisation

1. Chaque cabinet volontaire s’engage sur un nombre de **créneaux de soins non programmés** par semaine (par exemple deux par jour ouvré).
2. Les créneaux sont saisis dans un agenda partagé, visible par la régulation du SAMU, les pharmacies et les infirmiers de la CPTS.
3. Un patient orienté reçoit une consultation le jour même ; un compte rendu est envoyé à son médecin traitant par messagerie sécurisée.
4. Un bilan mensuel compare créneaux proposés et créneaux utilisés, pour ajuster.

## Conditions de réussite

- Commencer avec quelques cabinets motivés plutôt qu’attendre l’unanimité.
- Définir ce qui relève du soin non programmé (pas l’urgence vitale, pas le renouvellement d’ordonnance).
- Informer la population par les mairies et les pharmacies.

Le rapport de l’IGAS note que les soins non programmés sont un excellent sujet de mobilisation : ils répondent à un problème que tous les professionnels constatent.`
	},
	{
		slug: 'soins-non-programmes-enfants-le-soir',
		kind: 'retour_experience',
		title: 'Soins non programmés des enfants le soir à partir de 18 h',
		summary:
			'Retour d’expérience d’une CPTS rurale des Vosges qui a organisé une réponse aux demandes de soins pour les enfants en soirée, quand les cabinets ferment et que les parents rentrent du travail.',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['acces_soins'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien'],
		regionCode: '44',
		body: `## Le contexte

La CPTS de La Plaine, citée par le rapport de l’IGAS, réunit les professionnels de Châtenois, Gironcourt-sur-Vraine et Vicherey autour d’un constat : l’accès aux soins de premier recours, et d’abord à la médecine générale, devient difficile. Une de ses premières missions a été d’améliorer l’offre de soins non programmés, **pour les enfants le soir à partir de 18 h** et pour les résidents d’EHPAD le soir et le week-end.

## Comment faire

Le rapport ne décrit pas l’organisation retenue ; voici celle que nous proposons pour un territoire de cette taille.

- Une permanence tournante de 18 h à 20 h en semaine, assurée par les médecins volontaires dans un cabinet identifié.
- Un numéro unique communiqué aux écoles, aux crèches et à la PMI.
- Les pharmacies de garde connaissent le médecin de permanence et orientent.
- Fièvre, otalgie, petites plaies : une fiche d’orientation commune indique ce qui peut attendre le lendemain et ce qui relève du 15.

## Ce que l’on en retient

Le soir est le moment où les familles actives sollicitent les urgences. Une réponse de proximité, même limitée à deux heures, change l’expérience des parents et la charge du service d’urgences.`
	},
	{
		slug: 'soins-non-programmes-residents-ehpad-soir-week-end',
		kind: 'bonne_pratique',
		title: 'Répondre aux résidents d’EHPAD le soir et le week-end',
		summary:
			'Organiser avec l’EHPAD une réponse médicale aux situations non programmées hors des heures ouvrées, pour éviter des transferts aux urgences inutiles et épuisants pour les résidents.',
		natures: ['rural', 'periurbain'],
		sizeBands: [1, 2],
		missions: ['acces_soins', 'parcours'],
		professions: ['medecin_generaliste', 'infirmier'],
		body: `## Pourquoi

Un résident qui chute un samedi soir part souvent aux urgences faute de médecin joignable. Le transfert, l’attente et le retour sont éprouvants et parfois évitables.

## L’organisation proposée

- Une **astreinte téléphonique** des médecins de la CPTS pour les EHPAD du territoire, les soirs de semaine et le week-end, en dehors des heures de permanence des soins.
- Des dossiers de liaison d’urgence à jour dans chaque EHPAD (antécédents, traitements, directives anticipées).
- Des protocoles infirmiers validés avec le médecin coordonnateur (chute sans signe de gravité, fièvre, hypoglycémie).
- La téléconsultation quand l’EHPAD est équipé.

## Partenaires

L’EHPAD (médecin coordonnateur, cadre de santé), la régulation du SAMU, l’hôpital de proximité.

## Indicateurs

Nombre d’appels, de déplacements, de transferts aux urgences évités, délais de réponse.`
	},
	{
		slug: 'tableau-de-suivi-creneaux-soins-non-programmes',
		kind: 'outil_modele',
		title: 'Modèle de tableau de suivi des créneaux de soins non programmés',
		summary:
			'Un tableau prêt à remplir pour suivre, semaine par semaine, les créneaux proposés par chaque cabinet, leur utilisation et l’origine des patients orientés. Base des indicateurs à transmettre à l’Assurance maladie.',
		natures: [],
		sizeBands: [],
		missions: ['acces_soins', 'qualite_pertinence'],
		professions: ['medecin_generaliste', 'coordinateur_autre'],
		visibility: 'members_only',
		body: `## Colonnes du tableau

| Colonne | Contenu |
|---|---|
| Semaine | Numéro ISO de la semaine |
| Cabinet | Nom du cabinet ou de la MSP |
| Créneaux proposés | Nombre de créneaux ouverts dans l’agenda partagé |
| Créneaux utilisés | Nombre de patients reçus |
| Origine | Régulation, pharmacie, infirmier, patient lui-même |
| Réorientations | Patients adressés aux urgences après la consultation |

## Indicateurs calculés

- **Taux d’utilisation** = créneaux utilisés / créneaux proposés.
- **Part des orientations par la régulation**, utile pour le dialogue avec le SAMU.
- **Taux de réorientation** vers les urgences, à surveiller : un taux élevé signale des situations mal orientées en amont.

## Conseils

Remplir le tableau chaque lundi pour la semaine écoulée ; le coordinateur consolide le mois et le présente en réunion.`
	},

	// --- Pathways: elderly after hospital discharge, town-hospital link ------------------
	{
		slug: 'sortie-hospitalisation-personne-agee-j-2-j-7',
		kind: 'bonne_pratique',
		title: 'Sortie d’hospitalisation de la personne âgée : la liste J-2 à J+7',
		summary:
			'Une liste d’étapes partagée entre l’hôpital et les professionnels de ville, du deuxième jour avant la sortie au septième jour après, pour que le retour à domicile d’une personne âgée ne se termine pas par une réhospitalisation.',
		natures: ['rural', 'periurbain', 'urbain_dense'],
		sizeBands: [],
		missions: ['parcours'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute'],
		body: `## Avant la sortie

- **J-2** : le service prévient la coordinatrice de la CPTS par messagerie sécurisée ; elle identifie le médecin traitant, l’infirmier et le pharmacien du patient.
- **J-1** : l’ordonnance de sortie est envoyée au pharmacien pour préparer les traitements ; l’infirmier planifie son premier passage ; le matériel (lit, déambulateur) est commandé.

## Le jour de la sortie

- La lettre de liaison part le jour même au médecin traitant et est versée au DMP.
- Le patient repart avec un document simple : qui passe, quand, qui appeler.

## Après la sortie

- **J+1** : premier passage infirmier ; vérification des traitements (conciliation médicamenteuse en officine).
- **J+2 à J+7** : consultation ou visite du médecin traitant ; kinésithérapie si prescrite.
- **J+7** : point téléphonique de la coordinatrice avec l’infirmier.

## Partenaires

Centre hospitalier, Assurance maladie (programme PRADO), HAD, SSIAD, services d’aide à domicile.

Le rapport de l’IGAS rappelle que l’organisation des entrées et sorties d’hôpital et le maintien à domicile des personnes âgées figurent parmi les missions attendues des CPTS (tableau 1).`
	},
	{
		slug: 'fiche-de-liaison-ville-hopital-sortie',
		kind: 'outil_modele',
		title: 'Modèle de fiche de liaison ville-hôpital pour la sortie du patient',
		summary:
			'Une fiche d’une page, co-construite avec le service hospitalier, qui complète la lettre de liaison : contacts de ville, aides en place, points de vigilance pour les premiers jours.',
		natures: [],
		sizeBands: [],
		missions: ['parcours'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'medecin_specialiste'],
		body: `## Rubriques

1. **Patient** : identité, personne de confiance, aidant principal et son téléphone.
2. **Professionnels de ville** : médecin traitant, infirmier, pharmacien, kinésithérapeute, avec leur adresse de messagerie sécurisée.
3. **Aides en place ou à organiser** : aide à domicile, portage de repas, téléassistance.
4. **Traitements** : modifications par rapport à l’entrée, médicaments arrêtés et pourquoi.
5. **Points de vigilance** : poids, glycémie, risque de chute, état cutané.
6. **Rendez-vous prévus** : consultations, examens, avec dates.
7. **Qui appeler** en cas de doute, le jour et la nuit.

## Mode d’emploi

La fiche est remplie par l’infirmière de coordination du service la veille de la sortie, envoyée par messagerie sécurisée et versée au DMP. La CPTS la relit chaque trimestre avec le service pour l’améliorer.`
	},
	{
		slug: 'conciliation-medicamenteuse-officine-retour-domicile',
		kind: 'retour_experience',
		title: 'Conciliation médicamenteuse en officine au retour à domicile',
		summary:
			'Des pharmaciens d’une CPTS comparent systématiquement l’ordonnance de sortie et les traitements d’avant l’hospitalisation, et signalent les écarts au médecin traitant. Un rôle que le rapport de l’IGAS met en avant.',
		natures: ['periurbain', 'urbain_dense', 'rural'],
		sizeBands: [],
		missions: ['parcours', 'qualite_pertinence'],
		professions: ['pharmacien', 'medecin_generaliste', 'infirmier'],
		body: `## Le constat

Au retour d’hospitalisation, un patient âgé repart souvent avec une ordonnance très différente de la précédente ; des boîtes de l’ancien traitement restent au domicile. Les erreurs sont fréquentes dans les jours qui suivent.

## Ce qui a été mis en place

- L’ordonnance de sortie est transmise à la pharmacie habituelle du patient par messagerie sécurisée.
- Le pharmacien compare avec l’historique (dossier pharmaceutique) et repère ajouts, arrêts et changements de dose.
- Les écarts non expliqués sont signalés au médecin traitant le jour même.
- L’infirmier, lors de son premier passage, retire du pilulier les traitements arrêtés.

## Ce qu’en dit le rapport

Décrivant l’outil Globule-Paaco dans les Landes, le rapport de l’IGAS souligne qu’avec une information partagée, « les pharmaciens peuvent exercer leurs compétences en matière de conciliation médicamenteuse ».

## Indicateurs

Nombre de conciliations réalisées, écarts détectés, écarts corrigés.`
	},
	{
		slug: 'reunion-trimestrielle-cpts-psychiatrie',
		kind: 'bonne_pratique',
		title: 'Une réunion trimestrielle entre la CPTS et la psychiatrie de secteur',
		summary:
			'Réunir chaque trimestre les professionnels de la CPTS et l’équipe du CMP pour se connaître, clarifier les circuits d’adressage et discuter de situations anonymisées.',
		natures: ['periurbain', 'urbain_dense', 'rural'],
		sizeBands: [],
		missions: ['parcours'],
		professions: ['medecin_generaliste', 'psychologue', 'infirmier', 'pharmacien'],
		body: `## Objectif

Le lien avec la psychiatrie figure dans le tableau 1 du rapport de l’IGAS : « réunions régulières entre CPTS et acteurs de la psychiatrie », en lien avec le conseil local de santé mentale.

## Déroulé type (1 h 30)

1. Tour de table et nouvelles de chaque structure (départs, arrivées, délais).
2. Un point sur les circuits : comment adresser au CMP, délai de premier rendez-vous, urgences.
3. Deux situations anonymisées présentées par un membre de la CPTS.
4. Une décision concrète à chaque réunion (fiche d’adressage, numéro direct, créneaux d’avis).

## Conseils

- Tenir la réunion en fin de journée, en alternance au CMP et dans une MSP.
- Inviter les pharmaciens : ils voient les patients tous les mois.
- Garder un relevé de décisions d’une demi-page.`
	},
	{
		slug: 'circuits-courts-premier-second-recours',
		kind: 'bonne_pratique',
		title: 'Organiser des circuits courts entre premier et second recours',
		summary:
			'Des créneaux d’avis réservés par des spécialistes aux médecins de la CPTS, un canal de télé-expertise et des critères d’adressage partagés, pour réduire les délais d’accès au second recours.',
		natures: ['urbain_dense', 'periurbain'],
		sizeBands: [2, 3, 4],
		missions: ['parcours', 'acces_soins'],
		professions: ['medecin_generaliste', 'medecin_specialiste'],
		body: `## Principe

Plutôt qu’un rendez-vous dans trois mois, le médecin traitant obtient un avis dans la semaine, quand la situation le justifie, selon des critères convenus avec les spécialistes.

## Les trois outils

- **Créneaux réservés** : chaque spécialiste volontaire ouvre une ou deux plages hebdomadaires pour les demandes de la CPTS.
- **Télé-expertise** : photo de lésion cutanée, électrocardiogramme, bilan biologique, avec réponse sous 72 heures.
- **Critères d’adressage** rédigés ensemble : ce qu’il faut joindre, ce qui relève de l’urgence.

## Exemple

Le projet de Vénissieux, décrit par le rapport de l’IGAS, retient la réduction des délais d’accès aux soins « par la construction de parcours ville-hôpital et l’organisation de circuits courts entre le premier et le second recours », avec des objectifs chiffrés sur trois ans.`
	},

	// --- Secure messaging, DMP, digital tools --------------------------------------------
	{
		slug: 'deployer-messagerie-securisee-toute-la-cpts',
		kind: 'bonne_pratique',
		title: 'Tous les professionnels sur la même messagerie sécurisée en un an',
		summary:
			'Un objectif simple et mesurable, recommandé par le rapport de l’IGAS : que tous les membres de la CPTS échangent par messagerie sécurisée de santé. Méthode en cinq étapes et pièges à éviter.',
		natures: [],
		sizeBands: [],
		missions: ['qualite_pertinence', 'accompagnement_professionnels', 'parcours'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'medecin_specialiste'],
		body: `## Pourquoi cet objectif

Le rapport de l’IGAS (recommandation 12) conseille aux CPTS de se fixer des objectifs simples au départ, par exemple : « tous les professionnels de santé de la CPTS utilisent une messagerie sécurisée ». En 2018, seuls 22 % des libéraux étaient équipés d’une messagerie de l’espace de confiance MSSanté ; la difficulté principale n’est pas d’outiller, mais d’accompagner le changement de pratique.

## Méthode

1. **État des lieux** : qui est déjà équipé, avec quel service, intégré ou non à son logiciel métier.
2. **Choix** : privilégier une messagerie de l’espace de confiance MSSanté intégrée au logiciel de chaque profession.
3. **Séances de prise en main** par petits groupes de même profession, avec le conseiller informatique de l’Assurance maladie.
4. **Annuaire** : diffuser les adresses de tous les membres et des services hospitaliers.
5. **Bascule** : à une date annoncée, les documents de la CPTS (comptes rendus, fiches de liaison) ne circulent plus que par messagerie sécurisée.

## Pièges

- Déployer un outil « de plus » non intégré au logiciel métier : il ne sera pas ouvert.
- Oublier les infirmiers, qui travaillent en mobilité : prévoir l’accès sur téléphone.
- Ne pas mesurer : suivre chaque mois la part des membres qui ont envoyé au moins un message.

Exemple : le projet du Barrois fixe l’objectif que tous les professionnels communiquent par la même messagerie sécurisée.`
	},
	{
		slug: 'kit-deploiement-mssante',
		kind: 'outil_modele',
		title: 'Kit de déploiement de la messagerie sécurisée',
		summary:
			'Le nécessaire pour animer le déploiement de la messagerie sécurisée dans une CPTS : courrier d’invitation, programme d’une séance de prise en main d’une heure, fiche réflexe, tableau de suivi.',
		natures: [],
		sizeBands: [],
		missions: ['accompagnement_professionnels', 'qualite_pertinence'],
		professions: ['coordinateur_autre'],
		body: `## Contenu du kit

- **Courrier d’invitation** à une séance de prise en main, signé par le président de la CPTS.
- **Programme d’une séance d’une heure** : vérifier l’accès (carte CPS ou e-CPS), envoyer et recevoir un message, joindre un document, retrouver une adresse dans l’annuaire national.
- **Fiche réflexe** recto : « Je reçois un compte rendu », « J’envoie un document à l’hôpital », « Je ne trouve pas une adresse ».
- **Tableau de suivi** : professionnel, équipé oui/non, séance suivie, premier message envoyé.

## Conseils d’animation

Organiser les séances par profession et dans les locaux des participants, en fin de journée ; prévoir un binôme « ambassadeur » par profession pour l’entraide.`
	},
	{
		slug: 'alimenter-le-dmp-qui-quoi-quand',
		kind: 'bonne_pratique',
		title: 'Alimenter le dossier médical partagé : qui, quoi, quand',
		summary:
			'Une règle commune à la CPTS pour que le DMP devienne utile : quels documents chaque profession y verse, et à quel moment du parcours.',
		natures: [],
		sizeBands: [],
		missions: ['qualite_pertinence', 'parcours'],
		professions: ['medecin_generaliste', 'medecin_specialiste', 'pharmacien', 'infirmier', 'biologiste'],
		body: `## Le constat

Le DMP n’est utile que s’il est alimenté. En 2018, selon le rapport de l’IGAS, seuls 20 % des établissements y chargeaient des comptes rendus d’hospitalisation, et la majorité des libéraux n’en avaient pas un usage quotidien.

## La règle de la CPTS

| Qui | Quoi | Quand |
|---|---|---|
| Médecin traitant | Volet de synthèse médicale | À la création puis une fois par an |
| Spécialistes | Comptes rendus de consultation | Après chaque consultation |
| Biologistes | Résultats d’analyses | Automatiquement |
| Hôpital | Lettre de liaison, compte rendu | Le jour de la sortie |
| Pharmaciens | Historique de dispensation | En continu |

## Accompagnement

Une séance commune ville-hôpital sur l’usage du DMP, éligible au DPC, comme le propose le rapport (recommandation 9).`
	},
	{
		slug: 'tele-expertise-generalistes-specialistes',
		kind: 'bonne_pratique',
		title: 'Télé-expertise entre généralistes et spécialistes du territoire',
		summary:
			'Obtenir un avis spécialisé à distance en dermatologie, cardiologie ou gériatrie, pour éviter un déplacement ou accélérer une prise en charge. Organisation, outils et règles de réponse.',
		natures: ['rural', 'periurbain', 'outre_mer'],
		sizeBands: [],
		missions: ['acces_soins', 'parcours'],
		professions: ['medecin_generaliste', 'medecin_specialiste', 'infirmier'],
		body: `## Quand y recourir

- Lésion cutanée à évaluer (photo).
- Électrocardiogramme douteux.
- Adaptation d’un traitement chez une personne âgée polymédiquée.

## Organisation

- Une liste des spécialistes requis, avec leurs délais de réponse.
- Un outil sécurisé, interopérable avec la messagerie et le DMP.
- Une réponse écrite versée au dossier du patient.
- L’infirmier peut préparer la demande au domicile ou en EHPAD.

## Partenaires

Centre hospitalier de référence, GRADeS pour l’outil, spécialistes libéraux.

Les projets de télé-expertise figurent parmi ceux de la CPTS Sud-Lochois et des territoires ruraux décrits par le rapport de l’IGAS.`
	},
	{
		slug: 'telemedecine-ehpad-rural',
		kind: 'retour_experience',
		title: 'Un partenariat de télémédecine avec l’EHPAD du territoire',
		summary:
			'Le projet de télémédecine que le rapport de l’IGAS prête à une CPTS rurale des Vosges avec l’EHPAD voisin, et les étapes pour en monter un : équipement, rôle des infirmiers, difficultés à prévoir.',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['acces_soins', 'parcours'],
		professions: ['medecin_generaliste', 'infirmier'],
		regionCode: '44',
		body: `## Le point de départ

Le rapport de l’IGAS indique que la CPTS de La Plaine organise un partenariat avec l’EHPAD de Dommartin-sur-Vraine sur un projet de télémédecine, et que le bureau de l’association comprend un cadre de santé de l’EHPAD.

## Les étapes

Le rapport ne décrit que le projet ; les étapes ci-dessous sont une méthode proposée.

1. Recenser les situations où une téléconsultation aurait évité un déplacement (plaies, réévaluation de traitement, avis gériatrique).
2. Équiper une salle de l’EHPAD (poste, caméra mobile, connexion fiable) avec l’appui du GRADeS.
3. Former les infirmiers de l’EHPAD à préparer et accompagner la téléconsultation.
4. Convenir avec les médecins traitants de créneaux dédiés.

## Difficultés à prévoir

- La connexion internet en zone rurale : prévoir un test avant chaque séance.
- Le temps infirmier nécessaire, à reconnaître dans l’organisation de l’EHPAD.
- Le consentement et l’information des familles.`
	},

	// --- Prevention -------------------------------------------------------------------
	{
		slug: 'journee-prevention-diabete-pharmacies-infirmiers',
		kind: 'bonne_pratique',
		title: 'Organiser une journée de prévention du diabète avec les pharmacies',
		summary:
			'Une journée de dépistage et d’information portée par les pharmaciens, les infirmiers, les podologues et les diététiciens de la CPTS, avec une orientation vers le médecin traitant pour chaque résultat anormal.',
		natures: [],
		sizeBands: [],
		missions: ['prevention'],
		professions: ['pharmacien', 'infirmier', 'pedicure_podologue', 'dieteticien', 'medecin_generaliste'],
		body: `## Préparer (deux mois avant)

- Choisir une date et des lieux : pharmacies, marché, salle municipale.
- Convenir avec les médecins de la CPTS de créneaux pour les personnes dépistées.
- Préparer un questionnaire de risque et une fiche de résultat à remettre.

## Le jour J

- Questionnaire de risque, glycémie capillaire, mesure du tour de taille.
- Stand des diététiciens sur l’alimentation ; stand des podologues sur le pied diabétique.
- Toute glycémie anormale donne lieu à une orientation écrite vers le médecin traitant, ou vers un médecin de la CPTS pour les personnes qui n’en ont pas.

## Après

- Relance des personnes orientées à un mois.
- Bilan présenté en réunion de la CPTS.

Le rapport de l’IGAS cite les actions de prévention pour les personnes diabétiques comme un bon moyen d’engager des professions moins nombreuses, comme les pédicures-podologues.`
	},
	{
		slug: 'prevention-obesite-enfant-ecoles',
		kind: 'retour_experience',
		title: 'Prévenir l’obésité de l’enfant avec les écoles : premiers pas d’une CPTS',
		summary:
			'Une petite CPTS de Savoie a lancé le travail interprofessionnel par la prévention de l’obésité de l’enfant ; comment monter une telle action avec la médecine scolaire et les associations sportives.',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['prevention'],
		professions: ['medecin_generaliste', 'dieteticien', 'infirmier', 'psychologue'],
		regionCode: '84',
		body: `## Le contexte

La CPTS de Yenne (10 000 habitants selon le rapport), citée par le rapport de l’IGAS, a initié le travail en équipe interprofessionnelle par des thèmes de santé publique : prévention de l’obésité, troubles du déficit de l’attention chez l’enfant, puis éducation thérapeutique.

## Ce qu’une telle action peut comporter

Le rapport n’en détaille pas le contenu ; voici une organisation proposée.

- Un repérage lors des bilans de santé scolaires, avec la médecine scolaire.
- Des ateliers pour les familles animés par un diététicien et un éducateur sportif.
- Un suivi par le médecin traitant, avec l’appui d’un psychologue si nécessaire.

## Enseignements

Un thème de santé publique, concret et consensuel, permet de réunir des professions qui ne travaillaient pas ensemble ; il faut ensuite élargir le projet pour ne pas rester « monothématique ».`
	},
	{
		slug: 'vaccination-antigrippale-coordonnee',
		kind: 'bonne_pratique',
		title: 'Une campagne de vaccination contre la grippe coordonnée sur le territoire',
		summary:
			'Médecins, infirmiers, pharmaciens et sages-femmes se répartissent les publics et les lieux pour vacciner plus de personnes à risque, en EHPAD, à domicile et en officine.',
		natures: [],
		sizeBands: [],
		missions: ['prevention', 'crises_sanitaires'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'sage_femme'],
		body: `## Répartir plutôt que concurrencer

- **Pharmacies** : adultes éligibles qui passent à l’officine.
- **Infirmiers** : personnes à domicile qui ne se déplacent pas.
- **Sages-femmes** : femmes enceintes.
- **Médecins** : patients à risque vus en consultation, EHPAD avec le médecin coordonnateur.

## Organisation

- Un point de lancement commun en octobre pour partager les recommandations de la saison.
- Une liste des personnes fragiles à domicile établie avec les infirmiers et les services d’aide.
- Une traçabilité partagée (carnet de vaccination électronique, DMP) pour éviter les doublons.

## Indicateur

Couverture vaccinale des personnes de 65 ans et plus, comparée à la saison précédente.`
	},

	// --- Quality, interprofessional work ----------------------------------------------
	{
		slug: 'reunion-concertation-pluriprofessionnelle-45-minutes',
		kind: 'bonne_pratique',
		title: 'Réunions de concertation pluriprofessionnelle : le format de 45 minutes',
		summary:
			'Un format court et régulier de réunion pluriprofessionnelle autour de situations de patients, qui tient dans l’agenda des libéraux et produit un plan d’action écrit.',
		natures: [],
		sizeBands: [],
		missions: ['qualite_pertinence', 'parcours'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'psychologue'],
		body: `## Le format

- **Fréquence** : toutes les quatre à six semaines, à heure fixe (par exemple le mardi à 13 h).
- **Durée** : 45 minutes, trois situations au plus.
- **Participants** : les professionnels qui suivent les patients présentés, plus un animateur.

## Déroulé

1. L’animateur rappelle les règles (secret partagé, consentement du patient).
2. Chaque situation : présentation en 3 minutes, questions, propositions.
3. Un plan d’action écrit : qui fait quoi, pour quand.
4. Le compte rendu est versé au dossier et transmis par messagerie sécurisée.

## Pourquoi ça marche

La régularité crée l’habitude ; la brièveté respecte le temps des libéraux. Le tableau 1 du rapport de l’IGAS place la concertation pluriprofessionnelle au cœur d’une meilleure organisation de la médecine ambulatoire.`
	},
	{
		slug: 'modele-protocole-pluriprofessionnel',
		kind: 'outil_modele',
		title: 'Modèle de protocole pluriprofessionnel',
		summary:
			'Une trame pour écrire un protocole pluriprofessionnel de la CPTS (suivi des patients sous anticoagulants, plaies chroniques, renouvellement) : objet, population, rôle de chaque profession, circuits d’information, évaluation.',
		natures: [],
		sizeBands: [],
		missions: ['qualite_pertinence'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute'],
		body: `## Trame

1. **Titre et objet** : le problème de santé et le but du protocole.
2. **Population concernée** : critères d’inclusion et d’exclusion.
3. **Professionnels impliqués** et rôle de chacun, étape par étape.
4. **Circuits d’information** : quels documents, par quel canal (messagerie sécurisée, DMP), dans quel délai.
5. **Situations d’alerte** : quand prévenir le médecin, quand orienter vers les urgences.
6. **Références** : recommandations de bonne pratique utilisées.
7. **Évaluation** : un ou deux indicateurs suivis, date de révision.
8. **Signatures** des professionnels qui s’engagent.

## Conseils

Écrire le protocole en groupe de travail réunissant toutes les professions concernées ; le tester trois mois sur quelques patients avant de le diffuser.`
	},
	{
		slug: 'accueillir-une-infirmiere-asalee',
		kind: 'bonne_pratique',
		title: 'Accueillir une infirmière Asalée dans la CPTS',
		summary:
			'Les étapes pour accueillir une infirmière du dispositif Asalée (action de santé libérale en équipe) : choix des médecins, locaux, protocoles de suivi des patients chroniques, temps de concertation.',
		natures: ['rural', 'periurbain'],
		sizeBands: [1, 2],
		missions: ['qualite_pertinence', 'acces_soins', 'accompagnement_professionnels'],
		professions: ['infirmier', 'medecin_generaliste'],
		body: `## Ce qu’est Asalée

Un dispositif de coopération entre médecins généralistes et infirmiers délégués à la santé publique : suivi du diabète, du risque cardiovasculaire, de la BPCO, repérage des troubles cognitifs. Le rapport de l’IGAS cite la pratique d’Asalée parmi les facteurs qui facilitent les projets de CPTS ; l’association organise des réunions de secteur toutes les six semaines entre infirmières pour échanger sur leurs pratiques.

## Étapes

1. Identifier les médecins volontaires (souvent deux ou trois cabinets proches).
2. Prévoir un bureau de consultation pour l’infirmière dans l’un des cabinets.
3. Prendre contact avec l’association Asalée pour le recrutement et la formation.
4. Définir les temps de concertation médecin–infirmière (une heure par semaine et par médecin).
5. Faire connaître le dispositif aux autres membres de la CPTS.

## Exemple

La CPTS de La Plaine envisage de recruter une infirmière Asalée (rapport de l’IGAS).`
	},
	{
		slug: 'evaluer-actions-cpts-indicateurs-theses',
		kind: 'bonne_pratique',
		title: 'Évaluer les actions de la CPTS : indicateurs et travaux d’internes',
		summary:
			'Choisir peu d’indicateurs, les suivre régulièrement et s’appuyer sur l’université pour des évaluations plus poussées : l’exemple du pôle de santé de Paris XIII.',
		natures: ['urbain_dense', 'periurbain'],
		sizeBands: [],
		missions: ['qualite_pertinence', 'accompagnement_professionnels'],
		professions: ['medecin_generaliste', 'coordinateur_autre'],
		regionCode: '11',
		body: `## Peu d’indicateurs, bien suivis

Pour chaque action : un indicateur de moyens (ce que la CPTS fait) et un indicateur de résultat (ce qui change pour les patients). Le rapport de l’IGAS propose, pour les soins non programmés, un indicateur de moyens et un indicateur d’impact sur la fréquentation des urgences.

## S’appuyer sur l’université

Le pôle de santé de Paris XIII évalue ses actions en s’appuyant sur des **thèses d’internes** : évaluation des besoins de coordination des médecins généralistes, puis des spécialistes, pour prioriser les actions et favoriser l’adhésion.

## Faire vivre l’évaluation

- Un tableau de bord trimestriel présenté en assemblée.
- Une évaluation par les patients, comme le suggère le tableau 1 du rapport (« évaluation régulière par les patients »).`
	},
	{
		slug: 'tableau-de-bord-indicateurs-cpts',
		kind: 'outil_modele',
		title: 'Tableau de bord des indicateurs de la CPTS',
		summary:
			'Un modèle de tableau de bord trimestriel qui rassemble les indicateurs de chaque mission : accès aux soins, parcours, prévention, qualité, accompagnement des professionnels.',
		natures: [],
		sizeBands: [],
		missions: ['qualite_pertinence', 'acces_soins', 'parcours', 'prevention', 'accompagnement_professionnels'],
		professions: ['coordinateur_autre'],
		visibility: 'members_only',
		body: `## Structure

Une page par mission, chacune avec :

- l’objectif de l’année, tel qu’inscrit au contrat ;
- deux à quatre indicateurs, leur valeur de départ, la cible et la valeur du trimestre ;
- un commentaire court : ce qui avance, ce qui bloque.

## Exemples d’indicateurs

| Mission | Indicateur |
|---|---|
| Accès aux soins | Patients sans médecin traitant ; créneaux non programmés utilisés |
| Parcours | Sorties d’hospitalisation avec information du médecin traitant sous 48 h |
| Prévention | Personnes dépistées lors des journées de prévention |
| Qualité | Protocoles pluriprofessionnels en vigueur |
| Accompagnement | Stagiaires accueillis ; professionnels formés |

## Conseil

Ne pas multiplier les indicateurs : un tableau de bord lu en cinq minutes est un tableau de bord utilisé.`
	},

	// --- Support to professionals, training --------------------------------------------
	{
		slug: 'accueil-internes-attractivite-territoire',
		kind: 'bonne_pratique',
		title: 'Accueillir les internes pour rendre le territoire attractif',
		summary:
			'Former les futurs professionnels est l’un des meilleurs leviers d’installation : maîtres de stage, logement, accueil collectif, découverte de l’exercice coordonné.',
		natures: ['rural', 'periurbain'],
		sizeBands: [1, 2],
		missions: ['accompagnement_professionnels'],
		professions: ['medecin_generaliste', 'sage_femme', 'masseur_kinesitherapeute', 'infirmier', 'pharmacien'],
		body: `## Pourquoi

L’exercice coordonné est bien accueilli par les étudiants et les jeunes médecins et constitue un facteur d’attractivité, notamment dans les zones fragiles (rapport de l’IGAS, 3.3.1). L’évaluation des pôles de santé normands relève des demandes d’installation qui ne peuvent toutes être satisfaites.

## Actions

- Recenser et encourager les **maîtres de stage** de toutes les professions.
- Trouver un logement avec les collectivités.
- Organiser une journée d’accueil commune des stagiaires de la CPTS, chaque semestre.
- Faire participer les stagiaires aux réunions pluriprofessionnelles et aux actions de prévention.
- Garder le contact après le stage : remplacements, annonce des installations possibles.

## Partenaires

Université (département de médecine générale), instituts de formation, collectivités.`
	},
	{
		slug: 'livret-accueil-stagiaires-remplacants',
		kind: 'outil_modele',
		title: 'Livret d’accueil des stagiaires et remplaçants du territoire',
		summary:
			'Un modèle de livret à remettre à chaque stagiaire ou remplaçant : carte du territoire, annuaire des professionnels, circuits utiles, organisation des soins non programmés et de la permanence des soins.',
		natures: [],
		sizeBands: [],
		missions: ['accompagnement_professionnels'],
		professions: ['coordinateur_autre', 'medecin_generaliste'],
		body: `## Sommaire type

1. **Bienvenue** : le mot du président de la CPTS et le projet de santé en une page.
2. **Le territoire** : communes, population, carte des cabinets, pharmacies et établissements.
3. **Annuaire** : professionnels par profession, avec leur messagerie sécurisée.
4. **Circuits utiles** : laboratoire, imagerie, urgences, CMP, PMI, services sociaux.
5. **Soins non programmés et permanence des soins** : qui fait quoi, numéros.
6. **Outils** : logiciels, messagerie, DMP, accès aux protocoles de la CPTS.
7. **Vie pratique** : logement, transports, activités.

## Mise à jour

Le coordinateur met le livret à jour chaque semestre, avant l’arrivée des nouveaux internes.`
	},
	{
		slug: 'session-dpc-commune-ville-hopital',
		kind: 'bonne_pratique',
		title: 'Monter une session de DPC interprofessionnelle commune ville-hôpital',
		summary:
			'Le rapport de l’IGAS recommande d’utiliser le développement professionnel continu pour les dynamiques interprofessionnelles des CPTS. Comment construire une session commune avec l’hôpital du territoire.',
		natures: [],
		sizeBands: [],
		missions: ['accompagnement_professionnels', 'qualite_pertinence'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'medecin_specialiste', 'masseur_kinesitherapeute'],
		body: `## Le cadre

En 2017, seuls 16 % des professionnels de santé avaient participé à une action de DPC, et les actions restaient très majoritairement mono-professionnelles. La recommandation 9 propose d’orienter le DPC vers l’interprofessionnel : fonctionnement en équipe, diagnostic territorial, co-écriture du projet de santé, usage des outils (DMP, messagerie sécurisée), sessions communes ville-hôpital.

## Construire la session

1. Choisir un thème de parcours qui concerne la ville et l’hôpital (par exemple l’insuffisance cardiaque).
2. Trouver un organisme de DPC enregistré capable de former des publics mixtes.
3. Choisir la méthode HAS (formation continue, évaluation des pratiques, programme intégré).
4. Construire le programme avec des binômes de formateurs ville/hôpital.
5. Inscrire les participants sur le site national du DPC.

## Conseils

Deux demi-journées en soirée, dans un lieu neutre ; des cas cliniques du territoire ; une action concrète décidée en fin de session.`
	},
	{
		slug: 'gouvernance-interprofessionnelle-colleges',
		kind: 'bonne_pratique',
		title: 'Une gouvernance où chaque profession a sa place',
		summary:
			'Organiser l’association de la CPTS en collèges par profession, avec un bureau interprofessionnel, pour que les médecins, les infirmiers, les pharmaciens et les autres professions pèsent réellement.',
		natures: ['periurbain', 'urbain_dense'],
		sizeBands: [2, 3, 4],
		missions: ['accompagnement_professionnels'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'pedicure_podologue', 'orthophoniste'],
		body: `## Pourquoi

Le rapport de l’IGAS relève que la CPTS du Sud-Toulois (295 professionnels) a veillé à ce que les différentes professions soient représentées dans sa gouvernance, et que la présidence de l’association par un non-médecin peut traduire une forte ambition interprofessionnelle.

## Organisation proposée

- **Assemblée générale** : tous les membres.
- **Collèges** : un par profession ou groupe de professions ; chacun élit ses représentants au conseil d’administration.
- **Bureau** : président, trésorier, secrétaire de professions différentes.
- **Partenaires** (établissements, élus, usagers) : un comité consultatif, ou des sièges sans voix délibérative.

## Points d’attention

- Prévoir la représentation des professions peu nombreuses.
- Écrire dans le règlement intérieur la règle de décision et la gestion des conflits d’intérêts.
- Renouveler les mandats pour ne pas épuiser les porteurs de projet.`
	},
	{
		slug: 'statuts-types-association-cpts',
		kind: 'outil_modele',
		title: 'Statuts types d’association de CPTS et règlement intérieur',
		summary:
			'Un modèle de statuts d’association loi 1901 pour une CPTS, avec collèges de professions, et un règlement intérieur type : adhésion, groupes de travail, remboursement des frais, conflits d’intérêts.',
		natures: [],
		sizeBands: [],
		missions: ['accompagnement_professionnels'],
		professions: ['coordinateur_autre'],
		visibility: 'members_only',
		body: `## Pourquoi l’association

Tous les projets examinés par la mission de l’IGAS ont choisi la forme associative : simple, capable d’associer un grand nombre d’acteurs publics et privés, avec une gouvernance souple. La SISA est souvent jugée lourde et mal adaptée à certaines professions.

## Statuts : articles clés

1. Objet : mise en œuvre du projet de santé du territoire défini à l’article 2.
2. Territoire : liste des communes.
3. Membres : professionnels de santé du territoire, structures d’exercice coordonné, membres associés.
4. Collèges et composition du conseil d’administration.
5. Ressources : cotisations, financements de l’ARS et de l’Assurance maladie (ACI).

## Règlement intérieur : rubriques

Adhésion et radiation, fonctionnement des groupes de travail, indemnisation du temps des professionnels, remboursement des frais, charte de confidentialité, déclaration des liens d’intérêts.`
	},

	// --- Project building: diagnosis, letter of intent, territory -----------------------
	{
		slug: 'trame-diagnostic-territorial-populationnel',
		kind: 'outil_modele',
		title: 'Trame de diagnostic territorial populationnel',
		summary:
			'Une trame pour réaliser le diagnostic qui fonde le projet de santé : population, état de santé, offre de soins, recours aux soins, ressources, avec les sources de données et les questions à poser aux professionnels.',
		natures: [],
		sizeBands: [],
		missions: ['acces_soins', 'parcours', 'prevention'],
		professions: ['coordinateur_autre', 'medecin_generaliste'],
		body: `## Pourquoi un diagnostic populationnel

Parmi les cinq facteurs de réussite identifiés par l’IGAS figure « un travail de diagnostic fondé sur une approche populationnelle et une analyse du territoire » : les projets qui en partent sont plus complets et plus fédérateurs.

## Plan de la trame

1. **Population** : âge, évolution, précarité, isolement (Insee, observatoire régional de santé).
2. **État de santé** : affections de longue durée, mortalité prématurée, santé mentale.
3. **Offre de soins** : professionnels par profession et par commune, âge des médecins, établissements.
4. **Recours aux soins** : patients sans médecin traitant, passages aux urgences, flux vers les territoires voisins (données de l’Assurance maladie via l’ARS).
5. **Ressources** : structures médico-sociales, sociales, associations, contrat local de santé.
6. **Parole des professionnels** : enquête courte sur les difficultés rencontrées et les priorités.
7. **Synthèse** : trois à cinq problèmes prioritaires, qui deviennent les axes du projet de santé.`
	},
	{
		slug: 'trame-lettre-intention-ars',
		kind: 'outil_modele',
		title: 'Trame de lettre d’intention à adresser à l’ARS',
		summary:
			'La lettre d’intention est la première formalisation du projet, validée par l’ARS, qui ouvre un financement d’amorçage. Une trame de quatre pages pour la rédiger.',
		natures: [],
		sizeBands: [],
		missions: ['accompagnement_professionnels'],
		professions: ['coordinateur_autre', 'medecin_generaliste', 'infirmier', 'pharmacien'],
		body: `## Contenu attendu

1. **Les porteurs du projet** : noms, professions, lieux d’exercice ; structure porteuse (association en création ou créée).
2. **Le territoire envisagé** : communes, population, justification (bassin de vie, flux de patients).
3. **Les premiers constats** : difficultés d’accès, besoins repérés, ressources existantes.
4. **Les premières pistes d’action**, en lien avec les missions attendues des CPTS.
5. **La méthode** pour élaborer le projet de santé : calendrier, groupes de travail, mobilisation des professionnels.
6. **Les besoins d’accompagnement** : ingénierie, financement d’amorçage.

## Après la lettre

Selon l’instruction de 2023 sur le plan « 100 % CPTS », fin août 2023 76,4 % de la population était couverte par une CPTS ou un projet ayant une lettre d’intention validée ; la lettre est donc une étape reconnue dans le suivi national du déploiement.`
	},
	{
		slug: 'cartographie-bassins-patientele-territoire-cpts',
		kind: 'retour_experience',
		title: 'Délimiter le territoire de la CPTS à partir des bassins de patientèle',
		summary:
			'Retour sur la démarche conduite en Centre-Val de Loire : une cartographie des flux de patients vers les spécialistes libéraux et les hôpitaux, validée avec les professionnels, pour proposer des territoires de CPTS cohérents.',
		natures: ['periurbain', 'rural'],
		sizeBands: [],
		missions: ['acces_soins', 'parcours'],
		professions: ['coordinateur_autre', 'medecin_generaliste'],
		regionCode: '24',
		body: `## La démarche (rapport de l’IGAS, encadré 6)

- Analyse, à partir des données de l’Assurance maladie, des flux de patients des médecins spécialistes libéraux : pour chaque commune et chaque spécialité, le pôle d’attraction principal.
- Étude des bassins de patientèle hospitalière : le bassin principal où se concentrent au moins 75 % des patients de chaque centre hospitalier.
- Les deux cartographies concordent et deviennent la base des territoires de CPTS.

## La validation avec le terrain

Une réunion locale de tous les professionnels, organisée par l’URPS et l’ARS, valide la pertinence de la carte et présente la démarche CPTS : gagner du temps médical, fluidifier les parcours, renforcer la représentation des libéraux face aux établissements.

## Résultat

À la fin du printemps 2018, cinq CPTS avaient signé un contrat territorial de santé, quatre projets étaient très avancés et huit en réflexion.`
	},

	// --- Health crises --------------------------------------------------------------------
	{
		slug: 'plan-reponse-crise-sanitaire-cpts',
		kind: 'bonne_pratique',
		title: 'Préparer la réponse de la CPTS aux crises sanitaires',
		summary:
			'Épidémie, canicule, événement climatique : une cellule de crise désignée à l’avance, une liste de patients fragiles et des circuits de communication permettent à la CPTS de réagir en quelques heures.',
		natures: [],
		sizeBands: [],
		missions: ['crises_sanitaires'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'coordinateur_autre'],
		body: `## Avant la crise

- **Cellule de crise** : trois ou quatre membres désignés (médecin, infirmier, pharmacien, coordinateur) et leurs suppléants.
- **Liste des patients fragiles** tenue par les infirmiers et les médecins, avec le consentement des patients.
- **Annuaire d’urgence** : ARS, mairies, établissements, services d’aide à domicile.
- **Messages types** pour les professionnels et pour la population.

## Pendant la crise

1. Activation de la cellule dès l’alerte de l’ARS ou d’un membre.
2. Point quotidien à heure fixe, court, avec relevé de décisions.
3. Adaptation des soins non programmés (créneaux supplémentaires, téléconsultation).
4. Contact des patients fragiles.

## Après

Un retour d’expérience dans le mois : ce qui a marché, ce qu’il faut changer.`
	},
	{
		slug: 'fiche-reflexe-canicule-professionnels-de-ville',
		kind: 'outil_modele',
		title: 'Fiche réflexe canicule pour les professionnels de ville',
		summary:
			'Une fiche recto-verso pour les cabinets, officines et infirmiers : repérer les personnes à risque, adapter les traitements, conseils à donner, signes d’alerte et qui prévenir.',
		natures: [],
		sizeBands: [],
		missions: ['crises_sanitaires', 'prevention'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien'],
		body: `## Repérer

Personnes âgées isolées, patients sous diurétiques ou psychotropes, insuffisants cardiaques et rénaux, nourrissons, travailleurs en extérieur.

## Agir

- Réévaluer les traitements qui exposent à la déshydratation, avec le médecin traitant.
- Conseils : boire régulièrement, se rafraîchir, éviter les heures chaudes, fermer les volets le jour.
- Contacts renforcés par les infirmiers auprès des patients isolés.

## Signes d’alerte

Fièvre, confusion, crampes, vomissements, peau sèche et chaude : appeler le 15.

## Qui prévenir

La mairie (registre des personnes vulnérables), la coordinatrice de la CPTS, l’entourage du patient.`
	},

	// --- Literature reviews ----------------------------------------------------------------
	{
		slug: 'analyse-litterature-travail-equipe-soins-primaires',
		kind: 'analyse_litterature',
		title: 'Travail en équipe en soins primaires : ce que disent les études',
		summary:
			'Une synthèse des publications citées par le rapport de l’IGAS sur l’exercice regroupé et la coopération entre professionnels : effets sur la qualité des pratiques, conditions de réussite, temps nécessaire.',
		natures: [],
		sizeBands: [],
		missions: ['qualite_pertinence', 'accompagnement_professionnels'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien'],
		body: `## Sources

- IRDES, *Questions d’économie de la santé* n° 211 (2015) : l’impact de l’exercice regroupé pluriprofessionnel sur la qualité des pratiques des médecins généralistes.
- IRDES, *Questions d’économie de la santé* n° 232 (2018) : Asalée, un espace de transformation des pratiques en soins primaires.
- OCDE, *Health Working Papers* n° 98 (2017) : les infirmières en rôle avancé dans les soins primaires.
- HCAAM (2014) : la coopération entre professionnels de santé et les enseignements des systèmes étrangers.

## Ce qui ressort

- L’exercice regroupé **pluriprofessionnel** est associé à de meilleurs indicateurs de qualité de certaines pratiques ; l’exercice regroupé mono-professionnel, majoritaire en France, n’a pas les mêmes effets.
- Les coopérations médecin–infirmier transforment les pratiques lorsque des temps de concertation sont protégés.
- À l’étranger, la construction du travail interprofessionnel est **très progressive** et demande un soutien durable.

## Pour une CPTS

Prévoir des temps de concertation financés, commencer par des coopérations concrètes, mesurer quelques indicateurs de qualité.`
	},
	{
		slug: 'analyse-litterature-evaluation-paerpa',
		kind: 'analyse_litterature',
		title: 'Ce que l’évaluation de PAERPA enseigne aux CPTS',
		summary:
			'L’expérimentation PAERPA (parcours des personnes âgées en risque de perte d’autonomie) a été évaluée : peu d’effet moyen sur l’hospitalisation à court terme, des effets dans certains territoires, et une leçon sur le temps du changement.',
		natures: [],
		sizeBands: [],
		missions: ['parcours', 'qualite_pertinence'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute'],
		body: `## Sources

- « Évaluation d’impact de l’expérimentation Parcours santé des aînés (PAERPA) », IRDES, *Questions d’économie de la santé* n° 235, 2018.
- « Bilan intermédiaire de PAERPA », ministère des Solidarités et de la Santé, mars 2018.
- Présentation dans le rapport de l’IGAS (encadré 2).

## Les dispositifs

Coordination territoriale d’appui (devenue les PTA, elles-mêmes réunies depuis 2022 dans les dispositifs d’appui à la coordination, DAC), plan personnalisé de santé, formations pluriprofessionnelles, hébergement temporaire en EHPAD, équipes mobiles gériatriques, infirmiers de nuit mutualisés en EHPAD.

## Les résultats

- Pas d’effet moyen significatif sur les indicateurs d’hospitalisation (réhospitalisations à 30 jours, durées de séjour) sur les données 2015-2016.
- Des effets dans certains territoires, surtout sur les indicateurs sensibles aux soins primaires (polymédication, prescriptions inappropriées).
- En moyenne **dix-huit mois** entre le lancement et le fonctionnement opérationnel des dispositifs.

## Pour une CPTS

Choisir des indicateurs sensibles à l’action de la ville, se donner du temps, et s’appuyer sur les territoires PAERPA, bien préparés à la construction de CPTS.`
	},
	{
		slug: 'analyse-litterature-organisation-soins-non-programmes',
		kind: 'analyse_litterature',
		title: 'Organiser les soins non programmés : repères de la littérature',
		summary:
			'Les rapports français et les comparaisons internationales sur l’organisation des soins non programmés et des soins hors heures ouvrées, et ce qu’une CPTS peut en retenir.',
		natures: [],
		sizeBands: [],
		missions: ['acces_soins'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien'],
		body: `## Sources

- « Assurer le premier accès aux soins. Organiser les soins non programmés dans les territoires », rapport de Thomas Mesnier, député de Charente, mai 2018.
- OCDE, *Health Working Papers* n° 89 (2016) : l’organisation des soins primaires hors heures ouvrées dans les pays de l’OCDE.
- Rapport de l’IGAS sur le déploiement des CPTS (2018), qui propose de faire de l’accès aux soins non programmés une partie du « panier minimal » garanti par les CPTS.

## Repères

- Distinguer l’urgence vitale, le soin non programmé et la demande de confort : chacun a son circuit.
- La régulation médicale est un pivot ; les organisations qui fonctionnent partagent leurs disponibilités avec elle.
- Les comparaisons internationales montrent une diversité de modèles (maisons de garde, coopératives de médecins, centres de soins d’urgence) adaptés à la densité des territoires.

## Pour une CPTS

Partir de l’existant (MSP, associations de permanence des soins), faire valider par l’ARS une organisation déjà en place plutôt que la recréer, suivre un indicateur de moyens et un indicateur d’impact sur les urgences.`
	},

	// --- Network animation --------------------------------------------------------------
	{
		slug: 'annuaire-partage-ressources-langues-parlees',
		kind: 'bonne_pratique',
		title: 'Un annuaire partagé des professionnels et de leurs compétences',
		summary:
			'Dans un territoire urbain aux acteurs nombreux, connaître qui fait quoi est la première condition de la coordination : compétences, disponibilités, langues parlées, adresses de messagerie sécurisée.',
		natures: ['urbain_dense', 'periurbain'],
		sizeBands: [2, 3, 4],
		missions: ['acces_soins', 'parcours'],
		professions: ['medecin_generaliste', 'infirmier', 'pharmacien', 'psychologue', 'sage_femme'],
		body: `## Le besoin

Le projet de Vénissieux, décrit par le rapport de l’IGAS, pose comme préalable « une bonne connaissance des professionnels du territoire, de leurs compétences, de leurs pratiques de prises en charge, de leurs disponibilités, des langues qu’ils savent pratiquer ». Dans les territoires urbains denses, améliorer la connaissance des ressources par les professionnels est un enjeu à part entière (annexe typologie).

## Contenu de chaque fiche

- Profession, lieu d’exercice, horaires.
- Compétences particulières (plaies, pédiatrie, soins palliatifs, éducation thérapeutique…).
- Accepte de nouveaux patients : oui ou non, mis à jour chaque mois.
- Langues parlées.
- Adresse de messagerie sécurisée.

## Faire vivre l’annuaire

Un rappel mensuel automatique pour mettre à jour les disponibilités ; un référent par profession ; l’annuaire est réservé aux membres et aux partenaires.`
	},
	{
		slug: 'echanges-de-pratiques-entre-coordinateurs',
		kind: 'retour_experience',
		title: 'Des échanges de pratiques réguliers entre coordinateurs de CPTS',
		summary:
			'Sur le modèle des réunions de secteur d’Asalée, des coordinateurs de plusieurs CPTS se retrouvent toutes les six semaines pour partager solutions et difficultés. Retour après un an.',
		natures: [],
		sizeBands: [],
		missions: ['accompagnement_professionnels'],
		professions: ['coordinateur_autre'],
		body: `## L’idée

Le rapport de l’IGAS (recommandation 13) propose une tête de réseau qui organise des échanges de pratiques, « à l’instar des réunions de secteur organisées par l’association Asalée » toutes les six semaines.

## Le format retenu

- Deux heures en visioconférence, toutes les six semaines, huit à douze coordinateurs.
- Un thème par séance (recrutement d’un coordinateur, indicateurs de l’accord conventionnel, relations avec l’hôpital).
- Un tour de table « une réussite, une difficulté ».
- Les documents partagés rejoignent la bibliothèque du réseau.

## Après un an

Les coordinateurs citent la rupture de l’isolement, la réutilisation de modèles (statuts, tableaux de bord) et un gain de temps sur les dossiers administratifs. La difficulté : maintenir la participation pendant les périodes chargées.`
	}
];
