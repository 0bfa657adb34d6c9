/**
 * The catalogue's types, for code on both sides: a message group is one file of messages/
 * ({ fr, en }, English typed against French so no key is missing), a key is any key of
 * any group. Type-only imports: nothing here reaches a bundle.
 */
import type { Locale } from './locale';
import type aci from './messages/aci';
import type admin from './messages/admin';
import type auth from './messages/auth';
import type calendar from './messages/calendar';
import type common from './messages/common';
import type cpts from './messages/cpts';
import type dashboard from './messages/dashboard';
import type dpc from './messages/dpc';
import type espace from './messages/espace';
import type drafts from './messages/drafts';
import type facilitator from './messages/facilitator';
import type forum from './messages/forum';
import type forumParts from './messages/forumParts';
import type library from './messages/library';
import type mail from './messages/mail';
import type map from './messages/map';
import type notifications from './messages/notifications';
import type obligation from './messages/obligation';
import type plans from './messages/plans';
import type privacy from './messages/privacy';
import type statuses from './messages/statuses';
import type steering from './messages/steering';
import type territories from './messages/territories';

/** Every group of messages/, by file name (catalogue.server.ts holds one value per group). */
export interface Catalogues {
	common: typeof common;
	auth: typeof auth;
	cpts: typeof cpts;
	dashboard: typeof dashboard;
	notifications: typeof notifications;
	admin: typeof admin;
	mail: typeof mail;
	drafts: typeof drafts;
	library: typeof library;
	forum: typeof forum;
	forumParts: typeof forumParts;
	calendar: typeof calendar;
	dpc: typeof dpc;
	map: typeof map;
	territories: typeof territories;
	steering: typeof steering;
	plans: typeof plans;
	aci: typeof aci;
	obligation: typeof obligation;
	privacy: typeof privacy;
	facilitator: typeof facilitator;
	espace: typeof espace;
	statuses: typeof statuses;
}

export type MessageGroup = keyof Catalogues;
export type MessageKey = { [G in MessageGroup]: keyof Catalogues[G]['fr'] }[MessageGroup];
export type { Locale };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
/** The messages of one locale, some groups or all, by key. */
export type Messages = Readonly<Record<string, string>>;
