/** Messages shared by every e-mail. Each feature keeps its own e-mail texts in its catalogue. */
const fr = {
	'mail.signature': 'Réseau CPTS, la tête de réseau des CPTS. Vous recevez ce message parce qu’un compte utilise cette adresse.'
};

const en: Record<keyof typeof fr, string> = {
	'mail.signature': 'Réseau CPTS, the head of the CPTS network. You receive this message because an account uses this address.'
};

export default { fr, en };
