/**
 * Which message groups a page needs besides `common` (layout, navigation, errors, reference
 * lists), by route id: a page loads the entries of its route and of every parent route
 * (`/forums/sujet/[id]` gets those of `/forums` and `/forums/sujet`); `/` is the dashboard
 * alone. Keys named by a page's code are checked against this table by route-groups.test.ts;
 * keys that arrive as data (notification titles, audit actions, failures) are listed here
 * by hand. A key outside its page's groups still shows (see context.ts), with a warning.
 */
import type { MessageGroup } from './keys';

export const ROUTE_GROUPS: Readonly<Record<string, readonly MessageGroup[]>> = {
	'/': ['dashboard'],
	// The journal's filters (facilitator: its sentences are translated on the server).
	'/admin': ['admin', 'facilitator'],
	'/annonces': ['facilitator'],
	// The partner accounts section of the users page.
	'/admin/utilisateurs': ['plans'],
	'/bibliotheque': ['library'],
	'/calendrier': ['calendar'],
	'/compte': ['auth'],
	'/compte/donnees': ['privacy'],
	'/connexion': ['auth'],
	'/deconnexion': ['auth'],
	// Mon espace: stage names (common), draft statuses and lateness (statuses).
	'/espace': ['espace', 'statuses'],
	// The dashboard, also for signed-in members (« Statistiques du réseau »).
	'/statistiques': ['dashboard'],
	'/inscription': ['auth'],
	'/mot-de-passe-oublie': ['auth'],
	'/reinitialisation': ['auth'],
	'/verification': ['auth'],
	'/cpts': ['cpts'],
	'/donnees-personnelles': ['privacy'],
	// A CPTS's page and its territory section; each part of it (contract, projects, follow-up) has
	// its own group, loaded there only.
	'/cpts/[slug]': ['territories'],
	// The contract's dates are refused with the plans' date messages (steering/dates.ts).
	'/cpts/[slug]/contrat': ['aci', 'plans'],
	'/cpts/[slug]/projets': ['drafts', 'statuses'],
	'/cpts/[slug]/suivi': ['plans'],
	'/cpts/nouvelle': ['territories'],
	'/formations': ['dpc'],
	'/formations/mon-obligation': ['obligation'],
	'/forums': ['forum'],
	// Notification titles come from the features that send them: the page receives their text (templatesOf).
	'/notifications': ['notifications'],
	'/projets': ['drafts', 'statuses'],
	// The national reference is worded once (common); the evaluation pages (aci).
	'/reseau': ['steering', 'map'],
	'/reseau/evaluation': ['aci'],
	'/reseau/departements/[code]/plans': ['plans'],
	'/reseau/portefeuille': ['plans', 'statuses']
};

/**
 * Groups of a page's optional parts, by source file under src/routes: loaded by the page's
 * universal load with the part itself, only when the page shows it (a thread without an
 * exchange, a poll or the moderators' tools does not fetch their messages).
 */
export const PART_GROUPS: Readonly<Record<string, readonly MessageGroup[]>> = {
	'forums/sujet/[id]/Exchange.svelte': ['forumParts', 'calendar'],
	'forums/sujet/[id]/Poll.svelte': ['forumParts'],
	'forums/sujet/[id]/Moderation.svelte': ['forumParts']
};

/** The groups a route needs, `common` first; for an unknown route (404), `common` alone. */
export function groupsForRoute(routeId: string | null): MessageGroup[] {
	const groups = new Set<MessageGroup>(['common']);
	if (routeId === '/') return [...groups, ...ROUTE_GROUPS['/']];
	const segments = routeId?.split('/').filter(Boolean) ?? [];
	for (let length = 1; length <= segments.length; length++) {
		for (const group of ROUTE_GROUPS[`/${segments.slice(0, length).join('/')}`] ?? []) groups.add(group);
	}
	return [...groups];
}
