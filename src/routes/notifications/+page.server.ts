import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { templatesOf } from '$lib/i18n';
import { listNotifications, markAllRead, markRead, unreadCount } from '$lib/server/notifications';
import { parseForm } from '$lib/server/shared/forms';

const PAGE_SIZE = 30;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	const before = Number(url.searchParams.get('avant')) || null;
	const [page, unread] = await Promise.all([
		listNotifications(db, user.id, { limit: PAGE_SIZE, before }),
		unreadCount(db, user.id)
	]);
	return {
		// Titles and bodies are keys of the feature that notified: their text comes with them.
		templates: templatesOf(locals.locale, page.items.flatMap((item) => (item.body ? [item.title, item.body] : [item.title]))),
		notifications: page.items.map((item) => ({
			id: item.id,
			title: item.title,
			body: item.body,
			params: item.params,
			link: item.link,
			createdAt: item.createdAt,
			read: item.readAt !== null
		})),
		nextBefore: page.nextBefore,
		isFirstPage: !before,
		unread
	};
};

const markOneSchema = z.object({ id: z.coerce.number({ error: 'form.invalid' }).int().positive('form.invalid') });

export const actions: Actions = {
	read: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(markOneSchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: 'notifications.notFound' });
		if (!(await markRead(await getDb(), user.id, parsed.data.id))) {
			return fail(404, { message: 'notifications.notFound' });
		}
		return { success: 'notifications.markedRead', count: 1 };
	},
	readAll: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		const count = await markAllRead(await getDb(), user.id);
		return { success: 'notifications.markedAllRead', count };
	}
};
