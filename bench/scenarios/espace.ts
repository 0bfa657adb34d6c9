/**
 * What Mon espace costs beside the statistics page (the home page before it): for each demo
 * role, /espace (every section: CPTS and next steps, agenda, drafts with unread comments,
 * followed threads, what awaits) and /statistiques, signed in as that role. The ratio of
 * requests per second is the figure.
 *
 * `npm run bench -- espace`.
 */
import type { Scenario } from '../lib/types';

const ROLES = [
	{ role: 'member', email: 'membre@demo.reseau-cpts.fr' },
	{ role: 'coordinator', email: 'coordinatrice@demo.reseau-cpts.fr' },
	{ role: 'facilitator', email: 'animatrice@demo.reseau-cpts.fr' },
	{ role: 'trainer', email: 'formateur@demo.reseau-cpts.fr' },
	{ role: 'partner', email: 'ars@demo.reseau-cpts.fr' }
];

const scenario: Scenario = {
	name: 'espace',
	description: 'Mon espace à côté de la page des statistiques, pour chaque rôle de démonstration',
	targets: async (context) => {
		const targets = [];
		for (const { role, email } of ROLES) {
			const cookie = await context.sessionCookie(email);
			targets.push(
				{ label: `/statistiques, ${role}`, path: '/statistiques', headers: { cookie } },
				{ label: `/espace, ${role}`, path: '/espace', headers: { cookie }, expectText: 'Mon espace' }
			);
		}
		return targets;
	}
};

export default scenario;
