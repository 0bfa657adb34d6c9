/** What draft routes share: loading a draft a viewer may read, or the right refusal. */
import { error, redirect } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { signInPath } from '../shared/http';
import { getDraftAccess, type DraftAccess } from './permissions';

/**
 * The draft and the viewer's rights: signed-out visitors go to the sign-in page, a draft
 * that does not exist is a 404, and one the viewer may not read a 403.
 */
export async function requireReadableDraft(
	db: DbOrTx,
	locals: { user: SessionUser | null; locale: Locale },
	url: URL,
	draftId: string
): Promise<DraftAccess> {
	if (!locals.user) redirect(303, signInPath(url));
	const access = /^[a-z2-7]{10,64}$/.test(draftId) ? await getDraftAccess(db, locals.user, draftId) : null;
	if (!access) error(404, translate(locals.locale, 'drafts.notFound'));
	if (!access.canRead) error(403, translate(locals.locale, 'drafts.forbidden'));
	return access;
}
