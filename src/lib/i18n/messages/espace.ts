/**
 * Messages of Mon espace, the signed-in home. Counted phrases come as `.one` / `.other`
 * pairs, chosen by Intl.PluralRules (never "(s)").
 */
const fr = {
	'espace.title': 'Mon espace',
	'espace.greeting': 'Bonjour {name}. Voici ce qui vous concerne sur le réseau aujourd’hui.',
	'espace.statsLink': 'Statistiques du réseau',
	'espace.steeringLink': 'Pilotage du réseau',

	'espace.awaits.title': 'Ce qui vous attend',
	'espace.awaits.empty': 'Rien ne vous attend pour l’instant : pas de relecture, pas d’émargement ni de demande d’adhésion en suspens.',
	'espace.awaits.requests': '{count, plural, one {# demande} other {# demandes}} d’adhésion à examiner pour {cpts}',
	'espace.awaits.libraryTitle': 'Ressources proposées à relire',
	'espace.awaits.libraryBy': 'proposée par {name}',
	'espace.awaits.libraryAll': '{count, plural, one {La file de relecture (# ressource)} other {Toute la file de relecture (# ressources)}}',
	'espace.awaits.draftsTitle': 'Projets de santé en relecture',
	'espace.awaits.dialogue': 'Dialogue de gestion à tenir avec la CPAM et l’ARS pour {cpts} : aucun depuis plus de douze mois',
	'espace.awaits.trainerTitle': 'Mes sessions de formation',
	'espace.awaits.registered': '{count, plural, one {# inscrit} other {# inscrits}}',
	'espace.awaits.waitlisted': '{count} en liste d’attente',
	'espace.awaits.marks': 'Émargement à compléter ({count, plural, one {# présence} other {# présences}} à noter)',
	'espace.awaits.trainerSpace': 'Mon espace formateur',

	'espace.cpts.title': 'Mes CPTS',
	'espace.cpts.tie.coordinator': 'Vous la coordonnez',
	'espace.cpts.tie.member': 'Membre',
	'espace.cpts.tie.pending': 'Demande d’adhésion en attente de réponse',
	'espace.cpts.tie.facilitator': 'Vous l’accompagnez',
	'espace.cpts.tie.partner': 'En émergence sur votre territoire',
	'espace.cpts.stage': 'Étape : {stage}',
	'espace.cpts.stageSince': 'Étape : {stage}, depuis le {date}',
	'espace.cpts.late': 'En retard : {what}',
	'espace.cpts.empty': 'Vous n’êtes membre d’aucune CPTS. Trouvez celle de votre territoire dans l’annuaire et demandez à la rejoindre.',
	'espace.cpts.directory': 'Ouvrir l’annuaire des CPTS',
	'espace.cpts.all': 'Toutes mes CPTS et mes demandes',
	// The next step of the life cycle of a CPTS project (DOMAIN.md; IGAS 2018, ACI CPTS 2019).
	'espace.next.initiative': 'Prochaine étape : poser le diagnostic du territoire et faire valider la lettre d’intention par l’ARS.',
	'espace.next.lettre_intention': 'Prochaine étape : écrire à plusieurs le projet de santé et le déposer à l’ARS.',
	'espace.next.projet_depose': 'Prochaine étape : la validation du projet de santé par l’ARS.',
	'espace.next.projet_valide': 'Prochaine étape : signer le contrat ACI, tripartite, avec la CPAM et l’ARS.',
	'espace.next.aci_signe': 'Prochaine étape : déployer les missions du contrat pour entrer en fonctionnement.',
	'espace.next.en_fonctionnement':
		'En fonctionnement : suivre les indicateurs des missions et préparer le dialogue de gestion avec l’Assurance maladie, à chaque anniversaire du contrat.',

	'espace.drafts.title': 'Mes projets de santé',
	'espace.drafts.unread': '{count, plural, one {# commentaire non lu} other {# commentaires non lus}}',
	'espace.drafts.allRead': 'Commentaires lus',
	'espace.drafts.all': 'Voir {count, plural, one {mon projet} other {mes # projets}}',
	'espace.drafts.empty': 'Aucun projet de santé dans vos CPTS pour l’instant. Un projet s’écrit à plusieurs, à partir du modèle ou d’un profil-type de la bibliothèque.',
	'espace.drafts.emptyNoCpts': 'Les projets de santé s’écrivent entre membres d’une CPTS : rejoignez la vôtre pour y participer.',
	'espace.drafts.start': 'Ouvrir les projets de santé',

	'espace.agenda.title': 'Mon agenda',
	'espace.agenda.waitlisted': 'liste d’attente',
	'espace.agenda.exchange': 'Échange de pratiques',
	'espace.agenda.empty': 'Rien à votre agenda. Inscrivez-vous à une formation DPC ou à un échange de pratiques des forums : vos rendez-vous s’afficheront ici.',
	'espace.agenda.catalogue': 'Formations DPC à venir',
	'espace.agenda.subscribe': 'Abonner mon logiciel d’agenda',
	'espace.agenda.training': 'Mes formations',

	'espace.forum.title': 'Sujets suivis non lus',
	'espace.forum.unread': '{count, plural, one {# nouveau message} other {# nouveaux messages}}',
	'espace.forum.last': 'dans {category}, dernier message de {name} le {date}',
	'espace.forum.lastAnonymous': 'dans {category}, dernier message le {date}',
	'espace.forum.more': 'et {count, plural, one {# autre sujet} other {# autres sujets}}',
	'espace.forum.empty':
		'Vous êtes à jour : aucun message non lu dans les sujets que vous suivez. Les sujets que vous lancez ou suivez (bouton « Suivre » d’un sujet) s’afficheront ici.',
	'espace.forum.open': 'Aller aux forums'
};

