/** The network's public pages: the dashboard (home) and the CPTS directory. */
import type { Scenario } from '../lib/types';

const scenario: Scenario = {
	name: 'network',
	description: 'Tableau de bord du réseau et annuaire des CPTS (visiteur anonyme)',
	targets: () => [
		{ label: 'dashboard /', path: '/', expectText: 'Auvergne-Rhône-Alpes' },
		{ label: 'directory /cpts', path: '/cpts', expectText: 'CPTS' },
		{ label: 'directory /cpts?nature=rural', path: '/cpts?nature=rural', expectText: 'CPTS' }
	]
};

export default scenario;
