/**
 * The message catalogue: French first, English complete. Each feature keeps its messages
 * in messages/<feature>.ts ({ fr, en }, English typed against French so no key is missing).
 * Chosen over Paraglide 2 (≈575 MB of compiler, a CDN plugin by default, slower builds) for
 * a catalogue of this size: see the issue note.
 *
 * This entry point is the server's (translate with the whole catalogue): browser code takes
 * types from here (`import type`), formatting from './locale', and `t` from useT() (context.ts),
 * which knows only the groups its route loaded. A value import of this module from browser
 * code fails the build (catalogue.server.ts is server-only).
 */
export type { Catalogues, Locale, MessageGroup, MessageKey, MessageParams, Messages, Translate } from './keys';
export { LOCALES, fillTemplate, formatDateTime, formatNumber, pickLocale, storedLocale } from './locale';
export { isMessageKey, templatesOf, translate, translator } from './catalogue.server';
