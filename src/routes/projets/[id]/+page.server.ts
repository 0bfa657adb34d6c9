import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '$lib/server/auth/guards';
import { draftDocumentName } from '$lib/server/collab/names';
import { formAction } from '$lib/server/shared/http';
import { getDb } from '$lib/server/db';
import {
	COMMENT_MAX,
	NEXT_STATUSES,
	VERSION_LABEL_MAX,
	addComment,
	addDraftReviewer,
	changeDraftStatus,
	draftCpts,
	listComments,
	listDraftReviewers,
	listVersions,
	loadStoredJSON,
	markDraftCommentsSeen,
	nameVersion,
	removeDraftReviewer,
	replyToComment,
	setCommentResolved
} from '$lib/server/drafts';
import { requireReadableDraft } from '$lib/server/drafts/http';
import { fields, parseForm } from '$lib/server/shared/forms';
import { presenceColor } from '$lib/drafts/colors';
import { outlineOf } from '$lib/drafts/document';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const access = await requireReadableDraft(db, locals, url, params.id);
	const user = locals.user!;
	const { draft } = access;
	const [cpts, comments, versions, doc] = await Promise.all([
		draftCpts(db, draft),
		listComments(db, user, draft.id, access),
		listVersions(db, user, draft.id, access),
		loadStoredJSON(db, draft.id),
		// Mon espace counts the comments written since this visit as unread.
		markDraftCommentsSeen(db, user.id, draft.id)
	]);
	return {
		draft: { id: draft.id, title: draft.title, status: draft.status, createdAt: draft.createdAt },
		documentName: draftDocumentName(draft.id),
		cpts,
		access: { canEdit: access.canEdit, canComment: access.canComment, canManage: access.canManage },
		me: { id: user.id, name: user.name, color: presenceColor(user.id) },
		doc,
		outline: outlineOf(doc),
		comments,
		nextStatuses: access.canManage ? NEXT_STATUSES[draft.status] : [],
		reviewers: access.canManage ? await listDraftReviewers(db, draft.id) : [],
		latestVersion: versions[0] ?? null,
		versionCount: versions.length,
		created: url.searchParams.has('cree'),
		// Set by the restore action's redirect (a version number), for its confirmation.
		restored: Number(url.searchParams.get('restauree')) || null
	};
};

const commentSchema = z.object({
	body: fields.requiredText(COMMENT_MAX),
	anchorStart: z.string().max(1024).optional(),
	anchorEnd: z.string().max(1024).optional(),
	quote: z.string().max(2000).optional()
});
const replySchema = z.object({ thread: z.string().min(1).max(64), body: fields.requiredText(COMMENT_MAX) });
const threadSchema = z.object({ thread: z.string().min(1).max(64) });
const statusSchema = z.object({ status: z.string().min(1).max(40) });
const versionSchema = z.object({ label: fields.requiredText(VERSION_LABEL_MAX) });
const reviewerSchema = z.object({ email: fields.email });
const reviewerRemovalSchema = z.object({ userId: z.string().min(1).max(64) });

export const actions: Actions = {
	comment: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(commentSchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'comment', errors: parsed.errors, values: parsed.values });
		scope.keep({ action: 'comment', values: parsed.values });
		await addComment(await getDb(), user, params.id, parsed.data);
		return { action: 'comment', success: 'drafts.comments.added' };
	}),
	reply: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(replySchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'reply', thread: parsed.values.thread, errors: parsed.errors, values: parsed.values });
		scope.keep({ action: 'reply', thread: parsed.data.thread, values: parsed.values });
		await replyToComment(await getDb(), user, params.id, parsed.data.thread, parsed.data.body);
		return { action: 'reply', success: 'drafts.comments.replied' };
	}),
	resolve: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(threadSchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'resolve', errors: parsed.errors });
		scope.keep({ action: 'resolve' });
		await setCommentResolved(await getDb(), user, params.id, parsed.data.thread, true);
		return { action: 'resolve', success: 'drafts.comments.resolved' };
	}),
	reopen: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(threadSchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'reopen', errors: parsed.errors });
		scope.keep({ action: 'reopen' });
		await setCommentResolved(await getDb(), user, params.id, parsed.data.thread, false);
		return { action: 'reopen', success: 'drafts.comments.reopened' };
	}),
	status: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(statusSchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'status', errors: parsed.errors });
		scope.keep({ action: 'status' });
		const version = await changeDraftStatus(await getDb(), user, params.id, parsed.data.status);
		return { action: 'status', success: 'drafts.workflow.changed', version: version.number, status: version.status };
	}),
	version: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(versionSchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'version', errors: parsed.errors, values: parsed.values });
		scope.keep({ action: 'version', values: parsed.values });
		const version = await nameVersion(await getDb(), user, params.id, parsed.data.label);
		return { action: 'version', success: 'drafts.versions.named', version: version.number };
	}),
	invite: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(reviewerSchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'invite', errors: parsed.errors, values: parsed.values });
		scope.keep({ action: 'invite', values: parsed.values });
		await addDraftReviewer(await getDb(), user, params.id, parsed.data.email);
		return { action: 'invite', success: 'drafts.reviewers.invited' };
	}),
	uninvite: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(reviewerRemovalSchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'uninvite', errors: parsed.errors });
		scope.keep({ action: 'uninvite' });
		await removeDraftReviewer(await getDb(), user, params.id, parsed.data.userId);
		return { action: 'uninvite', success: 'drafts.reviewers.removed' };
	})
};
