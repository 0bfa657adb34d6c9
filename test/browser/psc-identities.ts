/** Test identities of the local Pro Santé Connect provider the browser tests sign in with. */
import type { PscTestClaims } from '../helpers/psc-provider';

/** RPPS numbers with a valid check digit (Luhn), as the real directory has. */
export const PSC_RPPS = { nadia: '10007770018', marc: '10007770026' } as const;

export const PSC_BROWSER_IDENTITIES: Record<string, PscTestClaims> = {
	// A new professional: the test environment's SubjectNameID is not a number.
	'f:nadia': {
		SubjectNameID: 'ANS-BAS-NADIA',
		SubjectRefPro: { exercices: [{ codeProfession: '21' }], otherIds: [{ identifiant: PSC_RPPS.nadia, origine: 'RPPS' }] },
		given_name: 'Nadia',
		family_name: 'Pharmacienne',
		email: 'nadia.psc@exemple.fr'
	},
	// Linked from the demo trainer's account page (her PSC e-mail is another one).
	'f:marc': {
		SubjectNameID: `8${PSC_RPPS.marc}`,
		SubjectRefPro: { exercices: [{ codeProfession: '10', codeSavoirFaire: 'SM54' }] },
		given_name: 'Marc',
		family_name: 'Girard',
		email: 'marc.girard@exemple.fr'
	},
	// Same e-mail as the demo member: linking asks for the account's password.
	'f:julien': {
		SubjectNameID: 'ANS-BAS-JULIEN',
		SubjectRefPro: { exercices: [{ codeProfession: '21' }] },
		given_name: 'Julien',
		family_name: 'Moreau',
		email: 'membre@demo.reseau-cpts.fr'
	}
};
