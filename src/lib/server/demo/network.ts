/**
 * The demo network's content: CPTS, fictitious professionals and their memberships.
 * Data only; the seeding logic is in seed.ts.
 *
 * Every CPTS is drawn on real INSEE codes of the COG (communes, or arrondissements in
 * Paris, Lyon and Marseille): its population, département and région are computed from the
 * referential when the seed saves the territory, never typed here. The first CPTS are those
 * the 2018 IGAS report on CPTS deployment describes (name and themes from the report; a
 * figure the report gives is quoted as the report's in the description, the territory's own
 * figure is computed); Sud Allier and Yenne, which it describes too, stand in their région. All the others are fictitious communities named after real places,
 * spread over every region, overseas included, so that every territory nature, ACI size band
 * and stage appears. Some communes are left in no CPTS on purpose (zones blanches in
 * Meurthe-et-Moselle and at La Réunion) and a few are shared by two CPTS (overlaps the ARS
 * arbitrate). Telephone numbers use the ranges ARCEP reserves for fiction; e-mail addresses
 * use exemple.fr.
 */
import type { CptsStage, Profession, ProfessionForm, TerritoryNature } from '../../domain/professions';

export interface DemoCpts {
	slug: string;
	name: string;
	/** Rural, péri-urbain, urbain dense by the territory's population (DOMAIN.md typology); outre-mer in a DROM. */
	nature: TerritoryNature;
	professionalsCount: number;
	/** The current stage: the last one of stageDates. */
	stage: CptsStage;
	/** The day each stage was reached, from 'initiative' up to the current stage (CPTS_STAGES order). */
	stageDates: string[];
	/** INSEE codes of the communes (or arrondissements municipaux) of the territory. */
	territory: string[];
	description: string;
	phone?: string;
	/**
	 * True for the CPTS the IGAS report describes (a real name); the others are fictitious.
	 * Pages say which (« décrite par le rapport IGAS 2018 » or « CPTS fictive »).
	 */
	fromIgasReport?: boolean;
}

