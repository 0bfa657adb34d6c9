/** Pro Santé Connect: sign in, link an account, and what the account page shows. */
export {
	completePsc,
	confirmPscLink,
	getPscIdentity,
	getPscPendingLink,
	pscConfig,
	pscRefusalOf,
	pscRefusedPath,
	startPsc,
	PSC_PENDING_LINK_TTL_MS,
	PSC_REFUSALS,
	PSC_REQUEST_TTL_MS,
	type PscOutcome,
	type PscPurpose,
	type PscRefusal
} from './flow';
export { forgetPscConfigurations } from './client';
export { identityFromUserInfo, professionFromExercise, type PscIdentity } from './claims';
export {
	deletePscPendingCookie,
	readPscPendingCookie,
	setPscPendingCookie,
	setPscStateCookie,
	takePscStateCookie
} from './cookies';
