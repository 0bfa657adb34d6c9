/** Messages of the territories feature. English is typed against French so no key is missing. */
const fr = {
	'territories.placeholder': ''
};

const en: Record<keyof typeof fr, string> = {
	'territories.placeholder': ''
};

export default { fr, en };
