import { describe, expect, it } from 'vitest';
import { identityFromUserInfo, professionFromExercise } from './claims';

describe('PSC profession codes (TRE_G15-ProfessionSante)', () => {
	it.each([
		['21', 'pharmacien'],
		['40', 'chirurgien_dentiste'],
		['50', 'sage_femme'],
		['60', 'infirmier'],
		['70', 'masseur_kinesitherapeute'],
		['80', 'pedicure_podologue'],
		['91', 'orthophoniste'],
		['92', 'orthoptiste'],
		['94', 'ergotherapeute'],
		['95', 'dieteticien'],
		['96', 'psychomotricien']
	])('maps code %s to %s', (codeProfession, profession) => {
		expect(professionFromExercise({ codeProfession })).toBe(profession);
	});

	it('tells a general practitioner from a specialist by the savoir-faire', () => {
		expect(professionFromExercise({ codeProfession: '10', codeSavoirFaire: 'SM54' })).toBe('medecin_generaliste');
		expect(professionFromExercise({ codeProfession: '10' })).toBe('medecin_generaliste');
		expect(professionFromExercise({ codeProfession: '10', codeSavoirFaire: 'SM04' })).toBe('medecin_specialiste');
	});

	it('has no profession for codes the app does not list, nor for garbage', () => {
		expect(professionFromExercise({ codeProfession: '26' })).toBeNull(); // audioprothésiste
		expect(professionFromExercise({ codeProfession: 10 })).toBeNull();
		expect(professionFromExercise({})).toBeNull();
	});
});

describe('identityFromUserInfo', () => {
	const base = {
		sub: 'f:550dc1c8:899700218896',
		given_name: 'Claire',
		family_name: 'Martin',
		email: 'Claire.Martin@Example.fr',
		SubjectRefPro: { exercices: [{ codeProfession: '60' }] }
	};

	it('keeps a non-numeric SubjectNameID as an opaque identifier, never as an RPPS number', () => {
		const identity = identityFromUserInfo({ ...base, SubjectNameID: 'ANS-TEST-Claire' });
		expect(identity).toMatchObject({ nationalId: 'ANS-TEST-Claire', rpps: null, profession: 'infirmier', professionCode: '60' });
	});

	it('takes the RPPS number from SubjectRefPro when PSC states it', () => {
		const identity = identityFromUserInfo({
			...base,
			SubjectNameID: 'ANS-TEST-Claire',
			SubjectRefPro: { exercices: [{ codeProfession: '50' }], otherIds: [{ identifiant: '10001234567', origine: 'RPPS' }] }
		});
		expect(identity).toMatchObject({ rpps: '10001234567', profession: 'sage_femme' });
		expect(identityFromUserInfo({ ...base, SubjectRefPro: { rpps: '10009876543', exercices: [] } })?.rpps).toBe('10009876543');
	});

	it('reads the RPPS number from an RPPS national identifier (8 + 11 digits), and only from that', () => {
		expect(identityFromUserInfo({ ...base, SubjectNameID: '810001234567' })?.rpps).toBe('10001234567');
		expect(identityFromUserInfo({ ...base, SubjectNameID: '010001234567' })?.rpps).toBeNull(); // ADELI
		expect(identityFromUserInfo({ ...base, SubjectNameID: '10001234567' })?.rpps).toBeNull();
	});

	it('names the person, lower-cases the e-mail, and drops an e-mail PSC says is not verified', () => {
		expect(identityFromUserInfo(base)).toMatchObject({ name: 'Claire Martin', email: 'claire.martin@example.fr' });
		expect(identityFromUserInfo({ ...base, email_verified: false })?.email).toBeNull();
		expect(identityFromUserInfo({ ...base, email: undefined })?.email).toBeNull();
	});

	it('refuses a user info without subject', () => {
		expect(identityFromUserInfo({ ...base, sub: '' })).toBeNull();
	});
});
