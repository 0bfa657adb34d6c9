/** The ACI contract of a CPTS: contract, yearly missions and indicators, dialogue de gestion, reminders, network evaluation. */
export * from './permissions';
export * from './forms';
export * from './contracts';
export * from './years';
export * from './dialogues';
export * from './reminders';
export * from './evaluation';
