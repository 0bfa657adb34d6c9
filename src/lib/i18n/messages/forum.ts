/** Messages of the practice-exchange forums. English is typed against French so no key is missing. */
const fr = {
	'forum.title': 'Forums d’échanges de pratiques',
	'forum.intro':
		'Posez vos questions aux autres CPTS, partagez vos retours d’expérience et retrouvez les échanges de pratiques animés par le réseau.',
	'forum.categoryNotFound': 'Cette catégorie n’existe pas ou n’est pas accessible.',
	'forum.threadNotFound': 'Ce sujet n’existe pas ou n’est pas accessible.',
	'forum.postNotFound': 'Ce message n’existe pas ou n’est pas accessible.',
	'forum.cannotManageCategories': 'Seuls les animateurs et animatrices gèrent les catégories.',
	'forum.signInToPost': 'Connectez-vous pour participer.',
	'forum.cannotPost': 'Vous ne pouvez pas écrire dans cet espace.',
	'forum.cannotEdit': 'Vous ne pouvez pas modifier ce message.',
	'forum.cannotAccept': 'Seul l’auteur du sujet ou un animateur peut choisir la réponse acceptée.',
	'forum.cannotModerate': 'Vous ne pouvez pas modérer cet espace.',
	'forum.accept.notTheQuestion': 'La question elle-même ne peut pas être la réponse acceptée.',
	'forum.react.ownPost': 'Vous ne pouvez pas réagir à votre propre message.',
	'forum.thread.lockedRefusal': 'Ce sujet est verrouillé : il n’accepte plus de réponses. Votre texte est conservé ci-dessous.',
	'forum.form.bodyRequired': 'Le message est vide : écrivez quelques mots avant d’envoyer.',
	'forum.form.bodyTooLong': 'Le message dépasse 50 000 caractères : raccourcissez-le ou partagez le document dans la bibliothèque.',
	'forum.form.flagReason': 'Choisissez la raison du signalement.',
	'forum.rate.threads':
		'Nouveau compte : vous avez déjà ouvert {limit} sujets aujourd’hui. Vérifiez votre adresse e-mail ou faites valider votre adhésion à une CPTS pour lever cette limite.',
	'forum.rate.replies':
		'Nouveau compte : vous avez déjà écrit {limit} réponses cette heure-ci. Vérifiez votre adresse e-mail ou faites valider votre adhésion à une CPTS pour lever cette limite ; vous pouvez toujours répondre dans vos propres sujets.',
	'forum.notify.watched.title': 'Nouvelle réponse à « {topic} »',
	'forum.notify.watched.body': '{name} a répondu dans un sujet que vous suivez.'
};

const en: Record<keyof typeof fr, string> = {
	'forum.title': 'Practice-exchange forums',
	'forum.intro': 'Ask other CPTS your questions, share experience reports and find the practice exchanges hosted by the network.',
	'forum.categoryNotFound': 'This category does not exist or is not accessible.',
	'forum.threadNotFound': 'This topic does not exist or is not accessible.',
	'forum.postNotFound': 'This post does not exist or is not accessible.',
	'forum.cannotManageCategories': 'Only facilitators manage categories.',
	'forum.signInToPost': 'Sign in to take part.',
	'forum.cannotPost': 'You cannot write in this space.',
	'forum.cannotEdit': 'You cannot edit this post.',
	'forum.cannotAccept': 'Only the topic’s author or a facilitator can choose the accepted answer.',
	'forum.cannotModerate': 'You cannot moderate this space.',
	'forum.accept.notTheQuestion': 'The question itself cannot be the accepted answer.',
	'forum.react.ownPost': 'You cannot react to your own post.',
	'forum.thread.lockedRefusal': 'This topic is locked: it no longer accepts replies. Your text is kept below.',
	'forum.form.bodyRequired': 'The message is empty: write a few words before sending.',
	'forum.form.bodyTooLong': 'The message is longer than 50,000 characters: shorten it or share the document in the library.',
	'forum.form.flagReason': 'Choose why you are flagging this post.',
	'forum.rate.threads':
		'New account: you have already opened {limit} topics today. Verify your e-mail address or have a CPTS approve your membership to lift this limit.',
	'forum.rate.replies':
		'New account: you have already written {limit} replies this hour. Verify your e-mail address or have a CPTS approve your membership to lift this limit; you can always reply in your own topics.',
	'forum.notify.watched.title': 'New reply to “{topic}”',
	'forum.notify.watched.body': '{name} replied in a topic you follow.'
};

export default { fr, en };
