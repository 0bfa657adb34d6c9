import type { RequestHandler } from './$types';
import { personProfessionKey } from '$lib/domain/professions';
import { translate, type MessageKey } from '$lib/i18n';
import { dpcRequest, listParticipants, participantsCsv } from '$lib/server/dpc';
import { orErrorPage } from '$lib/server/shared/http';

/** The participant list as CSV, for the session's trainers only. */
export const GET: RequestHandler = async (event) => {
	const { db, viewer, locale } = await dpcRequest(event);
	const list = await orErrorPage(locale, event.url, () => listParticipants(db, viewer, event.params.id));
	const t = (key: string, params?: Record<string, string | number>) => translate(locale, key as MessageKey, params);
	const csv = participantsCsv(list, {
		header: ['name', 'email', 'profession', 'rpps', 'list', 'registeredAt', 'fully'].map((key) => t(`dpc.participants.${key}`)),
		part: (index) => t('dpc.session.partN', { index: index + 1 }),
		profession: (code, form) => t(personProfessionKey(code, form)),
		status: (code) => t(`dpc.registration.${code}`),
		attendance: (code) => t(`dpc.attendance.${code}`),
		yes: t('dpc.participants.fullyYes'),
		no: t('dpc.participants.fullyNo')
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="participants-${list.session.actionReference}-session-${list.session.number}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
