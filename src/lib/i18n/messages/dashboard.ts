/** Messages of the dashboard feature. English is typed against French so no key is missing. */
const fr = {
	'dashboard.pageTitle': 'Le réseau des CPTS en chiffres',
	'dashboard.title': 'Le réseau des CPTS',
	'dashboard.intro':
		'Une communauté professionnelle territoriale de santé (CPTS) réunit les professionnels de santé d’un territoire — médecins, infirmiers, pharmaciens, masseurs-kinésithérapeutes, sages-femmes, orthophonistes et bien d’autres — avec les hôpitaux, les acteurs médico-sociaux et sociaux, autour d’un projet de santé validé par l’agence régionale de santé (ARS) : un médecin traitant pour chacun, des soins non programmés, des parcours coordonnés, la prévention.',
	'dashboard.introNetwork':
		'Cette plateforme est la tête de réseau des CPTS : elle relie les équipes, partage ressources et bonnes pratiques, anime les échanges de pratiques, accompagne l’écriture collective des projets de santé et propose des formations DPC interprofessionnelles.',
	'dashboard.demoNotice':
		'Réseau de démonstration : les chiffres de cette page sont calculés à partir des CPTS fictives ou inspirées du rapport de l’IGAS (2018) chargées pour la démonstration. Les références nationales sont indiquées à part, avec leur source.',
	'dashboard.liveNotice':
		'Les chiffres de cette page sont calculés à partir des CPTS inscrites sur la plateforme ; ils ne sont pas une statistique officielle. Les références nationales sont indiquées à part, avec leur source.',
	'dashboard.figuresTitle': 'Chiffres clés',
	'dashboard.platformBadge': 'Plateforme',
	'dashboard.kpi.cpts': 'CPTS inscrites sur la plateforme',
	'dashboard.kpi.cptsLink': 'Parcourir l’annuaire',
	'dashboard.kpi.professionals': 'professionnels de santé sur leurs territoires',
	'dashboard.kpi.operation': 'de la population couverte par une CPTS en fonctionnement',
	'dashboard.kpi.formalised': 'de la population couverte par une CPTS ou un projet formalisé',
	'dashboard.kpi.coveredOf': '{covered} habitants sur {total}',
	'dashboard.kpi.reference': 'fin août 2023 : {share}',
	'dashboard.kpi.operationLink': 'Voir les CPTS en fonctionnement',
	'dashboard.stagesTitle': 'Les CPTS par étape du projet',
	'dashboard.stagesIntro':
		'Un projet de CPTS naît d’une initiative de quelques professionnels, s’appuie sur un diagnostic territorial, fait valider une lettre d’intention par l’ARS, écrit collectivement son projet de santé puis signe l’accord conventionnel interprofessionnel (ACI) qui finance son fonctionnement.',
	'dashboard.stagesChart': 'Nombre de CPTS par étape',
	'dashboard.stagesDesc': 'Diagramme en barres horizontales, une barre par étape. Les valeurs figurent dans le tableau qui suit.',
	'dashboard.stagesCaption': 'Nombre de CPTS par étape du projet',
	'dashboard.regionsTitle': 'Les CPTS par région',
	'dashboard.regionsIntro':
		'Chaque barre rassemble les CPTS d’une région, de l’initiative (teinte claire) à l’ACI signé (teinte foncée). Dans le tableau des données, le nom d’une région mène à ses CPTS dans l’annuaire.',
	'dashboard.regionsChart': 'Nombre de CPTS par région et par étape',
	'dashboard.regionsDesc':
		'Diagramme en barres horizontales empilées, une barre par région, découpée par étape. Les valeurs figurent dans le tableau des données.',
	'dashboard.regionsCaption': 'Nombre de CPTS par région et par étape du projet',
	'dashboard.regionsTable': 'Tableau des données : CPTS par région et par étape',
	'dashboard.coverageTitle': 'La population couverte',
	'dashboard.coverageIntro':
		'Part de la population de chaque région vivant sur le territoire d’une CPTS en fonctionnement (ACI signé), puis d’une CPTS ou d’un projet formalisé (lettre d’intention validée, projet de santé validé ou ACI signé). L’objectif national est de couvrir 100 % de la population.',
	'dashboard.coverageChart': 'Part de la population couverte, par région',
	'dashboard.coverageDesc':
		'Diagramme en barres horizontales, deux barres par région : CPTS en fonctionnement, puis projet formalisé. La première ligne porte sur la France entière. Les valeurs figurent dans le tableau des données.',
	'dashboard.coverageCaption': 'Population couverte par région (source des populations : {source})',
	'dashboard.coverageTable': 'Tableau des données : population couverte par région',
	'dashboard.series.operation': 'CPTS en fonctionnement (ACI signé)',
	'dashboard.series.formalised': 'CPTS ou projet formalisé',
	'dashboard.series.count': 'Nombre de CPTS',
	'dashboard.legend': 'Légende',
	'dashboard.col.stage': 'Étape',
	'dashboard.col.region': 'Région',
	'dashboard.col.count': 'Nombre de CPTS',
	'dashboard.col.share': 'Part des CPTS',
	'dashboard.col.total': 'Total',
	'dashboard.col.population': 'Population',
	'dashboard.col.operationPopulation': 'Population couverte, en fonctionnement',
	'dashboard.col.operationShare': 'Part, en fonctionnement',
	'dashboard.col.formalisedPopulation': 'Population couverte, projet formalisé',
	'dashboard.col.formalisedShare': 'Part, projet formalisé',
	'dashboard.national': 'France entière',
	'dashboard.overseas': 'outre-mer',
	'dashboard.regionLink': 'CPTS de la région {region}',
	'dashboard.methodTitle': 'Méthode et sources',
	'dashboard.method.population': 'Population des régions : {source}.',
	'dashboard.method.share':
		'Part couverte d’une région : population de ses communes (arrondissements à Paris, Lyon et Marseille) situées sur le territoire d’une CPTS, divisée par la population de la région ; une commune sur deux territoires n’est comptée qu’une fois, sous l’étape la plus avancée. Populations du Code officiel géographique de l’Insee. France entière : même calcul sur toutes les communes.',
	'dashboard.method.stages':
		'En fonctionnement : contrat ACI signé. Projet formalisé : lettre d’intention validée, projet de santé déposé ou validé, ou CPTS en fonctionnement, comme dans l’instruction de 2023. Une initiative sans lettre d’intention validée ne couvre personne.'
};

