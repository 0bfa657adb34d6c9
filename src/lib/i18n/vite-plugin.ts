/**
 * Vite plugin: the browser loads the catalogue one locale and one group at a time.
 *
 * messages/<group>.ts keeps French and English side by side ({ fr, en }: English typed
 * against French, one file to edit per feature). A module holding both cannot be split by the
 * bundler, so this plugin serves each locale of each group as its own module, a JSON object
 * evaluated from the source file: `virtual:i18n-messages/<group>/<locale>` on the server and
 * in development; in the browser build, an immutable file named by a digest of its text
 * (`_app/immutable/assets/messages-<group>.<locale>.<digest>.js`). The module
 * `virtual:i18n-messages` maps every group and locale to its dynamic import (`loaders`).
 *
 * The server build derives the same file names from the same text (`files`, on the server
 * only), so a server-rendered page names its messages in `<link rel="modulepreload">` and
 * the browser fetches them beside the page's other modules instead of after them (see
 * routes/+layout.svelte). Used by messages-loader.ts only; the server's translate imports
 * the files themselves.
 */
import { createHash } from 'node:crypto';
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

/**
 * The text of one locale of one group, as a module: JSON.parse of a string is parsed faster
 * than the same object literal, and a template string need not escape the JSON's quotes.
 */
export function moduleSource(messages: Record<string, string>): string {
	const json = JSON.stringify(messages).replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
	return `export default JSON.parse(\`${json}\`);\n`;
}

export function i18nMessages(options: { folder: string; appDir?: string }): Plugin {
	const folder = path.resolve(options.folder);
	const assetsDir = `${options.appDir ?? '_app'}/immutable/assets`;
	let building = false;
	return {
		name: 'i18n-messages',
		configResolved(config) {
			building = config.command === 'build';
		},
		resolveId(id) {
			if (id === INDEX_ID || LOCALE_ID.test(id)) return `\0${id}`;
		},
		async load(id, loadOptions) {
			if (!id.startsWith('\0virtual:i18n-messages')) return;
			const virtualId = id.slice(1);
			if (virtualId === INDEX_ID) {
				const loaders: string[] = [];
				const files: string[] = [];
				for (const group of groupsIn(folder)) {
					// In a build the file names depend on the texts; in development only on the groups
					// (a new file of messages/ needs a restart of the dev server).
					const file = path.join(folder, `${group}.ts`);
					if (building) this.addWatchFile(file);
					const catalogue = building ? await evaluate(file) : null;
					const groupLoaders: string[] = [];
					const groupFiles: string[] = [];
					for (const locale of LOCALES) {
						let importer = `import(${JSON.stringify(`${INDEX_ID}/${group}/${locale}`)})`;
						if (catalogue) {
							const source = moduleSource(catalogue[locale]);
							const digest = createHash('sha256').update(source).digest('base64url').slice(0, 10);
							const fileName = `${assetsDir}/messages-${group}.${locale}.${digest}.js`;
							if (loadOptions?.ssr) {
								// Only the server names the files (the browser imports them by URL): fewer bytes for the browser.
								groupFiles.push(`${locale}: ${JSON.stringify(fileName)}`);
							} else {
								const reference = this.emitFile({ type: 'asset', fileName, source });
								importer = `import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${reference})`;
							}
						}
						groupLoaders.push(`${locale}: () => ${importer}`);
					}
					loaders.push(`\t${JSON.stringify(group)}: { ${groupLoaders.join(', ')} }`);
					if (groupFiles.length > 0) files.push(`\t${JSON.stringify(group)}: { ${groupFiles.join(', ')} }`);
				}
				return `export const loaders = {\n${loaders.join(',\n')}\n};\nexport const files = {\n${files.join(',\n')}\n};\n`;
			}
			const [, group, locale] = LOCALE_ID.exec(virtualId) ?? [];
			const file = path.join(folder, `${group}.ts`);
			if (!LOCALES.includes(locale) || !groupsIn(folder).includes(group)) this.error(`Groupe de messages inconnu : ${group}/${locale}`);
			this.addWatchFile(file);
			return moduleSource((await evaluate(file))[locale]);
		}
	};
}
