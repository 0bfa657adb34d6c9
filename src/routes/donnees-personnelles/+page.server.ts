import type { PageServerLoad } from './$types';
import { configuredRetention, RETENTION } from '$lib/server/privacy';

export const load: PageServerLoad = async ({ url }) => ({
	retention: { ...RETENTION, ...configuredRetention() },
	accountDeleted: url.searchParams.get('compte') === 'supprime'
});
