/** The ACI contract of a CPTS: contract, yearly missions and indicators, dialogue de gestion, reminders, network evaluation. */
export { type Actor, contractAccess, type ContractAccess, type CptsRow, requireContractAccess } from './permissions';
export { centsToField, decimalToField, optionalDecimal, optionalEuros } from './forms';
export {
	attachContractDocument,
	type Contract,
	CONTRACT_ARRAY_FIELDS,
	contractFormSchema,
	type ContractInput,
	contractMissions,
	contractOf,
	type ContractView,
	getContract,
	inspectContractDocument,
	MAX_CONTRACT_DOCUMENT_BYTES,
	openContractDocument,
	requireContract,
	saveContract
} from './contracts';
export {
	assembleMissionYears,
	getContractYear,
	type Indicator,
	indicatorBand,
	type IndicatorInput,
	indicatorRows,
	MAX_INDICATORS_PER_MISSION,
	type MissionYear,
	type MissionYearInput,
	missionYears,
	parseMissionYearForm,
	saveMissionYear
} from './years';
export {
	type Dialogue,
	dialogueDates,
	dialogueDisposition,
	dialogueDocx,
	dialogueFormSchema,
	type DialogueInput,
	dialogueOf,
	type DialogueReview,
	type DialogueView,
	getDialogue,
	requireDialogue,
	saveDialogue
} from './dialogues';
export { cptsWithoutRecentDialogue, listDialoguesDue, reminderPeriod, sendDialogueReminders, startDialogueReminders } from './reminders';
export {
	cptsWithoutCrisisPlan,
	type CptsWithoutPlan,
	type Evaluation,
	EVALUATION_CSV_HEADER,
	evaluationCsv,
	type EvaluationPlace,
	evaluationYear,
	type MissionEvaluation,
	networkEvaluation
} from './evaluation';