const en: Record<keyof typeof fr, string> = {
	'dashboard.pageTitle': 'The CPTS network in figures',
	'dashboard.title': 'The CPTS network',
	'dashboard.intro':
		'A territorial health professional community (CPTS) brings together the health professionals of a territory — GPs, nurses, pharmacists, physiotherapists, midwives, speech therapists and many others — with hospitals and medico-social and social actors, around a health project validated by the regional health agency (ARS): a regular doctor for everyone, unscheduled care, coordinated patient pathways, prevention.',
	'dashboard.introNetwork':
		'This platform is the head of the CPTS network: it connects teams, shares resources and good practices, runs practice exchanges, supports the collective writing of health projects and offers interprofessional DPC training.',
	'dashboard.demoNotice':
		'Demo network: the figures on this page come from the fictitious CPTS, or CPTS inspired by the 2018 IGAS report, loaded for the demonstration. National reference figures are shown separately, with their source.',
	'dashboard.liveNotice':
		'The figures on this page come from the CPTS registered on the platform; they are not official statistics. National reference figures are shown separately, with their source.',
	'dashboard.figuresTitle': 'Key figures',
	'dashboard.platformBadge': 'Platform',
	'dashboard.kpi.cpts': 'CPTS registered on the platform',
	'dashboard.kpi.cptsLink': 'Browse the directory',
	'dashboard.kpi.professionals': 'health professionals in their territories',
	'dashboard.kpi.operation': 'of the population covered by a CPTS in operation',
	'dashboard.kpi.formalised': 'of the population covered by a CPTS or a formalised project',
	'dashboard.kpi.coveredOf': '{covered} inhabitants out of {total}',
	'dashboard.kpi.reference': 'end of August 2023: {share}',
	'dashboard.kpi.operationLink': 'See the CPTS in operation',
	'dashboard.stagesTitle': 'CPTS by project stage',
	'dashboard.stagesIntro':
		'A CPTS project starts with a few professionals, builds on a territorial diagnosis, has a letter of intent validated by the ARS, writes its health project collectively, then signs the national interprofessional agreement (ACI) that funds its operation.',
	'dashboard.stagesChart': 'Number of CPTS by stage',
	'dashboard.stagesDesc': 'Horizontal bar chart, one bar per stage. The values are in the table that follows.',
	'dashboard.stagesCaption': 'Number of CPTS by project stage',
	'dashboard.regionsTitle': 'CPTS by region',
	'dashboard.regionsIntro':
		'Each bar gathers the CPTS of a region, from initiative (light shade) to ACI signed (dark shade). In the data table, a region’s name leads to its CPTS in the directory.',
	'dashboard.regionsChart': 'Number of CPTS by region and stage',
	'dashboard.regionsDesc':
		'Stacked horizontal bar chart, one bar per region, split by stage. The values are in the data table.',
	'dashboard.regionsCaption': 'Number of CPTS by region and project stage',
	'dashboard.regionsTable': 'Data table: CPTS by region and stage',
	'dashboard.coverageTitle': 'Population covered',
	'dashboard.coverageIntro':
		'Share of each region’s population living in the territory of a CPTS in operation (ACI signed), then of a CPTS or formalised project (letter of intent validated, health project validated or ACI signed). The national goal is to cover 100% of the population.',
	'dashboard.coverageChart': 'Share of the population covered, by region',
	'dashboard.coverageDesc':
		'Horizontal bar chart, two bars per region: CPTS in operation, then formalised project. The first line is for France as a whole. The values are in the data table.',
	'dashboard.coverageCaption': 'Population covered by region (population source: {source})',
	'dashboard.coverageTable': 'Data table: population covered by region',
	'dashboard.series.operation': 'CPTS in operation (ACI signed)',
	'dashboard.series.formalised': 'CPTS or formalised project',
	'dashboard.series.count': 'Number of CPTS',
	'dashboard.legend': 'Legend',
	'dashboard.col.stage': 'Stage',
	'dashboard.col.region': 'Region',
	'dashboard.col.count': 'Number of CPTS',
	'dashboard.col.share': 'Share of CPTS',
	'dashboard.col.total': 'Total',
	'dashboard.col.population': 'Population',
	'dashboard.col.operationPopulation': 'Population covered, in operation',
	'dashboard.col.operationShare': 'Share, in operation',
	'dashboard.col.formalisedPopulation': 'Population covered, formalised project',
	'dashboard.col.formalisedShare': 'Share, formalised project',
	'dashboard.national': 'France as a whole',
	'dashboard.overseas': 'overseas',
	'dashboard.regionLink': 'CPTS of the {region} region',
	'dashboard.methodTitle': 'Method and sources',
	'dashboard.method.population': 'Region populations: {source}.',
	'dashboard.method.share':
		'Share covered in a region: population of its communes (arrondissements in Paris, Lyon and Marseille) in the territory of a CPTS, divided by the region’s population; a commune in two territories counts once, under the most advanced stage. Populations from Insee’s official geographic code. France as a whole: the same over every commune.',
	'dashboard.method.stages':
		'In operation: ACI contract signed. Formalised project: letter of intent validated, health project submitted or validated, or CPTS in operation, as in the 2023 instruction. An initiative without a validated letter of intent covers nobody.'
};

export default { fr, en };