const en: Record<keyof typeof fr, string> = {
	'espace.title': 'My space',
	'espace.greeting': 'Hello {name}. Here is what concerns you on the network today.',
	'espace.statsLink': 'Network statistics',
	'espace.steeringLink': 'Network steering',

	'espace.awaits.title': 'Waiting for you',
	'espace.awaits.empty': 'Nothing is waiting for you right now: no review, attendance sheet or membership request pending.',
	'espace.awaits.requests': '{count, plural, one {# membership request} other {# membership requests}} to answer for {cpts}',
	'espace.awaits.libraryTitle': 'Resources submitted for review',
	'espace.awaits.libraryBy': 'submitted by {name}',
	'espace.awaits.libraryAll': '{count, plural, one {The review queue (# resource)} other {The whole review queue (# resources)}}',
	'espace.awaits.draftsTitle': 'Health projects under review',
	'espace.awaits.dialogue': 'Management review (dialogue de gestion) due with the CPAM and the ARS for {cpts}: none in over twelve months',
	'espace.awaits.trainerTitle': 'My training sessions',
	'espace.awaits.registered': '{count} registered',
	'espace.awaits.waitlisted': '{count} on the waiting list',
	'espace.awaits.marks': 'Attendance to complete ({count, plural, one {# mark} other {# marks}} missing)',
	'espace.awaits.trainerSpace': 'My trainer space',

	'espace.cpts.title': 'My CPTS',
	'espace.cpts.tie.coordinator': 'You coordinate it',
	'espace.cpts.tie.member': 'Member',
	'espace.cpts.tie.pending': 'Membership request awaiting an answer',
	'espace.cpts.tie.facilitator': 'You accompany it',
	'espace.cpts.tie.partner': 'Emerging in your territory',
	'espace.cpts.stage': 'Stage: {stage}',
	'espace.cpts.stageSince': 'Stage: {stage}, since {date}',
	'espace.cpts.late': 'Late: {what}',
	'espace.cpts.empty': 'You are not a member of any CPTS. Find the one of your territory in the directory and ask to join it.',
	'espace.cpts.directory': 'Open the CPTS directory',
	'espace.cpts.all': 'All my CPTS and requests',
	'espace.next.initiative': 'Next step: make the territorial diagnosis and have the letter of intent validated by the ARS.',
	'espace.next.lettre_intention': 'Next step: write the health project together and submit it to the ARS.',
	'espace.next.projet_depose': 'Next step: the ARS validates the health project.',
	'espace.next.projet_valide': 'Next step: sign the tripartite ACI contract with the CPAM and the ARS.',
	'espace.next.aci_signe': 'Next step: deploy the contract’s missions to start operating.',
	'espace.next.en_fonctionnement':
		'In operation: follow the missions’ indicators and prepare the management review with the Assurance maladie at each anniversary of the contract.',

	'espace.drafts.title': 'My health projects',
	'espace.drafts.unread': '{count, plural, one {# unread comment} other {# unread comments}}',
	'espace.drafts.allRead': 'Comments read',
	'espace.drafts.all': 'See my {count, plural, one {project} other {# projects}}',
	'espace.drafts.empty': 'No health project in your CPTS yet. A project is written together, from the template or from a library profil-type.',
	'espace.drafts.emptyNoCpts': 'Health projects are written by the members of a CPTS: join yours to take part.',
	'espace.drafts.start': 'Open the health projects',

	'espace.agenda.title': 'My calendar',
	'espace.agenda.waitlisted': 'waiting list',
	'espace.agenda.exchange': 'Practice exchange',
	'espace.agenda.empty': 'Nothing in your calendar. Register for a DPC training or a forum practice exchange: your appointments will show here.',
	'espace.agenda.catalogue': 'Upcoming DPC trainings',
	'espace.agenda.subscribe': 'Subscribe my calendar application',
	'espace.agenda.training': 'My trainings',

	'espace.forum.title': 'Followed topics with unread posts',
	'espace.forum.unread': '{count, plural, one {# new post} other {# new posts}}',
	'espace.forum.last': 'in {category}, last post by {name} on {date}',
	'espace.forum.lastAnonymous': 'in {category}, last post on {date}',
	'espace.forum.more': 'and {count, plural, one {# other topic} other {# other topics}}',
	'espace.forum.empty':
		'You are up to date: no unread post in the topics you follow. Topics you start or follow (a topic’s “Follow” button) will show here.',
	'espace.forum.open': 'Go to the forums'
};

export default { fr, en };
