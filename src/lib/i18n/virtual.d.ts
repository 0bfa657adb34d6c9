/** The modules of vite-plugin.ts. */
declare module 'virtual:i18n-messages' {
	import type { Locale, MessageGroup, Messages } from '$lib/i18n/keys';
	export const loaders: Record<MessageGroup, Record<Locale, () => Promise<{ default: Messages }>>>;
}
