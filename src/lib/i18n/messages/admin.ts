/** Messages of the admin feature. English is typed against French so no key is missing. */
const fr = {};

const en: Record<keyof typeof fr, string> = {};

export default { fr, en };
