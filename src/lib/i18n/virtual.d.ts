/** The modules of vite-plugin.ts. */
declare module 'virtual:i18n-messages' {
	import type { Locale, MessageGroup, Messages } from '$lib/i18n/keys';
	export const loaders: Record<MessageGroup, Record<Locale, () => Promise<{ default: Messages }>>>;
	/** In the server's build, each group's file in each locale, from the site's root (`_app/immutable/assets/…`); empty in the browser and in development. */
	export const files: Partial<Record<MessageGroup, Record<Locale, string>>>;
}
