/**
 * Messages of the facilitators' tools: announcements to coordinators, and the journal read
 * in words (journal.sentence.<action>: one sentence per audit action; journal.test.ts checks
 * every action written in the code has one). English is typed against French.
 */
const fr = {
	'announcements.title': 'Annonces aux coordinateurs et coordinatrices',
	'announcements.intro':
		'Écrivez à toutes les personnes qui coordonnent une CPTS du réseau, ou à celles d’une région. Chacune la reçoit en notification, et par e-mail si elle n’a pas choisi autrement.',
	'announcements.new': 'Nouvelle annonce',
	'announcements.field.title': 'Titre',
	'announcements.field.body': 'Message',
	'announcements.field.bodyHint': 'Mise en forme Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://…).',
	'announcements.field.region': 'Destinataires',
	'announcements.region.network': 'Tout le réseau',
	'announcements.region.option': 'Région {region}',
	'announcements.preview.none': 'Aucune personne ne coordonne de CPTS ici pour le moment : l’annonce ne partirait à personne.',
	'announcements.preview.one': 'Cette annonce partira à 1 coordinateur ou coordinatrice.',
	'announcements.preview.other': 'Cette annonce partira à {count} coordinateurs et coordinatrices.',
	'announcements.send': 'Envoyer l’annonce',
	'announcements.sent.one': 'Annonce envoyée à 1 personne.',
	'announcements.sent.other': 'Annonce envoyée à {count} personnes.',
	'announcements.noRecipients': 'Aucune personne ne coordonne de CPTS dans cette région : l’annonce n’a pas été envoyée.',
	'announcements.notFound': 'Cette annonce n’existe pas ou ne vous était pas adressée.',
	'announcements.history': 'Annonces envoyées',
	'announcements.history.empty': 'Aucune annonce n’a encore été envoyée.',
	'announcements.history.caption': 'Annonces envoyées, de la plus récente à la plus ancienne',
	'announcements.column.date': 'Date',
	'announcements.column.title': 'Titre',
	'announcements.column.author': 'Envoyée par',
	'announcements.column.audience': 'Destinataires',
	'announcements.column.count': 'Personnes',
	'announcements.audience.network': 'Tout le réseau',
	'announcements.sentBy': 'Envoyée par {author} le {date}',
	'announcements.sentTo.network.one': 'À 1 coordinateur ou coordinatrice du réseau',
	'announcements.sentTo.network.other': 'Aux {count} coordinateurs et coordinatrices du réseau',
	'announcements.sentTo.region.one': 'À 1 coordinateur ou coordinatrice de la région {region}',
	'announcements.sentTo.region.other': 'Aux {count} coordinateurs et coordinatrices de la région {region}',
	'announcements.back': 'Toutes les annonces',
	'announcements.deletedAuthor': 'un compte supprimé'
};

const en: Record<keyof typeof fr, string> = {
	'announcements.title': 'Announcements to coordinators',
	'announcements.intro':
		'Write to everyone who coordinates a CPTS of the network, or to those of one région. Each of them gets it as a notification, and by e-mail unless they chose otherwise.',
	'announcements.new': 'New announcement',
	'announcements.field.title': 'Title',
	'announcements.field.body': 'Message',
	'announcements.field.bodyHint': 'Markdown formatting: **bold**, *italic*, lists with “-”, links [text](https://…).',
	'announcements.field.region': 'Recipients',
	'announcements.region.network': 'The whole network',
	'announcements.region.option': 'Région {region}',
	'announcements.preview.none': 'Nobody coordinates a CPTS here yet: the announcement would reach no one.',
	'announcements.preview.one': 'This announcement will go to 1 coordinator.',
	'announcements.preview.other': 'This announcement will go to {count} coordinators.',
	'announcements.send': 'Send the announcement',
	'announcements.sent.one': 'Announcement sent to 1 person.',
	'announcements.sent.other': 'Announcement sent to {count} people.',
	'announcements.noRecipients': 'Nobody coordinates a CPTS in this région: the announcement was not sent.',
	'announcements.notFound': 'This announcement does not exist or was not addressed to you.',
	'announcements.history': 'Announcements sent',
	'announcements.history.empty': 'No announcement has been sent yet.',
	'announcements.history.caption': 'Announcements sent, newest first',
	'announcements.column.date': 'Date',
	'announcements.column.title': 'Title',
	'announcements.column.author': 'Sent by',
	'announcements.column.audience': 'Recipients',
	'announcements.column.count': 'People',
	'announcements.audience.network': 'The whole network',
	'announcements.sentBy': 'Sent by {author} on {date}',
	'announcements.sentTo.network.one': 'To 1 coordinator of the network',
	'announcements.sentTo.network.other': 'To the {count} coordinators of the network',
	'announcements.sentTo.region.one': 'To 1 coordinator of the région {region}',
	'announcements.sentTo.region.other': 'To the {count} coordinators of the région {region}',
	'announcements.back': 'All announcements',
	'announcements.deletedAuthor': 'a deleted account'
};

export default { fr, en };
