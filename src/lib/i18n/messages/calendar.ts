/** Messages of the shared calendar machinery (personal feed, time zones). */
const fr = {
	'calendar.feed.name': 'Réseau CPTS — mon agenda',
	'calendar.page.title': 'Mon agenda',
	'calendar.page.intro':
		'Abonnez votre logiciel d’agenda (Thunderbird, Outlook, Google Agenda, Calendrier d’Apple…) à votre flux personnel : il y retrouve vos sessions DPC, celles que vous animez et vos échanges de pratiques, mis à jour automatiquement.',
	'calendar.page.private':
		'Ce lien est personnel et secret : toute personne qui le connaît voit vos rendez-vous. Nous n’en gardons qu’une empreinte, il ne s’affiche donc qu’une fois. En cas de doute, révoquez-le.',
	'calendar.page.none': 'Vous n’avez pas de lien d’abonnement actif.',
	'calendar.page.active': 'Un lien d’abonnement est actif depuis le {date}.',
	'calendar.page.lastUsed': 'Dernière lecture par votre agenda : {date}.',
	'calendar.page.neverUsed': 'Votre agenda ne l’a pas encore lu.',
	'calendar.page.create': 'Créer mon lien d’abonnement',
	'calendar.page.regenerate': 'Remplacer par un nouveau lien',
	'calendar.page.revoke': 'Révoquer le lien',
	'calendar.page.created': 'Voici votre lien d’abonnement. Copiez-le maintenant dans votre agenda : il ne sera plus affiché.',
	'calendar.page.createdLabel': 'Lien d’abonnement (iCalendar)',
	'calendar.page.webcal': 'Ouvrir dans mon agenda',
	'calendar.page.revoked': 'Le lien est révoqué : votre agenda ne peut plus le lire.',
	'calendar.page.nothingToRevoke': 'Aucun lien actif à révoquer.'
};

const en: Record<keyof typeof fr, string> = {
	'calendar.feed.name': 'Réseau CPTS — my calendar',
	'calendar.page.title': 'My calendar',
	'calendar.page.intro':
		'Subscribe your calendar application (Thunderbird, Outlook, Google Calendar, Apple Calendar…) to your personal feed: it gets your DPC sessions, those you teach and your practice exchanges, updated automatically.',
	'calendar.page.private':
		'This link is personal and secret: anyone who knows it sees your appointments. We only keep a fingerprint of it, so it is shown only once. If in doubt, revoke it.',
	'calendar.page.none': 'You have no active subscription link.',
	'calendar.page.active': 'A subscription link has been active since {date}.',
	'calendar.page.lastUsed': 'Last read by your calendar: {date}.',
	'calendar.page.neverUsed': 'Your calendar has not read it yet.',
	'calendar.page.create': 'Create my subscription link',
	'calendar.page.regenerate': 'Replace with a new link',
	'calendar.page.revoke': 'Revoke the link',
	'calendar.page.created': 'Here is your subscription link. Copy it into your calendar now: it will not be shown again.',
	'calendar.page.createdLabel': 'Subscription link (iCalendar)',
	'calendar.page.webcal': 'Open in my calendar',
	'calendar.page.revoked': 'The link is revoked: your calendar can no longer read it.',
	'calendar.page.nothingToRevoke': 'No active link to revoke.'
};

export default { fr, en };
