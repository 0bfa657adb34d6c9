/** Messages of the drafts feature. English is typed against French so no key is missing. */
const fr = {
	'drafts.notFound': 'Ce projet de santé n’existe pas.',
	'drafts.title.invalid': 'Donnez un titre de 1 à 200 caractères.',
	'drafts.status.en_redaction': 'En rédaction',
	'drafts.status.en_relecture': 'En relecture',
	'drafts.status.soumis_ars': 'Soumis à l’ARS',
	'drafts.status.valide': 'Validé',
	'drafts.status.avenant': 'Avenant',
	'drafts.reviewers.unknownEmail': 'Aucun compte n’utilise cette adresse e-mail.',
	'drafts.reviewers.alreadyInvited': 'Cette personne est déjà invitée à relire ce projet.',
	'drafts.reviewers.notInvited': 'Cette personne n’est pas invitée à relire ce projet.'
};

const en: Record<keyof typeof fr, string> = {
	'drafts.notFound': 'This health project does not exist.',
	'drafts.title.invalid': 'Give a title of 1 to 200 characters.',
	'drafts.status.en_redaction': 'Being written',
	'drafts.status.en_relecture': 'Under review',
	'drafts.status.soumis_ars': 'Submitted to the ARS',
	'drafts.status.valide': 'Approved',
	'drafts.status.avenant': 'Amendment',
	'drafts.reviewers.unknownEmail': 'No account uses this e-mail address.',
	'drafts.reviewers.alreadyInvited': 'This person is already invited to review this project.',
	'drafts.reviewers.notInvited': 'This person is not invited to review this project.'
};

export default { fr, en };
