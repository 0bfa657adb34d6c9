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
import { failFromError, orErrorPage } from '$lib/server/shared/http';

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
	useful: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const useful = (await request.formData()).get('useful') === 'true';
		try {
			await setUsefulVote(db, user, resource.id, useful);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { reacted: true };
	},
	bookmark: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const bookmarked = (await request.formData()).get('bookmarked') === 'true';
		try {
			await setBookmark(db, user, resource.id, bookmarked);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { reacted: true };
	},
	submit: async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		try {
			await submitResource(db, user, resource.id);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'library.flash.submitted' };
	},
	publish: async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		try {
			await publishResource(db, user, resource.id);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'library.flash.published' };
	},
	requestChanges: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const parsed = parseForm(reviewCommentSchema, await request.formData());
		if (!parsed.ok) return fail(400, { reviewErrors: parsed.errors, values: parsed.values });
		try {
			await requestChanges(db, user, resource.id, parsed.data.comment);
		} catch (caught) {
			return failFromError(locals.locale, caught, { values: parsed.values });
		}
		return { success: 'library.flash.changesRequested' };
	},
	archive: async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		try {
			await archiveResource(db, user, resource.id);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'library.flash.archived' };
	},
	upload: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || (file.size === 0 && !file.name)) {
			return fail(400, { uploadError: 'library.resource.chooseFile', uploadParams: {} });
		}
		try {
			await addAttachment(db, getAttachmentStore(), user, resource.id, {
				name: file.name,
				bytes: new Uint8Array(await file.arrayBuffer())
			});
		} catch (caught) {
			const failure = failFromError(locals.locale, caught);
			return fail(failure.status, { uploadError: failure.data.message, uploadParams: failure.data.messageParams });
		}
		return { success: 'library.flash.attachmentAdded' };
	},
	removeAttachment: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const { db, resource } = await resourceOf(locals, url, params.slug);
		const attachmentId = String((await request.formData()).get('attachmentId') ?? '');
		try {
			await removeAttachment(db, getAttachmentStore(), user, resource.id, attachmentId);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'library.flash.attachmentRemoved' };
	}
};
