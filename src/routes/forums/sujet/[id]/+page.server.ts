import type { Actions, PageServerLoad } from './$types';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/shared/forms';
import { translate } from '$lib/i18n';
import { intlLocale } from '$lib/i18n/locale';
import { quoteMarkdown } from '$lib/domain/forum';
import {
	acceptAnswer,
	editPost,
	flagFormSchema,
	getThreadView,
	markThreadRead,
	moderateThread,
	moveTargets,
	moveThread,
	parseId,
	reactionSchema,
	replyFormSchema,
	replyToThread,
	quotablePost,
	requireReadableThread,
	setBookmark,
	setPostHidden,
	setReaction,
	setThreadWatch,
	watchSchema,
	flagPost,
	splitFormSchema,
	splitThread,
	type ThreadModeration
} from '$lib/server/forum';
import { exchangeFormSchema, getExchangeView, minutesFormSchema, postMinutes, registerForExchange, scheduleExchange, unregisterFromExchange } from '$lib/server/forum/exchanges';
import { failFromError, forumContext, orErrorPage } from '$lib/server/forum/http';
import { addPoll, canAddPoll, getPollView, pollFormSchema, votePoll } from '$lib/server/forum/polls';
import { viewerTimeZone } from '$lib/server/calendar';
import { describeInZones, instantToZonedInput } from '$lib/domain/zoned-time';

function threadIdOf(param: string, locale: App.Locals['locale']): number {
	const id = parseId(param);
	if (!id) error(404, translate(locale, 'forum.threadNotFound'));
	return id;
}

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const threadId = threadIdOf(params.id, locals.locale);
	const { db, viewer } = await forumContext(locals);
	const view = await orErrorPage(locals.locale, url, () =>
		getThreadView(db, viewer, threadId, { from: parseId(url.searchParams.get('depuis')), before: parseId(url.searchParams.get('avant')) })
	);
	const lastShown = view.posts[view.posts.length - 1]?.position;
	// Written only when the reader got further: re-reading costs no write (nor a row lock).
	if (viewer && lastShown && (view.lastRead ?? 0) < lastShown) await markThreadRead(db, viewer, view.thread, lastShown);

	// Without JavaScript, "Citer" comes back here with ?citer=<post id>: the reply starts with the quote.
	let quote = '';
	const quotedId = parseId(url.searchParams.get('citer'));
	if (quotedId && view.permissions.reply) {
		const quoted = await quotablePost(db, viewer, threadId, quotedId);
		if (quoted) quote = `${quoteMarkdown(quoted.authorName, quoted.source, translate(locals.locale, 'forum.post.wrote'))}\n\n`;
	}
	const editingId = parseId(url.searchParams.get('modifier'));
	const editing = editingId ? (view.posts.find((post) => post.id === editingId && post.canEdit) ?? null) : null;
	const { thread } = view;
	const [exchange, poll] = await Promise.all([getExchangeView(db, viewer, thread), getPollView(db, viewer, thread)]);
	const localeTag = intlLocale(locals.locale);
	return {
		exchange: exchange && {
			...exchange,
			when: describeInZones({ start: exchange.exchange.startsAt, end: exchange.end }, exchange.exchange.timeZone, viewerTimeZone(cookies), localeTag),
			formValues: exchange.can.manage
				? {
						startsAt: instantToZonedInput(exchange.exchange.startsAt, exchange.exchange.timeZone),
						timeZone: exchange.exchange.timeZone,
						durationMinutes: String(exchange.exchange.durationMinutes),
						capacity: String(exchange.exchange.capacity),
						place: exchange.exchange.place ?? '',
						videoUrl: exchange.exchange.videoUrl ?? '',
						agenda: exchange.exchange.agenda
					}
				: null
		},
		poll,
		canAddPoll: !poll && canAddPoll(viewer, thread),
		view: { ...view, thread: { ...thread, category: { id: thread.category.id, slug: thread.category.slug, name: thread.category.name, kind: thread.category.kind } } },
		quote,
		editing: editing ? { id: editing.id, position: editing.position, source: editing.bodySource } : null,
		moveTargets: view.permissions.moderate && viewer ? await moveTargets(db, viewer) : [],
		signedIn: viewer !== null
	};
};

/** The thread of the page for an action (the same refusals as the page). */
async function threadOf(locals: App.Locals, url: URL, param: string) {
	requireUser(locals, url);
	const threadId = threadIdOf(param, locals.locale);
	const { db, viewer } = await forumContext(locals);
	const thread = await orErrorPage(locals.locale, url, () => requireReadableThread(db, viewer, threadId));
	return { db, viewer, thread };
}

