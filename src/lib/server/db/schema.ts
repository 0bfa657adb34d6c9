/** The whole database schema, one file per feature. Types come from here ($inferSelect). */
export * from './schema/auth';
export * from './schema/audit';
export * from './schema/cpts';
export * from './schema/notifications';
export * from './schema/outbox';
export * from './schema/library';
export * from './schema/drafts';
export * from './schema/forum';
export * from './schema/calendar';
export * from './schema/dpc';
export * from './schema/geo';
export * from './schema/steering';
export * from './schema/aci';
export * from './schema/privacy';
export * from './schema/announcements';
export * from './schema/psc';
