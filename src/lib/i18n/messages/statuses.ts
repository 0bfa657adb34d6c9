/**
 * Statuses shown beyond their feature's pages (Mon espace, the steering pages): a draft's
 * status and a CPTS's lateness. Their own small group, so that those pages need not load the
 * whole drafts and plans groups. English is typed against French.
 */
const fr = {
	'drafts.status.en_redaction': 'En rédaction',
	'drafts.status.en_relecture': 'En relecture',
	'drafts.status.soumis_ars': 'Soumis à l’ARS',
	'drafts.status.valide': 'Validé',
	'drafts.status.avenant': 'Avenant',
	'drafts.status.invalid': 'Ce statut n’existe pas.',
	'drafts.status.notAllowed': 'Ce changement de statut n’est pas possible depuis le statut actuel.',
	'plans.late.lettreSansProjet': 'lettre d’intention validée le {since}, pas de projet de santé déposé depuis plus de {months} mois',
	'plans.late.projetNonValide': 'projet de santé déposé le {since}, non validé après {months} mois',
	'plans.late.projetSansAci': 'projet de santé validé le {since}, pas de contrat ACI après {months} mois',
	'plans.late.suiviRapproche': 'accompagnement rapproché sans entrée au journal de suivi depuis plus de {days} jours',
	'plans.late.planEchu': 'échéance dépassée (le {since})'
};

const en: Record<keyof typeof fr, string> = {
	'drafts.status.en_redaction': 'Being written',
	'drafts.status.en_relecture': 'Under review',
	'drafts.status.soumis_ars': 'Submitted to the ARS',
	'drafts.status.valide': 'Approved',
	'drafts.status.avenant': 'Amendment',
	'drafts.status.invalid': 'This status does not exist.',
	'drafts.status.notAllowed': 'This status change is not possible from the current status.',
	'plans.late.lettreSansProjet': 'letter of intent validated on {since}, no health project submitted for more than {months} months',
	'plans.late.projetNonValide': 'health project submitted on {since}, not validated after {months} months',
	'plans.late.projetSansAci': 'health project validated on {since}, no ACI contract after {months} months',
	'plans.late.suiviRapproche': 'close support with no follow-up entry for more than {days} days',
	'plans.late.planEchu': 'target date passed ({since})'
};

export default { fr, en };
