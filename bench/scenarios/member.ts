/**
 * What a signed-in member's page costs beside a visitor's (issue 16: at most 2×): the same
 * pages, once without a cookie and once as the demo member. The ratio of their requests per
 * second is the figure; the session, the member's roles and the layout's counts are what the
 * member's page adds.
 *
 * `npm run bench -- member`.
 */
import type { Scenario } from '../lib/types';

const MEMBER = 'membre@demo.reseau-cpts.fr';
const PAGES = [
	// Members are taken from / to Mon espace: the dashboard is compared at its own address.
	{ name: 'dashboard /statistiques', path: '/statistiques' },
	{ name: 'directory /cpts', path: '/cpts' },
	{ name: 'forums /forums', path: '/forums' },
	{ name: 'DPC /formations', path: '/formations' },
	{ name: 'library /bibliotheque', path: '/bibliotheque' }
];

const scenario: Scenario = {
	name: 'member',
	description: 'Mêmes pages, visiteur puis membre connecté (rapport ≤ 2)',
	targets: async (context) => {
		const cookie = await context.sessionCookie(MEMBER);
		return PAGES.flatMap((page) => [
			{ label: `${page.name}, visitor`, path: page.path },
			{ label: `${page.name}, member`, path: page.path, headers: { cookie } }
		]);
	}
};

export default scenario;
