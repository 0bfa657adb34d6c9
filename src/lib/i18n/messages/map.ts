/** Messages of the coverage map (components/map). English is typed against French so no key is missing. */
const fr = {
	'map.loading': 'Chargement de la carte…',
	'map.unavailable': 'La carte n’a pas pu être chargée : les chiffres sont dans le tableau ci-dessous.',
	'map.keyboardHelp':
		'Chaque département est un lien. Au clavier, la carte est un seul arrêt de tabulation : les flèches mènent au département voisin, Début et Fin au premier et au dernier, Entrée ouvre sa page, Échap masque l’infobulle.',
	'map.overseas': 'Les départements d’outre-mer sont à gauche, chacun à sa propre échelle.',
	'map.attribution':
		'Fond de carte : svg-maps de Victor Cazanave (France métropolitaine), licence CC BY 4.0 ; Natural Earth (outre-mer), domaine public.',
	'map.area': '{name} ({code})',
	'map.areaValue': '{name} ({code}) : {value}',
	'map.noData': 'Sans donnée',
	'map.classRange': 'de {from} à {to}',
	'map.col.area': 'Département',
	'map.col.detail': 'Précision',
	'map.tableSummary': 'Tableau des données de la carte'
};

const en: Record<keyof typeof fr, string> = {
	'map.loading': 'Loading the map…',
	'map.unavailable': 'The map could not be loaded: the figures are in the table below.',
	'map.keyboardHelp':
		'Each département is a link. With a keyboard, the map is a single tab stop: arrow keys move to the neighbouring département, Home and End to the first and the last, Enter opens its page, Escape hides the tooltip.',
	'map.overseas': 'The overseas départements are on the left, each at its own scale.',
	'map.attribution':
		'Base map: svg-maps by Victor Cazanave (metropolitan France), CC BY 4.0 licence; Natural Earth (overseas), public domain.',
	'map.area': '{name} ({code})',
	'map.areaValue': '{name} ({code}): {value}',
	'map.noData': 'No figure',
	'map.classRange': '{from} to {to}',
	'map.col.area': 'Département',
	'map.col.detail': 'Detail',
	'map.tableSummary': 'Data table of the map'
};

export default { fr, en };