export const DEMO_CPTS: DemoCpts[] = [
	// --- The CPTS described by the IGAS report (2018) ---------------------------------
	{
		slug: 'la-plaine',
		name: 'CPTS de La Plaine',
		nature: 'rural',
		professionalsCount: 48,
		stage: 'en_fonctionnement',
		stageDates: ['2022-01-11', '2022-09-29', '2023-10-09', '2024-02-05', '2024-06-12', '2024-10-18'],
		// Communes autour de Châtenois (CC de l’Ouest Vosgien) et Vicherey, Beuvezin (CC du Pays de Colombey et du Sud Toulois : partagées avec le Sud-Toulois).
		territory: [
			'88095', '88206', '88150', '88324', '88401', '88242', '88274', '88117', '88299', '88031', '88387', '88514',
			'88137', '88125', '88312', '88431', '88010', '88366', '88523', '88232', '88363', '88478', '88020', '88350',
			'88013', '88504', '54068'
		],
		description:
			'Communauté rurale de l’ouest vosgien née d’une difficulté d’accès aux soins de premier recours, en particulier à la médecine générale. Elle organise des soins non programmés pour les enfants le soir à partir de 18 h et pour les résidents d’EHPAD le soir et le week-end, prépare le recrutement d’une infirmière Asalée et un projet de télémédecine avec l’EHPAD de Dommartin-sur-Vraine, dont un cadre de santé siège au bureau de l’association.',
		phone: '03 53 01 10 01',
		fromIgasReport: true
	},
	{
		slug: 'sud-lochois',
		name: 'CPTS Sud-Lochois',
		nature: 'periurbain',
		professionalsCount: 260,
		stage: 'en_fonctionnement',
		stageDates: ['2021-04-23', '2021-12-06', '2023-02-02', '2023-05-29', '2023-09-19', '2024-02-01'],
		// CC Loches Sud Touraine.
		territory: [
			'37132', '37115', '37130', '37083', '37020', '37254', '37111', '37183', '37143', '37282', '37192', '37049',
			'37001', '37045', '37189', '37113', '37222', '37028', '37134', '37177', '37108', '37098', '37057', '37173',
			'37097', '37221', '37247', '37218', '37277', '37094', '37066', '37136', '37238', '37026', '37234', '37039',
			'37019', '37061', '37133', '37269', '37162', '37259', '37078', '37044', '37016', '37127', '37029', '37048',
			'37157', '37184', '37168', '37032', '37265', '37145', '37280', '37023', '37107', '37181', '37069', '37033',
			'37246', '37080', '37064', '37114', '37103', '37275', '37053'
		],
		description:
			'Selon le rapport IGAS (2018), 60 000 habitants et 260 professionnels de santé. Issue d’un pôle de santé pluridisciplinaire créé en 2009 à l’initiative des élus locaux face à une démographie médicale préoccupante (contrat signé en mars 2017). Son projet de santé développe les relations ville-hôpital, la prévention, le dépistage et l’éducation thérapeutique, l’aide à l’installation, la continuité et la permanence des soins, la réponse aux soins non programmés, l’informatique communicante et la télé-expertise. Une infirmière libérale assure la coordination à temps partiel.',
		phone: '02 61 91 10 02',
		fromIgasReport: true
	},
	{
		slug: 'sud-toulois',
		name: 'CPTS du Sud-Toulois',
		nature: 'periurbain',
		professionalsCount: 295,
		stage: 'en_fonctionnement',
		stageDates: ['2019-10-01', '2020-10-05', '2021-10-19', '2022-02-14', '2022-10-03', '2023-04-17'],
		// CC Terres Touloises et CC du Pays de Colombey et du Sud Toulois.
		territory: [
			'54528', '54174', '54232', '54205', '54557', '54167', '54162', '54584', '54073', '54122', '54128', '54414',
			'54327', '54102', '54007', '54534', '54288', '54426', '54272', '54583', '54160', '54466', '54202', '54086',
			'54360', '54306', '54120', '54208', '54016', '54242', '54346', '54348', '54404', '54370', '54034', '54088',
			'54532', '54492', '54298', '54019', '54240', '54135', '54080', '54189', '54105', '54405', '54548', '54010',
			'54008', '54523', '54380', '54046', '54143', '54496', '54538', '54392', '54146', '54047', '54545', '54500',
			'54223', '54226', '88504', '54158', '54052', '54041', '54237', '54190', '54494', '54379', '54003', '54530',
			'54068', '54140', '54220', '54531', '54438', '54218', '54529'
		],
		description:
			'Selon le rapport IGAS (2018), 60 000 habitants et 295 professionnels de santé. Communauté péri-urbaine de Meurthe-et-Moselle qui a veillé à ce que chaque profession (médecins, infirmiers, masseurs-kinésithérapeutes, pharmaciens…) soit représentée dans sa gouvernance, condition du travail en équipe interprofessionnelle dans une communauté de près de 300 professionnels. Priorités : lien ville-hôpital, maintien de l’offre de premier et de second recours, soins non programmés.',
		phone: '03 53 01 10 03',
		fromIgasReport: true
	},
	{
		slug: 'venissieux',
		name: 'CPTS de Vénissieux',
		nature: 'urbain_dense',
		professionalsCount: 150,
		stage: 'projet_valide',
		stageDates: ['2023-02-20', '2023-09-21', '2024-04-22', '2024-09-09'],
		// Vénissieux et Saint-Fons.
		territory: ['69259', '69199'],
		description:
			'Selon le rapport IGAS (2018), le bassin de santé de Vénissieux compte 65 000 habitants, avec deux quartiers de la politique de la ville et une zone franche urbaine (Les Minguettes, 22 000 habitants) ; la CPTS couvre aussi Saint-Fons ; taux de pauvreté de 29 %, prévalence élevée du diabète, des affections respiratoires et des troubles psychiatriques chroniques. Portée par une association créée en 2015 qui réunit dix professions, elle travaille trois thèmes : l’accès aux soins non programmés, la réduction des durées d’hospitalisation et des parcours ville-hôpital avec des circuits courts entre premier et second recours.',
		phone: '04 65 71 10 04',
		fromIgasReport: true
	},
	{
		slug: 'barrois',
		name: 'CPTS du Barrois',
		nature: 'periurbain',
		professionalsCount: 190,
		stage: 'en_fonctionnement',
		stageDates: ['2019-02-25', '2019-11-14', '2021-01-12', '2021-04-19', '2022-01-03', '2022-04-18'],
		// CA de Bar-le-Duc - Sud Meuse et CC du Pays de Revigny-sur-Ornain.
		territory: [
			'55029', '55291', '55186', '55519', '55302', '55366', '55543', '55369', '55120', '55435', '55041', '55514',
			'55541', '55476', '55049', '55504', '55426', '55372', '55101', '55214', '55466', '55298', '55221', '55332',
			'55300', '55370', '55358', '55488', '55138', '55446', '55373', '55376', '55452', '55427', '55125', '55272',
			'55382', '55340', '55271', '55531', '55388', '55011', '55378', '55069', '55493', '55414', '55134', '55560',
			'55424'
		],
		description:
			'Territoire de proximité où plus de 70 % des médecins exercent en maison de santé pluriprofessionnelle, une organisation engagée il y a plus de dix ans face à une démographie médicale très préoccupante. Le projet couvre le lien ville-hôpital, des protocoles harmonisés, les soins non programmés à l’échelle du département, la prévention, l’accueil des étudiants pour l’attractivité du territoire et une messagerie sécurisée commune à tous les professionnels.',
		phone: '03 53 01 10 05',
		fromIgasReport: true
	},
	{
		slug: 'metz',
		name: 'CPTS du Territoire de Metz',
		nature: 'urbain_dense',
		professionalsCount: 940,
		stage: 'en_fonctionnement',
		stageDates: ['2019-01-24', '2019-09-30', '2020-05-13', '2020-10-29', '2021-07-02', '2021-12-24'],
		// Metz Métropole.
		territory: [
			'57463', '57480', '57751', '57447', '57487', '57049', '57032', '57412', '57616', '57642', '57017', '57039',
			'57545', '57134', '57534', '57622', '57415', '57634', '57351', '57601', '57385', '57454', '57510', '57452',
			'57162', '57593', '57031', '57552', '57146', '57693', '57396', '57256', '57701', '57212', '57512', '57445',
			'57416', '57707', '57553', '57624', '57140', '57694', '57352', '57142', '57147', '57467'
		],
		description:
			'Communauté urbaine très dense où mobiliser les professionnels, notamment du second recours, demande une démarche de « prestation de services » : outils numériques de mise en réseau et appui aux professionnels pour les cas complexes, en articulation avec le dispositif d’appui à la coordination.',
		phone: '03 53 01 10 06',
		fromIgasReport: true
	},
	{
		slug: 'paris-13',
		name: 'CPTS Paris XIII',
		nature: 'urbain_dense',
		professionalsCount: 620,
		stage: 'en_fonctionnement',
		stageDates: ['2022-11-14', '2023-07-18', '2024-02-12', '2024-06-17', '2024-12-17', '2025-04-21'],
		// Paris 13e arrondissement.
		territory: ['75113'],
		description:
			'Née du pôle de santé de Paris XIII qui mobilise depuis 2011 environ 150 professionnels pour la prévention, l’éducation thérapeutique, les échanges interprofessionnels et l’accès aux soins des personnes âgées et des migrants. Elle évalue ses actions grâce aux thèses d’internes et associe à sa gouvernance les élus, les associations d’usagers, les hôpitaux et les établissements sociaux et médico-sociaux.',
		phone: '01 99 00 10 07',
		fromIgasReport: true
	},

	// --- Auvergne-Rhône-Alpes ------------------------------------------------------------
	{
		slug: 'sud-allier',
		name: 'CPTS Sud Allier',
		nature: 'periurbain',
		professionalsCount: 110,
		stage: 'lettre_intention',
		stageDates: ['2025-05-19', '2026-01-19'],
		// CC Saint-Pourçain Sioule Limagne.
		territory: [
			'03118', '03254', '03107', '03043', '03053', '03022', '03030', '03109', '03220', '03018', '03112', '03267',
			'03204', '03083', '03242', '03176', '03038', '03133', '03049', '03237', '03149', '03135', '03268', '03227',
			'03281', '03059', '03061', '03160', '03108', '03148', '03062', '03115', '03166', '03164', '03311', '03175',
			'03182', '03114', '03277', '03307', '03078', '03152', '03021', '03278', '03188', '03116', '03134', '03294',
			'03089', '03075', '03192', '03209', '03255', '03016', '03194', '03077', '03276', '03096', '03295', '03302'
		],
		description:
			'Selon le rapport IGAS (2018), une communauté en préfiguration de 36 000 habitants : depuis fin 2016, plus de soixante professionnels y accompagnent les personnes fragiles dans leur parcours, avec les EHPAD, la santé mentale, les associations sociales et des correspondants hospitaliers, et ses trois maisons de santé assurent les soins non programmés. Le projet, relancé en 2025, a obtenu la validation de sa lettre d’intention en janvier 2026.',
		phone: '04 65 71 20 01',
		fromIgasReport: true
	},
	{
		slug: 'yenne',
		name: 'CPTS de Yenne',
		nature: 'rural',
		professionalsCount: 38,
		stage: 'en_fonctionnement',
		stageDates: ['2020-02-13', '2020-11-19', '2021-08-30', '2022-02-15', '2022-11-21', '2023-05-11'],
		// CC de Yenne.
		territory: [
			'73330', '73245', '73269', '73028', '73156', '73299', '73271', '73149', '73140', '73042', '73313', '73147',
			'73078'
		],
		description:
			'Selon le rapport IGAS (2018), 10 000 habitants. Petite communauté savoyarde qui a commencé le travail en équipe par la santé publique : prévention de l’obésité, troubles du déficit de l’attention chez l’enfant, éducation thérapeutique.',
		phone: '04 65 71 20 02',
		fromIgasReport: true
	},
	{
		slug: 'gresivaudan',
		name: 'CPTS du Grésivaudan',
		nature: 'periurbain',
		professionalsCount: 260,
		stage: 'projet_depose',
		stageDates: ['2024-10-14', '2025-08-04', '2026-06-08'],
		// Le haut Grésivaudan, de Crolles à Chapareillan (CC Le Grésivaudan).
		territory: [
			'38314', '38075', '38027', '38100', '38062', '38417', '38268', '38006', '38439', '38181', '38511', '38501',
			'38166', '38466', '38418', '38504', '38303', '38192', '38175', '38070', '38078', '38163', '38426', '38395',
			'38503', '38214', '38140', '38547'
		],
		description:
			'Vallée entre Belledonne et Chartreuse : parcours des personnes âgées à domicile, soins non programmés en lien avec le centre hospitalier, accueil des jeunes installés.',
		phone: '04 65 71 20 03'
	},
	{
		slug: 'clermont-nord',
		name: 'CPTS Clermont Nord',
		nature: 'urbain_dense',
		professionalsCount: 410,
		stage: 'initiative',
		stageDates: ['2026-09-09'],
		// Clermont-Ferrand, Gerzat, Cébazat, Blanzat.
		territory: ['63113', '63164', '63063', '63042'],
		description:
			'Une équipe de porteurs de projet (médecins, pharmaciens, infirmiers) prépare le diagnostic territorial des quartiers nord et des communes voisines.',
		phone: '04 65 71 20 04'
	},

	{
		slug: 'lyon-centre',
		name: 'CPTS Lyon Presqu’île Croix-Rousse',
		nature: 'urbain_dense',
		professionalsCount: 430,
		stage: 'en_fonctionnement',
		stageDates: ['2022-04-29', '2022-10-27', '2023-10-11', '2024-02-26', '2024-05-31', '2024-10-23'],
		// Lyon 1er, 2e et 4e arrondissements.
		territory: ['69381', '69382', '69384'],
		description:
			'Presqu’île et plateau de la Croix-Rousse : maintien à domicile des personnes âgées isolées, soins non programmés en soirée, annuaire partagé des professionnels.',
		phone: '04 65 71 20 05',
	},
	{
		slug: 'lyon-rive-gauche',
		name: 'CPTS Lyon Rive Gauche',
		nature: 'urbain_dense',
		professionalsCount: 610,
		stage: 'aci_signe',
		stageDates: ['2023-10-09', '2024-06-17', '2025-01-15', '2025-04-02', '2025-10-06'],
		// Lyon 3e et 6e arrondissements.
		territory: ['69383', '69386'],
		description:
			'Troisième et sixième arrondissements : lien avec les hôpitaux de la rive gauche, parcours des patients insuffisants cardiaques, prévention auprès des étudiants.',
		phone: '04 65 71 20 06',
	},
	{
		slug: 'lyon-7-8',
		name: 'CPTS Lyon 7-8',
		nature: 'urbain_dense',
		professionalsCount: 640,
		stage: 'projet_valide',
		stageDates: ['2022-07-11', '2023-03-20', '2024-04-08', '2024-09-09'],
		// Lyon 7e et 8e arrondissements.
		territory: ['69387', '69388'],
		description:
			'Gerland, la Guillotière, Monplaisir et les États-Unis : accès aux soins des familles précaires, médiation en santé, santé mentale avec les centres médico-psychologiques.',
		phone: '04 65 71 20 07',
	},
	{
		slug: 'lyon-ouest',
		name: 'CPTS Lyon Ouest',
		nature: 'urbain_dense',
		professionalsCount: 350,
		stage: 'lettre_intention',
		stageDates: ['2025-11-14', '2026-07-03'],
		// Lyon 5e et 9e arrondissements.
		territory: ['69385', '69389'],
		description:
			'Vieux-Lyon, Fourvière, Vaise et la Duchère : lettre d’intention validée, diagnostic des besoins de soins non programmés en cours.',
		phone: '04 65 71 20 08',
	},
	// --- Bourgogne-Franche-Comté ---------------------------------------------------------
	{
		slug: 'haut-doubs-horloger',
		name: 'CPTS du Haut-Doubs horloger',
		nature: 'rural',
		professionalsCount: 86,
		stage: 'aci_signe',
		stageDates: ['2022-11-02', '2023-12-27', '2025-04-28', '2025-08-11', '2025-12-08'],
		// CC du Val de Morteau et CC du Plateau de Russey.
		territory: [
			'25411', '25321', '25240', '25403', '25285', '25296', '25160', '25050', '25512', '25074', '25248', '25148',
			'25425', '25062', '25456', '25351', '25042', '25391', '25522', '25286', '25389', '25421', '25077', '25373',
			'25329'
		],
		description:
			'Territoire frontalier où les départs de professionnels vers la Suisse fragilisent l’offre : attractivité, accueil des stagiaires, soins non programmés l’hiver.',
		phone: '03 53 01 20 01'
	},
	{
		slug: 'dijon-sud',
		name: 'CPTS Dijon Sud',
		nature: 'urbain_dense',
		professionalsCount: 370,
		stage: 'projet_valide',
		stageDates: ['2025-04-22', '2025-09-19', '2026-04-28', '2026-09-28'],
		// Dijon, Chenôve, Longvic, Marsannay-la-Côte.
		territory: ['21231', '21166', '21355', '21390'],
		description:
			'Lien ville-hôpital avec le CHU pour les sorties d’hospitalisation, prévention auprès des quartiers prioritaires, annuaire partagé des ressources du territoire.',
		phone: '03 53 01 20 02'
	},
	{
		slug: 'morvan',
		name: 'CPTS du Morvan',
		nature: 'rural',
		professionalsCount: 41,
		stage: 'lettre_intention',
		stageDates: ['2024-10-14', '2025-06-23'],
		// CC Morvan Sommets et Grands Lacs.
		territory: [
			'58062', '58145', '58010', '58037', '58003', '58205', '58063', '58185', '58180', '58106', '58249', '58229',
			'58210', '58177', '58255', '58157', '58082', '58235', '58244', '58262', '58068', '58034', '58199', '58023',
			'58129', '58099', '58226', '58111', '58125', '58128', '58049', '58066', '58108', '58141'
		],
		description:
			'Maintenir un médecin traitant pour chaque habitant d’un territoire de moyenne montagne : télé-expertise, infirmières en pratique avancée, transport des patients.',
		phone: '03 53 01 20 03'
	},

	// --- Bretagne ------------------------------------------------------------------------
	{
		slug: 'pays-de-morlaix',
		name: 'CPTS du Pays de Morlaix',
		nature: 'periurbain',
		professionalsCount: 280,
		stage: 'en_fonctionnement',
		stageDates: ['2019-12-24', '2020-10-09', '2021-09-20', '2022-02-28', '2022-10-07', '2023-03-08'],
		// Morlaix Communauté.
		territory: [
			'29151', '29199', '29254', '29207', '29191', '29023', '29163', '29266', '29188', '29279', '29113', '29186',
			'29133', '29202', '29067', '29079', '29059', '29265', '29182', '29073', '29132', '29183', '29251', '29034',
			'29014', '29114'
		],
		description:
			'Parcours des personnes âgées entre domicile, EHPAD et centre hospitalier ; santé mentale avec le projet territorial ; accueil des internes en médecine générale.',
		phone: '02 61 91 20 01'
	},
	{
		slug: 'rennes-nord-ouest',
		name: 'CPTS Rennes Nord-Ouest',
		nature: 'urbain_dense',
		professionalsCount: 480,
		stage: 'en_fonctionnement',
		stageDates: ['2019-03-01', '2020-03-16', '2021-06-28', '2021-08-27', '2022-04-26', '2022-09-30'],
		// Rennes, Pacé, Montgermont, Vezin-le-Coquet.
		territory: ['35238', '35210', '35189', '35353'],
		description:
			'Soins non programmés organisés avec la régulation, circuits courts vers les spécialistes, prévention du surpoids chez l’enfant avec la PMI et la santé scolaire.',
		phone: '02 61 91 20 02'
	},
	{
		slug: 'centre-bretagne',
		name: 'CPTS Centre Bretagne',
		nature: 'periurbain',
		professionalsCount: 72,
		stage: 'initiative',
		stageDates: ['2025-11-03'],
		// Loudéac Communauté - Bretagne Centre.
		territory: [
			'22136', '22046', '22183', '22147', '22158', '22219', '22155', '22376', '22241', '22275', '22371', '22279',
			'22384', '22047', '22255', '22333', '22122', '22075', '22083', '22074', '22133', '22060', '22001', '22260',
			'22039', '22062', '22244', '22149', '22316', '22068', '22300', '22314', '22330', '22288', '22033', '22313',
			'22295', '22148'
		],
		description:
			'Premières réunions de professionnels autour de la démographie médicale et de la permanence des soins.',
		phone: '02 61 91 20 03'
	},

	// --- Centre-Val de Loire -------------------------------------------------------------
	{
		slug: 'berry-giennois',
		name: 'CPTS Berry-Giennois',
		nature: 'periurbain',
		professionalsCount: 140,
		stage: 'aci_signe',
		stageDates: ['2021-04-30', '2021-09-30', '2022-12-14', '2023-02-28', '2023-10-23'],
		// CC Giennoises et CC Berry Loire Puisaye.
		territory: [
			'45155', '45254', '45108', '45291', '45227', '45280', '45271', '45036', '45096', '45218', '45180', '45053',
			'45087', '45040', '45029', '45245', '45016', '45060', '45238', '45276', '45064', '45251', '45323', '45001',
			'45141', '45120', '45023', '45052', '45138', '45070', '45143'
		],
		description:
			'Coordinatrice salariée, soins non programmés avec les maisons de santé, protocoles infirmier-médecin pour le suivi des patients chroniques.',
		phone: '02 61 91 30 01'
	},
	{
		slug: 'sud-28',
		name: 'CPTS du Sud-28',
		nature: 'periurbain',
		professionalsCount: 118,
		stage: 'aci_signe',
		stageDates: ['2023-01-23', '2023-11-28', '2025-02-28', '2025-08-11', '2026-02-27'],
		// CC du Grand Châteaudun et CC du Bonnevalais.
		territory: [
			'28088', '28103', '28012', '28061', '28334', '28424', '28330', '28027', '28398', '28075', '28233', '28198',
			'28132', '28211', '28256', '28123', '28106', '28389', '28182', '28410', '28078', '28329', '28273', '28051',
			'28127', '28005', '28364', '28176', '28057', '28370', '28353', '28259', '28396', '28277', '28305', '28270',
			'28153', '28126', '28306', '28418', '28065', '28260'
		],
		description:
			'Accès à un médecin traitant, dépistage organisé des cancers, coordination avec le centre hospitalier de Châteaudun.',
		phone: '02 61 91 30 02'
	},

	// --- Corse ---------------------------------------------------------------------------
	{
		slug: 'grand-ajaccio',
		name: 'CPTS du Grand Ajaccio',
		nature: 'urbain_dense',
		professionalsCount: 330,
		stage: 'projet_valide',
		stageDates: ['2023-12-13', '2024-05-15', '2024-12-09', '2025-03-13'],
		// CA du Pays Ajaccien.
		territory: ['2A004', '2A006', '2A001', '2A271', '2A209', '2A103', '2A017', '2A336', '2A323', '2A351'],
		description:
			'Afflux saisonnier de population l’été : soins non programmés, lien avec le centre hospitalier, parcours des personnes âgées de l’arrière-pays.',
		phone: '04 65 71 30 01'
	},
	{
		slug: 'balagne',
		name: 'CPTS de Balagne',
		nature: 'rural',
		professionalsCount: 68,
		stage: 'lettre_intention',
		stageDates: ['2024-06-21', '2025-05-13'],
		// CC de l’Île-Rousse - Balagne et CC de Calvi Balagne.
		territory: [
			'2B134', '2B168', '2B316', '2B093', '2B034', '2B223', '2B290', '2B332', '2B182', '2B173', '2B112', '2B352',
			'2B199', '2B190', '2B136', '2B175', '2B231', '2B235', '2B180', '2B097', '2B339', '2B156', '2B050', '2B049',
			'2B150', '2B020', '2B167', '2B121', '2B010', '2B165', '2B361', '2B084', '2B138', '2B296', '2B153', '2B025'
		],
		description:
			'Territoire insulaire et montagneux : télé-expertise, continuité des soins dans les villages, coopération avec le centre hospitalier de Calvi.',
		phone: '04 65 71 30 02'
	},

	// --- Grand Est -----------------------------------------------------------------------
	{
		slug: 'nancy-sud',
		name: 'CPTS Nancy Sud',
		nature: 'urbain_dense',
		professionalsCount: 380,
		stage: 'aci_signe',
		stageDates: ['2022-11-10', '2023-08-28', '2024-08-26', '2025-01-16', '2025-04-17'],
		// Communes du sud de la Métropole du Grand Nancy.
		territory: ['54547', '54578', '54304', '54274', '54257', '54265', '54328', '54197', '54300'],
		description:
			'Communauté des communes du sud de la métropole nancéienne autour du CHRU de Brabois : sorties d’hospitalisation, soins non programmés avec la maison médicale de garde, parcours des patients diabétiques.',
		phone: '03 53 01 30 03',
	},
	{
		slug: 'nancy-centre',
		name: 'CPTS Nancy Centre',
		nature: 'urbain_dense',
		professionalsCount: 520,
		stage: 'initiative',
		stageDates: ['2026-06-01'],
		// Nancy et communes voisines de la Métropole du Grand Nancy.
		territory: ['54395', '54357', '54339', '54482', '54184', '54526'],
		description:
			'Un groupe de médecins, de pharmaciens et d’infirmiers de Nancy et des communes voisines prépare le diagnostic territorial ; la ville centre n’est encore couverte par aucune CPTS.',
		phone: '03 53 01 30 04',
	},
	{
		slug: 'lunevillois',
		name: 'CPTS du Lunévillois',
		nature: 'periurbain',
		professionalsCount: 150,
		stage: 'projet_depose',
		stageDates: ['2024-02-12', '2024-08-12', '2025-07-09'],
		// CC du Territoire de Lunéville à Baccarat.
		territory: [
			'54329', '54039', '54116', '54065', '54449', '54260', '54281', '54472', '54038', '54350', '54148', '54373',
			'54519', '54061', '54595', '54393', '54125', '54154', '54199', '54520', '54588', '54229', '54206', '54303',
			'54365', '54550', '54201', '54297', '54331', '54287', '54539', '54243', '54217', '54292', '54349', '54450',
			'54543', '54101', '54555', '54255', '54422', '54209', '54560'
		],
		description:
			'De Lunéville à Baccarat : accès à un médecin traitant après plusieurs départs en retraite, soins non programmés avec le centre hospitalier de Lunéville, santé mentale. Projet de santé déposé à l’ARS ; la coordinatrice est partie en cours de rédaction.',
		phone: '03 53 01 30 05',
	},
	{
		slug: 'strasbourg-sud',
		name: 'CPTS Strasbourg Sud',
		nature: 'urbain_dense',
		professionalsCount: 560,
		stage: 'en_fonctionnement',
		stageDates: ['2022-12-06', '2023-06-05', '2024-02-13', '2024-05-07', '2025-02-03', '2025-04-10'],
		// Communes du sud de l’Eurométropole.
		territory: ['67218', '67267', '67365', '67152', '67131', '67137', '67378', '67268', '67124', '67212', '67049'],
		description:
			'Sorties d’hospitalisation coordonnées avec les hôpitaux universitaires, repérage de la fragilité, annuaire des ressources médico-sociales.',
		phone: '03 53 01 30 01'
	},
	{
		slug: 'pointe-des-ardennes',
		name: 'CPTS de la Pointe des Ardennes',
		nature: 'rural',
		professionalsCount: 58,
		stage: 'initiative',
		stageDates: ['2025-06-05'],
		// CC Ardenne, Rives de Meuse.
		territory: [
			'08190', '08363', '08185', '08487', '08222', '08486', '08183', '08028', '08122', '08353', '08214', '08175',
			'08166', '08207', '08011', '08226', '08247', '08304', '08106'
		],
		description:
			'Un groupe de professionnels cherche comment garder une offre de premier recours dans la vallée de la Meuse.',
		phone: '03 53 01 30 02'
	},

	// --- Hauts-de-France -----------------------------------------------------------------
	{
		slug: 'roubaix',
		name: 'CPTS de Roubaix',
		nature: 'urbain_dense',
		professionalsCount: 390,
		stage: 'en_fonctionnement',
		stageDates: ['2019-01-21', '2020-03-02', '2021-02-15', '2021-06-11', '2021-11-26', '2022-01-27'],
		// Roubaix, Lys-lez-Lannoy, Leers.
		territory: ['59512', '59367', '59339'],
		description:
			'Prévention et accès aux soins des populations précaires, éducation thérapeutique du diabète, médiation en santé.',
		phone: '03 53 01 40 01'
	},
	{
		slug: 'ternois',
		name: 'CPTS du Ternois',
		nature: 'periurbain',
		professionalsCount: 76,
		stage: 'projet_valide',
		stageDates: ['2023-06-16', '2023-12-19', '2025-04-14', '2025-07-14'],
		// CC du Ternois.
		territory: [
			'62767', '62361', '62060', '62652', '62340', '62763', '62367', '62036', '62154', '62166', '62519', '62158',
			'62835', '62580', '62717', '62442', '62451', '62631', '62813', '62071', '62333', '62881', '62686', '62601',
			'62260', '62655', '62732', '62740', '62258', '62180', '62669', '62831', '62061', '62581', '62553', '62797',
			'62805', '62808', '62539', '62859', '62633', '62299', '62163', '62182', '62514', '62234', '62450', '62303',
			'62337', '62416', '62346', '62641', '62665', '62668', '62683', '62109', '62468', '62058', '62883', '62513',
			'62616', '62187', '62467', '62558', '62518', '62114', '62436', '62462', '62600', '62818', '62348', '62047',
			'62891', '62171', '62576', '80810', '62101', '62809', '62381', '62283', '62370', '62352', '62795', '62344',
			'62339', '62435', '62342', '62838', '62137', '62345', '62722', '62822', '62433', '62238', '62301', '62577',
			'62833', '62607', '62590', '62411', '62143', '62791', '62396'
		],
		description:
			'Maisons de santé en réseau, infirmières Asalée, parcours des personnes âgées avec les EHPAD et l’hôpital local.',
		phone: '03 53 01 40 02'
	},
	{
		slug: 'thierache',
		name: 'CPTS de Thiérache',
		nature: 'periurbain',
		professionalsCount: 185,
		stage: 'lettre_intention',
		stageDates: ['2024-11-25', '2025-07-16'],
		// CC des Trois Rivières et CC de la Thiérache du Centre.
		territory: [
			'02381', '02684', '02574', '02495', '02134', '02031', '02544', '02405', '02833', '02020', '02470', '02831',
			'02275', '02567', '02391', '02388', '02130', '02425', '02079', '02378', '02055', '02435', '02522', '02204',
			'02674', '02278', '02789', '02558', '02141', '02103', '02135', '02312', '02321', '02668', '02286', '02295',
			'02197', '02308', '02109', '02608', '02416', '02548', '02650', '02759', '02826', '02629', '02491', '02050',
			'02379', '02324', '02681', '02419', '02445', '02341', '02728', '02403', '02369', '02740', '02418', '02067',
			'02657', '02373', '02337', '02401', '02832', '02040', '02385', '02404', '02731', '02269', '02670', '02725',
			'02377', '02116', '02342', '02182', '02136', '02584', '02276', '02444', '02535', '02331', '02652', '02284',
			'02623', '02068', '02463', '02823', '02206', '02547', '02357', '02384', '02688', '02044'
		],
		description:
			'Lettre d’intention validée : diagnostic territorial en cours sur l’accès aux spécialistes et les soins non programmés.',
		phone: '03 53 01 40 03'
	},

	// --- Île-de-France -------------------------------------------------------------------
	{
		slug: 'saint-denis',
		name: 'CPTS de Saint-Denis',
		nature: 'urbain_dense',
		professionalsCount: 350,
		stage: 'en_fonctionnement',
		stageDates: ['2021-08-04', '2022-04-25', '2023-03-15', '2023-08-07', '2024-03-08', '2024-05-23'],
		// Saint-Denis et L’Île-Saint-Denis.
		territory: ['93066', '93039'],
		description:
			'Accès aux soins des personnes sans médecin traitant, interprétariat professionnel, santé des femmes avec la PMI et les sages-femmes libérales.',
		phone: '01 99 00 20 01'
	},
	{
		slug: 'val-d-yerres',
		name: 'CPTS du Val d’Yerres',
		nature: 'urbain_dense',
		professionalsCount: 310,
		stage: 'projet_valide',
		stageDates: ['2023-03-13', '2023-10-10', '2024-12-23', '2025-03-03'],
		// Yerres, Brunoy, Montgeron, Crosne, Épinay-sous-Sénart.
		territory: ['91691', '91114', '91421', '91191', '91215'],
		description:
			'Projet de santé validé : soins non programmés, parcours insuffisance cardiaque avec le centre hospitalier, prévention de la iatrogénie.',
		phone: '01 99 00 20 02'
	},
	{
		slug: 'sud-seine-et-marne',
		name: 'CPTS Sud Seine-et-Marne',
		nature: 'periurbain',
		professionalsCount: 150,
		stage: 'lettre_intention',
		stageDates: ['2024-08-05', '2025-06-13'],
		// CC Pays de Nemours et CC Gâtinais Val de Loing.
		territory: [
			'77333', '77431', '77302', '77016', '77216', '77156', '77060', '77244', '77520', '77178', '77328', '77003',
			'77046', '77220', '77112', '77348', '77198', '77102', '77056', '77395', '77200', '77458', '77099', '77168',
			'77261', '77027', '77071', '77370', '77045', '77050', '77011', '77500', '77267', '77297', '77110', '77489',
			'77207', '77230', '77009', '77271', '77342'
		],
		description:
			'Territoire semi-rural aux confins de la région : attractivité pour les jeunes professionnels et organisation de la permanence des soins.',
		phone: '01 99 00 20 03'
	},
	{
		slug: 'paris-18',
		name: 'CPTS Paris 18',
		nature: 'urbain_dense',
		professionalsCount: 700,
		stage: 'initiative',
		stageDates: ['2025-08-04'],
		// Paris 18e arrondissement.
		territory: ['75118'],
		description:
			'Des professionnels de l’arrondissement se réunissent pour bâtir un diagnostic partagé avec les hôpitaux et les acteurs sociaux.',
		phone: '01 99 00 20 04'
	},

	// --- Normandie -----------------------------------------------------------------------
	{
		slug: 'pays-d-auge',
		name: 'CPTS du Pays d’Auge',
		nature: 'periurbain',
		professionalsCount: 215,
		stage: 'en_fonctionnement',
		stageDates: ['2020-06-29', '2021-04-28', '2022-01-03', '2022-03-21', '2022-07-18', '2022-10-10'],
		// CA Lisieux Normandie.
		territory: [
			'14366', '14431', '14654', '14371', '14570', '14478', '14574', '14460', '14126', '14069', '14740', '14410',
			'14626', '14303', '14326', '14520', '14177', '14504', '14625', '14487', '14403', '14582', '14193', '14194',
			'14421', '14527', '14621', '14576', '14648', '14522', '14270', '14337', '14334', '14571', '14540', '14293',
			'14368', '14639', '14484', '14419', '14595', '14260', '14435', '14474', '14082', '14179', '14141', '14425',
			'14362', '14273', '14147', '14473', '14448'
		],
		description:
			'Lien ville-hôpital avec le centre hospitalier de Lisieux, soins non programmés, dépistage de la rétinopathie diabétique avec les orthoptistes.',
		phone: '02 61 91 40 01'
	},
	{
		slug: 'rouen-rive-gauche',
		name: 'CPTS Rouen Rive Gauche',
		nature: 'urbain_dense',
		professionalsCount: 520,
		stage: 'projet_valide',
		stageDates: ['2022-09-07', '2023-03-23', '2024-07-29', '2024-12-10'],
		// Sotteville-lès-Rouen, Le Petit-Quevilly, Le Grand-Quevilly, Saint-Étienne-du-Rouvray.
		territory: ['76681', '76498', '76322', '76575'],
		description:
			'Santé mentale avec les centres médico-psychologiques, sorties d’hospitalisation, prévention des chutes chez les personnes âgées.',
		phone: '02 61 91 40 02'
	},
	{
		slug: 'mortainais',
		name: 'CPTS du Mortainais',
		nature: 'rural',
		professionalsCount: 47,
		stage: 'initiative',
		stageDates: ['2026-04-27'],
		// Le Mortainais et le Saint-Hilairien (CA Mont-Saint-Michel-Normandie).
		territory: [
			'50359', '50484', '50582', '50591', '50436', '50029', '50200', '50260', '50391', '50456', '50371', '50462',
			'50090', '50570', '50274', '50263', '50474', '50397', '50088', '50040', '50193', '50195', '50362', '50514',
			'50452'
		],
		description:
			'Initiative de deux maisons de santé pour fédérer les professionnels isolés du bocage.',
		phone: '02 61 91 40 03'
	},

	// --- Nouvelle-Aquitaine --------------------------------------------------------------
	{
		slug: 'hauts-de-garonne',
		name: 'CPTS des Hauts de Garonne',
		nature: 'urbain_dense',
		professionalsCount: 440,
		stage: 'en_fonctionnement',
		stageDates: ['2019-03-04', '2019-09-10', '2020-09-03', '2020-11-09', '2021-06-10', '2021-09-27'],
		// Lormont, Cenon, Floirac, Bassens, Artigues-près-Bordeaux.
		territory: ['33249', '33119', '33167', '33032', '33013'],
		description:
			'Rive droite bordelaise : soins non programmés pour désengorger les urgences, parcours des patients diabétiques, actions dans les quartiers prioritaires.',
		phone: '05 36 49 10 01'
	},
	{
		slug: 'creuse-sud',
		name: 'CPTS Creuse Sud',
		nature: 'rural',
		professionalsCount: 54,
		stage: 'lettre_intention',
		stageDates: ['2023-08-21', '2024-06-05'],
		// CC Creuse Grand Sud et CC Marche et Combraille en Aquitaine.
		territory: [
			'23008', '23079', '23257', '23024', '23180', '23077', '23140', '23211', '23090', '23238', '23246', '23179',
			'23142', '23196', '23210', '23144', '23249', '23228', '23071', '23091', '23266', '23182', '23003', '23212',
			'23194', '23264', '23013', '23061', '23131', '23105', '23220', '23116', '23048', '23164', '23151', '23073',
			'23069', '23020', '23167', '23185', '23081', '23097', '23113', '23229', '23160', '23083', '23053', '23066',
			'23127', '23241', '23005', '23054', '23178', '23123', '23187', '23017', '23226', '23190', '23234', '23159',
			'23198', '23172', '23028', '23225', '23058', '23171', '23218', '23184', '23059', '23156', '23037', '23129',
			'23110', '23265', '23034', '23055'
		],
		description:
			'Population âgée et dispersée : maintien à domicile, télémédecine en EHPAD, accueil de nouveaux médecins.',
		phone: '05 36 49 10 02'
	},
	{
		slug: 'sud-pays-basque',
		name: 'CPTS Sud Pays Basque',
		nature: 'periurbain',
		professionalsCount: 290,
		stage: 'aci_signe',
		stageDates: ['2022-10-03', '2023-08-28', '2025-01-24', '2025-06-11', '2025-09-24'],
		// Saint-Jean-de-Luz, Hendaye, Ciboure, Urrugne.
		territory: ['64483', '64260', '64189', '64545'],
		description:
			'Soins non programmés en saison touristique, coopération transfrontalière, parcours de soins palliatifs à domicile.',
		phone: '05 36 49 10 03'
	},

	// --- Occitanie -----------------------------------------------------------------------
	{
		slug: 'toulouse-rive-gauche',
		name: 'CPTS Toulouse Rive Gauche',
		nature: 'urbain_dense',
		professionalsCount: 690,
		stage: 'projet_valide',
		stageDates: ['2022-10-17', '2023-07-31', '2024-02-20', '2024-08-08'],
		// Colomiers, Tournefeuille, Cugnaux, Blagnac, Villeneuve-Tolosane, Cornebarrieu, Plaisance-du-Touch.
		territory: ['31149', '31557', '31157', '31069', '31588', '31150', '31424'],
		description:
			'Très grande communauté : outils numériques de coordination, parcours ville-hôpital avec le CHU, prévention en santé sexuelle.',
		phone: '05 36 49 20 01'
	},
	{
		slug: 'aubrac-margeride',
		name: 'CPTS Aubrac Margeride',
		nature: 'rural',
		professionalsCount: 36,
		stage: 'aci_signe',
		stageDates: ['2022-01-27', '2022-08-24', '2024-01-22', '2024-04-08', '2024-10-11'],
		// CC du Gévaudan, des Terres d’Apcher-Margeride-Aubrac et des Hautes Terres de l’Aubrac.
		territory: [
			'48092', '48099', '48103', '48005', '48032', '48072', '48107', '48165', '48168', '48068', '48124', '48138',
			'48140', '48132', '48090', '48128', '48002', '48089', '48025', '48177', '48059', '48026', '48188', '48121',
			'48063', '48169', '48079', '48179', '48110', '48046', '48077', '48149', '48009', '48104', '48064', '48012',
			'48087', '48190', '48123', '48001', '48058', '48106', '48031', '48044', '48071', '48161', '48007', '48091',
			'48167'
		],
		description:
			'Le département le moins peuplé : continuité des soins, hôpitaux de proximité, transport sanitaire et télé-consultation assistée en pharmacie.',
		phone: '05 36 49 20 02'
	},
	{
		slug: 'coeur-d-herault',
		name: 'CPTS Cœur d’Hérault',
		nature: 'periurbain',
		professionalsCount: 235,
		stage: 'lettre_intention',
		stageDates: ['2025-06-09', '2026-04-14'],
		// CC du Clermontais et CC Vallée de l’Hérault.
		territory: [
			'34079', '34194', '34051', '34013', '34180', '34076', '34254', '34197', '34103', '34041', '34045', '34186',
			'34315', '34292', '34138', '34124', '34175', '34137', '34338', '34156', '34323', '34114', '34239', '34163',
			'34010', '34281', '34210', '34267', '34204', '34173', '34282', '34328', '34035', '34012', '34215', '34241',
			'34047', '34313', '34029', '34222', '34016', '34122', '34221', '34208', '34287', '34262', '34261', '34125',
			'34011'
		],
		description:
			'Territoire en forte croissance démographique : accès à un médecin traitant, soins non programmés, prévention chez les jeunes.',
		phone: '04 65 71 40 01'
	},

	// --- Pays de la Loire ----------------------------------------------------------------
	{
		slug: 'nord-mayenne',
		name: 'CPTS du Nord Mayenne',
		nature: 'periurbain',
		professionalsCount: 150,
		stage: 'projet_valide',
		stageDates: ['2023-05-31', '2024-06-17', '2025-02-20', '2025-07-17'],
		// Mayenne Communauté et CC du Bocage Mayennais.
		territory: [
			'53147', '53127', '53146', '53008', '53219', '53072', '53200', '53021', '53162', '53216', '53074', '53174',
			'53122', '53144', '53116', '53109', '53051', '53002', '53028', '53057', '53195', '53111', '53190', '53061',
			'53160', '53222', '53179', '53263', '53230', '53118', '53235', '53114', '53189', '53003', '53107', '53100',
			'53170', '53125', '53064', '53154', '53042', '53181', '53055', '53238', '53176', '53213', '53071', '53091',
			'53237', '53079', '53234', '53115', '53202', '53093', '53132', '53047', '53199', '53131', '53261', '53270'
		],
		description:
			'Portée par des maisons de santé après l’expérimentation PAERPA : parcours des personnes âgées élargi au diabète, aux sorties complexes d’hôpital et à la santé mentale.',
		phone: '02 61 91 50 01'
	},
	{
		slug: 'nantes-est',
		name: 'CPTS Nantes Est',
		nature: 'periurbain',
		professionalsCount: 340,
		stage: 'aci_signe',
		stageDates: ['2022-08-11', '2023-09-13', '2024-04-01', '2024-08-23', '2025-04-14'],
		// Sainte-Luce-sur-Loire, Thouaré-sur-Loire, Carquefou.
		territory: ['44172', '44204', '44026'],
		description:
			'Soins non programmés avec la maison médicale de garde, sorties d’hospitalisation avec le CHU, vaccination et prévention.',
		phone: '02 61 91 50 02'
	},
	{
		slug: 'sud-vendee-littoral',
		name: 'CPTS Sud Vendée Littoral',
		nature: 'periurbain',
		professionalsCount: 145,
		stage: 'initiative',
		stageDates: ['2025-05-19'],
		// CC Sud Vendée Littoral.
		territory: [
			'85128', '85223', '85294', '85135', '85001', '85255', '85159', '85216', '85042', '85049', '85061', '85111',
			'85131', '85188', '85040', '85297', '85073', '85267', '85104', '85157', '85058', '85304', '85175', '85193',
			'85115', '85185', '85171', '85209', '85117', '85036', '85286', '85290', '85199', '85105', '85023', '85235',
			'85248', '85207', '85149', '85056', '85261', '85074'
		],
		description:
			'Premières rencontres interprofessionnelles : la population double l’été sur le littoral.',
		phone: '02 61 91 50 03'
	},

	// --- Provence-Alpes-Côte d'Azur ------------------------------------------------------
	{
		slug: 'marseille-13-14',
		name: 'CPTS Marseille 13-14',
		nature: 'urbain_dense',
		professionalsCount: 470,
		stage: 'projet_valide',
		stageDates: ['2023-08-21', '2024-04-17', '2025-01-16', '2025-04-30'],
		// Marseille 13e et 14e arrondissements.
		territory: ['13213', '13214'],
		description:
			'Quartiers nord de Marseille : accès aux soins des familles précaires, médiation en santé, liens avec l’Assistance publique et les centres de santé.',
		phone: '04 65 71 50 01'
	},
	{
		slug: 'haut-var-verdon',
		name: 'CPTS Haut-Var Verdon',
		nature: 'rural',
		professionalsCount: 64,
		stage: 'lettre_intention',
		stageDates: ['2025-07-04', '2026-05-27'],
		// CC Lacs et Gorges du Verdon.
		territory: [
			'83102', '83007', '83149', '83139', '83015', '83078', '83005', '83002', '83014', '83122', '83142', '83074',
			'83040', '83020', '83022', '83147'
		],
		description:
			'Villages éloignés des hôpitaux : soins non programmés, coordination avec les pompiers et le SAMU, maintien à domicile.',
		phone: '04 65 71 50 02'
	},
	{
		slug: 'pays-de-grasse',
		name: 'CPTS du Pays de Grasse',
		nature: 'periurbain',
		professionalsCount: 300,
		stage: 'aci_signe',
		stageDates: ['2021-08-30', '2022-10-03', '2023-07-31', '2023-11-13', '2024-06-10'],
		// Grasse, Mouans-Sartoux, Peymeinade, Le Rouret.
		territory: ['06069', '06084', '06095', '06112'],
		description:
			'Parcours des personnes âgées, soins palliatifs avec l’HAD, prévention de la perte d’autonomie.',
		phone: '04 65 71 50 03'
	},
	{
		slug: 'brianconnais',
		name: 'CPTS du Briançonnais',
		nature: 'rural',
		professionalsCount: 96,
		stage: 'aci_signe',
		stageDates: ['2022-11-22', '2023-09-25', '2024-09-02', '2024-11-11', '2025-05-16'],
		// CC du Briançonnais et CC du Pays des Écrins.
		territory: [
			'05023', '05133', '05183', '05079', '05161', '05174', '05109', '05063', '05107', '05085', '05093', '05181',
			'05027', '05006', '05101', '05151', '05122', '05180', '05110', '05058', '05031'
		],
		description:
			'Montagne et stations de ski : traumatologie saisonnière, soins non programmés, accueil des professionnels saisonniers.',
		phone: '04 65 71 50 04'
	},

	// --- Guadeloupe ----------------------------------------------------------------------
	{
		slug: 'centre-grande-terre',
		name: 'CPTS Centre Grande-Terre',
		nature: 'outre_mer',
		professionalsCount: 410,
		stage: 'aci_signe',
		stageDates: ['2022-05-20', '2023-05-29', '2024-01-15', '2024-04-22', '2024-08-07'],
		// CA Cap Excellence.
		territory: ['97101', '97103', '97120'],
		description:
			'Diabète et hypertension, lien avec le CHU de Pointe-à-Pitre, prévention des arboviroses et préparation aux cyclones.'
	},
	{
		slug: 'nord-basse-terre',
		name: 'CPTS Nord Basse-Terre',
		nature: 'outre_mer',
		professionalsCount: 120,
		stage: 'lettre_intention',
		stageDates: ['2023-03-27', '2024-05-09'],
		// Sainte-Rose, Lamentin, Deshaies, Pointe-Noire.
		territory: ['97129', '97115', '97111', '97121'],
		description:
			'Accès aux spécialistes et soins non programmés dans le nord de la Basse-Terre.'
	},

	// --- Martinique ----------------------------------------------------------------------
	{
		slug: 'centre-martinique',
		name: 'CPTS Centre Martinique',
		nature: 'outre_mer',
		professionalsCount: 600,
		stage: 'projet_valide',
		stageDates: ['2024-05-10', '2024-12-24', '2026-03-30', '2026-07-27'],
		// CA du Centre de la Martinique.
		territory: ['97209', '97213', '97229', '97224'],
		description:
			'Vieillissement rapide de la population : parcours des personnes âgées, maladies chroniques, lien avec le CHU de Martinique.'
	},
	{
		slug: 'nord-atlantique-martinique',
		name: 'CPTS Nord Atlantique',
		nature: 'outre_mer',
		professionalsCount: 150,
		stage: 'initiative',
		stageDates: ['2026-08-26'],
		// La Trinité, Le Robert, Sainte-Marie, Le Marigot.
		territory: ['97230', '97222', '97228', '97216'],
		description:
			'Des professionnels de la côte atlantique préparent une lettre d’intention.'
	},

	// --- Guyane --------------------------------------------------------------------------
	{
		slug: 'centre-littoral-guyane',
		name: 'CPTS Centre Littoral',
		nature: 'outre_mer',
		professionalsCount: 360,
		stage: 'en_fonctionnement',
		stageDates: ['2021-10-11', '2022-11-14', '2024-03-22', '2024-08-20', '2025-01-17', '2025-06-10'],
		// Cayenne, Rémire-Montjoly, Matoury, Macouria.
		territory: ['97302', '97309', '97307', '97305'],
		description:
			'Santé de la mère et de l’enfant, maladies infectieuses, coordination avec l’hôpital de Cayenne.'
	},
	{
		slug: 'ouest-guyanais',
		name: 'CPTS de l’Ouest guyanais',
		nature: 'outre_mer',
		professionalsCount: 85,
		stage: 'lettre_intention',
		stageDates: ['2025-07-29', '2026-01-06'],
		// Saint-Laurent-du-Maroni, Mana, Apatou, Awala-Yalimapo.
		territory: ['97311', '97306', '97360', '97361'],
		description:
			'Territoire le long du Maroni : médiation en santé, télémédecine vers les communes isolées, périnatalité.'
	},

	// --- La Réunion ----------------------------------------------------------------------
	{
		slug: 'nord-reunion',
		name: 'CPTS Nord Réunion',
		nature: 'outre_mer',
		professionalsCount: 700,
		stage: 'aci_signe',
		stageDates: ['2020-07-24', '2021-07-12', '2022-10-28', '2023-01-17', '2023-09-04'],
		// Saint-Denis, Sainte-Marie et Sainte-Suzanne (partagée avec l’Est).
		territory: ['97411', '97418', '97420'],
		description:
			'Saint-Denis, Sainte-Marie et Sainte-Suzanne : diabète et obésité, lien avec le CHU Félix-Guyon, vaccination et prévention des arboviroses.',
	},
	{
		slug: 'sud-reunion',
		name: 'CPTS Sud Réunion',
		nature: 'outre_mer',
		professionalsCount: 820,
		stage: 'en_fonctionnement',
		stageDates: ['2022-07-26', '2023-08-29', '2024-03-28', '2024-06-10', '2024-10-14', '2025-02-10'],
		// Saint-Pierre, Le Tampon, Saint-Louis, Petite-Île.
		territory: ['97416', '97422', '97414', '97405'],
		description:
			'Diabète et insuffisance rénale, parcours avec le CHU Sud, prévention de la dengue et du chikungunya.'
	},
	{
		slug: 'est-reunion',
		name: 'CPTS Est Réunion',
		nature: 'outre_mer',
		professionalsCount: 320,
		stage: 'projet_valide',
		stageDates: ['2024-07-11', '2025-01-23', '2026-06-17', '2026-09-23'],
		// Saint-André, Bras-Panon, Saint-Benoît, Sainte-Rose, Salazie et Sainte-Suzanne (partagée avec le Nord).
		territory: ['97409', '97402', '97410', '97419', '97421', '97420'],
		description:
			'Accès aux soins dans les Hauts, soins non programmés, coordination avec le groupe hospitalier Est Réunion.'
	},

	// --- Mayotte -------------------------------------------------------------------------
	{
		slug: 'grand-mamoudzou',
		name: 'CPTS du Grand Mamoudzou',
		nature: 'outre_mer',
		professionalsCount: 130,
		stage: 'lettre_intention',
		stageDates: ['2023-10-17', '2024-10-07'],
		// CA de Dembeni-Mamoudzou.
		territory: ['97611', '97607'],
		description:
			'Densité médicale parmi les plus faibles de France : accès aux soins, périnatalité, vaccination, eau et santé.'
	},
	{
		slug: 'sud-mayotte',
		name: 'CPTS Sud Mayotte',
		nature: 'outre_mer',
		professionalsCount: 38,
		stage: 'initiative',
		stageDates: ['2026-06-10'],
		// CC du Sud.
		territory: ['97606', '97604', '97609', '97603'],
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
	/** How the persona writes her profession beside her name, as she would choose on her profile (none for organisations and epicene professions). */
	professionForm?: ProfessionForm;
	memberships: DemoMembership[];
}

export const DEMO_PROFESSIONALS: DemoProfessional[] = [
	{ name: 'Dr Hélène Perrin', email: 'helene.perrin@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'sud-toulois' }] },
	{ name: 'Thomas Renaud', email: 'thomas.renaud@exemple.fr', profession: 'masseur_kinesitherapeute', professionForm: 'masculine', memberships: [{ cptsSlug: 'sud-toulois' }] },
	{ name: 'Nadia Benali', email: 'nadia.benali@exemple.fr', profession: 'sage_femme', memberships: [{ cptsSlug: 'sud-toulois' }] },
	{ name: 'Pierre Collin', email: 'pierre.collin@exemple.fr', profession: 'pharmacien', professionForm: 'masculine', memberships: [{ cptsSlug: 'sud-toulois' }, { cptsSlug: 'metz' }] },
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
		professionForm: 'masculine',
		memberships: [{ cptsSlug: 'sud-toulois', status: 'pending', message: 'Infirmier libéral à Colombey-les-Belles.' }]
	},
	{ name: 'Dr Isabelle Marchal', email: 'isabelle.marchal@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'la-plaine', role: 'coordinator' }] },
	{ name: 'Sylvie Thiébaut', email: 'sylvie.thiebaut@exemple.fr', profession: 'infirmier', professionForm: 'feminine', memberships: [{ cptsSlug: 'la-plaine' }] },
	{ name: 'Dr François Mathieu', email: 'francois.mathieu@exemple.fr', profession: 'chirurgien_dentiste', professionForm: 'masculine', memberships: [{ cptsSlug: 'la-plaine' }] },
	{ name: 'Catherine Roussel', email: 'catherine.roussel@exemple.fr', profession: 'infirmier', professionForm: 'feminine', memberships: [{ cptsSlug: 'sud-lochois', role: 'coordinator' }] },
	{ name: 'Dr Olivier Chevalier', email: 'olivier.chevalier@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'sud-lochois' }] },
	{ name: 'Manon Girault', email: 'manon.girault@exemple.fr', profession: 'pedicure_podologue', memberships: [{ cptsSlug: 'sud-lochois' }] },
	{ name: 'Karim Haddad', email: 'karim.haddad@exemple.fr', profession: 'masseur_kinesitherapeute', professionForm: 'masculine', memberships: [{ cptsSlug: 'venissieux', role: 'coordinator' }] },
	{ name: 'Dr Amandine Royer', email: 'amandine.royer@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'venissieux' }] },
	{ name: 'Mélanie Dupuis', email: 'melanie.dupuis@exemple.fr', profession: 'biologiste', memberships: [{ cptsSlug: 'venissieux' }] },
	{ name: 'Dr Vincent Leroy', email: 'vincent.leroy@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'barrois', role: 'coordinator' }] },
	{ name: 'Aurélie Henry', email: 'aurelie.henry@exemple.fr', profession: 'pharmacien', professionForm: 'feminine', memberships: [{ cptsSlug: 'barrois' }] },
	{ name: 'Jean-Luc Schmitt', email: 'jean-luc.schmitt@exemple.fr', profession: 'coordinateur_autre', professionForm: 'masculine', memberships: [{ cptsSlug: 'metz', role: 'coordinator' }] },
	{ name: 'Dr Caroline Weber', email: 'caroline.weber@exemple.fr', profession: 'medecin_specialiste', memberships: [{ cptsSlug: 'metz' }] },
	{ name: 'Dr Paul Nguyen', email: 'paul.nguyen@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'paris-13', role: 'coordinator' }] },
	{ name: 'Fatou Diallo', email: 'fatou.diallo@exemple.fr', profession: 'infirmier', professionForm: 'feminine', memberships: [{ cptsSlug: 'paris-13' }] },
	{ name: 'Julie Lefèvre', email: 'julie.lefevre@exemple.fr', profession: 'psychologue', memberships: [{ cptsSlug: 'paris-13' }, { cptsSlug: 'saint-denis' }] },
	{ name: 'Émilie Le Gall', email: 'emilie.legall@exemple.fr', profession: 'orthoptiste', memberships: [{ cptsSlug: 'pays-de-morlaix', role: 'coordinator' }] },
	{ name: 'Yann Kerdoncuff', email: 'yann.kerdoncuff@exemple.fr', profession: 'pharmacien', professionForm: 'masculine', memberships: [{ cptsSlug: 'pays-de-morlaix' }] },
	{ name: 'Dr Marie-Ange Célestine', email: 'marie-ange.celestine@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'centre-grande-terre', role: 'coordinator' }] },
	{ name: 'Ludovic Hoarau', email: 'ludovic.hoarau@exemple.fr', profession: 'infirmier', professionForm: 'masculine', memberships: [{ cptsSlug: 'sud-reunion', role: 'coordinator' }] },
	{ name: 'Dr Sandrine Payet', email: 'sandrine.payet@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'sud-reunion' }] },
	{ name: 'Anli Madi', email: 'anli.madi@exemple.fr', profession: 'infirmier', professionForm: 'masculine', memberships: [{ cptsSlug: 'grand-mamoudzou', role: 'coordinator' }] },
	{ name: 'Dr Lucas Bernard', email: 'lucas.bernard@exemple.fr', profession: 'medecin_generaliste', memberships: [{ cptsSlug: 'centre-littoral-guyane' }] },
	{ name: 'Chloé Fabre', email: 'chloe.fabre@exemple.fr', profession: 'dieteticien', professionForm: 'feminine', memberships: [{ cptsSlug: 'toulouse-rive-gauche' }, { cptsSlug: 'aubrac-margeride' }] },
	{ name: 'Antoine Garnier', email: 'antoine.garnier@exemple.fr', profession: 'ergotherapeute', memberships: [{ cptsSlug: 'nantes-est' }] },
	{ name: 'Élodie Marechal', email: 'elodie.marechal@exemple.fr', profession: 'psychomotricien', professionForm: 'feminine', memberships: [{ cptsSlug: 'roubaix' }] }
];