export const actions: Actions = {
	reply: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(replyFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { replyErrors: parsed.errors, values: parsed.values });
		let position: number;
		try {
			({ position } = await replyToThread(db, viewer, thread.id, parsed.data.body));
		} catch (caught) {
			return failFromError(locals.locale, caught, { values: parsed.values, replyFailed: true });
		}
		redirect(303, `/forums/sujet/${thread.id}?depuis=${Math.max(1, position - 4)}#message-${position}`);
	},
	edit: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const postId = parseId(formData.get('postId'));
		const parsed = parseForm(replyFormSchema, formData);
		if (!postId) return fail(400, { message: 'forum.postNotFound' });
		if (!parsed.ok) return fail(400, { editErrors: parsed.errors, values: parsed.values, editingId: postId });
		let position: number;
		try {
			({ position } = await editPost(db, viewer, postId, parsed.data.body));
		} catch (caught) {
			return failFromError(locals.locale, caught, { values: parsed.values, editingId: postId });
		}
		redirect(303, `/forums/sujet/${thread.id}?depuis=${position}#message-${position}`);
	},
	react: async ({ request, params, locals, url }) => {
		const { db, viewer } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const parsed = parseForm(reactionSchema, formData);
		const postId = parseId(formData.get('postId'));
		if (!parsed.ok || !postId) return fail(400, { message: 'form.invalid' });
		try {
			await setReaction(db, viewer, postId, parsed.data.kind, parsed.data.on);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { reacted: true };
	},
	bookmark: async ({ request, params, locals, url }) => {
		const { db, viewer } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const postId = parseId(formData.get('postId'));
		if (!postId) return fail(400, { message: 'form.invalid' });
		try {
			await setBookmark(db, viewer, postId, formData.get('on') === 'true');
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: formData.get('on') === 'true' ? 'forum.flash.bookmarked' : 'forum.flash.unbookmarked' };
	},
	accept: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const postId = parseId((await request.formData()).get('postId'));
		try {
			await acceptAnswer(db, viewer, thread.id, postId);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: postId ? 'forum.flash.accepted' : 'forum.flash.unaccepted' };
	},
	watch: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(watchSchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: 'form.choice' });
		await setThreadWatch(db, viewer, thread, parsed.data.level);
		return { success: 'forum.flash.watchSaved' };
	},
	flag: async ({ request, params, locals, url }) => {
		const { db, viewer } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const postId = parseId(formData.get('postId'));
		const parsed = parseForm(flagFormSchema, formData);
		if (!postId || !parsed.ok) return fail(400, { message: 'forum.form.flagReason' });
		try {
			await flagPost(db, viewer, postId, parsed.data.reason, parsed.data.comment);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'forum.flash.flagged' };
	},
	hidePost: async ({ request, params, locals, url }) => {
		const { db, viewer } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const postId = parseId(formData.get('postId'));
		if (!postId) return fail(400, { message: 'form.invalid' });
		try {
			await setPostHidden(db, viewer, postId, formData.get('hidden') === 'true');
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: formData.get('hidden') === 'true' ? 'forum.flash.hidden' : 'forum.flash.restored' };
	},
	moderate: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const operation = String((await request.formData()).get('operation') ?? '');
		if (!['lock', 'unlock', 'pin', 'unpin', 'hide', 'restore'].includes(operation)) return fail(400, { message: 'form.invalid' });
		try {
			await moderateThread(db, viewer, thread.id, operation as ThreadModeration);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: `forum.flash.thread.${operation}` };
	},
	schedule: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(exchangeFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { exchangeErrors: parsed.errors, exchangeValues: parsed.values });
		try {
			await scheduleExchange(db, viewer, thread.id, parsed.data);
		} catch (caught) {
			return failFromError(locals.locale, caught, { exchangeValues: parsed.values });
		}
		return { success: 'forum.flash.exchangeSaved' };
	},
	register: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const leave = (await request.formData()).get('leave') === 'true';
		try {
			if (leave) await unregisterFromExchange(db, viewer, thread.id);
			else await registerForExchange(db, viewer, thread.id);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: leave ? 'forum.flash.unregistered' : 'forum.flash.registered' };
	},
	minutes: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(minutesFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { minutesErrors: parsed.errors, minutesValues: parsed.values });
		let position: number;
		try {
			({ position } = await postMinutes(db, viewer, thread.id, parsed.data.body));
		} catch (caught) {
			return failFromError(locals.locale, caught, { minutesValues: parsed.values });
		}
		redirect(303, `/forums/sujet/${thread.id}?depuis=${Math.max(1, position - 4)}#message-${position}`);
	},
	addPoll: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(pollFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { pollErrors: parsed.errors, pollValues: parsed.values });
		try {
			await addPoll(db, viewer, thread.id, parsed.data);
		} catch (caught) {
			return failFromError(locals.locale, caught, { pollValues: parsed.values });
		}
		return { success: 'forum.flash.pollAdded' };
	},
	vote: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const choice = Number((await request.formData()).get('choice'));
		try {
			await votePoll(db, viewer, thread.id, choice);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'forum.flash.voted' };
	},
	split: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(splitFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { splitErrors: parsed.errors, splitValues: parsed.values });
		let newThreadId: number;
		try {
			newThreadId = await splitThread(db, viewer, thread.id, parsed.data.fromPosition, parsed.data.title);
		} catch (caught) {
			return failFromError(locals.locale, caught, { splitValues: parsed.values });
		}
		redirect(303, `/forums/sujet/${newThreadId}`);
	},
	move: async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const categoryId = String((await request.formData()).get('categoryId') ?? '');
		try {
			await moveThread(db, viewer, thread.id, categoryId);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'forum.flash.moved' };
	}
};
