/**
 * Vite plugin: the browser loads the catalogue one locale and one group at a time.
 *
 * messages/<group>.ts keeps French and English side by side ({ fr, en }: English typed
 * against French, one file to edit per feature). A module holding both cannot be split by the
 * bundler, so this plugin serves each locale of each group as its own module,
 * `virtual:i18n-messages/<group>/<locale>`, a JSON object evaluated from the source file at
 * build time (its own chunk, cached by the browser like any immutable asset). The module
 * `virtual:i18n-messages` maps every group and locale to its dynamic import. Used by
 * messages-loader.ts only; the server's translate imports the files themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

const INDEX_ID = 'virtual:i18n-messages';
const LOCALE_ID = /^virtual:i18n-messages\/([a-z][a-zA-Z0-9_-]*)\/([a-z]{2})$/;
const LOCALES = ['fr', 'en'];

type Catalogue = Record<string, Record<string, string>>;

/** The group names: the files of the folder (tests excepted). */
function groupsIn(folder: string): string[] {
	return readdirSync(folder)
		.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
		.map((name) => name.slice(0, -3))
		.sort();
}

/**
 * Evaluates a messages file (plain data, no imports) and returns its { fr, en }. Checked here
 * so that a malformed file fails the build with its name rather than a page at run time.
 */
async function evaluate(file: string): Promise<Catalogue> {
	const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file);
	const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default?: Catalogue };
	const catalogue = module.default;
	for (const locale of LOCALES) {
		const messages = catalogue?.[locale];
		if (!messages || typeof messages !== 'object' || Object.values(messages).some((value) => typeof value !== 'string')) {
			throw new Error(`${file} : l’export par défaut doit être { fr, en } de textes (locale ${locale})`);
		}
	}
	return catalogue!;
}

export function i18nMessages(options: { folder: string }): Plugin {
	const folder = path.resolve(options.folder);
	return {
		name: 'i18n-messages',
		resolveId(id) {
			if (id === INDEX_ID || LOCALE_ID.test(id)) return `\0${id}`;
		},
		async load(id) {
			if (!id.startsWith('\0virtual:i18n-messages')) return;
			const virtualId = id.slice(1);
			if (virtualId === INDEX_ID) {
				// A new or removed file changes the list.
				this.addWatchFile(folder);
				const entries = groupsIn(folder).map(
					(group) => `\t${JSON.stringify(group)}: {\n${LOCALES.map((locale) => `\t\t${locale}: () => import(${JSON.stringify(`${INDEX_ID}/${group}/${locale}`)})`).join(',\n')}\n\t}`
				);
				return `export const loaders = {\n${entries.join(',\n')}\n};\n`;
			}
			const [, group, locale] = LOCALE_ID.exec(virtualId) ?? [];
			const file = path.join(folder, `${group}.ts`);
			if (!LOCALES.includes(locale) || !groupsIn(folder).includes(group)) this.error(`Groupe de messages inconnu : ${group}/${locale}`);
			this.addWatchFile(file);
			const messages = (await evaluate(file))[locale];
			// JSON.parse of a string literal is parsed faster than the same object literal.
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(messages))});\n`;
		}
	};
}
