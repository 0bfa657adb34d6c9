import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { csvResponse } from '$lib/server/shared/csv';
import { orErrorPage } from '$lib/server/shared/http';
import { evaluationCsv, evaluationYear, networkEvaluation } from '$lib/server/aci';

/** The evaluation of a région (or the partner's département) and year, one line per mission. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const db = await getDb();
	const evaluation = await orErrorPage(locals.locale, url, async () =>
		networkEvaluation(db, locals.user, { regionCode: url.searchParams.get('region') || null, year: evaluationYear(url.searchParams.get('annee')) })
	);
	const place = evaluation.place.departementCode ?? evaluation.place.regionCode;
	return csvResponse(evaluationCsv(evaluation), `evaluation-${place}-${evaluation.year}.csv`);
};
