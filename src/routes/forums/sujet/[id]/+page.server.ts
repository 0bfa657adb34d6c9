import type { Actions, PageServerLoad } from './$types';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { formValues, parseForm } from '$lib/server/shared/forms';
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
import { forumContext } from '$lib/server/forum/http';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { addPoll, canAddPoll, getPollView, pollFormSchema, votePoll } from '$lib/server/forum/polls';
import { viewerTimeZone } from '$lib/server/calendar';
import { describeInZones, instantToZonedInput } from '$lib/domain/zoned-time';

/** A text field of a form ('' when absent): the command validates it. */
function textOf(formData: FormData, name: string): string {
	const value = formData.get(name);
	return typeof value === 'string' ? value : '';
}

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
	// A reply is one command: it loads the thread (locked), checks who may, validates the body
	// once and writes in one transaction; a refusal about the body comes back beside it.
	reply: formAction(async ({ request, params, locals, url }, scope) => {
		requireUser(locals, url);
		const threadId = threadIdOf(params.id, locals.locale);
		const { db, viewer } = await forumContext(locals);
		const formData = await request.formData();
		scope.keep({ values: formValues(formData), replyFailed: true });
		const { position } = await replyToThread(db, viewer, threadId, textOf(formData, 'body'));
		redirect(303, `/forums/sujet/${threadId}?depuis=${Math.max(1, position - 4)}#message-${position}`);
	}, { fieldErrors: 'replyErrors' }),
	edit: formAction(async ({ request, params, locals, url }, scope) => {
		requireUser(locals, url);
		const threadId = threadIdOf(params.id, locals.locale);
		const { db, viewer } = await forumContext(locals);
		const formData = await request.formData();
		const postId = parseId(formData.get('postId'));
		if (!postId) return fail(400, { message: 'forum.postNotFound' });
		scope.keep({ values: formValues(formData), editingId: postId });
		const { position } = await editPost(db, viewer, postId, textOf(formData, 'body'));
		redirect(303, `/forums/sujet/${threadId}?depuis=${position}#message-${position}`);
	}, { fieldErrors: 'editErrors' }),
	react: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const parsed = parseForm(reactionSchema, formData);
		const postId = parseId(formData.get('postId'));
		if (!parsed.ok || !postId) return fail(400, { message: 'form.invalid' });
		await setReaction(db, viewer, postId, parsed.data.kind, parsed.data.on);
		return { reacted: true };
	}),
	bookmark: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const postId = parseId(formData.get('postId'));
		if (!postId) return fail(400, { message: 'form.invalid' });
		await setBookmark(db, viewer, postId, formData.get('on') === 'true');
		return { success: formData.get('on') === 'true' ? 'forum.flash.bookmarked' : 'forum.flash.unbookmarked' };
	}),
	accept: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const postId = parseId((await request.formData()).get('postId'));
		await acceptAnswer(db, viewer, thread.id, postId);
		return { success: postId ? 'forum.flash.accepted' : 'forum.flash.unaccepted' };
	}),
	watch: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(watchSchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: 'form.choice' });
		await setThreadWatch(db, viewer, thread, parsed.data.level);
		return { success: 'forum.flash.watchSaved' };
	}),
	flag: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const postId = parseId(formData.get('postId'));
		const parsed = parseForm(flagFormSchema, formData);
		if (!postId || !parsed.ok) return fail(400, { message: 'forum.form.flagReason' });
		await flagPost(db, viewer, postId, parsed.data.reason, parsed.data.comment);
		return { success: 'forum.flash.flagged' };
	}),
	hidePost: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer } = await threadOf(locals, url, params.id);
		const formData = await request.formData();
		const postId = parseId(formData.get('postId'));
		if (!postId) return fail(400, { message: 'form.invalid' });
		await setPostHidden(db, viewer, postId, formData.get('hidden') === 'true');
		return { success: formData.get('hidden') === 'true' ? 'forum.flash.hidden' : 'forum.flash.restored' };
	}),
	moderate: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const operation = String((await request.formData()).get('operation') ?? '');
		if (!['lock', 'unlock', 'pin', 'unpin', 'hide', 'restore'].includes(operation)) return fail(400, { message: 'form.invalid' });
		await moderateThread(db, viewer, thread.id, operation as ThreadModeration);
		return { success: `forum.flash.thread.${operation}` };
	}),
	schedule: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(exchangeFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { exchangeErrors: parsed.errors, exchangeValues: parsed.values });
		scope.keep({ exchangeValues: parsed.values });
		await scheduleExchange(db, viewer, thread.id, parsed.data);
		return { success: 'forum.flash.exchangeSaved' };
	}),
	register: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const leave = (await request.formData()).get('leave') === 'true';
		if (leave) await unregisterFromExchange(db, viewer, thread.id);
		else await registerForExchange(db, viewer, thread.id);
		return { success: leave ? 'forum.flash.unregistered' : 'forum.flash.registered' };
	}),
	minutes: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(minutesFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { minutesErrors: parsed.errors, minutesValues: parsed.values });
		scope.keep({ minutesValues: parsed.values });
		const { position } = await postMinutes(db, viewer, thread.id, parsed.data.body);
		redirect(303, `/forums/sujet/${thread.id}?depuis=${Math.max(1, position - 4)}#message-${position}`);
	}),
	addPoll: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(pollFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { pollErrors: parsed.errors, pollValues: parsed.values });
		scope.keep({ pollValues: parsed.values });
		await addPoll(db, viewer, thread.id, parsed.data);
		return { success: 'forum.flash.pollAdded' };
	}),
	vote: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const choice = Number((await request.formData()).get('choice'));
		await votePoll(db, viewer, thread.id, choice);
		return { success: 'forum.flash.voted' };
	}),
	split: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const parsed = parseForm(splitFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { splitErrors: parsed.errors, splitValues: parsed.values });
		scope.keep({ splitValues: parsed.values });
		const newThreadId = await splitThread(db, viewer, thread.id, parsed.data.fromPosition, parsed.data.title);
		redirect(303, `/forums/sujet/${newThreadId}`);
	}),
	move: formAction(async ({ request, params, locals, url }) => {
		const { db, viewer, thread } = await threadOf(locals, url, params.id);
		const categoryId = String((await request.formData()).get('categoryId') ?? '');
		await moveThread(db, viewer, thread.id, categoryId);
		return { success: 'forum.flash.moved' };
	})
};
