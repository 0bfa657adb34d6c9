/** Messages of the steering feature. English is typed against French so no key is missing. */
const fr = {
	'steering.placeholder': ''
};

const en: Record<keyof typeof fr, string> = {
	'steering.placeholder': ''
};

export default { fr, en };
