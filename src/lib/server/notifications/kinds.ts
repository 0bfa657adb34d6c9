/**
 * The kinds of notification the product sends, each with its default delivery channel and
 * its default title and body (message keys). A feature that needs a new kind adds it here
 * and its messages to src/lib/i18n/messages/notifications.ts.
 */
import type { MessageKey } from '../../i18n';

/** How a user wants a kind delivered. 'off' stores nothing. */
export const NOTIFICATION_PREFERENCES = ['in_app', 'email', 'digest', 'off'] as const;
export type NotificationPreference = (typeof NOTIFICATION_PREFERENCES)[number];
/** How a stored notification was delivered (every stored one is also shown in the app). */
export type NotificationChannel = Exclude<NotificationPreference, 'off'>;
/**
 * How often a user's digest notifications are mailed: each morning, or on Monday mornings
 * (for people who read the site weekly and want one mail, not seven).
 */
export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

interface KindDefinition {
	defaultPreference: NotificationPreference;
	title: MessageKey;
	body: MessageKey | null;
}

export const NOTIFICATION_KINDS = {
	// Coordinators must answer join requests: worth an e-mail at once.
	'cpts.join_request': {
		defaultPreference: 'email',
		title: 'notifications.kind.cpts.join_request.title',
		body: 'notifications.kind.cpts.join_request.body'
	},
	'cpts.join_decision': {
		defaultPreference: 'email',
		title: 'notifications.kind.cpts.join_decision.title',
		body: 'notifications.kind.cpts.join_decision.body'
	},
	'cpts.invitation': {
		defaultPreference: 'email',
		title: 'notifications.kind.cpts.invitation.title',
		body: 'notifications.kind.cpts.invitation.body'
	},
	'forum.mention': {
		defaultPreference: 'email',
		title: 'notifications.kind.forum.mention.title',
		body: 'notifications.kind.forum.mention.body'
	},
	// Replies and comments can be many: a daily digest by default.
	'forum.reply': {
		defaultPreference: 'digest',
		title: 'notifications.kind.forum.reply.title',
		body: 'notifications.kind.forum.reply.body'
	},
	// Someone asked for your attention by name in a draft's comments.
	'draft.mention': {
		defaultPreference: 'email',
		title: 'notifications.kind.draft.mention.title',
		body: 'notifications.kind.draft.mention.body'
	},
	// Practice exchanges: reminders, schedule changes and minutes are worth a mail at once.
	'forum.exchange': {
		defaultPreference: 'email',
		title: 'notifications.kind.forum.exchange.title',
		body: 'notifications.kind.forum.exchange.body'
	},
	// A draft moved on (submitted to the ARS, validated…): worth knowing, not a mail each time.
	'draft.status': {
		defaultPreference: 'in_app',
		title: 'notifications.kind.draft.status.title',
		body: 'notifications.kind.draft.status.body'
	},
	'draft.comment': {
		defaultPreference: 'digest',
		title: 'notifications.kind.draft.comment.title',
		body: 'notifications.kind.draft.comment.body'
	},
	// A seat freed on a DPC session is time-sensitive.
	'dpc.waitlist_promotion': {
		defaultPreference: 'email',
		title: 'notifications.kind.dpc.waitlist_promotion.title',
		body: 'notifications.kind.dpc.waitlist_promotion.body'
	},
	'dpc.session_changed': {
		defaultPreference: 'email',
		title: 'notifications.kind.dpc.session_changed.title',
		body: 'notifications.kind.dpc.session_changed.body'
	},
	// No dialogue de gestion in twelve months under an ACI contract: once a month, by mail.
	'aci.dialogue_due': {
		defaultPreference: 'email',
		title: 'notifications.kind.aci.dialogue_due.title',
		body: 'notifications.kind.aci.dialogue_due.body'
	},
	// A facilitator writes to the coordinators: rare and meant to be read, so by mail at once.
	announcement: {
		defaultPreference: 'email',
		title: 'notifications.kind.announcement.title',
		body: 'notifications.kind.announcement.body'
	},
	system: {
		defaultPreference: 'in_app',
		title: 'notifications.kind.system.title',
		body: null
	}
} as const satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
	return Object.hasOwn(NOTIFICATION_KINDS, value);
}

/** The catalogue key naming a kind in the preferences form. */
export function kindLabelKey(kind: NotificationKind): MessageKey {
	return `notifications.kindLabel.${kind}` as MessageKey;
}
