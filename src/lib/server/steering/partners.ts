/**
 * Partner accounts (ARS, CPAM, URPS): an admin turns an existing user into a partner of one
 * scope: an ARS a région (or one département for a délégation territoriale), a CPAM one
 * département, a URPS one région. The scope itself is read by territories/scope.ts. A partner
 * account grants nothing else: no role, no forum space, no draft.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { geoDepartements, partnerAccounts, regions, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { writeAudit } from '../audit';
import { canManageRoles } from '../admin/permissions';
import { fields } from '../shared/forms';
import { AppError, forbidden } from '../shared/errors';
import { PARTNER_ORGANISATIONS, type PartnerOrganisation } from '../../domain/geography';

export const partnerFormSchema = z
	.object({
		email: fields.email,
		organisation: z.enum(PARTNER_ORGANISATIONS, { error: 'form.choice' }),
		regionCode: z.string({ error: 'form.required' }).trim().min(1, 'form.required').max(3, 'form.invalid'),
		departementCode: z
			.string()
			.trim()
			.max(3, 'form.invalid')
			.optional()
			.transform((value) => (value ? value.toUpperCase() : null)),
		label: z.string({ error: 'form.required' }).trim().min(1, 'form.required').max(200, 'form.tooLong')
	})
	.refine((value) => value.organisation !== 'cpam' || value.departementCode, { path: ['departementCode'], message: 'plans.partner.cpamNeedsDepartement' })
	.refine((value) => value.organisation !== 'urps' || !value.departementCode, { path: ['departementCode'], message: 'plans.partner.urpsNoDepartement' });
export type PartnerInput = z.infer<typeof partnerFormSchema>;

export interface PartnerAccountRow {
	userId: string;
	name: string;
	email: string;
	organisation: PartnerOrganisation;
	regionCode: string;
	regionName: string;
	departementCode: string | null;
	label: string;
}

/** Every partner account, by organisation then label. */
export async function listPartnerAccounts(db: DbOrTx): Promise<PartnerAccountRow[]> {
	const rows = await db
		.select({
			userId: partnerAccounts.userId,
			name: users.name,
			email: users.email,
			organisation: partnerAccounts.organisation,
			regionCode: partnerAccounts.regionCode,
			regionName: regions.name,
			departementCode: partnerAccounts.departementCode,
			label: partnerAccounts.label
		})
		.from(partnerAccounts)
		.innerJoin(users, eq(users.id, partnerAccounts.userId))
		.innerJoin(regions, eq(regions.code, partnerAccounts.regionCode))
		.orderBy(asc(partnerAccounts.organisation), asc(partnerAccounts.label));
	return rows.map((row) => ({ ...row, organisation: row.organisation as PartnerOrganisation }));
}

/**
 * Makes an existing user a partner of this scope (replacing a previous one). Admins only;
 * the département must belong to the région. Field errors name the field in details.field.
 */
export async function setPartnerAccount(db: DbOrTx, actor: Pick<SessionUser, 'id' | 'roles'> | null, input: PartnerInput): Promise<{ userName: string }> {
	if (!canManageRoles(actor)) throw forbidden();
	const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, input.email));
	if (!user) throw new AppError('invalid', 'plans.partner.unknownUser', { field: 'email' });
	const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode));
	if (!region) throw new AppError('invalid', 'form.choice', { field: 'regionCode' });
	if (input.departementCode) {
		const [departement] = await db.select({ regionCode: geoDepartements.regionCode }).from(geoDepartements).where(eq(geoDepartements.code, input.departementCode));
		if (!departement) throw new AppError('invalid', 'plans.partner.unknownDepartement', { field: 'departementCode' });
		if (departement.regionCode !== input.regionCode) throw new AppError('invalid', 'plans.partner.departementOutsideRegion', { field: 'departementCode' });
	}
	const columns = { organisation: input.organisation, regionCode: input.regionCode, departementCode: input.departementCode, label: input.label };
	await db.transaction(async (tx) => {
		await tx.insert(partnerAccounts).values({ userId: user.id, ...columns }).onConflictDoUpdate({ target: partnerAccounts.userId, set: columns });
		await writeAudit(tx, { actorId: actor!.id, action: 'partner.set', targetType: 'user', targetId: user.id, details: columns });
	});
	return { userName: user.name };
}

/** Ends a partner account (the user stays, as an ordinary user). Admins only. */
export async function removePartnerAccount(db: DbOrTx, actor: Pick<SessionUser, 'id' | 'roles'> | null, userId: string): Promise<boolean> {
	if (!canManageRoles(actor)) throw forbidden();
	return db.transaction(async (tx) => {
		const removed = await tx.delete(partnerAccounts).where(eq(partnerAccounts.userId, userId)).returning({ userId: partnerAccounts.userId });
		if (removed.length) await writeAudit(tx, { actorId: actor!.id, action: 'partner.remove', targetType: 'user', targetId: userId });
		return removed.length > 0;
	});
}
