/**
 * Demo accounts, one per role, shown with their passwords on the sign-in page in demo mode
 * only (and in the README). The seed creates them.
 */
import type { GrantedRole, Profession, ProfessionForm } from '../../domain/professions';

export interface DemoAccount {
	email: string;
	password: string;
	name: string;
	profession: Profession;
	/** How the persona writes her profession beside her name, as she would choose on her profile (none for organisations and epicene professions). */
	professionForm?: ProfessionForm;
	roles: GrantedRole[];
	/** What the account shows off, for the sign-in page. */
	roleLabel: 'role.member' | 'role.facilitator' | 'role.trainer' | 'role.admin' | 'demo.coordinator' | 'plans.demo.partner';
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ email: 'admin@demo.reseau-cpts.fr', password: 'demo-admin-2026', name: 'Anne Martin', profession: 'coordinateur_autre', professionForm: 'feminine', roles: ['admin'], roleLabel: 'role.admin' },
	{ email: 'animatrice@demo.reseau-cpts.fr', password: 'demo-animation-2026', name: 'Sophie Lambert', profession: 'coordinateur_autre', professionForm: 'feminine', roles: ['facilitator'], roleLabel: 'role.facilitator' },
	{ email: 'formateur@demo.reseau-cpts.fr', password: 'demo-formation-2026', name: 'Dr Marc Girard', profession: 'medecin_generaliste', roles: ['trainer'], roleLabel: 'role.trainer' },
	{ email: 'coordinatrice@demo.reseau-cpts.fr', password: 'demo-coordination-2026', name: 'Claire Dubois', profession: 'infirmier', professionForm: 'feminine', roles: [], roleLabel: 'demo.coordinator' },
	{ email: 'membre@demo.reseau-cpts.fr', password: 'demo-membre-2026', name: 'Julien Moreau', profession: 'pharmacien', professionForm: 'masculine', roles: [], roleLabel: 'role.member' },
	// Partner accounts (their scope is in demo/partners.ts): no role, a partner_accounts row.
	{ email: 'ars@demo.reseau-cpts.fr', password: 'demo-ars-2026', name: 'ARS Grand Est', profession: 'coordinateur_autre', roles: [], roleLabel: 'plans.demo.partner' },
	{ email: 'cpam974@demo.reseau-cpts.fr', password: 'demo-cpam-2026', name: 'CPAM de La Réunion', profession: 'coordinateur_autre', roles: [], roleLabel: 'plans.demo.partner' },
	{ email: 'urps@demo.reseau-cpts.fr', password: 'demo-urps-2026', name: 'URPS infirmiers Auvergne-Rhône-Alpes', profession: 'infirmier', roles: [], roleLabel: 'plans.demo.partner' }
];
