/** Steering the network: plans for the zones blanches, CPTS emergence and close support, portfolios, partner accounts. */
export { isCalendarDay, type LogEntryInput, logEntrySchema, optionalDay, pastDay, shiftIso, todayIso } from './dates';
export {
	addFollowUp,
	cptsPlace,
	followUps,
	getSuivi,
	recordStage,
	type StageEvent,
	type StageEventInput,
	stageEventSchema,
	stageHistory,
	suiviAccess,
	suiviAccessFrom,
	type SuiviAccess,
	type SupportInput,
	supportSchema,
	updateSupport
} from './follow-up';
export { listPartnerAccounts, type PartnerAccountRow, partnerFormSchema, type PartnerInput, removePartnerAccount, setPartnerAccount } from './partners';
export {
	addPlanLog,
	assertFacilitator,
	createPlan,
	departementPlace,
	getPlan,
	listFacilitators,
	type LogEntry,
	PLAN_ARRAY_FIELDS,
	type PlanCommune,
	planFormSchema,
	planFormValues,
	type PlanInput,
	plansOfDepartement,
	plansOfFacilitator,
	type PlanSummary,
	requireDepartementPlans,
	uncoveredByEpci,
	updatePlan,
	type ZoneGroup,
	zonesWithoutPlan
} from './plans';
export { listMyCptsSteps, type MyCptsStep, type MyCptsTie } from './my-cpts';
export { type Lateness, latenessOf, portfolio, type PortfolioCpts } from './portfolio';
export { LATENESS_THRESHOLDS, type LatenessKind } from './thresholds';
