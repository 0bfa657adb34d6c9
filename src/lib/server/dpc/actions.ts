/** DPC actions: the ANDPC programme (reference, orientation, HAS method…) that sessions hang under. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { dpcActionResources, dpcActions, dpcBodies, dpcSessions } from '../db/schema';
import { writeAudit } from '../audit';
import { listPublishedResourceLinks, type ResourceLink } from '../library/resources';
import { forbidden, isUniqueViolation, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { fieldError } from './errors';
import type { ActionInput } from './forms';
import { canCreateAction, canEditAction, type MaybeDpcViewer } from './permissions';

export type DpcAction = Omit<typeof dpcActions.$inferSelect, 'searchVector'>;

const actionColumns = {
	id: dpcActions.id,
	reference: dpcActions.reference,
	bodyId: dpcActions.bodyId,
	title: dpcActions.title,
	orientation: dpcActions.orientation,
	method: dpcActions.method,
	format: dpcActions.format,
	professions: dpcActions.professions,
	interprofessional: dpcActions.interprofessional,
	andpcFunded: dpcActions.andpcFunded,
	missions: dpcActions.missions,
	objectives: dpcActions.objectives,
	programme: dpcActions.programme,
	createdBy: dpcActions.createdBy,
	createdAt: dpcActions.createdAt,
	updatedAt: dpcActions.updatedAt
};

function contentColumns(input: ActionInput) {
	return {
		reference: input.reference,
		title: input.title,
		orientation: input.orientation,
		method: input.method,
		format: input.format,
		professions: input.professions,
		interprofessional: input.interprofessional,
		andpcFunded: input.andpcFunded,
		missions: input.missions,
		objectives: input.objectives,
		programme: input.programme
	};
}

async function linkResources(tx: DbOrTx, actionId: string, resourceIds: readonly string[]): Promise<void> {
	await tx.delete(dpcActionResources).where(eq(dpcActionResources.actionId, actionId));
	// Only published resources can be linked; others are dropped silently (the picker offers no others).
	const links = await listPublishedResourceLinks(tx, resourceIds);
	if (links.length > 0) {
		await tx.insert(dpcActionResources).values(links.map((link, position) => ({ actionId, resourceId: link.id, position })));
	}
}

/** A trainer creates an action for their body. */
export async function createAction(db: DbOrTx, viewer: MaybeDpcViewer, input: ActionInput): Promise<DpcAction> {
	if (!viewer || !canCreateAction(viewer)) throw forbidden('dpc.cannotPublish');
	try {
		return await db.transaction(async (tx) => {
			const [action] = await tx
				.insert(dpcActions)
				.values({ id: generateId(), bodyId: viewer.bodyId!, createdBy: viewer.id, ...contentColumns(input) })
				.returning(actionColumns);
			await linkResources(tx, action.id, input.resourceIds);
			await writeAudit(tx, { actorId: viewer.id, action: 'dpc.action.create', targetType: 'dpc_action', targetId: action.id });
			return action;
		});
	} catch (caught) {
		if (isUniqueViolation(caught, 'dpc_actions_reference_key')) throw fieldError('reference', 'dpc.form.referenceTaken');
		throw caught;
	}
}

/** The body's trainers edit an action. */
export async function updateAction(db: DbOrTx, viewer: MaybeDpcViewer, actionId: string, input: ActionInput): Promise<DpcAction> {
	const current = await requireAction(db, actionId);
	if (!canEditAction(viewer, current)) throw forbidden('dpc.cannotEdit');
	try {
		return await db.transaction(async (tx) => {
			const [action] = await tx
				.update(dpcActions)
				.set({ ...contentColumns(input), updatedAt: new Date() })
				.where(eq(dpcActions.id, actionId))
				.returning(actionColumns);
			await linkResources(tx, actionId, input.resourceIds);
			await writeAudit(tx, { actorId: viewer!.id, action: 'dpc.action.update', targetType: 'dpc_action', targetId: actionId });
			return action;
		});
	} catch (caught) {
		if (isUniqueViolation(caught, 'dpc_actions_reference_key')) throw fieldError('reference', 'dpc.form.referenceTaken');
		throw caught;
	}
}

export async function requireAction(db: DbOrTx, actionId: string): Promise<DpcAction> {
	if (!/^[a-z0-9]{1,40}$/.test(actionId)) throw notFound('dpc.actionNotFound');
	const [action] = await db.select(actionColumns).from(dpcActions).where(eq(dpcActions.id, actionId));
	if (!action) throw notFound('dpc.actionNotFound');
	return action;
}

/** An action for its edit form, with the ids of its linked resources; its body's trainers only. */
export async function getActionForEdit(
	db: DbOrTx,
	viewer: MaybeDpcViewer,
	actionId: string
): Promise<DpcAction & { resourceIds: string[] }> {
	const action = await requireAction(db, actionId);
	if (!canEditAction(viewer, action)) throw forbidden('dpc.cannotEdit');
	const links = await db
		.select({ resourceId: dpcActionResources.resourceId })
		.from(dpcActionResources)
		.where(eq(dpcActionResources.actionId, actionId))
		.orderBy(asc(dpcActionResources.position));
	return { ...action, resourceIds: links.map((link) => link.resourceId) };
}

/** The library resources linked to an action, in the trainer's order. */
export async function listActionResources(db: DbOrTx, actionId: string): Promise<ResourceLink[]> {
	const links = await db
		.select({ resourceId: dpcActionResources.resourceId })
		.from(dpcActionResources)
		.where(eq(dpcActionResources.actionId, actionId))
		.orderBy(asc(dpcActionResources.position));
	return listPublishedResourceLinks(
		db,
		links.map((link) => link.resourceId)
	);
}

export interface TrainerActionSummary extends DpcAction {
	bodyName: string;
	sessions: { id: string; number: number; status: string; startsAt: Date }[];
}

/** The trainer space: the actions of the viewer's body (every body for admins) with their sessions. */
export async function listManagedActions(db: DbOrTx, viewer: MaybeDpcViewer): Promise<TrainerActionSummary[]> {
	if (!viewer) throw forbidden();
	const isAdmin = viewer.roles.includes('admin');
	if (!isAdmin && !viewer.bodyId) return [];
	const actions = await db
		.select({ ...actionColumns, bodyName: dpcBodies.name })
		.from(dpcActions)
		.innerJoin(dpcBodies, eq(dpcBodies.id, dpcActions.bodyId))
		.where(isAdmin ? undefined : eq(dpcActions.bodyId, viewer.bodyId!))
		.orderBy(desc(dpcActions.updatedAt))
		.limit(200);
	if (actions.length === 0) return [];
	const sessions = await db
		.select({ id: dpcSessions.id, actionId: dpcSessions.actionId, number: dpcSessions.number, status: dpcSessions.status, startsAt: dpcSessions.startsAt })
		.from(dpcSessions)
		.where(and(inArray(dpcSessions.actionId, actions.map((action) => action.id))))
		.orderBy(asc(dpcSessions.number));
	return actions.map((action) => ({ ...action, sessions: sessions.filter((session) => session.actionId === action.id) }));
}
