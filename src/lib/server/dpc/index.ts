/** DPC training: bodies and trainers, actions, sessions, registrations and waiting lists, attendance, certificates, calendars. */
export * from './actions';
export * from './attendance';
export * from './bodies';
export * from './calendar';
export * from './catalogue';
export * from './certificate';
export * from './errors';
export * from './forms';
export * from './forum';
export * from './mine';
export * from './page';
export * from './permissions';
export * from './registrations';
export * from './seats';
export * from './sessions';
export * from './http';
export * from './calendar-view';
