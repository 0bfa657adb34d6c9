/** Messages of the plans feature. English is typed against French so no key is missing. */
const fr = {
	'plans.placeholder': ''
};

const en: Record<keyof typeof fr, string> = {
	'plans.placeholder': ''
};

export default { fr, en };
