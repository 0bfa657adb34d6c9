import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listRegions } from '$lib/server/cpts';
import { parseForm } from '$lib/server/shared/forms';
import { getAttachmentStore } from '$lib/server/storage';
import {
	addAttachment,
	archiveResource,
	getResourcePage,
	publishResource,
	removeAttachment,
	requestChanges,
	requireReadableResource,
	reviewCommentSchema,
	setBookmark,
	setUsefulVote,
	submitResource
} from '$lib/server/library';
import { formAction, orErrorPage } from '$lib/server/shared/http';

/** Messages a redirect may ask this page to show (?message=…). */
const FLASH = {
	created: 'library.flash.created',
	submitted: 'library.flash.createdAndSubmitted',
	saved: 'library.flash.saved'
} as const;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const page = await orErrorPage(locals.locale, url, () => getResourcePage(db, locals.user, params.slug));
	const flash = FLASH[url.searchParams.get('message') as keyof typeof FLASH] ?? null;
	const regionName = page.resource.regionCode
		? ((await listRegions(db)).find((region) => region.code === page.resource.regionCode)?.name ?? null)
		: null;
	return { ...page, regionName, flash, signedIn: locals.user !== null };
};

/** The resource of the page, for an action (the same refusals as the page). */
async function resourceOf(locals: App.Locals, url: URL, slug: string) {
	const db = await getDb();
	return { db, resource: await orErrorPage(locals.locale, url, () => requireReadableResource(db, locals.user, slug)) };
}

export const actions: Actions = {
	useful: formAction(async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const useful = (await request.formData()).get('useful') === 'true';
		await setUsefulVote(db, user, resource.id, useful);
		return { reacted: true };
	}),
	bookmark: formAction(async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const bookmarked = (await request.formData()).get('bookmarked') === 'true';
		await setBookmark(db, user, resource.id, bookmarked);
		return { reacted: true };
	}),
	submit: formAction(async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		await submitResource(db, user, resource.id);
		return { success: 'library.flash.submitted' };
	}),
	publish: formAction(async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		await publishResource(db, user, resource.id);
		return { success: 'library.flash.published' };
	}),
	requestChanges: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const parsed = parseForm(reviewCommentSchema, await request.formData());
		if (!parsed.ok) return fail(400, { reviewErrors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		await requestChanges(db, user, resource.id, parsed.data.comment);
		return { success: 'library.flash.changesRequested' };
	}),
	archive: formAction(async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		await archiveResource(db, user, resource.id);
		return { success: 'library.flash.archived' };
	}),
	upload: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const file = (await request.formData()).get('file');
		// The page shows an upload's refusal beside the file field, not at the top.
		scope.keep({ upload: true });
		if (!(file instanceof File) || (file.size === 0 && !file.name)) {
			return fail(400, { upload: true, message: 'library.resource.chooseFile', messageParams: {} });
		}
		await addAttachment(db, getAttachmentStore(), user, resource.id, {
			name: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		return { success: 'library.flash.attachmentAdded' };
	}),
	removeAttachment: formAction(async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const attachmentId = String((await request.formData()).get('attachmentId') ?? '');
		await removeAttachment(db, getAttachmentStore(), user, resource.id, attachmentId);
		return { success: 'library.flash.attachmentRemoved' };
	})
};
